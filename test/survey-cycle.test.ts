/** The whole survey cycle through the Worker's routes: set up, open, invite, answer, come back. */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

interface Survey {
  id: number;
  status: string;
  questions: { id: string; type: string; options?: { id: string; theme_id?: number }[] }[];
  responses: number;
  invitations: number;
  definition_version: number;
}

let key: string;
let otherKey: string;
let seriesId: number;
let sessionId: number;
let survey: Survey;
const themeIds: number[] = [];

beforeAll(async () => {
  key = await createCoordinator('Bassin Sud-Est');
  otherKey = await createCoordinator('Bassin Nord-Ouest');
});

describe('a coordinator sets up a series', () => {
  it('creates the series, its themes and session #3', async () => {
    const series = await callJson<{ id: number; title: string; min_group_size: number }>('/api/series', {
      method: 'POST',
      key,
      json: { title: 'Liaison hôpital-ambulatoire', bassin: 'Sud-Est' },
      expect: 201,
    });
    seriesId = series.id;
    expect(series).toMatchObject({ title: 'Liaison hôpital-ambulatoire', min_group_size: 3 });

    for (const fr of ['Secret professionnel partagé', 'Transmission de l’information', 'Inégalités numériques']) {
      const theme = await callJson<{ id: number }>(`/api/series/${seriesId}/themes`, {
        method: 'POST',
        key,
        json: { label: { fr } },
        expect: 201,
      });
      themeIds.push(theme.id);
    }
    const session = await callJson<{ id: number; number: number; starts_at: string }>(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 3, starts_at: '2025-12-18T13:00:00+01:00', ends_at: '2025-12-18T15:30:00+01:00', place: 'Lieu à confirmer' },
      expect: 201,
    });
    sessionId = session.id;
    expect(session.starts_at).toBe('2025-12-18T12:00:00.000Z');

    const listed = await callJson<{ series: { id: number }[] }>('/api/series', { key });
    expect(listed.series.map((s) => s.id)).toEqual([seriesId]);
    const themes = await callJson<{ themes: { id: number; label: { fr: string } }[] }>(`/api/series/${seriesId}/themes`, { key });
    expect(themes.themes.map((t) => t.label.fr)).toEqual([
      'Secret professionnel partagé',
      'Transmission de l’information',
      'Inégalités numériques',
    ]);
  });

  it('refuses a second session with the same number', async () => {
    const res = await call(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 3, starts_at: '2025-12-18T13:00:00Z' },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('number');
  });

  it('creates a pre-survey from the template with the active themes as ranking options', async () => {
    // Archive one theme first: archived themes are not offered.
    await callJson(`/api/themes/${themeIds[2]}`, { method: 'PATCH', key, json: { status: 'archived' } });
    survey = await callJson<Survey>(`/api/sessions/${sessionId}/surveys`, { method: 'POST', key, json: { kind: 'pre' }, expect: 201 });
    expect(survey.status).toBe('draft');
    const ranking = survey.questions.find((q) => q.type === 'ranking');
    expect(ranking?.options?.map((o) => o.theme_id)).toEqual([themeIds[0], themeIds[1]]);
    expect(survey.questions.map((q) => q.id)).toEqual([
      'expectations',
      'themes',
      'theme-proposal',
      'sector',
      'organisation-type',
      'commune',
    ]);

    const again = await call(`/api/sessions/${sessionId}/surveys`, { method: 'POST', key, json: { kind: 'pre' } });
    expect(again.status).toBe(409);
  });

  it('opening takes the themes active at that moment (a theme added after creation is offered)', async () => {
    const added = await callJson<{ id: number }>(`/api/series/${seriesId}/themes`, {
      method: 'POST',
      key,
      json: { label: { fr: 'Place du médecin généraliste', nl: 'Rol van de huisarts', en: 'Role of the GP' } },
      expect: 201,
    });
    themeIds.push(added.id);
    survey = await callJson<Survey>(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
    expect(survey.status).toBe('open');
    expect(survey.definition_version).toBe(2);
    const ranking = survey.questions.find((q) => q.type === 'ranking');
    expect(ranking?.options?.map((o) => o.theme_id)).toEqual([themeIds[0], themeIds[1], added.id]);
  });
});

