/**
 * /app/sign-in and /app/sign-out. Coordinators sign in with a one-time link e-mailed to them
 * (or through Cloudflare Access where the deployment has it): no password, so no hash whose
 * cost would exceed the Workers CPU budget, and no failure counter a stranger could fill.
 *
 * 1. GET /app/sign-in: the address form. POST: the same "if this address has an account, a
 *    link is on its way" page for any address, known, unknown or throttled.
 * 2. GET /app/sign-in/<token>: a confirmation page that consumes nothing (mail scanners
 *    prefetch links). POST: consumes the link and opens the browser session, all or nothing.
 *
 * Every POST here needs the pre-session form token and refuses a cross-site request: nobody
 * can sign a victim's browser into another account (login CSRF).
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { writeAudit } from '../audit/audit.queries.ts';
import { ACCESS_HEADER, accessConfigured, accessIdentity } from '../coordinators/access.ts';
import {
  consumeSignInLink,
  coordinatorByEmail,
  issueSignInLink,
  setLinkDelivery,
  signInLinkAddress,
} from '../coordinators/coordinators.queries.ts';
import {
  CSRF_FIELD,
  crossSiteRequest,
  csrfRefused,
  currentWebSession,
  endWebSession,
  newWebSession,
  preSessionToken,
  preSessionTokenValid,
  setSessionCookie,
  startWebSession,
} from '../coordinators/web-sessions.ts';
import type { Language } from '../domain/language.ts';
import { LINK_LIFETIME_MINUTES, LINK_TOKEN_BYTES, LINK_TOKEN_PATTERN } from '../domain/sign-in-links.ts';
import { sendSignInLink } from '../email/delivery.ts';
import type { AppEnv } from '../env.ts';
import { pageHeaders, personalLinkHeaders } from '../http/headers.ts';
import { Hono } from '../http/hono.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { randomSecret, sameText, sha256Hex } from '../lib/crypto.ts';
import { publicUrl } from '../lib/public-url.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { Csrf, Field, type FormError, readForm, redirectWith, render, safeNext, text, WorkspacePage, workspaceLanguage } from './shell.tsx';

type C = Context<AppEnv>;

const RequestSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.nonEmpty('required'), v.maxLength(254, 'email'), v.email('email')),
});

const nextQuery = (next: string) => (next === '/app/series' ? '' : `?next=${encodeURIComponent(next)}`);

function Heading({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <h1>
      {title}
      <span class="subtitle">{subtitle}</span>
    </h1>
  );
}

function Alert({ message }: { message?: string | undefined }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}

/** The address form (or, behind Access, only the reason it is not there). */
function RequestPage(props: {
  c: C;
  language: Language;
  next: string;
  csrf: string;
  errors?: FormError[];
  email?: string;
  message?: string;
  form?: boolean;
}) {
  const { c, language, next, csrf, errors = [], email = '', message, form = true } = props;
  const t = workspaceMessages(language);
  return (
    <WorkspacePage c={c} language={language} title={t.signIn.title} errors={errors}>
      <Heading title={t.signIn.title} subtitle={t.workspace} />
      <Alert message={message} />
      {form ? (
        <>
          <p>{t.signIn.intro}</p>
          <form method="post" action={`/app/sign-in${nextQuery(next)}`} class="stack">
            <Csrf token={csrf} />
            <Field id="email" type="email" label={t.field.email} value={email} required autocomplete="username" errors={errors} />
            <button type="submit">{t.signIn.submit}</button>
          </form>
        </>
      ) : null}
    </WorkspacePage>
  );
}

/** The one answer to a request for a link, whoever the address belongs to. */
function SentPage({ c, language, next, email }: { c: C; language: Language; next: string; email: string }) {
  const t = workspaceMessages(language);
  return (
    <WorkspacePage c={c} language={language} title={t.signIn.sentTitle}>
      <Heading title={t.signIn.sentTitle} subtitle={t.workspace} />
      <p role="status">{t.signIn.sent(email, LINK_LIFETIME_MINUTES)}</p>
      <p>{t.signIn.sentHint}</p>
      <p>
        <a href={`/app/sign-in${nextQuery(next)}`}>{t.signIn.again}</a>
      </p>
    </WorkspacePage>
  );
}

