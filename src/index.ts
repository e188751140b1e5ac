/** Worker entry point. */
import { app } from './app.tsx';
import { scheduled } from './cron/scheduled.ts';
import type { Env } from './env.ts';

export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Env>;
