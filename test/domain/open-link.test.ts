/** The open link's plain rules: slugs, the cap, the resend window. */
import { describe, expect, it } from 'vitest';
import { joinDecision, newSlug, normaliseSlug, openLinkSlot, placesLeft, SLUG_ALPHABET, SLUG_LENGTH } from '../../src/domain/open-link.ts';

describe('open-link slugs', () => {
  it('are 12 characters of Crockford base32, without look-alikes', () => {
    expect(SLUG_ALPHABET).toHaveLength(32);
    expect(SLUG_ALPHABET).not.toMatch(/[ilou]/);
    const slugs = Array.from({ length: 2000 }, () => newSlug());
    for (const s of slugs) expect(s).toMatch(/^[0-9a-hjkmnp-tv-z]{12}$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('use every random byte without bias (256 is a multiple of 32)', () => {
    const fixed = newSlug((b) => b.map((_, i) => i * 32 + i));
    expect(fixed).toBe(SLUG_ALPHABET.slice(0, SLUG_LENGTH));
    expect(newSlug((b) => b.fill(255))).toBe('z'.repeat(12));
  });

  it('read back what a person typed from paper: case, dashes, O for 0, I or L for 1', () => {
    expect(normaliseSlug('k7m2q9xa4bcd')).toBe('k7m2q9xa4bcd');
    expect(normaliseSlug('K7M2-Q9XA-4BCD')).toBe('k7m2q9xa4bcd');
    expect(normaliseSlug('OIL000000000')).toBe('011000000000');
  });

  it('refuse anything that cannot be a slug, before any lookup', () => {
    for (const bad of ['', 'short', 'k7m2q9xa4bcdz', 'k7m2q9xa4bcu', 'k7m2q9xa4bc!', '../../etc/pas', 'x'.repeat(500)]) {
      expect(normaliseSlug(bad)).toBeNull();
    }
  });
});

describe('the cap', () => {
  it('lets newcomers join while fewer than cap have joined', () => {
    expect(joinDecision({ alreadyInvited: false, joined: 0, cap: null })).toBe('join');
    expect(joinDecision({ alreadyInvited: false, joined: 999, cap: null })).toBe('join');
    expect(joinDecision({ alreadyInvited: false, joined: 1, cap: 2 })).toBe('join');
    expect(joinDecision({ alreadyInvited: false, joined: 2, cap: 2 })).toBe('full');
    expect(joinDecision({ alreadyInvited: false, joined: 3, cap: 2 })).toBe('full');
  });

  it('always gives someone already invited their link, full or not', () => {
    expect(joinDecision({ alreadyInvited: true, joined: 5, cap: 2 })).toBe('existing');
    expect(joinDecision({ alreadyInvited: true, joined: 0, cap: null })).toBe('existing');
  });

  it('counts places left, never below zero', () => {
    expect(placesLeft(3, null)).toBeNull();
    expect(placesLeft(3, 5)).toBe(2);
    expect(placesLeft(7, 5)).toBe(0);
  });
});

describe('the resend window', () => {
  it('names one outbox slot per ten minutes', () => {
    const a = openLinkSlot(new Date('2026-11-22T21:40:00.000Z'));
    expect(a).toBe('open-link:2026-11-22T21:40:00.000Z');
    expect(openLinkSlot(new Date('2026-11-22T21:49:59.999Z'))).toBe(a);
    expect(openLinkSlot(new Date('2026-11-22T21:50:00.000Z'))).not.toBe(a);
  });
});
