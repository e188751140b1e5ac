/**
 * `npm run bench:routes`: every page and API route a person or a client reaches, requested one
 * after another on a fresh local Relais (demo data, `RELAIS_TIMING=1`), each a few times; per
 * route the median JavaScript time of the Server-Timing header (the handler's wall time minus
 * the time with a D1 call in flight: on an idle core, its CPU), the D1 statements, calls and
 * rows read. Sign-in (the one-time link e-mailed to a coordinator) is measured along its whole
 * path. Writes bench/routes.json; `npm run bench:report` puts the table in BENCHMARKS.md.
 *
 * Why not every write: most coordinator writes change what the next sample reads (a second
 * "close" is a 409); the ones measured are those people repeat (answering, signing in, saving
 * the minutes, adding a session, inviting: 20 people and the 500 one request takes), and the
 * reads cover every GET route of the OpenAPI document.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalServer } from '../scripts/local-server.ts';
import { gitCommit, ROOT } from '../scripts/wrangler.ts';
import { INVITE_LIMIT } from '../src/invitations/invitations.schemas.ts';
import { median, type ServerTiming, serverTiming } from './load.ts';
import { api, benchSurvey, formBody, invite, submission } from './seed.ts';

const SAMPLES = Number(process.env.BENCH_ROUTE_SAMPLES ?? 7);

export interface RouteTiming {
  route: string;
  kind: 'page' | 'api' | 'participant' | 'sign-in';
  samples: number;
  status: number;
  /** Median of the samples; local workerd's clock ticks in whole milliseconds, so also the mean. */
  js_ms: number;
  js_mean_ms: number;
  total_ms: number;
  statements: number;
  calls: number;
  rows_read: number;
}

export interface RoutesOutput {
  date: string;
  commit: string | null;
  loadavg_start: number[];
  loadavg_end: number[];
  routes: RouteTiming[];
  /** GET routes of the OpenAPI document this run did not reach (none, or the reason is in the code). */
  not_measured: string[];
}

