/** The workspace's team page: the organisation's coordinators, invite a colleague, remove one. */
import type { Context } from 'hono';
import * as v from 'valibot';
import type { Language } from '../domain/language.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { Problem } from '../http/problem.ts';
import { contactsMessages } from '../i18n/contacts/index.ts';
import { formatDateTime } from '../i18n/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { ActionButton, Csrf, type FormError, readForm, render, text, WorkspacePage, workspaceLanguage } from '../workspace/shell.tsx';
import { inviteColleague, removeColleague } from './team.actions.ts';
import { listTeam } from './team.queries.ts';
import { InviteColleagueSchema } from './team.schemas.ts';

type C = Context<AppEnv>;

const REFUSALS = { 'cannot-remove-self': 'self', 'last-coordinator': 'last', 'coordinator-elsewhere': 'elsewhere' } as const;

function teamNotice(c: C, language: Language): string | null {
  const t = contactsMessages(language).team;
  const done = c.req.query('done');
  if (done === 'invited') return c.req.query('recorded') ? `${t.invited} ${t.recorded}` : t.invited;
  if (done === 'removed') return t.removed;
  return null;
}

const teamData = (c: C) => listTeam(c.env.DB, c.var.coordinator.organisationId);

function TeamPage({
  c,
  language,
  team,
  errors = [],
  email = '',
}: {
  c: C;
  language: Language;
  team: Awaited<ReturnType<typeof teamData>>;
  errors?: FormError[];
  email?: string;
}) {
  const t = contactsMessages(language).team;
  const me = c.var.coordinator;
  const csrf = c.var.csrfToken;
  const error = errors.find((e) => e.field === 'email');
  return (
    <WorkspacePage c={c} language={language} title={t.title} errors={errors} notice={teamNotice(c, language)}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ul class="cards">
        {team.map((m) => (
          <li>
            <strong>{m.email}</strong>
            {m.id === me.id ? ` (${t.you})` : ''}
            <br />
            {t.since} {formatDateTime(m.created_at, language, false)}
            {m.id !== me.id ? <ActionButton action={`/app/team/${m.id}/remove`} label={t.remove} token={csrf} context={m.email} /> : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="invite">
        <h2 id="invite">{t.invite}</h2>
        <form method="post" action="/app/team" class="stack">
          <Csrf token={csrf} />
          <p class="help" id="invite-help">
            {t.inviteHelp}
          </p>
          <div class={`field${error ? ' has-error' : ''}`}>
            <label for="email">{t.email}</label>
            {error ? (
              <p class="error" id="email-error">
                {error.text}
              </p>
            ) : null}
            <input
              type="email"
              id="email"
              name="email"
              value={email}
              autocomplete="off"
              aria-describedby={error ? 'invite-help email-error' : 'invite-help'}
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
          <button type="submit">{t.submit}</button>
        </form>
      </section>
    </WorkspacePage>
  );
}

export const teamPages = new Hono<AppEnv>()
  .get('/team', async (c) => render(c, <TeamPage c={c} language={workspaceLanguage(c)} team={await teamData(c)} />))
  .post('/team', async (c) => {
    const language = workspaceLanguage(c);
    const t = contactsMessages(language).team;
    const w = workspaceMessages(language);
    const email = text(await readForm(c), 'email');
    const parsed = v.safeParse(InviteColleagueSchema, { email });
    if (!parsed.success) {
      const errors = [{ field: 'email', message: 'email', text: `${t.email}: ${w.invalid.email}` }];
      return render(c, <TeamPage c={c} language={language} team={await teamData(c)} errors={errors} email={email} />, 422);
    }
    try {
      const invited = await inviteColleague(c.env, c.var.coordinator, parsed.output.email, language);
      const query = new URLSearchParams({ done: 'invited', ...(invited.delivery === 'recorded' ? { recorded: '1' } : {}) });
      return c.redirect(`/app/team?${query}`, 303);
    } catch (error) {
      if (error instanceof Problem && error.slug === 'coordinator-elsewhere') {
        const errors = [{ field: 'email', message: error.slug, text: `${t.email}: ${t.refusals.elsewhere}` }];
        return render(c, <TeamPage c={c} language={language} team={await teamData(c)} errors={errors} email={email} />, 409);
      }
      throw error;
    }
  })
  .post('/team/:id/remove', async (c) => {
    const language = workspaceLanguage(c);
    const t = contactsMessages(language).team;
    try {
      await removeColleague(c.env, c.var.coordinator, pathId(c));
      return c.redirect('/app/team?done=removed', 303);
    } catch (error) {
      const key = error instanceof Problem ? REFUSALS[error.slug as keyof typeof REFUSALS] : undefined;
      if (key && key !== 'elsewhere') {
        return render(
          c,
          <TeamPage c={c} language={language} team={await teamData(c)} errors={[{ field: 'team', message: key, text: t.refusals[key] }]} />,
          409,
        );
      }
      throw error;
    }
  });
