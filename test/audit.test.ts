/**
 * Every coordinator write is audited, whichever door it comes through: table-driven over the
 * write routes read from the router (POST/PUT/PATCH/DELETE of the JSON API, the workspace
 * pages and the workspace API), each performed with valid input on a fresh fixture, and each
 * must leave an audit entry naming the actor, the action and the target. A new write route
 * fails here until it has a valid input below, and then until its action writes its entry.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { utcToBrussels } from '../src/domain/brussels-time.ts';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

/** Writes that are not a coordinator's change to the organisation's data. */
const NOT_COORDINATOR_WRITES = new Set([
  'POST /app/sign-in', // asks for a sign-in link: nobody is signed in yet
  'POST /app/sign-in/:token', // opens the browser session (audited as `sign-in` by the sign-in pages)
  'POST /app/sign-out', // ends the browser session only
  'POST /app/series/:id/contacts/preview', // reads an uploaded address book and shows what an import would do: writes nothing
]);
/** Participants' and visitors' doors (a personal link, an open link): not a coordinator's writes. */
const isParticipantDoor = (path: string) =>
  path.startsWith('/s/') || path.startsWith('/o/') || path.startsWith('/u/') || path.startsWith('/api/s/');

interface Fixture {
  series: number;
  themes: number;
  otherTheme: number;
  sessions: number;
  surveys: number;
  invitations: number;
  webhooks: number;
  /** A colleague in the organisation, to remove. */
  team: number;
  /** The series' first action (from its post-survey). */
  actions: number;
  /** A section of the brief (PUT …/brief/sections/:section). */
  sections: string;
  email: string;
  token: string;
}

let key: string;
let actor: string;
let pages: Browser;
let organisationId: number;
let n = 0;

async function fixture(): Promise<Fixture> {
  n++;
  const { seriesId, sessionId, surveyId, themeIds } = await openSurveyFor(key, { title: `Audit ${n}`, themes: ['Logement', 'Santé'] });
  const email = `person-${n}@example.org`;
  const invitations = await inviteThroughApi(key, surveyId, [{ email }]);
  const webhook = await callJson<{ id: number }>(`/api/series/${seriesId}/webhooks`, {
    method: 'POST',
    key,
    json: { url: 'https://hooks.example.org/relais' },
    expect: 201,
  });
  const colleague = await env.DB.prepare('INSERT INTO coordinators (organisation_id, email) VALUES (?, ?) RETURNING id')
    .bind(organisationId, `colleague-${n}@example.org`)
    .first<{ id: number }>();
  const action = await env.DB.prepare('SELECT min(id) AS id FROM series_actions WHERE series_id = ?')
    .bind(seriesId)
    .first<{ id: number }>();
  return {
    team: colleague?.id ?? 0,
    actions: action?.id ?? 0,
    sections: 'findings',
    token: invitations[0]?.token ?? '',
    series: seriesId,
    themes: themeIds[0] ?? 0,
    otherTheme: themeIds[1] ?? 0,
    sessions: sessionId,
    surveys: surveyId,
    invitations: invitations[0]?.id ?? 0,
    webhooks: webhook.id,
    email,
  };
}

type Input = (f: Fixture) => unknown | Promise<unknown>;

