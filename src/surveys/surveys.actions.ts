/**
 * A coordinator's writes to a survey, the same through every door: create, edit its
 * definition, set its closing date, open and close it (which survey-status-changes.ts does,
 * the one place a survey opens or closes). Each writes its audit entry.
 */

import { writeAudit, writeAuditIfChanged, writeAuditOfInserted } from '../audit/audit.queries.ts';
import { copiedQuestions } from '../domain/copy.ts';
import type { Definition, Question } from '../domain/definition.ts';
import { closingIssue, issueText } from '../domain/session-dates.ts';
import { answeredEditIssues, EDIT_RULE_MESSAGES, type EditIssue } from '../domain/survey-edit.ts';
import { surveyTemplate } from '../domain/templates.ts';
import type { Coordinator, Env } from '../env.ts';
import { invalid, notFound, Problem } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { activeCatalogue } from '../themes/themes.queries.ts';
import { closeSurveyNow, openSurveyNow } from './survey-status-changes.ts';
import { getSurvey, insertSurvey, type SurveyRow, saveDefinition, setClosesAt } from './surveys.queries.ts';
import { foreignThemeIssues } from './theme-references.ts';

/** Hands post-write work (webhook events) to waitUntil, or awaits it (see `afterResponse`). */
type After = (work: Promise<unknown>) => unknown;

export class SurveyExists extends Problem {
  constructor(sessionNumber: number, kind: 'pre' | 'post') {
    super(409, 'survey-exists', 'Survey exists', {
      detail: `Session #${sessionNumber} already has a ${kind}-survey.`,
      errors: [{ field: 'kind', message: 'this session already has a survey of this kind' }],
    });
  }
}

export async function ownedSurvey(env: Env, actor: Coordinator, surveyId: number): Promise<SurveyRow> {
  const survey = await getSurvey(env.DB, actor.organisationId, surveyId);
  if (!survey) throw notFound('survey');
  return survey;
}

/** Without questions, the template of its kind with the series' active themes. */
export async function createSurvey(
  env: Env,
  actor: Coordinator,
  sessionId: number,
  input: { kind: 'pre' | 'post'; anonymous: boolean; closes_at?: string | undefined; questions?: Question[] | undefined },
): Promise<SurveyRow> {
  const session = await getSession(env.DB, actor.organisationId, sessionId);
  if (!session) throw notFound('session');
  refusePastClosing(input.closes_at);
  let questions = input.questions;
  if (questions) {
    // An option's theme must be one of this series' (the same check as the editor and the import).
    const foreign = await foreignThemeIssues(env.DB, session.series_id, questions);
    if (foreign.length) throw invalid(foreign);
  } else {
    const [themes, series] = await Promise.all([
      activeCatalogue(env.DB, session.series_id),
      getSeries(env.DB, actor.organisationId, session.series_id),
    ]);
    questions = surveyTemplate(input.kind, { themes, bassin: series?.bassin ?? null, anonymous: input.anonymous });
  }
  const [inserted] = await env.DB.batch<{ id: number }>([
    insertSurvey(env.DB, actor.organisationId, sessionId, { ...input, questions }),
    writeAuditOfInserted(env.DB, actor, 'survey.create', 'survey', { kind: input.kind }),
  ]);
  const id = inserted?.results[0]?.id;
  if (id === undefined) throw new SurveyExists(session.number, input.kind);
  return ownedSurvey(env, actor, id);
}

export class EditConflict extends Problem {
  constructor() {
    super(409, 'edit-conflict', 'Edited meanwhile', {
      detail: 'The questions were changed since you read them: read the survey again and redo your change.',
      errors: [{ field: 'version', message: 'not the current definition_version' }],
    });
  }
}

/** The refusal of an edit that would change what stored answers mean; each issue names its field and rule. */
export function editRefused(issues: readonly EditIssue[]) {
  return invalid(
    issues.map((i) => ({ field: i.field, message: EDIT_RULE_MESSAGES[i.code], code: i.code })),
    'This survey has answers: only changes that keep every stored answer meaningful are allowed.',
  );
}

/**
 * Replaces a survey's questions (add, remove, reorder questions and options, types, texts…):
 * anything while nobody has answered, afterwards only what keeps every stored answer
 * meaningful (src/domain/survey-edit.ts). `version`, when given, must be the one read. The rule
 * is checked again inside the write (an answer may arrive meanwhile), with the audit entry in
 * the same batch. Counters need nothing: they are keyed by question and option ids, which an
 * answered survey keeps; a new option simply has no counter row yet (zero).
 */
