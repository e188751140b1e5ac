/**
 * A tiny browser for workspace tests: keeps the cookies, reads the CSRF token from the page,
 * and posts forms the way an HTML form does.
 */
import { app } from '../../src/app.tsx';
import type { Env } from '../../src/env.ts';
import { randomSecret, sha256Hex } from '../../src/lib/crypto.ts';
import { createCoordinator, env } from '../helpers.ts';
import { mailbox } from './mail.ts';

/** A coordinator with an API key, who signs in to the workspace by a one-time link. */
export async function workspaceCoordinator(organisation: string, email?: string) {
  const key = await createCoordinator(organisation, email);
  const address = email ?? `${organisation.toLowerCase().replace(/\W+/g, '-')}@example.org`;
  return { key, email: address };
}

/**
 * A sign-in link issued the way `npm run coordinator -- sign-in-link` issues one (no mail, no
 * per-account throttle): its path, `/app/sign-in/<token>`.
 */
export async function issueSignInLink(email: string, validMinutes = 15): Promise<string> {
  const token = randomSecret(24);
  const stored = await env.DB.prepare(
    `INSERT INTO sign_in_links (token_hash, coordinator_id, expires_at, delivery)
     SELECT ?, id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?), 'printed' FROM coordinators WHERE email = ?`,
  )
    .bind(await sha256Hex(token), `${validMinutes >= 0 ? '+' : ''}${validMinutes} minutes`, email)
    .run();
  if (stored.meta.changes !== 1) throw new Error(`no coordinator ${email}`);
  return `/app/sign-in/${token}`;
}

/** The path of the sign-in link in an e-mail's text. */
export function signInLinkIn(text: string | undefined): string | null {
  return /https:\/\/relais\.test(\/app\/sign-in\/[A-Za-z0-9_-]+(?:\?[^\s]*)?)/.exec(text ?? '')?.[1] ?? null;
}

export class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  /** Sent with every request (e.g. the token Cloudflare Access adds). */
  headers: Record<string, string> = {};
  constructor(
    readonly bindings: Partial<Env> = {},
    readonly origin = 'https://relais.test',
  ) {}

  async request(path: string, init: RequestInit = {}, bindings: Partial<Env> = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) headers.set(k, v);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await app.request(
      `${this.origin}${path}`,
      { ...init, headers, redirect: 'manual' },
      { ...env, ...this.bindings, ...bindings },
    );
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (attrs.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())) || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  async get(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.request(path);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]*)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { res, html };
  }

  /** Posts url-encoded fields with the page's CSRF token unless `_csrf` is given. */
  post(path: string, fields: Record<string, string> = {}, { csrf = true }: { csrf?: boolean } = {}) {
    const body = new URLSearchParams({ ...(csrf ? { _csrf: this.csrf } : {}), ...fields });
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  postMultipart(path: string, form: FormData) {
    form.set('_csrf', this.csrf);
    return this.request(path, { method: 'POST', body: form });
  }

  /**
   * Asks for a sign-in link on the form, as a person does; the message lands in `mail` (the
   * e-mail binding's stand-in). Returns the page's answer and the link's path, if one was sent.
   */
  async requestSignInLink(email: string, mail = mailbox(), next?: string) {
    const path = next ? `/app/sign-in?next=${encodeURIComponent(next)}` : '/app/sign-in';
    await this.get(path);
    const before = mail.sent.length;
    const body = new URLSearchParams({ _csrf: this.csrf, email });
    const res = await this.request(
      path,
      { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      mail.bindings,
    );
    const html = await res.text();
    const message = mail.sent.length > before ? mail.sent.at(-1) : undefined;
    return { res, html, link: signInLinkIn(message?.text) };
  }

  /** Opens a sign-in link (its confirmation page), then presses the button. */
  async confirmSignInLink(link: string) {
    const page = await this.get(link);
    const res = await this.post(link);
    return { page, res };
  }

  /** Signs in through a one-time link issued as the CLI does, then opens the series page. */
  async signIn(email: string) {
    const { res } = await this.confirmSignInLink(await issueSignInLink(email));
    if (res.status !== 303) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    await this.get('/app/series');
    return res;
  }
}
