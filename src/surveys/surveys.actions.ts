/**
 * A coordinator's writes to a survey, the same through every door: create, edit its
 * definition, set its closing date, open and close it (which survey-status-changes.ts does,
 * the one place a survey opens or closes). Each writes its audit entry.
 */
import { writeAudit, writeAuditOfInserted } from '../audit/audit.queries.ts';
import type { Question } from '../domain/definition.ts';
import { postSurveyTemplate, preSurveyTemplate } from '../domain/templates.ts';
import type { Coordinator, Env } from '../env.ts';
import { invalid, notFound, Problem } from '../http/problem.ts';
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
  let questions = input.questions;
  if (questions) {
    // An option's theme must be one of this series' (the same check as the editor and the import).
    const foreign = await foreignThemeIssues(env.DB, session.series_id, questions);
    if (foreign.length) throw invalid(foreign);
  } else {
    const themes = await activeCatalogue(env.DB, session.series_id);
    questions = input.kind === 'pre' ? preSurveyTemplate(themes) : postSurveyTemplate(themes, { anonymous: input.anonymous });
  }
  const [inserted] = await env.DB.batch<{ id: number }>([
    insertSurvey(env.DB, actor.organisationId, sessionId, { ...input, questions }),
    writeAuditOfInserted(env.DB, actor, 'survey.create', 'survey', { kind: input.kind }),
  ]);
  const id = inserted?.results[0]?.id;
  if (id === undefined) throw new SurveyExists(session.number, input.kind);
  return ownedSurvey(env, actor, id);
}

/**
 * Saves an edited definition unless someone saved another meanwhile (`version`) or, when
 * options changed, answers arrived: false then, and nothing is written.
 */
export async function editDefinition(
  env: Env,
  actor: Coordinator,
  survey: SurveyRow,
  input: { definition: string; version: number; optionsChanged: boolean },
): Promise<boolean> {
  const saved = await saveDefinition(env.DB, survey.id, input.definition, input.version, input.optionsChanged);
  // The check and the write are one statement (see saveDefinition), so the entry follows it.
  if (saved) await writeAudit(env.DB, actor, 'survey.edit', `survey:${survey.id}`, { version: input.version + 1 }).run();
  return saved;
}

export async function setClosingDate(env: Env, actor: Coordinator, surveyId: number, closesAt: string | null): Promise<SurveyRow> {
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
