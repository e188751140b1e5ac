/**
 * The attacker's toolkit: a curious coordinator signed in to their organisation, who builds
 * a survey, invites people, watches them answer, and reads every output Relais offers through
 * the public API and pages. Each scenario gets its own organisation and series, because
 * storage is shared by every test of a file.
 */
import { expect } from 'vitest';
import { app } from '../../src/app.tsx';
import { call, callJson, createCoordinator, env, openSurveyFor, tokenOf } from '../helpers.ts';
import { Browser } from '../workspace/browser.ts';

export { call, callJson, env, tokenOf };

let counter = 0;
const unique = (name: string) => `${name} ${++counter} ${crypto.randomUUID().slice(0, 8)}`;

export interface Scenario {
  key: string;
  organisation: string;
  /** The coordinator's address (createCoordinator's default for the organisation). */
  email: string;
  seriesId: number;
  sessionId: number;
  surveyId: number;
  /** The ranking option of the series' one theme (`t<id>`). */
  themeOption: string;
  minGroupSize: number;
}

/**
 * A series with one session and its post-survey (the template: usefulness, mutual knowledge,
 * themes, a proposal, actions, sector as the profile question, free remarks), opened. The
 * post-survey is what the brief of the session reads, so every output carries its figures.
 */
export async function scenario(name: string, options: { anonymous: boolean; minGroupSize?: number }): Promise<Scenario> {
  const organisation = unique(name);
  const key = await createCoordinator(organisation);
  const minGroupSize = options.minGroupSize ?? 3;
  const { seriesId, sessionId, surveyId, themeIds } = await openSurveyFor(key, {
    title: organisation,
    minGroupSize,
    themes: ['Secret professionnel partagé'],
    anonymous: options.anonymous,
  });
  return {
    key,
    organisation,
    email: `${organisation.toLowerCase().replace(/\W+/g, '-')}@example.org`,
    seriesId,
    sessionId,
    surveyId,
    themeOption: `t${themeIds[0]}`,
    minGroupSize,
  };
}

/** Invites addresses (again, for an address already invited: a fresh link for the same person). */
export async function invite(s: Scenario, emails: string[]): Promise<Record<string, string>> {
  const { invitations } = await callJson<{ invitations: { email: string; url: string }[] }>(`/api/surveys/${s.surveyId}/invitations`, {
    method: 'POST',
    key: s.key,
    json: { participants: emails.map((email) => ({ email })) },
    expect: 201,
  });
  return Object.fromEntries(invitations.map((i) => [i.email, tokenOf(i.url)]));
}

export type Sector = 'hospital' | 'home-care' | 'gp' | 'social' | 'association' | 'other';

export interface PostAnswers {
  usefulness: number;
  actions?: string[];
  sector?: Sector;
  remarks?: string;
  proposal?: string;
  themes?: string[];
}

export function postAnswers(s: Scenario, a: PostAnswers): Record<string, unknown> {
  const answers: Record<string, unknown> = { usefulness: a.usefulness, themes: a.themes ?? [s.themeOption] };
  if (a.actions) answers.actions = a.actions;
  if (a.sector) answers.sector = a.sector;
  if (a.remarks) answers.remarks = a.remarks;
  if (a.proposal) answers['theme-proposal'] = a.proposal;
  return answers;
}

/** A participant answering through the JSON API; fails loudly unless stored. */
export async function answer(s: Scenario, token: string, a: PostAnswers, headers: Record<string, string> = {}) {
  const res = await call(`/api/s/${token}`, { method: 'PUT', json: { answers: postAnswers(s, a) }, headers });
  if (res.status !== 200) throw new Error(`PUT /api/s/…: ${res.status} ${await res.text()}`);
  return (await res.json()) as { answers: Record<string, unknown>; unchanged: boolean };
}

/** `n` invited people who answer, each with the answers `answersOf(i)` gives. */
export async function crowd(s: Scenario, prefix: string, n: number, answersOf: (i: number) => PostAnswers) {
  const emails = Array.from({ length: n }, (_, i) => `${prefix}-${i}@example.org`);
  const tokens = await invite(s, emails);
  for (const [i, email] of emails.entries()) await answer(s, tokens[email] ?? '', answersOf(i));
  return tokens;
}

