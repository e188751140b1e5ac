/**
 * A client generated from the OpenAPI document alone, as an integrator in another team would
 * build it: `openapi-typescript` turns GET /api/openapi.json into test/client/relais-api.d.ts
 * (kept fresh by test/openapi.test.ts) and `openapi-fetch` calls the real Worker with it.
 * `tsc --noEmit` type-checks this file, so a contract change that breaks such a client breaks
 * the build: paths, parameters, bodies and answers below are typed by the document, no casts.
 */
import createClient from 'openapi-fetch';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { app } from '../src/app.tsx';
import type { paths } from './client/relais-api.d.ts';
import { createCoordinator, env } from './helpers.ts';

/**
 * The Worker itself (workerd, local D1 with the real migrations) behind the client's fetch.
 * JSON media types only: results and brief also come as CSV, Markdown or HTML, which a JSON
 * client does not ask for.
 */
const clientFor = (apiKey?: string) =>
  createClient<paths, `${string}/${string}json`>({
    baseUrl: 'https://relais.test',
    fetch: async (request: Request) => app.request(request, undefined, env),
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
  });

let key: string;

beforeAll(async () => {
  key = await createCoordinator('Bassin Client Généré');
});

describe('a client generated from the OpenAPI document', () => {
  it("runs a coordinator's whole cycle: series → theme → session → survey → open → invite → answer → results → brief", async () => {
    const api = clientFor(key);

    const series = await api.POST('/api/series', { body: { title: 'Santé mentale des jeunes', min_group_size: 1 } });
    expect(series.response.status).toBe(201);
    if (!series.data) throw new Error('no series');
    const seriesId = series.data.id;

    const theme = await api.POST('/api/series/{id}/themes', {
      params: { path: { id: seriesId } },
      body: { label: { fr: 'Accès aux soins' } },
    });
    expect(theme.response.status).toBe(201);

    const session = await api.POST('/api/series/{id}/sessions', {
      params: { path: { id: seriesId } },
      body: { number: 1, starts_at: '2099-01-01T12:00:00Z' },
    });
    if (!session.data) throw new Error(`no session: ${session.response.status}`);

    const survey = await api.POST('/api/sessions/{id}/surveys', { params: { path: { id: session.data.id } }, body: { kind: 'post' } });
    if (!survey.data) throw new Error(`no survey: ${survey.response.status}`);
    const surveyId = survey.data.id;

    const opened = await api.POST('/api/surveys/{id}/open', { params: { path: { id: surveyId } } });
    expect(opened.response.status).toBe(200);

    const invited = await api.POST('/api/surveys/{id}/invitations', {
      params: { path: { id: surveyId } },
      body: { participants: [{ email: 'ines@example.org', name: 'Inès' }] },
    });
    if (!invited.data) throw new Error(`no invitation: ${invited.response.status}`);
    const url = invited.data.invitations[0]?.url;
    if (!url) throw new Error('no link');
    const token = new URL(url).pathname.split('/')[2] ?? '';

    // The participant: no key, only the link's token.
    const participant = clientFor();
    const read = await participant.GET('/api/s/{token}', { params: { path: { token } } });
    if (!read.data) throw new Error(`no survey behind the link: ${read.response.status}`);
    expect(read.data.answers).toBeNull();

    // The body is typed per question type: an option id, option ids, an integer or a text.
    const answers: Record<string, string | number | string[]> = {};
    for (const q of read.data.survey.questions) {
      if (q.type === 'single') answers[q.id] = q.options[0]?.id ?? '';
      else if (q.type === 'multiple' || q.type === 'ranking') answers[q.id] = q.options.slice(0, 1).map((o) => o.id);
      else if (q.type === 'rating') answers[q.id] = q.max;
      else answers[q.id] = 'Plus de temps pour se parler.';
    }
    const put = await participant.PUT('/api/s/{token}', {
      params: { path: { token } },
      body: { answers, language: 'fr', survey_id: read.data.survey.id },
    });
    if (!put.data) throw new Error(`not recorded: ${put.response.status} ${JSON.stringify(put.error)}`);
    expect(put.data.unchanged).toBe(false);
    expect(Object.keys(put.data.answers).sort()).toEqual(Object.keys(answers).sort());

    // A refusal is the typed problem+json, naming the field.
    const refused = await participant.PUT('/api/s/{token}', { params: { path: { token } }, body: { answers: { nope: 1 } } });
    expect(refused.response.status).toBe(422);
    expect(refused.error?.errors?.map((e) => e.field)).toContain('answers');

    const results = await api.GET('/api/surveys/{id}/results', { params: { path: { id: surveyId } } });
    if (!results.data) throw new Error(`no results: ${results.response.status}`);
    expectTypeOf(results.data.participation.responses).toEqualTypeOf<number>();
    expect(results.data.participation.responses).toBe(1);

    const brief = await api.GET('/api/sessions/{id}/brief', { params: { path: { id: session.data.id } } });
    if (!brief.data) throw new Error(`no brief: ${brief.response.status}`);
    expect(brief.data.series.id).toBe(seriesId);
    expect(brief.data.sections.map((s) => s.id)).toContain('findings');
  });

  it('answers 401 as a typed problem without a key', async () => {
    const res = await clientFor().GET('/api/series');
    expect(res.response.status).toBe(401);
    expect(res.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.error?.status).toBe(401);
  });
});
