/**
 * Paper, for people without a smartphone or at ease online (the minutes' "inégalités
 * numériques"): a printable version of any survey, a workspace form that keys a sheet in, and
 * the open link's flyer with its QR code for the agenda. Handlers load; components render.
 */
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import * as v from 'valibot';
import { answersFromForm, type FieldIssue } from '../domain/answers.ts';
import type { Definition, Question } from '../domain/definition.ts';
import { effectiveMinimum } from '../domain/disclosure.ts';
import { isLanguage, type Language, localize } from '../domain/language.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import type { AppEnv } from '../env.ts';
import { readUrlEncoded } from '../http/body.ts';
import { pageHeaders } from '../http/headers.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { formatDateTime, messages } from '../i18n/index.ts';
import { paperMessages } from '../i18n/paper/index.ts';
import { publicUrl } from '../lib/public-url.ts';
import type { VisitorContext } from '../open-link/open-link.queries.ts';
import { getOpenLink } from '../open-link/open-link.queries.ts';
import { Layout } from '../pages/layout.tsx';
import { InvalidAnswers } from '../responses/participation.ts';
import { coordinatorViewContext, type LinkContext } from '../responses/responses.queries.ts';
import { SurveyPage } from '../responses/survey-page.tsx';
import { getSeries, type SeriesRow } from '../series/series.queries.ts';
import { getSession, type SessionRow } from '../sessions/sessions.queries.ts';
import type { SurveyRow } from '../surveys/surveys.queries.ts';
import { ownSurvey } from '../workspace/owned.ts';
import { Csrf, render, requireSignedIn, workspaceLanguage } from '../workspace/shell.tsx';
import { keyInPaperAnswer, SheetSchema } from './paper.actions.ts';
import { keyedInCount } from './paper.queries.ts';
import { qrSvg } from './qr.ts';

type C = Context<AppEnv>;

/** A URL as a QR code beside its printed text: who cannot scan types it. */
function OnlineLink({ url, language, lead }: { url: string; language: Language; lead: string }) {
  return (
    <div class="online">
      {raw(qrSvg(url, paperMessages(language).qrLabel(url)))}
      <p>
        {lead}
        <br />
        <span class="url">{url}</span>
      </p>
    </div>
  );
}

/** What to do with a question on paper, in a sentence. */
function paperHint(q: Question, language: Language): string {
  const p = paperMessages(language).print;
  switch (q.type) {
    case 'single':
      return p.tickOne;
    case 'multiple': {
      const t = messages(language);
      if (q.min !== undefined && q.max !== undefined) return t.chooseBetween(q.min, q.max);
      if (q.max !== undefined) return t.chooseAtMost(q.max);
      return p.tickMany;
    }
    case 'ranking':
      return p.rank(q.max_ranked);
    case 'rating':
      return p.rating;
    case 'text':
      return p.write;
  }
}

function PaperQuestion({ q, n, language }: { q: Question; n: number; language: Language }) {
  const t = messages(language);
  const answer = (): Child => {
    switch (q.type) {
      case 'single':
      case 'multiple':
      case 'ranking':
        return (
          <ul class={`boxes${q.type === 'ranking' ? ' rank' : ''}`}>
            {q.options.map((o) => (
              <li>
                <span class="box" aria-hidden="true" />
                {localize(o.label, language)}
              </li>
            ))}
          </ul>
        );
      case 'rating': {
        const scale: Child[] = [];
        for (let v = q.min; v <= q.max; v++) {
          const end = v === q.min ? q.min_label : v === q.max ? q.max_label : undefined;
          scale.push(
            <li>
              <span class="box" aria-hidden="true" />
              {v}
              {end ? <span class="scale-end"> – {localize(end, language)}</span> : null}
            </li>,
          );
        }
        return <ul class="boxes scale">{scale}</ul>;
      }
      case 'text': {
        // One line per ~90 characters allowed, between 3 and 8: room to write, not a blank page.
        const lines = Math.min(8, Math.max(3, Math.ceil(q.max_length / 90)));
        return <div class={`lines lines-${lines}`} aria-hidden="true" />;
      }
    }
  };
  return (
    <section class="paper-question">
      <h2>
        {n}. {localize(q.text, language)} <span class="req">({q.required ? t.required : t.optional})</span>
      </h2>
      <p class="help">{q.help ? localize(q.help, language) : paperHint(q, language)}</p>
      {answer()}
    </section>
  );
}

