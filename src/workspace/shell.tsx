/**
 * What every workspace page shares: its language (the switch, then a cookie, then the
 * browser's), the signed-in check, reading a form with its CSRF token, and the page frame.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Child } from 'hono/jsx';
import * as v from 'valibot';
import { ACCESS_HEADER, accessConfigured, accessIdentity } from '../coordinators/access.ts';
import { CSRF_FIELD, csrfRefused, currentWebSession } from '../coordinators/web-sessions.ts';
import { isLanguage, type Language } from '../domain/language.ts';
import type { AppEnv } from '../env.ts';
import { type FormFields, readForm } from '../http/body.ts';
import { Problem, type ProblemField } from '../http/problem.ts';
import { contactsMessages } from '../i18n/contacts/index.ts';
import { languageFromHeader } from '../i18n/index.ts';
import { type WorkspaceMessages, workspaceMessages } from '../i18n/workspace/index.ts';
import { sameText } from '../lib/crypto.ts';
import { ErrorSummary } from '../pages/field.tsx';
import { type html, Layout } from '../pages/layout.tsx';

const LANGUAGE_COOKIE = 'relais_lang';

export function workspaceLanguage(c: Context): Language {
  const asked = c.req.query('lang');
  if (isLanguage(asked)) {
    setCookie(c, LANGUAGE_COOKIE, asked, { path: '/app', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86_400 });
    return asked;
  }
  const stored = getCookie(c, LANGUAGE_COOKIE);
  if (isLanguage(stored)) return stored;
  return languageFromHeader(c.req.header('accept-language'));
}

export { type FormFields, readForm };

export const text = (form: FormFields, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

/**
 * The browser session, and behind Cloudflare Access also the Access identity of this very
 * request, which must be the session's coordinator: a cookie carried around Access is refused.
 */
export async function accessCheckedSession(c: Context<AppEnv>) {
  const session = await currentWebSession(c);
  if (!session || !accessConfigured(c.env)) return session;
  const email = await accessIdentity(c.env, c.req.header(ACCESS_HEADER));
  return email && email === session.coordinator.email.toLowerCase() ? session : null;
}

/**
 * Workspace pages need a browser session: without one, a page sends to the sign-in page; a
 * form post must carry the session's CSRF token or is refused (403) before anything changes.
 */
export const requireSignedIn = createMiddleware<AppEnv>(async (c, next) => {
  const session = await accessCheckedSession(c);
  if (!session) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const next = c.req.path + (new URL(c.req.url).search || '');
      return c.redirect(`/app/sign-in?next=${encodeURIComponent(next)}`, 303);
    }
    throw new Problem(401, 'unauthorized', 'Unauthorized', { detail: 'Sign in first.' });
  }
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const form = await readForm(c);
    if (!sameText(text(form, CSRF_FIELD), session.csrfToken)) throw csrfRefused();
  }
  c.set('coordinator', session.coordinator);
  c.set('csrfToken', session.csrfToken);
  await next();
});

/** Only paths inside the workspace are followed after sign-in: no open redirect. */
export function safeNext(value: string | undefined | null): string {
  return value && /^\/app(\/[\w\-/.?=&%]*)?$/.test(value) && !value.includes('..') && !value.includes('//') ? value : '/app/series';
}

export function Csrf({ token }: { token: string | undefined }) {
  return <input type="hidden" name={CSRF_FIELD} value={token ?? ''} />;
}

/** A form with a single button (open, close, archive…), CSRF included. */
export function ActionButton({
  action,
  label,
  token,
  hidden = {},
  context,
}: {
  action: string;
  label: string;
  token: string | undefined;
  hidden?: Record<string, string>;
  /** Said to screen readers after the label, when the same button repeats (one per row). */
  context?: string;
}) {
  return (
    <form method="post" action={action} class="inline">
      <Csrf token={token} />
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit">
        {label}
        {context ? <span class="visually-hidden"> — {context}</span> : null}
      </button>
    </form>
  );
}

export interface FormError extends ProblemField {
  /** Message shown to the coordinator, in their language. */
  text: string;
}

export function fieldError(errors: FormError[], field: string) {
  return errors.find((e) => e.field === field);
}

/** The shared labelled input (src/pages/field.tsx), re-exported for the workspace pages. */
export { Field } from '../pages/field.tsx';

export interface PageProps {
  c: Context<AppEnv>;
  language: Language;
  title: string;
  errors?: FormError[];
  notice?: string | null;
  children?: Child;
}

