/**
 * Paper, for people without a smartphone (issue #16): the printable survey with the open
 * link's QR code, the flyer, and paper sheets keyed in from the workspace that count like any
 * other answer — once per sheet, never readable again, held in steps when anonymous.
 */
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, createCoordinator, env, openSurveyFor } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

interface Question {
  id: string;
  type: 'single' | 'multiple' | 'ranking' | 'rating' | 'text';
  required: boolean;
  options?: { id: string }[];
  min?: number;
  max_ranked?: number;
}

let key: string;
let email: string;

beforeAll(async () => {
  const me = await workspaceCoordinator('Bassin Nord-Ouest (papier)');
  key = me.key;
  email = me.email;
});

const surveyOf = (id: number) =>
  callJson<{ responses: number; held_back: number; invitations: number; questions: Question[] }>(`/api/surveys/${id}`, { key });

/** A sheet as a person fills it: every question answered, a free text where one is asked. */
async function sheetFields(surveyId: number, remark = 'Plus de temps pour les échanges') {
  const fields = new URLSearchParams();
  for (const q of (await surveyOf(surveyId)).questions) {
    const first = q.options?.[0]?.id ?? '';
    if (q.type === 'single' || q.type === 'multiple') fields.append(`q.${q.id}`, first);
    else if (q.type === 'rating') fields.append(`q.${q.id}`, String(q.min ?? 1));
    else if (q.type === 'text') fields.append(`q.${q.id}`, remark);
    else if (q.type === 'ranking') fields.append(`q.${q.id}.${first}`, '1');
  }
  return fields;
}

