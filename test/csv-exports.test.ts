/**
 * Every CSV export — results (long and one question), the brief, the personal links — comes
 * out of one writer: the reader's separator and decimal mark (Excel in French or Dutch
 * (Belgium) splits on `;` and reads `0,75`; in English `,` and `0.75`), a BOM, and a text
 * that a spreadsheet would run as a formula neutralised the same way in each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { csvDialect, csvDocument } from '../src/lib/csv.ts';
import { call, callJson, tokenOf } from './helpers.ts';
import { parseCsv, readCsv } from './seeded-cycle.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

let key: string;
let email: string;
let surveyId: number;
let sessionId: number;
const FORMULAS = ['=1+1', '+SUM(A1)', '-2+3', '@cmd'];

beforeAll(async () => {
  ({ key, email } = await workspaceCoordinator('Bassin CSV'));
  // A French series: its language is the fallback reader's.
  const series = await callJson<{ id: number }>('/api/series', {
    method: 'POST',
    key,
    json: { title: 'Tableurs', min_group_size: 1 },
    expect: 201,
  });
  await callJson(`/api/series/${series.id}/themes`, { method: 'POST', key, json: { label: { fr: '=1+1' } }, expect: 201 });
  sessionId = (
    await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2099-03-01T12:00:00Z' },
      expect: 201,
    })
  ).id;
  surveyId = (
    await callJson<{ id: number }>(`/api/sessions/${sessionId}/surveys`, { method: 'POST', key, json: { kind: 'post' }, expect: 201 })
  ).id;
  await callJson(`/api/surveys/${surveyId}/open`, { method: 'POST', key });
  const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
    method: 'POST',
    key,
    json: { participants: FORMULAS.map((name, i) => ({ email: `csv${i}@example.org`, name })) },
    expect: 201,
  });
  const survey = await callJson<{ questions: { id: string; options?: { id: string }[] }[] }>(`/api/surveys/${surveyId}`, { key });
  const theme = survey.questions.find((q) => q.id === 'themes')?.options?.[0]?.id ?? '';
  // Usefulness 4, 4, 4 and 3: a mean of 3.75 (the first mean row of each file: the whole room's), which French Excel reads only as `3,75`.
  for (const [i, invitation] of invitations.entries()) {
    await callJson(`/api/s/${tokenOf(invitation.url)}`, {
      method: 'PUT',
      json: { answers: { usefulness: i === 3 ? 3 : 4, themes: [theme], remarks: FORMULAS[i] } },
    });
  }
});

const exports = () => ({
  'results (long)': `/api/surveys/${surveyId}/results?format=csv`,
  'results (one question)': `/api/surveys/${surveyId}/results?format=csv&question=usefulness`,
  brief: `/api/sessions/${sessionId}/brief?format=csv`,
});

async function text(res: Response) {
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).slice(1);
}

/** The mean of the usefulness rating as the file writes it, whatever the export's shape. */
function meanCell(rows: string[][]): string | undefined {
  const [header = [], ...body] = rows;
  if (header[0] === 'value') return body[0]?.[header.indexOf('mean')];
  const measure = header.indexOf('measure');
  return body.find((r) => r.includes('usefulness') && r[measure] === 'mean')?.[header.indexOf('value')];
}

