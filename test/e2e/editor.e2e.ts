/**
 * Issue 16, the survey editor in a real Chromium against the Worker served locally, with
 * JavaScript off: a coordinator of a new series (bassin Nord-Ouest) finds its communes first,
 * adds a question, moves it up, removes another, adds an option — each a plain form post —
 * then, once someone has answered, sees the rule and no remove buttons. The next session's page
 * copies the survey. axe (WCAG 2.1 AA) on each page, and nothing wider than a 360 px phone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launch } from './browser.ts';
import { type E2EServer, useServer } from './server.ts';

let server: E2EServer;
let browser: Browser;
let noJs: BrowserContext;
let page: Page;
let survey: number;
let series: number;

const PHONE_360 = { viewport: { width: 360, height: 740 } };

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${server.coordinatorKey}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

type Q = { id: string; type: string; options?: { id: string; label: { fr: string } }[] };
const questions = async () => (await api<{ questions: Q[] }>(`/api/surveys/${survey}`)).questions;

async function signIn(context: BrowserContext) {
  const p = await context.newPage();
  await p.goto(await server.signInLink(server.demo.coordinatorEmail));
  await p.locator('form.stack button[type=submit]').click();
  await p.waitForURL(/\/app\/series$/);
  return p;
}

/** axe and the width, in a context with JavaScript (for axe only: the pages load no script). */
async function audit(path: string, label: string) {
  const context = await browser.newContext({ ...PHONE_360, bypassCSP: true, locale: 'fr-BE' });
  const p = await signIn(context);
  await p.goto(`${server.base}${path}`);
  assert.equal(await p.locator('script').count(), 0);
  await expectNoAxeViolations(p, label);
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${label}: ${width}px wide on a 360px phone`);
  await context.close();
}

before(async () => {
  server = await useServer();
  browser = await launch(server);
  const made = await api<{ id: number }>('/api/series', {
    method: 'POST',
    body: JSON.stringify({ title: 'Santé mentale', bassin: 'Nord-Ouest' }),
  });
  series = made.id;
  await api(`/api/series/${series}/themes`, { method: 'POST', body: JSON.stringify({ label: { fr: 'Logement' } }) });
  const session = await api<{ id: number }>(`/api/series/${series}/sessions`, {
    method: 'POST',
    body: JSON.stringify({ number: 1, starts_at: '2099-03-01T12:00:00+01:00' }),
  });
  survey = (await api<{ id: number }>(`/api/sessions/${session.id}/surveys`, { method: 'POST', body: JSON.stringify({ kind: 'pre' }) })).id;
  noJs = await browser.newContext({ ...PHONE_360, javaScriptEnabled: false, locale: 'fr-BE' });
  page = await signIn(noJs);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the survey editor without JavaScript', () => {
  it("lists the series' bassin's communes first, not the demo's", async () => {
    const commune = (await questions()).find((q) => q.id === 'commune');
    assert.deepEqual(
      commune?.options?.slice(0, 5).map((o) => o.id),
      ['berchem-sainte-agathe', 'ganshoren', 'jette', 'koekelberg', 'molenbeek-saint-jean'],
    );
    await audit(`/app/surveys/${survey}/edit`, 'survey editor (draft)');
  });

  it('adds a question, moves it up, removes another and adds an option, each with a plain form', async () => {
    await page.goto(`${server.base}/app/surveys/${survey}/edit`);
    assert.match(await page.locator('main').innerText(), /Personne n’a encore répondu/);
    await page.selectOption('#new_type', 'single');
    await page.locator('#new_text_fr').fill('Venez-vous au lunch ?');
    await page.locator('#new_options').fill('Oui\nNon');
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    assert.match(await page.getByRole('status').innerText(), /Enregistré/);
    assert.equal((await questions()).at(-1)?.id, 'venez-vous-au-lunch');

    await page.getByRole('button', { name: 'Monter — Venez-vous au lunch ?' }).click();
    assert.deepEqual(
      (await questions()).slice(-2).map((q) => q.id),
      ['venez-vous-au-lunch', 'commune'],
    );
    await page.getByRole('button', { name: 'Supprimer la question — Votre organisation est…' }).click();
    assert.equal(
      (await questions()).some((q) => q.id === 'organisation-type'),
      false,
    );

    await page.locator('#question-commune summary').click();
    await page.locator('#new_option_fr-commune').fill('Région flamande');
    await page.getByRole('button', { name: /^Ajouter l’option — Dans quelle commune/ }).click();
    assert.match(await page.getByRole('status').innerText(), /Enregistré/);
    assert.equal((await questions()).find((q) => q.id === 'commune')?.options?.at(-1)?.label.fr, 'Région flamande');
  });

  it('names an empty field in an error summary and keeps what was typed', async () => {
    await page.goto(`${server.base}/app/surveys/${survey}/edit`);
    await page.locator('#new_text_nl').fill('Bewaard');
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    const summary = page.locator('.error-summary');
    assert.match(await summary.innerText(), /Écrivez la question en français/);
    assert.equal(await page.locator('#new_text_nl').inputValue(), 'Bewaard');
  });

  it('once someone answered, shows the rule and offers no removal', async () => {
    await api(`/api/surveys/${survey}/open`, { method: 'POST' });
    const { invitations } = await api<{ invitations: { url: string }[] }>(`/api/surveys/${survey}/invitations`, {
      method: 'POST',
      body: JSON.stringify({ participants: [{ email: 'editor-e2e@example.org' }] }),
    });
    const answer = await fetch(`${server.base}/api${new URL(invitations[0]?.url ?? '').pathname}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { expectations: ['create-links'], 'venez-vous-au-lunch': 'oui' } }),
    });
    assert.equal(answer.status, 200);
    await page.goto(`${server.base}/app/surveys/${survey}/edit`);
    assert.match(await page.locator('main').innerText(), /Vous ne pouvez pas supprimer une question ou une option/);
    assert.equal(await page.getByRole('button', { name: /^Supprimer/ }).count(), 0);
    await audit(`/app/surveys/${survey}/edit`, 'survey editor (answered)');
  });

  it("copies the survey from the next session's page", async () => {
    const next = await api<{ id: number }>(`/api/series/${series}/sessions`, {
      method: 'POST',
      body: JSON.stringify({ number: 2, starts_at: '2099-04-01T12:00:00+02:00' }),
    });
    await audit(`/app/sessions/${next.id}`, 'session page with a copy button');
    await page.goto(`${server.base}/app/sessions/${next.id}`);
    await page.getByRole('button', { name: 'Copier depuis la séance #1' }).first().click();
    await page.waitForURL(/\/app\/surveys\/\d+\/edit/);
    assert.match(await page.locator('main').innerText(), /Personne n’a encore répondu/);
    assert.ok(await page.locator('#text_fr-venez-vous-au-lunch').isVisible());
  });
});
