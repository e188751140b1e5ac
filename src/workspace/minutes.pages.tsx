/**
 * Preparing the minutes of a session (/app/sessions/:id/minutes): the coordinator's words per
 * section (versioned), what became of the series' actions with who agreed to be contacted
 * (named surveys only, never in the brief), and the free texts to moderate. Every write is
 * an action of its resource's folder; the handlers here only parse, call and redirect.
 */

import type { Context } from 'hono';
import * as v from 'valibot';
import { actionLabel } from '../actions/action-label.ts';
import { updateSeriesAction } from '../actions/actions.actions.ts';
import {
  type ActionStatus,
  actionVolunteers,
  listSeriesActions,
  type SeriesActionRow,
  type VolunteerRow,
} from '../actions/actions.queries.ts';
import { SETTABLE_STATUSES, UpdateActionSchema } from '../actions/actions.schemas.ts';
import { writeBriefSection } from '../brief/brief.actions.ts';
import { WrittenBlocks } from '../brief/brief.page.tsx';
import { BriefSectionParamSchema, BriefSectionSchema } from '../brief/brief.schemas.ts';
import { MINUTES_SECTIONS, type MinutesSection } from '../brief/brief.ts';
import { type BriefTextRow, briefTextVersions, latestBriefTexts } from '../brief/brief-texts.queries.ts';
import type { Definition } from '../domain/definition.ts';
import { effectiveMinimum, gateSurvey } from '../domain/disclosure.ts';
import { type Language, localize } from '../domain/language.ts';
import { normaliseText } from '../domain/text-normalise.ts';
import { writtenBlocks } from '../domain/written-text.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound, Problem } from '../http/problem.ts';
import { formatDateTime } from '../i18n/index.ts';
import { minutesMessages } from '../i18n/minutes/index.ts';
import { resultsMessages } from '../i18n/results/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { dismissProposal, hideText, showText } from '../moderation/moderation.actions.ts';
import { HideTextSchema } from '../moderation/moderation.schemas.ts';
import { surveyAggregates, surveyContext } from '../results/results.queries.ts';
import { rankingQuestions } from '../results/results.ts';
import { getSeries } from '../series/series.queries.ts';
import { getSession, listSessions, type SessionRow } from '../sessions/sessions.queries.ts';
import { ownSeries, ownSession } from './owned.ts';
import { Csrf, type FormError, readForm, redirectWith, render, text, WorkspacePage, workspaceLanguage } from './shell.tsx';

type C = Context<AppEnv>;

interface PublishedText {
  question_id: string;
  question: string;
  text: string;
  count: number;
  hidden: boolean;
}

/** The free texts the results publish (the gate's output), each marked hidden or not. */
async function publishedTexts(c: C, surveyId: number, language: Language) {
  const ctx = await surveyContext(c.env.DB, c.var.coordinator.organisationId, surveyId);
  if (!ctx || ctx.status === 'draft') return null;
  const def = JSON.parse(ctx.definition) as Definition;
  const textIds = def.questions.flatMap((q) => (q.type === 'text' ? [q.id] : []));
  const agg = await surveyAggregates(c.env.DB, ctx.id, rankingQuestions(def), null, textIds, undefined, { includeHidden: true });
  const gated = gateSurvey(agg, def, effectiveMinimum(ctx.min_group_size, ctx.anonymous === 1));
  const questions = new Map(def.questions.filter((q) => q.type === 'text').map((q) => [q.id, localize(q.text, language)]));
  const texts: PublishedText[] = gated.texts
    .filter((t) => questions.has(t.question_id))
    .map((t) => ({
      question_id: t.question_id,
      question: questions.get(t.question_id) ?? t.question_id,
      text: t.text,
      count: t.count,
      hidden: agg.hidden.has(`${t.question_id}\n${normaliseText(t.text)}`),
    }));
  return { id: ctx.id, kind: ctx.kind, session: ctx.session_number, texts };
}

