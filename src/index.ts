/** Worker entry point. */
import { app } from './app.tsx';
import type { Env } from './env.ts';

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
