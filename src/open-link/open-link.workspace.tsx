/**
 * The open link in the coordinator's workspace: /app/surveys/:id/open-link shows the public
 * URL, who joined through it, and a form to switch it and set its cap. Same session cookie and
 * CSRF rules as every workspace page (requireSignedIn), same frame (WorkspacePage).
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import type { Language } from '../domain/language.ts';
import type { AppEnv } from '../env.ts';
import { pageHeaders } from '../http/headers.ts';
import { Hono } from '../http/hono.ts';
import { Problem } from '../http/problem.ts';
import { openLinkMessages } from '../i18n/open-link/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { PUBLIC_URL_MISSING, publicUrl } from '../lib/public-url.ts';
import type { SurveyRow } from '../surveys/surveys.queries.ts';
import { ownSurvey } from '../workspace/owned.ts';
import {
  Csrf,
  type FormError,
  readForm,
  redirectWith,
  render,
  requireSignedIn,
  text,
  WorkspacePage,
  workspaceError,
  workspaceLanguage,
} from '../workspace/shell.tsx';
import { saveOpenLink } from './open-link.actions.ts';
import { getOpenLink } from './open-link.queries.ts';
import { openLinkJson } from './open-link.routes.ts';
import { MAX_CAP, OpenLinkFormSchema } from './open-link.schemas.ts';

type C = Context<AppEnv>;

function OpenLinkPage({
  c,
  language,
  survey,
  errors = [],
  typedCap,
  link,
}: {
  c: C;
  language: Language;
  survey: SurveyRow;
  errors?: FormError[];
  typedCap?: string;
  link: ReturnType<typeof openLinkJson>;
}) {
  const w = workspaceMessages(language);
  const t = openLinkMessages(language).workspace;
  const title = t.title(w.session.kind[survey.kind], survey.session_number);
  const capError = errors.find((e) => e.field === 'cap');
  return (
    <WorkspacePage c={c} language={language} title={title} errors={errors}>
      <p class="breadcrumb">
        <a href={`/app/series/${survey.series_id}`}>{w.nav.series}</a> ›{' '}
        <a href={`/app/sessions/${survey.session_id}`}>{w.session.title(survey.session_number)}</a>
      </p>
      <h1>{title}</h1>
      <p>{t.intro}</p>
      {link.url ? (
        <dl class="facts">
          <dt>{t.url}</dt>
          <dd>
            <a href={link.url}>{link.url}</a>
          </dd>
          <dt>{t.state}</dt>
          <dd>{link.enabled ? t.on : t.off}</dd>
          <dt>{t.joined}</dt>
          <dd>{link.joined}</dd>
          <dt>{t.places}</dt>
          <dd>{link.places_left ?? t.noCap}</dd>
        </dl>
      ) : (
        <p class="note">{t.none}</p>
      )}
      <form method="post" action={`/app/surveys/${survey.id}/open-link`} class="stack">
        <Csrf token={c.var.csrfToken} />
        <div class="field checkbox">
          <input type="checkbox" id="enabled" name="enabled" value="1" checked={link.enabled} />
          <label for="enabled">{t.enabled}</label>
        </div>
        <div class={`field${capError ? ' has-error' : ''}`}>
          <label for="cap">{t.cap}</label>
          <p class="help" id="cap-help">
            {t.capHelp}
          </p>
          {capError ? (
            <p class="error" id="cap-error">
              {capError.text}
            </p>
          ) : null}
          <input
            type="text"
            id="cap"
            name="cap"
            inputmode="numeric"
            value={typedCap ?? (link.cap === null ? '' : String(link.cap))}
            aria-invalid={capError ? 'true' : undefined}
            aria-describedby={capError ? 'cap-help cap-error' : 'cap-help'}
          />
        </div>
        <button type="submit">{t.save}</button>
      </form>
      <p class="muted">{t.source}</p>
    </WorkspacePage>
  );
}

/** The handler loads what the page shows; the page only renders it. */
const loadLink = async (c: C, surveyId: number) => openLinkJson(await getOpenLink(c.env.DB, surveyId), publicUrl(c.env));

export const openLinkWorkspacePages = new Hono<AppEnv>()
  .use('/surveys/:id/open-link', pageHeaders, requireSignedIn)
  .get('/surveys/:id/open-link', async (c) => {
    const survey = await ownSurvey(c);
    return render(c, <OpenLinkPage c={c} language={workspaceLanguage(c)} survey={survey} link={await loadLink(c, survey.id)} />);
  })
  .post('/surveys/:id/open-link', async (c) => {
    const language = workspaceLanguage(c);
    const survey = await ownSurvey(c);
    const form = await readForm(c);
    const values = { enabled: text(form, 'enabled'), cap: text(form, 'cap') };
    const parsed = v.safeParse(OpenLinkFormSchema, values);
    if (!parsed.success) {
      const t = openLinkMessages(language).workspace;
      const errors = [{ field: 'cap', message: 'cap', text: `${t.cap}: ${t.capInvalid(MAX_CAP)}` }];
      const link = await loadLink(c, survey.id);
      return render(c, <OpenLinkPage c={c} language={language} survey={survey} errors={errors} typedCap={values.cap} link={link} />, 422);
    }
    await saveOpenLink(c.env, c.var.coordinator, survey.id, parsed.output);
    return redirectWith(c, `/app/surveys/${survey.id}/open-link`, 'saved');
  });

// As in the rest of the workspace: refusals a coordinator can act on are workspace pages.
openLinkWorkspacePages.onError((err, c) => {
  if (err instanceof Problem && err.status < 500 && err.status !== 413 && err.status !== 415) return workspaceError(c, err.status);
  if (err instanceof Problem && err.slug === PUBLIC_URL_MISSING) return workspaceError(c, 503);
  throw err;
});
