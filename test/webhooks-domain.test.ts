/** The webhook rules an integrator relies on, without D1: signature, retry schedule, payloads. */
import { describe, expect, it } from 'vitest';
import { responseSubmitted, surveyChanged } from '../src/webhooks/events.ts';
import { backoffDelayMs, isDelivered, MAX_ATTEMPTS, nextAttemptAt } from '../src/webhooks/schedule.ts';
import { signatureHeader, verifySignature } from '../src/webhooks/signature.ts';

describe('Relais-Signature', () => {
  const body = '{"event":"survey.opened"}';
  const at = new Date(1_700_000_000_000);

  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> (vector computed independently)', async () => {
    expect(await signatureHeader('whsec_test', body, at)).toBe(
      't=1700000000,v1=6f514472f96f26d197819be86303b35839ae6a9c2a47acb902d1f91ae7933808',
    );
  });

  it('verifies the same body and refuses a changed body, another secret, or an old timestamp', async () => {
    const header = await signatureHeader('whsec_test', body, at);
    expect(await verifySignature('whsec_test', header, body, at)).toBe(true);
    expect(await verifySignature('whsec_test', header, `${body} `, at)).toBe(false);
    expect(await verifySignature('whsec_other', header, body, at)).toBe(false);
    expect(await verifySignature('whsec_test', header, body, new Date(at.getTime() + 301_000))).toBe(false);
    expect(await verifySignature('whsec_test', null, body, at)).toBe(false);
  });
});

describe('retry schedule', () => {
  it('backs off exponentially from one minute and caps at a day', () => {
    expect([1, 2, 3, 4].map(backoffDelayMs)).toEqual([60_000, 240_000, 960_000, 3_840_000]);
    expect(backoffDelayMs(20)).toBe(24 * 60 * 60_000);
  });

  it('gives up after the last attempt', () => {
    const now = new Date('2025-12-18T12:00:00Z');
    expect(nextAttemptAt(1, now)?.toISOString()).toBe('2025-12-18T12:01:00.000Z');
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now)).not.toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });

  it('counts only 2xx as delivered (a redirect is not followed)', () => {
    expect([200, 204, 299].every(isDelivered)).toBe(true);
    expect([null, 301, 404, 500].some(isDelivered)).toBe(false);
  });
});

describe('payloads', () => {
  const facts = {
    seriesId: 1,
    surveyId: 2,
    kind: 'pre' as const,
    sessionNumber: 3,
    invitationId: 99,
    replaced: true,
    responses: 5,
    invitations: 18,
  };
  const now = new Date('2025-12-18T12:00:00Z');

  it('an anonymous survey’s response.submitted carries counts only', () => {
    const p = responseSubmitted({ ...facts, anonymous: true }, now);
    expect(p.data).toEqual({ survey_id: 2, kind: 'pre', session_number: 3, anonymous: true, responses: 5, invitations: 18 });
    expect(JSON.stringify(p)).not.toContain('99');
  });

  it('a named survey’s response.submitted carries the invitation id', () => {
    const p = responseSubmitted({ ...facts, anonymous: false }, now);
    expect(p).toMatchObject({ event: 'response.submitted', series_id: 1, data: { invitation_id: 99, replaced: true } });
  });

  it('survey events say which survey changed and its state', () => {
    const p = surveyChanged(
      'survey.closed',
      {
        seriesId: 1,
        surveyId: 2,
        sessionId: 7,
        sessionNumber: 3,
        kind: 'post',
        anonymous: false,
        status: 'closed',
        closesAt: null,
        openedAt: '2025-12-01T00:00:00.000Z',
        closedAt: '2025-12-18T12:00:00.000Z',
        responses: 4,
        invitations: 10,
      },
      now,
    );
    expect(p).toMatchObject({ event: 'survey.closed', occurred_at: '2025-12-18T12:00:00.000Z', data: { survey_id: 2, status: 'closed' } });
  });
});
