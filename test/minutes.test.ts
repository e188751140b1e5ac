/**
 * The brief becomes the minutes (issues 17 and 16): the coordinator's words per section
 * (versioned, audited, marked as written), the series' actions followed across sessions with
 * who agreed to be contacted (workspace only, named surveys only), moderation (dismiss a
 * proposal, hide a free text by its wording), and the brief as .odt/.docx.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../src/brief/brief.ts';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

let key = '';
let email = '';
let pages: Browser;
let other = '';

beforeAll(async () => {
  ({ key, email } = await workspaceCoordinator('Minutes Bassin'));
  other = (await workspaceCoordinator('Minutes Ailleurs')).key;
  pages = new Browser();
  await pages.signIn(email);
});

/** A named (or anonymous) post-survey of session #1 with people who answered; the series' minimum is `min`. */
async function answeredPost(
  title: string,
  people: Record<string, unknown>[],
  options: { anonymous?: boolean; min?: number; rank?: boolean } = {},
) {
  const made = await openSurveyFor(key, {
    title,
    kind: 'post',
    minGroupSize: options.min ?? 3,
    themes: ['Logement', 'Santé mentale'],
    ...(options.anonymous ? { anonymous: true } : {}),
  });
  const invited = await inviteThroughApi(
    key,
    made.surveyId,
    people.map((_, i) => ({ email: `p${i}-${title.replace(/\W+/g, '').toLowerCase()}@example.org`, name: `Personne ${i}` })),
  );
  for (const [i, answers] of people.entries()) {
    const token = invited[i]?.token ?? '';
    const themes = options.rank ? { themes: [`t${made.themeIds[i % 2]}`] } : {};
    await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: { usefulness: 4, ...themes, ...answers } } });
  }
  return { ...made, invited };
}

const auditOf = async (action: string) =>
  (
    await env.DB.prepare('SELECT actor, target, detail FROM audit_log WHERE action = ? ORDER BY id').bind(action).all<{
      actor: string;
      target: string;
      detail: string | null;
    }>()
  ).results;

