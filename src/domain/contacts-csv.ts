/**
 * Contacts pasted or uploaded as CSV: a plain "e-mail, name, language" list, or the exports
 * of Outlook (fr/nl/en headers, comma or semicolon) and Google Contacts. Parsing is
 * forgiving about shape and strict about addresses: a line without a usable address is
 * reported by its number, never silently dropped.
 */
import type { Language } from './language.ts';

export interface Contact {
  email: string;
  name?: string;
  language?: Language;
}

export type ContactIssue = { line: number; reason: 'badAddress' } | { line: 0; reason: 'noEmailColumn' };

export interface ParsedContacts {
  contacts: Contact[];
  issues: ContactIssue[];
}

/** RFC 4180 rows, with the delimiter guessed from the first line (Excel in Belgium uses ';'). */
export function csvRows(input: string): { line: number; cells: string[] }[] {
  const textIn = input.replace(/^\uFEFF/, '');
  const firstLine = textIn.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d ?? ',';
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i];
    if (quoted) {
      if (ch === '"' && textIn[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && textIn[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Header names as the exports write them (folded: lower case, no accents, no punctuation).
const EMAIL_HEADERS = [
  'email',
  'e mail',
  'e mail address',
  'email address',
  'e mail 1 value',
  'adresse de messagerie',
  'adresse e mail',
  'courriel',
  'e mailadres',
  'emailadres',
];
const NAME_HEADERS = ['name', 'full name', 'display name', 'nom complet', 'naam', 'volledige naam', 'nom d affichage', 'weergavenaam'];
const FIRST_HEADERS = ['first name', 'given name', 'prenom', 'voornaam'];
const LAST_HEADERS = ['last name', 'family name', 'surname', 'nom', 'nom de famille', 'achternaam'];
const LANGUAGE_HEADERS = ['language', 'lang', 'langue', 'taal', 'language code'];

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function languageOf(value: string): Language | undefined {
  const v = fold(value);
  if (['fr', 'francais', 'french', 'frans'].includes(v) || v.startsWith('fr ')) return 'fr';
  if (['nl', 'nederlands', 'dutch', 'neerlandais', 'vlaams'].includes(v) || v.startsWith('nl ')) return 'nl';
  if (['en', 'english', 'anglais', 'engels'].includes(v) || v.startsWith('en ')) return 'en';
  return undefined;
}

/** "Name <a@b.org>" as Outlook pastes it, or a bare address. */
function addressOf(value: string): { email: string; name?: string } | null {
  const trimmed = value.trim();
  const angle = /^(.*)<([^<>]+)>$/.exec(trimmed);
  const email = (angle ? angle[2] : trimmed)?.trim().toLowerCase() ?? '';
  if (email.length > 254 || !EMAIL.test(email)) return null;
  const name = angle?.[1]?.trim().replace(/^"|"$/g, '').trim();
  return name ? { email, name } : { email };
}

export const MAX_CONTACTS = 500;

export function parseContacts(input: string): ParsedContacts {
  const rows = csvRows(input);
  const issues: ContactIssue[] = [];
  if (!rows.length) return { contacts: [], issues };
  const header = rows[0]?.cells.map(fold) ?? [];
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  let col = {
    email: find(EMAIL_HEADERS),
    name: find(NAME_HEADERS),
    first: find(FIRST_HEADERS),
    last: find(LAST_HEADERS),
    language: find(LANGUAGE_HEADERS),
  };
  // Exports with several address columns ("E-mail 2 Address", "E-mail 2 - Value"): the first wins.
  if (col.email < 0) col.email = header.findIndex((h) => /^e ?mail/.test(h) && !/type|label/.test(h));
  const hasHeader = col.email >= 0 || col.name >= 0 || col.first >= 0;
  let body = rows;
  if (hasHeader) {
    body = rows.slice(1);
    if (col.email < 0) return { contacts: [], issues: [{ line: 0, reason: 'noEmailColumn' }] };
  } else col = { email: 0, name: 1, first: -1, last: -1, language: 2 };

  const byEmail = new Map<string, Contact>();
  for (const { line, cells } of body) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    // Headerless lists may put the address anywhere; take the cell that is one.
    const rawEmail = hasHeader ? cell(col.email) : (cells.find((x) => x.includes('@')) ?? cell(0));
    const address = addressOf(rawEmail);
    if (!address) {
      issues.push({ line, reason: 'badAddress' });
      continue;
    }
    const rest = hasHeader ? [] : cells.map((x) => x.trim()).filter((x) => x !== rawEmail.trim());
    const name =
      (hasHeader ? cell(col.name) || [cell(col.first), cell(col.last)].filter(Boolean).join(' ') : rest.find((x) => !languageOf(x))) ||
      address.name;
    const language = hasHeader ? languageOf(cell(col.language)) : rest.map(languageOf).find(Boolean);
    // The last mention of an address wins, as in a list corrected at its end.
    byEmail.set(address.email, {
      email: address.email,
      ...(name ? { name: name.slice(0, 200) } : {}),
      ...(language ? { language } : {}),
    });
  }
  return { contacts: [...byEmail.values()], issues };
}
