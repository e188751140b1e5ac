/** `npm run seed`: applies migrations to the local D1 and loads the demo (idempotent). */
import { demoSeed } from './demo-data.ts';
import { localSecrets } from './local-secrets.ts';
import { applyMigrations, executeSql } from './wrangler.ts';

/** Runs `extra` statements in the same wrangler call (one start-up cost, not two). */
export async function seedLocal(extra: string[] = []) {
  applyMigrations(false);
  const secrets = await localSecrets();
  executeSql([...(await demoSeed(secrets)), ...extra], false);
  return secrets;
}

if (import.meta.main) {
  await seedLocal();
  console.log('Local D1 migrated and demo data loaded.');
}
