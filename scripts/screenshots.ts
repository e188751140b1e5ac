/**
 * `npm run screenshots`: the main pages on a phone and a desktop, taken in Debian's Chromium
 * from the demo served by the real Worker, into docs/screenshots/ (shown in the README).
 */
import path from 'node:path';
import { DESKTOP, launch, PHONE } from '../test/e2e/browser.ts';
import { DEMO } from './demo-data.ts';
import { startLocalServer } from './local-server.ts';
import { ROOT } from './wrangler.ts';

const out = (name: string) => path.join(ROOT, 'docs', 'screenshots', `${name}.png`);
const server = await startLocalServer();
const browser = await launch();
try {
  const link = `${server.base}/s/${server.participantToken}`;
  const phone = await browser.newPage({ ...PHONE, deviceScaleFactor: 1 });
  await phone.goto(`${link}?lang=fr`);
  await phone.screenshot({ path: out('survey-phone') });
  await phone.getByLabel('Créer des liens avec d’autres acteur·rices').check();
  await phone.selectOption('#q-themes-t900011', '1');
  await phone.selectOption('#q-themes-t900009', '2');
  await phone.locator('form.survey button[type=submit]').click();
  await phone.waitForURL(/\/done/);
  await phone.screenshot({ path: out('confirmation-phone') });

  const desktop = await browser.newPage({ ...DESKTOP });
  await desktop.goto(`${link}?lang=nl`);
  await desktop.screenshot({ path: out('survey-desktop') });
  await desktop.goto(await server.signInLink(DEMO.coordinatorEmail));
  await desktop.locator('form button[type=submit]').click();
  await desktop.waitForURL(/\/app\/series$/);
  await desktop.goto(`${server.base}/app/sessions/900003`);
  await desktop.screenshot({ path: out('workspace-session-desktop') });
  await desktop.goto(`${server.base}/api/sessions/900002/brief?format=html`);
  await desktop.screenshot({ path: out('brief-desktop') });
  console.log('Screenshots written to docs/screenshots/');
} finally {
  await browser.close();
  await server.stop();
}