/** Asks before signing in: a GET (a mail scanner, a link planted by someone else) changes nothing. */
function ConfirmPage(props: {
  c: C;
  language: Language;
  next: string;
  csrf: string;
  token: string;
  email: string | null;
  message?: string;
}) {
  const { c, language, next, csrf, token, email, message } = props;
  const t = workspaceMessages(language);
  return (
    <WorkspacePage c={c} language={language} title={t.signIn.title}>
      <Heading title={t.signIn.title} subtitle={t.workspace} />
      <Alert message={message} />
      {email ? (
        <>
          <p>{t.signIn.confirm(email)}</p>
          <form method="post" action={`/app/sign-in/${token}${nextQuery(next)}`} class="stack">
            <Csrf token={csrf} />
            <button type="submit">{t.signIn.confirmSubmit}</button>
          </form>
          <p class="help">{t.signIn.confirmHint}</p>
        </>
      ) : (
        <>
          <p class="error" role="alert">
            {t.signIn.linkGone}
          </p>
          <p>
            <a href={`/app/sign-in${nextQuery(next)}`}>{t.signIn.again}</a>
          </p>
        </>
      )}
    </WorkspacePage>
  );
}

/**
 * What every POST here checks first, in this order: links are off behind Access, nothing works
 * without SESSION_SECRET, and a cross-site request or a missing form token is refused. Returns
 * the refusal's message and status, or null to go on.
 */
async function refusal(c: C, form: Record<string, unknown>): Promise<{ message: string; status: 403 | 503 } | null> {
  const t = workspaceMessages(workspaceLanguage(c));
  if (accessConfigured(c.env)) return { message: t.signIn.linkDisabled, status: 403 };
  if (!c.env.SESSION_SECRET) return { message: t.signIn.notConfigured, status: 503 };
  const token = typeof form[CSRF_FIELD] === 'string' ? (form[CSRF_FIELD] as string) : '';
  if (crossSiteRequest(c) || !(await preSessionTokenValid(c, token))) return { message: t.signIn.formExpired, status: 403 };
  return null;
}

/** Per client address where the platform says who it is (the rate-limit binding). */
async function clientSlowed(c: C, what: string): Promise<boolean> {
  const client = c.req.header('cf-connecting-ip');
  if (!client || !c.env.SIGN_IN_LIMITER) return false;
  const { success } = await c.env.SIGN_IN_LIMITER.limit({ key: `${what}:${client}` });
  return !success;
}

