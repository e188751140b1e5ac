/** /app/sign-in and /app/sign-out: e-mail + password, slowed after repeated failures. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ACCESS_HEADER, accessConfigured, accessIdentity } from '../coordinators/access.ts';
import { clearFailures, coordinatorByEmail, recentFailures, recordFailure } from '../coordinators/coordinators.queries.ts';
import { CSRF_FIELD, csrfRefused, currentWebSession, endWebSession, sameText, startWebSession } from '../coordinators/web-sessions.ts';
import type { Language } from '../domain/language.ts';
import { DUMMY_HASH, MAX_PASSWORD_LENGTH, verifyPassword } from '../domain/passwords.ts';
import type { AppEnv } from '../env.ts';
import { pageHeaders } from '../http/headers.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { writeAudit } from './audit.queries.ts';
import { Field, type FormError, readForm, redirectWith, render, safeNext, text, WorkspacePage, workspaceLanguage } from './shell.tsx';

/** After this many failures in the window, an address is refused without checking. */
const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;

const SignInSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.nonEmpty('required'), v.maxLength(254, 'email'), v.email('email')),
  password: v.pipe(v.string(), v.nonEmpty('required'), v.maxLength(MAX_PASSWORD_LENGTH, 'tooLong')),
});

function SignInPage({
  c,
  language,
  errors = [],
  email = '',
  next,
  message,
  passwordForm = true,
}: {
  c: Parameters<typeof WorkspacePage>[0]['c'];
  language: Language;
  errors?: FormError[];
  email?: string;
  next: string;
  message?: string;
  passwordForm?: boolean;
}) {
  const t = workspaceMessages(language);
  return (
    <WorkspacePage c={c} language={language} title={t.signIn.title} errors={errors}>
      <h1>
        {t.signIn.title}
        <span class="subtitle">{t.workspace}</span>
      </h1>
      {message ? (
        <p class="error" role="alert">
          {message}
        </p>
      ) : null}
      <p>{t.signIn.intro}</p>
      {passwordForm ? (
        <form method="post" action={`/app/sign-in?next=${encodeURIComponent(next)}`} class="stack">
          <Field id="email" type="email" label={t.field.email} value={email} required autocomplete="username" errors={errors} />
          <Field id="password" type="password" label={t.field.password} required autocomplete="current-password" errors={errors} />
          <button type="submit">{t.signIn.submit}</button>
        </form>
      ) : null}
    </WorkspacePage>
  );
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
        return render(c, <SignInPage c={c} language={language} next={next} message={t.signIn.accessRefused} passwordForm={false} />, 401);
      }
      const me = { id: coordinator.id, organisationId: coordinator.organisation_id, email: coordinator.email };
      await writeAudit(c.env.DB, me, 'sign-in', `coordinator:${me.id}`, { via: 'access' }).run();
      await startWebSession(c, me);
      return c.redirect(next, 303);
    }
    return render(c, <SignInPage c={c} language={language} next={next} />);
  })
  .post('/sign-in', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const next = safeNext(c.req.query('next'));
    if (accessConfigured(c.env)) {
      return render(c, <SignInPage c={c} language={language} next={next} message={t.signIn.passwordDisabled} passwordForm={false} />, 403);
    }
    const form = await readForm(c);
    const parsed = v.safeParse(SignInSchema, { email: text(form, 'email'), password: text(form, 'password') });
    const email = text(form, 'email').trim();
    if (!parsed.success) {
      const errors = parsed.issues.map((i) => {
        const field = v.getDotPath(i) ?? 'email';
        const key = i.message as keyof typeof t.invalid;
        const message = typeof t.invalid[key] === 'string' ? (t.invalid[key] as string) : t.invalid.required;
        return { field, message: i.message, text: `${field === 'email' ? t.field.email : t.field.password}: ${message}` };
      });
      return render(c, <SignInPage c={c} language={language} errors={errors} email={email} next={next} />, 422);
    }
    const { email: address, password } = parsed.output;
    if (!c.env.SESSION_SECRET) {
      return render(c, <SignInPage c={c} language={language} email={email} next={next} message={t.signIn.notConfigured} />, 503);
    }
    // Per client address (where the platform says who it is), then per account.
    const client = c.req.header('cf-connecting-ip');
    if (client && c.env.SIGN_IN_LIMITER) {
      const { success } = await c.env.SIGN_IN_LIMITER.limit({ key: `sign-in:${client}` });
      if (!success) return render(c, <SignInPage c={c} language={language} email={email} next={next} message={t.signIn.slowed} />, 429);
    }
    if ((await recentFailures(c.env.DB, address, WINDOW_MINUTES)) >= MAX_FAILURES) {
      return render(c, <SignInPage c={c} language={language} email={email} next={next} message={t.signIn.slowed} />, 429);
    }
    const coordinator = await coordinatorByEmail(c.env.DB, address);
    const ok = await verifyPassword(password, coordinator?.password_hash ?? DUMMY_HASH);
    if (!coordinator || !ok) {
      await recordFailure(c.env.DB, address);
      const errors = [{ field: 'email', message: 'wrong', text: t.signIn.wrong }];
      return render(c, <SignInPage c={c} language={language} errors={errors} email={email} next={next} />, 401);
    }
    const me = { id: coordinator.id, organisationId: coordinator.organisation_id, email: coordinator.email };
    await c.env.DB.batch([clearFailures(c.env.DB, address), writeAudit(c.env.DB, me, 'sign-in', `coordinator:${me.id}`)]);
    await startWebSession(c, me);
    return c.redirect(next, 303);
  })
  // An expired session must still be able to clear its cookie; a live one needs its token.
  .post('/sign-out', async (c) => {
    const session = await currentWebSession(c);
    if (session && !sameText(text(await readForm(c), CSRF_FIELD), session.csrfToken)) throw csrfRefused();
    await endWebSession(c);
    return redirectWith(c, '/app/sign-in', 'signedOut');
  });
