/** Payloads of the series' contacts, "invite from" and attendance: one schema each (validation, types, OpenAPI). */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { ParticipantSchema } from '../invitations/invitations.schemas.ts';
import { CountSchema, IdSchema, InstantSchema } from '../lib/schemas.ts';

/** The media types an address book arrives in (a CSV, Excel's "Unicode text", a vCard file). */
export const ADDRESS_BOOK_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'text/vcard',
  'text/x-vcard',
  'application/octet-stream',
];

const Id = v.pipe(v.number(), v.integer(), v.minValue(1));

/** POST /api/surveys/{id}/invitations/from */
export const InviteFromSchema = v.variant('source', [
  v.strictObject({ source: v.pipe(v.literal('directory'), v.description("every contact of the survey's series who has not opted out")) }),
  v.strictObject({
    source: v.pipe(
      v.picklist(['invited', 'answered']),
      v.description('everyone invited to, or who answered, another survey of the series'),
    ),
    survey_id: Id,
  }),
  v.strictObject({
    source: v.pipe(v.literal('attended'), v.description('everyone on the attendance list of a session of the series')),
    session_id: Id,
  }),
]);
export type InviteFromInput = v.InferOutput<typeof InviteFromSchema>;

export const InviteFromResponseSchema = RELAIS_DOCS
  ? v.object({
      added: v.pipe(CountSchema, v.description('new invitations (links issued when sent)')),
      already: v.pipe(CountSchema, v.description('people the source names who were already invited (they keep their live link)')),
    })
  : (undefined as never);

/** PUT /api/sessions/{id}/attendance as JSON (a CSV or vCard body is read as an address book). */
export const AttendanceSchema = v.strictObject({
  contact_ids: v.optional(v.pipe(v.array(Id), v.maxLength(1000))),
  emails: v.optional(v.pipe(v.array(ParticipantSchema.entries.email), v.maxLength(1000))),
});

export const AttendanceResponseSchema = RELAIS_DOCS
  ? v.object({
      session_id: IdSchema,
      attended: CountSchema,
      attendees: v.array(v.object({ contact_id: IdSchema, email: v.string(), name: v.nullable(v.string()), recorded_at: InstantSchema })),
    })
  : (undefined as never);

export const ContactImportQuerySchema = v.strictObject({
  dry_run: v.optional(v.pipe(v.picklist(['0', '1', 'true', 'false']), v.description('1: read and report, import nothing (the preview)'))),
});

const RowReportSchema = RELAIS_DOCS
  ? v.object({
      row: v.pipe(CountSchema, v.description('the row as a spreadsheet numbers it (header = 1), or the card number in a vCard file')),
      status: v.picklist(['skipped', 'doubtful']),
      reason: v.picklist(['noAddress', 'phoneOnly', 'badAddress', 'unreadable', 'severalAddresses', 'duplicate']),
      label: v.string(),
      email: v.optional(v.string()),
    })
  : (undefined as never);

export const ContactImportResponseSchema = RELAIS_DOCS
  ? v.object({
      dry_run: v.boolean(),
      format: v.picklist(['csv', 'vcard']),
      encoding: v.picklist(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
      contacts: v.pipe(CountSchema, v.description('good rows: imported, or to be imported by the same call without dry_run')),
      imported: CountSchema,
      rows: v.array(RowReportSchema),
    })
  : (undefined as never);

export const ContactListResponseSchema = RELAIS_DOCS
  ? v.object({
      contacts: v.array(
        v.object({
          id: IdSchema,
          email: v.string(),
          name: v.nullable(v.string()),
          organisation: v.nullable(v.string()),
          language: v.nullable(LanguageSchema),
          opted_out_at: v.nullable(InstantSchema),
          created_at: InstantSchema,
          updated_at: InstantSchema,
        }),
      ),
    })
  : (undefined as never);
