/** Small schema pieces shared by several payloads. */
import * as v from 'valibot';
import { normaliseNfc, TEXT_REFUSAL_MESSAGES, textRefusal } from '../domain/text-hygiene.ts';

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

/**
 * The building block of every text a person types (titles, labels, places, names): refuses
 * lone surrogates and control, bidi-override and zero-width characters (domain/text-hygiene.ts)
 * and gives the text in NFC, trimmed. `message` replaces the API's fixed texts where a form
 * shows its own (the workspace's catalogue keys).
 */
export function CleanText(options: { multiline?: boolean; message?: string } = {}) {
  return v.pipe(
    v.string(),
    v.rawCheck<string>(({ dataset, addIssue }) => {
      const refusal = dataset.typed ? textRefusal(dataset.value, options.multiline) : null;
      if (refusal) addIssue({ message: options.message ?? TEXT_REFUSAL_MESSAGES[refusal] });
    }),
    v.transform(normaliseNfc),
    v.trim(),
  );
}

/** A title must still say something once normalised and trimmed. */
export const TitleSchema = v.pipe(CleanText(), v.minLength(1, 'must not be empty'), v.maxLength(200));
export const ShortTextSchema = v.pipe(CleanText(), v.maxLength(200));

/*
 * Pieces of the response schemas (documented by each route's contract, src/openapi/contract.ts): what the API
 * answers, not what it accepts. Times are written by SQLite's strftime or toISOString, in UTC.
 */
export const IdSchema = v.pipe(v.number(), v.integer(), v.minValue(1));
export const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
export const InstantSchema = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 UTC timestamp'));

/** The schema each `documentedAs` value is typed and documented as. */
const SHAPES = new WeakMap<object, v.GenericSchema>();

/**
 * A value typed (for clients) and documented (OpenAPI, src/openapi/document.ts) as `shape`, of
 * which only `check` is enforced here: for input a later check judges more precisely than
 * `shape` could, naming the field it concerns (answers are checked per question against the
 * survey by domain/answers.ts; refusing them here would name only their parent).
 */
export function documentedAs<S extends v.GenericSchema, Checked>(shape: S, check: (x: unknown) => x is Checked, message: string) {
  const schema = v.custom<Checked>(check, message);
  SHAPES.set(schema, shape);
  // What a client sends is typed as the shape; what the handler gets, as what was checked.
  return schema as unknown as v.GenericSchema<v.InferInput<S>, Checked>;
}

/** The shape a `documentedAs` schema is documented as, if it is one. */
export const documentedShape = (schema: object): v.GenericSchema | undefined => SHAPES.get(schema);
