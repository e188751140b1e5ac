/**
 * `npm start`: local D1 with migrations and demo data, then the Worker on workerd
 * (wrangler dev). Prints the URL, a demo participant link, a local coordinator key, and a
 * one-time sign-in link for the demo coordinator (locally no e-mail is delivered).
 */
import { spawn } from 'node:child_process';
import { LINK_LIFETIME_MINUTES } from '../src/domain/sign-in-links.ts';
import { DEMO } from './demo-data.ts';
import { seedLocal } from './seed.ts';
import { signInLinkStatements, signInLinkUrl } from './sign-in-link.ts';
import { persistArgs, ROOT, WRANGLER } from './wrangler.ts';

const port = Number(process.env.PORT ?? 8787);
const base = `http://localhost:${port}`;
const link = await signInLinkStatements(DEMO.coordinatorEmail);
const secrets = await seedLocal(link.statements);

const banner = `
  Relais is running on ${base}

  Demo participant link (pre-survey of session #3):
    ${base}/s/${secrets.participantToken}

  Local coordinator key (organisation "${DEMO.organisation}"):
    ${secrets.coordinatorKey}
  Try:  curl -H "Authorization: Bearer ${secrets.coordinatorKey}" ${base}/api/series

  Coordinator workspace, signed in as ${DEMO.coordinatorEmail} by a one-time link
  (valid ${LINK_LIFETIME_MINUTES} minutes, for one sign-in; no e-mail is delivered locally):
    ${signInLinkUrl(base, link.token)}
  Another one:  npm run coordinator -- sign-in-link --email ${DEMO.coordinatorEmail}
`;

// Every link that leaves Relais (e-mails, the links CSV, calendar feeds) uses PUBLIC_URL: locally, this server.
const publicUrl = process.env.PUBLIC_URL || base;
const args = [
  'dev',
  '--port',
  String(port),
  '--ip',
  '127.0.0.1',
  '--show-interactive-dev-session=false',
  '--var',
  `PUBLIC_URL:${publicUrl}`,
];
const child = spawn(WRANGLER, persistArgs(args), {
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
