/** Session page: its pre- and post-survey, their state and counts, open/close, links onward. */
import { type Context, Hono } from 'hono';
import { utcToBrussels } from '../domain/brussels-time.ts';
import type { Language } from '../domain/language.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { formatDateTime } from '../i18n/index.ts';
import { minutesMessages } from '../i18n/minutes/index.ts';
import { openLinkMessages } from '../i18n/open-link/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { PaperLinks } from '../paper/paper.pages.tsx';
import { getSeries } from '../series/series.queries.ts';
import { getSession, type SessionRow } from '../sessions/sessions.queries.ts';
import { closeSurvey, createSurvey, openSurvey, SurveyExists, setClosingDate } from '../surveys/surveys.actions.ts';
import { getSurvey, type SurveyRow } from '../surveys/surveys.queries.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { ownSession, ownSurvey } from './owned.ts';
import {
  ActionButton,
  Csrf,
  checkForm,
  Field,
  type FormError,
  readForm,
  redirectWith,
  render,
  text,
  WorkspacePage,
  workspaceLanguage,
} from './shell.tsx';
import { ClosingForm, SurveyForm } from './workspace.schemas.ts';

type C = Context<AppEnv>;

function SurveyCard({ c, survey, language, errors = [] }: { c: C; survey: SurveyRow; language: Language; errors?: FormError[] }) {
  const t = workspaceMessages(language);
  const status = effectiveStatus(survey.status, survey.closes_at);
  const csrf = c.var.csrfToken;
  return (
    <>
      <dl class="facts">
        <dt>{t.session.statusLabel}</dt>
        <dd>
          <span class={`status status-${status}`}>{t.session.status[status]}</span>
        </dd>
        <dt>{t.session.anonymous}</dt>
        <dd>{survey.anonymous ? t.session.yes : t.session.no}</dd>
        {survey.opened_at ? (
          <>
            <dt>{t.session.opened}</dt>
            <dd>{formatDateTime(survey.opened_at, language)}</dd>
          </>
        ) : null}
        {survey.closes_at ? (
          <>
            <dt>{t.session.closes}</dt>
            <dd>{formatDateTime(survey.closes_at, language)}</dd>
          </>
        ) : null}
        <dt>{t.session.responses}</dt>
        <dd>{t.session.responsesOf(survey.response_count, survey.invitation_count)}</dd>
        {survey.held_back > 0 ? (
          <>
            <dt>{t.session.heldBack}</dt>
            <dd>{t.session.heldBackOf(survey.held_back)}</dd>
          </>
        ) : null}
      </dl>
      <details open={errors.some((e) => e.field === `closes-${survey.id}`)}>
        <summary>{t.session.closingSubmit}</summary>
        <form method="post" action={`/app/surveys/${survey.id}/closes`} class="stack">
          <Csrf token={csrf} />
          <Field
            id={`closes-${survey.id}`}
            type="date"
            label={t.session.closingLabel}
            value={survey.closes_at ? utcToBrussels(survey.closes_at).date : ''}
            errors={errors}
          />
          <button type="submit">{t.session.closingSubmit}</button>
        </form>
      </details>
      <p class="actions">
        {status !== 'open' ? <ActionButton action={`/app/surveys/${survey.id}/open`} label={t.session.open} token={csrf} /> : null}
        {status === 'open' ? <ActionButton action={`/app/surveys/${survey.id}/close`} label={t.session.close} token={csrf} /> : null}
      </p>
      <ul class="links">
        <li>
          <a href={`/app/surveys/${survey.id}/participants`}>{t.session.participants}</a>
        </li>
        <li>
          <a href={`/app/surveys/${survey.id}/edit`}>{t.editor.edit}</a>
        </li>
        <li>
          <a href={`/app/surveys/${survey.id}/preview`}>{t.editor.preview}</a>
        </li>
        <li>
          <a href={`/app/surveys/${survey.id}/open-link`}>{openLinkMessages(language).workspace.link}</a>
        </li>
        <li>
          <a href={`/api/surveys/${survey.id}/results?format=html`}>{t.session.results}</a>
        </li>
      </ul>
      <PaperLinks survey={survey} language={language} />
    </>
  );
}

/** What the session page shows, loaded by its handlers. */
async function sessionData(c: C, session: SessionRow) {
  const org = c.var.coordinator.organisationId;
  const series = await getSeries(c.env.DB, org, session.series_id);
  if (!series) throw notFound('series');
  const refs = JSON.parse(session.surveys) as { id: number; kind: 'pre' | 'post' }[];
  const surveys = await Promise.all(refs.map((r) => getSurvey(c.env.DB, org, r.id)));
  const byKind = new Map(surveys.filter((s): s is SurveyRow => s !== null).map((s) => [s.kind, s]));
  return { session, series, byKind };
}

