/** Bindings of the Worker (see wrangler.toml) and the per-request variables set by middleware. */
export interface Env {
  DB: D1Database;
  ASSETS?: Fetcher;
  /** Public origin used in invitation links; empty means the request's own origin. */
  PUBLIC_URL?: string;
  /**
   * Secret that keys the HMAC identifying a respondent of an anonymous survey. Kept out of
   * D1 so that the database alone cannot join anonymous answers to invitations.
   */
  RESPONDENT_KEY?: string;
}

export interface Coordinator {
  id: number;
  organisationId: number;
  email: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: { coordinator: Coordinator };
}
