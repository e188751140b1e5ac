/**
 * Survey editor pages, as plain forms without JavaScript: texts in three languages, required,
 * order, adding and removing questions and options, types; the rule of an answered survey shown
 * and held; copying from the previous session; preview.
 */
import { describe, expect, it } from 'vitest';
import type { Definition, Question } from '../../src/domain/definition.ts';
import { answeredEditIssues, moveQuestion } from '../../src/domain/survey-edit.ts';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from '../helpers.ts';
import { Browser, workspaceCoordinator } from './browser.ts';

async function setup(org: string) {
  const { key, email } = await workspaceCoordinator(org);
  const { surveyId } = await openSurveyFor(key, { title: org, open: false });
  const browser = new Browser();
  await browser.signIn(email);
  return { key, browser, surveyId };
}

const definitionOf = async (id: number) =>
  JSON.parse(
    (await env.DB.prepare('SELECT definition FROM surveys WHERE id = ?').bind(id).first<{ definition: string }>())?.definition ?? '{}',
  ) as Definition;

/** The editor's own form, as the browser would send it back unchanged, plus overrides. */
function formOf(html: string, overrides: Record<string, string | null> = {}): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name) continue;
    if (/type="checkbox"/.test(attrs) && !/checked/.test(attrs)) continue;
    fields[name] =
      /value="([^"]*)"/
        .exec(attrs)?.[1]
        ?.replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'") ?? '';
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) delete fields[k];
    else fields[k] = v;
  }
  return fields;
}

