/**
 * Issue 16, the editor through the API: `PUT /api/surveys/:id/questions` edits anything while
 * nobody has answered, and afterwards only what keeps every stored answer meaningful (422
 * naming the field otherwise); counters, results and the brief follow an edit; a survey is
 * copied to another session with its theme options refreshed; templates fit any series.
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '../src/domain/definition.ts';
import { call, callJson, createCoordinator, env, inviteThroughApi, openSurveyFor } from './helpers.ts';

interface Survey {
  id: number;
  status: string;
  definition_version: number;
  questions: Question[];
  responses: number;
  held_back: number;
}

const read = (key: string, id: number) => callJson<Survey>(`/api/surveys/${id}`, { key });
const put = (key: string, id: number, json: unknown) => call(`/api/surveys/${id}/questions`, { method: 'PUT', key, json });

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  return (await res.json()) as { errors: { field: string; message: string; code?: string }[] };
}

/** A post-survey, one person invited and answering `answers` (non-anonymous unless said). */
async function answeredSurvey(key: string, title: string, answers: Record<string, unknown>, anonymous = false) {
  const made = await openSurveyFor(key, { title, minGroupSize: anonymous ? 3 : 1, ...(anonymous ? { anonymous } : {}) });
  const [person] = await inviteThroughApi(key, made.surveyId, [{ email: `${title.replace(/\W+/g, '-').toLowerCase()}@example.org` }]);
  const res = await call(`/api/s/${person?.token}`, { method: 'PUT', json: { answers } });
  expect(res.status).toBe(200);
  return { ...made, token: person?.token ?? '' };
}

const choice = (qs: Question[], id: string) => {
  const q = qs.find((x) => x.id === id);
  if (!q || !('options' in q)) throw new Error(`no choice question ${id}`);
  return q;
};

