/** The series' contacts, "invite from" and attendance in the JSON API: thin adapters over contacts.actions.ts. */
import type { Context } from 'hono';
import type * as v from 'valibot';
import { type ParsedAddressBook, parseAddressBook } from '../domain/contacts-import.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId, readBytes } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { Problem } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { attendanceOf, importContacts, inviteFrom, ownedSeries, setAttendance } from './contacts.actions.ts';
import { listContacts } from './contacts.queries.ts';
import {
  ADDRESS_BOOK_TYPES,
  AttendanceResponseSchema,
  AttendanceSchema,
  ContactImportQuerySchema,
  ContactImportResponseSchema,
  ContactListResponseSchema,
  InviteFromResponseSchema,
  InviteFromSchema,
} from './contacts.schemas.ts';

const tag = 'contacts';
const auth = 'coordinator';

/** Reads a body sent as an address book (any of its encodings), or null when it is JSON. */
export async function addressBookBody(c: Context): Promise<ParsedAddressBook | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (/^application\/([a-z.+-]*\+)?json$/.test(type)) return null;
  if (!ADDRESS_BOOK_TYPES.includes(type)) {
    throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', {
      detail: 'Send the address book as text/csv or text/vcard.',
      errors: [{ field: 'content-type', message: `expected one of ${ADDRESS_BOOK_TYPES.join(', ')}` }],
    });
  }
  return parseAddressBook(await readBytes(c));
}

async function attendanceAnswer(c: Context<AppEnv>, sessionId: number) {
  const { session, attendees } = await attendanceOf(c.env, c.var.coordinator, sessionId);
  return { session_id: session.id, attended: attendees.length, attendees } satisfies v.InferOutput<typeof AttendanceResponseSchema>;
}

export const contactsRoutes = new Hono<AppEnv>()
  .get(
    '/series/:id/contacts',
    contract({
      docs: RELAIS_DOCS && {
        summary: "The series' contacts (directory)",
        description: 'Everyone invited to a survey of the series and everyone imported, once per address, with their consent state.',
        tag,
        auth,
        responses: { 200: { description: '`{contacts: [...]}`', schema: ContactListResponseSchema } },
      },
    }),
    async (c) => {
      const series = await ownedSeries(c.env, c.var.coordinator, pathId(c));
      return c.json({ contacts: await listContacts(c.env.DB, series.id) } satisfies v.InferOutput<typeof ContactListResponseSchema>);
    },
  )
  .post(
    '/series/:id/contacts/import',
    contract({
      query: ContactImportQuerySchema,
      docs: RELAIS_DOCS && {
        summary: 'Import an address book into the series’ contacts',
        description:
          'The file as it is: a CSV exported from Outlook (fr/nl/en headers; UTF-8 with or without BOM, UTF-16 "Unicode", Windows-1252; `;`, `,` or tab) or Google Contacts, or a vCard (.vcf). `?dry_run=1` reads and reports without importing (the preview). Each skipped or doubtful row is listed with its reason; the good rows are imported. A row with a replacement character (a file damaged before) is skipped, never imported as a name.',
        tag,
        auth,
        bodyTypes: ADDRESS_BOOK_TYPES,
        responses: { 200: { description: '`{dry_run, format, encoding, contacts, imported, rows}`', schema: ContactImportResponseSchema } },
      },
    }),
    async (c) => {
      const seriesId = pathId(c);
      const { dry_run } = c.req.valid('query');
      // Another organisation's series is a 404 before the body is read.
      await ownedSeries(c.env, c.var.coordinator, seriesId);
      const book = await addressBookBody(c);
      if (!book) {
        throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', {
          errors: [{ field: 'content-type', message: 'expected text/csv or text/vcard' }],
        });
      }
      const preview = dry_run === '1' || dry_run === 'true';
      const imported = preview ? 0 : (await importContacts(c.env, c.var.coordinator, seriesId, book)).imported;
      const body = {
        dry_run: preview,
        format: book.format,
        encoding: book.encoding,
        contacts: book.contacts.length,
        imported,
        rows: book.rows,
      };
      return c.json(body satisfies v.InferOutput<typeof ContactImportResponseSchema>);
    },
  )
  .post(
    '/surveys/:id/invitations/from',
    contract({
      body: InviteFromSchema,
      docs: RELAIS_DOCS && {
        summary: 'Invite a survey from the series: its contacts, or who was invited to, answered or attended another',
        description:
          'One action whatever the number of people. Someone already invited keeps their invitation and live link; people who opted out of the series are left out. Links are issued when the invitations are sent.',
        tag,
        auth,
        responses: { 200: { description: '`{added, already}`', schema: InviteFromResponseSchema } },
      },
    }),
    async (c) => {
      const { added, already } = await inviteFrom(c.env, c.var.coordinator, pathId(c), c.req.valid('json'));
      return c.json({ added, already } satisfies v.InferOutput<typeof InviteFromResponseSchema>);
    },
  )
  .get(
    '/sessions/:id/attendance',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Who attended the session',
        tag,
        auth,
        responses: { 200: { description: '`{session_id, attended, attendees}`', schema: AttendanceResponseSchema } },
      },
    }),
    async (c) => c.json(await attendanceAnswer(c, pathId(c))),
  )
  .put(
    '/sessions/:id/attendance',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Set who attended the session',
        description:
          'JSON `{contact_ids?: [id], emails?: [address]}`, or a CSV / vCard of the attendance sheet: the list becomes exactly these people; addresses not yet in the series’ contacts are added to them.',
        tag,
        auth,
        bodyTypes: ['application/json', ...ADDRESS_BOOK_TYPES],
        responses: { 200: { description: '`{session_id, attended, attendees}`', schema: AttendanceResponseSchema } },
      },
    }),
    async (c) => {
      const sessionId = pathId(c);
      const book = await addressBookBody(c);
      const input = book
        ? { contactIds: [], people: book.contacts, replace: true }
        : await jsonBody(c, AttendanceSchema).then((b) => ({
            contactIds: b.contact_ids ?? [],
            people: (b.emails ?? []).map((email) => ({ email })),
            replace: true,
          }));
      await setAttendance(c.env, c.var.coordinator, sessionId, input);
      return c.json(await attendanceAnswer(c, sessionId));
    },
  );
