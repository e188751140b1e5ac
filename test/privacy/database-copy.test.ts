/**
 * Attack 9 — someone with a copy of D1 (a backup, D1 time travel, an operator). After people
 * answer an anonymous survey (through both write paths, with and without Idempotency-Key),
 * they read every table looking for a row that joins an answer to an invitation (its id, its
 * token hash, its address), for times finer than the day, and for rows in submission order.
 * Promise: nothing in D1 links an anonymous answer to a person.
 */
import { describe, expect, it } from 'vitest';
import { call, env, invite, postAnswers, type Scenario, scenario } from './attacker.ts';

const COUNT = 12;
const remarkOf = (i: number) => `DBCOPY-REMARK-${i}-${'abcdefghijkl'[i]}`;

/** Twelve invitees (counted whole, in one step) answer one after the other, through both write paths, some with Idempotency-Key. */
async function answered(name: string): Promise<{ s: Scenario; order: string[] }> {
  // A minimum of 12: the twelve are counted in one step, so no order within it is excusable.
  const s = await scenario(name, { anonymous: true, minGroupSize: COUNT });
  const emails = Array.from({ length: COUNT }, (_, i) => `person-${i}@example.org`);
  const tokens = await invite(s, emails);
  const order: string[] = [];
  for (const [i, email] of emails.entries()) {
    const json = {
      answers: postAnswers(s, { usefulness: 1 + (i % 5), sector: 'hospital', remarks: remarkOf(i) }),
      // Half name their survey: the one-call write path (src/responses/known-surveys.ts).
      ...(i % 2 ? { survey_id: s.surveyId } : {}),
    };
    const headers: Record<string, string> = i % 3 === 0 ? { 'Idempotency-Key': `submit-${i}` } : {};
    const res = await call(`/api/s/${tokens[email]}`, { method: 'PUT', json, headers });
    expect(res.status).toBe(200);
    order.push(remarkOf(i));
  }
  return { s, order };
}

async function tables(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string }>();
  return results.map((r) => r.name);
}

describe('a copy of D1 after anonymous submissions', () => {
  it('has no row that holds an anonymous answer together with an invitation’s id, token hash or address', async () => {
    const { s } = await answered('Database copy links');
    const { results: invitations } = await env.DB.prepare('SELECT id, email, token_hash FROM invitations WHERE survey_id = ?')
      .bind(s.surveyId)
      .all<{ id: number; email: string; token_hash: string }>();
    const { results: responses } = await env.DB.prepare('SELECT invitation_id, respondent_key FROM responses WHERE survey_id = ?')
      .bind(s.surveyId)
      .all<{ invitation_id: number | null; respondent_key: string }>();
    expect(responses.map((r) => r.invitation_id).filter((id) => id !== null)).toEqual([]);
    for (const r of responses) {
      expect(r.respondent_key.startsWith('i:')).toBe(false);
      expect(invitations.some((i) => r.respondent_key.includes(i.token_hash))).toBe(false);
    }

    const linking: string[] = [];
    for (const table of await tables()) {
      const { results: rows } = await env.DB.prepare(`SELECT * FROM "${table}"`).all<Record<string, unknown>>();
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (!text.includes('DBCOPY-REMARK')) continue;
        for (const i of invitations) {
          if (text.includes(i.token_hash)) linking.push(`${table}: answer with the token hash of invitation ${i.id}`);
          if (text.includes(i.email)) linking.push(`${table}: answer with the address of invitation ${i.id}`);
          if (row.invitation_id === i.id) linking.push(`${table}: answer with invitation_id ${i.id}`);
        }
      }
      // A row keyed by an invitation's token hash that holds any answer of this survey.
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (table !== 'invitations' && invitations.some((i) => text.includes(i.token_hash)) && /usefulness|DBCOPY/.test(text)) {
          linking.push(`${table}: a row keyed by a token hash holds answers`);
        }
      }
    }
    expect([...new Set(linking)], 'rows of D1 that join an anonymous answer to a person').toEqual([]);
  });

  it('keeps the times of anonymous responses to the day', async () => {
    const { s } = await answered('Database copy times');
    const { results } = await env.DB.prepare('SELECT created_at, updated_at FROM responses WHERE survey_id = ?')
      .bind(s.surveyId)
      .all<{ created_at: string; updated_at: string }>();
    const precise = results.flatMap((r) => [r.created_at, r.updated_at]).filter((t) => !/^\d{4}-\d{2}-\d{2}$/.test(t));
    expect(precise, 'times of anonymous responses finer than the day').toEqual([]);
  });

  it('does not store anonymous responses in submission order (by responses.id)', async () => {
    // Twelve responses: a random order is increasing once in 12! (479 million) runs.
    const { s, order } = await answered('Database copy order');
    const { results } = await env.DB.prepare(
      `SELECT a.text FROM responses r JOIN answers a ON a.response_id = r.id
        WHERE r.survey_id = ? AND a.question_id = 'remarks' ORDER BY r.id`,
    )
      .bind(s.surveyId)
      .all<{ text: string }>();
    expect(results).toHaveLength(COUNT);
    expect(
      results.map((r) => r.text),
      'anonymous answers read back in the order people submitted them',
    ).not.toEqual(order);
  });

  it('does not store anonymous answers in submission order (by the answers’ rowid)', async () => {
    const { s, order } = await answered('Database copy rowid');
    const { results } = await env.DB.prepare(`SELECT text FROM answers WHERE survey_id = ? AND question_id = 'remarks' ORDER BY rowid`)
      .bind(s.surveyId)
      .all<{ text: string }>();
    expect(
      results.map((r) => r.text),
      'anonymous answers read back in the order people submitted them',
    ).not.toEqual(order);
  });
});
