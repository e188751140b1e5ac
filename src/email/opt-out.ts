/**
 * Opting out of a series' e-mails: the one-click link (RFC 8058) of every participant e-mail,
 * its headers, and the check every send goes through (src/email/delivery.ts).
 *
 * The link carries the invitation's id and a MAC under SESSION_SECRET, so nobody can opt
 * someone else out by changing a number, and it opens nothing else (not the survey). The
 * opt-out itself is kept per series as a keyed hash of the address: it outlives the purge of
 * names and addresses, and holds for a later invitation to the same address in the series.
 */
import { hmacHex, sameText } from '../lib/crypto.ts';

const LINK_INFO = 'relais/opt-out/link/v1';
const ADDRESS_INFO = 'relais/opt-out/address/v1';

const mac = async (secret: string, message: string) => (await hmacHex(secret, message)).slice(0, 32);

export async function optOutToken(secret: string, invitationId: number): Promise<string> {
  return `${invitationId}.${await mac(secret, `${LINK_INFO}\n${invitationId}`)}`;
}

/** The invitation a token names, or null when it is malformed or its MAC does not match. */
export async function readOptOutToken(secret: string, token: string): Promise<number | null> {
  const match = /^([1-9]\d{0,15})\.([0-9a-f]{32})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[1]);
  return sameText(match[2], await mac(secret, `${LINK_INFO}\n${id}`)) ? id : null;
}

/** The series-scoped key an opt-out is kept under: no address is stored. */
export function addressKey(secret: string, seriesId: number, email: string): Promise<string> {
  return mac(secret, `${ADDRESS_INFO}\n${seriesId}\n${email.trim().toLowerCase()}`);
}

/**
 * List-Unsubscribe (RFC 2369) with the https link and, if the deployment names one, a
 * mailto address; List-Unsubscribe-Post (RFC 8058) so mail clients offer one-click
 * unsubscribe. Cloudflare refuses a plain-http URI here, so a local http link is left out.
 */
export function unsubscribeHeaders(link: string, mailto: string | undefined, token: string): Record<string, string> {
  const uris: string[] = [];
  if (link.startsWith('https://')) uris.push(`<${link}>`);
  if (mailto) uris.push(`<mailto:${mailto}?subject=${encodeURIComponent(`unsubscribe ${token}`)}>`);
  if (!uris.length) return {};
  return {
    'List-Unsubscribe': uris.join(', '),
    ...(uris[0]?.startsWith('<https://') ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
  };
}
