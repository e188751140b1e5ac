/** GET /api/surveys/:id/results on the seeded demo cycle: every figure recounted from the raw answers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/http/headers.ts';
import { ASSETS } from '../src/pages/assets.ts';
import type { QuestionResult, SurveyResults } from '../src/results/results.ts';
import { call, callJson, createCoordinator, env } from './helpers.ts';
import { countOf, handBorda, rawAnswers, readCsv, respondentsTo, seedDemoCycle } from './seeded-cycle.ts';

const PRE_2 = 900003;
const POST_2 = 900004;
const POST_1 = 900002;
const DRAFT_POST_3 = 900006;
const MIN = 3;

let key = '';
beforeAll(async () => {
  key = await seedDemoCycle();
});

const results = (id: number, query = '') => callJson<SurveyResults>(`/api/surveys/${id}/results${query}`, { key });
const question = <T extends QuestionResult['type']>(r: SurveyResults, id: string) => {
  const q = r.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q as Extract<QuestionResult, { type: T }>;
};

describe('access', () => {
  it('needs a coordinator key, and answers 404 for another organisation’s survey or a malformed id', async () => {
    expect((await call(`/api/surveys/${PRE_2}/results`)).status).toBe(401);
    const other = await createCoordinator('Autre bassin');
    expect((await call(`/api/surveys/${PRE_2}/results`, { key: other })).status).toBe(404);
    expect((await call('/api/surveys/abc/results', { key })).status).toBe(404);
    expect((await call('/api/surveys/12345/results', { key })).status).toBe(404);
  });

  it('refuses bad query parameters with a problem naming the field', async () => {
    for (const [query, field] of [
      ['?format=xml', 'format'],
      ['?lang=de', 'lang'],
      ['?question=Not%20an%20id', 'question'],
      ['?question=nope', 'question'],
    ] as const) {
      const res = await call(`/api/surveys/${PRE_2}/results${query}`, { key });
      expect(res.status, query).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { errors: { field: string }[] };
      expect(body.errors.map((e) => e.field)).toContain(field);
    }
  });
});

describe('results of the pre-survey of #2', () => {
  it('counts participation from the invitations', async () => {
    const r = await results(PRE_2);
    const inv = await env.DB.prepare('SELECT opened_at, answered FROM invitations WHERE survey_id = ?').bind(PRE_2).all<{
      opened_at: string | null;
      answered: number;
    }>();
    const answered = inv.results.filter((i) => i.answered === 1).length;
    expect(r.participation).toMatchObject({
      invited: inv.results.length,
      opened: inv.results.filter((i) => i.opened_at).length,
      answered,
      answer_rate: Math.round((answered / inv.results.length) * 10000) / 10000,
    });
    expect(r.participation.over_time.at(-1)?.cumulative).toBe(answered);
    expect(r.withheld).toBe(false);
  });

  it('counts every option of the choice questions, with shares of the question’s respondents', async () => {
    const r = await results(PRE_2);
    const raw = await rawAnswers(PRE_2);
    for (const id of ['expectations', 'sector', 'organisation-type', 'commune']) {
      const q = question<'single' | 'multiple'>(r, id);
      const n = respondentsTo(raw, id);
      expect(q.n).toBe(n);
      for (const o of q.options) {
        // The profile question's small groups are published together, as in every breakdown.
        const merged = o.id === '_other' ? (o.recoded_from ?? []) : [o.id];
        expect(o.count, `${id}/${o.id}`).toBe(merged.reduce((s, m) => s + countOf(raw, id, m), 0));
        expect(o.share).toBeCloseTo(o.count / n, 3);
      }
    }
  });

  it('ranks the themes by Borda total, first choices and label, with every figure from a hand count', async () => {
    const r = await results(PRE_2);
    const raw = await rawAnswers(PRE_2);
    const q = question<'ranking'>(r, 'themes');
    const hand = handBorda(raw, 'themes', 3);
    expect(q.ranking.method).toMatchObject({ name: 'borda', k: 3, n: respondentsTo(raw, 'themes') });
    for (const item of q.ranking.items) {
      const h = hand.get(item.id) ?? { borda: 0, ranked: 0, first: 0 };
      expect([item.borda, item.ranked, item.first], item.id).toEqual([h.borda, h.ranked, h.first]);
      expect(item.mean_borda).toBeCloseTo(h.borda / q.n, 2);
    }
    q.ranking.items.forEach((item, i) => {
      const before = q.ranking.items[i - 1];
      if (!before) {
        expect(item.place).toBe(1);
        return;
      }
      expect(before.borda > item.borda || (before.borda === item.borda && before.first >= item.first)).toBe(true);
      const tie = before.borda === item.borda && before.first === item.first;
      expect(item.place).toBe(tie ? before.place : i + 1);
      if (tie) expect(item.tied && before.tied).toBe(true);
    });
  });

  it('breaks answers down by sector without showing any cell under the minimum group size', async () => {
    const r = await results(PRE_2);
    const raw = await rawAnswers(PRE_2);
    const sectorOf = new Map(raw.filter((a) => a.question_id === 'sector').map((a) => [a.response_id, a.option_id]));
    for (const id of ['expectations', 'themes', 'commune']) {
      const q = question(r, id);
      const b = q.breakdown;
      if (!b?.rows) throw new Error(`no breakdown for ${id}`);
      expect(b.min_group_size).toBe(MIN);
      b.groups.forEach((g, gi) => {
        const groups = g.id === '_other' ? (g.recoded_from ?? []) : [g.id];
        const members = new Set(
          raw.filter((a) => a.question_id === id && groups.includes(sectorOf.get(a.response_id) ?? null)).map((a) => a.response_id),
        );
        if (g.suppressed) expect(g.n).toBeNull();
        else {
          expect(g.n).toBe(members.size);
          expect(g.n === 0 || (g.n ?? 0) >= MIN).toBe(true);
        }
        for (const row of b.rows ?? []) {
          const cell = row.cells[gi];
          const count = raw.filter((a) => a.question_id === id && a.option_id === row.id && members.has(a.response_id)).length;
          if (cell?.suppressed) expect(cell.count).toBeNull();
          else {
            expect(cell?.count, `${id}/${row.id}/${g.id}`).toBe(count);
            expect(count === 0 || count >= MIN).toBe(true);
          }
        }
      });
      // A lone hidden cell in a row could be worked out from the row's published total.
      for (const row of b.rows) expect(row.cells.filter((c) => c.suppressed).length).not.toBe(1);
      expect(b.groups.filter((g) => g.suppressed).length).not.toBe(1);
    }
  });

  it('groups theme proposals that differ only by case, accents or spacing', async () => {
    const r = await results(PRE_2);
    const raw = await rawAnswers(PRE_2);
    const q = question<'text'>(r, 'theme-proposal');
    const texts = raw.filter((a) => a.question_id === 'theme-proposal');
    expect(q.groups.reduce((s, g) => s + g.count, 0)).toBe(texts.length);
    const keys = q.groups.map((g) => g.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim());
    expect(new Set(keys).size).toBe(keys.length);
    expect(JSON.stringify(r)).not.toMatch(/response_id|invitation_id|respondent_key|email/);
  });
});

describe('results of the post-survey of #2', () => {
  it('gives n, mean, median and the distribution of each rating', async () => {
    const r = await results(POST_2);
    const raw = await rawAnswers(POST_2);
    for (const id of ['usefulness', 'mutual-knowledge']) {
      const q = question<'rating'>(r, id);
      const values = raw
        .filter((a) => a.question_id === id)
        .map((a) => a.number ?? 0)
        .sort((a, b) => a - b);
      const n = values.length;
      const median = n % 2 ? values[(n - 1) / 2] : ((values[n / 2 - 1] ?? 0) + (values[n / 2] ?? 0)) / 2;
      expect(q.n).toBe(n);
      expect(q.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / n, 2);
      expect(q.median).toBe(median);
      for (const b of q.distribution) expect(b.count).toBe(values.filter((v) => v === b.value).length);
    }
  });
});

describe('a survey of 2 respondents', () => {
  it('is withheld except its participation count', async () => {
    const def = await env.DB.prepare('SELECT definition FROM surveys WHERE id = ?').bind(DRAFT_POST_3).first<{ definition: string }>();
    expect(def).not.toBeNull();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO responses (id, survey_id, respondent_key, language, answers_hash, definition_version)
         VALUES (990001, ?1, 'two-1', 'fr', 'h', 1), (990002, ?1, 'two-2', 'fr', 'h', 1)`,
      ).bind(DRAFT_POST_3),
      env.DB.prepare(
        `INSERT INTO answers (response_id, survey_id, question_id, number, text)
         VALUES (990001, ?1, 'usefulness', 5, NULL), (990002, ?1, 'usefulness', 1, NULL), (990002, ?1, 'remarks', NULL, 'Secret de Polichinelle')`,
      ).bind(DRAFT_POST_3),
    ]);
    const r = await results(DRAFT_POST_3);
    expect(r.withheld).toBe(true);
    expect(r.participation.responses).toBe(2);
    expect(r.questions).toEqual([]);
    const csv = await (await call(`/api/surveys/${DRAFT_POST_3}/results?format=csv`, { key })).text();
    expect(csv).not.toContain('Polichinelle');
    expect(csv).toContain('withheld');
    const page = await (await call(`/api/surveys/${DRAFT_POST_3}/results?format=html`, { key })).text();
    expect(page).not.toContain('Polichinelle');
  });
});

describe('CSV exports', () => {
  it('gives the long format as UTF-8 with a BOM, one figure per row with its n and method, in the series’ language’s decimal mark', async () => {
    const res = await call(`/api/surveys/${POST_2}/results?format=csv`, { key });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9.-]+\.csv"$/);
    const rows = await readCsv(res);
    const [header, ...body] = rows;
    expect(header).toEqual([
      'survey_id',
      'question_id',
      'question',
      'type',
      'option_id',
      'option',
      'group',
      'measure',
      'value',
      'n',
      'method',
    ]);
    const json = await results(POST_2);
    const usefulness = question<'rating'>(json, 'usefulness');
    const mean = body.find((r) => r[1] === 'usefulness' && r[7] === 'mean' && r[6] === '');
    // A French series read without ?lang= nor Accept-Language: `;` and a decimal comma.
    expect(mean?.[8]).toBe(String(usefulness.mean).replace('.', ','));
    expect(mean?.[9]).toBe(String(usefulness.n));
    expect(mean?.[10]).not.toBe('');
    expect(body.every((r) => r.length === header?.length)).toBe(true);
  });

  it('gives one question as its own table', async () => {
    const res = await call(`/api/surveys/${PRE_2}/results?question=themes&format=csv`, { key });
    const [header, ...body] = await readCsv(res);
    expect(header?.slice(0, 5)).toEqual(['place', 'tied', 'option_id', 'option', 'borda']);
    const json = await results(PRE_2, '?question=themes');
    expect(json.questions.map((q) => q.id)).toEqual(['themes']);
    const q = question<'ranking'>(json, 'themes');
    expect(body.map((r) => [r[2], r[4]])).toEqual(q.ranking.items.map((i) => [i.id, String(i.borda)]));
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    const evil = ['=HYPERLINK("https://evil.example","clic")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
    await env.DB.batch([
      ...evil.map((_, i) =>
        env.DB.prepare(
          `INSERT INTO responses (id, survey_id, respondent_key, language, answers_hash, definition_version) VALUES (?, ?, ?, 'fr', 'h', 1)`,
        ).bind(991000 + i, POST_1, `evil-${i}`),
      ),
      ...evil.map((text, i) =>
        env.DB.prepare(`INSERT INTO answers (response_id, survey_id, question_id, text) VALUES (?, ?, 'remarks', ?)`).bind(
          991000 + i,
          POST_1,
          text,
        ),
      ),
    ]);
    for (const query of ['?format=csv', '?question=remarks&format=csv']) {
      const cells = (await readCsv(await call(`/api/surveys/${POST_1}/results${query}`, { key }))).flat();
      for (const text of evil) expect(cells, query).toContain(`'${text}`);
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    }
  });
});

describe('the printable results page', () => {
  it('is served for a browser’s Accept, with the page headers, SVG bars and no inline style or script', async () => {
    const res = await call(`/api/surveys/${PRE_2}/results`, { key, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/\sstyle=|<style|<script/);
    expect(page).toContain(ASSETS['brief.css']);
    // The numbers are in the table as text, not only drawn.
    const q = question<'ranking'>(await results(PRE_2), 'themes');
    const top = q.ranking.items[0];
    expect(page).toContain(`<td class="num">${top?.borda}</td>`);
  });
});
