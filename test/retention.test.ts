/**
 * Retention by default (issue 19, item 10): a series' contacts (names, addresses) are purged
 * 365 days after its last session unless a coordinator chose another period — for new series
 * and for existing ones without a setting (migrations/0014) — by the hourly cron, with an
 * audit entry per purge. Before, contacts stayed forever unless someone set a period.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../src/cron/scheduled.ts';
import { call, callJson, createCoordinator, env } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

const DAY = 86_400_000;
let key: string;

beforeAll(async () => {
  key = await createCoordinator('Bassin Conservation');
});

/** A series with one session at `startsAt` and two invited people, made through the API with every default. */
async function seriesWithContacts(title: string, startsAt: string) {
  const series = await callJson<{ id: number; retention_days: number | null }>('/api/series', {
    method: 'POST',
    key,
    json: { title },
    expect: 201,
  });
  const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: startsAt },
    expect: 201,
  });
  const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'post' },
    expect: 201,
  });
  await callJson(`/api/surveys/${survey.id}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: `a.${series.id}@example.org`, name: 'Anne' }, { email: `b.${series.id}@example.org` }] },
    expect: 201,
  });
  return { series, surveyId: survey.id };
}

const contactsOf = async (surveyId: number) =>
  (
    await env.DB.prepare('SELECT email, name FROM invitations WHERE survey_id = ? ORDER BY id')
      .bind(surveyId)
      .all<{ email: string; name: string | null }>()
  ).results;

describe('retention by default', () => {
  it('a new series keeps contacts 365 days after its last session (API and workspace)', async () => {
    const created = await callJson<{ id: number; retention_days: number | null }>('/api/series', {
      method: 'POST',
      key,
      json: { title: 'Par défaut' },
      expect: 201,
    });
    expect(created.retention_days).toBe(365);
    const { email } = await workspaceCoordinator('Bassin Conservation pages');
    const browser = new Browser();
    await browser.signIn(email);
    const form = await browser.get('/app/series');
    const csrf = /name="csrf" value="([^"]+)"/.exec(form.html)?.[1] ?? '';
    const res = await browser.post('/app/series', { csrf, title: 'Par les pages', language: 'fr' });
    expect(res.status).toBe(303);
    const row = await env.DB.prepare("SELECT retention_days FROM series WHERE title = 'Par les pages'").first<{ retention_days: number }>();
    expect(row?.retention_days).toBe(365);
    const page = await browser.get(res.headers.get('location') ?? '/app/series');
    expect(page.html).toContain('365');
  });

  it('gives 365 days to every existing series without a setting (the migration), and leaves chosen periods alone', async () => {
    const org = await env.DB.prepare("SELECT organisation_id AS id FROM coordinators WHERE email LIKE 'bassin-conservation@%'").first<{
      id: number;
    }>();
    const unset = await env.DB.prepare("INSERT INTO series (organisation_id, title) VALUES (?, 'Ancienne') RETURNING id, retention_days")
      .bind(org?.id)
      .first<{ id: number; retention_days: number | null }>();
    expect(unset?.retention_days).toBeNull();
    const chosen = await env.DB.prepare(
      "INSERT INTO series (organisation_id, title, retention_days) VALUES (?, 'Choisie', 30) RETURNING id",
    )
      .bind(org?.id)
      .first<{ id: number }>();
    const update = env.TEST_MIGRATIONS.flatMap((m) => m.queries).find((q) => /UPDATE series SET retention_days = 365/.test(q));
    expect(update).toBeDefined();
    await env.DB.prepare(update ?? '').run();
    const after = await env.DB.prepare('SELECT id, retention_days FROM series WHERE id IN (?, ?) ORDER BY id')
      .bind(unset?.id, chosen?.id)
      .all();
    expect(after.results.map((r) => r.retention_days)).toEqual([365, 30]);
  });

  // Before the fix: nothing was purged, ever, unless a coordinator had set a period.
  it('the hourly cron purges contacts 365 days after the last session, with an audit entry, and not before', async () => {
    const startsAt = '2024-03-05T13:00:00.000Z';
    const { series, surveyId } = await seriesWithContacts('Purge par défaut', startsAt);
    await runTick(env, new Date(Date.parse(startsAt) + 364 * DAY));
    expect((await contactsOf(surveyId)).map((c) => c.email)).toEqual([`a.${series.id}@example.org`, `b.${series.id}@example.org`]);

    await runTick(env, new Date(Date.parse(startsAt) + 366 * DAY));
    const contacts = await contactsOf(surveyId);
    for (const c of contacts) {
      expect(c.email).toMatch(/@purged\.invalid$/);
      expect(c.name).toBeNull();
    }
    const audit = await env.DB.prepare("SELECT action, actor FROM audit_log WHERE action = 'contacts.purge' AND target = ?")
      .bind(`series:${series.id}`)
      .all();
    expect(audit.results).toEqual([{ action: 'contacts.purge', actor: null }]);
  });

  it('a coordinator sets the period through PATCH /api/series/:id (audited), or none', async () => {
    const { series, surveyId } = await seriesWithContacts('Réglée', '2024-01-10T13:00:00.000Z');
    const patched = await callJson<{ retention_days: number | null }>(`/api/series/${series.id}`, {
      method: 'PATCH',
      key,
      json: { retention_days: null },
    });
    expect(patched.retention_days).toBeNull();
    await runTick(env, new Date(Date.parse('2024-01-10T13:00:00.000Z') + 800 * DAY));
    expect((await contactsOf(surveyId))[0]?.email).toBe(`a.${series.id}@example.org`);

    const thirty = await callJson<{ retention_days: number | null; title: string }>(`/api/series/${series.id}`, {
      method: 'PATCH',
      key,
      json: { retention_days: 30 },
    });
    expect(thirty).toMatchObject({ retention_days: 30, title: 'Réglée' });
    expect((await callJson<{ retention_days: number }>(`/api/series/${series.id}`, { key })).retention_days).toBe(30);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'series.update' AND target = ? ORDER BY id")
      .bind(`series:${series.id}`)
      .all<{ detail: string }>();
    expect(audit.results.map((r) => JSON.parse(r.detail))).toEqual([
      { retention_days: { from: 365, to: null } },
      { retention_days: { from: null, to: 30 } },
    ]);

    for (const bad of [-1, 3651, 1.5, '30']) {
      const res = await call(`/api/series/${series.id}`, { method: 'PATCH', key, json: { retention_days: bad } });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['retention_days']);
    }
  });
});