interface PrintData {
  survey: SurveyRow;
  series: SeriesRow;
  session: SessionRow;
  language: Language;
  /** The open link's URL when people may answer online without a personal link. */
  onlineUrl: string | null;
}

/** The survey on A4: boxes to tick, lines to write on, the open link as a QR code. */
function PrintableSurvey({ survey, series, session, language, onlineUrl }: PrintData) {
  const t = messages(language);
  const p = paperMessages(language).print;
  const definition = JSON.parse(survey.definition) as Definition;
  const minimum = effectiveMinimum(series.min_group_size, survey.anonymous === 1);
  return (
    <Layout language={language} title={`${p.title} — ${series.title}`} languageHref={(l) => `/app/surveys/${survey.id}/print?lang=${l}`}>
      <article class="paper">
        <p class="screen-only note">
          {p.printHint} <a href={`/app/sessions/${survey.session_id}`}>{paperMessages(language).keyIn.back}</a>
        </p>
        <h1>
          {series.title}
          <span class="subtitle">
            {t.kind[survey.kind]} · {t.session(session.number)} · {formatDateTime(session.starts_at, language, false)}
          </span>
        </h1>
        <p>{p.howTo}</p>
        <p>{survey.anonymous ? p.anonymous(minimum) : p.named}</p>
        {onlineUrl ? <OnlineLink url={onlineUrl} language={language} lead={p.online} /> : null}
        {definition.questions.map((q, i) => (
          <PaperQuestion q={q} n={i + 1} language={language} />
        ))}
        <p class="hand-in">{p.handIn}</p>
      </article>
    </Layout>
  );
}

/** The open link's page for the agenda: what, when, and the QR code, large. */
export function FlyerPage({ ctx, url, language }: { ctx: VisitorContext; url: string; language: Language }) {
  const t = messages(language);
  const f = paperMessages(language).flyer;
  return (
    <Layout language={language} title={`${f.title} — ${ctx.series_title}`} languageHref={(l) => `/o/${ctx.slug}/flyer?lang=${l}`}>
      <article class="paper flyer">
        <h1>
          {f.title}
          <span class="subtitle">
            {f.session} · {ctx.series_title}
          </span>
        </h1>
        <p class="lead">
          {t.kind[ctx.kind]} — {t.session(ctx.session_number)}
          <br />
          {formatDateTime(ctx.starts_at, language)}
          {ctx.place ? (
            <>
              <br />
              {ctx.place}
            </>
          ) : null}
        </p>
        <OnlineLink url={url} language={language} lead={f.scan} />
        {ctx.closes_at ? <p>{f.closes(formatDateTime(ctx.closes_at, language, false))}</p> : null}
      </article>
    </Layout>
  );
}

/** The key-in form: the participant's form itself, posted to the workspace. */
function KeyInPage({
  c,
  data,
  context,
  sheet,
  keyed,
  answers = null,
  issues = [],
  saved,
}: {
  c: C;
  data: PrintData;
  /** The form's link context, built by the handler (keyInContext). */
  context: LinkContext;
  sheet: string;
  keyed: number;
  answers?: Record<string, unknown> | null;
  issues?: FieldIssue[];
  saved?: boolean;
}) {
  const { survey, series, language } = data;
  // In the page's language, like the form it sits on.
  const k = paperMessages(language).keyIn;
  const minimum = effectiveMinimum(series.min_group_size, survey.anonymous === 1);
  return (
    <SurveyPage
      token=""
      language={language}
      answers={answers}
      updatedAt={null}
      issues={issues}
      context={context}
      keyIn={{
        action: `/app/surveys/${survey.id}/paper`,
        notice: (
          <>
            {saved ? <p role="status">{k.saved(keyed)}</p> : null}
            <p>
              <strong>{k.title}.</strong> {k.notice}
            </p>
            {survey.anonymous ? <p>{k.anonymous(minimum)}</p> : null}
            <p>
              <a href={`/app/sessions/${survey.session_id}`}>{k.back}</a>
            </p>
          </>
        ),
        fields: (
          <>
            <Csrf token={c.var.csrfToken} />
            <input type="hidden" name="sheet" value={sheet} />
          </>
        ),
      }}
    />
  );
}

