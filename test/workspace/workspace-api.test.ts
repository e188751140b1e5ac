/** The workspace's actions through the JSON API, with the same scoping and rules as the pages. */
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.tsx';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from '../helpers.ts';
import { workspaceCoordinator } from './browser.ts';
import { mailbox } from './mail.ts';

async function openSurvey(org: string) {
  const { key } = await workspaceCoordinator(org);
  const { seriesId, surveyId } = await openSurveyFor(key, { title: org, kind: 'pre' });
  await inviteThroughApi(key, surveyId, [{ email: 'one@example.org', name: 'One' }, { email: 'two@example.org' }]);
  return { key, seriesId, surveyId };
}

/** A request with the mocked e-mail binding in the Worker's environment. */
function withMail(mail: ReturnType<typeof mailbox>, path: string, key: string, method = 'POST', json?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (json !== undefined) headers['content-type'] = 'application/json';
  return app.request(
    `https://relais.test${path}`,
    { method, headers, body: json === undefined ? undefined : JSON.stringify(json) },
    { ...env, ...mail.bindings },
  );
}

describe('the workspace API', () => {
  it('sends invitations, lists states and the outbox, resends, removes', async () => {
    const { key, surveyId } = await openSurvey('API Send Org');
    const mail = mailbox();
    let participants = await callJson<{ participants: { id: number; email: string; state: string }[] }>(
      `/api/surveys/${surveyId}/participants`,
      { key },
    );
    expect(participants.participants.map((p) => p.state)).toEqual(['not_sent', 'not_sent']);

    const res = await withMail(mail, `/api/surveys/${surveyId}/invitations/send`, key);
    expect(res.status).toBe(200);
    // Two people: the whole job is done within the call.
    expect(await res.json()).toMatchObject({ kind: 'invitation', total: 2, sent: 2, failed: 0, remaining: 0 });
    // Links handed out by POST …/invitations are not kept, so the e-mail carries a new one.
    const link = mail.linkOf(mail.sent[0]);
    expect((await call(`/api/s/${link}`)).status).toBe(200);

    participants = await callJson(`/api/surveys/${surveyId}/participants`, { key });
    // One's link was just opened above.
    expect(participants.participants.map((p) => p.state)).toEqual(['opened', 'sent']);
    const outbox = await callJson<{ messages: { to_email: string; body_text: string }[] }>(`/api/outbox?survey=${surveyId}`, { key });
    expect(outbox.messages).toHaveLength(2);
    expect(outbox.messages.every((m) => !m.body_text.includes(link))).toBe(true);

    const one = participants.participants.find((p) => p.email === 'one@example.org');
    expect((await withMail(mail, `/api/invitations/${one?.id}/resend`, key)).status).toBe(200);
    expect(mail.linkOf(mail.sent.at(-1))).toBe(mail.linkOf(mail.sent.find((m) => mail.to(m) === 'one@example.org')));

    expect((await call(`/api/invitations/${one?.id}`, { method: 'DELETE', key })).status).toBe(204);
    participants = await callJson(`/api/surveys/${surveyId}/participants`, { key });
    expect(participants.participants.map((p) => p.email)).toEqual(['two@example.org']);
    const audit = await callJson<{ entries: { action: string }[] }>('/api/audit', { key });
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['invitations.send', 'invitation.resend', 'invitation.remove']),
    );
  });

  it('refuses to send for a survey that is not open', async () => {
    const { key, surveyId } = await openSurvey('API Closed Org');
    await callJson(`/api/surveys/${surveyId}/close`, { method: 'POST', key });
    expect((await withMail(mailbox(), `/api/surveys/${surveyId}/invitations/send`, key)).status).toBe(409);
  });

  it('exports and erases one person within the organisation only', async () => {
    const ours = await openSurvey('API Erase Ours');
    const theirs = await openSurvey('API Erase Theirs');
    const exported = await callJson<{ invitations: unknown[] }>('/api/participants/export', {
      method: 'POST',
      key: ours.key,
      json: { email: 'ONE@example.org' },
    });
    expect(exported.invitations).toHaveLength(1);
    const erased = await callJson<{ erased_invitations: number }>('/api/participants/erase', {
      method: 'POST',
      key: ours.key,
      json: { email: 'one@example.org' },
    });
    expect(erased.erased_invitations).toBe(1);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM invitations WHERE email = 'one@example.org' AND survey_id IN (?, ?)")
      .bind(ours.surveyId, theirs.surveyId)
      .first();
    expect(left).toEqual({ n: 1 });
    const bad = await call('/api/participants/erase', { method: 'POST', key: ours.key, json: { email: 'nope' } });
    expect(bad.status).toBe(422);
  });

  it('sets the retention, validated', async () => {
    const { key, seriesId } = await openSurvey('API Retention Org');
    expect(await callJson(`/api/series/${seriesId}/retention`, { method: 'PUT', key, json: { retention_days: 90 } })).toEqual({
      retention_days: 90,
    });
    expect((await call(`/api/series/${seriesId}/retention`, { method: 'PUT', key, json: { retention_days: -1 } })).status).toBe(422);
    const other = await workspaceCoordinator('API Retention Other');
    expect((await call(`/api/series/${seriesId}/retention`, { method: 'PUT', key: other.key, json: { retention_days: 1 } })).status).toBe(
      404,
    );
  });

  it('lists proposals grouped across spellings, promotes one and merges another', async () => {
    const { key, seriesId, surveyId } = await openSurvey('API Proposals Org');
    const links = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'a@example.org' }, { email: 'b@example.org' }, { email: 'c@example.org' }] },
      expect: 201,
    });
    const texts = ['Santé mentale', 'sante  mentale', 'Mobilité'];
    for (const [i, inv] of links.invitations.entries()) {
      const token = new URL(inv.url).pathname.split('/')[2];
      await callJson(`/api/s/${token}`, {
        method: 'PUT',
        json: { answers: { expectations: ['create-links'], 'theme-proposal': texts[i] } },
      });
    }
    const listed = await callJson<{ proposals: { key: string; text: string; count: number }[] }>(`/api/series/${seriesId}/proposals`, {
      key,
    });
    expect(listed.proposals.map((p) => [p.key, p.count])).toEqual([
      ['sante mentale', 2],
      ['mobilite', 1],
    ]);
    const promoted = await callJson<{ theme_id: number }>(`/api/series/${seriesId}/proposals`, {
      method: 'POST',
      key,
      json: { action: 'promote', key: 'sante mentale' },
      expect: 201,
    });
    await callJson(`/api/series/${seriesId}/proposals`, {
      method: 'POST',
      key,
      json: { action: 'merge', key: 'mobilite', theme_id: promoted.theme_id },
    });
    expect((await callJson<{ proposals: unknown[] }>(`/api/series/${seriesId}/proposals`, { key })).proposals).toEqual([]);
    const theme = await env.DB.prepare('SELECT label_fr FROM themes WHERE id = ?').bind(promoted.theme_id).first();
    expect(theme).toEqual({ label_fr: listed.proposals[0]?.text });
  });
});
