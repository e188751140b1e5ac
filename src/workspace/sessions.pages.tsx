/** Session page: its facts (changed or cancelled here), its pre- and post-survey, their state and counts, open/close, links onward. */
import type { Context } from 'hono';
import { readBrusselsTime, utcToBrussels } from '../domain/brussels-time.ts';
import type { Language } from '../domain/language.ts';
import { closingIssue, type DateIssue } from '../domain/session-dates.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contactsMessages } from '../i18n/contacts/index.ts';
import { editorMessages } from '../i18n/editor/index.ts';
import { formatDateTime } from '../i18n/index.ts';
import { minutesMessages } from '../i18n/minutes/index.ts';
import { openLinkMessages } from '../i18n/open-link/index.ts';
import { phoneMessages } from '../i18n/phone/index.ts';
import { resultsMessages } from '../i18n/results/index.ts';
import { type SessionMessages, sessionMessages } from '../i18n/sessions/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { participationOf } from '../invitations/invitations.queries.ts';
import { PaperLinks } from '../paper/paper.pages.tsx';
import { BarTable } from '../results/charts.tsx';
import { getSeries } from '../series/series.queries.ts';
import { cancelSession, checkedChange, SessionChanged, updateSession } from '../sessions/sessions.actions.ts';
import { getSession, listSessions, type SessionRow } from '../sessions/sessions.queries.ts';
import { closeSurvey, copySurvey, createSurvey, openSurvey, SurveyExists, setClosingDate } from '../surveys/surveys.actions.ts';
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
import { ClosingForm, SessionEditForm, SurveyForm } from './workspace.schemas.ts';

type C = Context<AppEnv>;

/** Participation as bars with its numbers in text (the results' chart), for a phone too. */
function ParticipationChart({ counts, language }: { counts: Participation; language: Language }) {
  const r = resultsMessages(language);
  const p = phoneMessages(language);
  const row = (label: string, n: number) => ({ label, value: n, cells: [String(n)] });
  return (
    <figure class="participation">
      <BarTable
        caption={p.chartCaption}
        head={[r.participation, p.people]}
        max={counts.invited}
        rows={[row(r.invited, counts.invited), row(r.opened, counts.opened), row(r.answered, counts.answered)]}
      />
    </figure>
  );
}

type Participation = { invited: number; opened: number; answered: number };

function SurveyCard({
  c,
  survey,
  language,
  participation,
  errors = [],
}: {
  c: C;
  survey: SurveyRow;
  language: Language;
  participation: Participation;
  errors?: FormError[];
}) {
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
      {participation.invited > 0 ? <ParticipationChart counts={participation} language={language} /> : null}
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
  // What a missing survey can be copied from: the same kind in the closest earlier session.
  const earlier = (await listSessions(c.env.DB, org, series.id)).filter((s) => s.number < session.number).reverse();
  const copyFrom = new Map<'pre' | 'post', { surveyId: number; number: number }>();
  for (const s of earlier) {
    for (const su of JSON.parse(s.surveys) as { id: number; kind: 'pre' | 'post' }[]) {
      if (!copyFrom.has(su.kind)) copyFrom.set(su.kind, { surveyId: su.id, number: s.number });
    }
  }
  const participation = await participationOf(
    c.env.DB,
    refs.map((r) => r.id),
  );
  return { session, series, byKind, copyFrom, participation };
}

/** What the edit form shows back after a refusal: the typed values, and whether to ask which 02:30. */
interface EditState {
  values: Record<string, string>;
  askFold: boolean;
}

function editValues(session: SessionRow): Record<string, string> {
  const start = utcToBrussels(session.starts_at);
  return {
    date: start.date,
    start: start.time,
    end: session.ends_at ? utcToBrussels(session.ends_at).time : '',
    place: session.place ?? '',
    notes: session.notes ?? '',
  };
}

