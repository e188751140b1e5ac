/**
 * Participants in a real Chromium against the Worker served locally (wrangler dev, workerd,
 * local D1): a phone with JavaScript, a browser without it, a keyboard-only user; each comes
 * back and changes an answer. Then axe-core on every participant page in fr, nl and en.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { CATALOGUES } from '../../src/i18n/catalogues.ts';
import { ASSETS } from '../../src/pages/assets.ts';
import { DESKTOP, expectNoAxeViolations, launch, PHONE, tabTo } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

let server: E2EServer;
let browser: Browser;
const links = new Map<string, string>();

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${server.coordinatorKey}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

async function invite(surveyId: number, emails: string[]) {
  const { invitations } = await api<{ invitations: { email: string; url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
    method: 'POST',
    body: JSON.stringify({ participants: emails.map((email) => ({ email })) }),
  });
  for (const i of invitations) links.set(i.email, new URL(i.url).pathname);
}

const answersOf = async (email: string) => {
  const res = await fetch(`${server.base}/api${links.get(email)}`);
  return ((await res.json()) as { answers: Record<string, unknown> | null }).answers;
};

/** The checkbox of theme n of the demo (its option id is `t<theme id>`). */
const THEME = (n: number) => `#q-themes-t${server.demo.themeId(n)}`;
const themeOption = (n: number) => `t${server.demo.themeId(n)}`;

before(async () => {
  server = await useServer();
  browser = await launch(server);
  await invite(server.demo.openSurveyId, [
    'phone@example.org',
    'nojs@example.org',
    'keyboard@example.org',
    'axe-fr@example.org',
    'axe-nl@example.org',
    'axe-en@example.org',
  ]);
  await invite(server.demo.surveyId(2, 'post'), ['closed@example.org']);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a participant on a phone, JavaScript on', () => {
  it('answers the pre-survey, ranking with the enhanced selects', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.base}${links.get('phone@example.org')}`);
    assert.equal(
      await page
        .locator('h1')
        .innerText()
        .then((t) => t.startsWith('Liaison hôpital-ambulatoire')),
      true,
    );
    await page.getByLabel('Créer des liens avec d’autres acteur·rices').check();
    await page.getByLabel('Mieux articuler le réseau autour de la personne').check();
    await page.selectOption(THEME(11), '1');
    await page.selectOption(THEME(9), '2');
    // Picking a rank already given moves the other option out of the way (script).
    await page.selectOption(THEME(3), '1');
    assert.equal(await page.inputValue(THEME(11)), '');
    await page.selectOption(THEME(11), '3');
    assert.deepEqual(await page.locator('.rank-summary ol li').allInnerTexts(), [
      'Personnes âgées et/ou isolées',
      'Transmission de l’information',
      'Secret professionnel partagé',
    ]);
    await page.getByLabel('Hôpital (service social, liaison, urgences)').check();
    await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
    await page.waitForURL(/\/done\?lang=fr$/);
    assert.equal(await page.locator('h1').innerText(), 'Merci, vos réponses sont enregistrées');
    assert.deepEqual(await answersOf('phone@example.org'), {
      expectations: ['create-links', 'articulate-network'],
      themes: [themeOption(3), themeOption(9), themeOption(11)],
      sector: 'hospital',
    });

    // Comes back with the same link and changes the sector.
    await page.getByRole('link', { name: 'Modifier mes réponses' }).click();
    assert.equal(await page.getByLabel('Hôpital (service social, liaison, urgences)').isChecked(), true);
    assert.equal(await page.inputValue(THEME(3)), '1');
    await page.getByLabel('CPAS, service social, logement').check();
    await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
    await page.waitForURL(/\/done/);
    assert.equal((await answersOf('phone@example.org'))?.sector, 'social');
    await context.close();
  });
});

describe('a participant with JavaScript off', () => {
  it('answers with plain form controls, is told about a duplicate rank, and corrects it', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.base}${links.get('nojs@example.org')}?lang=nl`);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await page.getByLabel('Nieuws uit de sector delen').check();
    await page.selectOption(THEME(1), '1');
    await page.selectOption(THEME(2), '1');
    await page.getByRole('button', { name: 'Mijn antwoorden opslaan' }).click();
    // The server answers 422 with an error summary linking to the question.
    const summary = page.locator('.error-summary');
    assert.match(await summary.innerText(), /Twee keuzes hebben dezelfde rang/);
    await summary.getByRole('link').first().click();
    assert.match(page.url(), /#q-themes$/);
    await page.selectOption(THEME(2), '2');
    await page.getByRole('button', { name: 'Mijn antwoorden opslaan' }).click();
    await page.waitForURL(/\/done\?lang=nl$/);
    assert.equal(await page.locator('h1').innerText(), 'Bedankt, uw antwoorden zijn opgeslagen');

    await page.goto(`${server.base}${links.get('nojs@example.org')}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl', 'comes back in the language last used');
    await page.selectOption(THEME(2), '');
    await page.getByRole('button', { name: 'Mijn antwoorden opslaan' }).click();
    await page.waitForURL(/\/done/);
    assert.deepEqual((await answersOf('nojs@example.org'))?.themes, [themeOption(1)]);
    await context.close();
  });
});

describe('a participant using only the keyboard', () => {
  it('reaches every control with Tab, ranks with the keyboard and submits with Enter', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.base}${links.get('keyboard@example.org')}?lang=en`);
    await tabTo(page, '#q-expectations-hospital-realities');
    await page.keyboard.press('Space');
    await tabTo(page, THEME(13));
    await page.keyboard.type('1');
    await tabTo(page, THEME(14));
    await page.keyboard.type('2');
    // A radio group is one Tab stop; arrows move (and check) within it.
    await tabTo(page, '[name="q.sector"]');
    await tabTo(page, '#q-sector-gp', 'ArrowDown');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/done\?lang=en$/);
    assert.equal(await page.locator('h1').innerText(), 'Thank you, your answers are saved');
    assert.deepEqual(await answersOf('keyboard@example.org'), {
      expectations: ['hospital-realities'],
      themes: [themeOption(13), themeOption(14)],
      sector: 'gp',
    });

    // Back with the keyboard: follow the link, untick, tick another, save.
    await tabTo(page, 'main a[href*="/s/"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/s\/[^/]+\?lang=en$/);
    await tabTo(page, '#q-expectations-share-news');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/done/);
    assert.deepEqual((await answersOf('keyboard@example.org'))?.expectations, ['hospital-realities', 'share-news']);
    await context.close();
  });
});