/** A valid JSON body for each write of the API and the workspace API. */
const API_INPUT: Record<string, Input> = {
  'POST /api/series': () => ({ title: 'Nouvelle série' }),
  'PATCH /api/series/:id': () => ({ title: 'Renommée' }),
  'POST /api/series/:id/themes': () => ({ label: { fr: 'Mobilité' } }),
  'PATCH /api/themes/:id': (f) => ({ merged_into: f.otherTheme }),
  'POST /api/series/:id/sessions': () => ({ number: 2, starts_at: '2099-02-01T12:00:00Z' }),
  'POST /api/sessions/:id/surveys': () => ({ kind: 'pre' }),
  'PATCH /api/sessions/:id': () => ({ place: 'Maison des associations', notes: 'Lunch réseau dès 12h30' }),
  'POST /api/sessions/:id/cancel': () => ({}),
  'POST /api/surveys/:id/open': () => ({}),
  'POST /api/surveys/:id/close': () => ({}),
  'POST /api/surveys/:id/invitations': () => ({ participants: [{ email: 'new@example.org' }] }),
  'POST /api/invitations/:id/new-link': () => ({}),
  'PUT /api/surveys/:id/open-link': () => ({ enabled: true }),
  'POST /api/series/:id/webhooks': () => ({ url: 'https://other.example.org/hook' }),
  'DELETE /api/webhooks/:id': () => undefined,
  'POST /api/series/:id/calendar-feed': () => ({}),
  'POST /api/series/import': (f) => callJson(`/api/series/${f.series}/export`, { key }),
  'POST /api/surveys/:id/invitations/send': () => ({}),
  'POST /api/surveys/:id/reminders/send': () => ({}),
  'POST /api/invitations/:id/resend': () => ({}),
  'DELETE /api/invitations/:id': () => undefined,
  'POST /api/participants/export': (f) => ({ email: f.email }),
  'POST /api/participants/erase': (f) => ({ email: f.email }),
  'PUT /api/series/:id/retention': () => ({ retention_days: 30 }),
  'POST /api/series/:id/contacts/import': () => new Blob(['email,name\nbook@example.org,Book\n'], { type: 'text/csv' }),
  'POST /api/surveys/:id/invitations/from': () => ({ source: 'directory' }),
  'PUT /api/sessions/:id/attendance': (f) => ({ emails: [f.email] }),
  'POST /api/team': () => ({ email: `invited-${n}@example.org` }),
  'DELETE /api/team/:id': () => undefined,
  'POST /api/series/:id/proposals': () => ({ action: 'promote', key: 'transport', label: 'Transport' }),
  'PUT /api/surveys/:id/questions': async (f) => ({
    questions: (await callJson<{ questions: unknown[] }>(`/api/surveys/${f.surveys}`, { key })).questions.slice(1),
  }),
  'POST /api/surveys/:id/copy': async (f) => ({ session_id: await newSession(f) }),
  'PUT /api/sessions/:id/brief/sections/:section': () => ({ text: 'Les mots de la coordination.' }),
  'PATCH /api/actions/:id': () => ({ status: 'planned', note: 'Au printemps' }),
  'POST /api/surveys/:id/texts/hide': (f) => publishedRemark(f).then((text) => ({ question_id: 'remarks', text, reason: 'hors sujet' })),
  'POST /api/surveys/:id/texts/show': (f) => hiddenRemark(f).then((text) => ({ question_id: 'remarks', text })),
  'POST /api/series/:id/proposals/dismiss': () => ({ key: 'transport', reason: 'pas un thème' }),
};

/** A second session of the fixture's series, with no survey yet (what a copy goes to). */
async function newSession(f: Fixture) {
  const session = await callJson<{ id: number }>(`/api/series/${f.series}/sessions`, {
    method: 'POST',
    key,
    json: { number: 2, starts_at: '2099-02-01T12:00:00Z' },
    expect: 201,
  });
  return session.id;
}

/** A remark the results publish: the series' minimum lowered to 1, one answer with a remark. */
async function publishedRemark(f: Fixture) {
  await call(`/api/series/${f.series}`, { method: 'PATCH', key, json: { min_group_size: 1 } });
  await call(`/api/s/${f.token}`, { method: 'PUT', json: { answers: { usefulness: 4, remarks: 'Une remarque' } } });
  return 'Une remarque';
}

async function hiddenRemark(f: Fixture) {
  const text = await publishedRemark(f);
  await call(`/api/surveys/${f.surveys}/texts/hide`, { method: 'POST', key, json: { question_id: 'remarks', text, reason: 'test' } });
  return text;
}

