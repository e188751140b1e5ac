/**
 * The JSON export of a series and its import elsewhere: what it carries and withholds, the
 * round trip (export → import into another organisation → export: equal but for ids and the
 * export time), refusal of inconsistent files, and all-or-nothing writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { idBases, writeImport } from '../src/exports/exports.queries.ts';
import type { SeriesExport } from '../src/exports/exports.schemas.ts';
import { planImport } from '../src/exports/series-export.ts';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

interface Survey {
  id: number;
  questions: { id: string; type: string; options?: { id: string; theme_id?: number }[] }[];
}

let key: string;
let otherKey: string;
let seriesId: number;
const secrets: string[] = [];

async function invite(surveyId: number, emails: string[]) {
  const { invitations } = await callJson<{ invitations: { id: number; email: string; url: string }[] }>(
    `/api/surveys/${surveyId}/invitations`,
    {
      method: 'POST',
      key,
      json: { participants: emails.map((email) => ({ email, name: `Nom ${email}` })) },
      expect: 201,
    },
  );
  for (const i of invitations) secrets.push(i.email, tokenOf(i.url), `Nom ${i.email}`);
  return invitations.map((i) => tokenOf(i.url));
}

beforeAll(async () => {
  key = await createCoordinator('Bassin Export');
  otherKey = await createCoordinator('Bassin Import');
  seriesId = (
    await callJson<{ id: number }>('/api/series', {
      method: 'POST',
      key,
      json: { title: 'Liaison hôpital-ambulatoire', bassin: 'Sud-Est' },
      expect: 201,
    })
  ).id;
  // Set from the workspace (data protection); the export carries it along.
  await env.DB.prepare('UPDATE series SET retention_days = 365 WHERE id = ?').bind(seriesId).run();
  const themes: number[] = [];
  for (const label of [
    { fr: 'Secret professionnel partagé', nl: 'Gedeeld beroepsgeheim' },
    { fr: 'Transmission de l’information' },
    { fr: 'Outils numériques de partage' },
    { fr: 'Accueil aux urgences' },
  ]) {
    themes.push(
      (await callJson<{ id: number }>(`/api/series/${seriesId}/themes`, { method: 'POST', key, json: { label }, expect: 201 })).id,
    );
  }
  const s1 = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: '2025-06-10T13:00:00+02:00' },
    expect: 201,
  });
  const s2 = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: {
      number: 2,
      starts_at: '2025-09-16T13:00:00+02:00',
      ends_at: '2025-09-16T16:00:00+02:00',
      place: 'Avenue des Cerisiers 241 – WSL',
    },
    expect: 201,
  });

  // Session #1, post-survey, named: individual answers travel.
  const post = await callJson<Survey>(`/api/sessions/${s1.id}/surveys`, { method: 'POST', key, json: { kind: 'post' }, expect: 201 });
  await callJson(`/api/surveys/${post.id}/open`, { method: 'POST', key });
  const ranking = post.questions.find((q) => q.type === 'ranking');
  const ranked = (ranking?.options ?? []).map((o) => o.id);
  const [a, b] = await invite(post.id, ['anne@cpas.example', 'bob@hopital.example']);
  await callJson(`/api/s/${a}`, {
    method: 'PUT',
    json: { answers: { usefulness: 4, [ranking?.id ?? 'x']: ranked.slice(0, 3), remarks: 'Très utile; merci, à refaire.' } },
  });
  await callJson(`/api/s/${b}`, {
    method: 'PUT',
    json: { answers: { usefulness: 5, [ranking?.id ?? 'x']: ranked.slice(1, 3) }, language: 'nl' },
  });
  await callJson(`/api/surveys/${post.id}/close`, { method: 'POST', key });

  // A merge after the answers: the export carries the merge and the answers' original theme.
  await callJson(`/api/themes/${themes[2]}`, { method: 'PATCH', key, json: { merged_into: themes[1] } });

  // Session #2, pre-survey, anonymous: aggregates only.
  const pre = await callJson<Survey>(`/api/sessions/${s2.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'pre', anonymous: true },
    expect: 201,
  });
  await callJson(`/api/surveys/${pre.id}/open`, { method: 'POST', key });
  const tokens = await invite(pre.id, ['carla@mm.example', 'dirk@thuiszorg.example', 'eve@asbl.example']);
  const anonymousAnswers = [
    { expectations: ['create-links'], 'theme-proposal': 'Santé mentale des aidants' },
    { expectations: ['create-links'], sector: 'hospital' },
  ];
  for (const [i, answers] of anonymousAnswers.entries()) await callJson(`/api/s/${tokens[i]}`, { method: 'PUT', json: { answers } });
  // Held until enough people answered, or until closing when nothing was released before
  // (src/responses/ballots.ts): closing counts them.
  await callJson(`/api/surveys/${pre.id}/close`, { method: 'POST', key });
});

async function exportOf(k: string, id: number) {
  return callJson<SeriesExport>(`/api/series/${id}/export`, { key: k });
}

/** Replaces every id by its position, following references, and drops the export time. */
function normalised(doc: SeriesExport) {
  const themeIndex = new Map(doc.themes.map((t, i) => [t.id, i]));
  const sessionIndex = new Map(doc.sessions.map((s, i) => [s.id, i]));
  const theme = (id: number | null | undefined) => (id === null || id === undefined ? id : `theme#${themeIndex.get(id)}`);
  return {
    format: doc.format,
    version: doc.version,
    series: { ...doc.series, id: 0 },
    themes: doc.themes.map((t) => ({ ...t, id: theme(t.id), merged_into: theme(t.merged_into) })),
    sessions: doc.sessions.map((s) => ({ ...s, id: sessionIndex.get(s.id) })),
    surveys: doc.surveys.map((s, i) => ({
      ...s,
      id: i,
      session_id: sessionIndex.get(s.session_id),
      questions: s.questions.map((q) =>
        'options' in q
          ? { ...q, options: q.options.map((o) => ({ ...o, id: o.theme_id ? 'theme-option' : o.id, theme_id: theme(o.theme_id) })) }
          : q,
      ),
      results: {
        ...s.results,
        // Ranking options are named after their theme's id (`t<id>`): normalise that too.
        options: s.results.options.map((o) => ({ ...o, option_id: o.option_id.replace(/^t(\d+)$/, (_, id) => String(theme(Number(id)))) })),
      },
      responses: s.responses.map((r) => ({
        ...r,
        answers: r.answers.map((a) => ({
          ...a,
          theme_id: theme(a.theme_id),
          option_id: a.option_id?.replace(/^t(\d+)$/, (_, id) => String(theme(Number(id)))) ?? null,
        })),
      })),
    })),
  };
}

