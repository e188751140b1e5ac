import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LocalizedTextSchema } from '../domain/language.ts';
import { IdSchema, InstantSchema } from '../lib/schemas.ts';

export const CreateThemeSchema = v.strictObject({ label: LocalizedTextSchema });

/** Rename, archive/reactivate, or merge into another theme of the same series. */
export const UpdateThemeSchema = v.pipe(
  v.strictObject({
    label: v.optional(LocalizedTextSchema),
    status: v.optional(v.picklist(['active', 'archived'])),
    merged_into: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
  v.check((p) => Object.keys(p).length > 0, 'send at least one of label, status, merged_into'),
  v.forward(
    v.check((p) => !(p.merged_into !== undefined && p.status === 'active'), 'a merged theme cannot stay active'),
    ['status'],
  ),
);

/** A theme of the catalogue as the API answers it; `merged_into` is set once it was merged (and archived). */
export const ThemeResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      series_id: IdSchema,
      label: LocalizedTextSchema,
      status: v.picklist(['active', 'archived']),
      merged_into: v.nullable(IdSchema),
      created_at: InstantSchema,
    })
  : (undefined as never);

export const ThemeListResponseSchema = RELAIS_DOCS ? v.object({ themes: v.array(ThemeResponseSchema) }) : (undefined as never);
