/**
 * Workspace pages of the series' contacts: the directory with its import (preview, then
 * import), a session's attendance list, and "invite from" on a survey's participants page.
 * Handlers load what the pages show and call the same actions as the API.
 */
import type { Context } from 'hono';
import { decodeContacts, MAX_CONTACTS, type ParsedAddressBook, parseAddressBook } from '../domain/contacts-import.ts';
import type { Language } from '../domain/language.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { type ContactsMessages, contactsMessages } from '../i18n/contacts/index.ts';
import { formatDateTime } from '../i18n/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { listSessions } from '../sessions/sessions.queries.ts';
import type { SurveyRow } from '../surveys/surveys.queries.ts';
import { Csrf, type FormError, type FormFields, readForm, render, text, WorkspacePage, workspaceLanguage } from '../workspace/shell.tsx';
import { bookRefusal, importContacts, inviteFrom, ownedSeries, ownedSession, setAttendance } from './contacts.actions.ts';
import { attendanceList, listContacts } from './contacts.queries.ts';
import type { InviteFromInput } from './contacts.schemas.ts';

type C = Context<AppEnv>;

/** The notices of these pages, named by a key in the query string (a crafted URL shows only our sentences). */
export function contactsNotice(c: Context, language: Language): string | null {
  const t = contactsMessages(language);
  const [a = 0, b = 0] = (c.req.query('n') ?? '').split('.').map((x) => Math.max(0, Math.min(1e6, Number(x) || 0)));
  switch (c.req.query('done')) {
    case 'imported':
      return t.import.imported(a);
    case 'from':
      return t.inviteFrom.added(a, b);
    case 'attendance':
      return t.attendance.saved(a);
    default:
      return null;
  }
}

const redirectDone = (c: Context, to: string, done: string, counts: number[]) =>
  c.redirect(`${to}?${new URLSearchParams({ done, n: counts.join('.') })}`, 303);

/**
 * The address book a form carries: an uploaded file (its bytes, in whatever encoding it was
 * written) or a pasted list; with its decoded text, which the confirmation form carries so the
 * import reads exactly what the preview read.
 */
export async function formAddressBook(
  form: FormFields,
  fileField: string,
  pasteField: string,
): Promise<{ book: ParsedAddressBook; text: string }> {
  const file = form[fileField];
  if (file instanceof File && file.size > 0) {
    const decoded = decodeContacts(new Uint8Array(await file.arrayBuffer()));
    return { book: { ...parseAddressBook(decoded.text), encoding: decoded.encoding }, text: decoded.text };
  }
  const pasted = text(form, pasteField).replace(/^\uFEFF/, '');
  return { book: parseAddressBook(pasted), text: pasted };
}

export function refusalError(t: ContactsMessages, label: string, book: ParsedAddressBook): FormError | null {
  const refusal = bookRefusal(book);
  if (!refusal) return null;
  const message = refusal === 'tooMany' ? t.import.tooMany(MAX_CONTACTS) : t.import[refusal];
  return { field: 'contacts', message: refusal, text: `${label}: ${message}` };
}

/** The upload form: a file, or a list pasted; posted to the preview. */
export function ImportForm({
  t,
  action,
  csrf,
  error,
  pasted = '',
  submit,
}: {
  t: ContactsMessages;
  action: string;
  csrf: string | undefined;
  error?: FormError | null | undefined;
  pasted?: string;
  submit: string;
}) {
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="stack">
      <Csrf token={csrf} />
      <p class="help" id="import-help">
        {t.import.help}
      </p>
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for="file">{t.import.file}</label>
        {error ? (
          <p class="error" id="contacts-error">
            {error.text}
          </p>
        ) : null}
        <input
          type="file"
          id="file"
          name="file"
          accept=".csv,.txt,.vcf,text/csv,text/plain,text/vcard"
          aria-describedby={error ? 'import-help contacts-error' : 'import-help'}
        />
      </div>
      <div class="field">
        <label for="contacts">{t.import.paste}</label>
        <textarea id="contacts" name="contacts" rows={6} aria-describedby="import-help">
          {pasted}
        </textarea>
      </div>
      <button type="submit">{submit}</button>
    </form>
  );
}

