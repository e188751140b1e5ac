/**
 * A coordinator opens the brief for session #2 of the demo cycle in a real Chromium against
 * the Worker served locally, prints it, and downloads its Markdown and CSV (issue 4, done when).
 * The key travels as a Bearer header; the figures themselves are checked against hand counts
 * in test/brief.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { ASSETS } from '../../src/pages/assets.ts';
import { DESKTOP, expectNoAxeViolations, launch, PHONE } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

let server: E2EServer;
let browser: Browser;
/** The brief of session #2 of this file's copy of the demo. */
let BRIEF = '';

const coordinator = (options = DESKTOP): Promise<BrowserContext> =>
  browser.newContext({ ...options, extraHTTPHeaders: { authorization: `Bearer ${server.coordinatorKey}` } });

before(async () => {
  server = await useServer();
  BRIEF = `/api/sessions/${server.demo.sessionId(2)}/brief`;
  browser = await launch(server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the brief for #2 in a browser', () => {
  it('opens as a page with the sections of the minutes and a chart per figure, with its numbers as text', async () => {
    const context = await coordinator();
    const page = await context.newPage();
    const res = await page.goto(`${server.base}${BRIEF}`);
    assert.equal(res?.status(), 200);
    assert.match(res?.headers()['content-type'] ?? '', /text\/html/);
    for (const heading of [
      'Attentes des participant·es',
      'Veille des besoins',
      'Priorités pour la prochaine séance',
      'Actions à mener collectivement',
    ]) {
      assert.equal(await page.getByRole('heading', { name: heading }).count(), 1, heading);
    }
    // The stylesheets load under the CSP (no inline style), so bars have their layout.
    const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? ''));
    assert.ok(sheets.some((h) => h.endsWith(ASSETS['brief.css'])));
    const json = (await (
      await fetch(`${server.base}${BRIEF}`, { headers: { authorization: `Bearer ${server.coordinatorKey}` } })
    ).json()) as {
      priorities: { items: { label: string; borda: number }[] };
    };
    const first = json.priorities.items[0];
    assert.ok(first);
    const row = page.getByRole('row', { name: new RegExp(first.label.replace(/[()]/g, '.')) }).first();
    assert.match((await row.textContent()) ?? '', new RegExp(String(first.borda)));
    await context.close();
  });

  it('prints: header and download links hidden, the charts kept', async () => {
    const context = await coordinator();
    const page = await context.newPage();
    await page.goto(`${server.base}${BRIEF}`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site').isVisible(), false);
    assert.equal(await page.locator('.downloads').isVisible(), false);
    assert.ok((await page.locator('svg.bar').count()) > 10);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.byteLength > 10_000);
    await context.close();
  });

  it('downloads Markdown and CSV as files', async () => {
    for (const [format, type, start] of [
      ['md', 'text/markdown; charset=utf-8', '# Synthèse pour la séance #3'],
      ['csv', 'text/csv; charset=utf-8', '\uFEFFsection;item_id'],
    ] as const) {
      const res = await fetch(`${server.base}${BRIEF}?format=${format}`, { headers: { authorization: `Bearer ${server.coordinatorKey}` } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), type);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename=/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      assert.ok(text.startsWith(start), `${format}: ${text.slice(0, 40)}`);
    }
  });

  it('passes axe-core’s WCAG 2.1 A/AA rules in fr, nl and en, on a phone, with the results page too', async () => {
    const context = await browser.newContext({
      ...PHONE,
      bypassCSP: true,
      extraHTTPHeaders: { authorization: `Bearer ${server.coordinatorKey}` },
    });
    for (const path of [
      `${BRIEF}?lang=fr`,
      `${BRIEF}?lang=nl`,
      `${BRIEF}?lang=en`,
      `/api/surveys/${server.demo.surveyId(2, 'pre')}/results?format=html`,
    ]) {
      const page = await context.newPage();
      await page.goto(`${server.base}${path}`);
      await expectNoAxeViolations(page, path);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, `${path} scrolls sideways`);
      await page.close();
    }
    await context.close();
  });
});
