/**
 * Contacts from any address book: the CSV exports of Outlook (fr/nl/en headers, "Unicode"
 * UTF-16 or Windows-1252, `;` or `,`), Google Contacts, a plain list pasted from a
 * spreadsheet, and vCard (.vcf) files. The one reader of contacts, for the workspace and the
 * API alike.
 *
 * Never silently wrong: the bytes' encoding is detected (BOM, then UTF-16's zero bytes, then
 * strict UTF-8, else Windows-1252), and a row whose text still holds a replacement character
 * (U+FFFD: a file damaged before it reached us) or an invisible control is skipped with its
 * reason rather than imported as a name. Forgiving about shape: one bad row (a phone-only
 * contact, a missing address) is reported by its row number and never blocks the good ones.
 */
import { csvRecords } from './csv-reader.ts';
import { isLanguage, type Language } from './language.ts';
import { textRefusal } from './text-hygiene.ts';

export interface Contact {
  email: string;
  name?: string;
  organisation?: string;
  language?: Language;
}

/** Why a row is skipped (not imported) or doubtful (imported, worth a look). */
export type RowReason =
  | 'noAddress' // no e-mail address at all
  | 'phoneOnly' // a telephone but no e-mail address
  | 'badAddress' // something that is not an address
  | 'unreadable' // a replacement character or an invisible control after decoding
  | 'severalAddresses' // doubtful: the first address was taken
  | 'duplicate'; // doubtful: the same address again, this later row wins

export interface RowReport {
  /** The row as a spreadsheet numbers it (the header is row 1), or the card's rank in a vCard file. */
  row: number;
  status: 'skipped' | 'doubtful';
  reason: RowReason;
  /** What identifies the row to the coordinator (name, else the cell that was read). */
  label: string;
  email?: string;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ParsedAddressBook {
  format: 'csv' | 'vcard';
  encoding: Encoding;
  contacts: Contact[];
  rows: RowReport[];
  /** Set when nothing can be read: no address column in the header. */
  problem?: 'noEmailColumn';
}

/** At most this many contacts an import: parsing and one upsert stay within a request's CPU. */
export const MAX_CONTACTS = 1000;

// Windows-1252's 0x80–0x9F (the rest is Latin-1); undefined bytes stay C1 controls, which the
// row check then refuses, as the WHATWG decoder does.
const CP1252 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  return out;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, skip: number): string {
  const body = bytes.subarray(skip, skip + ((bytes.length - skip) & ~1));
  if (littleEndian) return new TextDecoder('utf-16le').decode(body);
  const swapped = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i += 2) {
    swapped[i] = body[i + 1] ?? 0;
    swapped[i + 1] = body[i] ?? 0;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/**
 * The text of a file whatever the address book wrote: a BOM decides; UTF-16 without one shows
 * as zero bytes at every other position (contacts are mostly Latin letters); then UTF-8 if the
 * bytes are valid UTF-8 (Windows-1252 text with accents never is), else Windows-1252.
 */
export function decodeContacts(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, true, 2), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, false, 2), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddZeros++ : evenZeros++;
  if (sample.length >= 4 && oddZeros > sample.length / 4) return { text: decodeUtf16(bytes, true, 0), encoding: 'utf-16le' };
  if (sample.length >= 4 && evenZeros > sample.length / 4) return { text: decodeUtf16(bytes, false, 0), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
  }
}

