/** The whole Worker in one place: which router answers which path, and how errors look. */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionsRoutes } from './actions/actions.routes.ts';
import { briefRoutes } from './brief/brief.routes.ts';
import { calendarFeed, calendarRoutes } from './calendar/calendar.routes.ts';
import { requireCoordinator } from './coordinators/auth.ts';
import { isLanguage } from './domain/language.ts';
import type { AppEnv } from './env.ts';
import { exportsRoutes } from './exports/exports.routes.ts';
import { pageHeaders, responseHeaders } from './http/headers.ts';
import { idempotent, storedAnswer } from './http/idempotency.ts';
import { Problem, problemResponse } from './http/problem.ts';
import { languageFromHeader, messages } from './i18n/index.ts';
import { invitationsRoutes } from './invitations/invitations.routes.ts';
import { d1Timing } from './lib/d1-timing.ts';
import { publicUrlIssue } from './lib/public-url.ts';
import { moderationRoutes } from './moderation/moderation.routes.ts';
import { openLinkPages } from './open-link/open-link.pages.tsx';
import { openLinkRoutes } from './open-link/open-link.routes.ts';
import { openLinkWorkspacePages } from './open-link/open-link.workspace.tsx';
import { openApiRoutes } from './openapi/openapi.routes.tsx';
import { html, Layout } from './pages/layout.tsx';
import { paperPages } from './paper/paper.pages.tsx';
import { participantApi } from './responses/participant.api.ts';
import { participantPages } from './responses/participant.pages.tsx';
import { LinkProblem } from './responses/participation.ts';
import { RefusalPage } from './responses/survey-page.tsx';
import { resultsRoutes } from './results/results.routes.tsx';
import { seriesRoutes } from './series/series.routes.ts';
import { sessionsRoutes } from './sessions/sessions.routes.ts';
import { surveysRoutes } from './surveys/surveys.routes.ts';
import { themesRoutes } from './themes/themes.routes.ts';
import { webhooksRoutes } from './webhooks/webhooks.routes.ts';
import { workspaceApi } from './workspace/workspace.api.ts';
import { workspacePages } from './workspace/workspace.routes.ts';

/** Everything a coordinator reaches with an API key; each query is scoped to their organisation. */
const coordinatorApi = new Hono<AppEnv>()
  .use('*', requireCoordinator)
  // Answers are kept for replays only on an allow-list of routes whose answers hold no
  // personal data or secret (src/http/idempotency.ts); others run again on a replay.
  .use('*', idempotent({ scope: (c) => `c:${c.var.coordinator.id}`, storeBody: storedAnswer }))
  .route('/', seriesRoutes)
  .route('/', themesRoutes)
  .route('/', sessionsRoutes)
  .route('/', surveysRoutes)
  .route('/', invitationsRoutes)
  .route('/', openLinkRoutes)
  .route('/', webhooksRoutes)
  .route('/', calendarRoutes)
  .route('/', exportsRoutes)
  .route('/', resultsRoutes)
  .route('/', briefRoutes)
  .route('/', actionsRoutes)
  .route('/', moderationRoutes)
  .route('/', workspaceApi);

const isPage = (path: string) => !path.startsWith('/api/');

export const app = new Hono<AppEnv>()
  // HSTS (outside localhost) and Cache-Control: no-store on every coordinator and participant answer.
  .use(responseHeaders)
  .use(d1Timing) // dev-only: counts D1 work per request when RELAIS_TIMING=1 (npm run bench)
  // Loud about a deployment that cannot send links (no PUBLIC_URL), before anyone tries.
  .get('/api/health', (c) => {
    const issue = publicUrlIssue(c.env);
    return issue ? c.json({ ok: false, problems: [{ field: 'PUBLIC_URL', message: issue }] }, 503) : c.json({ ok: true });
  })
  // The participant API is registered before the coordinator API so that a personal link
  // never meets the coordinator's authentication.
  .route('/api', participantApi)
  // The contract is public (it holds no data), so it too comes before the coordinator API.
  .route('/api', openApiRoutes)
  .route('/api', coordinatorApi)
  .route('/s', participantPages)
  .route('/o', openLinkPages)
  .route('/app', openLinkWorkspacePages)
  .route('/app', paperPages)
  .route('/app', workspacePages)
  .route('/calendar', calendarFeed)
  .get('/', pageHeaders, async (c) => {
    const asked = c.req.query('lang');
    const language = isLanguage(asked) ? asked : languageFromHeader(c.req.header('accept-language'));
    const t = messages(language);
    return c.html(
      await html(
        <Layout language={language} title="Relais" languageHref={(l) => `/?lang=${l}`}>
          <h1>Relais</h1>
          <p>{t.footer}</p>
          <p>{t.home.participants}</p>
          <ul>
            <li>
              <a href={`/app/sign-in?lang=${language}`}>{t.home.coordinators}</a>
            </li>
            <li>
              <a href="/api/docs">{t.home.api}</a>
            </li>
          </ul>
        </Layout>,
      ),
    );
  });

app.notFound(async (c) => {
  if (!isPage(c.req.path)) return problemResponse(c, new Problem(404, 'not-found', 'Not found', { detail: 'No such route.' }));
  const language = languageFromHeader(c.req.header('accept-language'));
  return c.html(await html(<RefusalPage reason="not-found" language={language} />), 404);
});

app.onError(async (err, c) => {
  let problem: Problem;
  if (err instanceof Problem) problem = err;
  else if (err instanceof HTTPException) problem = new Problem(err.status as ContentfulStatusCode, 'http-error', err.message || 'Error');
  else {
    // Unexpected: logged for the operator, never shown (no stack, no SQL, no token).
    console.error('unhandled error', c.req.method, c.req.path.replace(/\/s\/[^/]+/, '/s/…'), err);
    problem = new Problem(500, 'internal-error', 'Internal error', {
      detail: 'The request could not be completed; nothing was changed. Try again.',
    });
  }
  if (!isPage(c.req.path)) return problemResponse(c, problem);
  const language = err instanceof LinkProblem && err.language ? err.language : languageFromHeader(c.req.header('accept-language'));
  const reason = err instanceof LinkProblem ? err.reason : problem.status === 404 ? 'not-found' : 'error';
  const answered = err instanceof LinkProblem && err.answered;
  return c.html(await html(<RefusalPage reason={reason} language={language} answered={answered} />), problem.status, {
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
});

export type AppType = typeof app;
