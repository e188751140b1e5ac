/**
 * RFC 9457 problem details: every error the API answers has this shape, names the field at
 * fault where there is one, and never carries a stack trace, a token or a key.
 */
import '../openapi/docs-flag.ts';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import { apiLanguage, translateProblem } from '../i18n/errors/index.ts';

export interface ProblemField {
  field: string;
  message: string;
  code?: string;
}

export class Problem extends Error {
  readonly status: ContentfulStatusCode;
  readonly title: string;
  readonly slug: string;
  readonly errors: ProblemField[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    slug: string,
    title: string,
    options: { detail?: string; errors?: ProblemField[]; headers?: Record<string, string> } = {},
  ) {
    super(options.detail ?? title);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toJSON() {
    return {
      type: `/problems/${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** The body of every error (application/problem+json), as toJSON writes it; documented as the Problem component. */
export const ProblemResponseSchema = RELAIS_DOCS
  ? v.pipe(
      v.object({
        type: v.pipe(v.string(), v.startsWith('/problems/')),
        title: v.string(),
        status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
        detail: v.string(),
        errors: v.optional(
          v.array(
            v.object({
              field: v.string(),
              message: v.string(),
              code: v.optional(v.string()),
            }),
          ),
        ),
      }),
      v.description('RFC 9457 problem details; `errors` names each bad field.'),
    )
  : (undefined as never);

export const notFound = (what = 'resource') => new Problem(404, 'not-found', 'Not found', { detail: `No such ${what}.` });

export function invalid(errors: ProblemField[], detail = 'The request has invalid fields.') {
  return new Problem(422, 'invalid-fields', 'Invalid fields', { detail, errors });
}

/** The problem in the caller's language (`Accept-Language`; English without it): src/i18n/errors/. */
export function problemResponse(c: Context, problem: Problem): Response {
  const language = apiLanguage(c.req.header('accept-language'));
  return c.body(JSON.stringify(translateProblem(problem.toJSON(), language)), problem.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Language': language,
    Vary: 'Accept-Language',
    'Cache-Control': 'no-store',
    ...problem.headers,
  });
}
