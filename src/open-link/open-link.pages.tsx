/**
 * The visitor's side of the open link, /o/<slug>: the survey's facts and a plain HTML form
 * (JavaScript off works, unless the deployment turned Turnstile on). Whatever happens to the
 * address (new, already invited, past the cap, asked for too often), the visitor gets the
 * same answer — a redirect to the same "check your mailbox" page — and what differs goes in
 * the e-mail only: the page must not tell who is invited. Nor may the form: it never shows
 * how many places are left, since a count that drops or not after someone typed an address
 * would tell whether that address was new.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { isLanguage, LANGUAGES, type Language } from '../domain/language.ts';
import { normaliseSlug, openLinkSlot } from '../domain/open-link.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import { deliver, deliverUninvited } from '../email/delivery.ts';
import { sendingRow } from '../email/outbox.queries.ts';
import { renderNoPlaceMessage } from '../email/templates.ts';
import type { Env } from '../env.ts';
import { readUrlEncoded } from '../http/body.ts';
import { CSP_DIRECTIVES, pageHeaders, pagePolicy, personalLinkHeaders } from '../http/headers.ts';
import { Hono } from '../http/hono.ts';
import { formatDateTime, languageFromHeader, messages } from '../i18n/index.ts';
import { type OpenLinkRefusal, openLinkMessages } from '../i18n/open-link/index.ts';
import { publicUrl } from '../lib/public-url.ts';
import { ErrorSummary, Field, type FieldProps } from '../pages/field.tsx';
import { html, Layout } from '../pages/layout.tsx';
import { FlyerPage } from '../paper/paper.pages.tsx';
import { afterResponse } from '../webhooks/delivery.ts';
import { join, type VisitorContext, visitorContext } from './open-link.queries.ts';
import { type JoinForm, JoinFormSchema } from './open-link.schemas.ts';
import { TURNSTILE_FIELD, TURNSTILE_ORIGIN, TURNSTILE_SCRIPT, verifyTurnstile } from './turnstile.ts';

/** `turnstile` is set by the page that shows the widget, so only that page's CSP admits it. */
type OpenLinkEnv = { Bindings: Env; Variables: { turnstile?: boolean } };
type C = Context<OpenLinkEnv>;

const STATUS: Record<OpenLinkRefusal, 404 | 409 | 410 | 429> = {
  'not-found': 404,
  off: 404,
  'not-open': 409,
  closed: 410,
  'too-many': 429,
};

/** The form's fields and their error, as the page shows them. */
interface FieldError {
  field: 'email' | 'name' | 'organisation' | 'language' | 'human-check';
  text: string;
}

/** ?lang= (the switch) wins, then the browser's languages, then the series' own. */
function pageLanguage(c: C, fallback: Language = 'fr'): Language {
  const asked = c.req.query('lang');
  if (isLanguage(asked)) return asked;
  return languageFromHeader(c.req.header('accept-language'), fallback);
}

/** Widens the page policy for Turnstile's script and frame, on the page that shows it only. */
const turnstileHeaders = pagePolicy({
  ...CSP_DIRECTIVES,
  scriptSrc: [...CSP_DIRECTIVES.scriptSrc, TURNSTILE_ORIGIN],
  frameSrc: [TURNSTILE_ORIGIN],
});
/** Registered inside pageHeaders, which then keeps this wider policy (it never overwrites). */
const turnstilePolicy = async (c: C, next: () => Promise<void>) => {
  await next();
  if (c.get('turnstile')) await turnstileHeaders(c, async () => {});
};