/** The fields of a valid form for each write of the workspace pages. */
const PAGE_INPUT: Record<string, Input> = {
  'POST /app/series': () => ({ title: 'Série des pages', language: 'fr' }),
  'POST /app/series/:id/sessions': () => ({ number: '2', date: '2099-03-01', start: '10:00' }),
  'POST /app/series/:id/themes': () => ({ label_fr: 'Emploi' }),
  'POST /app/themes/:id/rename': (f) => ({ [`label_fr-${f.themes}`]: 'Logement digne' }),
  'POST /app/themes/:id/archive': () => ({}),
  'POST /app/themes/:id/reactivate': () => ({}),
  'POST /app/themes/:id/merge': (f) => ({ into: String(f.otherTheme) }),
  'POST /app/series/:id/proposals/promote': () => ({ key: 'transport', text: 'Transport' }),
  'POST /app/series/:id/proposals/merge': (f) => ({ key: 'transport', into: String(f.otherTheme) }),
  'POST /app/series/:id/retention': () => ({ days: '30' }),
  'POST /app/series/:id/settings': () => ({ min_group_size: '5' }),
  'POST /app/sessions/:id/surveys': () => ({ kind: 'pre' }),
  'POST /app/sessions/:id/edit': async (f) => {
    const session = await callJson<{ starts_at: string }>(`/api/sessions/${f.sessions}`, { key });
    const { date, time } = utcToBrussels(session.starts_at);
    return { date, start: time, place: 'Maison des associations', notes: 'Lunch réseau dès 12h30' };
  },
  'POST /app/sessions/:id/cancel': () => ({}),
  'POST /app/surveys/:id/closes': (f) => ({ [`closes-${f.surveys}`]: '2099-12-31' }),
  'POST /app/surveys/:id/open': () => ({}),
  'POST /app/surveys/:id/close': () => ({}),
  'POST /app/surveys/:id/participants': () => ({ contacts: 'newcomer@example.org' }),
  'POST /app/surveys/:id/send': () => ({}),
  'POST /app/surveys/:id/remind': () => ({}),
  'POST /app/surveys/:id/links.csv': () => ({}),
  'POST /app/invitations/:id/resend': () => ({}),
  'POST /app/invitations/:id/new-link': () => ({}),
  'POST /app/invitations/:id/remove': () => ({ confirm: 'yes' }),
  'POST /app/surveys/:id/edit': async (f) => ({ ...(await editorForm(f.surveys)), op: 'remove:sector' }),
  'POST /app/surveys/:id/copy': async (f) => ({ session_id: String(await newSession(f)) }),
  'POST /app/surveys/:id/open-link': () => ({ enabled: 'on' }),
  'POST /app/surveys/:id/paper': (f) => paperSheet(f.surveys),
  'POST /app/privacy/export': (f) => ({ email: f.email }),
  'POST /app/privacy/erase': (f) => ({ 'erase-email': f.email }),
  'POST /app/series/:id/contacts/import': () => ({ confirm: '1', text: 'page-book@example.org, Page Book' }),
  'POST /app/sessions/:id/attendance': () => ({}),
  'POST /app/sessions/:id/attendance/add': (f) => ({ emails: f.email }),
  'POST /app/surveys/:id/invitations/from': () => ({ from: 'directory' }),
  'POST /app/team': () => ({ email: `page-invited-${n}@example.org` }),
  'POST /app/team/:id/remove': () => ({}),
  'POST /app/sessions/:id/minutes': () => ({ section: 'needs', text: 'Besoins relevés en séance.' }),
  'POST /app/actions/:id': (f) => ({ status: 'done', note: 'Fait', session: String(f.sessions) }),
  'POST /app/surveys/:id/texts/hide': (f) =>
    publishedRemark(f).then((text) => ({ question_id: 'remarks', text, reason: 'hors sujet', session: String(f.sessions) })),
  'POST /app/surveys/:id/texts/show': (f) =>
    hiddenRemark(f).then((text) => ({ question_id: 'remarks', text, session: String(f.sessions) })),
  'POST /app/series/:id/proposals/dismiss': () => ({ key: 'transport' }),
};

/** The editor's form as the page renders it, sent back with its texts unchanged. */
async function editorForm(surveyId: number) {
  const { html } = await pages.get(`/app/surveys/${surveyId}/edit`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf') continue;
    if (/type="checkbox"/.test(attrs) && !/checked/.test(attrs)) continue;
    fields[name] = (/value="([^"]*)"/.exec(attrs)?.[1] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  }
  return fields;
}

