/**
 * Contacts from real address-book files (test/fixtures/contacts, written as Outlook, Excel,
 * Google Contacts and vCard writers do): decoded right, every skipped or doubtful row reported
 * with its reason, the good rows kept.
 */
import { describe, expect, it } from 'vitest';
import { decodeContacts, parseAddressBook } from '../../src/domain/contacts-import.ts';
import { fixture } from './fixtures.ts';

describe('an Outlook (fr) export in Windows-1252 with semicolons', () => {
  const book = parseAddressBook(fixture('outlook-fr-windows-1252.csv'));

  it('is decoded as Windows-1252: œ and è read right, never U+FFFD', () => {
    expect(book.encoding).toBe('windows-1252');
    expect(book.contacts.map((c) => c.name)).toEqual(['Chloé Lefèvre', 'Dubœuf', 'Noël Lefèvre']);
    expect(JSON.stringify(book)).not.toContain('\uFFFD');
  });

  it('reads first name, last name, organisation and address from the French headers', () => {
    expect(book.contacts[0]).toEqual({
      email: 'chloe.lefevre@example.org',
      name: 'Chloé Lefèvre',
      organisation: 'Maison médicale du Nord',
    });
    expect(book.contacts[2]?.email).toBe('noel.lefevre@example.org');
  });

  it('skips the phone-only contact and the bad address with their reasons, keeping the good rows', () => {
    expect(book.rows).toEqual([
      { row: 4, status: 'skipped', reason: 'phoneOnly', label: 'Marc Dupont' },
      { row: 5, status: 'skipped', reason: 'badAddress', label: 'Amina Peeters' },
    ]);
  });
});

describe('an Outlook/Excel "Unicode" export (UTF-16 LE, tab separated, Dutch headers)', () => {
  it('is decoded with its BOM and read by its Dutch headers', () => {
    const book = parseAddressBook(fixture('outlook-nl-unicode-utf16le.txt'));
    expect(book.encoding).toBe('utf-16le');
    expect(book.contacts).toEqual([
      { email: 'koen.janssens@example.org', name: 'Koen Janssens', organisation: 'Huis voor Gezondheid' },
      { email: 'sofie.maes@example.org', name: 'Sofie van Maes', organisation: 'Brusselse Welzijnsraad' },
      { email: 'zoe.unal@example.org', name: 'Zoë Ünal', organisation: 'Wijkgezondheidscentrum' },
    ]);
    expect(book.rows).toEqual([{ row: 4, status: 'skipped', reason: 'phoneOnly', label: 'Jan De Smet' }]);
  });

  it('is detected without a BOM too, little- and big-endian', () => {
    const le = fixture('outlook-nl-unicode-utf16le.txt').subarray(2);
    expect(decodeContacts(le).encoding).toBe('utf-16le');
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
    const decoded = decodeContacts(be);
    expect(decoded.encoding).toBe('utf-16be');
    expect(decoded.text).toContain('Zoë\t\tÜnal');
    expect(decodeContacts(Uint8Array.of(0xfe, 0xff, ...be)).text).toBe(decoded.text);
  });
});

describe('a Google Contacts export', () => {
  const book = parseAddressBook(fixture('google-contacts.csv'));

  it('takes the first address of a "a ::: b" cell and flags it; the phone-only contact never blocks the others', () => {
    expect(book.contacts.map((c) => c.email)).toEqual(['fatou.diallo@example.org', 'sofie@example.org', 'elodie.vdb@example.org']);
    expect(book.rows).toEqual([
      { row: 3, status: 'doubtful', reason: 'severalAddresses', label: 'Sofie Maes', email: 'sofie@example.org' },
      { row: 4, status: 'skipped', reason: 'phoneOnly', label: 'Thomas Lambert' },
    ]);
  });

  it('keeps quoted line breaks inside a cell and numbers rows as a spreadsheet does', () => {
    expect(book.contacts[2]).toEqual({
      email: 'elodie.vdb@example.org',
      name: 'Élodie Van den Broeck',
      organisation: 'Ligue Bruxelloise pour la Santé Mentale',
    });
  });
});

