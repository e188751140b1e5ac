/** The whole Worker in one place: which router answers which path, and how errors look. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import { actionsRoutes } from './actions/actions.routes.ts';
import { briefRoutes } from './brief/brief.routes.ts';
import { calendarFeed, calendarRoutes } from './calendar/calendar.routes.ts';
import { contactsRoutes } from './contacts/contacts.routes.ts';
import { requireCoordinator } from './coordinators/auth.ts';
import { isLanguage, type Language } from './domain/language.ts';
import { optOutPages } from './email/opt-out.pages.tsx';
import type { AppEnv } from './env.ts';
import { exportsRoutes } from './exports/exports.routes.ts';
import { pageHeaders, responseHeaders } from './http/headers.ts';
import { Hono } from './http/hono.ts';
import { idempotent, storedAnswer } from './http/idempotency.ts';
import { Problem, problemResponse } from './http/problem.ts';
import { cataloguesLoaded, loadCatalogues } from './i18n/catalogue.ts';
import { languageFromHeader, messages } from './i18n/index.ts';
import { invitationsRoutes } from './invitations/invitations.routes.ts';
import { d1Timing } from './lib/d1-timing.ts';
import { publicUrlIssue } from './lib/public-url.ts';
import { moderationRoutes } from './moderation/moderation.routes.ts';
import { openLinkPages } from './open-link/open-link.pages.tsx';
import { openLinkRoutes } from './open-link/open-link.routes.ts';
import { openLinkWorkspacePages } from './open-link/open-link.workspace.tsx';
import { contract } from './openapi/contract.ts';
import { html, Layout } from './pages/layout.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { paperPages } from './paper/paper.pages.tsx';
import { participantApi } from './responses/participant.api.ts';
import { participantPages } from './responses/participant.pages.tsx';
import { LinkProblem } from './responses/participation.ts';
import { RefusalPage } from './responses/survey-page.tsx';
import { resultsRoutes } from './results/results.routes.tsx';
import { seriesRoutes } from './series/series.routes.ts';
import { sessionsRoutes } from './sessions/sessions.routes.ts';
import { surveysRoutes } from './surveys/surveys.routes.ts';
import { teamRoutes } from './team/team.routes.ts';
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
  .route('/', contactsRoutes)
  .route('/', teamRoutes)
  .route('/', openLinkRoutes)
  .route('/', webhooksRoutes)
  .route('/', calendarRoutes)
  .route('/', exportsRoutes)
  .route('/', resultsRoutes)
  .route('/', briefRoutes)
  .route('/', actionsRoutes)
  .route('/', moderationRoutes)
  .route('/', workspaceApi);

const HealthResponseSchema = RELAIS_DOCS ? v.object({ ok: v.literal(true) }) : (undefined as never);

const isPage = (path: string) => !path.startsWith('/api/');

export const app = new Hono<AppEnv>()
  // HSTS (outside localhost) and Cache-Control: no-store on every coordinator and participant answer.
  .use(responseHeaders)
  .use(d1Timing) // dev-only: counts D1 work per request when RELAIS_TIMING=1 (npm run bench)
  // The message catalogues are static assets (src/i18n/catalogue.ts): read once per isolate,
  // before any handler or error page needs a text. Without them nothing can be said in the
  // caller's language, so the answer is a bare, untranslated 503.
  .use(async (c, next) => {
    if (!cataloguesLoaded()) {
      try {
        await loadCatalogues(c.env.ASSETS);
      } catch (e) {
        console.error('message catalogues', e);
        const body = { type: '/problems/internal-error', title: 'Service unavailable', status: 503, detail: 'Try again in a moment.' };
        return c.body(JSON.stringify(body), 503, { 'Content-Type': 'application/problem+json' });
      }
    }
    await next();
  })
  // Loud about a deployment that cannot send links (no PUBLIC_URL), before anyone tries.
  .get(
    '/api/health',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Liveness check',
        description: 'Answers 503 with the problems when the deployment cannot send links (no `PUBLIC_URL`).',
        tag: 'meta',
        auth: 'public',
        responses: { 200: { description: '`{"ok": true}`', schema: HealthResponseSchema } },
      },
    }),
    (c) => {
      const issue = publicUrlIssue(c.env);
      return issue
        ? c.json({ ok: false, problems: [{ field: 'PUBLIC_URL', message: issue }] }, 503)
        : c.json({ ok: true } satisfies v.InferOutput<typeof HealthResponseSchema>);
    },
  )
  // The participant API is registered before the coordinator API so that a personal link
  // never meets the coordinator's authentication.
  .route('/api', participantApi)
  // The contract itself (GET /api/openapi.json, /api/docs) is not a route of the Worker: it is
  // generated ahead of time into public/api/ and served as static files (src/openapi/document.ts).
  .route('/api', coordinatorApi)
  .route('/s', participantPages)
  .route('/o', openLinkPages)
  .route('/u', optOutPages)
  .route('/app', openLinkWorkspacePages)
  .route('/app', paperPages)
  .route('/app', workspacePages)
  .route('/calendar', calendarFeed)
  .get('/', pageHeaders, async (c) => {
    const language = pageLanguage(c);
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

/** A page's language where nothing else says it: `?lang=`, then the browser's, then French. */
function pageLanguage(c: Context<AppEnv>): Language {
  const asked = c.req.query('lang');
  return isLanguage(asked) ? asked : languageFromHeader(c.req.header('accept-language'));
}

/** Under /s/ every address is a personal link: one Relais does not know is refused as a link. */
const isPersonalLinkPath = (path: string) => path.startsWith('/s/');

app.notFound(async (c) => {
  if (!isPage(c.req.path)) return problemResponse(c, new Problem(404, 'not-found', 'Not found', { detail: 'No such route.' }));
  const language = pageLanguage(c);
  const page = isPersonalLinkPath(c.req.path) ? (
    <RefusalPage reason="not-found" language={language} />
  ) : (
    <NotFoundPage language={language} />
  );
  return c.html(await html(page), 404);
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
  const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
  if (err instanceof LinkProblem) {
    // ?lang= first (the page's switch), then the invitation's language when the link is known, then the browser's.
    const asked = c.req.query('lang');
    const language = isLanguage(asked) ? asked : (err.language ?? pageLanguage(c));
    return c.html(await html(<RefusalPage reason={err.reason} language={language} answered={err.answered} />), problem.status, headers);
  }
  // Anything else that is not there (a workspace id, a session still to plan) is not a link's refusal.
  const page =
    problem.status === 404 ? <NotFoundPage language={pageLanguage(c)} /> : <RefusalPage reason="error" language={pageLanguage(c)} />;
  return c.html(await html(page), problem.status, headers);
});

export type AppType = typeof app;