function SessionFacts({ ctx, language }: { ctx: VisitorContext; language: Language }) {
  const m = messages(language);
  const t = openLinkMessages(language);
  return (
    <section class="session" aria-labelledby="survey-facts">
      <h2 id="survey-facts">
        {m.kind[ctx.kind]} — {m.session(ctx.session_number)}
      </h2>
      <dl>
        <dt>{t.series}</dt>
        <dd>{ctx.series_title}</dd>
        {ctx.bassin ? (
          <>
            <dt>{t.bassin}</dt>
            <dd>{ctx.bassin}</dd>
          </>
        ) : null}
        <dt>{m.when}</dt>
        <dd>{formatDateTime(ctx.starts_at, language)}</dd>
        {ctx.place ? (
          <>
            <dt>{m.at}</dt>
            <dd>{ctx.place}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** Every field of the visitor's form says whether it is required. */
function TextField({
  language,
  required,
  ...props
}: Omit<FieldProps, 'marker' | 'errors'> & { id: 'email' | 'name' | 'organisation'; language: Language; errors: FieldError[] }) {
  const m = messages(language);
  return <Field {...props} required={required} marker={`(${required ? m.required : m.optional})`} />;
}

interface FormValues {
  email: string;
  name: string;
  organisation: string;
  language: string;
}

function JoinPage({
  ctx,
  language,
  siteKey,
  values,
  errors = [],
}: {
  ctx: VisitorContext;
  language: Language;
  siteKey: string | undefined;
  values?: FormValues;
  errors?: FieldError[];
}) {
  const m = messages(language);
  const t = openLinkMessages(language);
  const chosen = values && isLanguage(values.language) ? values.language : language;
  const humanError = errors.find((e) => e.field === 'human-check');
  const title = `${t.title} — ${ctx.series_title}`;
  return (
    <Layout
      language={language}
      title={errors.length ? `${t.errorSummary} ${title}` : title}
      languageHref={(l) => `/o/${ctx.slug}?lang=${l}`}
    >
      <h1>
        {t.title}
        <span class="subtitle">{ctx.series_title}</span>
      </h1>
      <SessionFacts ctx={ctx} language={language} />
      <p>{t.intro}</p>
      <p>{t.alreadyInvited}</p>
      {ctx.anonymous ? <p class="note">{m.anonymous}</p> : null}
      {ctx.closes_at ? <p>{m.closesOn(formatDateTime(ctx.closes_at, language))}</p> : null}
      {ctx.cap !== null ? <p class="note">{t.limitedNote}</p> : null}
      <ErrorSummary title={t.errorSummary} errors={errors} />
      <form method="post" action={`/o/${ctx.slug}?lang=${language}`} class="stack" novalidate>
        <TextField
          id="email"
          type="email"
          label={t.field.email}
          value={values?.email ?? ''}
          required
          autocomplete="email"
          help={t.emailHelp}
          maxlength={254}
          language={language}
          errors={errors}
        />
        <TextField
          id="name"
          label={t.field.name}
          value={values?.name ?? ''}
          autocomplete="name"
          maxlength={200}
          language={language}
          errors={errors}
        />
        <TextField
          id="organisation"
          label={t.field.organisation}
          value={values?.organisation ?? ''}
          autocomplete="organization"
          maxlength={200}
          language={language}
          errors={errors}
        />
        <div class={`field${errors.some((e) => e.field === 'language') ? ' has-error' : ''}`}>
          <label for="language">{t.field.language}</label>
          {errors.some((e) => e.field === 'language') ? (
            <p class="error" id="language-error">
              {t.invalid.language}
            </p>
          ) : null}
          <select
            id="language"
            name="language"
            aria-describedby={errors.some((e) => e.field === 'language') ? 'language-error' : undefined}
          >
            {LANGUAGES.map((l) => (
              <option value={l} lang={l} selected={l === chosen}>
                {messages(l).languageName}
              </option>
            ))}
          </select>
        </div>
        {siteKey ? (
          <div class={`field${humanError ? ' has-error' : ''}`} id="human-check" tabindex={-1}>
            <p class="legend">{t.humanCheck}</p>
            {humanError ? <p class="error">{humanError.text}</p> : null}
            <div class="cf-turnstile" data-sitekey={siteKey} data-language={language} data-action="open-link" />
            <noscript>
              <p class="note">{t.noScript}</p>
            </noscript>
            <script src={TURNSTILE_SCRIPT} async defer />
          </div>
        ) : null}
        <button type="submit">{t.submit}</button>
      </form>
      <p class="note">{t.privacy}</p>
    </Layout>
  );
}

/** The same for every address; `limited` is the link's setting, public on the form too. */
function SentPage({ slug, language, limited }: { slug: string; language: Language; limited: boolean }) {
  const t = openLinkMessages(language);
  return (
    <Layout language={language} title={t.sentTitle} languageHref={(l) => `/o/${slug}/sent?lang=${l}`}>
      <h1>{t.sentTitle}</h1>
      <p>{t.sentBody}</p>
      {limited ? <p>{t.sentLimited}</p> : null}
      <p>{t.sentKeep}</p>
      <p>
        {t.sentAgain} <a href={`/o/${slug}?lang=${language}`}>{t.back}</a>
      </p>
    </Layout>
  );
}

function RefusalPage({ reason, language, slug }: { reason: OpenLinkRefusal; language: Language; slug?: string | undefined }) {
  const t = openLinkMessages(language);
  const [title, body] = t.refusal[reason];
  const canRetry = slug && reason === 'too-many';
  return (
    <Layout language={language} title={title} {...(slug ? { languageHref: (l: Language) => `/o/${slug}?lang=${l}` } : {})}>
      <h1>{title}</h1>
      <p>{body}</p>
      {canRetry ? (
        <p>
          <a href={`/o/${slug}?lang=${language}`}>{t.back}</a>
        </p>
      ) : null}
    </Layout>
  );
}

async function refuse(c: C, reason: OpenLinkRefusal, language: Language, slug?: string) {
  return c.html(
    await html(<RefusalPage reason={reason} language={language} slug={slug} />),
    STATUS[reason],
    reason === 'too-many' ? { 'Retry-After': '60' } : {},
  );
}

const limited = async (limiter: RateLimit | undefined, key: string) => !limiter || (await limiter.limit({ key })).success;

/** The link's state as the visitor meets it; null when the form may be shown. */
function stateRefusal(ctx: VisitorContext): OpenLinkRefusal | null {
  if (!ctx.enabled) return 'off';
  const status = effectiveStatus(ctx.status, ctx.closes_at);
  if (status === 'draft') return 'not-open';
  if (status === 'closed') return 'closed';
  return null;
}

/**
 * The link and its state, or the refusal page. Unknown slugs count against the client's
 * open-link budget: 60 bits are out of reach anyway, but probing stays slow.
 */
async function findLink(c: C): Promise<{ ctx: VisitorContext; language: Language } | Response> {
  const slug = normaliseSlug(c.req.param('slug') ?? '');
  const ctx = slug ? await visitorContext(c.env.DB, slug) : null;
  if (!ctx) {
    const ip = c.req.header('cf-connecting-ip');
    if (ip && !(await limited(c.env.OPEN_LINK_IP_LIMITER, `ip:${ip}`))) {
      return refuse(c, 'too-many', pageLanguage(c));
    }
    return refuse(c, 'not-found', pageLanguage(c));
  }
  return { ctx, language: pageLanguage(c, ctx.series_language) };
}

function parseJoinForm(fields: URLSearchParams, language: Language) {
  const values: FormValues = {
    email: fields.get('email') ?? '',
    name: fields.get('name') ?? '',
    organisation: fields.get('organisation') ?? '',
    language: fields.get('language') ?? language,
  };
  const parsed = v.safeParse(JoinFormSchema, values);
  if (parsed.success) return { values, form: parsed.output, errors: [] as FieldError[] };
  const t = openLinkMessages(language);
  const errors: FieldError[] = [];
  for (const issue of parsed.issues) {
    const field = v.getDotPath(issue) as FieldError['field'] | null;
    if (!field || errors.some((e) => e.field === field)) continue;
    const key = issue.message as keyof typeof t.invalid;
    const label = t.field[field as keyof typeof t.field];
    errors.push({ field, text: `${label}: ${t.invalid[key] ?? t.invalid.required}` });
  }
  return { values, form: null, errors };
}

/**
 * What asking for a link does, the same work whoever the address is: join (or find the
 * invitation), then e-mail the link — or, to a newcomer past the cap, "no places left". Run
 * after the answer where the platform allows (waitUntil), so that even its duration does not
 * tell the cases apart; a failure is the coordinator's to see (outbox, logs), never the
 * visitor's, who is told to ask again if nothing arrives.
 */
async function askForLink(env: Env, ctx: VisitorContext, form: JoinForm, base: string): Promise<void> {
  const outcome = await join(env.DB, ctx.survey_id, {
    email: form.email,
    name: form.name || null,
    organisation: form.organisation || null,
    language: form.language,
  });
  const now = new Date();
  if (outcome.kind === 'full') {
    const message = renderNoPlaceMessage({
      language: form.language,
      name: form.name || null,
      seriesTitle: ctx.series_title,
      sessionNumber: ctx.session_number,
    });
    await deliverUninvited(env, message, {
      organisation_id: ctx.organisation_id,
      survey_id: ctx.survey_id,
      series_id: ctx.series_id,
      email: form.email,
      name: form.name || null,
      language: form.language,
      slot: openLinkSlot(now, 'no-place'),
    });
    return;
  }
  const row = await sendingRow(env.DB, ctx.organisation_id, outcome.invitationId);
  if (!row) return;
  // What happened to the message (sent, refused, already sent in this window) is the
  // coordinator's to see in the outbox, never the visitor's.
  await deliver(env, [row], { kind: 'invitation', slot: () => openLinkSlot(now), linkBase: base });
}

export const openLinkPages = new Hono<OpenLinkEnv>()
  .use('*', pageHeaders, turnstilePolicy, personalLinkHeaders)
  .get('/:slug', async (c) => {
    const found = await findLink(c);
    if (found instanceof Response) return found;
    const { ctx, language } = found;
    const refusal = stateRefusal(ctx);
    if (refusal) return refuse(c, refusal, language, ctx.slug);
    const siteKey = c.env.TURNSTILE_SITE_KEY || undefined;
    if (siteKey) c.set('turnstile', true);
    return c.html(await html(<JoinPage ctx={ctx} language={language} siteKey={siteKey} />));
  })
  // The flyer for the agenda (src/paper/): the same facts as the form, and its URL as a QR code.
  .get('/:slug/flyer', async (c) => {
    const found = await findLink(c);
    if (found instanceof Response) return found;
    const { ctx, language } = found;
    const refusal = stateRefusal(ctx);
    // A draft's flyer can be printed before the survey opens; a link that is off or closed has none.
    if (refusal && refusal !== 'not-open') return refuse(c, refusal, language, ctx.slug);
    return c.html(await html(<FlyerPage ctx={ctx} url={`${publicUrl(c.env)}/o/${ctx.slug}`} language={language} />));
  })
  .post('/:slug', async (c) => {
    const found = await findLink(c);
    if (found instanceof Response) return found;
    const { ctx, language } = found;
    const refusal = stateRefusal(ctx);
    if (refusal) return refuse(c, refusal, language, ctx.slug);
    const ip = c.req.header('cf-connecting-ip');
    if (ip && !(await limited(c.env.OPEN_LINK_IP_LIMITER, `ip:${ip}`))) return refuse(c, 'too-many', language, ctx.slug);

    const fields = await readUrlEncoded(c);
    const { values, form, errors } = parseJoinForm(fields, language);
    const siteKey = c.env.TURNSTILE_SITE_KEY || undefined;
    const again = async (list: FieldError[], status: 403 | 422) => {
      if (siteKey) c.set('turnstile', true);
      return c.html(await html(<JoinPage ctx={ctx} language={language} siteKey={siteKey} values={values} errors={list} />), status);
    };
    if (!form) return again(errors, 422);

    const secret = c.env.TURNSTILE_SECRET_KEY;
    if (secret && !(await verifyTurnstile({ secret, token: fields.get(TURNSTILE_FIELD) ?? '', remoteIp: ip }))) {
      return again([{ field: 'human-check', text: openLinkMessages(language).invalid.human }], 403);
    }
    // Counted only once the visitor proved to be one, so nobody can use up someone else's
    // quota. Past it nothing is sent, but the answer is the same as for every other address:
    // a refusal here would tell that someone else has been asking for this address.
    if (await limited(c.env.OPEN_LINK_ADDRESS_LIMITER, `address:${form.email}`)) {
      const work = askForLink(c.env, ctx, form, publicUrl(c.env)).catch((error) => {
        console.error('open link: asking for a link failed', ctx.survey_id, error);
      });
      await afterResponse(c)(work);
    }
    // Post/Redirect/Get: reloading the confirmation asks for nothing again.
    return c.redirect(`/o/${ctx.slug}/sent?lang=${language}`, 303);
  })
  .get('/:slug/sent', async (c) => {
    const found = await findLink(c);
    if (found instanceof Response) return found;
    return c.html(await html(<SentPage slug={found.ctx.slug} language={found.language} limited={found.ctx.cap !== null} />));
  });
