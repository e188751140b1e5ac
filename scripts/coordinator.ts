/**
 * `npm run coordinator -- add --email <e-mail> --org "<organisation>" [--remote]`
 * Creates the organisation and coordinator if needed and prints a new API key, once.
 * Without --remote it writes to the local D1; with it, to the deployed one.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { newApiKey } from '../src/coordinators/keys.ts';
import { applyMigrations, executeSql, literal } from './wrangler.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, org: { type: 'string' }, label: { type: 'string' }, remote: { type: 'boolean', default: false } },
});

const Args = v.object({
  email: v.pipe(v.string('--email is required'), v.trim(), v.toLowerCase(), v.email('--email is not a valid e-mail address')),
  org: v.pipe(v.string('--org is required'), v.trim(), v.minLength(1, '--org must not be empty'), v.maxLength(200)),
  label: v.optional(v.pipe(v.string(), v.maxLength(100))),
});

function fail(message: string): never {
  console.error(message);
  console.error('usage: npm run coordinator -- add --email <e-mail> --org "<organisation>" [--label <text>] [--remote]');
  process.exit(2);
}

if (positionals[0] !== 'add') fail(`unknown command: ${positionals[0] ?? '(none)'}`);
const parsed = v.safeParse(Args, values);
if (!parsed.success) fail(parsed.issues.map((i) => i.message).join('\n'));
const { email, org, label } = parsed.output;

if (!values.remote) applyMigrations(false);
const { key, hash } = await newApiKey();
const result = executeSql(
  [
    `INSERT INTO organisations (name) VALUES (${literal(org)}) ON CONFLICT (name) DO NOTHING`,
    `INSERT INTO coordinators (organisation_id, email) SELECT id, ${literal(email)} FROM organisations WHERE name = ${literal(org)}
       ON CONFLICT (email) DO NOTHING`,
    // The key is attached only if the coordinator belongs to that organisation.
    `INSERT INTO api_keys (coordinator_id, key_hash, label)
       SELECT c.id, ${literal(hash)}, ${literal(label ?? null)} FROM coordinators c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.email = ${literal(email)} AND o.name = ${literal(org)}`,
    `SELECT count(*) AS n FROM api_keys WHERE key_hash = ${literal(hash)}`,
  ],
  values.remote,
) as { results: { n?: number }[] }[];
const created = result.at(-1)?.results[0]?.n === 1;
if (!created) fail(`${email} already belongs to another organisation; no key was created.`);
console.log(`Coordinator ${email} (${org}) — API key, shown only now:\n\n  ${key}\n`);
