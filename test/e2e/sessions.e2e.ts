/**
 * Issue 16 (sessions), in a real Chromium against the Worker served locally, with pages that
 * load no script: the demo coordinator changes session #3 (its "Lieu à confirmer" becomes a
 * real place, with practical notes), then cancels it after a confirmation page. Each page
 * passes axe (WCAG 2.1 AA).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, expectNoAxeViolations, launch } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

let server: E2EServer;
let browser: Browser;
let page: Page;

before(async () => {
  server = await useServer();
  browser = await launch(server);
  // bypassCSP lets axe in; the pages themselves have no script (checked below).
  const context = await browser.newContext({ ...DESKTOP, locale: 'fr-BE', bypassCSP: true });
  page = await context.newPage();
  await page.goto(await server.signInLink(server.demo.coordinatorEmail));
  await page.locator('form.stack button[type=submit]').click();
  await page.waitForURL(/\/app\/series$/);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a session changed, then cancelled, in a browser', () => {
  it('changes the place and the notes of session #3', async () => {
    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(3)}`);
    assert.equal(await page.locator('script').count(), 0);
    await page.getByText('Modifier la séance').click();
    await page.getByLabel('Lieu', { exact: true }).fill('Maison des associations, salle 2');
    await page.getByLabel('Informations pratiques').fill('Lunch réseau dès 12h30');
    await expectNoAxeViolations(page, 'session edit form');
    await page.getByRole('button', { name: 'Enregistrer et prévenir les invité·es' }).click();
    await page.waitForURL(new RegExp(`/app/sessions/${server.demo.sessionId(3)}\\?notice=saved`));
    const facts = await page.locator('dl.facts').first().innerText();
    assert.match(facts, /Maison des associations, salle 2/);
    assert.match(facts, /Lunch réseau dès 12h30/);
    await expectNoAxeViolations(page, 'session page after a change');
  });

  it('refuses a time that does not exist, naming the field', async () => {
    await page.getByText('Modifier la séance').click();
    await page.getByLabel('Date', { exact: true }).fill('2027-03-28');
    await page.getByLabel('Heure de début').fill('02:30');
    await page.getByRole('button', { name: 'Enregistrer et prévenir les invité·es' }).click();
    assert.match(await page.locator('.error-summary, [role=alert]').first().innerText(), /n’existe pas/);
    await expectNoAxeViolations(page, 'session edit refused');
  });

  it('cancels it after a confirmation', async () => {
    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(3)}`);
    await page.getByRole('link', { name: 'Annuler la séance' }).click();
    await page.waitForURL(new RegExp(`/app/sessions/${server.demo.sessionId(3)}/cancel$`));
    assert.equal(await page.locator('script').count(), 0);
    await expectNoAxeViolations(page, 'cancel confirmation');
    await page.getByRole('button', { name: 'Oui, annuler cette séance et prévenir les invité·es' }).click();
    await page.waitForURL(new RegExp(`/app/sessions/${server.demo.sessionId(3)}\\?notice=saved`));
    assert.match(await page.locator('h1').innerText(), /annulée/);
    assert.equal(await page.getByText('Modifier la séance').count(), 0);
    await expectNoAxeViolations(page, 'cancelled session');
  });
});