describe('separator and decimal mark of the reader', () => {
  it('writes `;` and a decimal comma for French and Dutch readers, `,` and a point for English ones', async () => {
    for (const [name, path] of Object.entries(exports())) {
      for (const [lang, separator, mean] of [
        ['fr', ';', '3,75'],
        ['nl', ';', '3,75'],
        ['en', ',', '3.75'],
      ] as const) {
        const body = await text(await call(`${path}&lang=${lang}`, { key }));
        const header = body.slice(0, body.indexOf('\r\n'));
        expect(header.split(separator).length, `${name} ${lang}`).toBeGreaterThan(2);
        expect(meanCell(parseCsv(body)), `${name} ${lang}`).toBe(mean);
      }
    }
  });

  it('takes the language from Accept-Language when ?lang= is absent, else from the series', async () => {
    const path = exports()['results (one question)'];
    expect(await text(await call(path, { key, headers: { 'accept-language': 'en-GB,en;q=0.8' } }))).toMatch(/^value,count,/);
    expect(await text(await call(path, { key, headers: { 'accept-language': 'nl-BE' } }))).toMatch(/^value;count;/);
    expect(await text(await call(path, { key }))).toMatch(/^value;count;/);
    // ?lang= wins over the browser.
    expect(await text(await call(`${path}&lang=en`, { key, headers: { 'accept-language': 'fr-BE' } }))).toMatch(/^value,count,/);
  });

  it('lets ?sep= choose `;`, `,` or a tab, and refuses another separator naming the field', async () => {
    const path = exports()['results (one question)'];
    const tab = await text(await call(`${path}&lang=fr&sep=tab`, { key }));
    expect(tab).toMatch(/^value\tcount\t/);
    expect(meanCell(parseCsv(tab))).toBe('3,75');
    // A comma separator always comes with a decimal point: a number never splits in two.
    const comma = await text(await call(`${path}&lang=fr&sep=,`, { key }));
    expect(comma).toMatch(/^value,count,/);
    expect(meanCell(parseCsv(comma))).toBe('3.75');
    expect(await text(await call(`${path}&lang=en&sep=${encodeURIComponent(';')}`, { key }))).toMatch(/^value;count;/);
    const bad = await call(`${path}&sep=pipe`, { key });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('"sep"');
  });

  it('leaves the JSON numbers alone', async () => {
    const json = await callJson<{ questions: { id: string; mean?: number }[] }>(`/api/surveys/${surveyId}/results?lang=fr`, { key });
    expect(json.questions.find((q) => q.id === 'usefulness')?.mean).toBe(3.75);
  });

  it('writes the personal links CSV in the workspace’s language, ?sep= too', async () => {
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/surveys/${surveyId}/participants?lang=nl`);
    expect(await text(await browser.post(`/app/surveys/${surveyId}/links.csv`))).toMatch(/^email;name;language;link\r\n/);
    await browser.get(`/app/surveys/${surveyId}/participants?lang=en`);
    expect(await text(await browser.post(`/app/surveys/${surveyId}/links.csv`))).toMatch(/^email,name,language,link\r\n/);
    expect(await text(await browser.post(`/app/surveys/${surveyId}/links.csv?sep=tab`))).toMatch(/^email\tname\tlanguage\tlink\r\n/);
  });
});

describe('formula neutralisation, the same in every export', () => {
  it('prefixes a text starting with = + - or @ with an apostrophe, in results, brief and links', async () => {
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/surveys/${surveyId}/participants?lang=fr`);
    const files: Record<string, string[][]> = {
      'results (long)': await readCsv(await call(`${exports()['results (long)']}&lang=fr`, { key })),
      'results (remarks)': await readCsv(await call(`/api/surveys/${surveyId}/results?format=csv&question=remarks&lang=en`, { key })),
      brief: await readCsv(await call(`${exports().brief}&lang=fr`, { key })),
      links: await readCsv(await browser.post(`/app/surveys/${surveyId}/links.csv`)),
    };
    for (const [name, rows] of Object.entries(files)) {
      const cells = rows.flat();
      // Only our own numbers may start with a minus; every text starting like a formula is quoted.
      const live = cells.filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-\d+([.,]\d+)?$/.test(c)));
      expect(live, name).toEqual([]);
    }
    // Each written text comes back with its apostrophe: answers in results and brief, names in links.
    for (const f of FORMULAS) {
      expect(files['results (remarks)']?.flat(), f).toContain(`'${f}`);
      expect(files.links?.flat(), f).toContain(`'${f}`);
    }
    expect(files.brief?.flat()).toContain("'=1+1"); // the theme's label
    expect(files['results (long)']?.flat()).toContain("'=1+1");
  });

  it('neutralises tab and carriage-return starts too (texts Relais trims before storing)', () => {
    for (const dialect of [csvDialect('fr'), csvDialect('en'), csvDialect('en', 'tab')]) {
      const rows = parseCsv(csvDocument(['text'], [['\t=1+1'], ['\r=1+1'], ['=1+1'], ['@x'], ['plain']], dialect));
      expect(rows.slice(1).map((r) => r[0])).toEqual(["'\t=1+1", "'\r=1+1", "'=1+1", "'@x", 'plain']);
    }
  });
});
