/** Bindings of the Worker (see wrangler.toml) and the per-request variables set by middleware. */
export interface Env {
  DB: D1Database;
  /** public/ (wrangler.toml [assets]): the Worker reads its message catalogues through it (src/i18n/catalogue.ts). */
  ASSETS?: Fetcher;
  /** Public origin of every link that leaves Relais; required to send any (src/lib/public-url.ts). */
  PUBLIC_URL?: string;
  /**
   * Secret that keys the HMAC identifying a respondent of an anonymous survey. Kept out of
   * D1 so that the database alone cannot join anonymous answers to invitations.
   */
  RESPONDENT_KEY?: string;
  /** Secret that signs coordinators' session cookies and seals stored personal links. */
  SESSION_SECRET?: string;
  /** Slows sign-in link requests and confirmations from one client address (wrangler.toml [[ratelimits]]). */
  SIGN_IN_LIMITER?: RateLimit;
  /** Counts unknown personal links per client address (wrangler.toml). */
  LINK_GUESS_LIMITER?: RateLimit;
  /** Cloudflare Email Service; without it, messages are only recorded in the outbox. */
  EMAIL?: SendEmail;
  /** Sender address of invitations and reminders. */
  EMAIL_FROM?: string;
  /** An address that takes "unsubscribe" mails, offered in List-Unsubscribe beside the one-click link. */
  EMAIL_UNSUBSCRIBE?: string;
  /**
   * Where the workspace sits behind Cloudflare Access: the team domain (`<team>.cloudflareaccess.com`)
   * and the application's audience tag. With them, coordinators sign in by their Access identity.
   */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  /** Open-link requests per client address, and per e-mail address asked for (wrangler.toml). */
  OPEN_LINK_IP_LIMITER?: RateLimit;
  OPEN_LINK_ADDRESS_LIMITER?: RateLimit;
  /** Cloudflare Turnstile on the open-link form: the widget shows with the site key… */
  TURNSTILE_SITE_KEY?: string;
  /** …and the server verifies its token with the secret (a secret, not a var); both unset locally. */
  TURNSTILE_SECRET_KEY?: string;
}

export interface Coordinator {
  id: number;
  organisationId: number;
  email: string;
}

export interface AppEnv {
  Bindings: Env;
  /**
   * csrfToken is set when the coordinator came in with a session cookie. keyHash instead of
   * coordinator: an API key still to verify in the handler's own D1 batch, on the routes of
   * KEY_IN_BATCH only (src/coordinators/key-scope.ts).
   */
  Variables: { coordinator: Coordinator; csrfToken?: string; keyHash?: string };
}
