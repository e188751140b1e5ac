/**
 * Moderation of what participants typed, the same through every door (API, workspace pages):
 * hide a free text from results and brief (or show it again), dismiss a proposed theme. Each
 * checks, writes one batch with its audit entry (the reason is kept there), and deletes no
 * answer.
 */
import { writeAudit } from '../audit/audit.queries.ts';
import type { Definition } from '../domain/definition.ts';
import { effectiveMinimum, gateSurvey } from '../domain/disclosure.ts';
import { normaliseText } from '../domain/text-normalise.ts';
import type { Coordinator, Env } from '../env.ts';
import { invalid, notFound } from '../http/problem.ts';
import { surveyAggregates, surveyContext } from '../results/results.queries.ts';
import { rankingQuestions } from '../results/results.ts';
import { getSeries } from '../series/series.queries.ts';
import { dismissProposalStatement, hideTextStatement, showTextStatement } from './moderation.queries.ts';

export interface TextTarget {
  question_id: string;
  text: string;
}

/**
 * The text must be one the gate publishes for this survey: the same refusal answers a text
 * nobody wrote and one still held back (an anonymous survey's unreleased ballots, a question
 * under the minimum), so trying texts tells the coordinator nothing the results do not show.
 */
async function publishedText(env: Env, actor: Coordinator, surveyId: number, target: TextTarget) {
  const ctx = await surveyContext(env.DB, actor.organisationId, surveyId);
  if (!ctx) throw notFound('survey');
  const def = JSON.parse(ctx.definition) as Definition;
  const question = def.questions.find((q) => q.id === target.question_id);
  if (question?.type !== 'text') throw invalid([{ field: 'question_id', message: 'no free-text question with this id in the survey' }]);
  const key = normaliseText(target.text);
  const textIds = def.questions.flatMap((q) => (q.type === 'text' ? [q.id] : []));
  const agg = await surveyAggregates(env.DB, ctx.id, rankingQuestions(def), null, textIds, undefined, { includeHidden: true });
  const gated = gateSurvey(agg, def, effectiveMinimum(ctx.min_group_size, ctx.anonymous === 1));
  const published = gated.texts.some((t) => t.question_id === question.id && normaliseText(t.text) === key);
  if (!key || !published) throw invalid([{ field: 'text', message: 'no such text among the published answers of this question' }]);
  return { ctx, key, hidden: agg.hidden.has(`${question.id}\n${key}`) };
}

export async function hideText(env: Env, actor: Coordinator, surveyId: number, input: TextTarget & { reason: string }) {
  const { ctx, key, hidden } = await publishedText(env, actor, surveyId, input);
  if (!hidden)
    await env.DB.batch([
      hideTextStatement(env.DB, ctx.id, input.question_id, key),
      writeAudit(env.DB, actor, 'text.hide', `survey:${ctx.id}`, { question_id: input.question_id, text_key: key, reason: input.reason }),
    ]);
  return { survey_id: ctx.id, question_id: input.question_id, key, hidden: true };
}

export async function showText(env: Env, actor: Coordinator, surveyId: number, input: TextTarget) {
  const { ctx, key, hidden } = await publishedText(env, actor, surveyId, input);
  if (hidden)
    await env.DB.batch([
      showTextStatement(env.DB, ctx.id, input.question_id, key),
      writeAudit(env.DB, actor, 'text.show', `survey:${ctx.id}`, { question_id: input.question_id, text_key: key }),
    ]);
  return { survey_id: ctx.id, question_id: input.question_id, key, hidden: false };
}

/** A proposal that is not a theme: it leaves the waiting list and the brief's pending count. */
export async function dismissProposal(env: Env, actor: Coordinator, seriesId: number, input: { key: string; reason?: string | undefined }) {
  const db = env.DB;
  if (!(await getSeries(db, actor.organisationId, seriesId))) throw notFound('series');
  const key = normaliseText(input.key);
  if (!key) throw invalid([{ field: 'key', message: 'must not be empty' }]);
  await db.batch([
    dismissProposalStatement(db, seriesId, key),
    writeAudit(db, actor, 'proposal.dismiss', `series:${seriesId}`, { key, ...(input.reason ? { reason: input.reason } : {}) }),
  ]);
  return { key, dismissed: true as const };
}
