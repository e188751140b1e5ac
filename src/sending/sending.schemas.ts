import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { CountSchema, IdSchema, InstantSchema } from '../lib/schemas.ts';
import { SEND_KINDS } from './sending.queries.ts';

/** A send job's progress: `sent` of `total` (sent or recorded), `failed` refused by the e-mail service. */
export const SendJobResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      survey_id: IdSchema,
      kind: v.picklist(SEND_KINDS),
      total: CountSchema,
      sent: CountSchema,
      failed: CountSchema,
      remaining: CountSchema,
      created_at: InstantSchema,
      finished_at: v.nullable(InstantSchema),
    })
  : (undefined as never);
