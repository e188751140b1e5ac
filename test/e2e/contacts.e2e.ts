/**
 * Issues 16 and 18 in a real Chromium against the Worker served locally: with JavaScript off,
 * the demo coordinator uploads an Outlook (fr) export in Windows-1252, sees the preview (one
 * line per skipped row with its reason, the names read right), imports the good rows, ticks
 * the attendance of a session and invites the post-survey from who attended. The directory,
 * preview, attendance, participants and team pages pass axe (WCAG 2.1 AA) in a second context
 * with JavaScript on (axe needs it), and none is wider than a 360 px phone.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, expectNoAxeViolations, launch } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

const OUTLOOK_FR = path.join(import.meta.dirname, '../fixtures/contacts/outlook-fr-windows-1252.csv');

let server: E2EServer;
let browser: Browser;
let noJs: BrowserContext;
let page: Page;
let seriesUrl = '';

async function fitsPhone(p: Page, label: string) {
  await p.setViewportSize({ width: 360, height: 800 });
  const wide = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `${label}: ${wide}px wide on a 360 px screen`);
  await p.setViewportSize(DESKTOP.viewport ?? { width: 1280, height: 900 });
}

before(async () => {
  server = await useServer();
  browser = await launch(server);
  noJs = await browser.newContext({ ...DESKTOP, locale: 'fr-BE', javaScriptEnabled: false });
  page = await noJs.newPage();
  await page.goto(await server.signInLink(server.demo.coordinatorEmail));
  await page.locator('form.stack button[type=submit]').click();
  await page.waitForURL(/\/app\/series$/);
  await page.getByRole('link', { name: 'Liaison hôpital-ambulatoire' }).click();
  seriesUrl = page.url();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('contacts from an address book, without JavaScript', () => {
  it('previews an Outlook (fr) Windows-1252 export, then imports its good rows', async () => {
    await page.getByRole('link', { name: 'Contacts de la série' }).click();
    await page.getByRole('heading', { name: /^Contacts — / }).waitFor();
    await page.getByLabel('Fichier (CSV ou vCard)').setInputFiles(OUTLOOK_FR);
    await page.getByRole('button', { name: 'Voir l’aperçu de l’import' }).click();
    await page.getByRole('heading', { name: 'À vérifier avant l’import' }).waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /Lu comme CSV, WINDOWS-1252\./);
    assert.match(main, /3 contacts seront importés\./);
    assert.match(main, /Ligne 4 \(Marc Dupont\) — ignorée : un numéro de téléphone mais pas d’adresse e-mail/);
    assert.match(main, /Ligne 5 \(Amina Peeters\) — ignorée : l’adresse e-mail n’est pas valide/);
    assert.doesNotMatch(main, /\uFFFD/);
    await page.getByRole('button', { name: 'Importer 3 contacts' }).click();
    await page.getByRole('status').waitFor();
    assert.match(await page.getByRole('status').innerText(), /3 contacts importés ou mis à jour/);
    const list = await page.locator('main').innerText();
    for (const name of ['Chloé Lefèvre', 'Dubœuf', 'Noël Lefèvre']) assert.ok(list.includes(name), `${name} listed`);
  });

  it('ticks who attended session #3 and invites its post-survey from them', async () => {
    await page.goto(seriesUrl);
    await page.getByRole('link', { name: 'Séance #3' }).first().click();
    await page.getByRole('link', { name: 'Présences' }).click();
    await page.getByLabel(/Dubœuf — jean\.duboeuf@example\.org/).check();
    await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
    assert.match(await page.getByRole('status').innerText(), /1 présent/);
    assert.ok(await page.getByLabel(/Dubœuf — jean\.duboeuf@example\.org/).isChecked());
    await page.getByRole('link', { name: 'Séance #3' }).click();
    await page.getByRole('link', { name: 'Participant·es et invitations' }).last().click();
    await page.getByLabel('Toutes les personnes présentes à la séance #3').check();
    await page.getByRole('button', { name: 'Ajouter aux participant·es' }).click();
    assert.match(await page.getByRole('status').innerText(), /1 personne ajoutée/);
    assert.match(await page.locator('main').innerText(), /jean\.duboeuf@example\.org/);
  });
});

describe('the pages pass axe and fit a phone', () => {
  it('directory, preview, attendance, participants and team', async () => {
    const withJs = await browser.newContext({ ...DESKTOP, locale: 'fr-BE', bypassCSP: true, storageState: await noJs.storageState() });
    const p = await withJs.newPage();
    await p.goto(`${seriesUrl}/contacts`);
    assert.equal(await p.locator('script').count(), 0);
    await expectNoAxeViolations(p, 'directory');
    await fitsPhone(p, 'directory');
    await p.getByLabel('Fichier (CSV ou vCard)').setInputFiles(OUTLOOK_FR);
    await p.getByRole('button', { name: 'Voir l’aperçu de l’import' }).click();
    await p.getByRole('heading', { name: 'À vérifier avant l’import' }).waitFor();
    await expectNoAxeViolations(p, 'import preview');
    await fitsPhone(p, 'import preview');
    await p.goto(seriesUrl);
    await p.getByRole('link', { name: 'Séance #3' }).first().click();
    await p.getByRole('link', { name: 'Présences' }).click();
    await expectNoAxeViolations(p, 'attendance');
    await fitsPhone(p, 'attendance');
    await p.goBack();
    await p.getByRole('link', { name: 'Participant·es et invitations' }).last().click();
    await p.getByRole('heading', { name: 'Inviter depuis la série' }).waitFor();
    await expectNoAxeViolations(p, 'participants with invite-from');
    await p.goto(`${server.base}/app/team`);
    await expectNoAxeViolations(p, 'team');
    await fitsPhone(p, 'team');
    await withJs.close();
  });
});
