/** Survey editor: texts in three languages, required, order, options locked once answered; preview. */
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../src/domain/definition.ts';
import { applyEdits, moveQuestion } from '../../src/domain/survey-edit.ts';
import { call, callJson, env, openSurveyFor } from '../helpers.ts';
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
        move: `up:${second.id}`,
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

  it('keeps options once the survey has answers, but lets texts change', async () => {
    const { key, browser, surveyId } = await setup('Editor Locked Org');
    await callJson(`/api/surveys/${surveyId}/open`, { method: 'POST', key });
    const invited = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'p@example.org' }] },
      expect: 201,
    });
    const token = new URL(invited.invitations[0]?.url ?? '').pathname.split('/')[2];
    expect((await call(`/api/s/${token}`, { method: 'PUT', json: { answers: { usefulness: 4 } } })).status).toBe(200);

    const def = await definitionOf(surveyId);
    const choice = def.questions.find((q) => q.type === 'multiple' || q.type === 'single');
    const option = choice && 'options' in choice ? choice.options[0] : undefined;
    if (!choice || !option) throw new Error('template has no choice question');
    let page = await browser.get(`/app/surveys/${surveyId}/edit`);
    expect(page.html).toContain('readonly');
    const refused = await browser.post(
      `/app/surveys/${surveyId}/edit`,
      formOf(page.html, { [`option_fr-${choice.id}-${option.id}`]: 'Autre sens' }),
    );
    expect(refused.status).toBe(422);
    expect((await definitionOf(surveyId)).questions.find((q) => q.id === choice.id)).toEqual(choice);

    page = await browser.get(`/app/surveys/${surveyId}/edit`);
    const reworded = await browser.post(
      `/app/surveys/${surveyId}/edit`,
      formOf(page.html, { [`text_fr-${choice.id}`]: 'Texte reformulé' }),
    );
    expect(reworded.status).toBe(303);
    expect((await definitionOf(surveyId)).questions.find((q) => q.id === choice.id)?.text.fr).toBe('Texte reformulé');
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
  it('locks option labels when answered', () => {
    const edit = { b: { text: { fr: 'B' }, required: false, options: { x: { fr: 'Y' } } } };
    expect(applyEdits(def, edit, false).ok).toBe(true);
    expect(applyEdits(def, edit, true)).toEqual({ ok: false, issues: [{ field: 'option_fr-b-x', code: 'options_locked' }] });
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
