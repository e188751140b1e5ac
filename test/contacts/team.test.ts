/**
 * The team (issue 16): a coordinator invites a colleague of their organisation by an e-mailed
 * one-time sign-in link and removes one, from the workspace and the API, audited; nobody
 * removes themselves or the last coordinator, and an address of another organisation is
 * never taken over.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { removeStatements } from '../../src/team/team.queries.ts';
import { call, callJson, createCoordinator, env } from '../helpers.ts';
import { Browser, signInLinkIn, workspaceCoordinator } from '../workspace/browser.ts';
import { mailbox } from '../workspace/mail.ts';

let key: string;
let email: string;
let organisationId: number;

const idOf = async (address: string) =>
  (await env.DB.prepare('SELECT id, organisation_id FROM coordinators WHERE email = ?')
    .bind(address)
    .first<{ id: number; organisation_id: number }>()) ?? null;

beforeAll(async () => {
  const who = await workspaceCoordinator('Équipe Réseau Santé Nord');
  key = who.key;
  email = who.email;
  organisationId = (await idOf(email))?.organisation_id ?? 0;
});

describe('inviting a colleague', () => {
  it('from the workspace: the colleague gets a one-time link (in the inviter’s workspace language), signs in with it, and the log says who did it', async () => {
    const mail = mailbox();
    const browser = new Browser(mail.bindings);
    await browser.signIn(email);
    await browser.get('/app/team?lang=nl');
    const res = await browser.post('/app/team', { email: 'Collega@Example.org' });
    expect(res.status).toBe(303);
    const message = mail.sent.at(-1);
    expect(mail.to(message ?? (undefined as never))).toBe('collega@example.org');
    expect(message?.subject).toBe('Uitnodiging voor de Relais-werkruimte van Équipe Réseau Santé Nord');
    expect(message?.text).toContain(`${email} nodigt u uit`);
    const link = signInLinkIn(message?.text);
    expect(link).not.toBeNull();
    const colleague = new Browser();
    const { res: signedIn } = await colleague.confirmSignInLink(link ?? '');
    expect(signedIn.status).toBe(303);
    const { html } = await colleague.get('/app/team');
    expect(html).toContain(email);
    // Once only.
    expect((await new Browser().confirmSignInLink(link ?? '')).res.status).not.toBe(303);
    const joined = await idOf('collega@example.org');
    expect(joined?.organisation_id).toBe(organisationId);
    const entry = await env.DB.prepare("SELECT actor, target FROM audit_log WHERE action = 'team.invite' ORDER BY id DESC").first<{
      actor: string;
      target: string;
    }>();
    expect(entry).toEqual({ actor: email, target: `coordinator:${joined?.id}` });
  });

  it('refuses an address of another organisation, and gives it no link', async () => {
    await createCoordinator('Autre Organisation Équipe', 'elsewhere@example.org');
    const res = await call('/api/team', { method: 'POST', key, json: { email: 'elsewhere@example.org' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('email');
    const links = await env.DB.prepare(
      "SELECT count(*) AS n FROM sign_in_links l JOIN coordinators c ON c.id = l.coordinator_id WHERE c.email = 'elsewhere@example.org'",
    ).first<{ n: number }>();
    expect(links?.n).toBe(0);
    expect((await idOf('elsewhere@example.org'))?.organisation_id).not.toBe(organisationId);
  });

  it('names the field of a bad address', async () => {
    const res = await call('/api/team', { method: 'POST', key, json: { email: 'not an address' } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('email');
  });
});

describe('removing a colleague', () => {
  it('through the API: their API key and browser session stop working at once; audited', async () => {
    const theirKey = await createCoordinator('Équipe Réseau Santé Nord', 'leaving@example.org');
    const theirs = new Browser();
    await theirs.signIn('leaving@example.org');
    expect((await call('/api/team', { key: theirKey })).status).toBe(200);
    const id = (await idOf('leaving@example.org'))?.id ?? 0;
    expect((await call(`/api/team/${id}`, { method: 'DELETE', key })).status).toBe(204);
    expect((await call('/api/team', { key: theirKey })).status).toBe(401);
    expect((await theirs.get('/app/series')).res.status).toBe(303);
    const entry = await env.DB.prepare("SELECT actor FROM audit_log WHERE action = 'team.remove' AND target = ?")
      .bind(`coordinator:${id}`)
      .first<{ actor: string }>();
    expect(entry?.actor).toBe(email);
  });

  it('from the workspace, with a button per colleague (none for yourself); removing yourself is refused', async () => {
    await createCoordinator('Équipe Réseau Santé Nord', 'page-leaving@example.org');
    const id = (await idOf('page-leaving@example.org'))?.id ?? 0;
    const me = (await idOf(email))?.id ?? 0;
    const browser = new Browser();
    await browser.signIn(email);
    const { html } = await browser.get('/app/team');
    expect(html).toContain(`/app/team/${id}/remove`);
    expect(html).not.toContain(`/app/team/${me}/remove`);
    expect((await browser.post(`/app/team/${id}/remove`)).status).toBe(303);
    expect(await idOf('page-leaving@example.org')).toBeNull();
    const self = await browser.post(`/app/team/${me}/remove`);
    expect(self.status).toBe(409);
    expect(await self.text()).toContain('Vous ne pouvez pas vous retirer vous-même');
    expect((await call(`/api/team/${me}`, { method: 'DELETE', key })).status).toBe(409);
  });

  it('never removes the last coordinator, even when two remove each other at the same moment', async () => {
    const aKey = await createCoordinator('Duo Équipe', 'duo-a@example.org');
    await createCoordinator('Duo Équipe', 'duo-b@example.org');
    const a = (await idOf('duo-a@example.org')) ?? { id: 0, organisation_id: 0 };
    const b = (await idOf('duo-b@example.org')) ?? { id: 0, organisation_id: 0 };
    // b's removal of a has already run; a's removal of b, checked against the same guard, must then do nothing.
    await env.DB.batch(removeStatements(env.DB, { id: b.id, organisationId: b.organisation_id }, a.id));
    const res = await call(`/api/team/${b.id}`, { method: 'DELETE', key: aKey });
    expect(res.status).toBe(401);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM coordinators WHERE organisation_id = ?')
      .bind(a.organisation_id)
      .first<{ n: number }>();
    expect(left?.n).toBe(1);
    // And the guard itself: the one left cannot be removed by a statement naming them.
    const results = await env.DB.batch(removeStatements(env.DB, { id: a.id, organisationId: a.organisation_id }, b.id));
    expect(results[3]?.results).toEqual([]);
  });

  it("another organisation's coordinator is a 404", async () => {
    const other = (await idOf('elsewhere@example.org'))?.id ?? 0;
    expect((await call(`/api/team/${other}`, { method: 'DELETE', key })).status).toBe(404);
    expect(await callJson<{ coordinators: { email: string }[] }>('/api/team', { key })).not.toMatchObject({
      coordinators: expect.arrayContaining([expect.objectContaining({ email: 'elsewhere@example.org' })]),
    });
  });
});
