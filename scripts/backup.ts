/**
 * `npm run backup [-- --remote]`: exports the whole D1 database (schema + data) to
 * backups/relais-<local|remote>-<timestamp>.sql. Restore with
 * `wrangler d1 execute DB --remote --file <that file>` into an empty database — or, for the
 * last 30 days, use D1 Time Travel (`wrangler d1 time-travel restore DB --timestamp …`).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, target, wrangler } from './wrangler.ts';

const { values } = parseArgs({ options: { remote: { type: 'boolean', default: false } } });
const dir = path.join(ROOT, 'backups');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `relais-${values.remote ? 'remote' : 'local'}-${new Date().toISOString().replace(/[:.]/g, '-')}.sql`);
wrangler(['d1', 'export', 'DB', target(values.remote), '--output', file], { quiet: true });
console.log(`Exported to ${path.relative(ROOT, file)}`);