describe('the survey editor', () => {
  it('rewords a question in three languages, makes it required, and moves it up', async () => {
    const { browser, surveyId } = await setup('Editor Org');
    const before = await definitionOf(surveyId);
    const second = before.questions[1];
    if (!second) throw new Error('template has fewer than two questions');
    const page = await browser.get(`/app/surveys/${surveyId}/edit`);
    expect(page.res.status).toBe(200);
    const res = await browser.post(
      `/app/surveys/${surveyId}/edit`,
      formOf(page.html, {
        [`text_fr-${second.id}`]: 'Nouvelle formulation',
        [`text_nl-${second.id}`]: 'Nieuwe formulering',
        [`text_en-${second.id}`]: 'New wording',
        [`required-${second.id}`]: 'on',
        op: `up:${second.id}`,
      }),
    );
    expect(res.status).toBe(303);
    const after = await definitionOf(surveyId);
    expect(after.questions[0]).toMatchObject({
      id: second.id,
      text: { fr: 'Nouvelle formulation', nl: 'Nieuwe formulering', en: 'New wording' },
      required: true,
    });
    expect(after.questions.map((q) => q.id).sort()).toEqual(before.questions.map((q) => q.id).sort());
    const version = await env.DB.prepare('SELECT definition_version AS v FROM surveys WHERE id = ?').bind(surveyId).first();
    expect(version).toEqual({ v: 2 });
  });

  it('refuses an empty French text with a 422 naming the field', async () => {
    const { browser, surveyId } = await setup('Editor Errors Org');
    const first = (await definitionOf(surveyId)).questions[0];
    const page = await browser.get(`/app/surveys/${surveyId}/edit`);
    const res = await browser.post(`/app/surveys/${surveyId}/edit`, formOf(page.html, { [`text_fr-${first?.id}`]: '  ' }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(`href="#text_fr-${first?.id}"`);
  });

  it('shows the rule once answered, lets texts and new options through, and refuses a removal with the rule', async () => {
    const { key, browser, surveyId } = await setup('Editor Locked Org');
    await callJson(`/api/surveys/${surveyId}/open`, { method: 'POST', key });
    const [person] = await inviteThroughApi(key, surveyId, [{ email: 'p@example.org' }]);
    expect((await call(`/api/s/${person?.token}`, { method: 'PUT', json: { answers: { usefulness: 4 } } })).status).toBe(200);

    let page = await browser.get(`/app/surveys/${surveyId}/edit`);
    expect(page.html).toContain('Ce questionnaire a des réponses');
    expect(page.html).not.toContain('value="remove:');
    expect(page.html).not.toContain('value="remove-option:');
    const reworded = await browser.post(
      `/app/surveys/${surveyId}/edit`,
      formOf(page.html, { 'text_fr-actions': 'Texte reformulé', 'option_fr-actions-tools-cadastre': 'Inventaire des outils' }),
    );
    expect(reworded.status).toBe(303);
    const actions = (await definitionOf(surveyId)).questions.find((q) => q.id === 'actions');
    expect(actions?.text.fr).toBe('Texte reformulé');

    page = await browser.get(`/app/surveys/${surveyId}/edit`);
    const added = await browser.post(
      `/app/surveys/${surveyId}/edit`,
      formOf(page.html, { 'new_option_fr-actions': 'Visite de terrain', op: 'add-option:actions' }),
    );
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toContain('open=actions');
    const options = (await definitionOf(surveyId)).questions.find((q) => q.id === 'actions');
    expect(options && 'options' in options ? options.options.at(-1) : null).toEqual({
      id: 'visite-de-terrain',
      label: { fr: 'Visite de terrain' },
    });

    // A removal sent anyway (a page opened before the first answer) is refused with the rule, nothing lost.
    page = await browser.get(`/app/surveys/${surveyId}/edit`);
    const before = await definitionOf(surveyId);
    const refused = await browser.post(
      `/app/surveys/${surveyId}/edit`,
      formOf(page.html, { 'text_fr-usefulness': 'Utile ?', op: 'remove-option:actions:visite-de-terrain' }),
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('une option ne peut pas être supprimée');
    expect(html).toContain('href="#question-actions"');
    expect(html).toContain('value="Utile ?"');
    expect(await definitionOf(surveyId)).toEqual(before);
  });

  it('adds a question of each type, removes one, reorders options, changes a type and max_ranked, and sets the profile question', async () => {
    const { browser, surveyId } = await setup('Editor Full Org');
    const post = async (overrides: Record<string, string>) => {
      const page = await browser.get(`/app/surveys/${surveyId}/edit`);
      const res = await browser.post(`/app/surveys/${surveyId}/edit`, formOf(page.html, overrides));
      expect(res.status, await res.clone().text()).toBe(303);
    };
    for (const [type, fr, options] of [
      ['single', 'Venez-vous au lunch ?', 'Oui\nNon'],
      ['multiple', 'Quels jours ?', 'Lundi\nMardi\nMercredi'],
      ['ranking', 'Quels lieux ?', 'Ixelles\nJette'],
      ['rating', 'Quelle note ?', ''],
      ['text', 'Un mot ?', ''],
    ] as const) {
      await post({ new_type: type, new_text_fr: fr, new_text_nl: `${fr} (nl)`, new_options: options, op: 'add-question' });
    }
    let def = await definitionOf(surveyId);
    const added = def.questions.slice(-5);
    expect(added.map((q) => q.type)).toEqual(['single', 'multiple', 'ranking', 'rating', 'text']);
    expect(added[0]).toMatchObject({ id: 'venez-vous-au-lunch', text: { fr: 'Venez-vous au lunch ?', nl: 'Venez-vous au lunch ? (nl)' } });
    expect(added[1] && 'options' in added[1] ? added[1].options.map((o) => o.id) : []).toEqual(['lundi', 'mardi', 'mercredi']);
    expect(added[2]).toMatchObject({ max_ranked: 2 });
    expect(added[3]).toMatchObject({ min: 1, max: 5 });

    await post({ op: 'remove:venez-vous-au-lunch' });
    await post({ op: 'option-up:quels-jours:mercredi' });
    await post({ 'max_ranked-quels-lieux': '1', 'type-un-mot': 'single', profile: 'quels-jours' });
    def = await definitionOf(surveyId);
    expect(def.questions.some((q) => q.id === 'venez-vous-au-lunch')).toBe(false);
    const days = def.questions.find((q) => q.id === 'quels-jours');
    expect(days && 'options' in days ? days.options.map((o) => o.id) : []).toEqual(['lundi', 'mercredi', 'mardi']);
    expect(days).toMatchObject({ profile: true });
    expect(def.questions.find((q) => q.id === 'sector')).toMatchObject({ profile: false });
    expect(def.questions.find((q) => q.id === 'quels-lieux')).toMatchObject({ type: 'ranking', max_ranked: 1 });
    expect(def.questions.find((q) => q.id === 'un-mot')).toMatchObject({ type: 'single', options: [{ id: 'option-1' }] });
  });

  it('keeps what was typed in a new question and names the missing fields', async () => {
    const { browser, surveyId } = await setup('Editor New Question Errors Org');
    const page = await browser.get(`/app/surveys/${surveyId}/edit`);
    const res = await browser.post(
      `/app/surveys/${surveyId}/edit`,
      formOf(page.html, { new_type: 'single', new_text_fr: '', new_text_nl: 'Bewaard', op: 'add-question' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#new_text_fr"');
    expect(html).toContain('href="#new_options"');
    expect(html).toContain('value="Bewaard"');
  });

  it('refuses a save based on an outdated version (someone else saved meanwhile)', async () => {
    const { browser, surveyId } = await setup('Editor Conflict Org');
    const page = await browser.get(`/app/surveys/${surveyId}/edit`);
    expect((await browser.post(`/app/surveys/${surveyId}/edit`, formOf(page.html))).status).toBe(303);
    const stale = await browser.post(`/app/surveys/${surveyId}/edit`, formOf(page.html));
    expect(stale.status).toBe(409);
  });

  it('previews the survey as a participant sees it, in each language, without a way to save', async () => {
    const { browser, surveyId } = await setup('Preview Org');
    const fr = await browser.get(`/app/surveys/${surveyId}/preview`);
    expect(fr.res.status).toBe(200);
    expect(fr.html).toContain(`<form method="get" action="/app/surveys/${surveyId}/preview"`);
    expect(fr.html).not.toContain('/s/__preview__');
    const nl = await browser.get(`/app/surveys/${surveyId}/preview?lang=nl`);
    expect(nl.html).toContain('<html lang="nl"');
  });
});

describe('copying a survey from the previous session', () => {
  it("offers the previous session's survey on a session without one, and copies it as a draft to edit", async () => {
    const { key, browser, surveyId } = await setup('Editor Copy Org');
    const { session_id } = await callJson<{ session_id: number; series_id: number }>(`/api/surveys/${surveyId}`, { key });
    const { series_id } = await callJson<{ series_id: number }>(`/api/sessions/${session_id}`, { key });
    const next = await callJson<{ id: number }>(`/api/series/${series_id}/sessions`, {
      method: 'POST',
      key,
      json: { number: 2, starts_at: '2099-02-01T12:00:00Z' },
      expect: 201,
    });
    const page = await browser.get(`/app/sessions/${next.id}`);
    expect(page.html).toContain(`action="/app/surveys/${surveyId}/copy"`);
    expect(page.html).toContain('Copier depuis la séance #1');
    const res = await browser.post(`/app/surveys/${surveyId}/copy`, { session_id: String(next.id) });
    expect(res.status).toBe(303);
    const copyId = Number(/\/app\/surveys\/(\d+)\/edit/.exec(res.headers.get('location') ?? '')?.[1]);
    const copy = await callJson<{ session_id: number; status: string; questions: { id: string }[] }>(`/api/surveys/${copyId}`, { key });
    expect(copy).toMatchObject({ session_id: next.id, status: 'draft' });
    expect(copy.questions.map((q) => q.id)).toEqual((await definitionOf(surveyId)).questions.map((q) => q.id));
    await browser.get(`/app/sessions/${next.id}`);
    const again = await browser.post(`/app/surveys/${surveyId}/copy`, { session_id: String(next.id) });
    expect(again.status).toBe(422);
  });
});

describe('survey edits (domain)', () => {
  const def: Definition = {
    questions: [
      { id: 'a', type: 'text', text: { fr: 'A' }, required: false, max_length: 100, role: 'remark' },
      { id: 'b', type: 'single', text: { fr: 'B' }, required: false, profile: false, options: [{ id: 'x', label: { fr: 'X' } }] },
    ],
  };
  it('moves within bounds only', () => {
    expect(moveQuestion(def, 'b', 'up')?.questions.map((q) => q.id)).toEqual(['b', 'a']);
    expect(moveQuestion(def, 'a', 'up')).toBeNull();
    expect(moveQuestion(def, 'b', 'down')).toBeNull();
  });
  it('lets rewording, a new option, reordering and a longer text through once answered, not a removal or a shorter text', () => {
    const [a, b] = def.questions as [Extract<Question, { type: 'text' }>, Extract<Question, { type: 'single' }>];
    const fine: Question[] = [
      {
        ...b,
        text: { fr: 'B!' },
        options: [
          { id: 'y', label: { fr: 'Y' } },
          { id: 'x', label: { fr: 'X?' } },
        ],
      },
      { ...a, max_length: 200 },
    ];
    expect(answeredEditIssues(def, fine)).toEqual([]);
    expect(answeredEditIssues(def, [{ ...a, max_length: 50 }])).toEqual([
      { field: 'questions.0.max_length', code: 'max_length_lowered', question: 'a' },
      { field: 'questions', code: 'question_removed', question: 'b' },
    ]);
  });
});

describe('theme references through the editor', () => {
  it("does not save again a definition naming another series' theme (stored before references were checked)", async () => {
    const { key, browser, surveyId } = await setup('Editor Foreign Theme Org');
    const other = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Other' }, expect: 201 });
    const foreign = await callJson<{ id: number }>(`/api/series/${other.id}/themes`, {
      method: 'POST',
      key,
      json: { label: { fr: 'Ailleurs' } },
      expect: 201,
    });
    const def = await definitionOf(surveyId);
    const choice = def.questions.find((q) => q.type === 'single' || q.type === 'multiple');
    if (!choice || !('options' in choice) || !choice.options[0]) throw new Error('template has no choice question');
    choice.options[0].theme_id = foreign.id;
    await env.DB.prepare('UPDATE surveys SET definition = ? WHERE id = ?').bind(JSON.stringify(def), surveyId).run();
    const page = await browser.get(`/app/surveys/${surveyId}/edit`);
    const res = await browser.post(`/app/surveys/${surveyId}/edit`, formOf(page.html));
    expect(res.status).toBe(422);
  });
});
