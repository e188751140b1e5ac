/** Data protection: one participant's data exported or erased; the audit log. */
import type { Context } from 'hono';
import { listAudit } from '../audit/audit.queries.ts';
import type { Language } from '../domain/language.ts';
import type { AppEnv } from '../env.ts';
import { Hono } from '../http/hono.ts';
import { formatDateTime } from '../i18n/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { eraseParticipant, exportParticipantData } from '../invitations/invitations.actions.ts';
import {
  Csrf,
  checkForm,
  Field,
  type FormError,
  readForm,
  redirectWith,
  render,
  text,
  WorkspacePage,
  workspaceLanguage,
} from './shell.tsx';
import { ParticipantEmailForm } from './workspace.schemas.ts';

type C = Context<AppEnv>;

function PrivacyPage({
  c,
  language,
  errors = [],
  email = '',
  form,
}: {
  c: C;
  language: Language;
  errors?: FormError[];
  email?: string;
  form?: 'export' | 'erase';
}) {
  const t = workspaceMessages(language);
  const csrf = c.var.csrfToken;
  const errorsOf = (f: 'export' | 'erase') => (form === f ? errors : []);
  return (
    <WorkspacePage c={c} language={language} title={t.privacy.title} errors={errors}>
      <h1>{t.privacy.title}</h1>
      <p>{t.privacy.intro}</p>
      <section aria-labelledby="export">
        <h2 id="export">{t.privacy.export}</h2>
        <form method="post" action="/app/privacy/export" class="stack">
          <Csrf token={csrf} />
          <Field
            id="email"
            type="email"
            label={t.field.participantEmail}
            value={form === 'export' ? email : ''}
            required
            errors={errorsOf('export')}
          />
          <button type="submit">{t.privacy.export}</button>
        </form>
      </section>
      <section aria-labelledby="erase">
        <h2 id="erase">{t.privacy.erase}</h2>
        <p>{t.privacy.eraseConfirm}</p>
        <form method="post" action="/app/privacy/erase" class="stack">
          <Csrf token={csrf} />
          <Field
            id="erase-email"
            type="email"
            label={t.field.participantEmail}
            value={form === 'erase' ? email : ''}
            required
            errors={errorsOf('erase')}
          />
          <button type="submit" class="danger">
            {t.privacy.erase}
          </button>
        </form>
      </section>
    </WorkspacePage>
  );
}

function AuditPage({ c, language, rows }: { c: C; language: Language; rows: Awaited<ReturnType<typeof listAudit>> }) {
  const t = workspaceMessages(language);
  return (
    <WorkspacePage c={c} language={language} title={t.audit.title}>
      <h1>{t.audit.title}</h1>
      {rows.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.audit.when}</th>
              <th scope="col">{t.audit.who}</th>
              <th scope="col">{t.audit.action}</th>
              <th scope="col">{t.audit.target}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{formatDateTime(r.created_at, language)}</td>
                <td>{r.actor ?? t.audit.cron}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.target}
                  {r.detail ? <span class="muted"> {r.detail}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t.audit.none}</p>
      )}
    </WorkspacePage>
  );
}

async function emailFrom(c: C, field: string, which: 'export' | 'erase') {
  const language = workspaceLanguage(c);
  const t = workspaceMessages(language);
  const form = await readForm(c);
  const raw = text(form, field);
  const checked = checkForm(ParticipantEmailForm, { email: raw }, t, { email: t.field.participantEmail });
  if (checked.ok) return { email: checked.output.email } as const;
  // Both forms validate an `email`; the summary must link to the field of the form sent.
  const errors = checked.errors.map((e) => ({ ...e, field: e.field === 'email' ? field : e.field }));
  return {
    email: null,
    page: await render(c, <PrivacyPage c={c} language={language} errors={errors} email={raw} form={which} />, 422),
  } as const;
}

export const privacyPages = new Hono<AppEnv>()
  .get('/privacy', async (c) => render(c, <PrivacyPage c={c} language={workspaceLanguage(c)} />))
  .post('/privacy/export', async (c) => {
    const checked = await emailFrom(c, 'email', 'export');
    if (checked.email === null) return checked.page;
    const { email } = checked;
    const data = await exportParticipantData(c.env, c.var.coordinator, email);
    const body = {
      email,
      exported_at: new Date().toISOString(),
      note: 'Answers to anonymous surveys are not linked to any person and cannot be included.',
      ...data,
    };
    return c.body(JSON.stringify(body, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="participant-data.json"',
      'Cache-Control': 'no-store',
    });
  })
  .post('/privacy/erase', async (c) => {
    const checked = await emailFrom(c, 'erase-email', 'erase');
    if (checked.email === null) return checked.page;
    const { email } = checked;
    const { erased_invitations } = await eraseParticipant(c.env, c.var.coordinator, email);
    return redirectWith(c, '/app/privacy', 'erased', [erased_invitations]);
  })
  .get('/audit', async (c) => {
    const rows = await listAudit(c.env.DB, c.var.coordinator.organisationId);
    return render(c, <AuditPage c={c} language={workspaceLanguage(c)} rows={rows} />);
  });
