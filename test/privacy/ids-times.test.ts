/**
 * Attack 6 — ids, times and ordering. The curious coordinator knows roughly when each person
 * answered (they were in the room, or got a reminder an hour before) and reads every output
 * for a time, a row id or an order that ties an anonymous answer to that moment.
 * Promise: no output exposes an anonymous response's id or a time finer than the day; the
 * series export carries no per-respondent rows for an anonymous survey (texts are ordered by
 * their text: text.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { answer, callJson, crowd, env, invite, scenario, snapshot } from './attacker.ts';

describe('an anonymous survey’s outputs', () => {
  it('show no time of a response or of opening a link finer than the day', async () => {
    const s = await scenario('Times outputs', { anonymous: true });
    const early = await invite(s, ['early-0@example.org', 'early-1@example.org', 'early-2@example.org', 'early-3@example.org']);
    const bob = (await invite(s, ['bob@example.org']))['bob@example.org'] ?? '';
    // What the outputs say before anyone opened a link: times there (the survey's opening…)
    // are not the participants'.
    const baseline = Object.values(await snapshot(s)).join('\n');
    for (const [i, token] of Object.values(early).entries()) await answer(s, token, { usefulness: 2 + i, sector: 'hospital' });
    await callJson(`/api/s/${bob}`);
    await answer(s, bob, { usefulness: 1, sector: 'gp', remarks: 'TIMES-BOB' });

    const { results: responses } = await env.DB.prepare('SELECT created_at, updated_at FROM responses WHERE survey_id = ?')
      .bind(s.surveyId)
      .all<{ created_at: string; updated_at: string }>();
    const { results: invitations } = await env.DB.prepare('SELECT opened_at FROM invitations WHERE survey_id = ? AND opened_at IS NOT NULL')
      .bind(s.surveyId)
      .all<{ opened_at: string }>();
    // Each stored moment finer than the day, to the millisecond as D1 keeps it.
    const moments = new Set(
      [...responses.flatMap((r) => [r.created_at, r.updated_at]), ...invitations.map((i) => i.opened_at)].filter(
        // A midnight is a day written as a time: it says no more than the day.
        (t) => t.includes('T') && !/T00:00(:00(\.0+)?)?Z$/.test(t) && !baseline.includes(t),
      ),
    );
    const outputs = await snapshot(s);
    const exposing = Object.entries(outputs).flatMap(([name, text]) =>
      [...moments].filter((moment) => text.includes(moment)).map((moment) => `${name}: ${moment}`),
    );
    expect(exposing, 'outputs that carry the moment someone opened or answered').toEqual([]);
  });

  it('carry no per-respondent rows or response ids in the series export (guard)', async () => {
    const s = await scenario('Ids export', { anonymous: true });
    await crowd(s, 'people', 4, (i) => ({ usefulness: 2 + (i % 3), sector: 'hospital', remarks: `IDS-${i}` }));
    const doc = await callJson<{ surveys: { id: number; responses: unknown[] }[] }>(`/api/series/${s.seriesId}/export`, { key: s.key });
    expect(doc.surveys.find((x) => x.id === s.surveyId)?.responses).toEqual([]);
    const outputs = await snapshot(s);
    const naming = Object.entries(outputs)
      .filter(([, text]) => /response_id|respondent_key|"respondent"/.test(text))
      .map(([name]) => name);
    expect(naming).toEqual([]);
  });
});
