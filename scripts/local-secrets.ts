/**
 * Secrets of the local demo, made once per checkout and kept beside the local D1 in
 * .wrangler/ (git-ignored): the coordinator key and the participant link survive restarts.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newApiKey } from '../src/coordinators/keys.ts';
import { randomSecret, sha256Hex } from '../src/lib/crypto.ts';
import { LOCAL_DIR, ROOT } from './wrangler.ts';

export interface LocalSecrets {
  coordinatorKey: string;
  participantToken: string;
}

export async function localSecrets(): Promise<LocalSecrets & { coordinatorKeyHash: string; participantTokenHash: string }> {
  const file = path.join(LOCAL_DIR, 'demo-secrets.json');
  let secrets: LocalSecrets;
  if (existsSync(file)) secrets = JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  else {
    secrets = { coordinatorKey: (await newApiKey()).key, participantToken: randomSecret(24) };
    mkdirSync(LOCAL_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  // wrangler dev reads local secrets from .dev.vars.
  const devVars = path.join(ROOT, '.dev.vars');
  if (!existsSync(devVars)) writeFileSync(devVars, `RESPONDENT_KEY=${randomSecret(32)}\n`, { mode: 0o600 });
  // Checkouts made before browser sign-in existed get the session secret added.
  if (!readFileSync(devVars, 'utf8').includes('SESSION_SECRET=')) appendFileSync(devVars, `SESSION_SECRET=${randomSecret(32)}\n`);
  return {
    ...secrets,
    coordinatorKeyHash: await sha256Hex(secrets.coordinatorKey),
    participantTokenHash: await sha256Hex(secrets.participantToken),
  };
}
