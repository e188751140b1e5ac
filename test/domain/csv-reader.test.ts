/**
 * The CSV reader of imports (src/domain/csv-reader.ts) against the writer of exports
 * (src/lib/csv.ts): whatever the writer writes, in any dialect, reads back cell for cell, and
 * its separator is recognised. Then the shapes spreadsheets and address books write by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, guessSeparator, readCsv, type Separator } from '../../src/domain/csv-reader.ts';
import { type CsvDialect, csvDocument, neutralise } from '../../src/lib/csv.ts';

/** Text with every character the format cares about, and some it does not. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ',', ';', '\t', '\r', '\n', '\r\n', ' ', '=', '@', '\uFEFF', 'é', '🙂'),
    fc.string({ minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});
const dialect: fc.Arbitrary<CsvDialect> = fc.record({
  separator: fc.constantFrom<Separator>(',', ';', '\t'),
  decimal: fc.constantFrom<'.' | ','>('.', ','),
});
/** A table of `columns` columns: a header a person would name, rows of any text. */
const table = (columns: fc.Arbitrary<number>) =>
  columns.chain((n) =>
    fc.tuple(
      fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}$/), { minLength: n, maxLength: n }),
      fc.array(fc.array(text, { minLength: n, maxLength: n }), { maxLength: 12 }),
    ),
  );

describe('readCsv reads back what the CSV writer writes', () => {
  it('cell for cell, in its separator, whatever the text (quotes, separators, line breaks, BOM)', () => {
    fc.assert(
      fc.property(table(fc.integer({ min: 1, max: 5 })), dialect, ([header, rows], d) => {
        const written = csvDocument(header, rows, d);
        // The writer neutralises formula-like text (an apostrophe in front); that is what a reader gets.
        expect(readCsv(written, d.separator)).toEqual([header, ...rows].map((row) => row.map(neutralise)));
      }),
      { numRuns: 400 },
    );
  });

  it('and recognises the separator of any table of two columns or more', () => {
    fc.assert(
      fc.property(table(fc.integer({ min: 2, max: 5 })), dialect, ([header, rows], d) => {
        const written = csvDocument(header, rows, d);
        expect(guessSeparator(written)).toBe(d.separator);
        const nonBlank = [header, ...rows].map((row) => row.map(neutralise)).filter((row) => row.join('').trim() !== '');
        expect(csvRecords(written)).toEqual(nonBlank);
      }),
      { numRuns: 400 },
    );
  });
});

describe('what spreadsheets and address books write', () => {
  it('quoted fields: doubled quotes, separators and line breaks inside, blanks after the closing quote', () => {
    expect(readCsv('a,"b ""c"", d","line 1\r\nline 2"  ,e\n', ',')).toEqual([['a', 'b "c", d', 'line 1\r\nline 2', 'e']]);
    expect(readCsv('"",x\n', ',')).toEqual([['', 'x']]);
  });

  it('CRLF, LF or CR line ends, with or without a final one; a BOM is not text', () => {
    for (const end of ['\r\n', '\n', '\r']) {
      expect(readCsv(`\uFEFFnom;courriel${end}Anne;anne@example.org${end}`, ';')).toEqual([
        ['nom', 'courriel'],
        ['Anne', 'anne@example.org'],
      ]);
      expect(readCsv(`a;b${end}c;d`, ';')).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
    }
    expect(readCsv('', ',')).toEqual([]);
    expect(readCsv('\uFEFF', ',')).toEqual([]);
  });

  it('forgiving: a quote inside a field is a character, one never closed runs to the end', () => {
    expect(readCsv('O"Brien,x\n', ',')).toEqual([['O"Brien', 'x']]);
    expect(readCsv('"say "hi" now",x\n', ',')).toEqual([['say "hi" now', 'x']]);
    expect(readCsv('a,"open\nb,c', ',')).toEqual([['a', 'open\nb,c']]);
  });

  it('guesses the separator from the first records: ; (Outlook fr/nl), , (Google, Outlook en), tab (pasted)', () => {
    expect(guessSeparator('Prénom;Nom;Adresse de messagerie\r\nAnne;Dupont;a@example.org\r\n')).toBe(';');
    expect(guessSeparator('Name,Given Name,E-mail 1 - Value\nAnne Dupont,Anne,a@example.org\n')).toBe(',');
    expect(guessSeparator('Anne Dupont\ta@example.org\nBart Peeters\tb@example.org\n')).toBe('\t');
    // The most even split wins: commas inside names do not outvote the separator.
    expect(guessSeparator('nom;courriel\n"Dupont, Anne";a@example.org\nPeeters, Bart;b@example.org\n')).toBe(';');
    // One column (a plain list of addresses): nothing to split, read as one field a line.
    expect(guessSeparator('a@example.org\nb@example.org\n')).toBe(',');
    expect(csvRecords('a@example.org\n\n  \nb@example.org\n')).toEqual([['a@example.org'], ['b@example.org']]);
  });
});
