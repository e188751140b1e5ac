/**
 * Attack 3 — margins. A survey's breakdown by the profile question (sector) hides the group of
 * one general practitioner, and a complementary group. The curious coordinator reads the
 * profile question's own published counts (results JSON, both CSVs, the series export): they
 * give the size of every hidden group, so "hidden" is only a matter of arithmetic
 * (profile count − visible group sizes; total − visible cells, option by option).
 * Promise: no published figure describes fewer people than the minimum group size, directly or
 * by combining figures: small groups are recoded ("other groups", merged until ≥ m) in the
 * profile question's own counts and in every breakdown alike.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../src/results/results.ts';
import { parseCsv } from '../seeded-cycle.ts';
import { call, callJson, close, crowd, type Scenario, scenario } from './attacker.ts';

/** gp 1, hospital 4, home-care 4: the GP is the singleton; 9 respondents, counted whole in steps of 3. */
async function singleton(name: string, anonymous: boolean) {
  const s = await scenario(name, { anonymous });
  await crowd(s, 'gp', 1, () => ({ usefulness: 1, actions: ['tools-cadastre'], sector: 'gp' }));
  await crowd(s, 'hospital', 4, (i) => ({ usefulness: 4 + (i % 2), actions: ['practice-exchange'], sector: 'hospital' }));
  await crowd(s, 'home', 4, (i) => ({ usefulness: 2 + (i % 2), actions: ['info-services'], sector: 'home-care' }));
  await close(s);
  return s;
}

const small = (count: unknown, m: number) => typeof count === 'number' && count > 0 && count < m;

async function csvRows(s: Scenario, query: string) {
  const res = await call(`/api/surveys/${s.surveyId}/results?format=csv${query}`, { key: s.key });
  expect(res.status).toBe(200);
  const [header = [], ...rows] = parseCsv(await res.text());
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

for (const anonymous of [false, true]) {
  const kind = anonymous ? 'anonymous' : 'named';
  describe(`${anonymous ? 'an' : 'a'} ${kind} survey with a profile group of one`, () => {
    it('the profile question’s own counts (results JSON) publish no group smaller than the minimum', async () => {
      const s = await singleton(`Margins JSON ${kind}`, anonymous);
      const r = await callJson<SurveyResults>(`/api/surveys/${s.surveyId}/results`, { key: s.key });
      const sector = r.questions.find((q) => q.id === 'sector');
      expect(sector?.type).toBe('single');
      if (sector?.type !== 'single') return;
      const published = sector.options.filter((o) => small(o.count, r.min_group_size)).map((o) => `${o.id}=${o.count}`);
      expect(published, 'profile groups under the minimum, published with their size').toEqual([]);
    });

    it('total − visible cells cannot be pinned on a hidden group whose size the profile counts give', async () => {
      const s = await singleton(`Margins breakdown ${kind}`, anonymous);
      const r = await callJson<SurveyResults>(`/api/surveys/${s.surveyId}/results`, { key: s.key });
      const sector = r.questions.find((q) => q.id === 'sector');
      const profileCount = new Map(sector?.type === 'single' ? sector.options.map((o) => [o.id as string | null, o.count]) : []);
      const leaks: string[] = [];
      for (const q of r.questions) {
        const b = q.breakdown;
        if (!b) continue;
        // The attacker: the respondents behind the hidden cells are n − Σ visible groups; the
        // profile question's own counts say how they split between the hidden groups.
        const hidden = b.groups.filter((g) => g.suppressed);
        const hiddenPeople = q.n - b.groups.reduce((sum, g) => sum + (g.n ?? 0), 0);
        for (const g of hidden) {
          const size = profileCount.get(g.id);
          if (small(size, b.min_group_size)) leaks.push(`${q.id}: hidden group ${g.id} has ${size} of the ${hiddenPeople} hidden people`);
        }
        // Every published group, recoded or not, describes at least the minimum.
        for (const g of b.groups) if (small(g.n, b.min_group_size)) leaks.push(`${q.id}: group ${g.id} n=${g.n}`);
      }
      expect(leaks).toEqual([]);
    });

    it('the profile question’s counts in the long CSV and in its own CSV publish no group smaller than the minimum', async () => {
      const s = await singleton(`Margins CSV ${kind}`, anonymous);
      const long = await csvRows(s, '');
      const inLong = long
        .filter((row) => row.question_id === 'sector' && row.measure === 'count' && row.group === '')
        .filter((row) => small(Number(row.value), s.minGroupSize))
        .map((row) => `${row.option_id}=${row.value}`);
      expect(inLong, 'long CSV').toEqual([]);
      const own = await csvRows(s, '&question=sector');
      const inOwn = own.filter((row) => small(Number(row.count), s.minGroupSize)).map((row) => `${row.option_id}=${row.count}`);
      expect(inOwn, 'one question’s CSV').toEqual([]);
    });

    it('the printable page publishes no profile group smaller than the minimum (neither as a number nor as a bar)', async () => {
      const s = await singleton(`Margins HTML ${kind}`, anonymous);
      const res = await call(`/api/surveys/${s.surveyId}/results?format=html`, { key: s.key });
      const html = await res.text();
      const start = html.indexOf('id="q-sector"');
      expect(start).toBeGreaterThan(-1);
      const section = html.slice(start, html.indexOf('<h2', start + 1) === -1 ? undefined : html.indexOf('<h2', start + 1));
      const n = Number(/n = (\d+)/.exec(section)?.[1] ?? 0);
      const published: string[] = [];
      for (const row of section.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)) {
        const cells = row[2] ?? '';
        const count = Number(/<td class="num">(\d+)<\/td>/.exec(cells)?.[1] ?? Number.NaN);
        if (small(count, s.minGroupSize)) published.push(`${row[1]}: ${count}`);
        // The bar alone gives the count back: its width is the share of n.
        const width = Number(/<rect x="0" y="0" width="([\d.]+)" height="10" fill="#1b1b1f"/.exec(cells)?.[1] ?? Number.NaN);
        const fromBar = Math.round((width * n) / 100);
        if (small(fromBar, s.minGroupSize)) published.push(`${row[1]}: bar of ${width}% of ${n}`);
      }
      expect(published, 'profile groups under the minimum on the printable page').toEqual([]);
    });

    it('the series export publishes no profile group smaller than the minimum', async () => {
      const s = await singleton(`Margins export ${kind}`, anonymous);
      const doc = await callJson<{
        surveys: { id: number; results: { options: { question_id: string; option_id: string; n: number }[] } }[];
      }>(`/api/series/${s.seriesId}/export`, { key: s.key });
      const survey = doc.surveys.find((x) => x.id === s.surveyId);
      const published = (survey?.results.options ?? [])
        .filter((o) => o.question_id === 'sector' && small(o.n, s.minGroupSize))
        .map((o) => `${o.option_id}=${o.n}`);
      expect(published, 'sector counts under the minimum in the export').toEqual([]);
    });
  });
}
