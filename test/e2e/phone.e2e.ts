/**
 * Issue 18, the workspace on a phone — in a real Chromium at 360 px against the Worker served
 * locally: every workspace page (reached by following the workspace's own links from the
 * series list) is no wider than the screen; removing a person with their data looks like a
 * danger, apart from "Resend the link", and asks a second time on its own page (no script);
 * participation is drawn as a chart with its numbers in text. axe (WCAG 2.1 AA) on each.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launch } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let server: E2EServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  server = await useServer();
  browser = await launch(server);
  context = await browser.newContext({ ...SMALL_PHONE, locale: 'fr-BE', bypassCSP: true });
  page = await context.newPage();
  await page.goto(await server.signInLink(server.demo.coordinatorEmail));
  await page.locator('form.stack button[type=submit]').click();
  await page.waitForURL(/\/app\/series$/);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Same-origin workspace links of the page, without their fragment; sign-out is a form, never a link. */
async function workspaceLinks(p: Page): Promise<string[]> {
  const hrefs = await p.locator('a[href^="/app"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return hrefs.map((h) => h.split('#')[0] ?? '').filter((h) => h && !h.startsWith('/app/sign-'));
}

/** A page's kind, so that each kind is visited once (not every invitation's confirmation). */
const kindOf = (href: string) =>
  href
    .replace(/\?.*$/, '')
    .replace(/\/\d+/g, '/:id')
    .concat(href.includes('?') ? `?${[...new URLSearchParams(href.split('?')[1]).keys()].sort().join('&')}` : '');

describe('the workspace on a 360 px phone', () => {
  it('has no page wider than the screen, and each passes axe', async () => {
    const seen = new Set<string>();
    const queue = ['/app/series'];
    const visited: string[] = [];
    while (queue.length && visited.length < 40) {
      const href = queue.shift() ?? '';
      if (seen.has(kindOf(href))) continue;
      seen.add(kindOf(href));
      const res = await page.goto(`${server.base}${href}`);
      assert.ok(res && res.status() < 400, `${href}: ${res?.status()}`);
      visited.push(href);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${href} is ${width} px wide on a 360 px screen`);
      await expectNoAxeViolations(page, href);
      queue.push(...(await workspaceLinks(page)));
    }
    // The pages the issue names are among them.
    for (const kind of [
      '/app/series/:id',
      '/app/sessions/:id',
      '/app/surveys/:id/participants',
      '/app/invitations/:id/remove',
      '/app/outbox',
    ]) {
      assert.ok(
        [...seen].some((k) => k.startsWith(kind)),
        `${kind} not reached (${[...seen].join(', ')})`,
      );
    }
  });

  it('sets "Remove with their data" apart from "Resend the link", as a danger, and asks again on its own page', async () => {
    // The open pre-survey of #3: its participants can be sent their link again.
    await page.goto(`${server.base}/app/surveys/${server.demo.openSurveyId}/participants`);
    const row = page.locator('tbody tr').first();
    const remove = row.locator('.danger').first();
    assert.match(await remove.innerText(), /Retirer avec ses données/);
    const look = (l: ReturnType<Page['locator']>) =>
      l.evaluate((e) => {
        const s = getComputedStyle(e);
        return `${s.color}|${s.backgroundColor}|${s.borderColor}`;
      });
    const others = row.locator('button:not(.danger)');
    for (let i = 0; i < (await others.count()); i++) assert.notEqual(await look(remove), await look(others.nth(i)));
    // Its own group, apart from the others.
    assert.equal(await remove.evaluate((e) => e.closest('.danger-zone') !== null), true);
    const before = await page.locator('tbody tr').count();
    await remove.click();
    await page.getByRole('heading', { name: /Retirer/ }).waitFor();
    assert.equal(await page.locator('script').count(), 0);
    await expectNoAxeViolations(page, 'remove confirmation');
    // Cancelling keeps the person.
    await page.getByRole('link', { name: /Annuler/ }).click();
    assert.equal(await page.locator('tbody tr').count(), before);
    await page.locator('tbody tr').first().locator('.danger').first().click();
    await page.locator('main form button.danger').click();
    await page.getByRole('status').waitFor();
    assert.equal(await page.locator('tbody tr').count(), before - 1);
  });

  it('draws participation as a chart with its numbers in text', async () => {
    await page.goto(`${server.base}/app/series`);
    await page.getByRole('link', { name: 'Liaison hôpital-ambulatoire' }).click();
    await page
      .getByRole('link', { name: /Séance #1/ })
      .first()
      .click();
    const chart = page.locator('figure.participation').first();
    assert.ok(await chart.locator('svg').count());
    const text = await chart.innerText();
    for (const word of [/invité/i, /ouvert/i, /répondu/i]) assert.match(text, word);
    assert.match(text, /\d/);
    await expectNoAxeViolations(page, 'session page with its participation chart');
  });
});
