/**
 * The open link's rules, without Hono or D1: its slug (short enough to print in an agenda,
 * random enough not to be enumerated) and who may still join once a cap is set.
 */

/**
 * Crockford's base32, lower case: no i, l, o or u, so a slug read off paper cannot be
 * mistyped between look-alike characters (and never spells a word by accident).
 */
export const SLUG_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 12 characters × 5 bits = 60 random bits: short on a flyer, out of reach of enumeration. */
export const SLUG_LENGTH = 12;

export function newSlug(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(SLUG_LENGTH));
  // One byte per character keeps the mapping obvious; 256 is a multiple of 32, so no bias.
  return Array.from(bytes, (b) => SLUG_ALPHABET[b % 32]).join('');
}

/**
 * The slug a visitor meant: case and separators ignored, and the look-alikes Crockford's
 * alphabet leaves out read as the digit they resemble (O → 0, I/L → 1). Null when it cannot
 * be a slug, so nothing else is ever looked up.
 */
export function normaliseSlug(input: string): string | null {
  if (input.length > 3 * SLUG_LENGTH) return null;
  const slug = input.toLowerCase().replace(/[-\s]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
  if (slug.length !== SLUG_LENGTH) return null;
  for (const ch of slug) if (!SLUG_ALPHABET.includes(ch)) return null;
  return slug;
}

export type JoinDecision = 'existing' | 'join' | 'full';

/**
 * Someone already invited always gets their link again (never a second respondent), whatever
 * the cap; a newcomer joins while fewer than `cap` people have joined through the link.
 */
export function joinDecision({
  alreadyInvited,
  joined,
  cap,
}: {
  alreadyInvited: boolean;
  joined: number;
  cap: number | null;
}): JoinDecision {
  if (alreadyInvited) return 'existing';
  if (cap !== null && joined >= cap) return 'full';
  return 'join';
}

/** Places left, for the coordinator and the page; null when there is no cap. */
export function placesLeft(joined: number, cap: number | null): number | null {
  return cap === null ? null : Math.max(0, cap - joined);
}

/**
 * The outbox slot of a message sent through the open link: the personal link, or "no places
 * left" to a newcomer past the cap. It names a ten-minute window, so asking again within it
 * sends nothing (the outbox keeps one message per invitation, or address without one, and
 * slot): a visitor who mistyped nothing cannot be used to flood someone's mailbox.
 */
export const RESEND_WINDOW_MINUTES = 10;

export function openLinkSlot(now: Date, message: 'link' | 'no-place' = 'link'): string {
  const windowMs = RESEND_WINDOW_MINUTES * 60_000;
  const prefix = message === 'link' ? 'open-link' : 'open-link-full';
  return `${prefix}:${new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString()}`;
}