describe('PUT /api/surveys/:id/questions before anyone answers', () => {
  it('adds, removes and reorders questions and options, changes types, max_ranked, required and the profile question', async () => {
    const key = await createCoordinator('Editing Draft Org');
    const { surveyId } = await openSurveyFor(key, { title: 'Draft', open: false, themes: ['Logement', 'Mobilité'] });
    const before = await read(key, surveyId);
    const [usefulness, , themes, , actions] = before.questions;
    if (!usefulness || !themes || themes.type !== 'ranking' || !actions || actions.type !== 'multiple') throw new Error('template changed');
    const questions: Question[] = [
      { ...themes, max_ranked: 2, required: true },
      { ...usefulness, type: 'text', max_length: 500, role: 'remark' } as Question,
      { ...actions, profile: true, options: [...actions.options].reverse().slice(1) },
      {
        id: 'visit',
        type: 'single',
        text: { fr: 'Visite ?', nl: 'Bezoek?', en: 'Visit?' },
        required: false,
        profile: false,
        options: [
          { id: 'yes', label: { fr: 'Oui' } },
          { id: 'no', label: { fr: 'Non' } },
        ],
      },
      { id: 'score', type: 'rating', text: { fr: 'Note' }, required: false, min: 0, max: 10 },
    ];
    const res = await put(key, surveyId, { questions, version: before.definition_version });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = await read(key, surveyId);
    expect(after.definition_version).toBe(before.definition_version + 1);
    expect(after.questions.map((q) => [q.id, q.type])).toEqual([
      ['themes', 'ranking'],
      ['usefulness', 'text'],
      ['actions', 'multiple'],
      ['visit', 'single'],
      ['score', 'rating'],
    ]);
    expect(after.questions[0]).toMatchObject({ max_ranked: 2, required: true });
    expect(after.questions[2]).toMatchObject({ profile: true });
    expect(choice(after.questions, 'actions').options.map((o) => o.id)).toEqual(
      actions.options
        .map((o) => o.id)
        .reverse()
        .slice(1),
    );
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'survey.edit' AND target = ?")
      .bind(`survey:${surveyId}`)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
    // The same questions again (a retry) change nothing.
    expect((await put(key, surveyId, { questions: after.questions })).status).toBe(200);
    expect((await read(key, surveyId)).definition_version).toBe(after.definition_version);
  });

  it('refuses bad input with a 422 naming the field, and a stale version with a 409', async () => {
    const key = await createCoordinator('Editing Bad Input Org');
    const { surveyId } = await openSurveyFor(key, { title: 'Bad', open: false });
    const { questions, definition_version } = await read(key, surveyId);
    const ranking = questions.findIndex((q) => q.type === 'ranking');
    const broken = questions.map((q, i) => (i === ranking ? { ...q, max_ranked: 0 } : q));
    let res = await put(key, surveyId, { questions: broken });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors.map((e) => e.field)).toContain(`questions.${ranking}.max_ranked`);
    res = await put(key, surveyId, { questions: [...questions, questions[0]] });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors.map((e) => e.field)).toContain('questions');
    res = await put(key, surveyId, { questions: questions.slice(1), version: definition_version + 7 });
    expect(res.status).toBe(409);
    expect((await problem(res)).errors[0]?.field).toBe('version');
    expect((await read(key, surveyId)).questions).toEqual(questions);
  });

  it('leaves no counters for a question removed in draft', async () => {
    const key = await createCoordinator('Editing Removed Draft Org');
    const { surveyId } = await openSurveyFor(key, { title: 'Removed', open: false });
    const { questions } = await read(key, surveyId);
    expect((await put(key, surveyId, { questions: questions.filter((q) => q.id !== 'mutual-knowledge') })).status).toBe(200);
    await callJson(`/api/surveys/${surveyId}/open`, { method: 'POST', key });
    const [p] = await inviteThroughApi(key, surveyId, [{ email: 'removed@example.org' }]);
    expect((await call(`/api/s/${p?.token}`, { method: 'PUT', json: { answers: { usefulness: 4, sector: 'gp' } } })).status).toBe(200);
    const counters = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM answer_tallies WHERE survey_id = ?1 AND question_id = 'mutual-knowledge')
            + (SELECT count(*) FROM question_tallies WHERE survey_id = ?1 AND question_id = 'mutual-knowledge') AS n,
              (SELECT count(*) FROM answer_tallies WHERE survey_id = ?1) AS all_rows`,
    )
      .bind(surveyId)
      .first<{ n: number; all_rows: number }>();
    expect(counters).toEqual({ n: 0, all_rows: 2 });
  });
});

describe('PUT /api/surveys/:id/questions once answers exist', () => {
  it('refuses removing a question or an option, changing a type, lowering max_ranked or the profile, naming the field', async () => {
    const key = await createCoordinator('Editing Answered Org');
    const { surveyId } = await answeredSurvey(key, 'Answered', { usefulness: 4, sector: 'gp' });
    const { questions } = await read(key, surveyId);
    const at = (id: string) => questions.findIndex((q) => q.id === id);
    const ranking = questions[at('themes')];
    if (ranking?.type !== 'ranking') throw new Error('template changed');
    const cases: [Question[], string, string][] = [
      [questions.filter((q) => q.id !== 'remarks'), 'questions', 'question_removed'],
      [
        questions.map((q) => (q.id === 'sector' && 'options' in q ? { ...q, options: q.options.slice(1) } : q)),
        `questions.${at('sector')}.options`,
        'option_removed',
      ],
      [
        questions.map((q) => (q.id === 'usefulness' ? ({ ...q, type: 'text', max_length: 100, role: 'remark' } as Question) : q)),
        `questions.${at('usefulness')}.type`,
        'type_changed',
      ],
      [
        questions.map((q) => (q.id === 'themes' ? { ...ranking, max_ranked: 2 } : q)),
        `questions.${at('themes')}.max_ranked`,
        'max_ranked_lowered',
      ],
      [questions.map((q) => (q.id === 'sector' ? { ...q, profile: false } : q)), `questions.${at('sector')}.profile`, 'profile_changed'],
      [questions.map((q) => (q.id === 'usefulness' ? { ...q, min: 0 } : q)), `questions.${at('usefulness')}.min`, 'scale_changed'],
      [questions.map((q) => (q.id === 'remarks' ? { ...q, required: true } : q)), `questions.${at('remarks')}.required`, 'required_added'],
    ];
    for (const [edited, field, code] of cases) {
      const res = await put(key, surveyId, { questions: edited });
      expect(res.status, code).toBe(422);
      const body = await problem(res);
      expect(body.errors, code).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect((await read(key, surveyId)).questions).toEqual(questions);
  });

  it('accepts rewording, new options and questions, reordering and a larger max_ranked; results and the brief count the new option from zero', async () => {
    const key = await createCoordinator('Editing Allowed Org');
    const { surveyId, sessionId, token } = await answeredSurvey(key, 'Allowed', {
      usefulness: 4,
      sector: 'gp',
      actions: ['tools-cadastre'],
    });
    const { questions } = await read(key, surveyId);
    const edited = questions
      .map((q) => {
        if (q.id === 'usefulness') return { ...q, text: { ...q.text, fr: 'Cette séance vous a-t-elle servi ?' } };
        if (q.id === 'themes' && q.type === 'ranking') return { ...q, max_ranked: 4 };
        if (q.id === 'actions' && q.type === 'multiple')
          return { ...q, options: [{ id: 'walk', label: { fr: 'Balade dans le quartier' } }, ...q.options.reverse()] };
        if (q.id === 'sector' && q.type === 'single')
          return { ...q, options: q.options.map((o) => (o.id === 'gp' ? { ...o, label: { ...o.label, fr: 'Médecine générale' } } : o)) };
        return q;
      })
      .reverse();
    edited.push({ id: 'lunch', type: 'text', text: { fr: 'Lunch ?' }, required: false, max_length: 200, role: 'remark' });
    const res = await put(key, surveyId, { questions: edited });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await read(key, surveyId)).questions).toEqual(edited);

    type Results = { questions: { id: string; n: number; options?: { id: string; count: number }[] }[] };
    const actionsOf = async () =>
      (await callJson<Results>(`/api/surveys/${surveyId}/results`, { key })).questions.find((q) => q.id === 'actions');
    let actions = await actionsOf();
    expect(actions?.options?.find((o) => o.id === 'walk')?.count).toBe(0);
    expect(actions?.options?.find((o) => o.id === 'tools-cadastre')?.count).toBe(1);
    // The person answers again, now with the new option: counted once, the old one let go.
    expect(
      (await call(`/api/s/${token}`, { method: 'PUT', json: { answers: { usefulness: 5, sector: 'gp', actions: ['walk'] } } })).status,
    ).toBe(200);
    actions = await actionsOf();
    expect(actions?.options?.find((o) => o.id === 'walk')?.count).toBe(1);
    expect(actions?.options?.find((o) => o.id === 'tools-cadastre')?.count).toBe(0);
    const tallies = await env.DB.prepare(
      "SELECT option_id, n FROM answer_tallies WHERE survey_id = ? AND question_id = 'actions' ORDER BY option_id",
    )
      .bind(surveyId)
      .all();
    expect(tallies.results).toEqual([{ option_id: 'walk', n: 1 }]);
    expect((await call(`/api/sessions/${sessionId}/brief`, { key })).status).toBe(200);
    expect((await call(`/api/surveys/${surveyId}/results?format=csv`, { key })).status).toBe(200);
  });

  it('holds the same rule while an anonymous survey only holds sealed ballots', async () => {
    const key = await createCoordinator('Editing Ballots Org');
    const { surveyId } = await answeredSurvey(key, 'Ballots', { usefulness: 4, sector: 'gp' }, true);
    const survey = await read(key, surveyId);
    expect([survey.responses, survey.held_back]).toEqual([0, 1]);
    const res = await put(key, surveyId, { questions: survey.questions.filter((q) => q.id !== 'remarks') });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors[0]).toMatchObject({ field: 'questions', code: 'question_removed' });
  });
});

describe('POST /api/surveys/:id/copy', () => {
  it("copies the questions into a draft for another session, theme options from the series' catalogue today", async () => {
    const key = await createCoordinator('Copy Org');
    const { seriesId, surveyId, themeIds } = await openSurveyFor(key, { title: 'Copy', themes: ['Logement', 'Mobilité', 'Santé mentale'] });
    const [housing, mobility, mental] = themeIds;
    const { questions } = await read(key, surveyId);
    const added: Question = { id: 'lunch', type: 'text', text: { fr: 'Lunch ?' }, required: false, max_length: 200, role: 'remark' };
    expect((await put(key, surveyId, { questions: [...questions, added] })).status).toBe(200);
    await callJson(`/api/themes/${housing}`, { method: 'PATCH', key, json: { status: 'archived' } });
    await callJson(`/api/themes/${mobility}`, { method: 'PATCH', key, json: { merged_into: mental } });
    const work = await callJson<{ id: number }>(`/api/series/${seriesId}/themes`, {
      method: 'POST',
      key,
      json: { label: { fr: 'Emploi' } },
      expect: 201,
    });
    const next = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 2, starts_at: '2099-02-01T12:00:00Z' },
      expect: 201,
    });
    const res = await call(`/api/surveys/${surveyId}/copy`, { method: 'POST', key, json: { session_id: next.id } });
    expect(res.status, await res.clone().text()).toBe(201);
    const copy = (await res.json()) as Survey & { session_id: number; kind: string };
    expect(copy).toMatchObject({ session_id: next.id, kind: 'post', status: 'draft', responses: 0 });
    expect(copy.questions.map((q) => q.id)).toEqual([...questions.map((q) => q.id), 'lunch']);
    expect(choice(copy.questions, 'themes').options.map((o) => o.theme_id)).toEqual([mental, work.id]);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'survey.copy' AND target = ?")
      .bind(`survey:${copy.id}`)
      .first<{ detail: string }>();
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ from: surveyId });
    // Once per kind and session; another organisation's session is not a target.
    expect((await call(`/api/surveys/${surveyId}/copy`, { method: 'POST', key, json: { session_id: next.id } })).status).toBe(409);
    const other = await createCoordinator('Copy Other Org');
    const elsewhere = await openSurveyFor(other, { title: 'Elsewhere', kind: 'pre' });
    const refused = await call(`/api/surveys/${surveyId}/copy`, { method: 'POST', key, json: { session_id: elsewhere.sessionId } });
    expect(refused.status).toBe(422);
    expect((await problem(refused)).errors[0]?.field).toBe('session_id');
  });
});

describe('templates that fit any series', () => {
  async function template(key: string, bassin: string | undefined, kind: 'pre' | 'post') {
    const series = await callJson<{ id: number }>('/api/series', {
      method: 'POST',
      key,
      json: { title: `Série ${bassin ?? 'sans bassin'}`, ...(bassin ? { bassin } : {}) },
      expect: 201,
    });
    const theme = await callJson<{ id: number }>(`/api/series/${series.id}/themes`, {
      method: 'POST',
      key,
      json: { label: { fr: 'Accès aux soins' } },
      expect: 201,
    });
    const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2099-01-01T12:00:00Z' },
      expect: 201,
    });
    const survey = await callJson<Survey>(`/api/sessions/${session.id}/surveys`, { method: 'POST', key, json: { kind }, expect: 201 });
    return { questions: survey.questions, themeId: theme.id };
  }

  it("lists the bassin's communes first among Brussels' 19, with the series' own themes and none of the demo's options", async () => {
    const key = await createCoordinator('Templates Org');
    const { questions, themeId } = await template(key, 'Bassin Nord-Ouest', 'pre');
    const communes = choice(questions, 'commune').options.map((o) => o.id);
    expect(communes).toHaveLength(20);
    expect(communes.slice(0, 5)).toEqual(['berchem-sainte-agathe', 'ganshoren', 'jette', 'koekelberg', 'molenbeek-saint-jean']);
    expect(communes.at(-1)).toBe('outside');
    expect(choice(questions, 'themes').options).toEqual([{ id: `t${themeId}`, label: { fr: 'Accès aux soins' }, theme_id: themeId }]);
    const post = await template(key, 'Nord-Ouest', 'post');
    const text = JSON.stringify([questions, post.questions]);
    for (const demo of ['hospital-realities', 'réalités hospitalières', 'info-caregiver-status', 'aidant·e proche', 'Auderghem", "nl"']) {
      expect(text).not.toContain(demo);
    }
  });

  it('lists the 19 communes in alphabetical order for a bassin it does not know', async () => {
    const key = await createCoordinator('Templates Unknown Org');
    const { questions } = await template(key, undefined, 'pre');
    const communes = choice(questions, 'commune').options.map((o) => o.id);
    expect(communes.slice(0, 3)).toEqual(['anderlecht', 'auderghem', 'berchem-sainte-agathe']);
    expect(communes).toHaveLength(20);
  });
});
