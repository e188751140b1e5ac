/**
 * The one CSV writer of every export (results, brief, personal links): UTF-8 with a byte-order
 * mark (so Excel reads accents right), CRLF line ends, text cells that a spreadsheet would run
 * as a formula neutralised, and the separator and decimal mark of the reader's spreadsheet.
 */
import * as v from 'valibot';
import type { Language } from '../domain/language.ts';
import { languageFromHeader } from '../i18n/index.ts';

export type Cell = string | number | boolean | null | undefined;

/**
 * How a spreadsheet in the reader's locale splits a line. Excel set to French or Dutch
 * (Belgium) splits on `;` and reads `0,79` as a number; set to English, `,` and `0.79`.
 */
export interface CsvDialect {
  separator: ',' | ';' | '\t';
  decimal: '.' | ',';
}

export const SEPARATORS = { ';': ';', ',': ',', tab: '\t' } as const;
export type SeparatorName = keyof typeof SEPARATORS;

/**
 * The dialect for a reader of `language`; `sep` (`;`, `,` or `tab`) overrides the separator.
 * A comma separator always goes with a decimal point, so a number never splits in two.
 */
export function csvDialect(language: Language, sep?: SeparatorName): CsvDialect {
  const separator = sep ? SEPARATORS[sep] : language === 'en' ? ',' : ';';
  return { separator, decimal: separator === ',' || language === 'en' ? '.' : ',' };
}

/** Cells starting like a formula (= + - @, tab, CR, LF) get a leading apostrophe, the OWASP remedy. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell, dialect: CsvDialect): string {
  if (value === null || value === undefined) return '';
  // Numbers are ours (counts, means), never typed by a participant: they stay numbers, in
  // the reader's decimal mark so that the spreadsheet sums them.
  const text =
    typeof value === 'string' ? neutralise(value) : typeof value === 'number' ? String(value).replace('.', dialect.decimal) : String(value);
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const BOM = '\uFEFF';

export function csvDocument(header: readonly string[], rows: readonly (readonly Cell[])[], dialect: CsvDialect): string {
  const line = (row: readonly Cell[]) => row.map((cell) => csvCell(cell, dialect)).join(dialect.separator);
  return `${BOM + [header, ...rows].map(line).join('\r\n')}\r\n`;
}

export function csvFilename(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'export'
  );
}

/** `?sep=`: `;`, `,` or `tab` (a tab cannot be typed in a URL as it is). */
export const SeparatorSchema = v.picklist(Object.keys(SEPARATORS) as SeparatorName[], 'expected ; , or tab');

/**
 * The reader's dialect: their language from `?lang=`, else their browser's Accept-Language,
 * else the series' language; `?sep=` overrides the separator.
 */
export function readerDialect(query: { lang?: Language; sep?: SeparatorName }, acceptLanguage: string | undefined, fallback: Language) {
  return csvDialect(query.lang ?? languageFromHeader(acceptLanguage, fallback), query.sep);
}
