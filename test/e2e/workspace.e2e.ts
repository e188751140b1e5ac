/**
 * Issue 3, done when — in a real Chromium against the Worker served locally, with pages that
 * load no script at all (so they work with JavaScript off; it stays on only to run axe):
 * the demo coordinator signs in, opens session #3 of the demo series, imports contacts from a
 * CSV, sends the invitations (recorded in the outbox, no e-mail service locally), sees the
 * answers counted, and erases a participant. Every workspace page passes axe (WCAG 2.1 AA).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, expectNoAxeViolations, launch, PHONE, tabTo } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

let server: E2EServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  server = await useServer();
  browser = await launch(server);
  // bypassCSP lets axe in; the pages themselves have no script (checked below).
  context = await browser.newContext({ ...DESKTOP, locale: 'fr-BE', bypassCSP: true });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the coordinator workspace in a browser', () => {
  it('asks for a sign-in link and signs in with it, with the keyboard', async () => {
    await page.goto(`${server.base}/app/series`);
    assert.match(page.url(), /\/app\/sign-in\?next=/);
    assert.equal(await page.locator('script').count(), 0);
    await expectNoAxeViolations(page, 'sign-in');
    await tabTo(page, '#email');
    await page.keyboard.type(server.demo.coordinatorEmail);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Consultez votre boîte e-mail/ }).waitFor();
    assert.match(await page.getByRole('status').innerText(), /lien de connexion est en route/);
    await expectNoAxeViolations(page, 'sign-in link on its way');
    // Locally no e-mail is delivered: the link comes the way `npm run coordinator -- sign-in-link` makes it.
    await page.goto(await server.signInLink(server.demo.coordinatorEmail));
    assert.equal(await page.locator('script').count(), 0);
    assert.match(await page.locator('main').innerText(), new RegExp(server.demo.coordinatorEmail.replace(/\./g, '\\.')));
    await expectNoAxeViolations(page, 'sign-in confirmation');
    await tabTo(page, 'form.stack button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/series$/);
    assert.ok(await page.getByRole('link', { name: 'Liaison hôpital-ambulatoire' }).isVisible());
    await expectNoAxeViolations(page, 'series list');
  });

  it('opens the series and session #3, with counts against invitations', async () => {
    await page.getByRole('link', { name: 'Liaison hôpital-ambulatoire' }).click();
    await expectNoAxeViolations(page, 'series page');
    assert.ok(await page.getByRole('heading', { name: 'Propositions en attente' }).isVisible());
    await page.getByRole('link', { name: 'Séance #3' }).click();
    await expectNoAxeViolations(page, 'session page');
    const text = await page.locator('main').innerText();
    assert.match(text, /7 sur 19 invité·es/);
  });

  it('edits and previews the post-survey of #3', async () => {
    await page.goto(`${server.base}/app/surveys/${server.demo.surveyId(3, 'post')}/edit`);
    await expectNoAxeViolations(page, 'survey editor');
    await page
      .getByRole('button', { name: /^Descendre/ })
      .first()
      .click();
    assert.match(await page.getByRole('status').innerText(), /Enregistré/);
    await page.goto(`${server.base}/app/surveys/${server.demo.surveyId(3, 'post')}/preview`);
    await expectNoAxeViolations(page, 'survey preview');
  });

  it('opens the post-survey of #3, then reads the results of #2 and prints the brief for #3', async () => {
    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(3)}`);
    await page.getByRole('button', { name: 'Ouvrir le questionnaire' }).click();
    assert.match(await page.locator('main').innerText(), /ouvert/);
    const opened = await fetch(`${server.base}/api/surveys/${server.demo.surveyId(3, 'post')}`, {
      headers: { authorization: `Bearer ${server.coordinatorKey}` },
    });
    assert.equal(((await opened.json()) as { status: string }).status, 'open');

    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(2)}`);
    await page.getByRole('link', { name: 'Résultats' }).last().click();
    assert.match(page.url(), new RegExp(`/api/surveys/${server.demo.surveyId(2, 'post')}/results\\?format=html$`));
    assert.match(await page.locator('main').innerText(), /Cette séance vous a-t-elle été utile/);
    await expectNoAxeViolations(page, 'results page (signed in)');

    await page.goto(`${server.base}/app/sessions/${server.demo.sessionId(2)}`);
    await page.getByRole('link', { name: 'Synthèse pour la prochaine séance' }).click();
    assert.match(page.url(), new RegExp(`/api/sessions/${server.demo.sessionId(2)}/brief\\?format=html$`));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.byteLength > 10_000, 'the brief prints to a PDF');
    await page.emulateMedia({ media: 'screen' });
  });

  it('imports contacts pasted as CSV and sends the invitations to the outbox', async () => {
    await page.goto(`${server.base}/app/surveys/${server.demo.openSurveyId}/participants`);
    assert.equal(await page.locator('script').count(), 0);
    await expectNoAxeViolations(page, 'participants page');
    await page.getByLabel('Contacts (CSV : e-mail, nom, langue)').fill('email;name;language\nnew.person@example.org;Nouvelle Personne;fr');
    await page.getByRole('button', { name: 'Ajouter les contacts' }).click();
    assert.match(await page.getByRole('status').innerText(), /1 contacts ajoutés/);
    // One click sends them all: a progress page (src/workspace/sending.pages.tsx) says how many went.
    await page.getByRole('button', { name: /^Envoyer les \d+ invitations?$/ }).click();
    await page.waitForURL(/\/app\/send-jobs\/\d+/);
    assert.match(await page.getByRole('status').innerText(), /(\d+) sur \1 envoyés/);
    await page.goto(`${server.base}/app/outbox`);
    await expectNoAxeViolations(page, 'outbox');
    assert.ok(await page.getByRole('cell', { name: 'new.person@example.org' }).isVisible());
    await page
      .getByRole('link', { name: /votre avis avant la séance #3/ })
      .first()
      .click();
    assert.match(await page.locator('pre.message').innerText(), /\/s\/••••••/);
  });

  it('erases a participant, and the audit log says so', async () => {
    await page.goto(`${server.base}/app/privacy`);
    await expectNoAxeViolations(page, 'privacy page');
    await page.locator('#erase-email').fill('new.person@example.org');
    await page.getByRole('button', { name: 'Effacer cette personne' }).click();
    assert.match(await page.getByRole('status').innerText(), /Effacé : 1 invitations/);
    await page.goto(`${server.base}/app/audit`);
    await expectNoAxeViolations(page, 'audit log');
    assert.match(await page.locator('main').innerText(), /participant\.erase/);
  });

  it('switches language and fits a phone', async () => {
    const phone = await browser.newContext({ ...PHONE, bypassCSP: true });
    const p = await phone.newPage();
    await p.goto(`${server.base}/app/sign-in?lang=nl`);
    await p.getByLabel('E-mailadres').fill(server.demo.coordinatorEmail);
    await p.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
    await p.getByRole('heading', { name: /Kijk in uw mailbox/ }).waitFor();
    await p.goto(await server.signInLink(server.demo.coordinatorEmail));
    await p.getByRole('button', { name: 'Aanmelden' }).click();
    await p.waitForURL(/\/app\/series$/);
    assert.ok(await p.getByRole('heading', { name: 'Thematische overleggen' }).isVisible());
    await p.goto(`${server.base}/app/sessions/${server.demo.sessionId(3)}`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
    await expectNoAxeViolations(p, 'session page on a phone (nl)');
    await phone.close();
  });
});