describe('GET /api/series/:id/export', () => {
  it('carries definitions, themes with merges, sessions, surveys and aggregated counts', async () => {
    const doc = await exportOf(key, seriesId);
    expect(doc).toMatchObject({
      format: 'relais.series',
      version: 1,
      series: { title: 'Liaison hôpital-ambulatoire', bassin: 'Sud-Est', min_group_size: 3, retention_days: 365 },
    });
    expect(doc.themes).toHaveLength(4);
    expect(doc.themes[2]).toMatchObject({ status: 'archived', merged_into: doc.themes[1]?.id });
    expect(doc.sessions.map((s) => [s.number, s.starts_at])).toEqual([
      [1, '2025-06-10T11:00:00.000Z'],
      [2, '2025-09-16T11:00:00.000Z'],
    ]);
    const [post, pre] = doc.surveys;
    expect(post?.counts).toEqual({ invitations: 2, opened: 2, answered: 2, responses: 2 });
    // Two respondents, fewer than the minimum group size (3): the aggregates are withheld, as in
    // the survey's results (the disclosure gate); the named survey's answers still travel.
    expect(post?.results).toMatchObject({ options: [], ratings: [], disclosure: { min_group_size: 3, survey_withheld: true } });
    expect(post?.results.questions).toEqual([]);
    expect(pre?.counts).toEqual({ invitations: 3, opened: 2, answered: 2, responses: 2 });
    expect(pre?.results).toMatchObject({ options: [], ratings: [], disclosure: { survey_withheld: true } });
  });

  it('carries individual answers only for the named survey, and never addresses, names, tokens or invitation ids', async () => {
    const res = await call(`/api/series/${seriesId}/export`, { key });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const doc = JSON.parse(text) as SeriesExport;
    const [post, pre] = doc.surveys;
    expect(pre?.anonymous).toBe(true);
    expect(pre?.responses).toEqual([]);
    expect(text).not.toContain('Santé mentale des aidants');
    expect(post?.responses.map((r) => [r.respondent, r.language])).toEqual([
      [1, 'fr'],
      [2, 'nl'],
    ]);
    expect(post?.responses[0]?.answers).toContainEqual(
      expect.objectContaining({ question_id: 'remarks', text: 'Très utile; merci, à refaire.' }),
    );
    const rankedTheme = post?.responses[0]?.answers.find((a) => a.rank === 1)?.theme_id;
    expect(doc.themes.map((t) => t.id)).toContain(rankedTheme);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/invitation_id|email|token/);
  });

  it("answers 404 for another organisation's series", async () => {
    expect((await call(`/api/series/${seriesId}/export`, { key: otherKey })).status).toBe(404);
  });
});

