/**
 * Coordinators and their credentials, local D1 by default, the deployed one with --remote:
 *   npm run coordinator -- add --email <e-mail> --org "<organisation>" [--label <text>]
 *       creates the organisation and coordinator if needed and prints a new API key, once;
 *   npm run coordinator -- sign-in-link --email <e-mail> [--url <origin>]
 *       prints a one-time link to the workspace (valid 15 minutes), for when no e-mail reaches
 *       the coordinator: locally, for the first coordinator of a deployment, or by an operator;
 *   npm run coordinator -- keys --email <e-mail>      lists the coordinator's API keys;
 *   npm run coordinator -- revoke --id <n>            revokes one API key.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { newApiKey } from '../src/coordinators/keys.ts';
import { LINK_LIFETIME_MINUTES } from '../src/domain/sign-in-links.ts';
import { configuredPublicUrl, issueSignInLink } from './sign-in-link.ts';
import { applyMigrations, executeSql, literal } from './wrangler.ts';

const USAGE = `usage:
  npm run coordinator -- add --email <e-mail> --org "<organisation>" [--label <text>] [--remote]
  npm run coordinator -- sign-in-link --email <e-mail> [--url <origin>] [--remote]
  npm run coordinator -- keys --email <e-mail> [--remote]
  npm run coordinator -- revoke --id <n> [--remote]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    org: { type: 'string' },
    label: { type: 'string' },
    id: { type: 'string' },
    url: { type: 'string' },
    remote: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

const Email = v.pipe(v.string('--email is required'), v.trim(), v.toLowerCase(), v.email('--email is not a valid e-mail address'));
const AddArgs = v.object({
  email: Email,
  org: v.pipe(v.string('--org is required'), v.trim(), v.minLength(1, '--org must not be empty'), v.maxLength(200)),
  label: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
const EmailArgs = v.object({ email: Email });
const IdArgs = v.object({
  id: v.pipe(v.string('--id is required'), v.regex(/^[1-9]\d{0,15}$/, '--id must be a key id'), v.transform(Number)),
});
const LinkArgs = v.object({
  email: Email,
  url: v.optional(
    v.pipe(
      v.string(),
      v.url('--url must be an origin like https://relais.example.org'),
      v.regex(/^https?:\/\/[^/?#]+\/?$/, '--url must be an origin like https://relais.example.org'),
    ),
  ),
});

function parse<S extends v.GenericSchema>(schema: S): v.InferOutput<S> {
  const parsed = v.safeParse(schema, values);
  if (!parsed.success) fail(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.output;
}

type Rows = { results: Record<string, unknown>[] }[];
const run = (sql: string[]) => executeSql(sql, values.remote) as Rows;

async function add() {
  const { email, org, label } = parse(AddArgs);
  const { key, hash } = await newApiKey();
  const result = run([
    `INSERT INTO organisations (name) VALUES (${literal(org)}) ON CONFLICT (name) DO NOTHING`,
    `INSERT INTO coordinators (organisation_id, email) SELECT id, ${literal(email)} FROM organisations WHERE name = ${literal(org)}
       ON CONFLICT (email) DO NOTHING`,
    // The key is attached only if the coordinator belongs to that organisation.
    `INSERT INTO api_keys (coordinator_id, key_hash, label)
       SELECT c.id, ${literal(hash)}, ${literal(label ?? null)} FROM coordinators c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.email = ${literal(email)} AND o.name = ${literal(org)}`,
    `SELECT count(*) AS n FROM api_keys WHERE key_hash = ${literal(hash)}`,
  ]);
  if (result.at(-1)?.results[0]?.n !== 1) fail(`${email} already belongs to another organisation; no key was created.`);
  console.log(`Coordinator ${email} (${org}) — API key, shown only now:\n\n  ${key}\n`);
}

async function signInLink() {
  const { email, url } = parse(LinkArgs);
  // Where the workspace is: --url, else the deployment's PUBLIC_URL, else the local server.
  const base = url ?? (values.remote ? configuredPublicUrl() : `http://localhost:${process.env.PORT ?? 8787}`);
  if (!base) fail('PUBLIC_URL is empty in wrangler.toml: pass --url https://<your workspace host>.');
  const link = await issueSignInLink(email, base, values.remote);
  if (!link) fail(`no coordinator ${email}; add them first.`);
  console.log(`One-time sign-in link for ${email}, valid ${LINK_LIFETIME_MINUTES} minutes, for one sign-in:\n\n  ${link}\n`);
}

function keys() {
  const { email } = parse(EmailArgs);
  const result = run([
    `SELECT k.id, k.label, k.created_at, k.revoked_at FROM api_keys k JOIN coordinators c ON c.id = k.coordinator_id
      WHERE c.email = ${literal(email)} ORDER BY k.id`,
  ]);
  const rows = result[0]?.results ?? [];
  if (!rows.length) console.log(`No API keys for ${email}.`);
  for (const r of rows) {
    console.log(`${r.id}\t${r.revoked_at ? `revoked ${r.revoked_at}` : 'active'}\tcreated ${r.created_at}\t${r.label ?? ''}`);
  }
}

function revoke() {
  const { id } = parse(IdArgs);
  const result = run([
    `UPDATE api_keys SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ${id} AND revoked_at IS NULL`,
    `SELECT revoked_at FROM api_keys WHERE id = ${id}`,
  ]);
  const row = result.at(-1)?.results[0];
  if (!row) fail(`no API key ${id}.`);
  console.log(`API key ${id} revoked (${row.revoked_at}).`);
}

const commands: Record<string, () => unknown> = { add, 'sign-in-link': signInLink, keys, revoke };
const command = commands[positionals[0] ?? ''];
if (!command) fail(`unknown command: ${positionals[0] ?? '(none)'}`);
if (!values.remote) applyMigrations(false);
await command();
