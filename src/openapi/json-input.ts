/**
 * A route's JSON body, validated by its valibot schema and declared in the route's type, so
 * that `hc<AppType>` clients get the request type for free. Validation and errors are those
 * of `jsonBody` (415, 400, 413, 422 naming each field); the handler reads `c.req.valid('json')`.
 */
import { createMiddleware } from 'hono/factory';
import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { jsonBody } from '../http/body.ts';

export function jsonInput<S extends v.GenericSchema>(schema: S) {
  return createMiddleware<AppEnv, string, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }>(async (c, next) => {
    c.req.addValidatedData('json', (await jsonBody(c, schema)) as object);
    await next();
  });
}