/** What an import will do, row by row, with the button that does it (the decoded text goes along). */
export function ImportPreview({
  t,
  book,
  decoded,
  action,
  csrf,
  cancel,
}: {
  t: ContactsMessages;
  book: ParsedAddressBook;
  decoded: string;
  action: string;
  csrf: string | undefined;
  cancel: string;
}) {
  return (
    <section aria-labelledby="preview">
      <h2 id="preview">{t.import.previewTitle}</h2>
      <p>{t.import.readAs(book.format === 'vcard' ? 'vCard' : 'CSV', book.encoding.toUpperCase())}</p>
      <p>
        <strong>{t.import.good(book.contacts.length)}</strong>
      </p>
      {book.rows.length ? (
        <>
          <h3 id="rows">{t.import.listed}</h3>
          <ul class="import-rows" aria-labelledby="rows">
            {book.rows.map((r) => (
              <li class={`import-${r.status}`}>
                {t.import.row} {r.row}
                {r.label ? ` (${r.label})` : ''} — <strong>{t.import.statuses[r.status]}</strong>
                {t.import.colon}
                {t.import.reasons[r.reason]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={action} class="stack">
        <Csrf token={csrf} />
        <input type="hidden" name="confirm" value="1" />
        <input type="hidden" name="text" value={decoded} />
        <button type="submit">{t.import.confirm(book.contacts.length)}</button>
      </form>
      <p>
        <a href={cancel}>{t.import.cancel}</a>
      </p>
    </section>
  );
}

async function directoryData(c: C) {
  const series = await ownedSeries(c.env, c.var.coordinator, pathId(c));
  return { series, contacts: await listContacts(c.env.DB, series.id) };
}

function DirectoryPage({
  c,
  language,
  data: { series, contacts },
  error,
  preview,
  pasted,
}: {
  c: C;
  language: Language;
  data: Awaited<ReturnType<typeof directoryData>>;
  error?: FormError | null;
  preview?: { book: ParsedAddressBook; text: string };
  pasted?: string;
}) {
  const t = contactsMessages(language);
  const w = workspaceMessages(language);
  const csrf = c.var.csrfToken;
  const base = `/app/series/${series.id}/contacts`;
  return (
    <WorkspacePage
      c={c}
      language={language}
      title={t.directory.title(series.title)}
      errors={error ? [error] : []}
      notice={contactsNotice(c, language)}
    >
      <p class="breadcrumb">
        <a href="/app/series">{w.nav.series}</a> › <a href={`/app/series/${series.id}`}>{series.title}</a>
      </p>
      <h1>{t.directory.title(series.title)}</h1>
      {preview ? (
        <ImportPreview t={t} book={preview.book} decoded={preview.text} action={`${base}/import`} csrf={csrf} cancel={base} />
      ) : (
        <>
          <p>{t.directory.intro}</p>
          {contacts.length ? (
            <>
              <p>{t.directory.count(contacts.length)}</p>
              <ul class="cards contacts">
                {contacts.map((p) => (
                  <li>
                    <strong>{p.name ?? p.email}</strong>
                    <br />
                    <span class="visually-hidden">{t.directory.email}: </span>
                    {p.email}
                    {p.organisation ? (
                      <>
                        <br />
                        <span class="visually-hidden">{t.directory.organisation}: </span>
                        {p.organisation}
                      </>
                    ) : null}
                    <br />
                    {t.directory.language}: {p.language ?? series.language} · {t.directory.consent}:{' '}
                    {p.opted_out_at
                      ? t.directory.consents.opted_out(formatDateTime(p.opted_out_at, language, false))
                      : t.directory.consents.active}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t.directory.none}</p>
          )}
          <section aria-labelledby="import">
            <h2 id="import">{t.import.title}</h2>
            <ImportForm t={t} action={`${base}/preview`} csrf={csrf} error={error} pasted={pasted ?? ''} submit={t.import.preview} />
          </section>
        </>
      )}
    </WorkspacePage>
  );
}

async function attendanceData(c: C) {
  const session = await ownedSession(c.env, c.var.coordinator, pathId(c));
  return { session, people: await attendanceList(c.env.DB, session.series_id, session.id) };
}

function AttendancePage({
  c,
  language,
  data: { session, people },
}: {
  c: C;
  language: Language;
  data: Awaited<ReturnType<typeof attendanceData>>;
}) {
  const t = contactsMessages(language);
  const w = workspaceMessages(language);
  const csrf = c.var.csrfToken;
  const present = people.filter((p) => p.attended).length;
  return (
    <WorkspacePage c={c} language={language} title={t.attendance.title(session.number)} notice={contactsNotice(c, language)}>
      <p class="breadcrumb">
        <a href={`/app/series/${session.series_id}`}>{w.nav.series}</a> ›{' '}
        <a href={`/app/sessions/${session.id}`}>{w.session.title(session.number)}</a>
      </p>
      <h1>{t.attendance.title(session.number)}</h1>
      <p>{t.attendance.intro}</p>
      {people.length ? (
        <form method="post" action={`/app/sessions/${session.id}/attendance`} class="stack">
          <Csrf token={csrf} />
          <fieldset>
            <legend>
              {t.attendance.legend} — {t.attendance.count(present)}
            </legend>
            {people.map((p) => (
              <div class="field checkbox">
                <input
                  type="checkbox"
                  id={`contact-${p.contact_id}`}
                  name="contact"
                  value={String(p.contact_id)}
                  checked={p.attended === 1}
                />
                <label for={`contact-${p.contact_id}`}>
                  {p.name ? `${p.name} — ${p.email}` : p.email}
                  {p.organisation ? ` (${p.organisation})` : ''}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit">{t.attendance.save}</button>
        </form>
      ) : (
        <p>{t.attendance.none}</p>
      )}
      <section aria-labelledby="sheet">
        <h2 id="sheet">{t.attendance.importTitle}</h2>
        <form method="post" action={`/app/sessions/${session.id}/attendance/add`} enctype="multipart/form-data" class="stack">
          <Csrf token={csrf} />
          <p class="help" id="sheet-help">
            {t.attendance.importHelp}
          </p>
          <div class="field">
            <label for="sheet-file">{t.attendance.file}</label>
            <input
              type="file"
              id="sheet-file"
              name="file"
              accept=".csv,.txt,.vcf,text/csv,text/plain,text/vcard"
              aria-describedby="sheet-help"
            />
          </div>
          <div class="field">
            <label for="sheet-emails">{t.attendance.paste}</label>
            <textarea id="sheet-emails" name="emails" rows={5} aria-describedby="sheet-help" />
          </div>
          <button type="submit">{t.attendance.add}</button>
        </form>
      </section>
    </WorkspacePage>
  );
}

/** What "invite from" offers for a survey: the directory, each other survey and each session of the series. */
export async function inviteFromChoices(c: C, survey: SurveyRow) {
  const sessions = await listSessions(c.env.DB, c.var.coordinator.organisationId, survey.series_id);
  return sessions.map((s) => ({
    id: s.id,
    number: s.number,
    surveys: (JSON.parse(s.surveys) as { id: number; kind: 'pre' | 'post' }[]).filter((x) => x.id !== survey.id),
  }));
}

/** The "invite from the series" form of a survey's participants page. */
export function InviteFromForm({
  c,
  language,
  survey,
  choices,
}: {
  c: C;
  language: Language;
  survey: SurveyRow;
  choices: Awaited<ReturnType<typeof inviteFromChoices>>;
}) {
  const t = contactsMessages(language);
  const w = workspaceMessages(language);
  const options: [string, string][] = [['directory', t.inviteFrom.directory]];
  for (const s of choices) {
    for (const other of s.surveys) {
      const name = t.inviteFrom.survey(w.session.kind[other.kind], s.number);
      options.push([`invited:${other.id}`, t.inviteFrom.invited(name)], [`answered:${other.id}`, t.inviteFrom.answered(name)]);
    }
    options.push([`attended:${s.id}`, t.inviteFrom.attended(s.number)]);
  }
  return (
    <section aria-labelledby="invite-from">
      <h2 id="invite-from">{t.inviteFrom.title}</h2>
      <p class="help">
        {t.inviteFrom.help} <a href={`/app/series/${survey.series_id}/contacts`}>{t.directory.link}</a>
      </p>
      <form method="post" action={`/app/surveys/${survey.id}/invitations/from`} class="stack">
        <Csrf token={c.var.csrfToken} />
        <fieldset>
          <legend>{t.inviteFrom.source}</legend>
          {options.map(([value, label], i) => (
            <div class="field checkbox">
              <input type="radio" id={`from-${i}`} name="from" value={value} checked={i === 0} />
              <label for={`from-${i}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t.inviteFrom.submit}</button>
      </form>
    </section>
  );
}

export const contactsPages = new Hono<AppEnv>()
  .get('/series/:id/contacts', async (c) =>
    render(c, <DirectoryPage c={c} language={workspaceLanguage(c)} data={await directoryData(c)} />),
  )
  .post('/series/:id/contacts/preview', async (c) => {
    const language = workspaceLanguage(c);
    const t = contactsMessages(language);
    const data = await directoryData(c);
    const form = await readForm(c);
    const { book, text: decoded } = await formAddressBook(form, 'file', 'contacts');
    const error = refusalError(t, t.import.file, book);
    if (error) return render(c, <DirectoryPage c={c} language={language} data={data} error={error} pasted={text(form, 'contacts')} />, 422);
    return render(c, <DirectoryPage c={c} language={language} data={data} preview={{ book, text: decoded }} />);
  })
  .post('/series/:id/contacts/import', async (c) => {
    const language = workspaceLanguage(c);
    const t = contactsMessages(language);
    // Another organisation's series is a 404 before anything is read.
    const data = await directoryData(c);
    const seriesId = data.series.id;
    const book = parseAddressBook(text(await readForm(c), 'text'));
    const error = refusalError(t, t.import.file, book);
    if (error) return render(c, <DirectoryPage c={c} language={language} data={data} error={error} />, 422);
    const { imported } = await importContacts(c.env, c.var.coordinator, seriesId, book);
    return redirectDone(c, `/app/series/${seriesId}/contacts`, 'imported', [imported]);
  })
  .get('/sessions/:id/attendance', async (c) =>
    render(c, <AttendancePage c={c} language={workspaceLanguage(c)} data={await attendanceData(c)} />),
  )
  .post('/sessions/:id/attendance', async (c) => {
    const sessionId = pathId(c);
    const form = await readForm(c);
    const ticked = [form.contact ?? []].flat().filter((x): x is string => typeof x === 'string' && /^[1-9]\d{0,15}$/.test(x));
    const { attended } = await setAttendance(c.env, c.var.coordinator, sessionId, {
      contactIds: ticked.map(Number),
      people: [],
      replace: true,
    });
    return redirectDone(c, `/app/sessions/${sessionId}/attendance`, 'attendance', [attended]);
  })
  .post('/sessions/:id/attendance/add', async (c) => {
    const sessionId = pathId(c);
    const { book } = await formAddressBook(await readForm(c), 'file', 'emails');
    const { attended } = await setAttendance(c.env, c.var.coordinator, sessionId, {
      contactIds: [],
      people: book.contacts,
      replace: false,
    });
    return redirectDone(c, `/app/sessions/${sessionId}/attendance`, 'attendance', [attended]);
  })
  .post('/surveys/:id/invitations/from', async (c) => {
    const surveyId = pathId(c);
    const [source = '', id = ''] = text(await readForm(c), 'from').split(':');
    // An id the page did not offer names no survey or session: the action refuses it (422).
    const n = /^[1-9]\d{0,15}$/.test(id) ? Number(id) : 0;
    const input: InviteFromInput =
      source === 'invited' || source === 'answered'
        ? { source, survey_id: n }
        : source === 'attended'
          ? { source, session_id: n }
          : { source: 'directory' };
    const { added, already } = await inviteFrom(c.env, c.var.coordinator, surveyId, input);
    return redirectDone(c, `/app/surveys/${surveyId}/participants`, 'from', [added, already]);
  });
