/** Small schema pieces shared by several payloads. */
import * as v from 'valibot';

/** ISO 8601 with an explicit offset (or Z), normalised to UTC so SQL can compare instants. */
export const DateTimeSchema = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'expected an ISO 8601 date-time with offset, e.g. 2025-12-18T13:00:00+01:00',
  ),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a real date-time'),
  v.transform((s) => new Date(s).toISOString()),
);

export const TitleSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200));
export const ShortTextSchema = v.pipe(v.string(), v.trim(), v.maxLength(200));
