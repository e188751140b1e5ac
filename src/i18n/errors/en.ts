/**
 * Errors in the caller's language (issue 18). Relais writes every error in English — each
 * problem's `title`, its `detail`, each field's `message` — and that English text is the key:
 * problemResponse (src/http/problem.ts) translates it on the way out with these catalogues,
 * into the language of `Accept-Language`. The `type` URI and the `field` paths never change.
 * A text that is not listed here goes out in English: add it to TEXTS, then to fr.ts and nl.ts
 * (the compiler asks for both).
 */

/** The problem types whose title is translated (the last part of `type: /problems/<slug>`). */
export const SLUGS = [
  'anonymity-not-configured',
  'answers-not-stored',
  'body-too-large',
  'csrf',
  'http-error',
  'idempotency-conflict',
  'idempotency-in-progress',
  'idempotency-key-reused',
  'import-busy',
  'internal-error',
  'invalid-encoding',
  'invalid-fields',
  'invalid-idempotency-key',
  'malformed-form',
  'malformed-json',
  'minimum-only-up',
  'not-configured',
  'not-found',
  'public-url-missing',
  'session-secret-missing',
  'sign-in-not-configured',
  'survey-closed',
  'survey-not-found',
  'survey-not-open',
  'too-many-unknown-links',
  'too-many-webhooks',
  'unauthorized',
  'unsupported-media-type',
] as const;
export type ProblemSlug = (typeof SLUGS)[number];

/** Details and field messages, exactly as the code writes them. */
export const TEXTS = [
  // details
  'No such route.',
  'No upcoming session is planned yet.',
  'Anonymous surveys need the RESPONDENT_KEY secret (wrangler secret put RESPONDENT_KEY).',
  'Browser sign-in needs the SESSION_SECRET secret (wrangler secret put SESSION_SECRET).',
  'Invitations are sent once the survey is open.',
  'Paper answers are keyed in while the survey is open.',
  'Personal links need the SESSION_SECRET secret (wrangler secret put SESSION_SECRET). Nothing was issued.',
  'Send a coordinator API key as "Authorization: Bearer <key>", or sign in at /app/sign-in.',
  'Send the body as application/json.',
  'Sign in first.',
  'The body is not valid JSON.',
  'The body is not valid UTF-8.',
  'The database was busy; nothing was imported.',
  'The first request with this key is still running.',
  'The key was released; send the request again.',
  'The request could not be completed; nothing was changed. Try again.',
  'This anonymous survey cannot take answers until the RESPONDENT_KEY secret is set.',
  'This change needs the form token of your signed-in session. Reload the page and try again.',
  'This key was already used for a different request.',
  'Too many unknown links from this address; wait a minute.',
  'Webhook secrets are sealed under the SESSION_SECRET secret (wrangler secret put SESSION_SECRET).',
  'Your answers could not be stored; nothing was changed. Please try again.',
  'The request has invalid fields.',
  'Some answers do not fit their questions; nothing was stored.',
  'The file refers to things it does not contain; nothing was imported.',
  'This personal link is not valid.',
  'The survey has not been opened yet.',
  'The survey is closed and no longer takes answers.',
  'A survey of this series has been answered: lowering the minimum group size would show at once groups hidden until now. It can only be raised.',
  'PUBLIC_URL is not set: links cannot leave Relais (set it in wrangler.toml [vars]).',
  'PUBLIC_URL is not a URL (expected e.g. https://relais.example.org).',
  'PUBLIC_URL must be an http(s) URL.',
  // field messages
  'already used in this series',
  'already used with another body',
  'an answer is required',
  'an answer names no question of this survey',
  'can only be raised once a survey of the series has a response',
  'expected a form',
  'expected application/json',
  'expected application/x-www-form-urlencoded',
  'missing or wrong token',
  'missing, malformed or unknown key',
  'no such proposal; give a label to add it anyway',
  'no such question in this survey',
  'no such theme in this series',
  'not a known id',
  'not a readable form',
  'not a session of this file',
  'not a theme of this file',
  'not another theme of this file',
  'not valid JSON',
  'not valid UTF-8',
  'this session already has a survey of this kind',
  'two options have the same rank',
  'use 1–255 visible ASCII characters',
  'a theme cannot be merged into itself',
  'the target theme must be active',
  'a survey id',
  'at most 100 participants a request',
  'expected a date or an ISO 8601 timestamp',
  'expected an ISO 8601 timestamp',
  'expected an ISO 8601 UTC timestamp',
  'expected an ISO 8601 date-time with offset, e.g. 2025-12-18T13:00:00+01:00',
  'expected json, csv or html',
  'expected json, md, csv or html',
  'must be after starts_at',
  'must not be empty',
  'not a question id',
  'not a real date-time',
  'not a valid e-mail address',
  'an anonymous survey carries no individual answers',
  'expected an object { <question id>: value }',
  'send at least one of label, status, merged_into',
  'a merged theme cannot stay active',
  'not a valid URL',
  'must be an https:// URL',
  'must not carry a user name or password',
  'must point to a public host (not loopback, private, link-local or an internal name)',
  'contains an invalid character (a lone UTF-16 surrogate)',
  'contains a control, invisible or text-direction character that is not allowed',
  'expected one option id (a string)',
  'not an option of this question',
  'expected a list of option ids',
  'an option is listed twice',
  'expected the option ids in order of preference',
  'an option is ranked twice',
  'expected a whole number',
  'expected a text',
  'unexpected field',
  'invalid value',
] as const;
export type ErrorText = (typeof TEXTS)[number];

/** What `No such <noun>.` names (notFound in src/http/problem.ts). */
export type Noun = 'resource' | 'series' | 'survey' | 'session' | 'theme' | 'invitation' | 'webhook' | 'message' | 'calendar';

/** A translation of the English texts; the numbered ones are built from their number. */
export interface ErrorTranslation {
  titles: Record<ProblemSlug, string>;
  texts: Record<ErrorText, string>;
  nouns: Record<Noun, string>;
  /** `No such series.` */
  noSuch(noun: string): string;
  /** `No resource with this id.` */
  noResourceWith(name: string): string;
  tooShort(n: number): string;
  tooLong(n: number): string;
  atLeast(n: number): string;
  atMost(n: number): string;
  atMostCharacters(n: number): string;
  chooseAtLeast(n: number): string;
  chooseAtMost(n: number): string;
  rankAtMost(n: number): string;
  numberBetween(min: number, max: number): string;
  atMostBytes(n: number): string;
  bodyExceeds(n: number): string;
  atMostEndpoints(n: number): string;
  seriesEndpoints(n: number): string;
  /** `expected <what valibot expected>` (a type or the allowed values, never the input). */
  expected(what: string): string;
  /** A key the schema does not know, with the message about it. */
  unknownKey(message: string): string;
  /** A configuration problem, and that nothing left Relais. */
  nothingSent(issue: string): string;
}

/** The page for a path Relais does not serve (not a personal link's refusal). */
export const en = {
  page: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no page at this address. Check the address, or start again from the home page.',
    home: 'Home page of Relais',
  },
};
export type ErrorPageMessages = typeof en.page;