function SessionPage({
  c,
  language,
  data: { session, series, byKind },
  errors = [],
}: {
  c: C;
  language: Language;
  data: Awaited<ReturnType<typeof sessionData>>;
  errors?: FormError[];
}) {
  const t = workspaceMessages(language);
  const csrf = c.var.csrfToken;
  return (
    <WorkspacePage c={c} language={language} title={`${series.title} — ${t.session.title(session.number)}`} errors={errors}>
      <p class="breadcrumb">
        <a href="/app/series">{t.nav.series}</a> › <a href={`/app/series/${series.id}`}>{series.title}</a>
      </p>
      <h1>
        {t.session.title(session.number)}
        <span class="subtitle">{series.title}</span>
      </h1>
      <dl class="facts">
        <dt>{t.session.when}</dt>
        <dd>{formatDateTime(session.starts_at, language)}</dd>
        {session.place ? (
          <>
            <dt>{t.session.place}</dt>
            <dd>{session.place}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/api/sessions/${session.id}/brief?format=html`}>{t.session.brief}</a> ·{' '}
        <a href={`/app/sessions/${session.id}/minutes`}>{minutesMessages(language).workspace.link}</a>
      </p>
      {(['pre', 'post'] as const).map((kind) => {
        const survey = byKind.get(kind);
        return (
          <section aria-labelledby={`survey-${kind}`}>
            <h2 id={`survey-${kind}`}>{t.session.kind[kind]}</h2>
            {survey ? (
              <SurveyCard c={c} survey={survey} language={language} errors={errors} />
            ) : (
              <>
                <p>{t.session.noSurvey}</p>
                <form method="post" action={`/app/sessions/${session.id}/surveys`} class="stack">
                  <Csrf token={csrf} />
                  <input type="hidden" name="kind" value={kind} />
                  <div class="field checkbox">
                    <input type="checkbox" id={`anonymous-${kind}`} name="anonymous" value="on" />
                    <label for={`anonymous-${kind}`}>{t.field.anonymous}</label>
                  </div>
                  <div class="field">
                    <label for={`closes-${kind}`}>{t.field.closesAt}</label>
                    <input type="date" id={`closes-${kind}`} name="closes" />
                  </div>
                  <button type="submit">{t.session.createSurvey}</button>
                </form>
              </>
            )}
          </section>
        );
      })}
    </WorkspacePage>
  );
}

export const sessionPages = new Hono<AppEnv>()
  .get('/sessions/:id', async (c) =>
    render(c, <SessionPage c={c} language={workspaceLanguage(c)} data={await sessionData(c, await ownSession(c))} />),
  )
  .post('/sessions/:id/surveys', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const session = await ownSession(c);
    const form = await readForm(c);
    const kind = text(form, 'kind');
    const checked = checkForm(SurveyForm, { kind, anonymous: text(form, 'anonymous'), closes: text(form, 'closes') }, t, {
      kind: t.field.kind,
      closes: t.field.closesAt,
    });
    if (!checked.ok) {
      const errors = checked.errors.map((e) => ({ ...e, field: e.field === 'closes' ? `closes-${kind}` : e.field }));
      return render(c, <SessionPage c={c} language={language} data={await sessionData(c, session)} errors={errors} />, 422);
    }
    try {
      await createSurvey(c.env, c.var.coordinator, session.id, checked.output);
    } catch (error) {
      if (!(error instanceof SurveyExists)) throw error;
      const errors = [{ field: `survey-${checked.output.kind}`, message: 'surveyExists', text: t.invalid.surveyExists }];
      return render(c, <SessionPage c={c} language={language} data={await sessionData(c, session)} errors={errors} />, 422);
    }
    return redirectWith(c, `/app/sessions/${session.id}`, 'saved');
  })
  .post('/surveys/:id/closes', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const survey = await ownSurvey(c);
    const form = await readForm(c);
    const field = `closes-${survey.id}`;
    const checked = checkForm(ClosingForm, { closes: text(form, field) }, t, { closes: t.session.closingLabel });
    if (!checked.ok) {
      const session = await getSession(c.env.DB, c.var.coordinator.organisationId, survey.session_id);
      if (!session) throw notFound('session');
      const errors = checked.errors.map((e) => ({ ...e, field }));
      return render(c, <SessionPage c={c} language={language} data={await sessionData(c, session)} errors={errors} />, 422);
    }
    await setClosingDate(c.env, c.var.coordinator, survey.id, checked.output.closes);
    return redirectWith(c, `/app/sessions/${survey.session_id}`, 'saved');
  })
  .post('/surveys/:id/open', async (c) => {
    const survey = await openSurvey(c.env, c.var.coordinator, pathId(c), afterResponse(c));
    return redirectWith(c, `/app/sessions/${survey.session_id}`, 'saved');
  })
  .post('/surveys/:id/close', async (c) => {
    const survey = await closeSurvey(c.env, c.var.coordinator, pathId(c), afterResponse(c));
    return redirectWith(c, `/app/sessions/${survey.session_id}`, 'saved');
  });
