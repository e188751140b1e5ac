/**
 * The API's contract in one list: every route under /api with the valibot schemas that
 * validate it. The OpenAPI document and the reference page are generated from it, and a test
 * fails when the app has a route this list does not describe.
 */
import type { GenericSchema } from 'valibot';
import { UpdateActionSchema } from '../actions/actions.schemas.ts';
import { BriefSectionSchema } from '../brief/brief.schemas.ts';
import { SeriesExportSchema } from '../exports/exports.schemas.ts';
import {
  InvitationListResponseSchema,
  InvitationNewLinkResponseSchema,
  InvitationsCreatedResponseSchema,
  InviteSchema,
} from '../invitations/invitations.schemas.ts';
import { DismissProposalSchema, HideTextSchema, ShowTextSchema } from '../moderation/moderation.schemas.ts';
import { OpenLinkSchema, OpenLinkSettingsSchema } from '../open-link/open-link.schemas.ts';
import { ParticipantLinkResponseSchema, ParticipantSubmissionResponseSchema, SubmissionSchema } from '../responses/participant.schemas.ts';
import { BriefQuerySchema, BriefResponseSchema, ResultsQuerySchema, SurveyResultsResponseSchema } from '../results/results.schemas.ts';
import {
  CreateSeriesSchema,
  SeriesDetailResponseSchema,
  SeriesListResponseSchema,
  SeriesResponseSchema,
  UpdateSeriesSchema,
} from '../series/series.schemas.ts';
import { CreateSessionSchema, SessionListResponseSchema, SessionResponseSchema } from '../sessions/sessions.schemas.ts';
import { CreateSurveySchema, SurveyResponseSchema } from '../surveys/surveys.schemas.ts';
import { CreateThemeSchema, ThemeListResponseSchema, ThemeResponseSchema, UpdateThemeSchema } from '../themes/themes.schemas.ts';
import {
  CreateWebhookSchema,
  WebhookCreatedResponseSchema,
  WebhookDeliveryListResponseSchema,
  WebhookListResponseSchema,
} from '../webhooks/webhooks.schemas.ts';
import { OutboxQuerySchema, ParticipantEmailSchema, ProposalDecisionSchema, RetentionSchema } from '../workspace/workspace.api.schemas.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** coordinator: API key (or the workspace's session cookie); link: the personal link's token; public: nothing. */
export type Auth = 'coordinator' | 'link' | 'public';

export interface ResponseDoc {
  description: string;
  /** Media type of the body; JSON when omitted. */
  type?: string;
  /** Other media types the same response can take (chosen by `?format=` or Accept); `schema` describes `type` only. */
  also?: string[];
  /** The body's valibot schema; test/openapi-responses.test.ts checks real answers against it. */
  schema?: GenericSchema;
}

export interface RouteDoc {
  method: Method;
  /** OpenAPI template: `/api/series/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: Auth;
  /** Query parameters, as the object schema that validates them. */
  query?: GenericSchema;
  body?: GenericSchema;
  /** Accepts `Idempotency-Key` (src/http/idempotency.ts); coordinator writes do unless set to false. */
  idempotent?: boolean;
  responses: Record<number, ResponseDoc>;
}

const created = (what: string, schema?: GenericSchema): ResponseDoc => ({
  description: `${what} created (its URL in Location)`,
  ...(schema ? { schema } : {}),
});
const ok = (description: string, schema?: GenericSchema): ResponseDoc => ({ description, ...(schema ? { schema } : {}) });
const ICS = 'text/calendar';

