/**
 * CSV as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads accents right),
 * CRLF line ends, and text cells that a spreadsheet would run as a formula neutralised.
 */

export type Cell = string | number | boolean | null | undefined;

/** Cells starting like a formula (= + - @, tab, CR, LF) get a leading apostrophe, the OWASP remedy. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // Numbers are ours (counts, means), never typed by a participant: they stay numbers.
  const text = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const BOM = '\uFEFF';

export function csvDocument(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
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
