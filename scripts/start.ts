/**
 * `npm start`: local D1 with migrations and demo data, then the Worker on workerd
 * (wrangler dev). Prints the URL, a demo participant link and a local coordinator key.
 */
import { spawn } from 'node:child_process';
import { DEMO } from './demo-data.ts';
import { seedLocal } from './seed.ts';
import { persistArgs, ROOT, WRANGLER } from './wrangler.ts';

const port = Number(process.env.PORT ?? 8787);
const secrets = await seedLocal();
const base = `http://localhost:${port}`;

const banner = `
  Relais is running on ${base}

  Demo participant link (pre-survey of session #3):
    ${base}/s/${secrets.participantToken}

  Local coordinator key (organisation "${DEMO.organisation}"):
    ${secrets.coordinatorKey}
  Try:  curl -H "Authorization: Bearer ${secrets.coordinatorKey}" ${base}/api/series

  Coordinator workspace: ${base}/app/sign-in
    e-mail ${DEMO.coordinatorEmail}, password ${secrets.coordinatorPassword}
`;

const child = spawn(WRANGLER, persistArgs(['dev', '--port', String(port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false']), {
  cwd: ROOT,
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
});
let shown = false;
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!shown && /Ready on/i.test(chunk.toString())) {
    shown = true;
    console.log(banner);
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
