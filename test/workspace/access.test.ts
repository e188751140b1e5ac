/** Cloudflare Access as the identity, where configured: checked by the Worker, failing closed. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCESS_HEADER, verifyAccessJwt } from '../../src/coordinators/access.ts';
import { openSurveyFor } from '../helpers.ts';
import { Browser, issueSignInLink, workspaceCoordinator } from './browser.ts';

const TEAM = 'relais-test.cloudflareaccess.com';
const AUD = 'aud-0123456789';
const ISSUER = `https://${TEAM}`;
const ACCESS = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const part = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

let signer: CryptoKey;
let stranger: CryptoKey;
let publicJwk: JsonWebKey & { kid: string };

async function keyPair() {
  return (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
}

async function token(
  claims: Record<string, unknown>,
  key = signer,
  header: Record<string, unknown> = { alg: 'RS256', kid: 'k1', typ: 'JWT' },
) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${part(header)}.${part({ iss: ISSUER, aud: [AUD], iat: now, exp: now + 600, ...claims })}`;
  const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(body)));
  return `${body}.${b64url(signature)}`;
}

beforeAll(async () => {
  const pair = await keyPair();
  signer = pair.privateKey;
  stranger = (await keyPair()).privateKey;
  publicJwk = { ...((await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey), kid: 'k1' };
  // The outside, and only it: Cloudflare's certs endpoint of the team serves the test key.
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== `https://${TEAM}/cdn-cgi/access/certs`) return realFetch(input, init);
    certsFetched++;
    return Response.json({ keys: [publicJwk], public_cert: { kid: 'k1', cert: '…' } });
  });
});
let certsFetched = 0;

describe('Access tokens', () => {
  const check = () => ({ issuer: ISSUER, audience: AUD, keys: [publicJwk] });
  it('accept a token signed by the team for this application', async () => {
    expect(await verifyAccessJwt(await token({ email: 'Coord@Example.org' }), check())).toBe('coord@example.org');
  });
  it('refuse another audience, another issuer, an expired token, another key, alg none, garbage', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await verifyAccessJwt(await token({ email: 'a@example.org', aud: ['other'] }), check())).toBeNull();
    expect(await verifyAccessJwt(await token({ email: 'a@example.org', iss: 'https://evil.cloudflareaccess.com' }), check())).toBeNull();
    expect(await verifyAccessJwt(await token({ email: 'a@example.org', exp: now - 1 }), check())).toBeNull();
    expect(await verifyAccessJwt(await token({ email: 'a@example.org' }, stranger), check())).toBeNull();
    const unsigned = `${part({ alg: 'none', kid: 'k1' })}.${part({ iss: ISSUER, aud: [AUD], exp: now + 600, email: 'a@example.org' })}.`;
    expect(await verifyAccessJwt(unsigned, check())).toBeNull();
    expect(await verifyAccessJwt('not.a.jwt', check())).toBeNull();
  });
  it('refuse a token not yet valid or issued in the future, an odd header, a tampered payload; accept a single audience', async () => {
    const now = Math.floor(Date.now() / 1000);
    const email = 'a@example.org';
    expect(await verifyAccessJwt(await token({ email, nbf: now + 60 }), check())).toBeNull();
    expect(await verifyAccessJwt(await token({ email, iat: now + 60 }), check())).toBeNull();
    expect(await verifyAccessJwt(await token({ email, exp: 'never' }), check())).toBeNull();
    expect(await verifyAccessJwt(await token({ email }, signer, { alg: 'RS256', kid: 'k1', typ: 'JOSE+JSON' }), check())).toBeNull();
    expect(await verifyAccessJwt(await token({ email }, signer, { alg: 'RS256', kid: 'k1', crit: ['exp'] }), check())).toBeNull();
    expect(await verifyAccessJwt(await token({ email }, signer, { alg: 'RS256' }), check())).toBeNull();
    const [h, , sig] = (await token({ email })).split('.');
    const forged = part({ iss: ISSUER, aud: [AUD], exp: now + 600, email: 'boss@example.org' });
    expect(await verifyAccessJwt(`${h}.${forged}.${sig}`, check())).toBeNull();
    expect(await verifyAccessJwt(`${await token({ email })}.x`, check())).toBeNull();
    // Access sends `aud` as a list; a bare string naming the application is the same claim.
    expect(await verifyAccessJwt(await token({ email, aud: AUD }, signer, { alg: 'RS256', kid: 'k1' }), check())).toBe(email);
  });
});

describe('the workspace behind Access', () => {
  it('signs in by the Access identity, and refuses the cookie without it', async () => {
    const { email, key } = await workspaceCoordinator('Access Org');
    const { surveyId, sessionId } = await openSurveyFor(key, { title: 'Derrière Access' });
    // Results and the brief check an API key in their own batch (KEY_IN_BATCH); the cookie and
    // Access are checked before them as before.
    const reads = [`/api/surveys/${surveyId}/results?format=html`, `/api/sessions/${sessionId}/brief?format=html`];
    const browser = new Browser(ACCESS);
    // No token: refused, and no sign-in link to fall back on (neither asked for nor issued).
    const refused = await browser.get('/app/sign-in');
    expect(refused.res.status).toBe(401);
    expect(refused.html).not.toContain('name="email"');
    expect((await browser.post('/app/sign-in', { email }, { csrf: false })).status).toBe(403);
    const link = await issueSignInLink(email);
    expect((await browser.get(link)).res.status).toBe(403);
    expect((await browser.post(link)).status).toBe(403);
    expect(browser.cookies.has('relais_session')).toBe(false);

    browser.headers = { [ACCESS_HEADER]: await token({ email }) };
    const signedIn = await browser.request('/app/sign-in');
    expect(signedIn.status).toBe(303);
    expect((await browser.get('/app/series')).res.status).toBe(200);
    expect((await browser.request('/api/series')).status).toBe(200);
    for (const path of reads) expect((await browser.request(path)).status, path).toBe(200);

    // The same cookie without the token (a request around Access): refused.
    browser.headers = {};
    expect((await browser.get('/app/series')).res.status).toBe(303);
    expect((await browser.request('/api/series')).status).toBe(401);
    for (const path of reads) expect((await browser.request(path)).status, path).toBe(401);
    // Someone else's token with this cookie: refused too.
    browser.headers = { [ACCESS_HEADER]: await token({ email: 'someone.else@example.org' }) };
    expect((await browser.get('/app/series')).res.status).toBe(303);
    for (const path of reads) expect((await browser.request(path)).status, path).toBe(401);
  });

  it('refuses a token signed by another key, an expired one, one for another application, one without expiry', async () => {
    const { email } = await workspaceCoordinator('Access Refusals Org');
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      await token({ email }, stranger),
      await token({ email }, stranger, { alg: 'RS256', kid: 'unknown-key', typ: 'JWT' }),
      await token({ email, exp: now - 1 }),
      await token({ email, aud: ['another-application'] }),
      await token({ email, iss: 'https://another-team.cloudflareaccess.com' }),
      await token({ email, exp: undefined }),
      await token({ email }, signer, { alg: 'HS256', kid: 'k1', typ: 'JWT' }),
    ];
    for (const assertion of refused) {
      const browser = new Browser(ACCESS);
      browser.headers = { [ACCESS_HEADER]: assertion };
      expect((await browser.get('/app/sign-in')).res.status).toBe(401);
      expect(browser.cookies.has('relais_session')).toBe(false);
    }
    // The keys came from the team's certs endpoint, not from a copy inside Relais; a token
    // naming an unknown key asked for them again at most once a minute.
    expect(certsFetched).toBeGreaterThanOrEqual(1);
    expect(certsFetched).toBeLessThanOrEqual(2);
  });

  it('refuses an Access identity that is not a coordinator', async () => {
    const browser = new Browser(ACCESS);
    browser.headers = { [ACCESS_HEADER]: await token({ email: 'visitor@example.org' }) };
    expect((await browser.get('/app/sign-in')).res.status).toBe(401);
    expect(browser.cookies.has('relais_session')).toBe(false);
  });

  it('fails closed when only half of the configuration is set', async () => {
    const { email } = await workspaceCoordinator('Half Access Org');
    const browser = new Browser({ ACCESS_TEAM_DOMAIN: TEAM });
    browser.headers = { [ACCESS_HEADER]: await token({ email }) };
    expect((await browser.get('/app/sign-in')).res.status).toBe(401);
    expect((await browser.post('/app/sign-in', { email }, { csrf: false })).status).toBe(403);
  });
});