/**
 * Closes the survey. An anonymous survey counts its held submissions in steps of at least the
 * minimum, and at closing; scenarios whose sizes are multiples of 3 are counted whole.
 */
export async function close(s: Scenario) {
  await callJson(`/api/surveys/${s.surveyId}/close`, { method: 'POST', key: s.key });
}

/** Every output a coordinator can read about the survey, keyed by a name for the failure message. */
export async function snapshot(s: Scenario, questionIds: readonly string[] = POST_QUESTIONS): Promise<Record<string, string>> {
  const get = async (path: string) => {
    const res = await call(path, { key: s.key });
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const out: Record<string, string> = {};
  const r = `/api/surveys/${s.surveyId}/results`;
  out['results.json'] = await get(r);
  out['results.csv'] = await get(`${r}?format=csv`);
  out['results.html'] = await get(`${r}?format=html`);
  for (const q of questionIds) out[`results.csv?question=${q}`] = await get(`${r}?format=csv&question=${q}`);
  const b = `/api/sessions/${s.sessionId}/brief`;
  for (const f of ['json', 'md', 'csv', 'html']) out[`brief.${f}`] = await get(`${b}?format=${f}`);
  // The export stamps the moment of the request itself; that field alone is set aside.
  const exported = JSON.parse(await get(`/api/series/${s.seriesId}/export`)) as Record<string, unknown>;
  delete exported.exported_at;
  out['export.json'] = JSON.stringify(exported);
  out['invitations.json'] = await get(`/api/surveys/${s.surveyId}/invitations`);
  out['participants.json'] = await get(`/api/surveys/${s.surveyId}/participants`);
  out['survey.json'] = await get(`/api/surveys/${s.surveyId}`);
  out['session.json'] = await get(`/api/sessions/${s.sessionId}`);
  return out;
}

export const POST_QUESTIONS = ['usefulness', 'mutual-knowledge', 'themes', 'theme-proposal', 'actions', 'sector', 'remarks'] as const;

/** Keys that say who answered (and how many submissions wait to be counted), never what. */
const WHO = new Set(['answered', 'answer_rate', 'state', 'held_back']);

function withoutWho(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWho);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !WHO.has(k))
        .map(([k, v]) => [k, withoutWho(v)]),
    );
  }
  return value;
}

/**
 * An output without the facts of *who* answered: the invitation list's answered flag, the
 * answered count and rate, a participant's state, the number of submissions waiting to be
 * counted. The coordinator may know who answered (reminders need it; the outbox would tell);
 * what differencing must not reveal is *what* they answered. Everything else stays, byte for byte.
 */
export function whatWasAnswered(name: string, text: string): string {
  if (name.endsWith('.json')) return JSON.stringify(withoutWho(JSON.parse(text)));
  if (name.includes('.csv')) {
    return (
      text
        .split('\r\n')
        // Either separator: French and Dutch readers get `;` (src/lib/csv.ts).
        .filter((line) => !line.split(/[;,]/).some((cell) => WHO.has(cell)))
        .join('\r\n')
    );
  }
  return (
    text
      // Printable pages (results, brief) and the workspace's session page, in French.
      .replace(/<dt>(Ont répondu|Taux de réponse|Réponses|Réponses en attente)<\/dt><dd>.*?<\/dd>/g, '')
      // The brief in Markdown and on its page: the participation line and its footnote.
      .replace(/Ont répondu \d+ \/ Invité·es \d+ \([^)]*\)/g, '')
      .replace(/Réponses : [^.<]*\./g, '')
      .replace(/Ont ouvert leur lien \d+/g, '')
      // The session page's participation chart: invited, opened, answered (who, not what).
      .replace(/<figure class="participation">[\s\S]*?<\/figure>/g, '')
      // The participants page: each person's state and the actions it offers.
      .replace(/<span class="state[^"]*">[^<]*<\/span>/g, '')
      .replace(/<form method="post" action="\/app\/invitations\/\d+\/[a-z-]+"[\s\S]*?<\/form>/g, '')
      // How many are left to send (Send skips who answered) and the button while any are.
      .replace(/<p>\d+ pas encore envoyées\.<\/p>/g, '')
      .replace(/<form method="post" action="\/app\/surveys\/\d+\/send"[\s\S]*?<\/form>/g, '')
  );
}