/** Header cells compared folded: lower case, no accents, no punctuation ("E-mail 1 - Value" → "e mail 1 value"). */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Header names as Outlook (fr, nl, en) and Google Contacts write them, folded.
const EMAIL_HEADERS = [
  'email',
  'e mail',
  'e mail address',
  'email address',
  'e mail 1 value',
  'adresse de messagerie',
  'adresse e mail',
  'adresse mail',
  'courriel',
  'e mailadres',
  'emailadres',
];
const NAME_HEADERS = ['name', 'full name', 'display name', 'nom complet', 'naam', 'volledige naam', 'nom d affichage', 'weergavenaam'];
const FIRST_HEADERS = ['first name', 'given name', 'prenom', 'voornaam'];
const MIDDLE_HEADERS = ['middle name', 'additional name', 'deuxieme prenom', 'middelste naam', 'tweede voornaam'];
const LAST_HEADERS = ['last name', 'family name', 'surname', 'nom', 'nom de famille', 'achternaam'];
const ORGANISATION_HEADERS = [
  'company',
  'organisation',
  'organization',
  'organization name',
  'organization 1 name',
  'societe',
  'entreprise',
  'organisme',
  'bedrijf',
  'organisatie',
];
const LANGUAGE_HEADERS = ['language', 'lang', 'langue', 'taal', 'language code'];
const PHONE_HEADER = /phone|telephone|telefoon|mobile|mobiel|gsm|portable|fax/;

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function languageOf(value: string): Language | undefined {
  const v = fold(value);
  if (isLanguage(v)) return v;
  if (['francais', 'french', 'frans'].includes(v) || v.startsWith('fr ')) return 'fr';
  if (['nederlands', 'dutch', 'neerlandais', 'vlaams'].includes(v) || v.startsWith('nl ')) return 'nl';
  if (['english', 'anglais', 'engels'].includes(v) || v.startsWith('en ')) return 'en';
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

/** One contact as read from a row or a card, before it is checked. */
interface Candidate {
  row: number;
  /** Every address the row holds, in order (Google's `a ::: b` cells split). */
  addresses: string[];
  name: string;
  organisation: string;
  language?: Language;
  hasPhone: boolean;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** Checks each candidate, reports what is skipped or doubtful, and keeps the last row of an address. */
function collect(candidates: Candidate[]): { contacts: Contact[]; rows: RowReport[] } {
  const rows: RowReport[] = [];
  const byEmail = new Map<string, { row: number; contact: Contact }>();
  for (const c of candidates) {
    const texts = [c.name, c.organisation, ...c.addresses];
    const label = clip(c.name || c.addresses[0] || c.organisation || '', 80);
    if (texts.some((t) => t.includes('\uFFFD') || textRefusal(t) !== null)) {
      // Shown with its damage removed: the coordinator recognises the row, nothing odd is echoed.
      rows.push({ row: c.row, status: 'skipped', reason: 'unreadable', label: label.replace(/[\uFFFD\p{Cc}\p{Cf}]/gu, '?') });
      continue;
    }
    if (!c.addresses.length) {
      rows.push({ row: c.row, status: 'skipped', reason: c.hasPhone ? 'phoneOnly' : 'noAddress', label });
      continue;
    }
    const address = addressOf(c.addresses[0] ?? '');
    if (!address) {
      rows.push({ row: c.row, status: 'skipped', reason: 'badAddress', label });
      continue;
    }
    if (c.addresses.length > 1) rows.push({ row: c.row, status: 'doubtful', reason: 'severalAddresses', label, email: address.email });
    const earlier = byEmail.get(address.email);
    if (earlier) rows.push({ row: c.row, status: 'doubtful', reason: 'duplicate', label, email: address.email });
    const name = clip(c.name || address.name || '', 200);
    const contact: Contact = {
      email: address.email,
      ...(name ? { name } : {}),
      ...(c.organisation ? { organisation: clip(c.organisation, 200) } : {}),
      ...(c.language ? { language: c.language } : {}),
    };
    byEmail.delete(address.email);
    byEmail.set(address.email, { row: c.row, contact });
  }
  rows.sort((a, b) => a.row - b.row);
  return { contacts: [...byEmail.values()].map((e) => e.contact), rows };
}

/** A cell's addresses: Google joins several with " ::: ", people with ";" or ","; empty ones dropped. */
const addressesIn = (cell: string) =>
  cell
    .split(/\s*:::\s*|;/)
    .map((s) => s.trim())
    .filter(Boolean);

function csvCandidates(text: string): { candidates: Candidate[]; problem?: 'noEmailColumn' } {
  const records = csvRecords(text).map((cells, i) => ({ row: i + 1, cells: cells.map((x) => x.normalize('NFC').trim()) }));
  if (!records.length) return { candidates: [] };
  const header = records[0]?.cells.map(fold) ?? [];
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const col = {
    email: find(EMAIL_HEADERS),
    name: find(NAME_HEADERS),
    first: find(FIRST_HEADERS),
    middle: find(MIDDLE_HEADERS),
    last: find(LAST_HEADERS),
    organisation: find(ORGANISATION_HEADERS),
    language: find(LANGUAGE_HEADERS),
  };
  // Exports with several address columns ("E-mail 2 Address", "E-mail 2 - Value"): the first wins.
  if (col.email < 0) col.email = header.findIndex((h) => /^e ?mail/.test(h) && !/type|label|display/.test(h));
  const phones = header.flatMap((h, i) => (PHONE_HEADER.test(h) && !/type|label/.test(h) ? [i] : []));
  const hasHeader = col.email >= 0 || col.name >= 0 || col.first >= 0 || col.last >= 0;
  if (hasHeader && col.email < 0) return { candidates: [], problem: 'noEmailColumn' };
  const body = hasHeader ? records.slice(1) : records;
  return {
    candidates: body.map(({ row, cells }) => {
      const cell = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
      if (!hasHeader) {
        // A plain list may put the address anywhere; the cell with an @ is it, the others name and language.
        const emailCell = cells.find((x) => x.includes('@')) ?? cells[0] ?? '';
        const rest = cells.filter((x) => x !== emailCell && x !== '');
        return {
          row,
          addresses: addressesIn(emailCell),
          name: rest.find((x) => !languageOf(x)) ?? '',
          organisation: '',
          language: rest.map(languageOf).find(Boolean),
          hasPhone: false,
        };
      }
      const name = cell(col.name) || [cell(col.first), cell(col.middle), cell(col.last)].filter(Boolean).join(' ');
      return {
        row,
        addresses: addressesIn(cell(col.email)),
        name,
        organisation: cell(col.organisation),
        language: languageOf(cell(col.language)),
        hasPhone: phones.some((i) => cell(i) !== ''),
      };
    }),
  };
}

/** Quoted-printable (vCard 2.1, as Outlook writes it) to bytes, then text in the property's charset. */
function quotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else for (const b of new TextEncoder().encode(value[i])) bytes.push(b);
  }
  const raw = new Uint8Array(bytes);
  if (/^(windows-1252|cp1252|iso-8859-1|latin1)$/i.test(charset)) return decodeCp1252(raw);
  return new TextDecoder('utf-8').decode(raw);
}

