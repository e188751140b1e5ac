/** What the calendar routes answer in JSON (the feeds themselves are RFC 5545 text). */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { IdSchema } from '../lib/schemas.ts';

export const CalendarFeedResponseSchema = RELAIS_DOCS
  ? v.object({
      series_id: IdSchema,
      url: v.pipe(v.string(), v.url(), v.description('the public feed URL, shown only in this answer')),
    })
  : (undefined as never);