/** Names of the outputs whose figures about what was answered differ between two snapshots. */
export function differingAnswers(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((k) => whatWasAnswered(k, before[k] ?? '') !== whatWasAnswered(k, after[k] ?? ''));
}

/** Names of the outputs that differ between two snapshots. */
export function differing(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((k) => before[k] !== after[k]);
}

/** A webhook endpoint on the series that delivers to the local receiver (test/webhook-receiver.mjs). */
export async function webhookReceiver(s: Scenario) {
  const path = `/ok/privacy/${crypto.randomUUID()}`;
  await callJson(`/api/series/${s.seriesId}/webhooks`, {
    method: 'POST',
    key: s.key,
    json: { url: `https://receiver.test${path}` },
    expect: 201,
  });
  return async () => {
    const res = await fetch(`https://receiver.test/__received?prefix=${encodeURIComponent(path)}`);
    return ((await res.json()) as { headers: Record<string, string>; body: string }[]).map((r) => ({
      event: r.headers['relais-event'] ?? '',
      body: JSON.parse(r.body) as { event: string; occurred_at: string; data: Record<string, unknown> },
    }));
  };
}

/** A plain browser request (no key), redirects not followed. */
export async function visit(
  path: string,
  init: { form?: Record<string, string>; ip?: string; bindings?: Record<string, unknown> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'cf-connecting-ip': init.ip ?? '192.0.2.1' };
  if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  return app.request(
    `https://relais.test${path}`,
    {
      method: init.form ? 'POST' : 'GET',
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : null,
      redirect: 'manual',
    },
    { ...env, ...init.bindings },
  );
}

/** The checked inputs of a survey page (name=value), as a participant's browser would show them. */
export function checkedInputs(html: string): string[] {
  return [...html.matchAll(/<input[^>]*\bchecked\b[^>]*>/g)]
    .map((m) => {
      const name = /name="([^"]*)"/.exec(m[0])?.[1] ?? '';
      const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
      return `${name}=${value}`;
    })
    .filter((field) => !field.endsWith('=')); // "no answer" choices are checked on a blank form too
}

/** Values of a survey page's fields that carry earlier answers (selects and number inputs included). */
export function filledFields(html: string): string[] {
  const selected = [...html.matchAll(/<option[^>]*\bselected\b[^>]*>/g)].map((m) => m[0]).filter((o) => !/value=""/.test(o));
  const textareas = [...html.matchAll(/<textarea[^>]*>([^<]+)<\/textarea>/g)].map((m) => m[1] ?? '');
  return [...checkedInputs(html), ...selected, ...textareas];
}

/**
 * The same coordinator, signed in to the workspace in a browser without JavaScript. The one
 * place this suite depends on how coordinators sign in.
 */
export async function signedIn(s: Scenario, bindings: ConstructorParameters<typeof Browser>[0] = {}): Promise<Browser> {
  const browser = new Browser(bindings);
  await browser.signIn(s.email);
  return browser;
}

/** The workspace pages that show the survey, without their per-request CSRF values. */
export async function workspaceSnapshot(s: Scenario, browser: Browser): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of [
    `/app/series/${s.seriesId}`,
    `/app/sessions/${s.sessionId}`,
    `/app/surveys/${s.surveyId}/participants`,
    `/app/surveys/${s.surveyId}/open-link`,
  ]) {
    const { res, html } = await browser.get(path);
    expect(res.status, path).toBe(200);
    out[path] = html.replace(/(name="_csrf"[^>]*value=")[^"]*/g, '$1').replace(/nonce="[^"]*"/g, '');
  }
  return out;
}
