/** The demo cycle (scripts/demo-data.ts) seeded into the test D1, and its raw rows for hand counts. */
import { demoSeed } from '../scripts/demo-data.ts';
import { newApiKey } from '../src/coordinators/keys.ts';
import { sha256Hex } from '../src/lib/crypto.ts';
import { env } from './helpers.ts';

export async function seedDemoCycle(): Promise<string> {
  const { key, hash } = await newApiKey();
  const statements = await demoSeed({ coordinatorKeyHash: hash, participantTokenHash: await sha256Hex(crypto.randomUUID()) });
  await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
  return key;
}

export interface RawAnswer {
  response_id: number;
  question_id: string;
  option_id: string | null;
  theme_id: number | null;
  rank: number | null;
  number: number | null;
  text: string | null;
}

/** Every answer row of a survey, uncounted: tests count them by hand in JavaScript. */
export async function rawAnswers(surveyId: number): Promise<RawAnswer[]> {
  const { results } = await env.DB.prepare(
    'SELECT response_id, question_id, option_id, theme_id, rank, number, text FROM answers WHERE survey_id = ?',
  )
    .bind(surveyId)
    .all<RawAnswer>();
  return results;
}

export const respondentsTo = (rows: RawAnswer[], question: string) =>
  new Set(rows.filter((r) => r.question_id === question).map((r) => r.response_id)).size;

export const countOf = (rows: RawAnswer[], question: string, option: string) =>
  rows.filter((r) => r.question_id === question && r.option_id === option).length;

/** Borda by hand: every ranked row gives K − rank + 1 points to its option (or to a key of it). */
export function handBorda(
  rows: RawAnswer[],
  question: string,
  k: number,
  keyOf: (r: RawAnswer) => string | number = (r) => r.option_id ?? '',
) {
  const totals = new Map<string | number, { borda: number; ranked: number; first: number }>();
  for (const r of rows) {
    if (r.question_id !== question || r.rank === null) continue;
    const t = totals.get(keyOf(r)) ?? { borda: 0, ranked: 0, first: 0 };
    t.borda += k - r.rank + 1;
    t.ranked += 1;
    t.first += r.rank === 1 ? 1 : 0;
    totals.set(keyOf(r), t);
  }
  return totals;
}

/** Reads a CSV response, failing unless it starts with the UTF-8 byte-order mark. */
export async function readCsv(res: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('CSV without BOM');
  return parseCsv(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
}

/** Parses our CSV (quoted cells, CRLF) back into rows; the separator is the header's (`;`, tab or `,`). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const header = body.slice(0, body.indexOf('\r\n'));
  const separator = header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
