import { describe, expect, it } from 'vitest';
import { env } from '../helpers.ts';
import { Browser, coordinatorWithPassword, PASSWORD } from './browser.ts';

describe('sign-in', () => {
  it('signs in with e-mail and password, sets a hardened cookie, and signs out', async () => {
    const { email } = await coordinatorWithPassword('Sign-in Org');
    const browser = new Browser();
    const page = await browser.get('/app/sign-in');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('<label for="email"');
    const res = await browser.post('/app/sign-in', { email, password: PASSWORD }, { csrf: false });
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

  it('refuses a wrong password with the same answer as an unknown address', async () => {
    const { email } = await coordinatorWithPassword('Wrong Password Org');
    const browser = new Browser();
    const wrong = await browser.post('/app/sign-in', { email, password: 'not the password' }, { csrf: false });
    const unknown = await browser.post('/app/sign-in', { email: 'nobody@example.org', password: 'not the password' }, { csrf: false });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(browser.cookies.has('relais_session')).toBe(false);
  });

  it('re-renders the form with a 422 and an error summary naming the fields', async () => {
    const browser = new Browser();
    const res = await browser.post('/app/sign-in', { email: 'not-an-address', password: '' }, { csrf: false });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#password"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('slows an address after five failures, even with the right password', async () => {
    const { email } = await coordinatorWithPassword('Slowed Org');
    const browser = new Browser();
    for (let i = 0; i < 5; i++)
      expect((await browser.post('/app/sign-in', { email, password: `guess ${i}` }, { csrf: false })).status).toBe(401);
    const res = await browser.post('/app/sign-in', { email, password: PASSWORD }, { csrf: false });
    expect(res.status).toBe(429);
    expect(browser.cookies.has('relais_session')).toBe(false);
  });

  it('refuses sign-in when SESSION_SECRET is missing (fails closed)', async () => {
    const { email } = await coordinatorWithPassword('No Secret Org');
    const browser = new Browser({ SESSION_SECRET: undefined });
    const res = await browser.post('/app/sign-in', { email, password: PASSWORD }, { csrf: false });
    expect(res.status).toBe(503);
    expect(browser.cookies.has('relais_session')).toBe(false);
  });

  it('rejects a forged or tampered cookie', async () => {
    const { email } = await coordinatorWithPassword('Forged Org');
    const browser = new Browser();
    await browser.signIn(email);
    const value = browser.cookies.get('relais_session') ?? '';
    // Two characters changed, whatever they were (a fixed "00" left the cookie intact when it already ended so).
    const tampered = `${value.slice(0, -2)}${value.endsWith('00') ? '11' : '00'}`;
    expect(tampered).not.toBe(value);
    browser.cookies.set('relais_session', tampered);
    expect((await browser.get('/app/series')).res.status).toBe(303);
  });

  it('omits Secure only on plain-HTTP localhost', async () => {
    const { email } = await coordinatorWithPassword('Localhost Org');
    const browser = new Browser({}, 'http://localhost:8791');
    const res = await browser.post('/app/sign-in', { email, password: PASSWORD }, { csrf: false });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('follows only workspace paths after sign-in (no open redirect)', async () => {
    const { email } = await coordinatorWithPassword('Redirect Org');
    const browser = new Browser();
    const res = await browser.post(
      `/app/sign-in?next=${encodeURIComponent('https://evil.example/')}`,
      { email, password: PASSWORD },
      { csrf: false },
    );
    expect(res.headers.get('location')).toBe('/app/series');
  });

  it('slows one client address through the rate-limit binding, whatever the addresses tried', async () => {
    const browser = new Browser();
    const statuses: number[] = [];
    // 21 attempts: even if the limiter's window turned during the loop, one window saw 11.
    for (let i = 0; i < 21; i++) {
      const res = await browser.request('/app/sign-in', {
        method: 'POST',
        body: new URLSearchParams({ email: `spray-${i}@example.org`, password: 'guess guess guess' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': '203.0.113.77' },
      });
      statuses.push(res.status);
    }
    expect(statuses[0]).toBe(401);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('records sign-ins in the audit log', async () => {
    const { email } = await coordinatorWithPassword('Audit Sign-in Org');
    await new Browser().signIn(email);
    const row = await env.DB.prepare("SELECT actor FROM audit_log WHERE action = 'sign-in' AND actor = ?").bind(email).first();
    expect(row).not.toBeNull();
  });
});
