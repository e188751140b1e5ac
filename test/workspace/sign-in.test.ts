/**
 * Workspace sign-in by a one-time link e-mailed to the coordinator: the request page never
 * tells who has an account, a link works once and briefly, opening it changes nothing until
 * the button is pressed, every POST needs the pre-session form token and comes from our own
 * pages, and nothing a stranger does can keep the owner out.
 */
import { describe, expect, it } from 'vitest';
import { LINKS_PER_ACCOUNT } from '../../src/domain/sign-in-links.ts';
import { randomSecret, sha256Hex } from '../../src/lib/crypto.ts';
import { env } from '../helpers.ts';
import { Browser, issueSignInLink, signInLinkIn, workspaceCoordinator } from './browser.ts';
import { mailbox } from './mail.ts';

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
});

describe('asking for a link and signing in with it', () => {
  it('mails a link; opening it asks first; confirming sets a hardened cookie; sign-out ends it', async () => {
    const { email } = await workspaceCoordinator('Sign-in Org');
    const browser = new Browser();
    const page = await browser.get('/app/sign-in');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('<label for="email"');
    expect(page.html).not.toContain('type="password"');
    const mail = mailbox();
    const asked = await browser.requestSignInLink(email, mail);
    expect(asked.res.status).toBe(200);
    expect(mail.sent).toHaveLength(1);
    expect(mail.to(mail.sent[0] ?? ({} as never))).toBe(email);
    expect(asked.link).toMatch(/^\/app\/sign-in\/[A-Za-z0-9_-]{32}$/);
    expect(mail.sent[0]?.html).toContain(`https://relais.test${asked.link}`);
    // Only its hash is stored, and the row says the message went out.
    const token = asked.link?.split('/').pop() ?? '';
    const row = await env.DB.prepare('SELECT token_hash, delivery FROM sign_in_links WHERE token_hash = ?')
      .bind(await sha256Hex(token))
      .first();
    expect(row).toEqual({ token_hash: await sha256Hex(token), delivery: 'sent' });
    expect(await env.DB.prepare('SELECT count(*) AS n FROM sign_in_links WHERE token_hash = ?').bind(token).first()).toEqual({ n: 0 });

    const confirm = await browser.get(asked.link ?? '');
    expect(confirm.res.status).toBe(200);
    expect(confirm.html).toContain(email);
    expect(confirm.html).toContain(`<form method="post" action="${asked.link}"`);
    expect(confirm.res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(confirm.res.headers.get('cache-control')).toBe('no-store');
    expect(browser.cookies.has('relais_session')).toBe(false);

    const res = await browser.post(asked.link ?? '');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/series');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const series = await browser.get('/app/series');
    expect(series.res.status).toBe(200);
    expect(series.html).toContain(email);

    const out = await browser.post('/app/sign-out');
    expect(out.status).toBe(303);
    const after = await browser.get('/app/series');
    expect(after.res.status).toBe(303);
    expect(after.res.headers.get('location')).toMatch(/^\/app\/sign-in\?next=/);
  });

  it('answers the very same page whether or not the address has an account, and mails only an account', async () => {
    const { email } = await workspaceCoordinator('Same Answer Org');
    const unknown = 'nobody-here@example.org';
    const mail = mailbox();
    const known = await new Browser().requestSignInLink(email, mail);
    const stranger = await new Browser().requestSignInLink(unknown, mail);
    expect(known.res.status).toBe(200);
    expect(stranger.res.status).toBe(200);
    // The page repeats the address typed (to spot a typo); everything else is identical.
    expect(stranger.html.replaceAll(unknown, '«address»')).toBe(known.html.replaceAll(email, '«address»'));
    expect(stranger.res.headers.getSetCookie()).toEqual(known.res.headers.getSetCookie());
    expect(mail.sent.map(mail.to)).toEqual([email]);
  });

  it('mails the link in the language of the page, and keeps a workspace path to return to', async () => {
    const { email } = await workspaceCoordinator('Language Link Org');
    const browser = new Browser();
    await browser.get('/app/sign-in?lang=nl');
    const mail = mailbox();
    const asked = await browser.requestSignInLink(email, mail, '/app/privacy');
    expect(mail.sent[0]?.subject).toBe('Uw aanmeldlink voor Relais');
    expect(asked.html).toContain('Kijk in uw mailbox');
    expect(asked.link).toMatch(/\?next=%2Fapp%2Fprivacy$/);
    const { res } = await browser.confirmSignInLink(asked.link ?? '');
    expect(res.headers.get('location')).toBe('/app/privacy');
  });

  it('records the link without delivering it where no e-mail binding is configured', async () => {
    const { email } = await workspaceCoordinator('No Binding Org');
    const browser = new Browser();
    await browser.get('/app/sign-in');
    const res = await browser.request('/app/sign-in', form({ _csrf: browser.csrf, email }));
    expect(res.status).toBe(200);
    const row = await env.DB.prepare(
      'SELECT l.delivery FROM sign_in_links l JOIN coordinators c ON c.id = l.coordinator_id WHERE c.email = ?',
    )
      .bind(email)
      .first();
    expect(row).toEqual({ delivery: 'recorded' });
  });

  it('re-renders the form with a 422 and an error summary naming the field', async () => {
    const browser = new Browser();
    await browser.get('/app/sign-in');
    const res = await browser.post('/app/sign-in', { email: 'not-an-address' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#email"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('records sign-ins in the audit log', async () => {
    const { email } = await workspaceCoordinator('Audit Sign-in Org');
    await new Browser().signIn(email);
    const row = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'sign-in' AND actor = ?").bind(email).first();
    expect(row).toEqual({ detail: '{"via":"link"}' });
  });
});

describe('a link', () => {
  it('works once, even when two confirmations race', async () => {
    const { email } = await workspaceCoordinator('Single Use Org');
    const link = await issueSignInLink(email);
    const first = new Browser();
    const second = new Browser();
    await first.get(link);
    await second.get(link);
    const [a, b] = await Promise.all([first.post(link), second.post(link)]);
    expect([a.status, b.status].sort()).toEqual([303, 410]);
    expect([first, second].filter((x) => x.cookies.has('relais_session'))).toHaveLength(1);
    const again = new Browser();
    expect((await again.get(link)).res.status).toBe(410);
    await again.get('/app/sign-in'); // a form token, so that only the link is at stake
    expect((await again.post(link)).status).toBe(410);
    expect(again.cookies.has('relais_session')).toBe(false);
  });

  it('is refused once expired', async () => {
    const { email } = await workspaceCoordinator('Expired Org');
    const link = await issueSignInLink(email, -1);
    const browser = new Browser();
    const page = await browser.get(link);
    expect(page.res.status).toBe(410);
    expect(page.html).not.toContain(email);
    await browser.get('/app/sign-in');
    expect((await browser.post(link)).status).toBe(410);
    expect(browser.cookies.has('relais_session')).toBe(false);
  });

  it('is not consumed by opening it (a mail scanner prefetching it), only by the button', async () => {
    const { email } = await workspaceCoordinator('Prefetch Org');
    const link = await issueSignInLink(email);
    for (let i = 0; i < 3; i++) expect((await new Browser().request(link)).status).toBe(200);
    const owner = new Browser();
    expect((await owner.confirmSignInLink(link)).res.status).toBe(303);
  });

  it('answers 410 to a malformed or unknown token without reaching an account', async () => {
    const browser = new Browser();
    await browser.get('/app/sign-in');
    for (const token of ['short', randomSecret(24), `${randomSecret(24)}%27--`]) {
      const path = `/app/sign-in/${token}`;
      const page = await browser.get(path);
      expect(page.res.status).toBe(410);
      expect((await browser.post(path)).status).toBe(410);
    }
  });

  it('is refused without SESSION_SECRET (fails closed)', async () => {
    const { email } = await workspaceCoordinator('No Secret Org');
    const link = await issueSignInLink(email);
    const browser = new Browser({ SESSION_SECRET: undefined });
    expect((await browser.request('/app/sign-in', form({ email }))).status).toBe(503);
    expect((await browser.request(link, form({}))).status).toBe(503);
    expect(browser.cookies.has('relais_session')).toBe(false);
  });
});

describe('CSRF on the sign-in forms (login CSRF)', () => {
  it('refuses a cross-site POST of either form, which leaves the link usable', async () => {
    const { email } = await workspaceCoordinator('Cross Site Org');
    const link = await issueSignInLink(email);
    const victim = new Browser();
    await victim.get(link);
    const mail = mailbox();
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
    for (const headers of attempts) {
      const asked = await victim.request('/app/sign-in', form({ _csrf: victim.csrf, email }, headers), mail.bindings);
      expect(asked.status).toBe(403);
      const confirmed = await victim.request(link, form({ _csrf: victim.csrf }, headers));
      expect(confirmed.status).toBe(403);
    }
    expect(mail.sent).toHaveLength(0);
    expect(victim.cookies.has('relais_session')).toBe(false);
    // The same forms from our own pages go through, also as a browser sends them from the
    // confirmation page, whose Referrer-Policy: no-referrer makes the Origin "null".
    const own = { origin: 'https://relais.test', 'sec-fetch-site': 'same-origin' };
    expect((await victim.request('/app/sign-in', form({ _csrf: victim.csrf, email }, own), mail.bindings)).status).toBe(200);
    const ok = await victim.request(link, form({ _csrf: victim.csrf }, { origin: 'null', 'sec-fetch-site': 'same-origin' }));
    expect(ok.status).toBe(303);
  });

  it('refuses a POST without the form token, or with the token of another browser', async () => {
    const { email } = await workspaceCoordinator('No Token Org');
    const mail = mailbox();
    const victim = new Browser();
    await victim.get('/app/sign-in');
    const withoutToken = await victim.request('/app/sign-in', form({ email }), mail.bindings);
    expect(withoutToken.status).toBe(403);
    // A fresh form comes back, so a person whose cookie was lost can send it again.
    expect(await withoutToken.text()).toContain('name="_csrf"');
    // The attacker's own valid pair (their cookie, their token) does not carry over.
    const attacker = new Browser();
    await attacker.get('/app/sign-in');
    expect((await victim.request('/app/sign-in', form({ _csrf: attacker.csrf, email }), mail.bindings)).status).toBe(403);
    expect(mail.sent).toHaveLength(0);

    const link = await issueSignInLink(email);
    await victim.get(link);
    expect((await victim.request(link, form({}))).status).toBe(403);
    expect((await victim.request(link, form({ _csrf: attacker.csrf }))).status).toBe(403);
    expect(victim.cookies.has('relais_session')).toBe(false);
    expect((await victim.post(link)).status).toBe(303);
  });

  it("cannot sign a victim's browser into the attacker's account", async () => {
    const attacker = await workspaceCoordinator('Login CSRF Attacker');
    const planted = await issueSignInLink(attacker.email);
    const victim = new Browser();
    // A page elsewhere makes the victim's browser post the attacker's link: refused.
    const res = await victim.request(planted, form({}, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(res.status).toBe(403);
    // Sent there by a plain link, the victim sees whose account it is and must press the button.
    const page = await victim.get(planted);
    expect(page.html).toContain(attacker.email);
    expect(victim.cookies.has('relais_session')).toBe(false);
  });

  it('sets the pre-session cookie __Host- and Secure, except on plain-HTTP localhost', async () => {
    const https = await new Browser().request('/app/sign-in');
    expect(https.headers.getSetCookie().find((c) => c.startsWith('__Host-relais_pre='))).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/i);
    const local = await new Browser({}, 'http://localhost:8791').request('/app/sign-in');
    const cookie = local.headers.getSetCookie().find((c) => c.startsWith('relais_pre='));
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
  });
});

describe('throttling without lock-out', () => {
  it(`sends at most ${LINKS_PER_ACCOUNT} links per account in the window, answering the same page, and every link sent stays valid`, async () => {
    const { email } = await workspaceCoordinator('Throttle Org');
    const mail = mailbox();
    const owner = new Browser();
    const first = await owner.requestSignInLink(email, mail);
    expect(first.link).not.toBeNull();
    const pages: string[] = [];
    for (let i = 0; i < 6; i++) {
      const stranger = new Browser();
      const asked = await stranger.requestSignInLink(email, mail);
      expect(asked.res.status).toBe(200);
      pages.push(asked.html);
    }
    expect(mail.sent).toHaveLength(LINKS_PER_ACCOUNT);
    // Throttled or not, the same page: nobody learns the account is being throttled.
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).toBe(first.html);
    // The owner's own earlier link, and the last one that reached the mailbox, both work.
    expect((await owner.confirmSignInLink(first.link ?? '')).res.status).toBe(303);
    const last = signInLinkIn(mail.sent.at(-1)?.text);
    expect((await new Browser().confirmSignInLink(last ?? '')).res.status).toBe(303);
  });

  // The attack of issue 19 (1): on the password sign-in, 5 wrong passwords from anywhere made
  // the right one answer 429 (this test, written against that code first, failed there).
  it('a stranger cannot lock the owner out', async () => {
    const { email } = await workspaceCoordinator('Lockout Org');
    const mail = mailbox();
    const owner = new Browser();
    const own = await owner.requestSignInLink(email, mail);
    for (let i = 0; i < 8; i++) {
      const stranger = new Browser();
      const ip = { 'cf-connecting-ip': `198.51.100.${i + 1}` };
      await stranger.get('/app/sign-in');
      await stranger.request('/app/sign-in', form({ _csrf: stranger.csrf, email, password: `guess ${i}` }, ip), mail.bindings);
      const guess = `/app/sign-in/${randomSecret(24)}`;
      await stranger.get(guess);
      expect((await stranger.request(guess, form({ _csrf: stranger.csrf }, ip))).status).toBe(410);
    }
    // The owner is neither refused nor slowed: asking again answers as always…
    const again = await owner.requestSignInLink(email, mail);
    expect(again.res.status).toBe(200);
    // …and the link in the mailbox signs them in.
    const { res } = await owner.confirmSignInLink(own.link ?? '');
    expect(res.status).toBe(303);
    expect((await owner.get('/app/series')).res.status).toBe(200);
  });

  it('slows one client address through the rate-limit binding, whatever the addresses asked for', async () => {
    const browser = new Browser();
    await browser.get('/app/sign-in');
    const statuses: number[] = [];
    // 21 requests: even if the limiter's window turned during the loop, one window saw 11.
    for (let i = 0; i < 21; i++) {
      const res = await browser.request(
        '/app/sign-in',
        form({ _csrf: browser.csrf, email: `spray-${i}@example.org` }, { 'cf-connecting-ip': '203.0.113.77' }),
      );
      statuses.push(res.status);
    }
    expect(statuses[0]).toBe(200);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
  });
});

describe('the session cookie', () => {
  it('rejects a forged or tampered cookie', async () => {
    const { email } = await workspaceCoordinator('Forged Org');
    const browser = new Browser();
    await browser.signIn(email);
    const value = browser.cookies.get('relais_session') ?? '';
    // Two characters changed, whatever they were (a fixed "00" left the cookie intact when it already ended so).
    const tampered = `${value.slice(0, -2)}${value.endsWith('00') ? '11' : '00'}`;
    expect(tampered).not.toBe(value);
    browser.cookies.set('relais_session', tampered);
    expect((await browser.get('/app/series')).res.status).toBe(303);
  });

  it('refuses a cookie whose session id was changed under its signature, or signed with the bare secret', async () => {
    const { email } = await workspaceCoordinator('Forged Id Org');
    const browser = new Browser();
    await browser.signIn(email);
    const value = browser.cookies.get('relais_session') ?? '';
    const [id = '', signature = ''] = decodeURIComponent(value).split('.');
    expect((await browser.get('/app/series')).res.status).toBe(200);
    // Another id with the same signature.
    browser.cookies.set('relais_session', encodeURIComponent(`${id.startsWith('A') ? 'B' : 'A'}${id.slice(1)}.${signature}`));
    expect((await browser.get('/app/series')).res.status).toBe(303);
    // The right id, signed the way Hono signs but with SESSION_SECRET itself: the cookie's key is its own.
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(env.SESSION_SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(id)))));
    browser.cookies.set('relais_session', encodeURIComponent(`${id}.${mac}`));
    expect((await browser.get('/app/series')).res.status).toBe(303);
    browser.cookies.set('relais_session', value);
    expect((await browser.get('/app/series')).res.status).toBe(200);
  });

  it('omits Secure only on plain-HTTP localhost', async () => {
    const { email } = await workspaceCoordinator('Localhost Org');
    const browser = new Browser({}, 'http://localhost:8791');
    const { res } = await browser.confirmSignInLink(await issueSignInLink(email));
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('follows only workspace paths after sign-in (no open redirect)', async () => {
    const { email } = await workspaceCoordinator('Redirect Org');
    const browser = new Browser();
    const link = `${await issueSignInLink(email)}?next=${encodeURIComponent('https://evil.example/')}`;
    const { res } = await browser.confirmSignInLink(link);
    expect(res.headers.get('location')).toBe('/app/series');
  });
});
