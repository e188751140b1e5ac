/** Participants of a survey (contacts, invitation state, sending), and the outbox. */
import type { Context } from 'hono';
import * as v from 'valibot';
import {
  contactsNotice,
  formAddressBook,
  ImportPreview,
  InviteFromForm,
  inviteFromChoices,
  refusalError,
} from '../contacts/contacts.pages.tsx';
import { type ParsedAddressBook, parseAddressBook } from '../domain/contacts-import.ts';
import type { Language } from '../domain/language.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import { canDeliver } from '../email/delivery.ts';
import { countUnsent, getOutboxMessage, listOutbox, sendingRow } from '../email/outbox.queries.ts';
import type { AppEnv } from '../env.ts';
import { pathId, validate } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contactsMessages } from '../i18n/contacts/index.ts';
import { formatDateTime } from '../i18n/index.ts';
import { phoneMessages } from '../i18n/phone/index.ts';
import { sessionMessages } from '../i18n/sessions/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { exportLinks, importParticipants, issueNewLink, removeInvitation, resendInvitation } from '../invitations/invitations.actions.ts';
import { listParticipants } from '../invitations/invitations.queries.ts';
import { csvDialect, csvDocument, SeparatorSchema } from '../lib/csv.ts';
import { countOwed } from '../sending/sending.queries.ts';
import type { SurveyRow } from '../surveys/surveys.queries.ts';
import { ownSurvey } from './owned.ts';
import { ActionButton, Csrf, type FormError, readForm, redirectWith, render, text, WorkspacePage, workspaceLanguage } from './shell.tsx';

/** `?sep=` on the links CSV, as on the results and brief. */
const LinksCsvQuery = v.object({ sep: v.optional(SeparatorSchema) });

type C = Context<AppEnv>;

/** What the participants page shows, loaded by its handlers. */
async function participantsData(c: C, survey: SurveyRow) {
  const [people, unsent, unanswered, choices] = await Promise.all([
    listParticipants(c.env.DB, survey.id),
    countUnsent(c.env.DB, survey.id),
    countOwed(c.env.DB, survey.id, 'reminder'),
    inviteFromChoices(c, survey),
  ]);
  return { survey, people, unsent, unanswered, choices };
}