describe('POST /api/series/import', () => {
  it('round-trips: export → import into another organisation → export again is equal modulo ids', async () => {
    const first = await exportOf(key, seriesId);
    const imported = await callJson<{ id: number; themes: number; sessions: number; surveys: number; responses: number }>(
      '/api/series/import',
      {
        method: 'POST',
        key: otherKey,
        json: first,
        expect: 201,
      },
    );
    expect(imported).toMatchObject({ themes: 4, sessions: 2, surveys: 2, responses: 2 });
    expect(imported.id).not.toBe(seriesId);
    const second = await exportOf(otherKey, imported.id);
    expect(second.themes.map((t) => t.id)).not.toEqual(first.themes.map((t) => t.id));
    expect(normalised(second)).toEqual(normalised(first));
    // The import is the other organisation's, and only theirs.
    expect((await call(`/api/series/${imported.id}`, { key })).status).toBe(404);
    const themes = await callJson<{ themes: { merged_into: number | null; id: number }[] }>(`/api/series/${imported.id}/themes`, {
      key: otherKey,
    });
    expect(themes.themes[2]?.merged_into).toBe(themes.themes[1]?.id);
  });

  it('refuses a file whose references point outside it, naming the field, and writes nothing', async () => {
    const doc = await exportOf(key, seriesId);
    const before = await callJson<{ series: unknown[] }>('/api/series', { key: otherKey });
    const broken = structuredClone(doc);
    if (broken.themes[2]) broken.themes[2].merged_into = 999_999;
    if (broken.surveys[1]) broken.surveys[1].session_id = 888_888;
    const res = await call('/api/series/import', { method: 'POST', key: otherKey, json: broken });
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(['themes.2.merged_into', 'surveys.1.session_id']);
    expect((await callJson<{ series: unknown[] }>('/api/series', { key: otherKey })).series).toHaveLength(before.series.length);
  });

  it('refuses a file that does not have the export’s shape, naming the field', async () => {
    const doc = await exportOf(key, seriesId);
    const res = await call('/api/series/import', { method: 'POST', key: otherKey, json: { ...doc, version: 2 } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('version');
    const anonymousWithAnswers = structuredClone(doc);
    const post = anonymousWithAnswers.surveys[0];
    if (post) post.anonymous = true;
    const refused = await call('/api/series/import', { method: 'POST', key: otherKey, json: anonymousWithAnswers });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('surveys');
  });

  it('is all or nothing: a batch that fails part-way leaves no series, theme or session behind', async () => {
    const doc = await exportOf(key, seriesId);
    const count = async () =>
      env.DB.prepare('SELECT (SELECT count(*) FROM series) + (SELECT count(*) FROM themes) + (SELECT count(*) FROM sessions) AS n').first<{
        n: number;
      }>();
    const plan = planImport(doc, await idBases(env.DB), 'test');
    // Someone else takes the id planned for the first imported session after planning: the
    // sessions statement fails, after the series and themes statements have run.
    await callJson(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 9, starts_at: '2026-01-15T13:00:00Z' },
      expect: 201,
    });
    const before = await count();
    await expect(writeImport(env.DB, 1, plan)).rejects.toThrow(/UNIQUE|constraint/i);
    expect(await count()).toEqual(before);
    // Through the route, the import is planned again and succeeds.
    await callJson('/api/series/import', { method: 'POST', key: otherKey, json: doc, expect: 201 });
  });
});