async function postSheet(browser: Browser, surveyId: number, fields: URLSearchParams, sheet: string) {
  const body = new URLSearchParams(fields);
  body.set('_csrf', browser.csrf);
  body.set('sheet', sheet);
  body.set('lang', 'fr');
  return browser.request(`/app/surveys/${surveyId}/paper`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Reads a QR code back from the page's SVG with an independent decoder (jsQR), as a phone's camera would. */
function decodeQr(html: string): string | null {
  const svg = /<svg class="qr"[^>]*viewBox="0 0 (\d+) \1"[^>]*>[\s\S]*?<path fill="#000" d="([^"]*)"/.exec(html);
  if (!svg) return null;
  const size = Number(svg[1]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of (svg[2] ?? '').matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const [x, y] = [Number(m[1]), Number(m[2])];
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((y * scale + dy) * width + x * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}

describe('the printable survey', () => {
  it('prints every question with boxes and lines, and the open link as a QR code a phone opens', async () => {
    const { surveyId } = await openSurveyFor(key, {
      title: 'Liaison hôpital-ambulatoire',
      kind: 'pre',
      themes: ['Logement', 'Santé mentale'],
    });
    const settings = await callJson<{ url: string }>(`/api/surveys/${surveyId}/open-link`, { method: 'PUT', key, json: { enabled: true } });
    const browser = new Browser();
    await browser.signIn(email);
    const { res, html } = await browser.get(`/app/surveys/${surveyId}/print?lang=fr`);
    expect(res.status).toBe(200);
    expect(html).toContain('Liaison hôpital-ambulatoire');
    for (const q of (await surveyOf(surveyId)).questions) expect(html).toContain(`${q.type === 'text' ? 'lines' : 'box'}`);
    expect(html).toContain('Logement');
    expect(html).toContain('class="box"');
    expect(html).toContain('Remettez cette feuille');
    // Nothing to fill on screen: it is a sheet, not a form.
    expect(html).not.toMatch(/<input(?![^>]*name="_csrf")/);
    expect(html).toContain(settings.url);
    expect(decodeQr(html)).toBe(settings.url);

    const nl = await browser.get(`/app/surveys/${surveyId}/print?lang=nl`);
    expect(nl.html).toContain('<html lang="nl"');
    expect(nl.html).toContain('Geef dit blad');
  });

  it('has no QR code when the survey has no open link (personal links are personal)', async () => {
    const { surveyId } = await openSurveyFor(key, { title: 'Sans lien ouvert', kind: 'pre' });
    const browser = new Browser();
    await browser.signIn(email);
    const { html } = await browser.get(`/app/surveys/${surveyId}/print`);
    expect(html).not.toContain('class="qr"');
    expect(html).not.toContain('/s/');
  });
});

describe('the flyer of the open link', () => {
  it('is public, carries the session and a QR code of the open link, and is reached from the workspace', async () => {
    const { surveyId } = await openSurveyFor(key, { title: 'Affiche', kind: 'pre' });
    const { url, slug } = await callJson<{ url: string; slug: string }>(`/api/surveys/${surveyId}/open-link`, {
      method: 'PUT',
      key,
      json: { enabled: true },
    });
    const res = await call(`/o/${slug}/flyer?lang=fr`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Donnez votre avis');
    expect(html).toContain('Affiche');
    expect(decodeQr(html)).toBe(url);

    const browser = new Browser();
    await browser.signIn(email);
    const go = await browser.request(`/app/surveys/${surveyId}/flyer`);
    expect(go.status).toBe(303);
    expect(go.headers.get('location')).toMatch(new RegExp(`^/o/${slug}/flyer`));

    await callJson(`/api/surveys/${surveyId}/open-link`, { method: 'PUT', key, json: { enabled: false } });
    expect((await call(`/o/${slug}/flyer`)).status).toBe(404);
  });
});

describe('keying in a paper answer', () => {
  it('counts like any other answer, once per sheet, marked as keyed in and audited', async () => {
    const { surveyId } = await openSurveyFor(key, { title: 'Saisie papier', themes: ['Logement'] });
    const browser = new Browser();
    await browser.signIn(email);
    const session = await browser.get(`/app/surveys/${surveyId}/participants`);
    expect(session.res.status).toBe(200);
    const form = await browser.get(`/app/surveys/${surveyId}/paper?lang=fr`);
    expect(form.res.status).toBe(200);
    expect(form.html).toContain(`action="/app/surveys/${surveyId}/paper"`);
    const sheet = /name="sheet" value="([^"]+)"/.exec(form.html)?.[1] ?? '';
    expect(sheet).toMatch(/^[0-9a-f-]{36}$/);

    const fields = await sheetFields(surveyId);
    const saved = await postSheet(browser, surveyId, fields, sheet);
    expect(saved.status, await saved.clone().text()).toBe(303);
    expect(saved.headers.get('location')).toBe(`/app/surveys/${surveyId}/paper?saved=1&lang=fr`);
    expect((await surveyOf(surveyId)).responses).toBe(1);

    // The same sheet sent again (a double click, a retry): still one answer.
    expect((await postSheet(browser, surveyId, fields, sheet)).status).toBe(303);
    expect((await surveyOf(surveyId)).responses).toBe(1);

    // Another sheet is another answer; the page says how many were keyed in, and is empty again.
    const next = await browser.get(`/app/surveys/${surveyId}/paper?saved=1&lang=fr`);
    const second = /name="sheet" value="([^"]+)"/.exec(next.html)?.[1] ?? '';
    expect(second).not.toBe(sheet);
    expect(next.html).not.toContain('Plus de temps pour les échanges');
    expect((await postSheet(browser, surveyId, fields, second)).status).toBe(303);
    const after = await browser.get(`/app/surveys/${surveyId}/paper?saved=1&lang=fr`);
    expect(after.html).toContain('2 réponses papier ont été saisies');
    expect((await surveyOf(surveyId)).responses).toBe(2);

    // In the results like any answer, and its free text among the others.
    const results = await callJson<{ participation: { responses: number } }>(`/api/surveys/${surveyId}/results`, { key });
    expect(results.participation.responses).toBe(2);

    // Marked as keyed in: the participants list names them so, and nothing is ever sent to them.
    const participants = await browser.get(`/app/surveys/${surveyId}/participants?lang=fr`);
    expect(participants.html).toContain('Réponse papier (saisie)');
    const marked = await env.DB.prepare(
      `SELECT count(*) AS n FROM keyed_in_answers k JOIN invitations i ON i.id = k.invitation_id
        WHERE k.survey_id = ? AND i.email LIKE '%@keyed-in.invalid' AND i.answered = 1`,
    )
      .bind(surveyId)
      .first<{ n: number }>();
    expect(marked?.n).toBe(2);
    await browser.get(`/app/surveys/${surveyId}/participants`);
    expect((await browser.post(`/app/surveys/${surveyId}/send`)).status).toBe(303);
    const mailed = await env.DB.prepare(
      "SELECT count(*) AS n FROM outbox o JOIN invitations i ON i.id = o.invitation_id WHERE i.email LIKE '%@keyed-in.invalid'",
    ).first<{ n: number }>();
    expect(mailed?.n).toBe(0);

    const audit = await env.DB.prepare("SELECT actor, target FROM audit_log WHERE action = 'response.key-in' AND target = ?")
      .bind(`survey:${surveyId}`)
      .all<{ actor: string; target: string }>();
    expect(audit.results.length).toBeGreaterThanOrEqual(2);
    expect(audit.results.every((r) => r.actor === email)).toBe(true);
  });

  it('shows what does not fit with the form again (422) and stores nothing', async () => {
    const { surveyId } = await openSurveyFor(key, { title: 'Saisie incomplète', themes: ['Logement'] });
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/surveys/${surveyId}/paper`);
    const fields = await sheetFields(surveyId);
    const required = (await surveyOf(surveyId)).questions.find((q) => q.required && (q.type === 'single' || q.type === 'rating'));
    expect(required).toBeDefined();
    fields.delete(`q.${required?.id}`);
    const res = await postSheet(browser, surveyId, fields, crypto.randomUUID());
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain(`href="#q-${required?.id}"`);
    const { invitations, responses } = await surveyOf(surveyId);
    expect({ invitations, responses }).toEqual({ invitations: 0, responses: 0 });
  });

  it('holds anonymous sheets as ballots counted in steps, and never shows one back', async () => {
    const { surveyId } = await openSurveyFor(key, { title: 'Papier anonyme', anonymous: true, minGroupSize: 3, themes: ['Logement'] });
    const browser = new Browser();
    await browser.signIn(email);
    const secret = 'Ma remarque très personnelle sur la coordination';
    for (let i = 0; i < 2; i++) {
      await browser.get(`/app/surveys/${surveyId}/paper`);
      expect((await postSheet(browser, surveyId, await sheetFields(surveyId, secret), crypto.randomUUID())).status).toBe(303);
    }
    // Two sheets are fewer than the minimum: held, not counted.
    expect(await surveyOf(surveyId)).toMatchObject({ responses: 0, held_back: 2 });
    const page = await browser.get(`/app/surveys/${surveyId}/paper`);
    expect(page.html).not.toContain(secret);
    expect(page.html).toContain('Cette enquête est anonyme');
    expect((await postSheet(browser, surveyId, await sheetFields(surveyId, secret), crypto.randomUUID())).status).toBe(303);
    expect(await surveyOf(surveyId)).toMatchObject({ responses: 3, held_back: 0 });
    // A sheet's link is not in any export the coordinator can take.
    const links = await browser.get(`/app/surveys/${surveyId}/participants`);
    expect(links.html).not.toMatch(/\/s\/[A-Za-z0-9_-]{22,}/);
  });

  it('is refused for a draft or closed survey, without the CSRF token, and for another organisation', async () => {
    const draft = await openSurveyFor(key, { title: 'Brouillon papier', open: false });
    const browser = new Browser();
    await browser.signIn(email);
    const go = await browser.request(`/app/surveys/${draft.surveyId}/paper`);
    expect(go.status).toBe(303);
    await browser.get('/app/series');
    expect((await postSheet(browser, draft.surveyId, new URLSearchParams(), crypto.randomUUID())).status).toBe(409);

    const open = await openSurveyFor(key, { title: 'Sans jeton papier' });
    const noCsrf = await browser.request(`/app/surveys/${open.surveyId}/paper`, {
      method: 'POST',
      body: await sheetFields(open.surveyId),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(noCsrf.status).toBe(403);

    const theirs = await openSurveyFor(await createCoordinator('Autre organisation (papier)'), { title: 'Pas à moi' });
    expect((await browser.request(`/app/surveys/${theirs.surveyId}/print`)).status).toBe(404);
    expect((await postSheet(browser, theirs.surveyId, await sheetFields(open.surveyId), crypto.randomUUID())).status).toBe(404);
    expect((await surveyOf(open.surveyId)).responses).toBe(0);
  });
});
