/**
 * A tiny browser for workspace tests: keeps the session cookie, reads the CSRF token from the
 * page, and posts forms the way an HTML form does.
 */
import { app } from '../../src/app.tsx';
import { hashPassword } from '../../src/domain/passwords.ts';
import type { Env } from '../../src/env.ts';
import { createCoordinator, env } from '../helpers.ts';

export const PASSWORD = 'correct horse battery staple';

/** A coordinator with an API key and a sign-in password. */
export async function coordinatorWithPassword(organisation: string, email?: string) {
  const key = await createCoordinator(organisation, email);
  const address = email ?? `${organisation.toLowerCase().replace(/\W+/g, '-')}@example.org`;
  await env.DB.prepare('UPDATE coordinators SET password_hash = ? WHERE email = ?')
    .bind(await hashPassword(PASSWORD, 1000), address)
    .run();
  return { key, email: address };
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

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) headers.set(k, v);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await app.request(`${this.origin}${path}`, { ...init, headers, redirect: 'manual' }, { ...env, ...this.bindings });
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

  async signIn(email: string, password = PASSWORD) {
    await this.get('/app/sign-in');
    const res = await this.post('/app/sign-in', { email, password }, { csrf: false });
    if (res.status !== 303) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    await this.get('/app/series');
    return res;
  }
}
