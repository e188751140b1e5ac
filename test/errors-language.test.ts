/**
 * Errors in the caller's language (issue 18): API problems by `Accept-Language` (English
 * without it, as before), with the same `type`, `status`, `field` and `code` in every language;
 * participant pages by `?lang=`; a neutral "page not found" for addresses Relais does not
 * serve, the link refusal only under /s/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, createCoordinator, tokenOf } from './helpers.ts';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string; code?: string }[];
}

let key: string;
let token: string;
let questionId: string;

async function problem(path: string, init: Parameters<typeof call>[1], language?: string) {
  const res = await call(path, { ...init, headers: { ...init?.headers, ...(language ? { 'accept-language': language } : {}) } });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return { res, body: (await res.json()) as ProblemBody };
}

beforeAll(async () => {
  key = await createCoordinator('Bassin Langues');
  const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Langues' }, expect: 201 });
  await callJson(`/api/series/${series.id}/themes`, { method: 'POST', key, json: { label: { fr: 'Accès aux soins' } }, expect: 201 });
  const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: '2026-03-10T13:00:00+01:00' },
    expect: 201,
  });
  const survey = await callJson<{ id: number; questions: { id: string; required?: boolean }[] }>(`/api/sessions/${session.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'pre' },
    expect: 201,
  });
  questionId = survey.questions.find((q) => q.required)?.id ?? '';
  await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
  const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${survey.id}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: 'langues@example.org' }] },
    expect: 201,
  });
  token = tokenOf(invitations[0]?.url ?? '');
});

describe('API errors in the language of Accept-Language', () => {
  it('answers English without the header, Dutch and French when asked, the type unchanged', async () => {
    const english = await problem('/api/series/999999', { key });
    expect(english.body).toMatchObject({ type: '/problems/not-found', title: 'Not found', detail: 'No such series.' });
    expect(english.res.headers.get('content-language')).toBe('en');

    const dutch = await problem('/api/series/999999', { key }, 'nl-BE,nl;q=0.9,fr;q=0.8');
    expect(dutch.res.status).toBe(404);
    expect(dutch.body).toEqual({ type: '/problems/not-found', title: 'Niet gevonden', status: 404, detail: 'Reeks niet gevonden.' });
    expect(dutch.res.headers.get('content-language')).toBe('nl');
    expect(dutch.res.headers.get('vary')).toMatch(/accept-language/i);

    const french = await problem('/api/series', {}, 'fr-BE');
    expect(french.res.status).toBe(401);
    expect(french.body.type).toBe('/problems/unauthorized');
    expect(french.body.title).toBe('Non authentifié');
    expect(french.body.errors).toEqual([{ field: 'authorization', message: 'clé absente, mal formée ou inconnue' }]);
  });

  it('names the same fields with the same codes, and says what is wrong in the caller’s language (valibot included)', async () => {
    const bad = { method: 'POST', key, json: { title: '', min_group_size: 1.5, language: 'de', stray: '<b>x</b>' } };
    const english = await problem('/api/series', bad);
    const french = await problem('/api/series', bad, 'fr');
    const dutch = await problem('/api/series', bad, 'nl');
    expect(english.res.status).toBe(422);
    for (const translated of [french, dutch]) {
      expect(translated.res.status).toBe(422);
      expect(translated.body.type).toBe(english.body.type);
      expect(translated.body.errors?.map((e) => [e.field, e.code])).toEqual(english.body.errors?.map((e) => [e.field, e.code]));
      // Every title, detail and message differs from the English one: nothing left untranslated.
      expect(translated.body.title).not.toBe(english.body.title);
      expect(translated.body.detail).not.toBe(english.body.detail);
      for (const [i, e] of (english.body.errors ?? []).entries())
        expect(translated.body.errors?.[i]?.message, e.message).not.toBe(e.message);
      // Never the input.
      expect(JSON.stringify(translated.body)).not.toContain('<b>');
    }
    expect(french.body.title).toBe('Champs invalides');
    expect(french.body.errors).toContainEqual({ field: 'title', message: 'ne doit pas être vide' });
    expect(dutch.body.errors).toContainEqual({ field: 'title', message: 'mag niet leeg zijn' });
    expect(dutch.body.errors).toContainEqual({ field: 'body', message: 'onverwacht veld' });
  });

  it('translates a participant’s invalid answers and an unknown link', async () => {
    const english = await problem(`/api/s/${token}`, { method: 'PUT', json: { answers: {} } });
    const dutch = await problem(`/api/s/${token}`, { method: 'PUT', json: { answers: {} } }, 'nl');
    expect(dutch.res.status).toBe(422);
    expect(english.body.errors).toContainEqual(
      expect.objectContaining({ field: `answers.${questionId}`, message: 'an answer is required' }),
    );
    expect(dutch.body.errors).toContainEqual(
      expect.objectContaining({ field: `answers.${questionId}`, message: 'een antwoord is verplicht' }),
    );
    expect(dutch.body.detail).toBe('Sommige antwoorden passen niet bij hun vraag; er werd niets opgeslagen.');

    const unknown = await problem(`/api/s/${'Q'.repeat(32)}`, {}, 'fr');
    expect(unknown.body).toMatchObject({
      type: '/problems/survey-not-found',
      title: 'Lien introuvable',
      detail: 'Ce lien personnel n’est pas valable.',
    });
  });

  it('translates numbers and unknown routes too', async () => {
    const big = await problem('/api/series', { method: 'POST', key, json: { title: 'x'.repeat(201) } }, 'nl');
    expect(big.body.errors).toEqual([{ field: 'title', message: 'te lang (hoogstens 200)' }]);
    const route = await problem('/api/nowhere', { key }, 'fr');
    expect(route.body).toMatchObject({ type: '/problems/not-found', title: 'Introuvable', detail: 'Aucune route à cette adresse.' });
  });
});

describe('pages', () => {
  it('refuses an unknown personal link in the language of ?lang=', async () => {
    const res = await call(`/s/${'Z'.repeat(32)}?lang=nl`, { headers: { 'accept-language': 'fr-BE' } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Link niet gevonden');
  });

  it('answers a plain "page not found" for an unknown address, in the caller’s language, with a link home', async () => {
    for (const [path, headers, lang, title] of [
      ['/nowhere', { 'accept-language': 'en-GB' }, 'en', 'Page not found'],
      ['/nowhere?lang=nl', {}, 'nl', 'Pagina niet gevonden'],
      ['/o/x/y', { 'accept-language': 'fr' }, 'fr', 'Page introuvable'],
      ['/nothing/here', { 'accept-language': 'nl-BE' }, 'nl', 'Pagina niet gevonden'],
    ] as const) {
      const res = await call(path, { headers });
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html, path).toContain(`<html lang="${lang}">`);
      expect(html, path).toContain(title);
      expect(html, path).toContain(`href="/?lang=${lang}"`);
      // Not a personal link's refusal.
      expect(html, path).not.toMatch(/Lien introuvable|Link niet gevonden|Link not found/);
    }
    // Under /s/ an unknown address stays a link's refusal.
    const link = await call('/s/a/b/c', { headers: { 'accept-language': 'nl' } });
    expect(link.status).toBe(404);
    expect(await link.text()).toContain('Link niet gevonden');
  });
});