describe('a vCard file (2.1 quoted-printable, 3.0, 4.0 with groups)', () => {
  const book = parseAddressBook(fixture('contacts.vcf'));

  it('reads FN, EMAIL, ORG of each card; several addresses flagged; a phone-only card skipped', () => {
    expect(book.format).toBe('vcard');
    expect(book.contacts).toEqual([
      { email: 'noel.lefevre@example.org', name: 'Noël Lefèvre', organisation: 'Le Méridien' },
      { email: 'jean.duboeuf@example.org', name: 'Jean Dubœuf', organisation: 'CPAS d’Anderlecht' },
      { email: 'anne-marie.claes@example.org', name: 'Anne-Marie Claes', language: 'nl' },
    ]);
    expect(book.rows).toEqual([
      { row: 2, status: 'doubtful', reason: 'severalAddresses', label: 'Jean Dubœuf', email: 'jean.duboeuf@example.org' },
      { row: 4, status: 'skipped', reason: 'phoneOnly', label: 'Karim Benali' },
    ]);
  });

  it('builds the name from N when FN is missing, and unfolds folded lines', () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Van der\r\n  Linden;Griet;;;\r\nEMAIL:griet@example.org\r\nEND:VCARD\r\n';
    expect(parseAddressBook(new TextEncoder().encode(card)).contacts).toEqual([
      { email: 'griet@example.org', name: 'Griet Van der Linden' },
    ]);
  });
});

describe('never silently wrong', () => {
  it('a file already damaged (U+FFFD in a name) is an error on that row, not a name', () => {
    const book = parseAddressBook(
      new TextEncoder().encode('Nom;Adresse de messagerie\nDub\uFFFDuf;d@example.org\nLefèvre;l@example.org\n'),
    );
    expect(book.encoding).toBe('utf-8');
    expect(book.contacts).toEqual([{ email: 'l@example.org', name: 'Lefèvre' }]);
    expect(book.rows).toEqual([{ row: 2, status: 'skipped', reason: 'unreadable', label: 'Dub?uf' }]);
  });

  it('UTF-8 with and without BOM read the same', () => {
    const text = 'Prénom,Nom,E-mail Address\nChloé,Dubois,chloe@example.org\n';
    const plain = parseAddressBook(new TextEncoder().encode(text));
    const bom = parseAddressBook(Uint8Array.of(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)));
    expect(bom).toEqual(plain);
    expect(plain.contacts).toEqual([{ email: 'chloe@example.org', name: 'Chloé Dubois' }]);
  });

  it('a header without an address column says so', () => {
    expect(parseAddressBook('Name,Phone\nAnn,123').problem).toBe('noEmailColumn');
  });
});

describe('pasted lists', () => {
  it('reads a plain list without header, in any column order', () => {
    expect(parseAddressBook('a@example.org, Ann A, nl\nb@example.org, Bob B').contacts).toEqual([
      { email: 'a@example.org', name: 'Ann A', language: 'nl' },
      { email: 'b@example.org', name: 'Bob B' },
    ]);
    expect(parseAddressBook('Bob B;b@example.org;fr\nCarla;C@Example.org').contacts).toEqual([
      { email: 'b@example.org', name: 'Bob B', language: 'fr' },
      { email: 'c@example.org', name: 'Carla' },
    ]);
  });

  it('reads "Name <address>"', () => {
    expect(parseAddressBook('Amina Peeters <Amina@Example.org>').contacts).toEqual([{ email: 'amina@example.org', name: 'Amina Peeters' }]);
  });

  it('keeps the last mention of an address and flags the earlier one', () => {
    const book = parseAddressBook('a@example.org,Old\nA@example.org,New');
    expect(book.contacts).toEqual([{ email: 'a@example.org', name: 'New' }]);
    expect(book.rows).toEqual([{ row: 2, status: 'doubtful', reason: 'duplicate', label: 'New', email: 'a@example.org' }]);
  });
});