async function minutesData(c: C, session: SessionRow, language: Language) {
  const db = c.env.DB;
  const org = c.var.coordinator.organisationId;
  const series = await getSeries(db, org, session.series_id);
  if (!series) throw notFound('series');
  const [written, actions, sessions] = await Promise.all([
    latestBriefTexts(db, session.id),
    listSeriesActions(db, series.id),
    listSessions(db, org, series.id),
  ]);
  // Who agreed to be contacted: read from named post-surveys only (actions.queries.ts).
  const volunteers = actions.length ? await actionVolunteers(db, series.id) : [];
  // The surveys the brief reads: the post-survey of this session, the pre-survey of the next.
  const refs = (s: SessionRow | undefined) => (s ? (JSON.parse(s.surveys) as { id: number; kind: 'pre' | 'post' }[]) : []);
  const next = sessions.find((s) => s.number === session.number + 1);
  const ids = [...refs(session).filter((r) => r.kind === 'post'), ...refs(next).filter((r) => r.kind === 'pre')].map((r) => r.id);
  const texts = (await Promise.all(ids.map((id) => publishedTexts(c, id, language)))).filter((x) => x !== null);
  return {
    session,
    series,
    written: new Map(written.map((w) => [w.section, w])),
    actions: actions.filter((a) => a.since_session !== null && a.since_session <= session.number),
    volunteers,
    texts,
  };
}