function EditForm({
  c,
  session,
  language,
  errors,
  edit,
}: {
  c: C;
  session: SessionRow;
  language: Language;
  errors: FormError[];
  edit?: EditState;
}) {
  const s = sessionMessages(language);
  const values = edit?.values ?? editValues(session);
  const notesError = errors.find((e) => e.field === 'notes');
  const foldError = errors.find((e) => e.field === 'fold');
  return (
    <form method="post" action={`/app/sessions/${session.id}/edit`} class="stack">
      <Csrf token={c.var.csrfToken} />
      <p class="help">{s.edit.tellsInvitees}</p>
      <Field id="date" type="date" label={s.edit.date} value={values.date} required errors={errors} />
      <Field id="start" type="time" label={s.edit.start} help={s.edit.timeHelp} value={values.start} required errors={errors} />
      {edit?.askFold ? (
        <fieldset id="fold" class={`field${foldError ? ' has-error' : ''}`}>
          <legend>{s.edit.fold}</legend>
          {(['earlier', 'later'] as const).map((fold) => (
            <div class="field checkbox">
              <input type="radio" id={`fold-${fold}`} name="fold" value={fold} checked={values.fold === fold} />
              <label for={`fold-${fold}`}>
                {fold === 'earlier' ? s.edit.foldEarlier(values.start ?? '') : s.edit.foldLater(values.start ?? '')}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <Field id="end" type="time" label={s.edit.end} help={s.edit.timeHelp} value={values.end} errors={errors} />
      <Field id="place" label={s.edit.place} value={values.place} errors={errors} />
      <div class={`field${notesError ? ' has-error' : ''}`}>
        <label for="notes">{s.edit.notes}</label>
        <p class="help" id="notes-help">
          {s.edit.notesHelp}
        </p>
        {notesError ? (
          <p class="error" id="notes-error">
            {notesError.text}
          </p>
        ) : null}
        <textarea
          id="notes"
          name="notes"
          rows={3}
          aria-describedby={notesError ? 'notes-help notes-error' : 'notes-help'}
          aria-invalid={notesError ? 'true' : undefined}
        >
          {values.notes ?? ''}
        </textarea>
      </div>
      <button type="submit">{s.edit.submit}</button>
    </form>
  );
}

function SessionPage({
  c,
  language,
  data: { session, series, byKind, copyFrom, participation },
  errors = [],
  edit,
}: {
  c: C;
  language: Language;
  data: Awaited<ReturnType<typeof sessionData>>;
  errors?: FormError[];
  edit?: EditState;
}) {
  const t = workspaceMessages(language);
  const s = sessionMessages(language);
  const csrf = c.var.csrfToken;
  return (
    <WorkspacePage c={c} language={language} title={`${series.title} — ${t.session.title(session.number)}`} errors={errors}>
      <p class="breadcrumb">
        <a href="/app/series">{t.nav.series}</a> › <a href={`/app/series/${series.id}`}>{series.title}</a>
      </p>
      <h1>
        {t.session.title(session.number)}
        {session.cancelled_at ? <span class="status status-closed"> {s.cancelledBadge}</span> : null}
        <span class="subtitle">{series.title}</span>
      </h1>
      {session.cancelled_at ? <p class="note">{s.cancel.cancelled(formatDateTime(session.cancelled_at, language))}</p> : null}
      <dl class="facts">
        <dt>{t.session.when}</dt>
        <dd>
          {formatDateTime(session.starts_at, language)}
          {session.ends_at ? ` – ${utcToBrussels(session.ends_at).time}` : ''}
        </dd>
        {session.place ? (
          <>
            <dt>{t.session.place}</dt>
            <dd>{session.place}</dd>
          </>
        ) : null}
        {session.notes ? (
          <>
            <dt>{s.notes}</dt>
            <dd class="pre-line">{session.notes}</dd>
          </>
        ) : null}
      </dl>
      {session.cancelled_at ? null : (
        <>
          <details open={Boolean(edit)}>
            <summary>{s.edit.title}</summary>
            <EditForm c={c} session={session} language={language} errors={errors} edit={edit} />
          </details>
          <p>
            <a href={`/app/sessions/${session.id}/cancel`}>{s.cancel.title}</a>
          </p>
        </>
      )}
      <p>
        <a href={`/api/sessions/${session.id}/brief?format=html`}>{t.session.brief}</a> ·{' '}
        <a href={`/app/sessions/${session.id}/minutes`}>{minutesMessages(language).workspace.link}</a>
      </p>
      <p>
        <a href={`/app/sessions/${session.id}/attendance`}>{contactsMessages(language).attendance.link}</a>
      </p>
      {(['pre', 'post'] as const).map((kind) => {
        const survey = byKind.get(kind);
        return (
          <section aria-labelledby={`survey-${kind}`}>
            <h2 id={`survey-${kind}`}>{t.session.kind[kind]}</h2>
            {survey ? (
              <SurveyCard
                c={c}
                survey={survey}
                language={language}
                participation={participation.get(survey.id) ?? { invited: 0, opened: 0, answered: 0 }}
                errors={errors}
              />
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
                {copyFrom.get(kind) ? (
                  <form method="post" action={`/app/surveys/${copyFrom.get(kind)?.surveyId}/copy`} class="stack">
                    <Csrf token={csrf} />
                    <input type="hidden" name="session_id" value={String(session.id)} />
                    <p class="help" id={`copy-help-${kind}`}>
                      {editorMessages(language).copyHelp}
                    </p>
                    <button type="submit" class="secondary" aria-describedby={`copy-help-${kind}`}>
                      {editorMessages(language).copyFrom(copyFrom.get(kind)?.number ?? 0)}
                    </button>
                  </form>
                ) : null}
              </>
            )}
          </section>
        );
      })}
    </WorkspacePage>
  );
}

/** A date rule's issue as the form shows it: on the form's own field, in the coordinator's language. */
function issueError(issue: DateIssue, s: SessionMessages, labels: Record<string, string>): FormError {
  const field = issue.field === 'ends_at' ? 'end' : issue.field === 'starts_at' ? 'start' : issue.field;
  const text =
    issue.message === 'sessionOrder'
      ? s.invalid.sessionOrder(issue.neighbour ?? 0)
      : issue.message === 'endBeforeStart'
        ? s.invalid.endBeforeStart
        : s.invalid.closesInPast;
  return { field, message: issue.message, text: `${labels[field] ?? field}: ${text}` };
}

/**
 * The form's local times, read strictly: a time that never happens is refused; one that happens
 * twice is refused until the coordinator says which (the `fold` radios appear then).
 */
function formInstants(
  form: { date: string; start: string; end: string; fold: string },
  s: SessionMessages,
  labels: Record<string, string>,
): { ok: true; starts_at: string; ends_at: string | null } | { ok: false; errors: FormError[]; askFold: boolean } {
  const errors: FormError[] = [];
  let askFold = false;
  const read = (field: 'start' | 'end', time: string): string | null => {
    const local = readBrusselsTime(form.date, time);
    if (local.kind === 'ok') return local.utc;
    if (local.kind === 'ambiguous') {
      askFold = true;
      if (form.fold === 'earlier') return local.earlier;
      if (form.fold === 'later') return local.later;
      errors.push({ field, message: 'ambiguousTime', text: `${labels[field]}: ${s.invalid.ambiguousTime}` });
      return null;
    }
    if (local.kind === 'nonexistent')
      errors.push({ field, message: 'nonexistentTime', text: `${labels[field]}: ${s.invalid.nonexistentTime}` });
    else errors.push({ field: 'date', message: 'date', text: `${labels.date}: ${s.invalid.nonexistentTime}` });
    return null;
  };
  const starts_at = read('start', form.start);
  const ends_at = form.end ? read('end', form.end) : null;
  if (errors.length || !starts_at) return { ok: false, errors, askFold };
  return { ok: true, starts_at, ends_at };
}

export const sessionPages = new Hono<AppEnv>()
  .get('/sessions/:id', async (c) =>
    render(c, <SessionPage c={c} language={workspaceLanguage(c)} data={await sessionData(c, await ownSession(c))} />),
  )
  .post('/sessions/:id/edit', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const s = sessionMessages(language);
    const session = await ownSession(c);
    const form = await readForm(c);
    const values = Object.fromEntries(['date', 'start', 'end', 'place', 'notes', 'fold'].map((k) => [k, text(form, k)]));
    const labels = { date: s.edit.date, start: s.edit.start, end: s.edit.end, place: s.edit.place, notes: s.edit.notes, fold: s.edit.fold };
    const refuse = async (errors: FormError[], askFold = false) =>
      render(
        c,
        <SessionPage c={c} language={language} data={await sessionData(c, session)} errors={errors} edit={{ values, askFold }} />,
        422,
      );
    if (session.cancelled_at) return refuse([{ field: 'date', message: 'cancelled', text: s.invalid.cancelled }]);
    const checked = checkForm(SessionEditForm, values, t, labels);
    if (!checked.ok) return refuse(checked.errors);
    const times = formInstants(checked.output, s, labels);
    if (!times.ok) return refuse(times.errors, times.askFold);
    const input = {
      starts_at: times.starts_at,
      ends_at: times.ends_at,
      place: checked.output.place ?? null,
      notes: checked.output.notes ?? null,
    };
    const { issues } = await checkedChange(c.env, session, input);
    if (issues.length)
      return refuse(
        issues.map((i) => issueError(i, s, labels)),
        Boolean(values.fold),
      );
    try {
      await updateSession(c.env, c.var.coordinator, session.id, input, afterResponse(c));
    } catch (error) {
      if (!(error instanceof SessionChanged)) throw error;
      return refuse([{ field: 'date', message: 'changed', text: s.invalid.changed }]);
    }
    return redirectWith(c, `/app/sessions/${session.id}`, 'saved');
  })
  // The confirmation, a page of its own: works without JavaScript, and a stray click cancels nothing.
  .get('/sessions/:id/cancel', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const s = sessionMessages(language);
    const session = await ownSession(c);
    if (session.cancelled_at) return c.redirect(`/app/sessions/${session.id}`, 303);
    return render(
      c,
      <WorkspacePage c={c} language={language} title={`${s.cancel.title} — ${t.session.title(session.number)}`}>
        <p class="breadcrumb">
          <a href={`/app/sessions/${session.id}`}>{t.session.title(session.number)}</a>
        </p>
        <h1>{s.cancel.title}</h1>
        <p>
          <strong>{s.cancel.question}</strong>
        </p>
        <p>
          {t.session.title(session.number)} — {formatDateTime(session.starts_at, language)}
          {session.place ? `, ${session.place}` : ''}
        </p>
        <p>{s.cancel.help}</p>
        <p class="actions">
          <ActionButton action={`/app/sessions/${session.id}/cancel`} label={s.cancel.confirm} token={c.var.csrfToken} />
          <a href={`/app/sessions/${session.id}`}>{s.cancel.back}</a>
        </p>
      </WorkspacePage>,
    );
  })
  .post('/sessions/:id/cancel', async (c) => {
    const session = await cancelSession(c.env, c.var.coordinator, pathId(c), afterResponse(c));
    return redirectWith(c, `/app/sessions/${session.id}`, 'saved');
  })
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
    // A closing date already past is refused here as in the API (src/domain/session-dates.ts).
    const past = checked.ok ? closingIssue(checked.output.closes_at, new Date(), 'closes') : null;
    if (!checked.ok || past) {
      const found = checked.ok ? [issueError(past as DateIssue, sessionMessages(language), { closes: t.field.closesAt })] : checked.errors;
      const errors = found.map((e) => ({ ...e, field: e.field === 'closes' ? `closes-${kind}` : e.field }));
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
  .post('/surveys/:id/copy', async (c) => {
    const language = workspaceLanguage(c);
    const form = await readForm(c);
    const target = Number(text(form, 'session_id'));
    const session = Number.isInteger(target) && target > 0 ? await getSession(c.env.DB, c.var.coordinator.organisationId, target) : null;
    if (!session) throw notFound('session');
    try {
      const copy = await copySurvey(c.env, c.var.coordinator, pathId(c), session.id);
      return redirectWith(c, `/app/surveys/${copy.id}/edit`, 'saved');
    } catch (error) {
      if (!(error instanceof SurveyExists)) throw error;
      const t = workspaceMessages(language);
      const kind = (await ownSurvey(c)).kind;
      const errors = [{ field: `survey-${kind}`, message: 'surveyExists', text: t.invalid.surveyExists }];
      return render(c, <SessionPage c={c} language={language} data={await sessionData(c, session)} errors={errors} />, 422);
    }
  })
  .post('/surveys/:id/closes', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const survey = await ownSurvey(c);
    const form = await readForm(c);
    const field = `closes-${survey.id}`;
    const checked = checkForm(ClosingForm, { closes: text(form, field) }, t, { closes: t.session.closingLabel });
    const past = checked.ok ? closingIssue(checked.output.closes, new Date(), 'closes') : null;
    if (!checked.ok || past) {
      const session = await getSession(c.env.DB, c.var.coordinator.organisationId, survey.session_id);
      if (!session) throw notFound('session');
      const found = checked.ok
        ? [issueError(past as DateIssue, sessionMessages(language), { closes: t.session.closingLabel })]
        : checked.errors;
      const errors = found.map((e) => ({ ...e, field }));
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