/** Links from a survey's card in the workspace (src/workspace/sessions.pages.tsx). */
export function PaperLinks({ survey, language }: { survey: SurveyRow; language: Language }) {
  const l = paperMessages(language).links;
  const open = effectiveStatus(survey.status, survey.closes_at) === 'open';
  return (
    <p class="paper-links">
      <span>{l.heading}:</span> <a href={`/app/surveys/${survey.id}/print`}>{l.print}</a>
      {open ? (
        <>
          {' · '}
          <a href={`/app/surveys/${survey.id}/paper`}>{l.keyIn}</a>
        </>
      ) : null}
      {' · '}
      <a href={`/app/surveys/${survey.id}/flyer`}>{l.flyer}</a>
    </p>
  );
}

/** The survey with what the printed and keyed-in versions show; the language: ?lang=, else the series'. */
async function printData(c: C): Promise<PrintData> {
  const survey = await ownSurvey(c);
  const org = c.var.coordinator.organisationId;
  const [session, series, link] = await Promise.all([
    getSession(c.env.DB, org, survey.session_id),
    getSeries(c.env.DB, org, survey.series_id),
    getOpenLink(c.env.DB, survey.id),
  ]);
  if (!session || !series) throw notFound('survey');
  const asked = c.req.query('lang');
  const language: Language = isLanguage(asked) ? asked : series.language;
  const open = effectiveStatus(survey.status, survey.closes_at) !== 'closed';
  return { survey, series, session, language, onlineUrl: link?.enabled && open ? `${publicUrl(c.env)}/o/${link.slug}` : null };
}

/** What the key-in form shows, as the participant's page would (built by the handlers: components only render). */
const keyInContext = ({ survey, series, session, language }: PrintData): LinkContext =>
  coordinatorViewContext({ survey, series, session, language });

const notOpen = (survey: SurveyRow) => effectiveStatus(survey.status, survey.closes_at) !== 'open';

export const paperPages = new Hono<AppEnv>()
  .use('/surveys/:id/print', pageHeaders, requireSignedIn)
  .use('/surveys/:id/paper', pageHeaders, requireSignedIn)
  .use('/surveys/:id/flyer', pageHeaders, requireSignedIn)
  .get('/surveys/:id/print', async (c) => render(c, <PrintableSurvey {...(await printData(c))} />))
  .get('/surveys/:id/flyer', async (c) => {
    const survey = await ownSurvey(c);
    const link = await getOpenLink(c.env.DB, survey.id);
    // Without an open link there is nothing to put on a flyer: its settings page says how to turn it on.
    if (!link?.enabled) return c.redirect(`/app/surveys/${survey.id}/open-link`, 303);
    return c.redirect(`/o/${link.slug}/flyer?lang=${workspaceLanguage(c)}`, 303);
  })
  .get('/surveys/:id/paper', async (c) => {
    const data = await printData(c);
    if (notOpen(data.survey)) return c.redirect(`/app/sessions/${data.survey.session_id}`, 303);
    const keyed = await keyedInCount(c.env.DB, data.survey.id);
    return render(
      c,
      <KeyInPage
        c={c}
        data={data}
        context={keyInContext(data)}
        sheet={crypto.randomUUID()}
        keyed={keyed}
        saved={c.req.query('saved') === '1'}
      />,
    );
  })
  .post('/surveys/:id/paper', async (c) => {
    const fields = new Map<string, string[]>();
    for (const [key, value] of await readUrlEncoded(c)) fields.set(key, [...(fields.get(key) ?? []), value]);
    const asked = fields.get('lang')?.[0];
    const data = await printData(c);
    const language = isLanguage(asked) ? asked : data.language;
    const sheetField = fields.get('sheet')?.[0];
    // A form without a sheet id (an old tab, a crafted post) starts a fresh sheet rather than failing.
    const sheet = v.is(SheetSchema, sheetField) ? sheetField : crypto.randomUUID();
    const form = answersFromForm(JSON.parse(data.survey.definition) as Definition, fields);
    const page = { ...data, language };
    const refuse = async (issues: FieldIssue[]) =>
      render(
        c,
        <KeyInPage
          c={c}
          data={page}
          context={keyInContext(page)}
          sheet={sheet}
          keyed={await keyedInCount(c.env.DB, data.survey.id)}
          answers={form.answers}
          issues={issues}
        />,
        422,
      );
    if (form.issues.length) return refuse(form.issues);
    try {
      await keyInPaperAnswer(c.env, c.var.coordinator, data.survey.id, { sheet, answers: form.answers, language });
    } catch (error) {
      if (error instanceof InvalidAnswers) return refuse(error.issues);
      throw error;
    }
    return c.redirect(`/app/surveys/${data.survey.id}/paper?saved=1&lang=${language}`, 303);
  });