describe('the coordinator’s words in each section of the brief', () => {
  it('are versioned on every save (a retry adds none), audited, and listed newest first with who saved them', async () => {
    const { sessionId } = await answeredPost('Mots versionnés', [{}, {}, {}]);
    const path = `/api/sessions/${sessionId}/brief/sections/findings`;
    const first = await callJson<{ version: number; unchanged: boolean }>(path, {
      method: 'PUT',
      key,
      json: { text: 'Première version.' },
    });
    expect(first).toMatchObject({ version: 1, unchanged: false, language: 'fr', actor: email });
    const retry = await callJson<{ version: number; unchanged: boolean }>(path, {
      method: 'PUT',
      key,
      json: { text: 'Première version.' },
    });
    expect(retry).toMatchObject({ version: 1, unchanged: true });
    await callJson(path, { method: 'PUT', key, json: { text: 'Deuxième version.\n\n- un point\n- un autre', language: 'nl' } });
    const { versions } = await callJson<{ versions: { version: number; text: string; actor: string; language: string }[] }>(
      `${path}/versions`,
      { key },
    );
    expect(versions.map((x) => [x.version, x.text.split('\n')[0], x.actor, x.language])).toEqual([
      [2, 'Deuxième version.', email, 'nl'],
      [1, 'Première version.', email, 'fr'],
    ]);
    const audited = (await auditOf('brief.section')).filter((a) => a.target === `session:${sessionId}`);
    expect(audited).toHaveLength(2);
    expect(audited.every((a) => a.actor === email)).toBe(true);

    // The workspace shows who changed it when, and an earlier version on demand.
    const { html } = await pages.get(`/app/sessions/${sessionId}/minutes/versions?section=findings&version=1`);
    expect(html).toContain('Version 2, par');
    expect(html).toContain('Première version.');
  });

  it('come above the figures, marked written vs measured, in JSON, Markdown, CSV and the page (escaped, paragraphs and lists only)', async () => {
    const { sessionId } = await answeredPost('Mots dans le brief', [{}, {}, {}]);
    const text = 'Constat <script>alert(1)</script> **gras** [lien](https://x.example)\n\n- premier point\n- # pas un titre';
    await callJson(`/api/sessions/${sessionId}/brief/sections/findings`, { method: 'PUT', key, json: { text } });
    const brief = await callJson<Brief>(`/api/sessions/${sessionId}/brief`, { key });
    expect(brief.written).toEqual([
      expect.objectContaining({
        section: 'findings',
        origin: 'written',
        version: 1,
        blocks: [
          { type: 'paragraph', text: 'Constat <script>alert(1)</script> **gras** [lien](https://x.example)' },
          { type: 'list', items: ['premier point', '# pas un titre'] },
        ],
      }),
    ]);
    expect(brief.sections.find((s) => s.id === 'findings')).toMatchObject({ written: true });
    expect(brief.sections.find((s) => s.id === 'needs')).toMatchObject({ written: false });

    const md = await (await call(`/api/sessions/${sessionId}/brief?format=md`, { key })).text();
    const findings = md.slice(md.indexOf('## Constats'), md.indexOf('## Veille'));
    expect(findings.indexOf('*Rédigé par la coordination :*')).toBeGreaterThan(0);
    expect(findings.indexOf('*Rédigé par la coordination :*')).toBeLessThan(findings.indexOf('*Mesuré par les questionnaires :*'));
    expect(findings).toContain('\\<script\\>');
    expect(findings).toContain('- \\# pas un titre');
    expect(md).not.toMatch(/^# pas un titre/m);

    const page = await (await call(`/api/sessions/${sessionId}/brief?format=html`, { key })).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toMatch(/<div class="written"><p class="origin">Rédigé par la coordination<\/p><p>Constat/);
    expect(page).toContain('<li># pas un titre</li>');
    expect(page).not.toContain('<a href="https://x.example"');

    const csv = await (await call(`/api/sessions/${sessionId}/brief?format=csv&sep=,`, { key })).text();
    expect(csv.split('\n')[1]).toMatch(/^written,findings,findings,text,"Constat/);
  });

  it('refuses a bad section or text naming the field, and another organisation’s session', async () => {
    const { sessionId } = await answeredPost('Mots refusés', [{}, {}, {}]);
    const bad = await call(`/api/sessions/${sessionId}/brief/sections/conclusion`, { method: 'PUT', key, json: { text: 'x' } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('section');
    const bidi = await call(`/api/sessions/${sessionId}/brief/sections/needs`, { method: 'PUT', key, json: { text: 'a\u202eb' } });
    expect(bidi.status).toBe(422);
    expect(((await bidi.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('text');
    const foreign = await call(`/api/sessions/${sessionId}/brief/sections/needs`, { method: 'PUT', key: other, json: { text: 'x' } });
    expect(foreign.status).toBe(404);
  });
});

describe('the series’ actions, followed across sessions', () => {
  it('come from the post-survey, take the status and note the coordinator sets, and the next brief reports them', async () => {
    const ticked = { actions: ['tools-cadastre'], 'contact-consent': 'yes' };
    const { seriesId, sessionId } = await answeredPost('Suivi des actions', [ticked, ticked, { actions: ['tools-cadastre'] }, {}]);
    const { actions } = await callJson<{ actions: { id: number; option_id: string; status: string; since_session: number }[] }>(
      `/api/series/${seriesId}/actions`,
      { key },
    );
    expect(actions.map((a) => a.option_id)).toContain('tools-cadastre');
    expect(actions.every((a) => a.status === 'proposed' && a.since_session === 1)).toBe(true);
    const cadastre = actions.find((a) => a.option_id === 'tools-cadastre')?.id ?? 0;
    const patched = await callJson<{ status: string; note: string }>(`/api/actions/${cadastre}`, {
      method: 'PATCH',
      key,
      json: { status: 'in_progress', note: 'Groupe lancé' },
    });
    expect(patched).toMatchObject({ status: 'in_progress', note: 'Groupe lancé' });
    expect((await auditOf('action.update')).at(-1)).toMatchObject({ actor: email, target: `action:${cadastre}` });
    const refused = await call(`/api/actions/${cadastre}`, { method: 'PATCH', key, json: { status: 'proposed' } });
    expect(refused.status).toBe(422);
    expect((await call(`/api/actions/${cadastre}`, { method: 'PATCH', key: other, json: { status: 'done' } })).status).toBe(404);

    const brief = await callJson<Brief>(`/api/sessions/${sessionId}/brief`, { key });
    expect(brief.action_follow_up.find((a) => a.option_id === 'tools-cadastre')).toMatchObject({
      status: 'in_progress',
      note: 'Groupe lancé',
      since_session: 1,
      volunteers: 3,
    });
    const md = await (await call(`/api/sessions/${sessionId}/brief?format=md`, { key })).text();
    const actionsSection = md.slice(md.indexOf('## Actions à mener'), md.indexOf('## Save the date'));
    expect(actionsSection).toMatch(
      /### Suivi des actions\n\n- Cadastre des outils existants — en cours \(proposée à la séance \\#1 ; 3 volontaires/,
    );
    expect(actionsSection).toContain(': Groupe lancé');
  });

  it('lists who ticked an action and agreed to be contacted for the coordinator only: never in the brief, never without consent', async () => {
    const { sessionId } = await answeredPost('Volontaires', [
      { actions: ['practice-exchange'], 'contact-consent': 'yes' },
      { actions: ['practice-exchange'], 'contact-consent': 'no' },
      { actions: ['practice-exchange'] },
    ]);
    const { html } = await pages.get(`/app/sessions/${sessionId}/minutes`);
    const item = html.slice(html.indexOf('Échanges de pratiques'));
    expect(item).toContain('Personne 0 &lt;p0-volontaires@example.org&gt;');
    expect(html).not.toContain('p1-volontaires@example.org');
    expect(html).not.toContain('p2-volontaires@example.org');
    for (const format of ['json', 'md', 'csv', 'html', 'odt', 'docx']) {
      const res = await call(`/api/sessions/${sessionId}/brief?format=${format}`, { key });
      const body =
        format === 'odt' || format === 'docx'
          ? Object.values(unzipSync(new Uint8Array(await res.arrayBuffer())))
              .map((f) => new TextDecoder().decode(f))
              .join('')
          : await res.text();
      expect(body, format).not.toContain('p0-volontaires');
      expect(body, format).not.toContain('Personne 0');
    }
  });

  it('never asks an anonymous survey for consent, and never names anyone of an anonymous survey', async () => {
    const template = await openSurveyFor(key, { title: 'Anonyme sans consentement', kind: 'post', anonymous: true, open: false });
    const survey = await callJson<{ questions: { id: string }[] }>(`/api/surveys/${template.surveyId}`, { key });
    expect(survey.questions.map((q) => q.id)).not.toContain('contact-consent');

    // Even a survey given the question by hand lists nobody once anonymous.
    const named = await callJson<{ questions: unknown[] }>(
      `/api/surveys/${(await openSurveyFor(key, { title: 'Gabarit', kind: 'post', open: false })).surveyId}`,
      { key },
    );
    const made = await openSurveyFor(key, { title: 'Anonyme à la main', kind: 'pre', anonymous: true, open: false, minGroupSize: 3 });
    const own = await callJson<{ id: number }>(`/api/sessions/${made.sessionId}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'post', anonymous: true, questions: named.questions },
      expect: 201,
    });
    await callJson(`/api/surveys/${own.id}/open`, { method: 'POST', key });
    const invited = await inviteThroughApi(
      key,
      own.id,
      [0, 1, 2, 3].map((i) => ({ email: `anon${i}@example.org`, name: `Anonyme ${i}` })),
    );
    for (const i of invited)
      await callJson(`/api/s/${i.token}`, {
        method: 'PUT',
        json: { answers: { usefulness: 4, actions: ['tools-cadastre'], 'contact-consent': 'yes' } },
      });
    await callJson(`/api/surveys/${own.id}/close`, { method: 'POST', key });
    const { html } = await pages.get(`/app/sessions/${made.sessionId}/minutes`);
    expect(html).not.toMatch(/anon\d@example\.org|Anonyme \d/);
  });
});

describe('moderation (issue 16)', () => {
  it('dismisses a proposal: it leaves the waiting list and the brief’s pending count, audited', async () => {
    const { seriesId, sessionId } = await answeredPost('Écarter', [
      { 'theme-proposal': '=1+1' },
      { 'theme-proposal': '=1+1' },
      { 'theme-proposal': 'Mobilité' },
    ]);
    const before = await callJson<Brief>(`/api/sessions/${sessionId}/brief`, { key });
    expect(before.proposed_themes.pending).toBe(2);
    await callJson(`/api/series/${seriesId}/proposals/dismiss`, { method: 'POST', key, json: { key: '=1+1', reason: 'pas un thème' } });
    const { proposals } = await callJson<{ proposals: { key: string }[] }>(`/api/series/${seriesId}/proposals`, { key });
    expect(proposals.map((p) => p.key)).toEqual(['mobilite']);
    const after = await callJson<Brief>(`/api/sessions/${sessionId}/brief`, { key });
    expect(after.proposed_themes.pending).toBe(1);
    expect(JSON.stringify(after)).not.toContain('=1+1');
    expect((await auditOf('proposal.dismiss')).at(-1)).toMatchObject({ actor: email, target: `series:${seriesId}` });
  });

  it('hides a free text from results and brief by its wording, the reason in the audit log, the answer kept; shows it again', async () => {
    const { surveyId, sessionId } = await answeredPost('Masquer', [
      { remarks: 'Merci pour la séance' },
      { remarks: 'Texte   injurieux' },
      { remarks: 'Rien à ajouter' },
    ]);
    const hide = await callJson<{ hidden: boolean }>(`/api/surveys/${surveyId}/texts/hide`, {
      method: 'POST',
      key,
      // Any spelling of the published text names it (case, spacing).
      json: { question_id: 'remarks', text: 'texte injurieux', reason: 'propos injurieux' },
    });
    expect(hide.hidden).toBe(true);
    const results = await (await call(`/api/surveys/${surveyId}/results`, { key })).text();
    expect(results).toContain('Merci pour la séance');
    expect(results).not.toContain('injurieux');
    for (const format of ['json', 'md', 'csv', 'html']) {
      const body = await (await call(`/api/sessions/${sessionId}/brief?format=${format}`, { key })).text();
      expect(body, format).toContain('Rien à ajouter');
      expect(body, format).not.toContain('injurieux');
    }
    const audit = (await auditOf('text.hide')).at(-1);
    expect(audit).toMatchObject({ actor: email, target: `survey:${surveyId}` });
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ question_id: 'remarks', reason: 'propos injurieux' });
    const kept = await env.DB.prepare('SELECT count(*) AS n FROM answers WHERE survey_id = ? AND text = ?')
      .bind(surveyId, 'Texte   injurieux')
      .first<{ n: number }>();
    expect(kept?.n).toBe(1);

    await callJson(`/api/surveys/${surveyId}/texts/show`, {
      method: 'POST',
      key,
      json: { question_id: 'remarks', text: 'Texte   injurieux' },
    });
    expect(await (await call(`/api/surveys/${surveyId}/results`, { key })).text()).toContain('Texte   injurieux');
  });

  it('in an anonymous survey, hides only a published text, by wording: a held-back text and an unwritten one get the same refusal', async () => {
    const made = await openSurveyFor(key, { title: 'Masquer anonyme', kind: 'post', anonymous: true, minGroupSize: 3 });
    const invited = await inviteThroughApi(
      key,
      made.surveyId,
      [0, 1].map((i) => ({ email: `held${i}@example.org` })),
    );
    for (const i of invited)
      await callJson(`/api/s/${i.token}`, { method: 'PUT', json: { answers: { usefulness: 3, remarks: 'Secret' } } });
    // Two answers are held (fewer than the minimum): hiding "Secret" is refused like a text nobody wrote.
    const held = await call(`/api/surveys/${made.surveyId}/texts/hide`, {
      method: 'POST',
      key,
      json: { question_id: 'remarks', text: 'Secret', reason: 'test' },
    });
    const never = await call(`/api/surveys/${made.surveyId}/texts/hide`, {
      method: 'POST',
      key,
      json: { question_id: 'remarks', text: 'Jamais écrit', reason: 'test' },
    });
    expect(held.status).toBe(422);
    expect(never.status).toBe(422);
    expect(await held.json()).toEqual(await never.json());

    const more = await inviteThroughApi(key, made.surveyId, [{ email: 'held2@example.org' }]);
    await callJson(`/api/s/${more[0]?.token}`, { method: 'PUT', json: { answers: { usefulness: 3, remarks: 'Secret' } } });
    await callJson(`/api/surveys/${made.surveyId}/close`, { method: 'POST', key });
    await callJson(`/api/surveys/${made.surveyId}/texts/hide`, {
      method: 'POST',
      key,
      json: { question_id: 'remarks', text: 'Secret', reason: 'trop personnel' },
    });
    const results = await (await call(`/api/surveys/${made.surveyId}/results`, { key })).text();
    expect(results).not.toContain('Secret');
    // What is stored names the text, never a response or a respondent.
    const row = await env.DB.prepare('SELECT * FROM hidden_texts WHERE survey_id = ?').bind(made.surveyId).first();
    expect(Object.keys(row ?? {}).sort()).toEqual(['created_at', 'question_id', 'survey_id', 'text_key']);
  });

  it('refuses a hide without a reason, naming the field', async () => {
    const { surveyId } = await answeredPost('Sans raison', [{ remarks: 'a' }, { remarks: 'b' }, { remarks: 'c' }]);
    const res = await call(`/api/surveys/${surveyId}/texts/hide`, {
      method: 'POST',
      key,
      json: { question_id: 'remarks', text: 'a', reason: ' ' },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('reason');
  });
});

describe('the brief as an editable document', () => {
  /** The ZIP's entries in stored order, with each local header's compression method. */
  function entries(bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = (at: number) => new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + view.getUint16(at + 26, true)));
    return { first: name(0), method: view.getUint16(8, true), extra: view.getUint16(28, true) };
  }

  it('.odt: mimetype first and stored, headings and a table in content.xml, the coordinator’s words in it', async () => {
    const { sessionId } = await answeredPost('Document odt', [{}, {}, {}], { rank: true });
    await callJson(`/api/sessions/${sessionId}/brief/sections/needs`, { method: 'PUT', key, json: { text: 'Nos mots & les vôtres' } });
    const res = await call(`/api/sessions/${sessionId}/brief?format=odt`, { key });
    expect(res.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
    expect(res.headers.get('content-disposition')).toMatch(/\.odt"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(entries(bytes)).toEqual({ first: 'mimetype', method: 0, extra: 0 });
    expect(new TextDecoder().decode(bytes.subarray(38, 38 + 39))).toBe('application/vnd.oasis.opendocument.text');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['mimetype', 'META-INF/manifest.xml', 'meta.xml', 'styles.xml', 'content.xml']);
    const content = new TextDecoder().decode(files['content.xml']);
    expect(content).toMatch(
      /<text:h text:style-name="Heading_20_1" text:outline-level="1">Synthèse pour la séance #2 — Document odt<\/text:h>/,
    );
    expect(content).toContain('<text:h text:style-name="Heading_20_2" text:outline-level="2">Veille des besoins de la population</text:h>');
    expect(content).toMatch(/<table:table table:name="Table1">.*<table:table-header-rows>/s);
    expect(content).toContain('Nos mots &amp; les vôtres');
    expect(content).toContain('Rédigé par la coordination');
    expect(new TextDecoder().decode(files['styles.xml'])).toContain('style:name="Heading_20_1"');
  });

  it('.docx: Word headings and a table in word/document.xml', async () => {
    const { sessionId } = await answeredPost('Document docx', [{}, {}, {}], { rank: true });
    const res = await call(`/api/sessions/${sessionId}/brief?format=docx`, { key });
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toContain('[Content_Types].xml');
    const doc = new TextDecoder().decode(files['word/document.xml']);
    expect(doc).toMatch(
      /<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">Synthèse pour la séance #2 — Document docx<\/w:t>/,
    );
    expect(doc).toContain(
      '<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Actions à mener collectivement et perspectives',
    );
    expect(doc).toMatch(/<w:tbl>.*<w:tblHeader\/>/s);
    expect(new TextDecoder().decode(files['word/styles.xml'])).toContain('<w:name w:val="heading 1"/>');
  });
});
