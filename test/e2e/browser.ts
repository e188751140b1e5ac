/** Debian's Chromium driven by playwright-core (never a downloaded browser), plus axe-core. */

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/**
 * Launches Chromium. With `client` (a test file's server, test/e2e/server.ts), every context
 * it opens sends the file's client address, so that files sharing one server do not share the
 * per-address rate limits.
 */
export async function launch(client?: { clientAddress: string }): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The machine has no network but loopback: keep Chromium from reaching out.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (!client) return browser;
  const withAddress = (options: BrowserContextOptions = {}): BrowserContextOptions => ({
    ...options,
    extraHTTPHeaders: { 'cf-connecting-ip': client.clientAddress, ...options.extraHTTPHeaders },
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options) => newContext(withAddress(options));
  browser.newPage = (options) => newPage(withAddress(options));
  return browser;
}

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page. The page's CSP forbids injected scripts,
 * so contexts that audit are created with bypassCSP.
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global at run time
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  assert.deepEqual(violations, [], `${label}: axe found ${violations.length} WCAG 2.1 A/AA violation(s)`);
}

/** Presses Tab (or another key) until the element matching `selector` has the focus, as a keyboard-only user does. */
export async function tabTo(page: Page, selector: string, key = 'Tab', maxPresses = 80) {
  for (let i = 0; i < maxPresses; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  assert.fail(`could not reach ${selector} with the keyboard (${key})`);
}
