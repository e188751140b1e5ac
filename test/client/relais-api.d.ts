// Generated from GET /api/openapi.json by openapi-typescript (test/openapi.global-setup.ts). Do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness check
         * @description Answers 503 with the problems when the deployment cannot send links (no `PUBLIC_URL`).
         */
        get: operations["getApiHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/s/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A personal link: the survey and earlier answers */
        get: operations["getApiSByToken"];
        /**
         * Submit (or replace) answers
         * @description Values: single → option id, multiple → option ids, ranking → ordered option ids, rating → integer, text → string. Sending the same submission again writes nothing (`unchanged: true`). Send `survey_id` (`survey.id` of the GET) when you have it: the answers are then checked against the questions the server holds and stored in one database call; a wrong or outdated id only costs the usual lookup.
         */
        put: operations["putApiSByToken"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getApiOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API reference (HTML, generated from this document) */
        get: operations["getApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the series of your organisation */
        get: operations["getApiSeries"];
        put?: never;
        /** Create a series */
        post: operations["postApiSeries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a series with its sessions and themes */
        get: operations["getApiSeriesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a series */
        patch: operations["patchApiSeriesById"];
        trace?: never;
    };
    "/api/series/{id}/themes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The theme catalogue of a series */
        get: operations["getApiSeriesByIdThemes"];
        put?: never;
        /** Add a theme to the catalogue */
        post: operations["postApiSeriesByIdThemes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/themes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, archive, reactivate or merge a theme */
        patch: operations["patchApiThemesById"];
        trace?: never;
    };
    "/api/series/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sessions of a series (#1, #2…) */
        get: operations["getApiSeriesByIdSessions"];
        put?: never;
        /**
         * Add a session
         * @description Date-times are ISO 8601 with an offset; they are stored and returned in UTC.
         */
        post: operations["postApiSeriesByIdSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session with its surveys */
        get: operations["getApiSessionsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a session’s date, end, place or notes
         * @description Only the fields given change (`null` empties ends_at, place, notes). Checked: the end after the start, the series’ order (#3 not before #2); 422 names the field. The SEQUENCE rises; invitees of the session’s open surveys are e-mailed the change with an updated calendar entry (METHOD:REQUEST), and `session.updated` goes to webhooks. 409 if the session is cancelled.
         */
        patch: operations["patchApiSessionsById"];
        trace?: never;
    };
    "/api/sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a session
         * @description Marks it cancelled (calendar feeds show STATUS:CANCELLED); invitees of its open surveys are e-mailed a METHOD:CANCEL entry, and `session.cancelled` goes to webhooks. Cancelling again changes nothing.
         */
        post: operations["postApiSessionsByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the pre- or post-survey of a session
         * @description Without `questions`, the template of that kind for the series: its active themes, and the commune question with the series' bassin's communes first.
         */
        post: operations["postApiSessionsByIdSurveys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a survey */
        get: operations["getApiSurveysById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a survey's questions (the editor)
         * @description Add, remove, reorder questions and options, change types, `max_ranked`, required, the profile question, texts. Free until someone answers; afterwards only changes that keep every stored answer meaningful (rewording, new options, new questions that are not required, reordering, a larger `max_ranked`): anything else is a 422 naming the field, with a `code` per rule.
         */
        put: operations["putApiSurveysByIdQuestions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a survey to another session, as a draft
         * @description The questions are copied; theme options follow the target series' active catalogue (merged or archived themes dropped, new ones added).
         */
        post: operations["postApiSurveysByIdCopy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a survey (sends `survey.opened` to webhooks) */
        post: operations["postApiSurveysByIdOpen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a survey (sends `survey.closed` to webhooks) */
        post: operations["postApiSurveysByIdClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who opened and answered (never tokens)
         * @description `source` is `open_link` for people who joined through the open link (with the `organisation` they typed), else `coordinator`.
         */
        get: operations["getApiSurveysByIdInvitations"];
        put?: never;
        /**
         * Invite participants (personal links, shown only in this answer)
         * @description Someone already invited keeps their link: inviting again answers the same live link. To replace a link (forwarded, leaked), use `POST /api/invitations/{id}/new-link`.
         */
        post: operations["postApiSurveysByIdInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}/new-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace one person’s link: the old one stops opening the survey at once
         * @description The only way a personal link is revoked. The new link is shown only in this answer; sending and resending then use it.
         */
        post: operations["postApiInvitationsByIdNewLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The series' contacts (directory)
         * @description Everyone invited to a survey of the series and everyone imported, once per address, with their consent state.
         */
        get: operations["getApiSeriesByIdContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/contacts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an address book into the series’ contacts
         * @description The file as it is: a CSV exported from Outlook (fr/nl/en headers; UTF-8 with or without BOM, UTF-16 "Unicode", Windows-1252; `;`, `,` or tab) or Google Contacts, or a vCard (.vcf). `?dry_run=1` reads and reports without importing (the preview). Each skipped or doubtful row is listed with its reason; the good rows are imported. A row with a replacement character (a file damaged before) is skipped, never imported as a name.
         */
        post: operations["postApiSeriesByIdContactsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/invitations/from": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a survey from the series: its contacts, or who was invited to, answered or attended another
         * @description One action whatever the number of people. Someone already invited keeps their invitation and live link; people who opted out of the series are left out. Links are issued when the invitations are sent.
         */
        post: operations["postApiSurveysByIdInvitationsFrom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who attended the session */
        get: operations["getApiSessionsByIdAttendance"];
        /**
         * Set who attended the session
         * @description JSON `{contact_ids?: [id], emails?: [address]}`, or a CSV / vCard of the attendance sheet: the list becomes exactly these people; addresses not yet in the series’ contacts are added to them.
         */
        put: operations["putApiSessionsByIdAttendance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coordinators of your organisation */
        get: operations["getApiTeam"];
        put?: never;
        /**
         * Invite a colleague (an e-mailed one-time sign-in link, valid 72 hours)
         * @description An address already in your organisation gets a new link; an address of another organisation answers 409.
         */
        post: operations["postApiTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a colleague (their sessions, API keys and links stop working)
         * @description You cannot remove yourself, nor the last coordinator of the organisation (409).
         */
        delete: operations["deleteApiTeamById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/open-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The survey’s open link: URL, on or off, cap and how many joined
         * @description A survey that never had one answers `enabled: false` with `url: null`.
         */
        get: operations["getApiSurveysByIdOpenLink"];
        /**
         * Switch the open link on or off, set or remove its cap
         * @description The first call creates the public `/o/<slug>` URL; it stays the same when switched off and on. A visitor leaves an address there and receives a personal link by e-mail (an address already invited gets its own link again, never a second invitation). `cap` counts people who joined through the link; omitted keeps it, `null` removes it.
         */
        put: operations["putApiSurveysByIdOpenLink"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook endpoints of a series (without secrets) */
        get: operations["getApiSeriesByIdWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint for a series
         * @description At most five per series. The answer carries the signing `secret`, shown only once. Each delivery is a POST with `Relais-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, `Relais-Event` and `Relais-Delivery` headers.
         */
        post: operations["postApiSeriesByIdWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of a series (newest first, last 100) */
        get: operations["getApiSeriesByIdWebhooksDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook endpoint (and its deliveries) */
        delete: operations["deleteApiWebhooksById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every session of a series as an iCalendar file */
        get: operations["getApiSeriesByIdCalendarIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or rotate the public calendar feed URL of a series
         * @description Answers `{url}`, shown once; creating it again revokes the previous URL.
         */
        post: operations["postApiSeriesByIdCalendarFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a series as JSON
         * @description Definitions, themes (with merges), sessions, surveys with participation counts and aggregated results; individual answers only of surveys that are not anonymous, under an export-local respondent number. Never e-mail addresses, names, tokens or invitation ids.
         */
        get: operations["getApiSeriesByIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an exported series into your organisation
         * @description All or nothing; every id is new. Imported surveys keep the exported counts and results.
         */
        post: operations["postApiSeriesImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Aggregated results of a survey
         * @description JSON, CSV or a printable page (`?format=`, else the Accept header). Cells under the series’ minimum group size are hidden.
         */
        get: operations["getApiSurveysByIdResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/brief": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brief for the next session
         * @description JSON, Markdown in the shape of the minutes, CSV, a printable page, or an editable document (`docx`, `odt`) (`?format=`, else the Accept header). The coordinator’s words (`written`) come before the figures (measured).
         */
        get: operations["getApiSessionsByIdBrief"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/brief/sections/{section}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Write the coordinator’s text of one section of the brief (a new version each time)
         * @description section: expectations, findings, needs, actions or save_the_date. Paragraphs are separated by a blank line, a line starting with "- " is a bullet; nothing else is interpreted. Saving the same text again adds no version (`unchanged: true`).
         */
        put: operations["putApiSessionsByIdBriefSectionsBySection"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/brief/sections/{section}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a section’s text, newest first, with who saved it when */
        get: operations["getApiSessionsByIdBriefSectionsBySectionVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The series’ collective actions (from its post-surveys) and what became of them */
        get: operations["getApiSeriesByIdActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set an action’s status (planned, in_progress, done, dropped) and note */
        patch: operations["patchApiActionsById"];
        trace?: never;
    };
    "/api/surveys/{id}/texts/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hide a free text (remark or proposal) from results and brief, with a reason kept in the audit log
         * @description The text is named by its question and wording (any spelling that differs only by case, accents or spacing is the same text), never by a response: hiding a text of an anonymous survey links it to nobody. Only a text the results publish can be hidden (422 otherwise, the same for a text held back or never written). The answers are kept.
         */
        post: operations["postApiSurveysByIdTextsHide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/texts/show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show a hidden free text again */
        post: operations["postApiSurveysByIdTextsShow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/proposals/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a proposed theme (not a theme): it leaves the waiting list and the brief’s pending count */
        post: operations["postApiSeriesByIdProposalsDismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invitations of a survey with their state
         * @description State is one of not_sent, sent, opened, answered, bounced. Never what anyone answered.
         */
        get: operations["getApiSurveysByIdParticipants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/invitations/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * E-mail every invitation not sent yet, in one call
         * @description Starts a send job (or answers the one running): the first chunk goes at once, the rest by the cron, a few dozen a minute. 200 when done, else 202 with the job at `Location`. Through the send_email binding; without it, messages are recorded in the outbox only. Nothing is sent twice.
         */
        post: operations["postApiSurveysByIdInvitationsSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/reminders/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * E-mail a reminder to everyone invited who has not answered, in one call
         * @description A send job like the invitations’: once per person per call, never to who answered or bounced.
         */
        post: operations["postApiSurveysByIdRemindersSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/send-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A send job's progress
         * @description `sent` of `total` (sent, or recorded without an e-mail binding), `failed`, `remaining`; `finished_at` once done.
         */
        get: operations["getApiSendJobsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-mail one person their link again */
        post: operations["postApiInvitationsByIdResend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one person from a survey with their answers (if named) and messages */
        delete: operations["deleteApiInvitationsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages sent or recorded (latest 200), personal links masked */
        get: operations["getApiOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of your organisation (latest 200) */
        get: operations["getApiAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participants/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Everything held about one person (right of access)
         * @description Invitations, answers to named surveys, messages. Answers to anonymous surveys are linked to nobody and cannot be included.
         */
        post: operations["postApiParticipantsExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participants/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase one person: invitations, answers to named surveys, messages */
        post: operations["postApiParticipantsErase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Purge contact data this many days after the last session (null: keep) */
        put: operations["putApiSeriesByIdRetention"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/series/{id}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Themes proposed by participants and not handled yet, grouped across spellings */
        get: operations["getApiSeriesByIdProposals"];
        put?: never;
        /** Promote a proposal into the catalogue, or count it as an existing theme */
        post: operations["postApiSeriesByIdProposals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public calendar feed of a series (the URL is the credential) */
        get: operations["getCalendarByTokenIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details; `errors` names each bad field. */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                field: string;
                message: string;
                code?: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getApiHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{"ok": true}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret token of the link. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The survey and answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        survey: {
                            id: number;
                            /** @enum {string} */
                            kind: "pre" | "post";
                            /** @description the series' title */
                            title: string;
                            anonymous: boolean;
                            closes_at: string | null;
                            definition_version: number;
                            session: {
                                id: number;
                                number: number;
                                /** Format: date-time */
                                starts_at: string;
                                ends_at: string | null;
                                place: string | null;
                            };
                            questions: ({
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "single";
                                options: {
                                    id: string;
                                    label: {
                                        fr: string;
                                        nl?: string;
                                        en?: string;
                                    };
                                    theme_id?: number;
                                }[];
                                /** @default false */
                                profile: boolean;
                            } | {
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "multiple";
                                options: {
                                    id: string;
                                    label: {
                                        fr: string;
                                        nl?: string;
                                        en?: string;
                                    };
                                    theme_id?: number;
                                }[];
                                min?: number;
                                max?: number;
                                /** @default false */
                                profile: boolean;
                            } | {
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "ranking";
                                options: {
                                    id: string;
                                    label: {
                                        fr: string;
                                        nl?: string;
                                        en?: string;
                                    };
                                    theme_id?: number;
                                }[];
                                max_ranked: number;
                                /**
                                 * @default options
                                 * @enum {string}
                                 */
                                source: "themes" | "options";
                            } | {
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "rating";
                                min: number;
                                max: number;
                                min_label?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                max_label?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                            } | {
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "text";
                                /** @default 2000 */
                                max_length: number;
                                /**
                                 * @default remark
                                 * @enum {string}
                                 */
                                role: "remark" | "theme_proposal";
                            })[];
                        };
                        /**
                         * @description the language answered in before, else the invitation’s
                         * @enum {string}
                         */
                        language: "fr" | "nl" | "en";
                        /** @description null until the first submission */
                        answers: {
                            [key: string]: string | number | string[];
                        } | null;
                        updated_at: (string) | null;
                    };
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not open yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Closed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many unknown links from this address (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiSByToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The secret token of the link. */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description `{ <question id>: answer }` for the survey's questions (`survey.questions[].id`), by question type: single → an option id; multiple → a list of option ids; ranking → option ids, preferred first; rating → an integer on the question's scale; text → a string. */
                    answers: {
                        [key: string]: string | number | string[];
                    };
                    /** @enum {string} */
                    language?: "fr" | "nl" | "en";
                    survey_id?: number;
                };
            };
        };
        responses: {
            /** @description What was recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        survey_id: number;
                        /** @description `{ <question id>: answer }` for the survey's questions (`survey.questions[].id`), by question type: single → an option id; multiple → a list of option ids; ranking → option ids, preferred first; rating → an integer on the question's scale; text → a string. */
                        answers: {
                            [key: string]: string | number | string[];
                        };
                        /** @enum {string} */
                        language: "fr" | "nl" | "en";
                        /** @description when the answers were last stored: a timestamp, or only the day for an anonymous survey */
                        updated_at: string;
                        /** @description the same answers were already stored: nothing was written */
                        unchanged: boolean;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not open yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Closed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many unknown links from this address (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{series: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        series: {
                            id: number;
                            title: string;
                            bassin: string | null;
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                            min_group_size: number;
                            /** @description contacts are purged this many days after the series' last session (365 unless set); null keeps them until erased */
                            retention_days: number | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeries: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    bassin?: string;
                    /**
                     * @default fr
                     * @enum {string}
                     */
                    language?: "fr" | "nl" | "en";
                    /** @default 3 */
                    min_group_size?: number;
                    /** @default 365 */
                    retention_days?: number | null;
                };
            };
        };
        responses: {
            /** @description The series created (its URL in Location) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        title: string;
                        bassin: string | null;
                        /** @enum {string} */
                        language: "fr" | "nl" | "en";
                        min_group_size: number;
                        /** @description contacts are purged this many days after the series' last session (365 unless set); null keeps them until erased */
                        retention_days: number | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        title: string;
                        bassin: string | null;
                        /** @enum {string} */
                        language: "fr" | "nl" | "en";
                        min_group_size: number;
                        /** @description contacts are purged this many days after the series' last session (365 unless set); null keeps them until erased */
                        retention_days: number | null;
                        /** Format: date-time */
                        created_at: string;
                        sessions: {
                            id: number;
                            series_id: number;
                            number: number;
                            /** Format: date-time */
                            starts_at: string;
                            ends_at: string | null;
                            place: string | null;
                            notes: string | null;
                            sequence: number;
                            cancelled_at: string | null;
                            surveys: {
                                id: number;
                                /** @enum {string} */
                                kind: "pre" | "post";
                                /** @enum {string} */
                                status: "draft" | "open" | "closed";
                            }[];
                        }[];
                        themes: {
                            id: number;
                            series_id: number;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @enum {string} */
                            status: "active" | "archived";
                            merged_into: number | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiSeriesById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    bassin?: string | null;
                    /** @enum {string} */
                    language?: "fr" | "nl" | "en";
                    min_group_size?: number;
                    retention_days?: number | null;
                };
            };
        };
        responses: {
            /** @description The updated series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        title: string;
                        bassin: string | null;
                        /** @enum {string} */
                        language: "fr" | "nl" | "en";
                        min_group_size: number;
                        /** @description contacts are purged this many days after the series' last session (365 unless set); null keeps them until erased */
                        retention_days: number | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdThemes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{themes: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        themes: {
                            id: number;
                            series_id: number;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @enum {string} */
                            status: "active" | "archived";
                            merged_into: number | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeriesByIdThemes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label: {
                        fr: string;
                        nl?: string;
                        en?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The theme created (its URL in Location) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        series_id: number;
                        label: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @enum {string} */
                        status: "active" | "archived";
                        merged_into: number | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiThemesById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label?: {
                        fr: string;
                        nl?: string;
                        en?: string;
                    };
                    /** @enum {string} */
                    status?: "active" | "archived";
                    merged_into?: number;
                };
            };
        };
        responses: {
            /** @description The updated theme */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        series_id: number;
                        label: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @enum {string} */
                        status: "active" | "archived";
                        merged_into: number | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{sessions: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions: {
                            id: number;
                            series_id: number;
                            number: number;
                            /** Format: date-time */
                            starts_at: string;
                            ends_at: string | null;
                            place: string | null;
                            notes: string | null;
                            sequence: number;
                            cancelled_at: string | null;
                            surveys: {
                                id: number;
                                /** @enum {string} */
                                kind: "pre" | "post";
                                /** @enum {string} */
                                status: "draft" | "open" | "closed";
                            }[];
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeriesByIdSessions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    number: number;
                    starts_at: string;
                    ends_at?: string;
                    place?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description The session created (its URL in Location) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        series_id: number;
                        number: number;
                        /** Format: date-time */
                        starts_at: string;
                        ends_at: string | null;
                        place: string | null;
                        notes: string | null;
                        sequence: number;
                        cancelled_at: string | null;
                        surveys: {
                            id: number;
                            /** @enum {string} */
                            kind: "pre" | "post";
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        }[];
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A session with this number exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSessionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        series_id: number;
                        number: number;
                        /** Format: date-time */
                        starts_at: string;
                        ends_at: string | null;
                        place: string | null;
                        notes: string | null;
                        sequence: number;
                        cancelled_at: string | null;
                        surveys: {
                            id: number;
                            /** @enum {string} */
                            kind: "pre" | "post";
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiSessionsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    starts_at?: string;
                    ends_at?: string | null;
                    place?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        series_id: number;
                        number: number;
                        /** Format: date-time */
                        starts_at: string;
                        ends_at: string | null;
                        place: string | null;
                        notes: string | null;
                        sequence: number;
                        cancelled_at: string | null;
                        surveys: {
                            id: number;
                            /** @enum {string} */
                            kind: "pre" | "post";
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        }[];
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The session is cancelled, or changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSessionsByIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        series_id: number;
                        number: number;
                        /** Format: date-time */
                        starts_at: string;
                        ends_at: string | null;
                        place: string | null;
                        notes: string | null;
                        sequence: number;
                        cancelled_at: string | null;
                        surveys: {
                            id: number;
                            /** @enum {string} */
                            kind: "pre" | "post";
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSessionsByIdSurveys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "pre" | "post";
                    questions?: ({
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "single";
                        options: {
                            id: string;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            theme_id?: number;
                        }[];
                        /** @default false */
                        profile?: boolean;
                    } | {
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "multiple";
                        options: {
                            id: string;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            theme_id?: number;
                        }[];
                        min?: number;
                        max?: number;
                        /** @default false */
                        profile?: boolean;
                    } | {
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "ranking";
                        options: {
                            id: string;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            theme_id?: number;
                        }[];
                        max_ranked: number;
                        /**
                         * @default options
                         * @enum {string}
                         */
                        source?: "themes" | "options";
                    } | {
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "rating";
                        min: number;
                        max: number;
                        min_label?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        max_label?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                    } | {
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "text";
                        /** @default 2000 */
                        max_length?: number;
                        /**
                         * @default remark
                         * @enum {string}
                         */
                        role?: "remark" | "theme_proposal";
                    })[];
                    /** @default false */
                    anonymous?: boolean;
                    closes_at?: string;
                };
            };
        };
        responses: {
            /** @description The survey created (its URL in Location) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        session_id: number;
                        series_id: number;
                        session_number: number;
                        /** @enum {string} */
                        kind: "pre" | "post";
                        /**
                         * @description effective status: an open survey past closes_at is closed
                         * @enum {string}
                         */
                        status: "draft" | "open" | "closed";
                        anonymous: boolean;
                        closes_at: string | null;
                        opened_at: string | null;
                        closed_at: string | null;
                        /** @description goes up when the questions change (theme options refreshed at opening, an edit) */
                        definition_version: number;
                        questions: ({
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "single";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "multiple";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            min?: number;
                            max?: number;
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "ranking";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            max_ranked: number;
                            /**
                             * @default options
                             * @enum {string}
                             */
                            source: "themes" | "options";
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "rating";
                            min: number;
                            max: number;
                            min_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            max_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "text";
                            /** @default 2000 */
                            max_length: number;
                            /**
                             * @default remark
                             * @enum {string}
                             */
                            role: "remark" | "theme_proposal";
                        })[];
                        /** @description people invited */
                        invitations: number;
                        /** @description responses stored (for an anonymous survey: released, see held_back) */
                        responses: number;
                        /** @description anonymous surveys: answers received but not counted yet; they are released together once at least the minimum group size of people have answered or changed their answers (and at closing if nothing was released before) */
                        held_back: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The session already has a survey of this kind */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSurveysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The survey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        session_id: number;
                        series_id: number;
                        session_number: number;
                        /** @enum {string} */
                        kind: "pre" | "post";
                        /**
                         * @description effective status: an open survey past closes_at is closed
                         * @enum {string}
                         */
                        status: "draft" | "open" | "closed";
                        anonymous: boolean;
                        closes_at: string | null;
                        opened_at: string | null;
                        closed_at: string | null;
                        /** @description goes up when the questions change (theme options refreshed at opening, an edit) */
                        definition_version: number;
                        questions: ({
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "single";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "multiple";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            min?: number;
                            max?: number;
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "ranking";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            max_ranked: number;
                            /**
                             * @default options
                             * @enum {string}
                             */
                            source: "themes" | "options";
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "rating";
                            min: number;
                            max: number;
                            min_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            max_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "text";
                            /** @default 2000 */
                            max_length: number;
                            /**
                             * @default remark
                             * @enum {string}
                             */
                            role: "remark" | "theme_proposal";
                        })[];
                        /** @description people invited */
                        invitations: number;
                        /** @description responses stored (for an anonymous survey: released, see held_back) */
                        responses: number;
                        /** @description anonymous surveys: answers received but not counted yet; they are released together once at least the minimum group size of people have answered or changed their answers (and at closing if nothing was released before) */
                        held_back: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiSurveysByIdQuestions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    questions: ({
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "single";
                        options: {
                            id: string;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            theme_id?: number;
                        }[];
                        /** @default false */
                        profile?: boolean;
                    } | {
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "multiple";
                        options: {
                            id: string;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            theme_id?: number;
                        }[];
                        min?: number;
                        max?: number;
                        /** @default false */
                        profile?: boolean;
                    } | {
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "ranking";
                        options: {
                            id: string;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            theme_id?: number;
                        }[];
                        max_ranked: number;
                        /**
                         * @default options
                         * @enum {string}
                         */
                        source?: "themes" | "options";
                    } | {
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "rating";
                        min: number;
                        max: number;
                        min_label?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        max_label?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                    } | {
                        id: string;
                        text: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        help?: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @default false */
                        required?: boolean;
                        /** @constant */
                        type: "text";
                        /** @default 2000 */
                        max_length?: number;
                        /**
                         * @default remark
                         * @enum {string}
                         */
                        role?: "remark" | "theme_proposal";
                    })[];
                    /** @description the survey's definition_version as read: a 409 if someone changed the questions since */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The edited survey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        session_id: number;
                        series_id: number;
                        session_number: number;
                        /** @enum {string} */
                        kind: "pre" | "post";
                        /**
                         * @description effective status: an open survey past closes_at is closed
                         * @enum {string}
                         */
                        status: "draft" | "open" | "closed";
                        anonymous: boolean;
                        closes_at: string | null;
                        opened_at: string | null;
                        closed_at: string | null;
                        /** @description goes up when the questions change (theme options refreshed at opening, an edit) */
                        definition_version: number;
                        questions: ({
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "single";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "multiple";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            min?: number;
                            max?: number;
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "ranking";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            max_ranked: number;
                            /**
                             * @default options
                             * @enum {string}
                             */
                            source: "themes" | "options";
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "rating";
                            min: number;
                            max: number;
                            min_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            max_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "text";
                            /** @default 2000 */
                            max_length: number;
                            /**
                             * @default remark
                             * @enum {string}
                             */
                            role: "remark" | "theme_proposal";
                        })[];
                        /** @description people invited */
                        invitations: number;
                        /** @description responses stored (for an anonymous survey: released, see held_back) */
                        responses: number;
                        /** @description anonymous surveys: answers received but not counted yet; they are released together once at least the minimum group size of people have answered or changed their answers (and at closing if nothing was released before) */
                        held_back: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `version` is not the current definition_version */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdCopy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    session_id: number;
                };
            };
        };
        responses: {
            /** @description The new draft survey (its URL in Location) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        session_id: number;
                        series_id: number;
                        session_number: number;
                        /** @enum {string} */
                        kind: "pre" | "post";
                        /**
                         * @description effective status: an open survey past closes_at is closed
                         * @enum {string}
                         */
                        status: "draft" | "open" | "closed";
                        anonymous: boolean;
                        closes_at: string | null;
                        opened_at: string | null;
                        closed_at: string | null;
                        /** @description goes up when the questions change (theme options refreshed at opening, an edit) */
                        definition_version: number;
                        questions: ({
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "single";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "multiple";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            min?: number;
                            max?: number;
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "ranking";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            max_ranked: number;
                            /**
                             * @default options
                             * @enum {string}
                             */
                            source: "themes" | "options";
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "rating";
                            min: number;
                            max: number;
                            min_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            max_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "text";
                            /** @default 2000 */
                            max_length: number;
                            /**
                             * @default remark
                             * @enum {string}
                             */
                            role: "remark" | "theme_proposal";
                        })[];
                        /** @description people invited */
                        invitations: number;
                        /** @description responses stored (for an anonymous survey: released, see held_back) */
                        responses: number;
                        /** @description anonymous surveys: answers received but not counted yet; they are released together once at least the minimum group size of people have answered or changed their answers (and at closing if nothing was released before) */
                        held_back: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The session already has a survey of this kind */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdOpen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The opened survey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        session_id: number;
                        series_id: number;
                        session_number: number;
                        /** @enum {string} */
                        kind: "pre" | "post";
                        /**
                         * @description effective status: an open survey past closes_at is closed
                         * @enum {string}
                         */
                        status: "draft" | "open" | "closed";
                        anonymous: boolean;
                        closes_at: string | null;
                        opened_at: string | null;
                        closed_at: string | null;
                        /** @description goes up when the questions change (theme options refreshed at opening, an edit) */
                        definition_version: number;
                        questions: ({
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "single";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "multiple";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            min?: number;
                            max?: number;
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "ranking";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            max_ranked: number;
                            /**
                             * @default options
                             * @enum {string}
                             */
                            source: "themes" | "options";
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "rating";
                            min: number;
                            max: number;
                            min_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            max_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "text";
                            /** @default 2000 */
                            max_length: number;
                            /**
                             * @default remark
                             * @enum {string}
                             */
                            role: "remark" | "theme_proposal";
                        })[];
                        /** @description people invited */
                        invitations: number;
                        /** @description responses stored (for an anonymous survey: released, see held_back) */
                        responses: number;
                        /** @description anonymous surveys: answers received but not counted yet; they are released together once at least the minimum group size of people have answered or changed their answers (and at closing if nothing was released before) */
                        held_back: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdClose: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The closed survey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        session_id: number;
                        series_id: number;
                        session_number: number;
                        /** @enum {string} */
                        kind: "pre" | "post";
                        /**
                         * @description effective status: an open survey past closes_at is closed
                         * @enum {string}
                         */
                        status: "draft" | "open" | "closed";
                        anonymous: boolean;
                        closes_at: string | null;
                        opened_at: string | null;
                        closed_at: string | null;
                        /** @description goes up when the questions change (theme options refreshed at opening, an edit) */
                        definition_version: number;
                        questions: ({
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "single";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "multiple";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            min?: number;
                            max?: number;
                            /** @default false */
                            profile: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "ranking";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            max_ranked: number;
                            /**
                             * @default options
                             * @enum {string}
                             */
                            source: "themes" | "options";
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "rating";
                            min: number;
                            max: number;
                            min_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            max_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required: boolean;
                            /** @constant */
                            type: "text";
                            /** @default 2000 */
                            max_length: number;
                            /**
                             * @default remark
                             * @enum {string}
                             */
                            role: "remark" | "theme_proposal";
                        })[];
                        /** @description people invited */
                        invitations: number;
                        /** @description responses stored (for an anonymous survey: released, see held_back) */
                        responses: number;
                        /** @description anonymous surveys: answers received but not counted yet; they are released together once at least the minimum group size of people have answered or changed their answers (and at closing if nothing was released before) */
                        held_back: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSurveysByIdInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{invitations: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitations: {
                            id: number;
                            email: string;
                            name: string | null;
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                            /** Format: date-time */
                            created_at: string;
                            opened_at: string | null;
                            answered: boolean;
                            /** @enum {string} */
                            source: "coordinator" | "open_link";
                            /** @description what a person who joined through the open link typed */
                            organisation: string | null;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdInvitations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    participants: {
                        /** Format: email */
                        email: string;
                        name?: string;
                        /** @enum {string} */
                        language?: "fr" | "nl" | "en";
                    }[];
                };
            };
        };
        responses: {
            /** @description `{invitations: [{id, email, url}]}` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitations: {
                            id: number;
                            email: string;
                            /**
                             * Format: uri
                             * @description the personal link (/s/<token>); the live one of someone already invited
                             */
                            url: string;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiInvitationsByIdNewLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{id, email, url}` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        email: string;
                        /**
                         * Format: uri
                         * @description the new personal link; the previous one no longer opens the survey
                         */
                        url: string;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{contacts: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contacts: {
                            id: number;
                            email: string;
                            name: string | null;
                            organisation: string | null;
                            language: ("fr" | "nl" | "en") | null;
                            opted_out_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeriesByIdContactsImport: {
        parameters: {
            query?: {
                dry_run?: "0" | "1" | "true" | "false";
            };
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "text/plain": string;
                "text/tab-separated-values": string;
                "text/vcard": string;
                "text/x-vcard": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description `{dry_run, format, encoding, contacts, imported, rows}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dry_run: boolean;
                        /** @enum {string} */
                        format: "csv" | "vcard";
                        /** @enum {string} */
                        encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
                        /** @description good rows: imported, or to be imported by the same call without dry_run */
                        contacts: number;
                        imported: number;
                        rows: {
                            /** @description the row as a spreadsheet numbers it (header = 1), or the card number in a vCard file */
                            row: number;
                            /** @enum {string} */
                            status: "skipped" | "doubtful";
                            /** @enum {string} */
                            reason: "noAddress" | "phoneOnly" | "badAddress" | "unreadable" | "severalAddresses" | "duplicate";
                            label: string;
                            email?: string;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not one of the listed media types */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdInvitationsFrom: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description every contact of the survey's series who has not opted out
                     * @constant
                     */
                    source: "directory";
                } | {
                    /**
                     * @description everyone invited to, or who answered, another survey of the series
                     * @enum {string}
                     */
                    source: "invited" | "answered";
                    survey_id: number;
                } | {
                    /**
                     * @description everyone on the attendance list of a session of the series
                     * @constant
                     */
                    source: "attended";
                    session_id: number;
                };
            };
        };
        responses: {
            /** @description `{added, already}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description new invitations (links issued when sent) */
                        added: number;
                        /** @description people the source names who were already invited (they keep their live link) */
                        already: number;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSessionsByIdAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{session_id, attended, attendees}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        session_id: number;
                        attended: number;
                        attendees: {
                            contact_id: number;
                            email: string;
                            name: string | null;
                            /** Format: date-time */
                            recorded_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiSessionsByIdAttendance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string;
                "text/csv": string;
                "text/plain": string;
                "text/tab-separated-values": string;
                "text/vcard": string;
                "text/x-vcard": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description `{session_id, attended, attendees}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        session_id: number;
                        attended: number;
                        attendees: {
                            contact_id: number;
                            email: string;
                            name: string | null;
                            /** Format: date-time */
                            recorded_at: string;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not one of the listed media types */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{coordinators: [{id, email, created_at, you}]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coordinators: {
                            id: number;
                            email: string;
                            /** Format: date-time */
                            created_at: string;
                            you: boolean;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiTeam: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /**
                     * @description language of the invitation e-mail (default: French)
                     * @enum {string}
                     */
                    language?: "fr" | "nl" | "en";
                };
            };
        };
        responses: {
            /** @description The colleague */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        email: string;
                        /**
                         * @description recorded: no e-mail service, nothing delivered
                         * @enum {string}
                         */
                        delivery: "sent" | "recorded" | "failed";
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A coordinator of another organisation */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiTeamById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Yourself, or the last coordinator */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSurveysByIdOpenLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The open link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string | null;
                        slug: string | null;
                        enabled: boolean;
                        cap: number | null;
                        joined: number;
                        places_left: number | null;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiSurveysByIdOpenLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                    cap?: number | null;
                };
            };
        };
        responses: {
            /** @description The open link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string | null;
                        slug: string | null;
                        enabled: boolean;
                        cap: number | null;
                        joined: number;
                        places_left: number | null;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{webhooks: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: {
                            id: number;
                            series_id: number;
                            url: string;
                            events: ("response.submitted" | "responses.released" | "survey.opened" | "survey.closed" | "session.updated" | "session.cancelled")[];
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeriesByIdWebhooks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    /**
                     * @default [
                     *       "response.submitted",
                     *       "responses.released",
                     *       "survey.opened",
                     *       "survey.closed",
                     *       "session.updated",
                     *       "session.cancelled"
                     *     ]
                     */
                    events?: ("response.submitted" | "responses.released" | "survey.opened" | "survey.closed" | "session.updated" | "session.cancelled")[];
                };
            };
        };
        responses: {
            /** @description The endpoint with its secret (its URL in Location) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        series_id: number;
                        url: string;
                        events: ("response.submitted" | "responses.released" | "survey.opened" | "survey.closed" | "session.updated" | "session.cancelled")[];
                        /** Format: date-time */
                        created_at: string;
                        /** @description signs every delivery (Relais-Signature); shown only in this answer */
                        secret: string;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The series has five endpoints already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdWebhooksDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{deliveries: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            id: number;
                            webhook_id: number;
                            url: string;
                            /** @enum {string} */
                            event: "response.submitted" | "responses.released" | "survey.opened" | "survey.closed" | "session.updated" | "session.cancelled";
                            /** @enum {string} */
                            status: "pending" | "delivered" | "failed";
                            attempts: number;
                            /** @description set while pending */
                            next_attempt_at: string | null;
                            /** @description HTTP status of the last attempt */
                            last_status: number | null;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            delivered_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiWebhooksById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdCalendarIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 5545 calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeriesByIdCalendarFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{series_id, url}` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        series_id: number;
                        /**
                         * Format: uri
                         * @description the public feed URL, shown only in this answer
                         */
                        url: string;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export (format `relais.series`, version 1) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        format: "relais.series";
                        /** @constant */
                        version: 1;
                        /** Format: date-time */
                        exported_at: string;
                        series: {
                            id: number;
                            title: string;
                            bassin: string | null;
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                            min_group_size: number;
                            retention_days?: number | null;
                        };
                        themes: {
                            id: number;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @enum {string} */
                            status: "active" | "archived";
                            merged_into: number | null;
                        }[];
                        sessions: {
                            id: number;
                            number: number;
                            /** Format: date-time */
                            starts_at: string;
                            ends_at: string | null;
                            place: string | null;
                        }[];
                        surveys: {
                            id: number;
                            session_id: number;
                            /** @enum {string} */
                            kind: "pre" | "post";
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                            anonymous: boolean;
                            closes_at: string | null;
                            opened_at: string | null;
                            closed_at: string | null;
                            definition_version: number;
                            questions: ({
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "single";
                                options: {
                                    id: string;
                                    label: {
                                        fr: string;
                                        nl?: string;
                                        en?: string;
                                    };
                                    theme_id?: number;
                                }[];
                                /** @default false */
                                profile: boolean;
                            } | {
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "multiple";
                                options: {
                                    id: string;
                                    label: {
                                        fr: string;
                                        nl?: string;
                                        en?: string;
                                    };
                                    theme_id?: number;
                                }[];
                                min?: number;
                                max?: number;
                                /** @default false */
                                profile: boolean;
                            } | {
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "ranking";
                                options: {
                                    id: string;
                                    label: {
                                        fr: string;
                                        nl?: string;
                                        en?: string;
                                    };
                                    theme_id?: number;
                                }[];
                                max_ranked: number;
                                /**
                                 * @default options
                                 * @enum {string}
                                 */
                                source: "themes" | "options";
                            } | {
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "rating";
                                min: number;
                                max: number;
                                min_label?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                max_label?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                            } | {
                                id: string;
                                text: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                help?: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                /** @default false */
                                required: boolean;
                                /** @constant */
                                type: "text";
                                /** @default 2000 */
                                max_length: number;
                                /**
                                 * @default remark
                                 * @enum {string}
                                 */
                                role: "remark" | "theme_proposal";
                            })[];
                            counts: {
                                invitations: number;
                                opened: number;
                                answered: number;
                                responses: number;
                            };
                            results: {
                                options: {
                                    question_id: string;
                                    option_id: string;
                                    rank: number | null;
                                    n: number | null;
                                }[];
                                ratings: {
                                    question_id: string;
                                    value: number;
                                    n: number | null;
                                }[];
                                questions?: {
                                    question_id: string;
                                    n: number;
                                }[];
                                disclosure?: {
                                    method: string;
                                    min_group_size: number;
                                    survey_withheld: boolean;
                                    withheld_questions: string[];
                                    recoded?: {
                                        question_id: string;
                                        recoded_from: string[];
                                    } | null;
                                };
                            };
                            responses: {
                                respondent: number;
                                /** @enum {string} */
                                language: "fr" | "nl" | "en";
                                definition_version: number;
                                created_at: string;
                                updated_at: string;
                                answers: {
                                    question_id: string;
                                    option_id: string | null;
                                    theme_id: number | null;
                                    rank: number | null;
                                    number: number | null;
                                    text: string | null;
                                }[];
                            }[];
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeriesImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    format: "relais.series";
                    /** @constant */
                    version: 1;
                    /** Format: date-time */
                    exported_at: string;
                    series: {
                        id: number;
                        title: string;
                        bassin: string | null;
                        /** @enum {string} */
                        language: "fr" | "nl" | "en";
                        min_group_size: number;
                        retention_days?: number | null;
                    };
                    themes: {
                        id: number;
                        label: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        /** @enum {string} */
                        status: "active" | "archived";
                        merged_into: number | null;
                    }[];
                    sessions: {
                        id: number;
                        number: number;
                        /** Format: date-time */
                        starts_at: string;
                        ends_at: string | null;
                        place: string | null;
                    }[];
                    surveys: {
                        id: number;
                        session_id: number;
                        /** @enum {string} */
                        kind: "pre" | "post";
                        /** @enum {string} */
                        status: "draft" | "open" | "closed";
                        anonymous: boolean;
                        closes_at: string | null;
                        opened_at: string | null;
                        closed_at: string | null;
                        definition_version: number;
                        questions: ({
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required?: boolean;
                            /** @constant */
                            type: "single";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            /** @default false */
                            profile?: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required?: boolean;
                            /** @constant */
                            type: "multiple";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            min?: number;
                            max?: number;
                            /** @default false */
                            profile?: boolean;
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required?: boolean;
                            /** @constant */
                            type: "ranking";
                            options: {
                                id: string;
                                label: {
                                    fr: string;
                                    nl?: string;
                                    en?: string;
                                };
                                theme_id?: number;
                            }[];
                            max_ranked: number;
                            /**
                             * @default options
                             * @enum {string}
                             */
                            source?: "themes" | "options";
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required?: boolean;
                            /** @constant */
                            type: "rating";
                            min: number;
                            max: number;
                            min_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            max_label?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                        } | {
                            id: string;
                            text: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            help?: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            /** @default false */
                            required?: boolean;
                            /** @constant */
                            type: "text";
                            /** @default 2000 */
                            max_length?: number;
                            /**
                             * @default remark
                             * @enum {string}
                             */
                            role?: "remark" | "theme_proposal";
                        })[];
                        counts: {
                            invitations: number;
                            opened: number;
                            answered: number;
                            responses: number;
                        };
                        results: {
                            options: {
                                question_id: string;
                                option_id: string;
                                rank: number | null;
                                n: number | null;
                            }[];
                            ratings: {
                                question_id: string;
                                value: number;
                                n: number | null;
                            }[];
                            questions?: {
                                question_id: string;
                                n: number;
                            }[];
                            disclosure?: {
                                method: string;
                                min_group_size: number;
                                survey_withheld: boolean;
                                withheld_questions: string[];
                                recoded?: {
                                    question_id: string;
                                    recoded_from: string[];
                                } | null;
                            };
                        };
                        responses: {
                            respondent: number;
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                            definition_version: number;
                            created_at: string;
                            updated_at: string;
                            answers: {
                                question_id: string;
                                option_id: string | null;
                                theme_id: number | null;
                                rank: number | null;
                                number: number | null;
                                text: string | null;
                            }[];
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description `{id, title, themes, sessions, surveys, responses}` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        title: string;
                        themes: number;
                        sessions: number;
                        surveys: number;
                        responses: number;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSurveysByIdResults: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "html";
                question?: string;
                lang?: "fr" | "nl" | "en";
                sep?: ";" | "," | "tab";
            };
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        survey: {
                            id: number;
                            /** @enum {string} */
                            kind: "pre" | "post";
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                            anonymous: boolean;
                            session: {
                                id: number;
                                number: number;
                            };
                            series: {
                                id: number;
                                title: string;
                                /** @enum {string} */
                                language: "fr" | "nl" | "en";
                            };
                        };
                        /** @enum {string} */
                        language: "fr" | "nl" | "en";
                        min_group_size: number;
                        participation: {
                            invited: number;
                            opened: number;
                            answered: number;
                            /** @description stored responses; equals answered unless an invitation was removed after answering */
                            responses: number;
                            answer_rate: number;
                            method: string;
                            over_time: {
                                /** Format: date */
                                day: string;
                                count: number;
                                cumulative: number;
                            }[];
                        };
                        /** @description fewer respondents than the minimum group size: questions is empty */
                        withheld: boolean;
                        questions: ({
                            id: string;
                            text: string;
                            /** @description respondents who answered this question */
                            n: number;
                            /** @description fewer respondents than the minimum group size: only n is given */
                            withheld?: boolean;
                            breakdown?: {
                                by: {
                                    question_id: string;
                                    text: string;
                                };
                                min_group_size: number;
                                method: string;
                                groups: {
                                    /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                    id: string | null;
                                    label: string;
                                    recoded_from?: (string | null)[];
                                    n: number | null;
                                    suppressed: boolean;
                                }[];
                                rows?: {
                                    id: string;
                                    label: string;
                                    cells: {
                                        count: number | null;
                                        borda?: number | null;
                                        suppressed: boolean;
                                    }[];
                                }[];
                                ratings?: {
                                    n: number | null;
                                    mean: number | null;
                                    median: number | null;
                                    suppressed: boolean;
                                }[];
                            };
                            /** @enum {string} */
                            type: "single" | "multiple";
                            method: string;
                            options: {
                                id: string;
                                label: string;
                                count: number;
                                share: number;
                                /** @description options merged into "_other" (the profile question) */
                                recoded_from?: string[];
                            }[];
                        } | {
                            id: string;
                            text: string;
                            /** @description respondents who answered this question */
                            n: number;
                            /** @description fewer respondents than the minimum group size: only n is given */
                            withheld?: boolean;
                            breakdown?: {
                                by: {
                                    question_id: string;
                                    text: string;
                                };
                                min_group_size: number;
                                method: string;
                                groups: {
                                    /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                    id: string | null;
                                    label: string;
                                    recoded_from?: (string | null)[];
                                    n: number | null;
                                    suppressed: boolean;
                                }[];
                                rows?: {
                                    id: string;
                                    label: string;
                                    cells: {
                                        count: number | null;
                                        borda?: number | null;
                                        suppressed: boolean;
                                    }[];
                                }[];
                                ratings?: {
                                    n: number | null;
                                    mean: number | null;
                                    median: number | null;
                                    suppressed: boolean;
                                }[];
                            };
                            /** @constant */
                            type: "ranking";
                            ranking: {
                                method: {
                                    /** @constant */
                                    name: "borda";
                                    k: number;
                                    /** @description ballots: respondents who ranked at least one item */
                                    n: number;
                                    points: string;
                                    order: string;
                                    ties: string;
                                };
                                items: {
                                    /** @description tied items share the place of the first of them (1, 2, 2, 4) */
                                    place: number;
                                    tied: boolean;
                                    label: string;
                                    borda: number;
                                    mean_borda: number;
                                    ranked: number;
                                    first: number;
                                    mean_position: number | null;
                                    id: string;
                                }[];
                            };
                        } | {
                            id: string;
                            text: string;
                            /** @description respondents who answered this question */
                            n: number;
                            /** @description fewer respondents than the minimum group size: only n is given */
                            withheld?: boolean;
                            breakdown?: {
                                by: {
                                    question_id: string;
                                    text: string;
                                };
                                min_group_size: number;
                                method: string;
                                groups: {
                                    /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                    id: string | null;
                                    label: string;
                                    recoded_from?: (string | null)[];
                                    n: number | null;
                                    suppressed: boolean;
                                }[];
                                rows?: {
                                    id: string;
                                    label: string;
                                    cells: {
                                        count: number | null;
                                        borda?: number | null;
                                        suppressed: boolean;
                                    }[];
                                }[];
                                ratings?: {
                                    n: number | null;
                                    mean: number | null;
                                    median: number | null;
                                    suppressed: boolean;
                                }[];
                            };
                            /** @constant */
                            type: "rating";
                            min: number;
                            max: number;
                            method: string;
                            mean: number | null;
                            median: number | null;
                            distribution: {
                                value: number;
                                count: number;
                            }[];
                        } | {
                            id: string;
                            text: string;
                            /** @description respondents who answered this question */
                            n: number;
                            /** @description fewer respondents than the minimum group size: only n is given */
                            withheld?: boolean;
                            breakdown?: {
                                by: {
                                    question_id: string;
                                    text: string;
                                };
                                min_group_size: number;
                                method: string;
                                groups: {
                                    /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                    id: string | null;
                                    label: string;
                                    recoded_from?: (string | null)[];
                                    n: number | null;
                                    suppressed: boolean;
                                }[];
                                rows?: {
                                    id: string;
                                    label: string;
                                    cells: {
                                        count: number | null;
                                        borda?: number | null;
                                        suppressed: boolean;
                                    }[];
                                }[];
                                ratings?: {
                                    n: number | null;
                                    mean: number | null;
                                    median: number | null;
                                    suppressed: boolean;
                                }[];
                            };
                            /** @constant */
                            type: "text";
                            /** @enum {string} */
                            role: "remark" | "theme_proposal";
                            groups: {
                                text: string;
                                count: number;
                                /** @description the spellings counted together */
                                variants: string[];
                            }[];
                        })[];
                        disclosure: {
                            method: string;
                            min_group_size: number;
                            survey_withheld: boolean;
                            recoding: {
                                question_id: string;
                                groups: {
                                    /** @description a group of the profile question; null: not stated; "_other": groups merged */
                                    id: string | null;
                                    recoded_from?: (string | null)[];
                                    n: number;
                                }[];
                                /** @description false: fewer than two groups would remain, so no breakdown is published */
                                breakdown: boolean;
                                method: string;
                            } | null;
                            withheld: {
                                question_id: string;
                                n: number;
                                /** @enum {string} */
                                reason: "fewer_respondents" | "fewer_writers";
                            }[];
                            suppressed_cells: number;
                        };
                    };
                    "text/csv": string;
                    "text/html": string;
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSessionsByIdBrief: {
        parameters: {
            query?: {
                format?: "json" | "md" | "csv" | "html" | "docx" | "odt";
                lang?: "fr" | "nl" | "en";
                sep?: ";" | "," | "tab";
            };
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The brief */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the sections of the minutes in their order; filled false: the section says it has no data; written: the coordinator wrote a text for it */
                        sections: {
                            /** @enum {string} */
                            id: "expectations" | "findings" | "needs" | "actions" | "save_the_date";
                            filled: boolean;
                            written: boolean;
                        }[];
                        /** @description the coordinator’s words per section (newest version), written by the coordination; every other figure is measured from the surveys */
                        written: {
                            /** @enum {string} */
                            section: "expectations" | "findings" | "needs" | "actions" | "save_the_date";
                            /** @constant */
                            origin: "written";
                            text: string;
                            blocks: ({
                                /** @constant */
                                type: "paragraph";
                                text: string;
                            } | {
                                /** @constant */
                                type: "list";
                                items: string[];
                            })[];
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                            version: number;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        series: {
                            id: number;
                            title: string;
                            bassin: string | null;
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                        };
                        /** @enum {string} */
                        language: "fr" | "nl" | "en";
                        min_group_size: number;
                        session: {
                            id: number;
                            number: number;
                            /** Format: date-time */
                            starts_at: string;
                        };
                        /** @description session N+1, which the brief prepares (id null while it is not planned) */
                        for_session: {
                            number: number;
                            id: number | null;
                            starts_at: string | null;
                            ends_at: string | null;
                            place: string | null;
                        };
                        sources: {
                            survey_id: number;
                            session_number: number;
                            /** @enum {string} */
                            kind: "pre" | "post";
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                            anonymous: boolean;
                            respondents: number;
                            min_group_size: number;
                            withheld: boolean;
                            disclosure: {
                                method: string;
                                min_group_size: number;
                                survey_withheld: boolean;
                                recoding: {
                                    question_id: string;
                                    groups: {
                                        /** @description a group of the profile question; null: not stated; "_other": groups merged */
                                        id: string | null;
                                        recoded_from?: (string | null)[];
                                        n: number;
                                    }[];
                                    /** @description false: fewer than two groups would remain, so no breakdown is published */
                                    breakdown: boolean;
                                    method: string;
                                } | null;
                                withheld: {
                                    question_id: string;
                                    n: number;
                                    /** @enum {string} */
                                    reason: "fewer_respondents" | "fewer_writers";
                                }[];
                                suppressed_cells: number;
                            } | null;
                        }[];
                        participation: {
                            survey_id: number;
                            invited: number;
                            opened: number;
                            answered: number;
                            /** @description stored responses; equals answered unless an invitation was removed after answering */
                            responses: number;
                            answer_rate: number;
                            method: string;
                            over_time: {
                                /** Format: date */
                                day: string;
                                count: number;
                                cumulative: number;
                            }[];
                        }[];
                        expectations: {
                            survey_id: number;
                            question: {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @enum {string} */
                                type: "single" | "multiple";
                                method: string;
                                options: {
                                    id: string;
                                    label: string;
                                    count: number;
                                    share: number;
                                    /** @description options merged into "_other" (the profile question) */
                                    recoded_from?: string[];
                                }[];
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "ranking";
                                ranking: {
                                    method: {
                                        /** @constant */
                                        name: "borda";
                                        k: number;
                                        /** @description ballots: respondents who ranked at least one item */
                                        n: number;
                                        points: string;
                                        order: string;
                                        ties: string;
                                    };
                                    items: {
                                        /** @description tied items share the place of the first of them (1, 2, 2, 4) */
                                        place: number;
                                        tied: boolean;
                                        label: string;
                                        borda: number;
                                        mean_borda: number;
                                        ranked: number;
                                        first: number;
                                        mean_position: number | null;
                                        id: string;
                                    }[];
                                };
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "rating";
                                min: number;
                                max: number;
                                method: string;
                                mean: number | null;
                                median: number | null;
                                distribution: {
                                    value: number;
                                    count: number;
                                }[];
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "text";
                                /** @enum {string} */
                                role: "remark" | "theme_proposal";
                                groups: {
                                    text: string;
                                    count: number;
                                    /** @description the spellings counted together */
                                    variants: string[];
                                }[];
                            };
                        } | null;
                        appreciation: {
                            survey_id: number;
                            questions: ({
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @enum {string} */
                                type: "single" | "multiple";
                                method: string;
                                options: {
                                    id: string;
                                    label: string;
                                    count: number;
                                    share: number;
                                    /** @description options merged into "_other" (the profile question) */
                                    recoded_from?: string[];
                                }[];
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "ranking";
                                ranking: {
                                    method: {
                                        /** @constant */
                                        name: "borda";
                                        k: number;
                                        /** @description ballots: respondents who ranked at least one item */
                                        n: number;
                                        points: string;
                                        order: string;
                                        ties: string;
                                    };
                                    items: {
                                        /** @description tied items share the place of the first of them (1, 2, 2, 4) */
                                        place: number;
                                        tied: boolean;
                                        label: string;
                                        borda: number;
                                        mean_borda: number;
                                        ranked: number;
                                        first: number;
                                        mean_position: number | null;
                                        id: string;
                                    }[];
                                };
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "rating";
                                min: number;
                                max: number;
                                method: string;
                                mean: number | null;
                                median: number | null;
                                distribution: {
                                    value: number;
                                    count: number;
                                }[];
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "text";
                                /** @enum {string} */
                                role: "remark" | "theme_proposal";
                                groups: {
                                    text: string;
                                    count: number;
                                    /** @description the spellings counted together */
                                    variants: string[];
                                }[];
                            })[];
                        } | null;
                        /** @description null when a survey is missing; "anonymous" when either survey is anonymous (never paired) */
                        pairing: ({
                            pre_survey_id: number;
                            post_survey_id: number;
                            question_id: string;
                            threshold: number;
                            max: number;
                            method: string;
                            total: {
                                paired: number | null;
                                useful: number | null;
                                suppressed: boolean;
                            };
                            items: {
                                option_id: string;
                                label: string;
                                paired: number | null;
                                useful: number | null;
                                suppressed: boolean;
                            }[];
                        } | "anonymous") | null;
                        priorities: {
                            method: {
                                /** @constant */
                                name: "borda";
                                k: number;
                                /** @description ballots: respondents who ranked at least one item */
                                n: number;
                                points: string;
                                order: string;
                                ties: string;
                            };
                            change_method: string;
                            rounds: {
                                /** @description the session these priorities prepare */
                                session: number;
                                surveys: {
                                    survey_id: number;
                                    session_number: number;
                                    /** @enum {string} */
                                    kind: "pre" | "post";
                                    ballots: number;
                                }[];
                                n: number;
                                /** @description how much the ballots of the round agree: Kendall’s W adapted to top-k ballots, from the counters */
                                agreement: {
                                    /** @description null: fewer than 2 ballots or 2 options */
                                    w: number | null;
                                    level: ("weak" | "moderate" | "strong") | null;
                                    n: number;
                                    m: number;
                                    k: number;
                                    /** @description theme id of the Borda winner; null on a tie for first place */
                                    borda_winner: string | null;
                                    /**
                                     * @description whether the Borda winner also wins every head-to-head majority, decided from bounds on the counters
                                     * @enum {string}
                                     */
                                    condorcet: "confirmed" | "not_winner" | "undetermined";
                                    method: string;
                                };
                            }[];
                            current: {
                                /** @description the session these priorities prepare */
                                session: number;
                                surveys: {
                                    survey_id: number;
                                    session_number: number;
                                    /** @enum {string} */
                                    kind: "pre" | "post";
                                    ballots: number;
                                }[];
                                n: number;
                                /** @description how much the ballots of the round agree: Kendall’s W adapted to top-k ballots, from the counters */
                                agreement: {
                                    /** @description null: fewer than 2 ballots or 2 options */
                                    w: number | null;
                                    level: ("weak" | "moderate" | "strong") | null;
                                    n: number;
                                    m: number;
                                    k: number;
                                    /** @description theme id of the Borda winner; null on a tie for first place */
                                    borda_winner: string | null;
                                    /**
                                     * @description whether the Borda winner also wins every head-to-head majority, decided from bounds on the counters
                                     * @enum {string}
                                     */
                                    condorcet: "confirmed" | "not_winner" | "undetermined";
                                    method: string;
                                };
                            };
                            items: {
                                /** @description tied items share the place of the first of them (1, 2, 2, 4) */
                                place: number;
                                tied: boolean;
                                label: string;
                                borda: number;
                                mean_borda: number;
                                ranked: number;
                                first: number;
                                mean_position: number | null;
                                theme_id: number;
                                /**
                                 * @description none: nobody ranked the theme now nor in the round before (nothing to compare)
                                 * @enum {string}
                                 */
                                change: "new" | "up" | "down" | "steady" | "none";
                                history: {
                                    session: number;
                                    place: number;
                                    borda: number;
                                    mean_borda: number;
                                    n: number;
                                }[];
                            }[];
                        };
                        actions: {
                            survey_id: number;
                            question: {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @enum {string} */
                                type: "single" | "multiple";
                                method: string;
                                options: {
                                    id: string;
                                    label: string;
                                    count: number;
                                    share: number;
                                    /** @description options merged into "_other" (the profile question) */
                                    recoded_from?: string[];
                                }[];
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "ranking";
                                ranking: {
                                    method: {
                                        /** @constant */
                                        name: "borda";
                                        k: number;
                                        /** @description ballots: respondents who ranked at least one item */
                                        n: number;
                                        points: string;
                                        order: string;
                                        ties: string;
                                    };
                                    items: {
                                        /** @description tied items share the place of the first of them (1, 2, 2, 4) */
                                        place: number;
                                        tied: boolean;
                                        label: string;
                                        borda: number;
                                        mean_borda: number;
                                        ranked: number;
                                        first: number;
                                        mean_position: number | null;
                                        id: string;
                                    }[];
                                };
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "rating";
                                min: number;
                                max: number;
                                method: string;
                                mean: number | null;
                                median: number | null;
                                distribution: {
                                    value: number;
                                    count: number;
                                }[];
                            } | {
                                id: string;
                                text: string;
                                /** @description respondents who answered this question */
                                n: number;
                                /** @description fewer respondents than the minimum group size: only n is given */
                                withheld?: boolean;
                                breakdown?: {
                                    by: {
                                        question_id: string;
                                        text: string;
                                    };
                                    min_group_size: number;
                                    method: string;
                                    groups: {
                                        /** @description option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together */
                                        id: string | null;
                                        label: string;
                                        recoded_from?: (string | null)[];
                                        n: number | null;
                                        suppressed: boolean;
                                    }[];
                                    rows?: {
                                        id: string;
                                        label: string;
                                        cells: {
                                            count: number | null;
                                            borda?: number | null;
                                            suppressed: boolean;
                                        }[];
                                    }[];
                                    ratings?: {
                                        n: number | null;
                                        mean: number | null;
                                        median: number | null;
                                        suppressed: boolean;
                                    }[];
                                };
                                /** @constant */
                                type: "text";
                                /** @enum {string} */
                                role: "remark" | "theme_proposal";
                                groups: {
                                    text: string;
                                    count: number;
                                    /** @description the spellings counted together */
                                    variants: string[];
                                }[];
                            };
                        } | null;
                        /** @description the series’ actions proposed up to this session and what became of them (status and note set by the coordinator) */
                        action_follow_up: {
                            id: number;
                            option_id: string;
                            label: string;
                            /** @enum {string} */
                            status: "proposed" | "planned" | "in_progress" | "done" | "dropped";
                            note: string | null;
                            since_session: number | null;
                            /** @description how many ticked it in this session’s post-survey (gated; null: not asked or withheld) */
                            volunteers: number | null;
                        }[];
                        /** @description only moderated proposals are named: those accepted into the catalogue, under the theme’s label */
                        proposed_themes: {
                            survey_ids: number[];
                            n: number;
                            method: string;
                            accepted: {
                                theme_id: number;
                                label: string;
                                count: number;
                            }[];
                            /** @description distinct proposals no coordinator has handled yet (never their text) */
                            pending: number;
                        };
                        remarks: {
                            survey_ids: number[];
                            n: number;
                            withheld: boolean;
                            method: string;
                            texts: {
                                text: string;
                                count: number;
                                /** @description the spellings counted together */
                                variants: string[];
                            }[];
                            /** @description the same texts under the theme each one names, in the order of the priorities */
                            by_theme: {
                                /** @description null: the remarks that name no theme (listed last) */
                                theme_id: number | null;
                                label: string | null;
                                texts: {
                                    text: string;
                                    count: number;
                                    /** @description the spellings counted together */
                                    variants: string[];
                                }[];
                            }[];
                            by_theme_method: string;
                        };
                    };
                    "text/markdown": string;
                    "text/csv": string;
                    "text/html": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/vnd.oasis.opendocument.text": string;
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiSessionsByIdBriefSectionsBySection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
                /** @description The secret token of the link. */
                section: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                    /** @enum {string} */
                    language?: "fr" | "nl" | "en";
                };
            };
        };
        responses: {
            /** @description The version saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        section: "expectations" | "findings" | "needs" | "actions" | "save_the_date";
                        version: number;
                        /** @enum {string} */
                        language: "fr" | "nl" | "en";
                        text: string;
                        actor: string | null;
                        /** Format: date-time */
                        created_at: string;
                        unchanged: boolean;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSessionsByIdBriefSectionsBySectionVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
                /** @description The secret token of the link. */
                section: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{versions: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: {
                            /** @enum {string} */
                            section: "expectations" | "findings" | "needs" | "actions" | "save_the_date";
                            version: number;
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                            text: string;
                            actor: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{actions: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: {
                            id: number;
                            series_id: number;
                            option_id: string;
                            label: {
                                fr: string;
                                nl?: string;
                                en?: string;
                            };
                            since_session: number | null;
                            /** @enum {string} */
                            status: "proposed" | "planned" | "in_progress" | "done" | "dropped";
                            note: string | null;
                            updated_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiActionsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status?: "planned" | "in_progress" | "done" | "dropped";
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description The action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        series_id: number;
                        option_id: string;
                        label: {
                            fr: string;
                            nl?: string;
                            en?: string;
                        };
                        since_session: number | null;
                        /** @enum {string} */
                        status: "proposed" | "planned" | "in_progress" | "done" | "dropped";
                        note: string | null;
                        updated_at: string | null;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdTextsHide: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    question_id: string;
                    text: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The text, hidden */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        survey_id: number;
                        question_id: string;
                        key: string;
                        hidden: boolean;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdTextsShow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    question_id: string;
                    text: string;
                };
            };
        };
        responses: {
            /** @description The text, shown */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        survey_id: number;
                        question_id: string;
                        key: string;
                        hidden: boolean;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeriesByIdProposalsDismiss: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The proposal, dismissed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        /** @constant */
                        dismissed: true;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSurveysByIdParticipants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{participants: [{id, email, name, language, state}]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        participants: {
                            id: number;
                            email: string;
                            name: string | null;
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                            /** @enum {string} */
                            state: "not_sent" | "sent" | "opened" | "answered" | "bounced";
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdInvitationsSend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The finished job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        survey_id: number;
                        /** @enum {string} */
                        kind: "invitation" | "reminder" | "session-update" | "session-cancel";
                        total: number;
                        sent: number;
                        failed: number;
                        remaining: number;
                        /** Format: date-time */
                        created_at: string;
                        finished_at: string | null;
                    };
                };
            };
            /** @description The job, still sending (its progress at Location) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        survey_id: number;
                        /** @enum {string} */
                        kind: "invitation" | "reminder" | "session-update" | "session-cancel";
                        total: number;
                        sent: number;
                        failed: number;
                        remaining: number;
                        /** Format: date-time */
                        created_at: string;
                        finished_at: string | null;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The survey is not open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSurveysByIdRemindersSend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The finished job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        survey_id: number;
                        /** @enum {string} */
                        kind: "invitation" | "reminder" | "session-update" | "session-cancel";
                        total: number;
                        sent: number;
                        failed: number;
                        remaining: number;
                        /** Format: date-time */
                        created_at: string;
                        finished_at: string | null;
                    };
                };
            };
            /** @description The job, still sending (its progress at Location) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        survey_id: number;
                        /** @enum {string} */
                        kind: "invitation" | "reminder" | "session-update" | "session-cancel";
                        total: number;
                        sent: number;
                        failed: number;
                        remaining: number;
                        /** Format: date-time */
                        created_at: string;
                        finished_at: string | null;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The survey is not open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSendJobsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        survey_id: number;
                        /** @enum {string} */
                        kind: "invitation" | "reminder" | "session-update" | "session-cancel";
                        total: number;
                        sent: number;
                        failed: number;
                        remaining: number;
                        /** Format: date-time */
                        created_at: string;
                        finished_at: string | null;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiInvitationsByIdResend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{claimed, sent, recorded, failed}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimed: number;
                        sent: number;
                        recorded: number;
                        failed: number;
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiInvitationsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiOutbox: {
        parameters: {
            query?: {
                survey?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{messages: [...]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            id: number;
                            survey_id: number;
                            invitation_id: number | null;
                            slot: string;
                            to_email: string;
                            /** @enum {string} */
                            language: "fr" | "nl" | "en";
                            subject: string;
                            /** @description personal links masked */
                            body_text: string;
                            /** @enum {string} */
                            status: "pending" | "sent" | "recorded" | "failed";
                            error: string | null;
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{entries: [{id, actor, action, target, detail, created_at}]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: number;
                            actor: string | null;
                            action: string;
                            target: string;
                            /** @description JSON text */
                            detail: string | null;
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiParticipantsExport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description `{email, exported_at, invitations, answers, messages}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        /** Format: date-time */
                        exported_at: string;
                        invitations: {
                            [key: string]: unknown;
                        }[];
                        answers: {
                            [key: string]: unknown;
                        }[];
                        messages: {
                            [key: string]: unknown;
                        }[];
                        /** @description the series' directories that list the person, with the sessions they attended */
                        contacts: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiParticipantsErase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description `{erased_invitations}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erased_invitations: number;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiSeriesByIdRetention: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    retention_days: number | null;
                };
            };
        };
        responses: {
            /** @description `{retention_days}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        retention_days: number | null;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSeriesByIdProposals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{proposals: [{key, text, count, variants}]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposals: {
                            key: string;
                            text: string;
                            count: number;
                            variants: string[];
                        }[];
                    };
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSeriesByIdProposals: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day). */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Numeric id; ids of another organisation answer 404. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    action: "promote";
                    key: string;
                    label?: string;
                } | {
                    /** @constant */
                    action: "merge";
                    key: string;
                    theme_id: number;
                };
            };
        };
        responses: {
            /** @description Merged: `{key, theme_id}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        theme_id: number | null;
                    };
                };
            };
            /** @description Promoted: `{key, theme_id}` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        theme_id: number | null;
                    };
                };
            };
            /** @description Malformed JSON or invalid UTF-8 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this Idempotency-Key is still running (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (each named in `errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalendarByTokenIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret token of the link. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 5545 calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description No such resource (or not of your organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error; a 503 says that nothing was changed and carries Retry-After */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