function ParticipantsPage({
  c,
  language,
  data: { survey, people, unsent, unanswered, choices },
  errors = [],
  pasted = '',
  preview,
}: {
  c: C;
  language: Language;
  data: Awaited<ReturnType<typeof participantsData>>;
  errors?: FormError[];
  pasted?: string;
  /** An import with rows skipped or to check, shown before it is done. */
  preview?: { book: ParsedAddressBook; text: string };
}) {
  const t = workspaceMessages(language);
  const sending = sessionMessages(language).sending;
  const csrf = c.var.csrfToken;
  const status = effectiveStatus(survey.status, survey.closes_at);
  const kind = t.session.kind[survey.kind];
  const contactsError = errors.find((e) => e.field === 'contacts');
  return (
    <WorkspacePage
      c={c}
      language={language}
      title={t.participants.title(kind, survey.session_number)}
      errors={errors}
      notice={contactsNotice(c, language)}
    >
      <p class="breadcrumb">
        <a href={`/app/series/${survey.series_id}`}>{t.nav.series}</a> ›{' '}
        <a href={`/app/sessions/${survey.session_id}`}>{t.session.title(survey.session_number)}</a>
      </p>
      <h1>{t.participants.title(kind, survey.session_number)}</h1>
      {survey.anonymous ? <p class="note">{t.participants.anonymousNote}</p> : null}
      {!canDeliver(c.env) ? <p class="note">{t.participants.recorded}</p> : null}
      {people.length ? (
        <table class="stacked">
          <caption class="visually-hidden">{t.participants.title(kind, survey.session_number)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.participants.name}</th>
              <th scope="col">{t.participants.email}</th>
              <th scope="col">{t.participants.language}</th>
              <th scope="col">{t.participants.state}</th>
              <th scope="col">{t.participants.actions}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <th scope="row">{p.name ?? '—'}</th>
                {/* data-label: the column's name, shown before the cell when a phone stacks the row. */}
                <td data-label={t.participants.email} class="email">
                  {p.email}
                </td>
                <td data-label={t.participants.language}>{p.language}</td>
                <td data-label={t.participants.state}>
                  <span class={`state state-${p.state}`}>{t.participants.states[p.state]}</span>
                </td>
                <td data-label={t.participants.actions}>
                  {status === 'open' && p.state !== 'answered' ? (
                    <ActionButton
                      action={`/app/invitations/${p.id}/resend`}
                      label={t.participants.resend}
                      token={csrf}
                      context={p.name ?? p.email}
                    />
                  ) : null}
                  {/* Offered alike whether the person answered: its buttons must not tell an anonymous answer. */}
                  {p.state !== 'not_sent' ? (
                    <ActionButton
                      action={`/app/invitations/${p.id}/new-link`}
                      label={t.participants.newLink}
                      token={csrf}
                      context={p.name ?? p.email}
                    />
                  ) : null}
                  {/* Destructive: apart from the others, in the danger style, and asked again on its own page. */}
                  <p class="danger-zone">
                    <a class="button danger" href={`/app/invitations/${p.id}/remove`}>
                      {t.participants.remove}
                      <span class="visually-hidden"> — {p.name ?? p.email}</span>
                    </a>
                  </p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t.participants.none}</p>
      )}
      {people.length ? (
        <section aria-labelledby="send">
          <h2 id="send">{t.participants.send}</h2>
          {status === 'open' ? (
            <>
              <p>{t.participants.sendHelp(unsent)}</p>
              {/* One click sends them all: the job goes on by itself (src/sending/). */}
              {unsent ? <ActionButton action={`/app/surveys/${survey.id}/send`} label={sending.sendAll(unsent)} token={csrf} /> : null}
              {unanswered ? (
                <>
                  <p>{sending.remindHelp(unanswered)}</p>
                  <ActionButton action={`/app/surveys/${survey.id}/remind`} label={sending.remind} token={csrf} />
                </>
              ) : null}
            </>
          ) : (
            <p>{t.participants.notOpen}</p>
          )}
          <ActionButton action={`/app/surveys/${survey.id}/links.csv`} label={t.participants.exportLinks} token={csrf} />
          <p>
            <a href={`/app/outbox?survey=${survey.id}`}>{t.outbox.title}</a>
          </p>
        </section>
      ) : null}
      {preview ? (
        <ImportPreview
          t={contactsMessages(language)}
          book={preview.book}
          decoded={preview.text}
          action={`/app/surveys/${survey.id}/participants`}
          csrf={csrf}
          cancel={`/app/surveys/${survey.id}/participants`}
        />
      ) : (
        <>
          <InviteFromForm c={c} language={language} survey={survey} choices={choices} />
          <section aria-labelledby="import">
            <h2 id="import">{t.participants.import}</h2>
            <form method="post" action={`/app/surveys/${survey.id}/participants`} enctype="multipart/form-data" class="stack">
              <Csrf token={csrf} />
              <div class={`field${contactsError ? ' has-error' : ''}`}>
                <label for="contacts">{t.field.contacts}</label>
                <p class="help" id="contacts-help">
                  {t.participants.importHelp}
                </p>
                {contactsError ? (
                  <p class="error" id="contacts-error">
                    {contactsError.text}
                  </p>
                ) : null}
                <textarea
                  id="contacts"
                  name="contacts"
                  rows={8}
                  aria-describedby={contactsError ? 'contacts-help contacts-error' : 'contacts-help'}
                  aria-invalid={contactsError ? 'true' : undefined}
                >
                  {pasted}
                </textarea>
              </div>
              <div class="field">
                <label for="file">{t.field.contactsFile}</label>
                <input type="file" id="file" name="file" accept=".csv,.txt,.vcf,text/csv,text/plain,text/vcard" />
              </div>
              <button type="submit">{t.participants.importSubmit}</button>
            </form>
          </section>
        </>
      )}
    </WorkspacePage>
  );
}