export async function editQuestions(
  env: Env,
  actor: Coordinator,
  surveyId: number,
  input: { questions: Question[]; version?: number | undefined },
): Promise<SurveyRow> {
  const survey = await ownedSurvey(env, actor, surveyId);
  if (input.version !== undefined && input.version !== survey.definition_version) throw new EditConflict();
  const foreign = await foreignThemeIssues(env.DB, survey.series_id, input.questions);
  if (foreign.length) throw invalid(foreign);
  const before = JSON.parse(survey.definition) as Definition;
  const issues = answeredEditIssues(before, input.questions);
  if (issues.length && survey.response_count + survey.held_back > 0) throw editRefused(issues);
  const definition = JSON.stringify({ questions: input.questions });
  // The same questions again (a retry) write nothing.
  if (definition === survey.definition) return survey;
  const [saved] = await env.DB.batch<{ id: number }>([
    saveDefinition(env.DB, survey.id, definition, survey.definition_version, issues.length > 0),
    writeAuditIfChanged(env.DB, actor, 'survey.edit', `survey:${survey.id}`, {
      version: survey.definition_version + 1,
      questions: input.questions.length,
    }),
  ]);
  if (!saved?.results.length) {
    const now = await ownedSurvey(env, actor, survey.id);
    if (now.definition_version !== survey.definition_version) throw new EditConflict();
    throw editRefused(issues);
  }
  return ownedSurvey(env, actor, survey.id);
}

/**
 * A new draft survey for a session, with another survey's questions (the previous session's,
 * typically): its theme options are those of the target series' active catalogue, so merged
 * or archived themes are gone and new ones are offered (src/domain/copy.ts).
 */
export async function copySurvey(env: Env, actor: Coordinator, surveyId: number, sessionId: number): Promise<SurveyRow> {
  const source = await ownedSurvey(env, actor, surveyId);
  const session = await getSession(env.DB, actor.organisationId, sessionId);
  if (!session) throw invalid([{ field: 'session_id', message: 'not a session of your organisation' }]);
  const themes = await activeCatalogue(env.DB, session.series_id);
  const questions = copiedQuestions((JSON.parse(source.definition) as Definition).questions, themes);
  const [inserted] = await env.DB.batch<{ id: number }>([
    insertSurvey(env.DB, actor.organisationId, sessionId, { kind: source.kind, anonymous: source.anonymous === 1, questions }),
    writeAuditOfInserted(env.DB, actor, 'survey.copy', 'survey', { kind: source.kind, from: source.id }),
  ]);
  const id = inserted?.results[0]?.id;
  if (id === undefined) throw new SurveyExists(session.number, source.kind);
  return ownedSurvey(env, actor, id);
}

/** A closing date already past would close the survey at once (src/domain/session-dates.ts): 422 naming closes_at. */
function refusePastClosing(closesAt: string | null | undefined) {
  const issue = closingIssue(closesAt, new Date());
  if (issue) throw invalid([{ field: issue.field, message: issueText(issue) }]);
}

export async function setClosingDate(env: Env, actor: Coordinator, surveyId: number, closesAt: string | null): Promise<SurveyRow> {
  refusePastClosing(closesAt);
  const survey = await ownedSurvey(env, actor, surveyId);
  await env.DB.batch([
    setClosesAt(env.DB, survey.id, closesAt),
    writeAudit(env.DB, actor, 'survey.closes', `survey:${survey.id}`, { closes_at: closesAt }),
  ]);
  return survey;
}

export async function openSurvey(env: Env, actor: Coordinator, surveyId: number, after: After): Promise<SurveyRow> {
  const survey = await ownedSurvey(env, actor, surveyId);
  await openSurveyNow(env, survey, after, [writeAudit(env.DB, actor, 'survey.open', `survey:${survey.id}`)]);
  return ownedSurvey(env, actor, survey.id);
}

export async function closeSurvey(env: Env, actor: Coordinator, surveyId: number, after: After): Promise<SurveyRow> {
  const survey = await ownedSurvey(env, actor, surveyId);
  await closeSurveyNow(env, survey, after, [writeAudit(env.DB, actor, 'survey.close', `survey:${survey.id}`)]);
  return ownedSurvey(env, actor, survey.id);
}
