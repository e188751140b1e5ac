/**
 * Workspace sign-in by a one-time link e-mailed to the coordinator. A link carries 192 random
 * bits (guessing is hopeless, so no failure counter is needed and none can lock anyone out);
 * it is short-lived and single use; asking for links is bounded per account without ever
 * refusing the owner a link already in their mailbox.
 */

/** How long a link stays valid: enough to switch to the mailbox, short if the mail leaks. */
export const LINK_LIFETIME_MINUTES = 15;

/**
 * At most this many links per account in the window: bounds how much mail a stranger can
 * make an address receive. Past it, the page answers as usual and sends nothing; the links
 * already sent stay valid, so the owner is never blocked.
 */
export const LINKS_PER_ACCOUNT = 3;
export const ACCOUNT_WINDOW_MINUTES = 10;

/** Random bytes of a link's token (base64url: 32 characters). */
export const LINK_TOKEN_BYTES = 24;

/** Sign-in links look like `/app/sign-in/<token>`; anything else is refused before D1. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** The offset SQLite's strftime takes, e.g. '+15 minutes'. */
export const minutes = (n: number) => `${n >= 0 ? '+' : ''}${n} minutes`;
