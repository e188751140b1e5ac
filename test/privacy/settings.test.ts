/**
 * Attack 5 — settings after the fact. Once answers are in, the curious coordinator lowers the
 * series' minimum group size (PATCH /api/series/:id {min_group_size: 1}) to make every hidden
 * cell appear, or runs an anonymous survey in a series whose minimum is 1. (Re-opening a
 * closed survey to read answers back through a new link: read-back.test.ts.)
 * Promise: the minimum can only go up once a survey of the series has a response, never
 * below 3 for an anonymous survey, and every change of it is in the audit log.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../src/results/results.ts';
import { call, callJson, close, crowd, type Scenario, scenario } from './attacker.ts';

async function withSingleton(name: string, anonymous: boolean) {
  const s = await scenario(name, { anonymous });
  // 9 respondents, the GP first: an anonymous survey counts them whole, in steps of 3.
  await crowd(s, 'gp', 1, () => ({ usefulness: 1, actions: ['tools-cadastre'], sector: 'gp' }));
  await crowd(s, 'hospital', 4, () => ({ usefulness: 4, actions: ['practice-exchange'], sector: 'hospital' }));
  await crowd(s, 'home', 4, () => ({ usefulness: 2, actions: ['info-services'], sector: 'home-care' }));
  await close(s);
  return s;
}

const results = (s: Scenario) => callJson<SurveyResults>(`/api/surveys/${s.surveyId}/results`, { key: s.key });
const hiddenCells = (r: SurveyResults) =>
  r.questions.flatMap((q) => [
    ...(q.breakdown?.groups ?? []).filter((g) => g.suppressed).map((g) => `${q.id}:group:${g.id}`),
    ...(q.breakdown?.rows ?? []).flatMap((row) => row.cells.flatMap((c, i) => (c.suppressed ? [`${q.id}:${row.id}:${i}`] : []))),
  ]);

for (const anonymous of [false, true]) {
  const kind = anonymous ? 'anonymous' : 'named';
  describe(`lowering the minimum once ${anonymous ? 'an' : 'a'} ${kind} survey has answers`, () => {
    for (const lower of [1, 2]) {
      it(`PATCH min_group_size ${lower} is refused with a problem naming min_group_size, and hidden cells stay hidden`, async () => {
        const s = await withSingleton(`Settings lower ${lower} ${kind}`, anonymous);
        const before = await results(s);
        const res = await call(`/api/series/${s.seriesId}`, { method: 'PATCH', key: s.key, json: { min_group_size: lower } });
        const after = await results(s);
        expect(hiddenCells(after), 'cells hidden before the change and shown after').toEqual(hiddenCells(before));
        // Whatever the gate hides or recodes, nothing about the results moves.
        expect(after).toEqual(before);
        expect(res.status, 'lowering the minimum after answers').toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const body = (await res.json()) as { errors?: { field: string }[] };
        expect(body.errors?.map((e) => e.field)).toContain('min_group_size');
      });
    }
  });
}

describe('the audit log', () => {
  it('records every change of the minimum group size (here raising it, which is allowed)', async () => {
    const s = await withSingleton('Settings audit', false);
    const changed = await callJson<{ min_group_size: number }>(`/api/series/${s.seriesId}`, {
      method: 'PATCH',
      key: s.key,
      json: { min_group_size: 5 },
    });
    expect(changed.min_group_size).toBe(5);
    const { entries } = await callJson<{ entries: { action: string; target: string; detail: string | null }[] }>('/api/audit', {
      key: s.key,
    });
    const recorded = entries.filter((e) => e.target.endsWith(`:${s.seriesId}`) && /min/i.test(`${e.action} ${e.detail ?? ''}`));
    expect(recorded, 'audit entries for the change of min_group_size').not.toEqual([]);
  });
});

describe('an anonymous survey in a series whose minimum is 1', () => {
  it('still withholds results of fewer than 3 respondents (results and export)', async () => {
    const s = await scenario('Settings floor', { anonymous: true, minGroupSize: 1 });
    await crowd(s, 'two', 2, (i) => ({ usefulness: 1 + i, actions: ['tools-cadastre'], sector: 'gp', remarks: `SETTINGS-FLOOR-${i}` }));
    // Closing counts what nothing counted before: the gate alone must now withhold it.
    await close(s);
    const r = await results(s);
    expect(r.min_group_size).toBeGreaterThanOrEqual(3);
    expect(r.withheld).toBe(true);
    expect(JSON.stringify(r)).not.toContain('SETTINGS-FLOOR');
    const brief = await call(`/api/sessions/${s.sessionId}/brief?format=md`, { key: s.key });
    expect(await brief.text()).not.toContain('SETTINGS-FLOOR');
    const doc = await callJson<{
      surveys: { id: number; results: { options: unknown[]; ratings: unknown[]; questions?: unknown[] } }[];
    }>(`/api/series/${s.seriesId}/export`, { key: s.key });
    const exported = doc.surveys.find((x) => x.id === s.surveyId)?.results;
    expect(exported?.options).toEqual([]);
    expect(exported?.ratings).toEqual([]);
    expect(exported?.questions ?? []).toEqual([]);
  });
});
