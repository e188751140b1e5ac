/**
 * One-click sending in the workspace: the send and remind buttons start a send job
 * (src/sending/), and its progress page ("43 of 120 sent") refreshes itself with the HTTP
 * `Refresh` header while the job runs — no JavaScript — and can be closed at any time.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { Problem } from '../http/problem.ts';
import { formatDateTime } from '../i18n/index.ts';
import { sessionMessages } from '../i18n/sessions/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { jobJson, ownedJob, startSending } from '../sending/sending.actions.ts';
import { ownedSurvey } from '../surveys/surveys.actions.ts';
import { redirectWith, render, WorkspacePage, workspaceLanguage } from './shell.tsx';

const REFRESH_SECONDS = 10;

async function start(c: Context<AppEnv>, kind: 'invitation' | 'reminder') {
  const id = pathId(c);
  try {
    const { job } = await startSending(c.env, c.var.coordinator, id, kind);
    return c.redirect(`/app/send-jobs/${job.id}`, 303);
  } catch (error) {
    // The page offers no button then; a stale page's click just comes back.
    if (error instanceof Problem && error.slug === 'survey-not-open') return redirectWith(c, `/app/surveys/${id}/participants`);
    throw error;
  }
}

export const sendingPages = new Hono<AppEnv>()
  .post('/surveys/:id/send', (c) => start(c, 'invitation'))
  .post('/surveys/:id/remind', (c) => start(c, 'reminder'))
  .get('/send-jobs/:id', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const s = sessionMessages(language).sending;
    const job = jobJson(await ownedJob(c.env, c.var.coordinator, pathId(c)));
    const survey = await ownedSurvey(c.env, c.var.coordinator, job.survey_id);
    const running = !job.finished_at;
    // Refreshing is on while the job runs, unless the coordinator turned it off (WCAG 2.2.1).
    const auto = running && c.req.query('auto') !== '0';
    if (auto) c.header('Refresh', String(REFRESH_SECONDS));
    const title = `${s.kinds[job.kind]} — ${t.session.kind[survey.kind]}, ${t.session.title(survey.session_number)}`;
    return render(
      c,
      <WorkspacePage c={c} language={language} title={title}>
        <p class="breadcrumb">
          <a href={`/app/sessions/${survey.session_id}`}>{t.session.title(survey.session_number)}</a> ›{' '}
          <a href={`/app/surveys/${survey.id}/participants`}>{s.back}</a>
        </p>
        <h1>{title}</h1>
        <p role="status" class="progress-figure">
          <strong>{s.progress(job.sent, job.total)}</strong>
          {running ? '' : ` ${s.done}`}
        </p>
        <progress max={Math.max(job.total, 1)} value={job.total ? job.sent + job.failed : 1} aria-label={s.progress(job.sent, job.total)} />
        {job.failed ? <p class="note">{s.failed(job.failed)}</p> : null}
        {running ? (
          <>
            <p>{s.running}</p>
            <p>
              {auto ? `${s.refreshing} ` : ''}
              <a href={`/app/send-jobs/${job.id}${auto ? '?auto=0' : ''}`}>{auto ? s.stopRefresh : s.refreshNow}</a>
            </p>
          </>
        ) : (
          <p>{formatDateTime(job.finished_at ?? job.created_at, language)}</p>
        )}
        <p>
          <a href={`/app/outbox?survey=${survey.id}`}>{t.outbox.title}</a>
        </p>
      </WorkspacePage>,
    );
  });
