/** Worker entry point. */
import { app } from './app.tsx';
import { scheduled } from './cron/scheduled.ts';
import { recordDeliveryEvents } from './email/delivery-events.ts';
import type { Env } from './env.ts';
import { loadCatalogues } from './i18n/catalogue.ts';

export default {
  // The app's first middleware loads the message catalogues (static assets, src/i18n/catalogue.ts);
  // the cron and queue handlers load them first too, as they write e-mails and pages' texts.
  fetch: app.fetch,
  async scheduled(controller, env) {
    await loadCatalogues(env.ASSETS);
    await scheduled(controller, env);
  },
  // Email Sending's delivery events (bounces, failures, complaints), when wrangler.toml binds their queue.
  async queue(batch, env) {
    await loadCatalogues(env.ASSETS);
    await recordDeliveryEvents(
      env,
      batch.messages.map((m) => m.body),
    );
    batch.ackAll();
  },
} satisfies ExportedHandler<Env>;
