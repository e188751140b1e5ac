/**
 * The open link in a real Chromium against the Worker served locally (wrangler dev, local D1,
 * no e-mail binding, no Turnstile): a visitor without JavaScript and a keyboard-only visitor
 * ask for their link; a coordinator sets a cap from the workspace; then axe-core on the form,
 * its error summary, the confirmation and the refusals in fr, nl and en.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, expectNoAxeViolations, launch, PHONE, tabTo } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

let server: E2EServer;
let browser: Browser;
let openPath = '';
let closedPath = '';

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${server.coordinatorKey}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

const switchOn = async (surveyId: number) =>
  new URL(
    (await api<{ url: string }>(`/api/surveys/${surveyId}/open-link`, { method: 'PUT', body: JSON.stringify({ enabled: true }) })).url,
  ).pathname;

async function invitation(email: string) {
  const { invitations } = await api<{ invitations: { email: string; source: string; organisation: string | null; language: string }[] }>(
    `/api/surveys/${server.demo.openSurveyId}/invitations`,
  );
  return invitations.find((i) => i.email === email);
}

before(async () => {
  server = await useServer();
  browser = await launch(server);
  openPath = await switchOn(server.demo.openSurveyId);
  // The demo's closed post-survey of session #2.
  closedPath = await switchOn(server.demo.surveyId(2, 'post'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a visitor from the agenda, JavaScript off', () => {
  it('corrects a typo in the address, then is told to check their mailbox', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.base}${openPath}?lang=nl`);
    assert.match(await page.locator('h1').innerText(), /^Deelnemen aan de vragenlijst/);
    await page.getByLabel('E-mailadres').fill('nojs-visitor@example');
    await page.getByLabel('Naam').fill('Koen Janssens');
    await page.getByLabel('Organisatie').fill('Thuiszorg Brussel');
    await page.getByRole('button', { name: 'Stuur mij mijn persoonlijke link' }).click();
    await page.waitForSelector('.error-summary');
    assert.equal(await page.getByLabel('Naam').inputValue(), 'Koen Janssens');
    await page.getByLabel('E-mailadres').fill('nojs-visitor@example.org');
    await page.getByRole('button', { name: 'Stuur mij mijn persoonlijke link' }).click();
    await page.waitForURL(/\/sent\?lang=nl$/);
    assert.equal(await page.locator('h1').innerText(), 'Kijk in uw mailbox');
    const joined = await invitation('nojs-visitor@example.org');
    assert.deepEqual(
      { source: joined?.source, organisation: joined?.organisation, language: joined?.language },
      { source: 'open_link', organisation: 'Thuiszorg Brussel', language: 'nl' },
    );
    await context.close();
  });
});

describe('a keyboard-only visitor', () => {
  it('fills in the form and sends it without a mouse', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.base}${openPath}?lang=en`);
    await tabTo(page, '#email');
    await page.keyboard.type('keyboard-visitor@example.org');
    await tabTo(page, '#organisation');
    await page.keyboard.type('Hôpital Sud');
    await tabTo(page, 'form.stack button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sent\?lang=en$/);
    assert.equal((await invitation('keyboard-visitor@example.org'))?.source, 'open_link');
    await context.close();
  });
});

describe('a coordinator in the workspace', () => {
  it('finds the open link from the session page and sets a cap, with the keyboard', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'fr-BE', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(await server.signInLink(server.demo.coordinatorEmail));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/series$/);
    await page.getByRole('link', { name: 'Liaison hôpital-ambulatoire' }).click();
    await page.getByRole('link', { name: 'Séance #3' }).click();
    await page.getByRole('link', { name: 'Lien ouvert (agenda, newsletter)' }).first().click();
    await page.waitForURL(/\/open-link$/);
    assert.ok(await page.getByRole('link', { name: `${server.base}${openPath}` }).isVisible());
    await expectNoAxeViolations(page, 'workspace open-link page');
    await tabTo(page, '#cap');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    await expectNoAxeViolations(page, 'workspace open-link error summary');
    await page.locator('#cap').fill('30');
    await page.locator('#cap').press('Enter');
    await page.waitForURL(/notice=saved$/);
    const link = await api<{ cap: number | null; enabled: boolean }>(`/api/surveys/${server.demo.openSurveyId}/open-link`);
    assert.deepEqual({ cap: link.cap, enabled: link.enabled }, { cap: 30, enabled: true });
    await context.close();
  });
});

describe('accessibility of the open-link pages (axe-core, WCAG 2.1 A/AA)', () => {
  for (const lang of ['fr', 'nl', 'en'] as const) {
    it(`has no violations in ${lang}`, async () => {
      const context = await browser.newContext({ ...PHONE, bypassCSP: true, extraHTTPHeaders: { 'accept-language': lang } });
      const page = await context.newPage();
      await page.goto(`${server.base}${openPath}?lang=${lang}`);
      await expectNoAxeViolations(page, `open-link form (${lang})`);
      await page.locator('form.stack button[type=submit]').click();
      await page.waitForSelector('.error-summary');
      await expectNoAxeViolations(page, `open-link error summary (${lang})`);
      await page.goto(`${server.base}${openPath}/sent?lang=${lang}`);
      await expectNoAxeViolations(page, `open-link confirmation (${lang})`);
      const closed = await page.goto(`${server.base}${closedPath}?lang=${lang}`);
      assert.equal(closed?.status(), 410);
      await expectNoAxeViolations(page, `open link of a closed survey (${lang})`);
      const unknown = await page.goto(`${server.base}/o/zzzzzzzzzzzz`);
      assert.equal(unknown?.status(), 404);
      await expectNoAxeViolations(page, `unknown open link (${lang})`);
      await context.close();
    });
  }
});