export const participantPages = new Hono<AppEnv>()
  .get('/surveys/:id/participants', async (c) =>
    render(c, <ParticipantsPage c={c} language={workspaceLanguage(c)} data={await participantsData(c, await ownSurvey(c))} />),
  )
  .post('/surveys/:id/participants', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const survey = await ownSurvey(c);
    const form = await readForm(c);
    // The confirmation of a preview carries the text the preview read; a first post, a file or a list.
    const confirmed = text(form, 'confirm') === '1';
    const { book, text: decoded } = confirmed
      ? { book: parseAddressBook(text(form, 'text')), text: '' }
      : await formAddressBook(form, 'file', 'contacts');
    const error = refusalError(contactsMessages(language), t.field.contacts, book);
    if (error) {
      const pasted = text(form, 'contacts').slice(0, 100_000);
      return render(
        c,
        <ParticipantsPage c={c} language={language} data={await participantsData(c, survey)} errors={[error]} pasted={pasted} />,
        422,
      );
    }
    // Rows skipped or to check are shown first; a clean list is imported at once.
    if (!confirmed && book.rows.length) {
      return render(
        c,
        <ParticipantsPage c={c} language={language} data={await participantsData(c, survey)} preview={{ book, text: decoded }} />,
      );
    }
    const contacts = book.contacts;
    await importParticipants(c.env, c.var.coordinator, survey.id, contacts);
    return redirectWith(c, `/app/surveys/${survey.id}/participants`, 'imported', [contacts.length]);
  })
  .post('/surveys/:id/links.csv', async (c) => {
    const { survey, links } = await exportLinks(c.env, c.var.coordinator, pathId(c));
    const rows = links.map((p) => [p.email, p.name ?? '', p.language, p.link]);
    // The workspace's language is the reader's (?lang=, then their choice, then Accept-Language).
    const { sep } = validate(LinksCsvQuery, c.req.query());
    return c.body(csvDocument(['email', 'name', 'language', 'link'], rows, csvDialect(workspaceLanguage(c), sep)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="survey-${survey.id}-links.csv"`,
      'Cache-Control': 'no-store',
    });
  })
  .post('/invitations/:id/resend', async (c) => {
    const { row } = await resendInvitation(c.env, c.var.coordinator, pathId(c));
    return redirectWith(c, `/app/surveys/${row.survey_id}/participants`, 'resent');
  })
  .post('/invitations/:id/new-link', async (c) => {
    const { invitation } = await issueNewLink(c.env, c.var.coordinator, pathId(c));
    return redirectWith(c, `/app/surveys/${invitation.survey_id}/participants`, 'newLink');
  })
  .get('/invitations/:id/remove', async (c) => {
    const language = workspaceLanguage(c);
    const p = phoneMessages(language);
    const row = await sendingRow(c.env.DB, c.var.coordinator.organisationId, pathId(c));
    if (!row) throw notFound('invitation');
    const who = row.name ? `${row.name} (${row.email})` : row.email;
    const back = `/app/surveys/${row.survey_id}/participants`;
    return render(
      c,
      <WorkspacePage c={c} language={language} title={p.removeTitle(who)}>
        <p class="breadcrumb">
          <a href={back}>
            {workspaceMessages(language).participants.title(workspaceMessages(language).session.kind[row.kind], row.session_number)}
          </a>
        </p>
        <h1>{p.removeTitle(who)}</h1>
        <p>{p.removeBody}</p>
        <form method="post" action={`/app/invitations/${row.invitation_id}/remove`} class="stack">
          <Csrf token={c.var.csrfToken} />
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" class="danger">
            {p.removeConfirm}
          </button>
        </form>
        <p>
          <a href={back}>{p.cancel}</a>
        </p>
      </WorkspacePage>,
    );
  })
  .post('/invitations/:id/remove', async (c) => {
    // Only the confirmation page's button removes; a post without it (an old page) asks first.
    if (text(await readForm(c), 'confirm') !== 'yes') {
      // Another organisation's id is a 404 here as everywhere, not a redirect that confirms nothing.
      if (!(await sendingRow(c.env.DB, c.var.coordinator.organisationId, pathId(c)))) throw notFound('invitation');
      return c.redirect(`/app/invitations/${pathId(c)}/remove`, 303);
    }
    const invitation = await removeInvitation(c.env, c.var.coordinator, pathId(c));
    return redirectWith(c, `/app/surveys/${invitation.survey_id}/participants`, 'removed');
  })
  .get('/outbox', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const surveyParam = c.req.query('survey');
    const surveyId = surveyParam && /^[1-9]\d{0,15}$/.test(surveyParam) ? Number(surveyParam) : null;
    const messages = await listOutbox(c.env.DB, c.var.coordinator.organisationId, surveyId);
    return render(
      c,
      <WorkspacePage c={c} language={language} title={t.outbox.title}>
        <h1>{t.outbox.title}</h1>
        <p>{t.outbox.intro}</p>
        {!canDeliver(c.env) ? <p class="note">{t.participants.recorded}</p> : null}
        {messages.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.outbox.when}</th>
                <th scope="col">{t.outbox.to}</th>
                <th scope="col">{t.outbox.subject}</th>
                <th scope="col">{t.outbox.status}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr>
                  <td>{formatDateTime(m.created_at, language)}</td>
                  <td>{m.to_email}</td>
                  <td>
                    <a href={`/app/outbox/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>{t.outbox.statuses[m.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t.outbox.none}</p>
        )}
      </WorkspacePage>,
    );
  })
  .get('/outbox/:id', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const message = await getOutboxMessage(c.env.DB, c.var.coordinator.organisationId, pathId(c));
    if (!message) throw notFound('message');
    return render(
      c,
      <WorkspacePage c={c} language={language} title={message.subject}>
        <p class="breadcrumb">
          <a href="/app/outbox">{t.outbox.title}</a>
        </p>
        <h1>{message.subject}</h1>
        <dl class="facts">
          <dt>{t.outbox.to}</dt>
          <dd>{message.to_email}</dd>
          <dt>{t.outbox.when}</dt>
          <dd>{formatDateTime(message.created_at, language)}</dd>
          <dt>{t.outbox.status}</dt>
          <dd>
            {t.outbox.statuses[message.status]}
            {message.error ? ` — ${message.error}` : ''}
          </dd>
        </dl>
        <h2>{t.outbox.message}</h2>
        <pre class="message">{message.body_text}</pre>
      </WorkspacePage>,
    );
  });
