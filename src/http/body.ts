/** Reading and validating request bodies: one valibot schema per payload, errors by field. */
import type { Context } from 'hono';
import * as v from 'valibot';
import { invalid, Problem } from './problem.ts';

/**
 * Valibot's default messages quote the value received; an error must never echo input (it may
 * be a secret, or markup), so default messages say only what was expected.
 */
function messageWithoutInput(issue: v.BaseIssue<unknown>): string {
  const n = typeof issue.requirement === 'number' ? issue.requirement : undefined;
  switch (issue.type) {
    case 'strict_object':
      return 'unexpected field';
    case 'email':
      return 'not a valid e-mail address';
    case 'integer':
      return 'expected a whole number';
    case 'min_length':
      return n === 1 ? 'must not be empty' : `too short (at least ${n})`;
    case 'max_length':
      return `too long (at most ${n})`;
    case 'min_value':
      return `must be at least ${n}`;
    case 'max_value':
      return `must be at most ${n}`;
    default:
      return issue.expected ? `expected ${issue.expected}` : 'invalid value';
  }
}
v.setGlobalMessage(messageWithoutInput);

/** Larger than any honest survey submission or invitation list (500 people ≈ 40 KiB). */
export const MAX_BODY_BYTES = 256 * 1024;

export async function readBytes(c: Context): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
  return bytes;
}

const tooLarge = () =>
  new Problem(413, 'body-too-large', 'Body too large', {
    detail: `The body exceeds ${MAX_BODY_BYTES} bytes.`,
    errors: [{ field: 'body', message: `at most ${MAX_BODY_BYTES} bytes` }],
  });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Problem(400, 'invalid-encoding', 'Invalid encoding', {
      detail: 'The body is not valid UTF-8.',
      errors: [{ field: 'body', message: 'not valid UTF-8' }],
    });
  }
}

const URL_ENCODED = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * The one reader of a url-encoded form (the pages that work without JavaScript): 415 for any
 * other type, 413 past the size limit, 400 when not UTF-8. Every value of each name is kept.
 */
export async function readUrlEncoded(c: Context): Promise<URLSearchParams> {
  if (!URL_ENCODED.test(c.req.header('content-type') ?? '')) {
    throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', {
      errors: [{ field: 'content-type', message: 'expected application/x-www-form-urlencoded' }],
    });
  }
  return new URLSearchParams(decodeUtf8(await readBytes(c)));
}

/** Form fields: the last value of each name, files kept apart. */
export type FormFields = Record<string, string | File | (string | File)[]>;

/** A form that may carry a file (the workspace's contacts import): url-encoded as above, or multipart. */
export async function readForm(c: Context): Promise<FormFields> {
  if (URL_ENCODED.test(c.req.header('content-type') ?? '')) return Object.fromEntries(await readUrlEncoded(c));
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
    throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', {
      errors: [{ field: 'content-type', message: 'expected a form' }],
    });
  }
  if (Number(c.req.header('content-length') ?? '0') > MAX_BODY_BYTES) throw tooLarge();
  let form: FormFields;
  try {
    form = await c.req.parseBody();
  } catch {
    // A truncated or malformed multipart body is the client's fault, not ours.
    throw new Problem(400, 'malformed-form', 'Malformed form', { errors: [{ field: 'body', message: 'not a readable form' }] });
  }
  // A body sent without a length is only measured once read.
  if (Object.values(form).some((value) => value instanceof File && value.size > MAX_BODY_BYTES)) throw tooLarge();
  return form;
}

/** Parses a JSON body (415 if it is not JSON, 400 if malformed) and returns it unvalidated. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(type)) {
    throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', {
      detail: 'Send the body as application/json.',
      errors: [{ field: 'content-type', message: 'expected application/json' }],
    });
  }
  const text = decodeUtf8(await readBytes(c));
  try {
    return JSON.parse(text);
  } catch {
    throw new Problem(400, 'malformed-json', 'Malformed JSON', {
      detail: 'The body is not valid JSON.',
      errors: [{ field: 'body', message: 'not valid JSON' }],
    });
  }
}

/**
 * Every key a schema declares (object entries at any depth). A path is spelled only with
 * these and with array indexes: a key the schema does not declare — an unexpected field, or a
 * record's key such as an answer's question id — was chosen by the sender, so it must not be
 * echoed (it may be markup, or a secret pasted in the wrong place).
 */
const declaredKeys = new WeakMap<object, Set<string>>();

function keysOf(schema: object): Set<string> {
  const cached = declaredKeys.get(schema);
  if (cached) return cached;
  const keys = new Set<string>();
  const seen = new Set<object>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const n = node as Record<string, unknown>;
    if (n.entries && typeof n.entries === 'object') {
      for (const [k, child] of Object.entries(n.entries)) {
        keys.add(k);
        visit(child);
      }
    }
    for (const child of [n.wrapped, n.item, n.key, n.value, n.rest]) visit(child);
    for (const list of [n.options, n.items, n.pipe]) if (Array.isArray(list)) for (const child of list) visit(child);
  };
  visit(schema);
  declaredKeys.set(schema, keys);
  return keys;
}

/**
 * Turns valibot issues into problem fields named by the schema's path (`participants.3.email`).
 * Where the path reaches a key the schema does not declare, the field is the path up to there
 * (`answers`, or `body` at the top), and the message says the key is unknown, never which.
 */
export function issuesToFields(issues: readonly v.BaseIssue<unknown>[], prefix = '', schema?: object) {
  const known = schema ? keysOf(schema) : undefined;
  return issues.map((issue) => {
    const parts: string[] = [];
    let undeclared = false;
    for (const item of issue.path ?? []) {
      const key: unknown = item.key;
      if (typeof key === 'number' && Number.isInteger(key)) parts.push(String(key));
      else if (typeof key === 'string' && known?.has(key)) parts.push(key);
      else {
        undeclared = true;
        break;
      }
    }
    const field = [prefix, ...parts].filter(Boolean).join('.') || 'body';
    const message = !undeclared ? issue.message : issue.type === 'strict_object' ? 'unexpected field' : `unknown key: ${issue.message}`;
    return { field, message };
  });
}

export function validate<S extends v.GenericSchema>(schema: S, value: unknown, prefix = ''): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw invalid(issuesToFields(result.issues, prefix, schema));
  return result.output;
}

/** Reads a JSON body and validates it against the payload's schema. */
export async function jsonBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  return validate(schema, await readJsonBody(c));
}

/** Path ids are positive integers; anything else cannot name a row, so it is a 404. */
export function pathId(c: Context, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,15}$/.test(raw)) {
    throw new Problem(404, 'not-found', 'Not found', {
      detail: `No resource with this ${name}.`,
      errors: [{ field: name, message: 'not a known id' }],
    });
  }
  return Number(raw);
}
