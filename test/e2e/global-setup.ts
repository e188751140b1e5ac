/**
 * `npm run test:e2e` (node --test --test-global-setup): one `wrangler dev` on one fresh local D1
 * for every browser test file, with a copy of the demo per file (test/e2e/server.ts), stopped
 * once all files are done. Starting it once instead of once per file is most of the run's time.
 * Files still run one at a time (--test-concurrency=1): on the 2-core CI box two at once (two
 * Chromiums beside workerd) were no faster, 131 s against 117 s and 184 s against 201 s.
 */
import { readdirSync } from 'node:fs';
import { publishState, STATE_ENV, startSharedServer } from './server.ts';

let stop: (() => Promise<void>) | undefined;

export async function globalSetup() {
  // One copy per browser test file, whichever of them this run was given.
  const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.e2e.ts')).length;
  const started = await startSharedServer(files);
  stop = started.stop;
  // The test files run in child processes, which inherit the runner's environment.
  process.env[STATE_ENV] = publishState(started.state);
}

export async function globalTeardown() {
  await stop?.();
}