describe('invitations and answers', () => {
  let url: string;
  let invitationId: number;

  it('invites participants and shows each raw link only once', async () => {
    const { invitations } = await callJson<{ invitations: { id: number; email: string; url: string }[] }>(
      `/api/surveys/${survey.id}/invitations`,
      {
        method: 'POST',
        key,
        json: { participants: [{ email: 'Amina.Peeters@Example.org', name: 'Amina', language: 'nl' }, { email: 'bruno@example.org' }] },
        expect: 201,
      },
    );
    expect(invitations.map((i) => i.email)).toEqual(['amina.peeters@example.org', 'bruno@example.org']);
    const first = invitations[0];
    if (!first) throw new Error('no invitation');
    url = first.url;
    invitationId = first.id;
    expect(url).toMatch(/^https:\/\/relais\.test\/s\/[A-Za-z0-9_-]{32}$/);
    // Only the hash is stored.
    const stored = await env.DB.prepare('SELECT token_hash FROM invitations WHERE id = ?').bind(first.id).first<{ token_hash: string }>();
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(tokenOf(url));
    const listed = await call(`/api/surveys/${survey.id}/invitations`, { key });
    expect(await listed.text()).not.toContain(tokenOf(url));
  });

  it('lets the participant read the survey in their language, with no earlier answers', async () => {
    const view = await callJson<{ language: string; answers: unknown; survey: { questions: unknown[]; session: { number: number } } }>(
      `/api/s/${tokenOf(url)}`,
    );
    expect(view.language).toBe('nl');
    expect(view.answers).toBeNull();
    expect(view.survey.session.number).toBe(3);
    const inv = await env.DB.prepare('SELECT opened_at, answered FROM invitations WHERE id = ?')
      .bind(invitationId)
      .first<{ opened_at: string | null; answered: number }>();
    expect(inv?.opened_at).not.toBeNull();
    expect(inv?.answered).toBe(0);
  });

  it('stores a submission and gives it back when the participant comes back', async () => {
    const answers = { expectations: ['create-links'], themes: [`t${themeIds[3]}`, `t${themeIds[0]}`], sector: 'hospital' };
    const saved = await callJson<{ answers: unknown; unchanged: boolean }>(`/api/s/${tokenOf(url)}`, { method: 'PUT', json: { answers } });
    expect(saved).toMatchObject({ answers, unchanged: false });
    const back = await callJson<{ answers: unknown }>(`/api/s/${tokenOf(url)}`);
    expect(back.answers).toEqual(answers);
  });

  it('replaces the earlier answers atomically on re-submission', async () => {
    const answers = { expectations: ['share-news', 'collective-actions'], themes: [`t${themeIds[1]}`], 'theme-proposal': 'Santé mentale' };
    await callJson(`/api/s/${tokenOf(url)}`, { method: 'PUT', json: { answers } });
    const rows = await env.DB.prepare(
      'SELECT question_id, option_id, rank, text FROM answers WHERE survey_id = ? ORDER BY question_id, rank, option_id',
    )
      .bind(survey.id)
      .all();
    expect(rows.results).toEqual([
      { question_id: 'expectations', option_id: 'collective-actions', rank: null, text: null },
      { question_id: 'expectations', option_id: 'share-news', rank: null, text: null },
      { question_id: 'theme-proposal', option_id: null, rank: null, text: 'Santé mentale' },
      { question_id: 'themes', option_id: `t${themeIds[1]}`, rank: 1, text: null },
    ]);
    const count = await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ?').bind(survey.id).first<{ n: number }>();
    expect(count?.n).toBe(1);
  });

  it('treats a retry of the same submission as a no-op', async () => {
    const answers = { expectations: ['share-news', 'collective-actions'], themes: [`t${themeIds[1]}`], 'theme-proposal': 'Santé mentale' };
    const before = await env.DB.prepare('SELECT updated_at FROM responses WHERE survey_id = ?')
      .bind(survey.id)
      .first<{ updated_at: string }>();
    const retry = await callJson<{ unchanged: boolean; updated_at: string }>(`/api/s/${tokenOf(url)}`, {
      method: 'PUT',
      json: { answers },
    });
    expect(retry.unchanged).toBe(true);
    expect(retry.updated_at).toBe(before?.updated_at);
  });

  it('shows the coordinator who answered, without tokens', async () => {
    const { invitations } = await callJson<{ invitations: { email: string; answered: boolean }[] }>(
      `/api/surveys/${survey.id}/invitations`,
      { key },
    );
    expect(invitations.map((i) => [i.email, i.answered])).toEqual([
      ['amina.peeters@example.org', true],
      ['bruno@example.org', false],
    ]);
    const s = await callJson<Survey>(`/api/surveys/${survey.id}`, { key });
    expect([s.invitations, s.responses]).toEqual([2, 1]);
  });

  // Changed with issue 14: inviting again no longer revokes the person's link; only the
  // explicit "new link" does (before, re-inviting was that door).
  it('re-inviting the same e-mail answers the same live link; only "new link" replaces it', async () => {
    const { invitations } = await callJson<{ invitations: { id: number; url: string }[] }>(`/api/surveys/${survey.id}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'amina.peeters@example.org' }] },
      expect: 201,
    });
    expect(invitations[0]?.id).toBe(invitationId);
    expect(invitations[0]?.url).toBe(url);
    expect((await call(`/api/s/${tokenOf(url)}`)).status).toBe(200);

    const fresh = await callJson<{ id: number; url: string }>(`/api/invitations/${invitationId}/new-link`, {
      method: 'POST',
      key,
      expect: 201,
    });
    expect(fresh.id).toBe(invitationId);
    expect(fresh.url).not.toBe(url);
    // The old link is replaced; the new one finds the earlier answers.
    expect((await call(`/api/s/${tokenOf(url)}`)).status).toBe(404);
    const back = await callJson<{ answers: Record<string, unknown>; language: string }>(`/api/s/${tokenOf(fresh.url)}`);
    expect(back.answers['theme-proposal']).toBe('Santé mentale');
    expect(back.language).toBe('nl');
    url = fresh.url;
  });

  it('refuses answers once the survey is closed (410) and before it opens (409)', async () => {
    await callJson(`/api/surveys/${survey.id}/close`, { method: 'POST', key });
    const closed = await call(`/api/s/${tokenOf(url)}`, { method: 'PUT', json: { answers: { expectations: ['create-links'] } } });
    expect(closed.status).toBe(410);
    expect(closed.headers.get('content-type')).toContain('application/problem+json');

    const post = await callJson<Survey>(`/api/sessions/${sessionId}/surveys`, { method: 'POST', key, json: { kind: 'post' }, expect: 201 });
    const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${post.id}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'bruno@example.org' }] },
      expect: 201,
    });
    const notOpen = await call(`/api/s/${tokenOf(invitations[0]?.url ?? '')}`);
    expect(notOpen.status).toBe(409);
  });
});

describe('organisations are walled off', () => {
  it('answers 401 without a key and with an unknown key', async () => {
    expect((await call('/api/series')).status).toBe(401);
    const res = await call('/api/series', { key: 'rlk_not-a-real-key-at-all-000000000000000000' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('answers 404 for every id of another organisation', async () => {
    const paths: [string, string, unknown?][] = [
      ['GET', `/api/series/${seriesId}`],
      ['PATCH', `/api/series/${seriesId}`, { title: 'x' }],
      ['GET', `/api/series/${seriesId}/themes`],
      ['POST', `/api/series/${seriesId}/themes`, { label: { fr: 'Intrus' } }],
      ['GET', `/api/series/${seriesId}/sessions`],
      ['POST', `/api/series/${seriesId}/sessions`, { number: 9, starts_at: '2026-01-01T10:00:00Z' }],
      ['PATCH', `/api/themes/${themeIds[0]}`, { status: 'archived' }],
      ['GET', `/api/sessions/${sessionId}`],
      ['POST', `/api/sessions/${sessionId}/surveys`, { kind: 'pre' }],
      ['GET', `/api/surveys/${survey.id}`],
      ['POST', `/api/surveys/${survey.id}/open`],
      ['POST', `/api/surveys/${survey.id}/close`],
      ['GET', `/api/surveys/${survey.id}/invitations`],
      ['POST', `/api/surveys/${survey.id}/invitations`, { participants: [{ email: 'x@example.org' }] }],
    ];
    for (const [method, path, json] of paths) {
      const res = await call(path, { method, key: otherKey, ...(json ? { json } : {}) });
      expect(`${method} ${path} → ${res.status}`).toBe(`${method} ${path} → 404`);
    }
    const theirs = await callJson<{ series: unknown[] }>('/api/series', { key: otherKey });
    expect(theirs.series).toEqual([]);
    // Nothing was written by the refused calls.
    const themes = await env.DB.prepare("SELECT count(*) AS n FROM themes WHERE label_fr = 'Intrus'").first<{ n: number }>();
    expect(themes?.n).toBe(0);
  });
});

describe('a survey past its closing date', () => {
  it('reads closed wherever it is listed, before the cron has stored it so', async () => {
    await env.DB.prepare("UPDATE surveys SET status = 'open', closes_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").bind(survey.id).run();
    const statusIn = (surveys: { id: number; status: string }[] | undefined) => surveys?.find((s) => s.id === survey.id)?.status;
    expect((await callJson<{ status: string }>(`/api/surveys/${survey.id}`, { key })).status).toBe('closed');
    const session = await callJson<{ surveys: { id: number; status: string }[] }>(`/api/sessions/${sessionId}`, { key });
    expect(statusIn(session.surveys)).toBe('closed');
    const series = await callJson<{ sessions: { id: number; surveys: { id: number; status: string }[] }[] }>(`/api/series/${seriesId}`, {
      key,
    });
    expect(statusIn(series.sessions.find((s) => s.id === sessionId)?.surveys)).toBe('closed');
    const { sessions } = await callJson<{ sessions: { surveys: { id: number; status: string }[] }[] }>(`/api/series/${seriesId}/sessions`, {
      key,
    });
    expect(statusIn(sessions.flatMap((s) => s.surveys))).toBe('closed');
  });
});