/** The workspace frame: navigation, who is signed in, sign-out, then the page. */
export function WorkspacePage({ c, language, title, errors = [], notice, children }: PageProps) {
  const t = workspaceMessages(language);
  const coordinator = c.get('coordinator') as AppEnv['Variables']['coordinator'] | undefined;
  const path = c.req.path;
  return (
    <Layout language={language} title={errors.length ? `${t.errorSummary} ${title}` : title} languageHref={(l) => `${path}?lang=${l}`}>
      {coordinator ? (
        <nav class="workspace" aria-label={t.nav.label}>
          <ul>
            <li>
              <a href="/app/series">{t.nav.series}</a>
            </li>
            <li>
              <a href="/app/outbox">{t.nav.outbox}</a>
            </li>
            <li>
              <a href="/app/privacy">{t.nav.privacy}</a>
            </li>
            <li>
              <a href="/app/audit">{t.nav.audit}</a>
            </li>
            <li>
              <a href="/app/team">{contactsMessages(language).nav.team}</a>
            </li>
          </ul>
          <p class="signed-in">{t.signedInAs(coordinator.email)}</p>
          <ActionButton action="/app/sign-out" label={t.signOut} token={c.get('csrfToken')} />
        </nav>
      ) : null}
      <ErrorSummary title={t.errorSummary} errors={errors} />
      {(notice ?? noticeOf(c, t)) ? (
        <p class="notice" role="status">
          {notice ?? noticeOf(c, t)}
        </p>
      ) : null}
      {children}
    </Layout>
  );
}

/** Pages with async components render to a promise of their text, hence the explicit toString. */
export async function render(
  c: Context<AppEnv>,
  node: Parameters<typeof html>[0],
  status: 200 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 503 = 200,
) {
  return c.html(`<!doctype html>${await (await node).toString()}`, status, { 'Cache-Control': 'no-store' });
}

type NoticeKey = 'saved' | 'imported' | 'sent' | 'resent' | 'newLink' | 'removed' | 'erased' | 'signedOut';

/**
 * Post/Redirect/Get with the notice named by a key (and counts) in the query string: a
 * crafted URL can only show one of our own sentences.
 */
export function redirectWith(c: Context, to: string, notice?: NoticeKey, counts: number[] = []) {
  if (!notice) return c.redirect(to, 303);
  const query = new URLSearchParams({ notice, ...(counts.length ? { n: counts.join('.') } : {}) });
  const [path = '', hash] = to.split('#');
  return c.redirect(`${path}${path.includes('?') ? '&' : '?'}${query}${hash ? `#${hash}` : ''}`, 303);
}

export function noticeOf(c: Context, t: WorkspaceMessages): string | null {
  const [a = 0, b = 0] = (c.req.query('n') ?? '').split('.').map((x) => Math.max(0, Math.min(1e6, Number(x) || 0)));
  switch (c.req.query('notice') as NoticeKey | undefined) {
    case 'saved':
      return t.done;
    case 'imported':
      return t.participants.imported(a);
    case 'sent':
      return t.participants.sent(a, b);
    case 'resent':
      return t.participants.resent;
    case 'newLink':
      return t.participants.newLinkDone;
    case 'removed':
      return t.participants.removed;
    case 'erased':
      return t.privacy.erased(a);
    case 'signedOut':
      return t.signIn.signedOut;
    default:
      return null;
  }
}

/**
 * Validates form values with a valibot schema whose messages are keys of `t.invalid`; each
 * issue becomes an error naming its field in the coordinator's language.
 */
export function checkForm<S extends v.GenericSchema>(
  schema: S,
  values: unknown,
  t: WorkspaceMessages,
  labels: Record<string, string>,
): { ok: true; output: v.InferOutput<S> } | { ok: false; errors: FormError[] } {
  const parsed = v.safeParse(schema, values);
  if (parsed.success) return { ok: true, output: parsed.output };
  const seen = new Set<string>();
  const errors: FormError[] = [];
  for (const issue of parsed.issues) {
    const field = v.getDotPath(issue) ?? Object.keys(labels)[0] ?? 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    const known = t.invalid[issue.message as keyof WorkspaceMessages['invalid']];
    const message = typeof known === 'string' ? known : t.invalid.required;
    errors.push({ field, message: issue.message, text: `${labels[field] ?? field}: ${message}` });
  }
  return { ok: false, errors };
}

/** Refusals inside the workspace (expired form, another organisation's page) as pages. */
export async function workspaceError(c: Context<AppEnv>, status: number) {
  const language = workspaceLanguage(c);
  const t = workspaceMessages(language);
  const [title, body] =
    status === 403
      ? [t.error.forbidden, t.error.forbiddenBody]
      : status === 404
        ? [t.error.notFound, t.error.notFoundBody]
        : status === 503
          ? [t.error.publicUrl, t.error.publicUrlBody]
          : [t.error.generic, t.error.genericBody];
  return c.html(
    `<!doctype html>${await (
      <WorkspacePage c={c} language={language} title={title}>
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a href="/app/series">{t.error.back}</a>
        </p>
      </WorkspacePage>
    ).toString()}`,
    status as 403,
    { 'Cache-Control': 'no-store' },
  );
}