describe('accessibility of every participant page (axe-core, WCAG 2.1 A/AA)', () => {
  for (const lang of ['fr', 'nl', 'en'] as const) {
    it(`has no violations in ${lang}`, async () => {
      const context = await browser.newContext({ ...PHONE, bypassCSP: true });
      const page = await context.newPage();
      const link = `${server.base}${links.get(`axe-${lang}@example.org`)}`;
      await page.goto(`${link}?lang=${lang}`);
      await expectNoAxeViolations(page, `survey page (${lang})`);
      // The error summary after a form with a missing required answer.
      await page.locator('form.survey button[type=submit]').click();
      await page.waitForSelector('.error-summary');
      await expectNoAxeViolations(page, `error summary (${lang})`);
      await page.locator('#q-expectations input').first().check();
      await page.locator('form.survey button[type=submit]').click();
      await page.waitForURL(/\/done/);
      await expectNoAxeViolations(page, `confirmation (${lang})`);
      await context.close();

      const visitor = await browser.newContext({
        ...DESKTOP,
        bypassCSP: true,
        locale: lang,
        extraHTTPHeaders: { 'accept-language': lang },
      });
      const other = await visitor.newPage();
      await other.goto(`${server.base}/?lang=${lang}`);
      await expectNoAxeViolations(other, `home page (${lang})`);
      const unknown = await other.goto(`${server.base}/s/${'x'.repeat(32)}`);
      assert.equal(unknown?.status(), 404);
      await expectNoAxeViolations(other, `link not found (${lang})`);
      const closed = await other.goto(`${server.base}${links.get('closed@example.org')}?lang=${lang}`);
      assert.equal(closed?.status(), 410);
      await expectNoAxeViolations(other, `closed survey (${lang})`);
      await visitor.close();
    });
  }
});

describe('static assets', () => {
  it('carry the same Content-Security-Policy as the pages, without unsafe-inline (public/_headers)', async () => {
    for (const asset of [ASSETS['styles.css'], ASSETS['survey.js'], ASSETS['favicon.svg'], '/favicon.ico']) {
      const res = await fetch(`${server.base}${asset}`);
      assert.equal(res.status, 200, asset);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, asset);
      assert.doesNotMatch(csp, /unsafe-inline/, asset);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', asset);
    }
  });

  it('are named by their content and kept a year; every page names its icon, so no page view reaches the Worker for one', async () => {
    const page = await (await fetch(`${server.base}/`)).text();
    const referenced = [...page.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(referenced.includes(ASSETS['favicon.svg']), 'the page names its icon');
    assert.ok(referenced.includes(ASSETS['styles.css']));
    for (const asset of referenced) {
      assert.match(asset, /^\/assets\/[\w-]+\.[0-9a-f]{10}\.\w+$/, asset);
      const res = await fetch(`${server.base}${asset}`);
      assert.equal(res.status, 200, asset);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', asset);
    }
  });

  it('include the API contract, generated ahead of time (public/api/): served at its documented URLs, kept five minutes', async () => {
    for (const [url, file, type] of [
      ['/api/openapi.json', 'public/api/openapi.json', /^application\/json/],
      ['/api/docs', 'public/api/docs.html', /^text\/html/],
    ] as const) {
      const res = await fetch(`${server.base}${url}`, { redirect: 'manual' });
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('content-type') ?? '', type, url);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300', url);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/, url);
      assert.equal(await res.text(), readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), url);
    }
  });

  it('include the message catalogues the Worker reads through its ASSETS binding, hashed and kept a year too', async () => {
    for (const url of Object.values(CATALOGUES)) {
      assert.match(url, /^\/i18n\/(fr|nl|en)\.[0-9a-f]{10}\.json$/, url);
      const res = await fetch(`${server.base}${url}`);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', url);
      assert.ok(Object.hasOwn(await res.json(), 'main'), url);
    }
  });
});
