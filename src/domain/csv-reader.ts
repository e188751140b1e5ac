/**
 * The CSV reader of imports (address books, attendance lists: domain/contacts-import.ts), the
 * counterpart of the writer of exports (src/lib/csv.ts). RFC 4180 and what spreadsheets write
 * beside it: `,` `;` or tab as the separator (guessed from the text), fields in double quotes
 * holding separators, doubled quotes and line breaks, CRLF, LF or CR line ends, a leading BOM.
 *
 * In-house rather than papaparse (~7 KiB gzip of the deploy, issue 15, for streaming, workers
 * and type guessing Relais never uses), and forgiving as it is: a quote opens a quoted field
 * only at the field's start (elsewhere it is a character), closes it only before a separator or
 * a line end (a stray quote inside is kept), and a quote never closed runs to the end of the
 * text. The separator is guessed as papaparse guesses it, so files are split as they were.
 */

export type Separator = ',' | ';' | '\t';

const isLineEnd = (c: number) => c === 10 || c === 13;
/** Blank between a closing quote and what follows it (not the separator, when it is a tab). */
const isBlank = (c: number, separator: number) => c !== separator && !isLineEnd(c) && /\s/.test(String.fromCharCode(c));

/** The end of the unquoted text starting at `from`: the next separator or line end. */
function fieldEnd(text: string, from: number, separator: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === separator || isLineEnd(c)) return i;
  }
  return text.length;
}

/** The records of `text` split on `separator`, at most `limit` of them; a final line end starts no record. */
export function readCsv(text: string, separator: Separator, limit = Number.POSITIVE_INFINITY): string[][] {
  const sep = separator.charCodeAt(0);
  const rows: string[][] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= text.length) return rows;
  let row: string[] = [];
  for (;;) {
    let field = '';
    if (text.charCodeAt(i) === 34) {
      // A quoted field ends at a quote followed by the separator, a line end or the end of the
      // text (blanks between are dropped); "" is one quote, any other quote is a character.
      const from = i + 1;
      let quote = from - 1;
      i = text.length;
      for (;;) {
        quote = text.indexOf('"', quote + 1);
        if (quote < 0) break;
        if (text.charCodeAt(quote + 1) === 34) {
          quote++;
          continue;
        }
        let after = quote + 1;
        while (after < text.length && isBlank(text.charCodeAt(after), sep)) after++;
        if (after >= text.length || text.charCodeAt(after) === sep || isLineEnd(text.charCodeAt(after))) {
          i = after;
          break;
        }
      }
      field = text.slice(from, quote < 0 ? text.length : quote).replaceAll('""', '"');
    }
    const end = fieldEnd(text, i, sep);
    field += text.slice(i, end);
    i = end;
    row.push(field);
    if (i >= text.length) {
      rows.push(row);
      return rows;
    }
    if (text.charCodeAt(i) === sep) {
      i++;
      continue;
    }
    i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row);
    if (i >= text.length || rows.length >= limit) return rows;
    row = [];
  }
}

/** A record that says nothing: every cell empty or blank. */
export const isBlankRecord = (cells: readonly string[]) => cells.join('').trim() === '';

/**
 * The separator that splits the first ten records most evenly (the smallest sum of changes in
 * the number of fields from one record to the next, then the most fields), among those giving
 * two fields or more on average; blank records are not counted. Without one, `,`.
 */
export function guessSeparator(text: string, candidates: readonly Separator[] = [';', ',', '\t']): Separator {
  let best: Separator | undefined;
  let bestDelta = 0;
  let bestAverage = 0;
  for (const candidate of candidates) {
    const counts = readCsv(text, candidate, 10)
      .filter((cells) => !isBlankRecord(cells))
      .map((cells) => cells.length);
    let delta = 0;
    for (let k = 1; k < counts.length; k++) delta += Math.abs((counts[k] ?? 0) - (counts[k - 1] ?? 0));
    const average = counts.reduce((a, b) => a + b, 0) / counts.length;
    if (average > 1.99 && (best === undefined || delta < bestDelta || (delta === bestDelta && average > bestAverage))) {
      best = candidate;
      bestDelta = delta;
      bestAverage = average;
    }
  }
  return best ?? ',';
}

/** The records of a CSV text with its separator guessed, blank records left out. */
export function csvRecords(text: string): string[][] {
  return readCsv(text, guessSeparator(text)).filter((cells) => !isBlankRecord(cells));
}
