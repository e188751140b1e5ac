/**
 * Attack 2 — differencing. In an anonymous survey whose results are already released, a
 * curious coordinator snapshots every output (results JSON/CSV/HTML and each question's CSV,
 * the brief in every format, the series export, the invitation and participant lists, the
 * survey and session), waits for one known person to answer (or to change their answers),
 * and snapshots again: whatever moved is that person's answer. A webhook receiver does the
 * same with one event per submission carrying the count.
 * Promise: an anonymous survey's outputs move only in steps of at least the minimum group
 * size, so no difference between two moments describes fewer people than the minimum.
 * Compared byte for byte, except the facts of *who* answered (answered flags, counts and rate,
 * a participant's state, how many submissions wait): the coordinator may know who answered,
 * never what (attacker.ts, whatWasAnswered). The export's own time stamp is set aside too.
 */
import { describe, expect, it } from 'vitest';
import {
  answer,
  callJson,
  crowd,
  differing,
  differingAnswers,
  invite,
  scenario,
  signedIn,
  snapshot,
  webhookReceiver,
  workspaceSnapshot,
} from './attacker.ts';

const BOB = { usefulness: 1, actions: ['tools-cadastre'], sector: 'gp' as const, remarks: 'DIFF-BOB-REMARK', proposal: 'DIFF-BOB-THEME' };
const usual = (i: number) => ({
  usefulness: 3 + (i % 3),
  actions: ['practice-exchange'],
  sector: 'hospital' as const,
  remarks: `Réunion utile, merci ${i}`,
});

/** An anonymous survey with 6 responses released (≥ m), and Bob invited, who has opened his link. */
async function released(name: string) {
  const s = await scenario(name, { anonymous: true });
  const tokens = await crowd(s, 'early', 6, usual);
  const bob = (await invite(s, ['bob@example.org']))['bob@example.org'] ?? '';
  // Bob opens his link before the first snapshot: the attack is about his answer, not his visit.
  await callJson(`/api/s/${bob}`);
  return { s, tokens, bob };
}

describe('snapshots before and after one known person answers', () => {
  it('one named invitee answering an anonymous survey changes no output at all (results, brief, export, lists)', async () => {
    const { s, bob } = await released('Differencing one answer');
    const before = await snapshot(s);
    await answer(s, bob, BOB);
    const after = await snapshot(s);
    expect(differingAnswers(before, after), 'outputs that moved when Bob alone answered').toEqual([]);
  });

  it('one named invitee answering an anonymous survey changes none of the workspace’s pages (series, session, participants)', async () => {
    const { s, bob } = await released('Differencing workspace pages');
    const browser = await signedIn(s);
    const before = await workspaceSnapshot(s, browser);
    await answer(s, bob, BOB);
    const after = await workspaceSnapshot(s, browser);
    expect(differingAnswers(before, after), 'workspace pages that moved when Bob alone answered').toEqual([]);
  });

  it('one earlier respondent changing their answers changes no output at all', async () => {
    const { s, tokens } = await released('Differencing one change');
    const before = await snapshot(s);
    await answer(s, tokens['early-0@example.org'] ?? '', BOB);
    const after = await snapshot(s);
    expect(differingAnswers(before, after), 'outputs that moved when one respondent changed their answers').toEqual([]);
  });

  it('guard: once at least the minimum number of people have answered since the last release, the results do move', async () => {
    const { s, bob } = await released('Differencing release step');
    const before = await snapshot(s);
    await answer(s, bob, BOB);
    await crowd(s, 'late', s.minGroupSize, () => BOB);
    // At closing at the latest, everything accumulated is released.
    await callJson(`/api/surveys/${s.surveyId}/close`, { method: 'POST', key: s.key });
    const after = await snapshot(s);
    expect(differing(before, after)).toContain('results.json');
  });
});

describe('a webhook receiver counting submissions', () => {
  it('receives no event for a single anonymous submission (nothing that carries a count per response)', async () => {
    const { s, bob } = await released('Differencing webhooks');
    const received = await webhookReceiver(s);
    await answer(s, bob, BOB);
    const events = await received();
    expect(
      events.map((e) => `${e.event} responses=${String(e.body.data.responses)} at ${e.body.occurred_at}`),
      'events a receiver got for one anonymous submission',
    ).toEqual([]);
  });

  it('never receives response.submitted for an anonymous survey, only steps of at least the minimum', async () => {
    const { s, bob } = await released('Differencing webhook steps');
    const received = await webhookReceiver(s);
    await answer(s, bob, BOB);
    await crowd(s, 'step', s.minGroupSize - 1, () => BOB);
    const events = await received();
    expect(events.filter((e) => e.event === 'response.submitted')).toEqual([]);
    // A release describes at least the minimum number of new responses.
    let last = 6;
    for (const e of events.filter((x) => x.event === 'responses.released')) {
      const n = e.body.data.responses;
      if (typeof n !== 'number') continue;
      expect(n - last).toBeGreaterThanOrEqual(s.minGroupSize);
      last = n;
    }
  });
});

describe('times in the invitation list of an anonymous survey', () => {
  it('says when people opened or answered no finer than the day', async () => {
    const { s, bob } = await released('Differencing times');
    await answer(s, bob, BOB);
    const { invitations } = await callJson<{ invitations: Record<string, unknown>[] }>(`/api/surveys/${s.surveyId}/invitations`, {
      key: s.key,
    });
    for (const inv of invitations) {
      for (const field of ['opened_at', 'answered_at', 'updated_at', 'submitted_at']) {
        const value = inv[field];
        if (value === undefined || value === null) continue;
        // The day, written as a date or as its midnight.
        expect(String(value), `${field} of an invitation of an anonymous survey`).toMatch(/^\d{4}-\d{2}-\d{2}(T00:00(:00(\.000)?)?Z)?$/);
      }
    }
  });
});