export const routes: RouteDoc[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness check', tag: 'meta', auth: 'public', responses: { 200: ok('`{"ok": true}`') } },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tag: 'meta',
    auth: 'public',
    responses: { 200: ok('The document') },
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'The API reference (HTML, generated from this document)',
    tag: 'meta',
    auth: 'public',
    responses: { 200: { description: 'An HTML page', type: 'text/html' } },
  },

  // Series
  {
    method: 'get',
    path: '/api/series',
    summary: 'List the series of your organisation',
    tag: 'series',
    auth: 'coordinator',
    responses: { 200: ok('`{series: [...]}`', SeriesListResponseSchema) },
  },
  {
    method: 'post',
    path: '/api/series',
    summary: 'Create a series',
    tag: 'series',
    auth: 'coordinator',
    body: CreateSeriesSchema,
    responses: { 201: created('The series', SeriesResponseSchema) },
  },
  {
    method: 'get',
    path: '/api/series/{id}',
    summary: 'Read a series with its sessions and themes',
    tag: 'series',
    auth: 'coordinator',
    responses: { 200: ok('The series', SeriesDetailResponseSchema) },
  },
  {
    method: 'patch',
    path: '/api/series/{id}',
    summary: 'Update a series',
    tag: 'series',
    auth: 'coordinator',
    body: UpdateSeriesSchema,
    responses: { 200: ok('The updated series', SeriesResponseSchema) },
  },

  // Themes
  {
    method: 'get',
    path: '/api/series/{id}/themes',
    summary: 'The theme catalogue of a series',
    tag: 'themes',
    auth: 'coordinator',
    responses: { 200: ok('`{themes: [...]}`', ThemeListResponseSchema) },
  },
  {
    method: 'post',
    path: '/api/series/{id}/themes',
    summary: 'Add a theme to the catalogue',
    tag: 'themes',
    auth: 'coordinator',
    body: CreateThemeSchema,
    responses: { 201: created('The theme', ThemeResponseSchema) },
  },
  {
    method: 'patch',
    path: '/api/themes/{id}',
    summary: 'Rename, archive, reactivate or merge a theme',
    tag: 'themes',
    auth: 'coordinator',
    body: UpdateThemeSchema,
    responses: { 200: ok('The updated theme', ThemeResponseSchema) },
  },

  // Sessions
  {
    method: 'get',
    path: '/api/series/{id}/sessions',
    summary: 'The sessions of a series (#1, #2…)',
    tag: 'sessions',
    auth: 'coordinator',
    responses: { 200: ok('`{sessions: [...]}`', SessionListResponseSchema) },
  },
  {
    method: 'post',
    path: '/api/series/{id}/sessions',
    summary: 'Add a session',
    description: 'Date-times are ISO 8601 with an offset; they are stored and returned in UTC.',
    tag: 'sessions',
    auth: 'coordinator',
    body: CreateSessionSchema,
    responses: { 201: created('The session', SessionResponseSchema), 409: ok('A session with this number exists') },
  },
  {
    method: 'get',
    path: '/api/sessions/{id}',
    summary: 'A session with its surveys',
    tag: 'sessions',
    auth: 'coordinator',
    responses: { 200: ok('The session', SessionResponseSchema) },
  },

  // Surveys
  {
    method: 'post',
    path: '/api/sessions/{id}/surveys',
    summary: 'Create the pre- or post-survey of a session',
    description: "Without `questions`, the template of that kind with the series' active themes.",
    tag: 'surveys',
    auth: 'coordinator',
    body: CreateSurveySchema,
    responses: { 201: created('The survey', SurveyResponseSchema), 409: ok('The session already has a survey of this kind') },
  },
  {
    method: 'get',
    path: '/api/surveys/{id}',
    summary: 'Read a survey',
    tag: 'surveys',
    auth: 'coordinator',
    responses: { 200: ok('The survey', SurveyResponseSchema) },
  },
  {
    method: 'post',
    path: '/api/surveys/{id}/open',
    summary: 'Open a survey (sends `survey.opened` to webhooks)',
    tag: 'surveys',
    auth: 'coordinator',
    responses: { 200: ok('The opened survey', SurveyResponseSchema) },
  },
  {
    method: 'post',
    path: '/api/surveys/{id}/close',
    summary: 'Close a survey (sends `survey.closed` to webhooks)',
    tag: 'surveys',
    auth: 'coordinator',
    responses: { 200: ok('The closed survey', SurveyResponseSchema) },
  },

  // Invitations
  {
    method: 'post',
    path: '/api/surveys/{id}/invitations',
    summary: 'Invite participants (personal links, shown only in this answer)',
    description:
      'Someone already invited keeps their link: inviting again answers the same live link. To replace a link (forwarded, leaked), use `POST /api/invitations/{id}/new-link`.',
    tag: 'invitations',
    auth: 'coordinator',
    body: InviteSchema,
    responses: { 201: ok('`{invitations: [{id, email, url}]}`', InvitationsCreatedResponseSchema) },
  },
  {
    method: 'post',
    path: '/api/invitations/{id}/new-link',
    summary: 'Replace one person’s link: the old one stops opening the survey at once',
    description: 'The only way a personal link is revoked. The new link is shown only in this answer; sending and resending then use it.',
    tag: 'invitations',
    auth: 'coordinator',
    responses: { 201: ok('`{id, email, url}`', InvitationNewLinkResponseSchema) },
  },
  {
    method: 'get',
    path: '/api/surveys/{id}/invitations',
    summary: 'Who opened and answered (never tokens)',
    description:
      '`source` is `open_link` for people who joined through the open link (with the `organisation` they typed), else `coordinator`.',
    tag: 'invitations',
    auth: 'coordinator',
    responses: { 200: ok('`{invitations: [...]}`', InvitationListResponseSchema) },
  },
  {
    method: 'get',
    path: '/api/surveys/{id}/open-link',
    summary: 'The survey’s open link: URL, on or off, cap and how many joined',
    description: 'A survey that never had one answers `enabled: false` with `url: null`.',
    tag: 'invitations',
    auth: 'coordinator',
    responses: { 200: ok('The open link', OpenLinkSchema) },
  },
  {
    method: 'put',
    path: '/api/surveys/{id}/open-link',
    summary: 'Switch the open link on or off, set or remove its cap',
    description:
      'The first call creates the public `/o/<slug>` URL; it stays the same when switched off and on. A visitor leaves an address there and receives a personal link by e-mail (an address already invited gets its own link again, never a second invitation). `cap` counts people who joined through the link; omitted keeps it, `null` removes it.',
    tag: 'invitations',
    auth: 'coordinator',
    body: OpenLinkSettingsSchema,
    responses: { 200: ok('The open link', OpenLinkSchema) },
  },

  // Participants
  {
    method: 'get',
    path: '/api/s/{token}',
    summary: 'A personal link: the survey and earlier answers',
    tag: 'participants',
    auth: 'link',
    responses: { 200: ok('The survey and answers', ParticipantLinkResponseSchema), 409: ok('Not open yet'), 410: ok('Closed') },
  },
  {
    method: 'put',
    path: '/api/s/{token}',
    summary: 'Submit (or replace) answers',
    description:
      'Values: single → option id, multiple → option ids, ranking → ordered option ids, rating → integer, text → string. Sending the same submission again writes nothing (`unchanged: true`). Send `survey_id` (`survey.id` of the GET) when you have it: the answers are then checked against the questions the server holds and stored in one database call; a wrong or outdated id only costs the usual lookup.',
    tag: 'participants',
    auth: 'link',
    body: SubmissionSchema,
    idempotent: true,
    responses: { 200: ok('What was recorded', ParticipantSubmissionResponseSchema), 409: ok('Not open yet'), 410: ok('Closed') },
  },

  // Results and the brief
  {
    method: 'get',
    path: '/api/surveys/{id}/results',
    summary: 'Aggregated results of a survey',
    description:
      'JSON, CSV or a printable page (`?format=`, else the Accept header). Cells under the series’ minimum group size are hidden.',
    tag: 'results',
    auth: 'coordinator',
    query: ResultsQuerySchema,
    responses: { 200: { ...ok('The results', SurveyResultsResponseSchema), also: ['text/csv', 'text/html'] } },
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/brief',
    summary: 'The brief for the next session',
    description:
      'JSON, Markdown in the shape of the minutes, CSV, a printable page, or an editable document (`docx`, `odt`) (`?format=`, else the Accept header). The coordinator’s words (`written`) come before the figures (measured).',
    tag: 'results',
    auth: 'coordinator',
    query: BriefQuerySchema,
    responses: {
      200: {
        ...ok('The brief', BriefResponseSchema),
        also: [
          'text/markdown',
          'text/csv',
          'text/html',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.oasis.opendocument.text',
        ],
      },
    },
  },
  {
    method: 'put',
    path: '/api/sessions/{id}/brief/sections/{section}',
    summary: 'Write the coordinator’s text of one section of the brief (a new version each time)',
    description:
      'section: expectations, findings, needs, actions or save_the_date. Paragraphs are separated by a blank line, a line starting with "- " is a bullet; nothing else is interpreted. Saving the same text again adds no version (`unchanged: true`).',
    tag: 'results',
    auth: 'coordinator',
    body: BriefSectionSchema,
    responses: { 200: ok('`{section, version, language, text, actor, created_at, unchanged}`') },
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/brief/sections/{section}/versions',
    summary: 'Every version of a section’s text, newest first, with who saved it when',
    tag: 'results',
    auth: 'coordinator',
    responses: { 200: ok('`{versions: [{section, version, language, text, actor, created_at}]}`') },
  },
  {
    method: 'get',
    path: '/api/series/{id}/actions',
    summary: 'The series’ collective actions (from its post-surveys) and what became of them',
    tag: 'series',
    auth: 'coordinator',
    responses: { 200: ok('`{actions: [{id, option_id, label, since_session, status, note, updated_at}]}`') },
  },
  {
    method: 'patch',
    path: '/api/actions/{id}',
    summary: 'Set an action’s status (planned, in_progress, done, dropped) and note',
    tag: 'series',
    auth: 'coordinator',
    body: UpdateActionSchema,
    responses: { 200: ok('The action') },
  },
  {
    method: 'post',
    path: '/api/surveys/{id}/texts/hide',
    summary: 'Hide a free text (remark or proposal) from results and brief, with a reason kept in the audit log',
    description:
      'The text is named by its question and wording (any spelling that differs only by case, accents or spacing is the same text), never by a response: hiding a text of an anonymous survey links it to nobody. Only a text the results publish can be hidden (422 otherwise, the same for a text held back or never written). The answers are kept.',
    tag: 'results',
    auth: 'coordinator',
    body: HideTextSchema,
    responses: { 200: ok('`{survey_id, question_id, key, hidden: true}`') },
  },
  {
    method: 'post',
    path: '/api/surveys/{id}/texts/show',
    summary: 'Show a hidden free text again',
    tag: 'results',
    auth: 'coordinator',
    body: ShowTextSchema,
    responses: { 200: ok('`{survey_id, question_id, key, hidden: false}`') },
  },
  {
    method: 'post',
    path: '/api/series/{id}/proposals/dismiss',
    summary: 'Dismiss a proposed theme (not a theme): it leaves the waiting list and the brief’s pending count',
    tag: 'workspace',
    auth: 'coordinator',
    body: DismissProposalSchema,
    responses: { 200: ok('`{key, dismissed: true}`') },
  },

  // Webhooks
  {
    method: 'post',
    path: '/api/series/{id}/webhooks',
    summary: 'Register a webhook endpoint for a series',
    description:
      'At most five per series. The answer carries the signing `secret`, shown only once. Each delivery is a POST with `Relais-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, `Relais-Event` and `Relais-Delivery` headers.',
    tag: 'webhooks',
    auth: 'coordinator',
    body: CreateWebhookSchema,
    responses: {
      201: ok('The endpoint with its secret (its URL in Location)', WebhookCreatedResponseSchema),
      409: ok('The series has five endpoints already'),
    },
  },
  {
    method: 'get',
    path: '/api/series/{id}/webhooks',
    summary: 'The webhook endpoints of a series (without secrets)',
    tag: 'webhooks',
    auth: 'coordinator',
    responses: { 200: ok('`{webhooks: [...]}`', WebhookListResponseSchema) },
  },
  {
    method: 'get',
    path: '/api/series/{id}/webhooks/deliveries',
    summary: 'The delivery log of a series (newest first, last 100)',
    tag: 'webhooks',
    auth: 'coordinator',
    responses: { 200: ok('`{deliveries: [...]}`', WebhookDeliveryListResponseSchema) },
  },
  {
    method: 'delete',
    path: '/api/webhooks/{id}',
    summary: 'Remove a webhook endpoint (and its deliveries)',
    tag: 'webhooks',
    auth: 'coordinator',
    responses: { 204: ok('Removed') },
  },

  // Calendar
  {
    method: 'get',
    path: '/api/series/{id}/calendar.ics',
    summary: 'Every session of a series as an iCalendar file',
    tag: 'calendar',
    auth: 'coordinator',
    responses: { 200: { description: 'RFC 5545 calendar', type: ICS } },
  },
  {
    method: 'post',
    path: '/api/series/{id}/calendar-feed',
    summary: 'Create or rotate the public calendar feed URL of a series',
    description: 'Answers `{url}`, shown once; creating it again revokes the previous URL.',
    tag: 'calendar',
    auth: 'coordinator',
    responses: { 201: ok('`{series_id, url}`') },
  },
  {
    method: 'get',
    path: '/calendar/{token}.ics',
    summary: 'Public calendar feed of a series (the URL is the credential)',
    tag: 'calendar',
    auth: 'public',
    responses: { 200: { description: 'RFC 5545 calendar', type: ICS } },
  },

  // Export and import
  {
    method: 'get',
    path: '/api/series/{id}/export',
    summary: 'Export a series as JSON',
    description:
      'Definitions, themes (with merges), sessions, surveys with participation counts and aggregated results; individual answers only of surveys that are not anonymous, under an export-local respondent number. Never e-mail addresses, names, tokens or invitation ids.',
    tag: 'export',
    auth: 'coordinator',
    responses: { 200: ok('The export (format `relais.series`, version 1)', SeriesExportSchema) },
  },
  {
    method: 'post',
    path: '/api/series/import',
    summary: 'Import an exported series into your organisation',
    description: 'All or nothing; every id is new. Imported surveys keep the exported counts and results.',
    tag: 'export',
    auth: 'coordinator',
    body: SeriesExportSchema,
    responses: { 201: ok('`{id, title, themes, sessions, surveys, responses}`') },
  },

  // Workspace: what the coordinator's pages do, for scripts
  {
    method: 'get',
    path: '/api/surveys/{id}/participants',
    summary: 'Invitations of a survey with their state',
    description: 'State is one of not_sent, sent, opened, answered, bounced. Never what anyone answered.',
    tag: 'workspace',
    auth: 'coordinator',
    responses: { 200: ok('`{participants: [{id, email, name, language, state}]}`') },
  },
  {
    method: 'post',
    path: '/api/surveys/{id}/invitations/send',
    summary: 'E-mail the invitations not sent yet (up to 40 a call)',
    description: 'Through the send_email binding; without it, messages are recorded in the outbox only. Call again while `remaining` > 0.',
    tag: 'workspace',
    auth: 'coordinator',
    responses: { 200: ok('`{claimed, sent, recorded, failed, remaining}`'), 409: ok('The survey is not open') },
  },
  {
    method: 'post',
    path: '/api/invitations/{id}/resend',
    summary: 'E-mail one person their link again',
    tag: 'workspace',
    auth: 'coordinator',
    responses: { 200: ok('`{claimed, sent, recorded, failed}`') },
  },
  {
    method: 'delete',
    path: '/api/invitations/{id}',
    summary: 'Remove one person from a survey with their answers (if named) and messages',
    tag: 'workspace',
    auth: 'coordinator',
    responses: { 204: ok('Removed') },
  },
  {
    method: 'get',
    path: '/api/outbox',
    summary: 'Messages sent or recorded (latest 200), personal links masked',
    tag: 'workspace',
    auth: 'coordinator',
    query: OutboxQuerySchema,
    responses: { 200: ok('`{messages: [...]}`') },
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'The audit log of your organisation (latest 200)',
    tag: 'workspace',
    auth: 'coordinator',
    responses: { 200: ok('`{entries: [{id, actor, action, target, detail, created_at}]}`') },
  },
  {
    method: 'post',
    path: '/api/participants/export',
    summary: 'Everything held about one person (right of access)',
    description:
      'Invitations, answers to named surveys, messages. Answers to anonymous surveys are linked to nobody and cannot be included.',
    tag: 'workspace',
    auth: 'coordinator',
    body: ParticipantEmailSchema,
    responses: { 200: ok('`{email, exported_at, invitations, answers, messages}`') },
  },
  {
    method: 'post',
    path: '/api/participants/erase',
    summary: 'Erase one person: invitations, answers to named surveys, messages',
    tag: 'workspace',
    auth: 'coordinator',
    body: ParticipantEmailSchema,
    responses: { 200: ok('`{erased_invitations}`') },
  },
  {
    method: 'put',
    path: '/api/series/{id}/retention',
    summary: 'Purge contact data this many days after the last session (null: keep)',
    tag: 'workspace',
    auth: 'coordinator',
    body: RetentionSchema,
    responses: { 200: ok('`{retention_days}`') },
  },
  {
    method: 'get',
    path: '/api/series/{id}/proposals',
    summary: 'Themes proposed by participants and not handled yet, grouped across spellings',
    tag: 'workspace',
    auth: 'coordinator',
    responses: { 200: ok('`{proposals: [{key, text, count, variants}]}`') },
  },
  {
    method: 'post',
    path: '/api/series/{id}/proposals',
    summary: 'Promote a proposal into the catalogue, or count it as an existing theme',
    tag: 'workspace',
    auth: 'coordinator',
    body: ProposalDecisionSchema,
    responses: { 200: ok('Merged: `{key, theme_id}`'), 201: ok('Promoted: `{key, theme_id}`') },
  },
];
