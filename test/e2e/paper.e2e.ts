/**
 * Paper in a real Chromium against the Worker served locally: the coordinator prints the
 * demo's open pre-survey (A4 print media, a QR code, nothing wider than a 360 px phone), keys
 * in a sheet with JavaScript off, and prints the open link's flyer. axe-core (WCAG 2.1 AA) on
 * each page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { DESKTOP, expectNoAxeViolations, launch } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

let server: E2EServer;
let browser: Browser;

async function signedIn(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-BE', ...options });
  const page = await context.newPage();
  await page.goto(await server.signInLink(server.demo.coordinatorEmail));
  await page.locator('form.stack button[type=submit]').click();
  await page.waitForURL(/\/app\/series$/);
  await page.close();
  return context;
}

async function responsesOf(surveyId: number): Promise<number> {
  const res = await fetch(`${server.base}/api/surveys/${surveyId}`, { headers: { authorization: `Bearer ${server.coordinatorKey}` } });
  return ((await res.json()) as { responses: number }).responses;
}

before(async () => {
  server = await useServer();
  browser = await launch(server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('paper surveys in a browser', () => {
  it('prints the open pre-survey of #3 on A4 with the open link as a QR code, readable on a 360 px phone', async () => {
    const res = await fetch(`${server.base}/api/surveys/${server.demo.openSurveyId}/open-link`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.coordinatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: true }),
    });
    assert.equal(res.status, 200);
    const context = await signedIn({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(3)}`);
    await page.getByRole('link', { name: 'Version imprimable' }).first().click();
    await page.waitForURL(/\/print$/);
    assert.ok(await page.getByRole('img', { name: /Code QR qui ouvre .*\/o\// }).isVisible());
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await expectNoAxeViolations(page, 'printable survey');
    // In print, the browser's chrome of the page is left out and the sheet keeps its boxes.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site').isVisible(), false);
    assert.ok((await page.locator('.box').count()) > 5);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.byteLength > 1000);
    await context.close();
  });

  it('keys in a paper sheet with JavaScript off, and it is counted', async () => {
    const before = await responsesOf(server.demo.openSurveyId);
    const context = await signedIn({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(3)}`);
    await page.getByRole('link', { name: 'Saisir des réponses papier' }).first().click();
    await page.waitForURL(/\/paper$/);
    // The first choice of every single-choice and rating question, a rank for the first option.
    for (const fieldset of await page.locator('fieldset.question').all()) {
      const radio = fieldset.locator('input[type=radio]').first();
      if (await radio.count()) await radio.check();
      const box = fieldset.locator('input[type=checkbox]').first();
      if (await box.count()) await box.check();
      const rank = fieldset.locator('select').first();
      if (await rank.count()) await rank.selectOption('1');
    }
    await page.getByRole('button', { name: /Envoyer|Enregistrer/ }).click();
    await page.waitForURL(/saved=1/);
    assert.match(await page.getByRole('status').first().innerText(), /Réponse papier enregistrée/);
    assert.equal(await responsesOf(server.demo.openSurveyId), before + 1);
    await context.close();
  });

  it('prints the flyer of the open link, in each language, accessible', async () => {
    const context = await signedIn({ ...DESKTOP, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/app/surveys/${server.demo.openSurveyId}/flyer`);
    await page.waitForURL(/\/o\/[^/]+\/flyer/);
    for (const [lang, title] of [
      ['fr', 'Donnez votre avis'],
      ['nl', 'Geef uw mening'],
      ['en', 'Have your say'],
    ] as const) {
      await page.goto(`${page.url().split('?')[0]}?lang=${lang}`);
      assert.ok(await page.getByRole('heading', { name: new RegExp(title) }).isVisible());
      assert.ok(await page.locator('svg.qr').isVisible());
      await expectNoAxeViolations(page, `flyer ${lang}`);
    }
    await context.close();
  });
});
