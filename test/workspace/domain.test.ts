/** Plain-TypeScript rules of the workspace: contacts CSV, reminder slots, Brussels time. */
import { describe, expect, it } from 'vitest';
import { brusselsToUtc, utcToBrussels } from '../../src/domain/brussels-time.ts';
import { csvRows, parseContacts } from '../../src/domain/contacts-csv.ts';
import { dueSlot, reminderSlots } from '../../src/domain/reminders.ts';

describe('contacts CSV', () => {
  it('reads a plain list without header, in any column order', () => {
    expect(parseContacts('a@example.org, Ann A, nl\nBob B; b@example.org').contacts).toEqual([
      { email: 'a@example.org', name: 'Ann A', language: 'nl' },
    ]);
    expect(parseContacts('Bob B;b@example.org;fr\nCarla;C@Example.org').contacts).toEqual([
      { email: 'b@example.org', name: 'Bob B', language: 'fr' },
      { email: 'c@example.org', name: 'Carla' },
    ]);
  });

  it('reads an English Outlook export (quoted, many columns, first address wins)', () => {
    const csv =
      '"First Name","Middle Name","Last Name","Title","E-mail Address","E-mail 2 Address","E-mail 3 Address"\r\n' +
      '"Amina","","Peeters","","amina@example.org","amina.private@example.org",""\r\n';
    expect(parseContacts(csv).contacts).toEqual([{ email: 'amina@example.org', name: 'Amina Peeters' }]);
  });

  it('reads a French Outlook export with semicolons and a BOM', () => {
    const csv = '\uFEFFPrénom;Nom;Adresse de messagerie;Langue\nChloé;Dubois;chloe@example.org;Français\n';
    expect(parseContacts(csv).contacts).toEqual([{ email: 'chloe@example.org', name: 'Chloé Dubois', language: 'fr' }]);
  });

  it('reads a Dutch Outlook export', () => {
    const csv = 'Voornaam,Achternaam,E-mailadres\nKoen,Janssens,koen@example.org\n';
    expect(parseContacts(csv).contacts).toEqual([{ email: 'koen@example.org', name: 'Koen Janssens' }]);
  });

  it('reads a Google Contacts export (Name, E-mail 1 - Value)', () => {
    const csv =
      'Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value\n' +
      'Sofie Maes,Sofie,Maes,* Work,sofie@example.org,Home,sofie@home.example\n' +
      '"Diallo, Fatou",Fatou,Diallo,* Work,fatou@example.org,,\n';
    expect(parseContacts(csv).contacts).toEqual([
      { email: 'sofie@example.org', name: 'Sofie Maes' },
      { email: 'fatou@example.org', name: 'Diallo, Fatou' },
    ]);
  });

  it('reads "Name <address>" as Outlook pastes it', () => {
    expect(parseContacts('"Peeters, Amina" <Amina@Example.org>').contacts).toEqual([
      { email: 'amina@example.org', name: 'Peeters, Amina' },
    ]);
  });

  it('reports each line without a usable address by its number', () => {
    const result = parseContacts('email,name\nok@example.org,Ok\nnot-an-address,Bad\n,Empty\n');
    expect(result.contacts).toEqual([{ email: 'ok@example.org', name: 'Ok' }]);
    expect(result.issues).toEqual([
      { line: 3, reason: 'badAddress' },
      { line: 4, reason: 'badAddress' },
    ]);
  });

  it('refuses a header without an address column', () => {
    expect(parseContacts('Name,Phone\nAnn,123').issues).toEqual([{ line: 0, reason: 'noEmailColumn' }]);
  });

  it('keeps the last mention of an address', () => {
    expect(parseContacts('a@example.org,Old\nA@example.org,New').contacts).toEqual([{ email: 'a@example.org', name: 'New' }]);
  });

  it('keeps quoted newlines inside a cell and counts lines right', () => {
    const rows = csvRows('a,"b\nc",d\ne,f,g');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b\nc', 'd'] },
      { line: 3, cells: ['e', 'f', 'g'] },
    ]);
  });
});

describe('reminder slots', () => {
  const start = '2025-12-18T12:00:00.000Z';
  it('are 7 and 2 days before a pre-survey, 2 days after a post-survey', () => {
    expect(reminderSlots('pre', start)).toEqual([
      { slot: 'reminder:pre-7d', at: '2025-12-11T12:00:00.000Z' },
      { slot: 'reminder:pre-2d', at: '2025-12-16T12:00:00.000Z' },
    ]);
    expect(reminderSlots('post', start)).toEqual([{ slot: 'reminder:post+2d', at: '2025-12-20T12:00:00.000Z' }]);
  });

  it('are due from their time for a grace period, the latest one only', () => {
    expect(dueSlot('pre', start, new Date('2025-12-11T11:59:00Z'))).toBeNull();
    expect(dueSlot('pre', start, new Date('2025-12-11T12:00:00Z'))?.slot).toBe('reminder:pre-7d');
    expect(dueSlot('pre', start, new Date('2025-12-13T11:59:00Z'))?.slot).toBe('reminder:pre-7d');
    expect(dueSlot('pre', start, new Date('2025-12-13T12:00:00Z'))).toBeNull();
    expect(dueSlot('pre', start, new Date('2025-12-16T13:00:00Z'))?.slot).toBe('reminder:pre-2d');
  });

  it('are never due once the survey has closed', () => {
    expect(dueSlot('pre', start, new Date('2025-12-16T13:00:00Z'), '2025-12-16T12:30:00Z')).toBeNull();
  });
});

describe('Brussels time', () => {
  it('converts winter and summer times to UTC', () => {
    expect(brusselsToUtc('2025-12-18', '13:00')).toBe('2025-12-18T12:00:00.000Z');
    expect(brusselsToUtc('2025-09-16', '13:00')).toBe('2025-09-16T11:00:00.000Z');
    expect(utcToBrussels('2025-09-16T11:00:00.000Z')).toEqual({ date: '2025-09-16', time: '13:00' });
  });

  it('refuses dates that do not exist', () => {
    expect(brusselsToUtc('2025-02-30', '10:00')).toBeNull();
    expect(brusselsToUtc('2025-12-18', '24:00')).toBeNull();
  });
});
