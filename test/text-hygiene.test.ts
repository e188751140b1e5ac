/**
 * Text hygiene at the boundary (issue 19, item 8): texts are stored in NFC; lone surrogates,
 * control characters, bidi overrides and isolates and zero-width characters are refused with a
 * 422 naming the field; a title empty once normalised is refused. The probe saw "\ud800"
 * stored as U+FFFD and a title made only of NUL, right-to-left override and zero-width space accepted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { textRefusal } from '../src/domain/text-hygiene.ts';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

let key: string;
let seriesId: number;
let token: string;

const fieldsOf = async (res: Response) => ((await res.json()) as { errors: { field: string; message: string }[] }).errors;

/** A raw JSON body, so that escapes such as \ud800 reach the Worker as the probe sent them. */
const rawPost = (path: string, body: string, method = 'POST') =>
  call(path, { method, key, body, headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  key = await createCoordinator('Bassin Textes');
  seriesId = (await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Textes' }, expect: 201 })).id;
  const session = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: '2026-04-01T13:00:00+02:00' },
    expect: 201,
  });
  const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'post' },
    expect: 201,
  });
  await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
  const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${survey.id}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: 'texte@example.org' }] },
    expect: 201,
  });
  token = tokenOf(invitations[0]?.url ?? '');
});

describe('the rule (domain)', () => {
  it('refuses lone surrogates, controls, bidi overrides and isolates, zero-width characters', () => {
    for (const bad of [
      'a\ud800',
      '\udc00b',
      'a\u0000',
      'a\u0007',
      'a\u007f',
      'a\u0085',
      'a\u202Eb',
      'a\u2066b',
      'a\u2069',
      'a\u200Bb',
      'a\uFEFF',
      'a\u2060b',
      'x\u200Dy',
    ]) {
      expect(textRefusal(bad, true), JSON.stringify(bad)).not.toBeNull();
    }
    expect(textRefusal('two\nlines', false)).toBe('characters');
    expect(textRefusal('a\tb', false)).toBe('characters');
  });

  it('accepts what people type: accents, tabs and line breaks in free answers, emoji sequences, Arabic and Hebrew', () => {
    for (const good of ['Santé mentale', 'ligne 1\r\nligne 2\tfin', '👩‍⚕️ soins', '👨🏽‍💻', 'مرحبا', 'שלום', '𝄞 musique']) {
      expect(textRefusal(good, true), good).toBeNull();
    }
  });
});

describe('at the API', () => {
  // Before the fix: 201, the title stored as those invisible characters.
  it('refuses a title made of NUL, right-to-left override and zero-width space, naming the field', async () => {
    const res = await call('/api/series', { method: 'POST', key, json: { title: '\u0000\u202E\u200B' } });
    expect(res.status).toBe(422);
    expect((await fieldsOf(res)).map((e) => e.field)).toEqual(['title']);
  });

  // Before the fix: 201, stored with U+FFFD.
  it('refuses a lone surrogate sent as a JSON escape', async () => {
    const res = await rawPost('/api/series', '{"title":"Liaison \\ud800"}');
    expect(res.status).toBe(422);
    const errors = await fieldsOf(res);
    expect(errors.map((e) => e.field)).toEqual(['title']);
    expect(errors[0]?.message).toMatch(/surrogate/);
  });

  it('refuses a bidi override hidden in a title, a theme label, a place and a participant name', async () => {
    const title = await call(`/api/series/${seriesId}`, { method: 'PATCH', key, json: { title: 'Réunion\u202Etxt.exe' } });
    expect((await fieldsOf(title)).map((e) => e.field)).toEqual(['title']);
    const label = await call(`/api/series/${seriesId}/themes`, { method: 'POST', key, json: { label: { fr: 'Santé', nl: 'Zorg\u2067' } } });
    expect(label.status).toBe(422);
    expect((await fieldsOf(label)).map((e) => e.field)).toEqual(['label.nl']);
    const place = await call(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 9, starts_at: '2026-06-01T13:00:00+02:00', place: 'Salle\u0085B' },
    });
    expect((await fieldsOf(place)).map((e) => e.field)).toEqual(['place']);
  });

  it('stores texts in NFC: a decomposed accent is the same title as a composed one', async () => {
    const created = await callJson<{ id: number; title: string }>('/api/series', {
      method: 'POST',
      key,
      json: { title: '  Liaison ho\u0302pital  ' },
      expect: 201,
    });
    expect(created.title).toBe('Liaison h\u00f4pital');
    const row = await env.DB.prepare('SELECT title FROM series WHERE id = ?').bind(created.id).first<{ title: string }>();
    expect(row?.title).toBe('Liaison h\u00f4pital');
  });
});

describe('free-text answers', () => {
  const put = (body: string) => call(`/api/s/${token}`, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });

  it('refuses a lone surrogate and a bidi override, naming the answer', async () => {
    for (const remark of ['\\ud800 oups', 'voir \\u202efichier']) {
      const res = await put(`{"answers":{"usefulness":4,"remarks":"${remark}"}}`);
      expect(res.status, remark).toBe(422);
      expect((await fieldsOf(res)).map((e) => e.field)).toEqual(['answers.remarks']);
    }
  });

  it('keeps line breaks and tabs, and stores the text in NFC', async () => {
    const res = await call(`/api/s/${token}`, {
      method: 'PUT',
      json: { answers: { usefulness: 4, remarks: 'Pre\u0301vention :\n\t- 👩‍⚕️ en première ligne' } },
    });
    expect(res.status).toBe(200);
    const stored = await env.DB.prepare("SELECT text FROM answers WHERE question_id = 'remarks' ORDER BY rowid DESC LIMIT 1").first<{
      text: string;
    }>();
    expect(stored?.text).toBe('Pr\u00e9vention :\n\t- 👩‍⚕️ en première ligne');
  });
});