function SectionForm({ c, id, latest, errors }: { c: C; id: MinutesSection; latest: BriefTextRow | undefined; errors: FormError[] }) {
  const language = workspaceLanguage(c);
  const m = minutesMessages(language).workspace;
  const sessionId = pathId(c);
  const error = errors.find((e) => e.field === `text-${id}`);
  const describedBy = [`info-${id}`, error ? `text-${id}-error` : null].filter(Boolean).join(' ');
  return (
    <section aria-labelledby={`section-${id}`}>
      <h3 id={`section-${id}`}>{m.sections[id]}</h3>
      <p class="help" id={`info-${id}`}>
        {latest ? m.lastChange(latest.version, latest.actor ?? '—', formatDateTime(latest.created_at, language)) : m.never}
      </p>
      <form method="post" action={`/app/sessions/${sessionId}/minutes`} class="stack">
        <Csrf token={c.var.csrfToken} />
        <input type="hidden" name="section" value={id} />
        <div class={`field${error ? ' has-error' : ''}`}>
          <label for={`text-${id}`}>
            {m.textLabel} — {m.sections[id]}
          </label>
          {error ? (
            <p class="error" id={`text-${id}-error`}>
              {error.text}
            </p>
          ) : null}
          <textarea id={`text-${id}`} name="text" rows={6} aria-describedby={describedBy}>
            {latest?.text ?? ''}
          </textarea>
        </div>
        <button type="submit">
          {m.save}
          <span class="visually-hidden"> — {m.sections[id]}</span>
        </button>
      </form>
      {latest && latest.version > 1 ? (
        <p>
          <a href={`/app/sessions/${sessionId}/minutes/versions?section=${id}`}>
            {m.versions} — {m.sections[id]}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function ActionItem({ c, action, volunteers }: { c: C; action: SeriesActionRow; volunteers: VolunteerRow[] }) {
  const language = workspaceLanguage(c);
  const mm = minutesMessages(language);
  const m = mm.workspace;
  const label = localize(actionLabel(action), language);
  return (
    <li>
      <h3>{label}</h3>
      <p>
        {m.statusLabel} : <strong>{mm.status[action.status]}</strong>
        {action.since_session !== null ? ` — ${mm.since(action.since_session)}` : ''}
      </p>
      <form method="post" action={`/app/actions/${action.id}`} class="stack">
        <Csrf token={c.var.csrfToken} />
        <input type="hidden" name="session" value={String(pathId(c))} />
        <div class="field">
          <label for={`status-${action.id}`}>
            {m.statusLabel} — {label}
          </label>
          <select id={`status-${action.id}`} name="status">
            {action.status === 'proposed' ? (
              <option value="" selected>
                {mm.status.proposed}
              </option>
            ) : null}
            {SETTABLE_STATUSES.map((s) => (
              <option value={s} selected={s === action.status}>
                {mm.status[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`note-${action.id}`}>
            {m.note} — {label}
          </label>
          <textarea id={`note-${action.id}`} name="note" rows={2}>
            {action.note ?? ''}
          </textarea>
        </div>
        <button type="submit">
          {m.saveAction}
          <span class="visually-hidden"> — {label}</span>
        </button>
      </form>
      <h4>{m.volunteers}</h4>
      {volunteers.length ? (
        <ul>
          {volunteers.map((p) => (
            <li>
              {p.name ? `${p.name} <${p.email}>` : p.email} (#{p.session_number})
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.nobody}</p>
      )}
    </li>
  );
}

function MinutesPage({ c, data, errors = [] }: { c: C; data: Awaited<ReturnType<typeof minutesData>>; errors?: FormError[] }) {
  const language = workspaceLanguage(c);
  const t = workspaceMessages(language);
  const r = resultsMessages(language);
  const mm = minutesMessages(language);
  const m = mm.workspace;
  const { session, series } = data;
  const csrf = c.var.csrfToken;
  return (
    <WorkspacePage c={c} language={language} title={`${series.title} — ${m.title(session.number)}`} errors={errors}>
      <p class="breadcrumb">
        <a href="/app/series">{t.nav.series}</a> › <a href={`/app/series/${series.id}`}>{series.title}</a> ›{' '}
        <a href={`/app/sessions/${session.id}`}>{t.session.title(session.number)}</a>
      </p>
      <h1>
        {m.title(session.number)}
        <span class="subtitle">{series.title}</span>
      </h1>
      <p>
        <a href={`/api/sessions/${session.id}/brief?format=html`}>{t.session.brief}</a>
      </p>

      <section aria-labelledby="words">
        <h2 id="words">{mm.written}</h2>
        <p class="help">{m.intro}</p>
        {MINUTES_SECTIONS.map((id) => (
          <SectionForm c={c} id={id} latest={data.written.get(id)} errors={errors} />
        ))}
      </section>

      <section aria-labelledby="series-actions">
        <h2 id="series-actions">{m.actions}</h2>
        <p class="help">{m.actionsIntro}</p>
        <p class="help">{m.volunteersIntro}</p>
        {data.actions.length ? (
          <ul class="stack minutes-list">
            {data.actions.map((a) => (
              <ActionItem c={c} action={a} volunteers={data.volunteers.filter((p) => p.option_id === a.option_id)} />
            ))}
          </ul>
        ) : (
          <p>{m.noActions}</p>
        )}
      </section>

      <section aria-labelledby="free-texts">
        <h2 id="free-texts">{m.texts}</h2>
        <p class="help">{m.textsIntro}</p>
        {data.texts.some((s) => s.texts.length) ? (
          data.texts.map((s) =>
            s.texts.length ? (
              <>
                <h3>{r.surveyLabel(s.kind, s.session)}</h3>
                <ul class="texts minutes-list">
                  {s.texts.map((x, i) => (
                    <li>
                      <span class="muted">{x.question} :</span> {x.text}
                      {x.count > 1 ? ` (×${x.count})` : ''}
                      {x.hidden ? <strong> — {m.hidden}</strong> : null}
                      <form method="post" action={`/app/surveys/${s.id}/texts/${x.hidden ? 'show' : 'hide'}`} class="stack">
                        <Csrf token={csrf} />
                        <input type="hidden" name="session" value={String(session.id)} />
                        <input type="hidden" name="question_id" value={x.question_id} />
                        <input type="hidden" name="text" value={x.text} />
                        {x.hidden ? null : (
                          <div class="field">
                            <label for={`reason-${s.id}-${i}`}>{m.reason}</label>
                            <input id={`reason-${s.id}-${i}`} name="reason" maxlength={300} required />
                          </div>
                        )}
                        <button type="submit">
                          {x.hidden ? m.showAgain : m.hide}
                          <span class="visually-hidden"> — {x.text}</span>
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              </>
            ) : null,
          )
        ) : (
          <p>{m.noTexts}</p>
        )}
      </section>
    </WorkspacePage>
  );
}

function VersionsPage({
  c,
  session,
  section,
  versions,
  shown,
}: {
  c: C;
  session: SessionRow;
  section: MinutesSection;
  versions: BriefTextRow[];
  shown: BriefTextRow | undefined;
}) {
  const language = workspaceLanguage(c);
  const m = minutesMessages(language).workspace;
  const base = `/app/sessions/${session.id}/minutes`;
  return (
    <WorkspacePage c={c} language={language} title={`${m.versions} — ${m.sections[section]}`}>
      <p class="breadcrumb">
        <a href={base}>{m.back}</a>
      </p>
      <h1>
        {m.versions}
        <span class="subtitle">{m.sections[section]}</span>
      </h1>
      <ul>
        {versions.map((x) => (
          <li>
            {m.lastChange(x.version, x.actor ?? '—', formatDateTime(x.created_at, language))}{' '}
            {x === shown ? null : (
              <a href={`${base}/versions?section=${section}&version=${x.version}`}>
                {m.showVersion}
                <span class="visually-hidden"> — {m.version(x.version)}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
      {shown ? (
        <section aria-labelledby="shown" lang={shown.language === language ? undefined : shown.language}>
          <h2 id="shown">{m.version(shown.version)}</h2>
          {shown.text ? <WrittenBlocks blocks={writtenBlocks(shown.text)} /> : <p>{m.empty}</p>}
        </section>
      ) : null}
    </WorkspacePage>
  );
}

const backTo = (form: Parameters<typeof text>[0], anchor: string) => {
  const session = Number(text(form, 'session'));
  return Number.isSafeInteger(session) && session > 0 ? `/app/sessions/${session}/minutes#${anchor}` : '/app/series';
};

export const minutesPages = new Hono<AppEnv>()
  .get('/sessions/:id/minutes', async (c) =>
    render(c, <MinutesPage c={c} data={await minutesData(c, await ownSession(c), workspaceLanguage(c))} />),
  )
  .get('/sessions/:id/minutes/versions', async (c) => {
    const session = await ownSession(c);
    const parsed = v.safeParse(BriefSectionParamSchema, c.req.query('section'));
    if (!parsed.success) throw notFound('section');
    const versions = await briefTextVersions(c.env.DB, session.id, parsed.output);
    const asked = Number(c.req.query('version'));
    const shown = versions.find((x) => x.version === asked) ?? versions[0];
    return render(c, <VersionsPage c={c} session={session} section={parsed.output} versions={versions} shown={shown} />);
  })
  .post('/sessions/:id/minutes', async (c) => {
    const session = await ownSession(c);
    const form = await readForm(c);
    const section = v.safeParse(BriefSectionParamSchema, text(form, 'section'));
    if (!section.success) throw notFound('section');
    const input = v.safeParse(BriefSectionSchema, { text: text(form, 'text') });
    if (!input.success) {
      const m = minutesMessages(workspaceLanguage(c));
      const field = `text-${section.output}`;
      const errors = [{ field, message: 'text', text: `${m.workspace.sections[section.output]}: ${m.invalid.text}` }];
      return render(c, <MinutesPage c={c} data={await minutesData(c, session, workspaceLanguage(c))} errors={errors} />, 422);
    }
    await writeBriefSection(c.env, c.var.coordinator, session.id, section.output, input.output);
    return redirectWith(c, `/app/sessions/${session.id}/minutes#section-${section.output}`, 'saved');
  })
  .post('/actions/:id', async (c) => {
    const form = await readForm(c);
    const status = text(form, 'status');
    const input = v.safeParse(UpdateActionSchema, { ...(status ? { status } : {}), note: text(form, 'note') });
    if (!input.success) throw new Problem(422, 'invalid-fields', 'Invalid fields');
    await updateSeriesAction(c.env, c.var.coordinator, pathId(c), {
      status: input.output.status as Exclude<ActionStatus, 'proposed'> | undefined,
      note: input.output.note,
    });
    return redirectWith(c, backTo(form, 'series-actions'), 'saved');
  })
  .post('/surveys/:id/texts/hide', async (c) => {
    const form = await readForm(c);
    const input = v.safeParse(HideTextSchema, {
      question_id: text(form, 'question_id'),
      text: text(form, 'text'),
      reason: text(form, 'reason'),
    });
    if (!input.success) {
      const m = minutesMessages(workspaceLanguage(c));
      const session = await ownSessionOf(c, text(form, 'session'));
      const errors = [{ field: 'free-texts', message: 'reason', text: `${m.workspace.reason}: ${m.invalid.reason}` }];
      return render(c, <MinutesPage c={c} data={await minutesData(c, session, workspaceLanguage(c))} errors={errors} />, 422);
    }
    await hideText(c.env, c.var.coordinator, pathId(c), input.output);
    return redirectWith(c, backTo(form, 'free-texts'), 'saved');
  })
  .post('/surveys/:id/texts/show', async (c) => {
    const form = await readForm(c);
    await showText(c.env, c.var.coordinator, pathId(c), { question_id: text(form, 'question_id'), text: text(form, 'text') });
    return redirectWith(c, backTo(form, 'free-texts'), 'saved');
  })
  .post('/series/:id/proposals/dismiss', async (c) => {
    const series = await ownSeries(c);
    const form = await readForm(c);
    await dismissProposal(c.env, c.var.coordinator, series.id, { key: text(form, 'key') });
    return redirectWith(c, `/app/series/${series.id}#proposals`, 'saved');
  });

/** The session a form came from (its hidden `session` field), within the organisation. */
async function ownSessionOf(c: C, id: string) {
  const n = Number(id);
  const session = Number.isSafeInteger(n) && n > 0 ? await getSession(c.env.DB, c.var.coordinator.organisationId, n) : null;
  if (!session) throw notFound('session');
  return session;
}