export const signInPages = new Hono<AppEnv>()
  .use('*', pageHeaders)
  .get('/sign-in', async (c) => {
    const language = workspaceLanguage(c);
    const next = safeNext(c.req.query('next'));
    if (accessConfigured(c.env)) {
      // Behind Cloudflare Access the identity is the token Access added, or nothing.
      const t = workspaceMessages(language);
      const email = await accessIdentity(c.env, c.req.header(ACCESS_HEADER));
      const coordinator = email ? await coordinatorByEmail(c.env.DB, email) : null;
      if (!coordinator || !c.env.SESSION_SECRET) {
        return render(c, <RequestPage c={c} language={language} next={next} csrf="" message={t.signIn.accessRefused} form={false} />, 401);
      }
      const me = { id: coordinator.id, organisationId: coordinator.organisation_id, email: coordinator.email };
      await writeAudit(c.env.DB, me, 'sign-in', `coordinator:${me.id}`, { via: 'access' }).run();
      await startWebSession(c, me);
      return c.redirect(next, 303);
    }
    return render(c, <RequestPage c={c} language={language} next={next} csrf={await preSessionToken(c)} />);
  })
  .post('/sign-in', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const next = safeNext(c.req.query('next'));
    const form = await readForm(c);
    const email = text(form, 'email').trim();
    const refused = await refusal(c, form);
    const csrf = await preSessionToken(c);
    if (refused) {
      // A refused form token comes back with a fresh form; Access or a missing secret without one.
      const again = refused.status === 403 && !accessConfigured(c.env);
      return render(
        c,
        <RequestPage c={c} language={language} next={next} csrf={csrf} email={email} message={refused.message} form={again} />,
        refused.status,
      );
    }
    if (await clientSlowed(c, 'sign-in')) {
      return render(c, <RequestPage c={c} language={language} next={next} csrf={csrf} email={email} message={t.signIn.slowed} />, 429);
    }
    const parsed = v.safeParse(RequestSchema, { email: text(form, 'email') });
    if (!parsed.success) {
      const key = (parsed.issues[0]?.message ?? 'required') as keyof typeof t.invalid;
      const message = typeof t.invalid[key] === 'string' ? (t.invalid[key] as string) : t.invalid.required;
      const errors = [{ field: 'email', message: key, text: `${t.field.email}: ${message}` }];
      return render(c, <RequestPage c={c} language={language} next={next} csrf={csrf} errors={errors} email={email} />, 422);
    }
    const address = parsed.output.email;
    // Refused alike for every address when links cannot leave (no PUBLIC_URL; never the Host header).
    const base = publicUrl(c.env);
    const token = randomSecret(LINK_TOKEN_BYTES);
    const tokenHash = await sha256Hex(token);
    // One statement for any address; the mail goes after the answer, so neither the work
    // nor the time taken tells whether the address has an account.
    if (await issueSignInLink(c.env.DB, address, tokenHash)) {
      const link = `${base}/app/sign-in/${token}${nextQuery(next)}`;
      const send = async () => {
        const delivery = await sendSignInLink(c.env, { to: address, language, link, minutes: LINK_LIFETIME_MINUTES });
        await setLinkDelivery(c.env.DB, tokenHash, delivery).run();
      };
      await afterResponse(c)(send());
    }
    return render(c, <SentPage c={c} language={language} next={next} email={address} />);
  })
  .get('/sign-in/:token', personalLinkHeaders, async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const next = safeNext(c.req.query('next'));
    const token = c.req.param('token');
    if (accessConfigured(c.env)) {
      return render(c, <RequestPage c={c} language={language} next={next} csrf="" message={t.signIn.linkDisabled} form={false} />, 403);
    }
    const email = LINK_TOKEN_PATTERN.test(token) ? await signInLinkAddress(c.env.DB, await sha256Hex(token)) : null;
    const page = <ConfirmPage c={c} language={language} next={next} csrf={await preSessionToken(c)} token={token} email={email} />;
    return render(c, page, email ? 200 : 410);
  })
  .post('/sign-in/:token', personalLinkHeaders, async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const next = safeNext(c.req.query('next'));
    const token = c.req.param('token');
    const form = await readForm(c);
    const valid = LINK_TOKEN_PATTERN.test(token);
    // The link stays unused: the owner can confirm again from a fresh form saying why.
    const confirmAgain = async (message: string, status: 403 | 429) => {
      const email = valid ? await signInLinkAddress(c.env.DB, await sha256Hex(token)) : null;
      const csrf = await preSessionToken(c);
      return render(
        c,
        <ConfirmPage c={c} language={language} next={next} csrf={csrf} token={token} email={email} message={message} />,
        status,
      );
    };
    const refused = await refusal(c, form);
    if (refused) {
      if (refused.status !== 403 || accessConfigured(c.env)) {
        return render(
          c,
          <RequestPage c={c} language={language} next={next} csrf="" message={refused.message} form={false} />,
          refused.status,
        );
      }
      return confirmAgain(refused.message, 403);
    }
    if (await clientSlowed(c, 'sign-in-link')) return confirmAgain(t.signIn.slowed, 429);
    const session = await newWebSession();
    if (!valid || !(await consumeSignInLink(c.env.DB, await sha256Hex(token), session))) {
      const page = <ConfirmPage c={c} language={language} next={next} csrf={await preSessionToken(c)} token={token} email={null} />;
      return render(c, page, 410);
    }
    await setSessionCookie(c, session);
    return c.redirect(next, 303);
  })
  // An expired session must still be able to clear its cookie; a live one needs its token.
  .post('/sign-out', async (c) => {
    if (crossSiteRequest(c)) throw csrfRefused();
    const session = await currentWebSession(c);
    if (session && !sameText(text(await readForm(c), CSRF_FIELD), session.csrfToken)) throw csrfRefused();
    await endWebSession(c);
    return redirectWith(c, '/app/sign-in', 'signedOut');
  });
