/**
 * The API reference as one page rendered from the OpenAPI document: no script, no CDN. Rendered
 * ahead of time with the document (src/openapi/document.ts) into public/api/docs.html.
 */
import type { Child } from 'hono/jsx';
import { html, Layout } from '../pages/layout.tsx';

type Json = Record<string, unknown>;

const asJson = (x: unknown): Json => (x && typeof x === 'object' ? (x as Json) : {});
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** One line saying what a value may be: type, bounds, format, allowed values. */
function constraints(s: Json): string {
  const parts: string[] = [];
  const type = Array.isArray(s.type) ? s.type.join(' or ') : (s.type as string | undefined);
  if ('const' in s) parts.push(`exactly ${JSON.stringify(s.const)}`);
  else if (Array.isArray(s.enum)) parts.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  else if (type) parts.push(type);
  if (s.format) parts.push(`format ${String(s.format)}`);
  const range = (min: unknown, max: unknown, unit: string) =>
    min !== undefined && max !== undefined
      ? `${min}–${max}${unit}`
      : min !== undefined
        ? `at least ${min}${unit}`
        : max !== undefined
          ? `at most ${max}${unit}`
          : '';
  parts.push(range(s.minLength, s.maxLength, ' characters'), range(s.minimum, s.maximum, ''), range(s.minItems, s.maxItems, ' items'));
  if (s.pattern) parts.push(`matching ${String(s.pattern)}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.filter(Boolean).join(', ');
}

function SchemaView({ schema, depth = 0 }: { schema: Json; depth?: number }): Child {
  // Deep definitions (survey questions inside an export) are summarised rather than unrolled forever.
  if (depth > 12) return <span>…</span>;
  const variants = list(schema.anyOf ?? schema.oneOf).map(asJson);
  if (variants.length) {
    return (
      <>
        <span>one of:</span>
        <ol>
          {variants.map((v) => (
            <li>
              <SchemaView schema={v} depth={depth + 1} />
            </li>
          ))}
        </ol>
      </>
    );
  }
  const properties = Object.entries(asJson(schema.properties));
  const required = new Set(list(schema.required));
  return (
    <>
      <span>{constraints(schema) || 'any value'}</span>
      {schema.description ? (
        <span>
          {' — '}
          <Text>{schema.description}</Text>
        </span>
      ) : null}
      {properties.length ? (
        <ul>
          {properties.map(([name, value]) => (
            <li>
              <code>{name}</code> {required.has(name) ? <strong>(required)</strong> : <span>(optional)</span>}:{' '}
              <SchemaView schema={asJson(value)} depth={depth + 1} />
            </li>
          ))}
        </ul>
      ) : null}
      {schema.type === 'object' && schema.additionalProperties === false ? <span> No other fields.</span> : null}
      {schema.items ? (
        <ul>
          <li>
            each item: <SchemaView schema={asJson(schema.items)} depth={depth + 1} />
          </li>
        </ul>
      ) : null}
    </>
  );
}

/** Descriptions use Markdown's `code` spans (as OpenAPI allows); the page shows them as <code>. */
function Text({ children }: { children: unknown }) {
  return (
    <>
      {String(children ?? '')
        .split('`')
        .map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}
    </>
  );
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  method: string;
  path: string;
  op: Json;
}

function operations(doc: Json): Operation[] {
  return Object.entries(asJson(doc.paths)).flatMap(([path, item]) =>
    METHODS.filter((m) => m in asJson(item)).map((method) => ({ method, path, op: asJson(asJson(item)[method]) })),
  );
}

function OperationView({ method, path, op }: Operation) {
  const params = list(op.parameters).map(asJson);
  const body = asJson(asJson(asJson(asJson(op.requestBody).content)['application/json']).schema);
  const secured = list(op.security).length > 0;
  return (
    <section aria-labelledby={String(op.operationId)}>
      <h3 id={String(op.operationId)}>
        <code>
          {method.toUpperCase()} {path}
        </code>
      </h3>
      <p>
        <Text>{op.summary}</Text>
      </p>
      {op.description ? (
        <p>
          <Text>{op.description}</Text>
        </p>
      ) : null}
      <p>
        <strong>Authentication:</strong>{' '}
        {secured ? 'coordinator API key (Authorization: Bearer <key>)' : path.includes('{token}') ? 'the secret token in the path' : 'none'}
      </p>
      {params.length ? (
        <>
          <h4>Parameters</h4>
          <ul>
            {params.map((p) => (
              <li>
                <code>{String(p.name)}</code> (in {String(p.in)}
                {p.required ? ', required' : ''}): {constraints(asJson(p.schema))}
                {p.description ? ` — ${String(p.description)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {Object.keys(body).length ? (
        <>
          <h4>Request body (application/json)</h4>
          <SchemaView schema={body} />
        </>
      ) : null}
      <h4>Responses</h4>
      <ul>
        {Object.entries(asJson(op.responses)).map(([status, r]) => {
          const content = asJson(asJson(r).content);
          // Error bodies all share the Problem component, described once under Errors.
          const schema = asJson(asJson(content['application/json']).schema);
          return (
            <li>
              <strong>{status}</strong>: <Text>{asJson(r).description}</Text>
              {Object.keys(content).length ? ` (${Object.keys(content).join(', ')})` : ''}
              {Object.keys(schema).length ? (
                <details>
                  <summary>Body (application/json)</summary>
                  <SchemaView schema={schema} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ReferencePage({ doc }: { doc: Json }) {
  const ops = operations(doc);
  const tags = list(doc.tags).map((t) => String(asJson(t).name));
  const info = asJson(doc.info);
  return (
    <Layout language="en" title="API reference">
      <h1>{String(info.title)} reference</h1>
      <p>
        <Text>{info.description}</Text>
      </p>
      <p>
        The machine-readable contract is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {String(doc.openapi)}).
      </p>
      <nav aria-labelledby="contents">
        <h2 id="contents">Contents</h2>
        <ul>
          {tags.map((tag) => (
            <li>
              {tag}:{' '}
              {ops
                .filter((o) => list(o.op.tags).includes(tag))
                .map((o, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={`#${String(o.op.operationId)}`}>
                      {o.method.toUpperCase()} {o.path}
                    </a>
                  </>
                ))}
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="errors">
        <h2 id="errors">Errors</h2>
        <p>Every error answers application/problem+json:</p>
        <SchemaView schema={asJson(asJson(asJson(doc.components).schemas).Problem)} />
      </section>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {ops
            .filter((o) => list(o.op.tags).includes(tag))
            .map((o) => (
              <OperationView {...o} />
            ))}
        </section>
      ))}
    </Layout>
  );
}

/** The whole page, as public/api/docs.html holds it. */
export const referencePage = (doc: Json): Promise<string> => html(<ReferencePage doc={doc} />);
