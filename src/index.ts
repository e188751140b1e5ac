/** Worker entry point. */
import { app } from './app.tsx';
import { scheduled } from './cron/scheduled.ts';
import { recordDeliveryEvents } from './email/delivery-events.ts';
import type { Env } from './env.ts';

export default {
  fetch: app.fetch,
  scheduled,
  // Email Sending's delivery events (bounces, failures, complaints), when wrangler.toml binds their queue.
  async queue(batch, env) {
    await recordDeliveryEvents(
      env,
      batch.messages.map((m) => m.body),
    );
    batch.ackAll();
  },
} satisfies ExportedHandler<Env>;