class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  get header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function main() {
  const loadavgStart = os.loadavg().map((x) => Number(x.toFixed(2)));
  const server = await startLocalServer({ vars: { RELAIS_TIMING: '1' } });
  const base = server.base;
  const key = server.coordinatorKey;
  const auth = { authorization: `Bearer ${key}` };
  const out: RouteTiming[] = [];
  const reached = new Set<string>();
  try {
    const call = api(base, key);
    const getJson = async <T>(p: string) => (await (await fetch(`${base}${p}`, { headers: auth })).json()) as T;

    /** `samples` requests one after another; `request(i)` makes the i-th. */
    async function measure(route: string, kind: RouteTiming['kind'], request: (i: number) => Promise<Response>, samples = SAMPLES) {
      const seen: ServerTiming[] = [];
      let status = 0;
      for (let i = 0; i < samples; i++) {
        const res = await request(i);
        await res.arrayBuffer();
        status = res.status;
        if (res.status >= 400) throw new Error(`${route}: ${res.status}`);
        const t = serverTiming(res.headers.get('server-timing'));
        if (t) seen.push(t);
      }
      out.push({
        route,
        kind,
        samples: seen.length,
        status,
        js_ms: median(seen.map((t) => t.js_ms)),
        js_mean_ms: seen.reduce((a, t) => a + t.js_ms, 0) / Math.max(seen.length, 1),
        total_ms: median(seen.map((t) => t.total_ms)),
        statements: Math.max(...seen.map((t) => t.statements)),
        calls: Math.max(...seen.map((t) => t.calls)),
        rows_read: Math.max(...seen.map((t) => t.rows_read)),
      });
      console.log(`${route}: js ${out.at(-1)?.js_ms.toFixed(2)} ms, ${out.at(-1)?.statements} statements`);
    }

    // The demo's series, its sessions and surveys (scripts/seed.ts), and a bench survey with answers.
    const { series } = await getJson<{ series: { id: number }[] }>('/api/series');
    const seriesId = series[0]?.id;
    if (!seriesId) throw new Error('no demo series');
    const { sessions } = await getJson<{ sessions: { id: number; surveys?: { id: number }[] }[] }>(`/api/series/${seriesId}/sessions`);
    const sessionId = sessions[0]?.id;
    const survey = await benchSurvey(call, 'Routes');
    const tokens = await invite(call, survey.id, 12 + SAMPLES, 'routes');
    for (const [i, t] of tokens.slice(0, 12).entries()) {
      const res = await fetch(`${base}/api/s/${t}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submission(survey, i)),
      });
      if (!res.ok) throw new Error(`seed answer: ${res.status}`);
    }
    const surveyId = survey.id;
    const benchSession = survey.session_id;
    const ids: Record<string, string> = { series: String(seriesId), sessions: String(benchSession), surveys: String(surveyId) };

    // Participant: the page and the answer, by every door.
    const token = tokens[0] ?? '';
    await measure('GET /s/:token', 'participant', () => fetch(`${base}/s/${token}`));
    await measure('GET /api/s/:token', 'participant', () => fetch(`${base}/api/s/${token}`));
    await measure('PUT /api/s/:token', 'participant', (i) =>
      fetch(`${base}/api/s/${tokens[12 + (i % SAMPLES)]}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...submission(survey, 100 + i), survey_id: survey.id }),
      }),
    );
    await measure('POST /s/:token (form)', 'participant', (i) =>
      fetch(`${base}/s/${tokens[12 + (i % SAMPLES)]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: formBody(survey, 200 + i),
        redirect: 'manual',
      }),
    );
    await measure('GET /s/:token/done', 'participant', () => fetch(`${base}/s/${token}/done`));
    // The demo's participant: their session has a date and a place (the bench survey's has no .ics).
    await measure('GET /s/:token/session.ics', 'participant', () => fetch(`${base}/s/${server.participantToken}/session.ics`));

    // Sign-in: the address form, the request, the link, its confirmation (a fresh link each time).
    const { coordinators } = await getJson<{ coordinators: { email: string }[] }>('/api/team');
    const email = coordinators[0]?.email ?? '';
    const jar = new Jar();
    await measure('GET /app/sign-in', 'sign-in', async () => {
      const res = await fetch(`${base}/app/sign-in`);
      jar.take(res);
      return res;
    });
    await measure('POST /app/sign-in', 'sign-in', async () => {
      const page = await fetch(`${base}/app/sign-in`, { headers: { cookie: jar.header } });
      jar.take(page);
      return fetch(`${base}/app/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header, 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ email: `nobody-${Math.random()}@example.org`, _csrf: csrfOf(await page.text()) }).toString(),
        redirect: 'manual',
      });
    });
    const links: string[] = [];
    for (let i = 0; i < 3; i++) links.push(new URL(await server.signInLink(email)).pathname);
    let confirmCsrf = '';
    await measure(
      'GET /app/sign-in/:token',
      'sign-in',
      async (i) => {
        const res = await fetch(`${base}${links[i]}`, { headers: { cookie: jar.header } });
        jar.take(res);
        return res;
      },
      3,
    );
    await measure(
      'POST /app/sign-in/:token',
      'sign-in',
      async (i) => {
        const page = await fetch(`${base}${links[i]}`, { headers: { cookie: jar.header } });
        jar.take(page);
        confirmCsrf = csrfOf(await page.text());
        const res = await fetch(`${base}${links[i]}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header, 'sec-fetch-site': 'same-origin' },
          body: new URLSearchParams({ _csrf: confirmCsrf }).toString(),
          redirect: 'manual',
        });
        jar.take(res);
        return res;
      },
      3,
    );

    // Workspace pages, signed in.
    const pages = [
      '/app/series',
      `/app/series/${seriesId}`,
      `/app/series/${seriesId}/contacts`,
      `/app/sessions/${benchSession}`,
      `/app/sessions/${benchSession}/attendance`,
      `/app/sessions/${benchSession}/cancel`,
      `/app/sessions/${benchSession}/minutes`,
      `/app/sessions/${benchSession}/minutes/versions?section=findings`,
      `/app/surveys/${surveyId}/edit`,
      `/app/surveys/${surveyId}/open-link`,
      `/app/surveys/${surveyId}/participants`,
      `/app/surveys/${surveyId}/paper`,
      `/app/surveys/${surveyId}/preview`,
      `/app/surveys/${surveyId}/print`,
      `/app/surveys/${surveyId}/flyer`,
      '/app/team',
      '/app/outbox',
      '/app/audit',
      '/app/privacy',
    ];
    for (const p of pages) {
      await measure(`GET ${p.replace(/\/\d+/g, '/:id').replace(/\?.*/, '')}`, 'page', () =>
        fetch(`${base}${p}`, { headers: { cookie: jar.header } }),
      );
    }

    // Every GET of the OpenAPI document, with the bench survey's ids; results and brief in each format.
    const doc = await getJson<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    const skipped: string[] = [];
    const feed = (await (await fetch(`${base}/api/series/${seriesId}/calendar-feed`, { method: 'POST', headers: auth })).json()) as {
      url: string;
    };
    const feedToken = /\/calendar\/([^/.]+)\.ics/.exec(feed.url)?.[1] ?? '';
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (!('get' in ops)) continue;
      const filled = p
        .replace(/^\/api\/(series|sessions|surveys)\/\{id\}/, (_, r: string) => `/api/${r}/${ids[r]}`)
        .replace('{token}', p.startsWith('/calendar/') ? feedToken : token)
        .replace('{section}', 'findings');
      if (filled.includes('{')) {
        skipped.push(`GET ${p}`);
        continue;
      }
      reached.add(p);
      await measure(`GET ${p.replaceAll('{', ':').replaceAll('}', '')}`, p === '/api/s/{token}' ? 'participant' : 'api', () =>
        fetch(`${base}${filled}`, { headers: auth }),
      );
    }
    for (const format of ['html', 'csv']) {
      await measure(`GET /api/surveys/:id/results?format=${format}`, 'api', () =>
        fetch(`${base}/api/surveys/${surveyId}/results?format=${format}`, { headers: auth }),
      );
    }
    for (const format of ['html', 'md', 'csv', 'odt', 'docx']) {
      await measure(`GET /api/sessions/:id/brief?format=${format}`, 'api', () =>
        fetch(`${base}/api/sessions/${benchSession}/brief?format=${format}`, { headers: auth }),
      );
    }
    // Writes coordinators repeat: a session added, the minutes' words saved.
    await measure('POST /api/series/:id/sessions', 'api', (i) =>
      fetch(`${base}/api/series/${seriesId}/sessions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ number: 50 + i, starts_at: `2027-0${1 + i}-14T12:00:00.000Z` }),
      }),
    );
    // Inviting: a meeting's list, and the longest list one request takes (the schema's 500):
    // each new person's link is issued and sealed in the request, the write whose CPU grows.
    for (const people of [20, INVITE_LIMIT]) {
      await measure(`POST /api/surveys/:id/invitations (${people} people)`, 'api', (i) =>
        fetch(`${base}/api/surveys/${surveyId}/invitations`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            participants: Array.from({ length: people }, (_, k) => ({ email: `route-${people}-${i}-${k}@example.org` })),
          }),
        }),
      );
    }
    await measure('PUT /api/sessions/:id/brief/sections/:section', 'api', (i) =>
      fetch(`${base}/api/sessions/${sessionId}/brief/sections/findings`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ text: `Mot ${i}` }),
      }),
    );

    const result: RoutesOutput = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      loadavg_start: loadavgStart,
      loadavg_end: os.loadavg().map((x) => Number(x.toFixed(2))),
      routes: out,
      not_measured: skipped,
    };
    writeFileSync(path.join(ROOT, 'bench', 'routes.json'), `${JSON.stringify(result, null, 2)}\n`);
    const worst = [...out].sort((a, b) => b.js_ms - a.js_ms)[0];
    console.log(
      `${out.length} routes; the most JavaScript: ${worst?.route} ${worst?.js_ms.toFixed(2)} ms. Not reached: ${skipped.join(', ') || 'none'}`,
    );
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
