/**
 * A coordinator's "send": one job for all of a survey's owed invitations (or a reminder to all
 * who have not answered), started with its audit entry, its first chunk sent at once, the rest
 * by the cron (src/sending/sending.ts). A second click while a job runs finds that job; a click
 * after it finished starts one that owes nothing more to anyone already written to.
 */
import { writeAuditIfChanged } from '../audit/audit.queries.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import type { Coordinator, Env } from '../env.ts';
import { notFound } from '../http/problem.ts';
import { surveyNotOpen } from '../invitations/invitations.actions.ts';
import { publicUrl } from '../lib/public-url.ts';
import { ownedSurvey } from '../surveys/surveys.actions.ts';
import { getJob, insertJob, runningJob, type SendJob } from './sending.queries.ts';
import { type ChunkReport, sendChunk } from './sending.ts';

export async function startSending(
  env: Env,
  actor: Coordinator,
  surveyId: number,
  kind: 'invitation' | 'reminder',
  now = new Date(),
): Promise<{ job: SendJob; chunk: ChunkReport | null }> {
  publicUrl(env); // refuses before anything is written when links cannot be built
  const survey = await ownedSurvey(env, actor, surveyId);
  if (effectiveStatus(survey.status, survey.closes_at) !== 'open') throw surveyNotOpen();
  // Invitations share the outbox's 'invitation' slot with every earlier way of sending one;
  // each manual reminder is its own slot, once per person.
  const slot = kind === 'invitation' ? 'invitation' : `reminder:manual:${now.toISOString()}`;
  const [inserted] = await env.DB.batch<{ id: number }>([
    insertJob(env.DB, actor.organisationId, survey.id, kind, slot),
    writeAuditIfChanged(env.DB, actor, kind === 'invitation' ? 'invitations.send' : 'reminders.send', `survey:${survey.id}`),
  ]);
  const id = inserted?.results[0]?.id;
  const job = id !== undefined ? await getJob(env.DB, actor.organisationId, id) : await runningJob(env.DB, survey.id, kind);
  if (!job) throw notFound('send job');
  // The first chunk at once: a small survey is done before the page comes back.
  const chunk = job.finished_at ? null : await sendChunk(env, job);
  return { job: (await getJob(env.DB, actor.organisationId, job.id)) ?? job, chunk };
}

/** A job as the API and the progress page show it. */
export function jobJson(job: SendJob) {
  return {
    id: job.id,
    survey_id: job.survey_id,
    kind: job.kind,
    total: job.total,
    sent: job.sent,
    failed: job.failed,
    remaining: job.finished_at ? 0 : Math.max(0, job.total - job.sent - job.failed),
    created_at: job.created_at,
    finished_at: job.finished_at,
  };
}

export async function ownedJob(env: Env, actor: Coordinator, id: number): Promise<SendJob> {
  const job = await getJob(env.DB, actor.organisationId, id);
  if (!job) throw notFound('send job');
  return job;
}
