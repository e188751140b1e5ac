/**
 * Coordinators and their credentials, local D1 by default, the deployed one with --remote:
 *   npm run coordinator -- add --email <e-mail> --org "<organisation>" [--label <text>]
 *       creates the organisation and coordinator if needed and prints a new API key, once;
 *   npm run coordinator -- password --email <e-mail> [--password-stdin]
 *       sets the password of the sign-in page (asked twice on a terminal, else read from stdin);
 *   npm run coordinator -- keys --email <e-mail>      lists the coordinator's API keys;
 *   npm run coordinator -- revoke --id <n>            revokes one API key.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { newApiKey } from '../src/coordinators/keys.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../src/domain/passwords.ts';
import { applyMigrations, executeSql, literal } from './wrangler.ts';

const USAGE = `usage:
  npm run coordinator -- add --email <e-mail> --org "<organisation>" [--label <text>] [--remote]
  npm run coordinator -- password --email <e-mail> [--password-stdin] [--remote]
  npm run coordinator -- keys --email <e-mail> [--remote]
  npm run coordinator -- revoke --id <n> [--remote]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    org: { type: 'string' },
    label: { type: 'string' },
    id: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
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
const Password = v.pipe(
  v.string(),
  v.minLength(MIN_PASSWORD_LENGTH, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`),
  v.maxLength(MAX_PASSWORD_LENGTH, `the password has at most ${MAX_PASSWORD_LENGTH} characters`),
);

function parse<S extends v.GenericSchema>(schema: S): v.InferOutput<S> {
  const parsed = v.safeParse(schema, values);
  if (!parsed.success) fail(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.output;
}

type Rows = { results: Record<string, unknown>[] }[];
const run = (sql: string[]) => executeSql(sql, values.remote) as Rows;

async function readLines(count: number, prompts: string[]): Promise<string[]> {
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: false });
  const lines: string[] = [];
  if (process.stdin.isTTY) process.stderr.write(prompts[0] ?? '');
  for await (const line of rl) {
    lines.push(line);
    if (lines.length >= count) break;
    if (process.stdin.isTTY) process.stderr.write(prompts[lines.length] ?? '');
  }
  rl.close();
  return lines;
}

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

async function password() {
  const { email } = parse(EmailArgs);
  let input: string;
  if (values['password-stdin'] || !process.stdin.isTTY) {
    input = (await readLines(1, []))[0] ?? '';
  } else {
    // Typed twice: a typo would lock the coordinator out. (The terminal echoes; use
    // --password-stdin from a password manager to keep it off the screen.)
    const [first = '', second = ''] = await readLines(2, ['New password: ', 'Again: ']);
    if (first !== second) fail('the two passwords differ; nothing was changed.');
    input = first;
  }
  const parsed = v.safeParse(Password, input);
  if (!parsed.success) fail(parsed.issues.map((i) => i.message).join('\n'));
  const hash = await hashPassword(parsed.output);
  const result = run([
    `UPDATE coordinators SET password_hash = ${literal(hash)} WHERE email = ${literal(email)}`,
    // A new password ends every open browser session of this coordinator.
    `DELETE FROM web_sessions WHERE coordinator_id = (SELECT id FROM coordinators WHERE email = ${literal(email)})`,
    `SELECT count(*) AS n FROM coordinators WHERE email = ${literal(email)} AND password_hash = ${literal(hash)}`,
  ]);
  if (result.at(-1)?.results[0]?.n !== 1) fail(`no coordinator ${email}; add them first.`);
  console.log(`Password of ${email} set; their browser sessions were signed out.`);
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

const commands: Record<string, () => unknown> = { add, password, keys, revoke };
const command = commands[positionals[0] ?? ''];
if (!command) fail(`unknown command: ${positionals[0] ?? '(none)'}`);
if (!values.remote) applyMigrations(false);
await command();
