/**
 * A coordinator prepares the minutes of session #2 of the demo in Chromium with JavaScript
 * off: writes the text of a section, saves it, and reads it in the printable brief above the
 * figures, marked as written; sets what became of an action; the pages pass axe and fit a phone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, expectNoAxeViolations, launch, PHONE } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

let server: E2EServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  server = await useServer();
  browser = await launch(server);
  context = await browser.newContext({ ...DESKTOP, locale: 'fr-BE', javaScriptEnabled: false });
  page = await context.newPage();
  await page.goto(await server.signInLink(server.demo.coordinatorEmail));
  await page.locator('form.stack button[type=submit]').click();
  await page.waitForURL(/\/app\/series$/);
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('the minutes of #2, without JavaScript', () => {
  it('writes the text of a section and reads it in the printable brief, marked as written', async () => {
    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(2)}`);
    await page.getByRole('link', { name: 'Préparer le compte rendu' }).click();
    await page.getByRole('heading', { name: 'Compte rendu de la séance #2' }).waitFor();
    const field = page.getByLabel('Texte de la section — Attentes des participant·es et objectifs');
    await field.fill('Les participant·es attendent surtout des liens.\n\n- Se connaître\n- Agir ensemble <b>vite</b>');
    await page.getByRole('button', { name: 'Enregistrer cette section — Attentes des participant·es et objectifs' }).click();
    await page.waitForURL(/notice=saved/);
    assert.match(
      await page.locator('#info-expectations').innerText(),
      new RegExp(`Version 1, par ${server.demo.coordinatorEmail.replace(/\./g, '\\.')}`),
    );

    await page.getByRole('link', { name: 'Synthèse pour la prochaine séance' }).first().click();
    const section = page.locator('section[aria-labelledby="expectations"]');
    const written = section.locator('.written');
    assert.match(await written.innerText(), /Rédigé par la coordination\s+Les participant·es attendent surtout des liens\./i);
    assert.deepEqual(await written.locator('li').allInnerTexts(), ['Se connaître', 'Agir ensemble <b>vite</b>']);
    // The figures follow, labelled as measured.
    assert.match(await section.innerText(), /Rédigé par la coordination[\s\S]+Mesuré par les questionnaires[\s\S]+Qu’attendez-vous/i);
  });

  it('sets what became of an action, which the next brief reports', async () => {
    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(2)}/minutes`);
    await page.getByLabel('Statut — Échanges de pratiques').selectOption('planned');
    await page.getByLabel('Note pour la prochaine séance — Échanges de pratiques').fill('Premier échange en février');
    await page.getByRole('button', { name: 'Enregistrer — Échanges de pratiques' }).click();
    await page.waitForURL(/notice=saved/);
    await page.goto(`${server.base}/api/sessions/${server.demo.sessionId(2)}/brief?format=html`);
    assert.match(
      await page.locator('ul.follow-up').innerText(),
      /Échanges de pratiques — prévue \(proposée à la séance #1[^)]*\) : Premier échange en février/,
    );
  });

  it('passes axe (with JavaScript, which axe needs) and fits a phone', async () => {
    const phone = await browser.newContext({ ...PHONE, locale: 'fr-BE', bypassCSP: true });
    const p = await phone.newPage();
    await p.goto(await server.signInLink(server.demo.coordinatorEmail));
    await p.locator('form.stack button[type=submit]').click();
    await p.waitForURL(/\/app\/series$/);
    await p.goto(`${server.base}/app/sessions/${server.demo.sessionId(2)}/minutes`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
    await expectNoAxeViolations(p, 'minutes page on a phone');
    await p.goto(`${server.base}/app/sessions/${server.demo.sessionId(2)}/minutes/versions?section=findings`);
    await expectNoAxeViolations(p, 'versions of a section');
    await p.goto(`${server.base}/api/sessions/${server.demo.sessionId(2)}/brief?format=html`);
    await expectNoAxeViolations(p, 'brief with the coordinator’s words');
    await phone.close();
  });
});