/** vCard's text escapes (\, \; \n \\). */
const unescapeVcard = (s: string) => s.replace(/\\([nN,;\\])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? ' ' : ch));
/** Splits a structured value (N, ORG) on unescaped semicolons. */
const components = (s: string) => s.split(/(?<!\\);/).map((x) => unescapeVcard(x).trim());

/**
 * A careful minimal reader of vCard 2.1, 3.0 and 4.0 (RFC 2426, 6350): only FN, N, EMAIL, ORG,
 * TEL and LANG are read. Folded lines are joined (and 2.1's quoted-printable soft breaks);
 * property groups (`item1.EMAIL`) and parameters are understood; everything else is ignored.
 */
function vcardCandidates(text: string): Candidate[] {
  const physical = text.split(/\r\n|\r|\n/);
  const lines: string[] = [];
  for (const line of physical) {
    const previous = lines.length - 1;
    if ((line.startsWith(' ') || line.startsWith('\t')) && previous >= 0) lines[previous] += line.slice(1);
    else if (previous >= 0 && /QUOTED-PRINTABLE/i.test(lines[previous] ?? '') && (lines[previous] ?? '').endsWith('=')) {
      lines[previous] = (lines[previous] ?? '').slice(0, -1) + line;
    } else lines.push(line);
  }
  const candidates: Candidate[] = [];
  let card: { fn: string; n: string; emails: string[]; org: string; language?: Language; phone: boolean } | null = null;
  for (const line of lines) {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    if (colon < 0) continue;
    const [rawName = '', ...params] = line.slice(0, colon).split(';');
    const name = rawName.replace(/^[^.]*\./, '').toUpperCase();
    let value = line.slice(colon + 1);
    const paramText = params.join(';');
    if (/ENCODING=QUOTED-PRINTABLE|^QUOTED-PRINTABLE$/im.test(params.join('\n'))) {
      value = quotedPrintable(value, /CHARSET=([\w-]+)/i.exec(paramText)?.[1] ?? 'utf-8');
    }
    if (name === 'BEGIN' && /^vcard$/i.test(value.trim())) card = { fn: '', n: '', emails: [], org: '', phone: false };
    else if (!card) continue;
    else if (name === 'END') {
      const [family = '', given = '', middle = ''] = components(card.n);
      candidates.push({
        row: candidates.length + 1,
        addresses: card.emails,
        name: (card.fn || [given, middle, family].filter(Boolean).join(' ')).normalize('NFC'),
        organisation: card.org.normalize('NFC'),
        ...(card.language ? { language: card.language } : {}),
        hasPhone: card.phone,
      });
      card = null;
    } else if (name === 'FN') card.fn = unescapeVcard(value).trim();
    else if (name === 'N') card.n = value;
    else if (name === 'EMAIL') {
      const address = unescapeVcard(value)
        .trim()
        .replace(/^mailto:/i, '');
      if (address) card.emails.push(address);
    } else if (name === 'ORG') card.org = components(value)[0] ?? '';
    else if (name === 'TEL' && value.trim()) card.phone = true;
    else if (name === 'LANG') card.language = languageOf(value.split('-')[0] ?? '');
  }
  return candidates;
}

/** Reads an address book from its bytes (a file, an API body) or from text already decoded (a pasted list). */
export function parseAddressBook(input: Uint8Array | string): ParsedAddressBook {
  const { text, encoding } =
    typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const } : decodeContacts(input);
  if (/^\s*BEGIN:VCARD/i.test(text)) return { format: 'vcard', encoding, ...collect(vcardCandidates(text)) };
  const { candidates, problem } = csvCandidates(text);
  return { format: 'csv', encoding, ...collect(candidates), ...(problem ? { problem } : {}) };
}