/** A paper sheet keyed in with the first choice of every question (src/paper/). */
async function paperSheet(surveyId: number) {
  const survey = await callJson<{ questions: { id: string; type: string; options?: { id: string }[]; min?: number }[] }>(
    `/api/surveys/${surveyId}`,
    { key },
  );
  const fields: Record<string, string> = { sheet: crypto.randomUUID() };
  for (const q of survey.questions) {
    const first = q.options?.[0]?.id ?? '';
    if (q.type === 'ranking') fields[`q.${q.id}.${first}`] = '1';
    else if (q.type === 'rating') fields[`q.${q.id}`] = String(q.min ?? 1);
    else if (q.type === 'text') fields[`q.${q.id}`] = 'Une remarque';
    else fields[`q.${q.id}`] = first;
  }
  return fields;
}

function fill(path: string, f: Fixture): string {
  return path.replace(/\/([a-z-]+)\/:(\w+)/g, (_, segment: string) => {
    const id = (f as unknown as Record<string, number>)[segment];
    if (id === undefined) throw new Error(`audit test: no id for /${segment}/:param in ${path}`);
    return `/${segment}/${id}`;
  });
}

function writeRoutes() {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !r.path.includes('*'))
    .map((r) => `${r.method} ${r.path}`)
    .filter((k) => !seen.has(k) && seen.add(k))
    .filter((k) => !NOT_COORDINATOR_WRITES.has(k) && !isParticipantDoor(k.split(' ')[1] ?? ''));
}

const lastAuditId = async () => (await env.DB.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').first<{ id: number }>())?.id ?? 0;

async function entriesSince(id: number) {
  const { results } = await env.DB.prepare('SELECT organisation_id, actor, action, target FROM audit_log WHERE id > ? ORDER BY id')
    .bind(id)
    .all<{ organisation_id: number; actor: string | null; action: string; target: string }>();
  return results;
}

beforeAll(async () => {
  const who = await workspaceCoordinator('Audit Toutes Portes');
  key = who.key;
  actor = who.email;
  organisationId =
    (await env.DB.prepare('SELECT organisation_id AS id FROM coordinators WHERE email = ?').bind(actor).first<{ id: number }>())?.id ?? 0;
  pages = new Browser();
  await pages.signIn(actor);
});

describe('every coordinator write leaves an audit entry naming actor, action and target', () => {
  it('covers the three doors (sanity)', () => {
    const all = writeRoutes();
    expect(all.filter((k) => k.includes(' /app/')).length).toBeGreaterThan(20);
    expect(all.filter((k) => k.includes(' /api/')).length).toBeGreaterThan(20);
  });

  for (const route of writeRoutes()) {
    const [method = '', path = ''] = route.split(' ');
    it(route, async () => {
      const input = path.startsWith('/app') ? PAGE_INPUT[route] : API_INPUT[route];
      if (!input) throw new Error(`audit test: add a valid input for ${route}`);
      const f = await fixture();
      const body = await input(f);
      const before = await lastAuditId();
      let status: number;
      if (path.startsWith('/app')) {
        await pages.get('/app/series');
        const res = await pages.post(fill(path, f), body as Record<string, string>);
        status = res.status;
        expect(status, `${route}: ${status} ${status >= 400 ? await res.text() : ''}`).toBeLessThan(400);
      } else {
        // A file body (an address book) is sent as it is, with its media type; anything else as JSON.
        const payload = body instanceof Blob ? { body, headers: { 'content-type': body.type } } : body === undefined ? {} : { json: body };
        const res = await call(fill(path, f), { method, key, ...payload });
        status = res.status;
        expect(status, `${route}: ${await res.text()}`).toBeLessThan(400);
      }
      const entries = await entriesSince(before);
      expect(entries.length, `${route} left no audit entry`).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.organisation_id).toBe(organisationId);
        expect(e.actor).toBe(actor);
        expect(e.action).toMatch(/^[a-z-]+\.[a-z-]+$/);
        expect(e.target).toMatch(/^(series|session|survey|theme|invitation|webhook|participant|coordinator|action)(:\d+)?$/);
      }
    });
  }
});
