/** Survey editor: question texts and options in three languages, order, required; preview. */
import { type Context, Hono } from 'hono';
import { type Definition, isChoice } from '../domain/definition.ts';
import { isLanguage, LANGUAGES, type Language, localize } from '../domain/language.ts';
import { applyEdits, catalogueFed, type EditIssue, moveQuestion, sameOptions, type TextEdit } from '../domain/survey-edit.ts';
import type { AppEnv } from '../env.ts';
import { notFound } from '../http/problem.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { html } from '../pages/layout.tsx';
import { linkContextFrom } from '../responses/responses.queries.ts';
import { SurveyPage } from '../responses/survey-page.tsx';
import { getSeries } from '../series/series.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { editDefinition } from '../surveys/surveys.actions.ts';
import { getSurvey, type SurveyRow } from '../surveys/surveys.queries.ts';
import { foreignThemeIssues } from '../surveys/theme-references.ts';
import { ownSurvey } from './owned.ts';
import { Csrf, type FormError, type FormFields, readForm, redirectWith, render, text, WorkspacePage, workspaceLanguage } from './shell.tsx';

type C = Context<AppEnv>;

function EditorPage({
  c,
  language,
  survey,
  definition,
  errors = [],
  conflict = false,
}: {
  c: C;
  language: Language;
  survey: SurveyRow;
  definition: Definition;
  errors?: FormError[];
  conflict?: boolean;
}) {
  const t = workspaceMessages(language);
  const locked = survey.response_count + survey.held_back > 0;
  const kind = t.session.kind[survey.kind];
  const invalid = new Set(errors.map((e) => e.field));
  const input = (id: string, label: string, value: string | undefined, required = false, readonly = false) => (
    <div class={`field${invalid.has(id) ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="text"
        value={value ?? ''}
        required={required}
        readonly={readonly}
        aria-invalid={invalid.has(id) ? 'true' : undefined}
      />
    </div>
  );
  return (
    <WorkspacePage c={c} language={language} title={t.editor.title(kind, survey.session_number)} errors={errors}>
      <p class="breadcrumb">
        <a href={`/app/sessions/${survey.session_id}`}>{t.session.title(survey.session_number)}</a>
      </p>
      <h1>{t.editor.title(kind, survey.session_number)}</h1>
      {conflict ? (
        <p class="error" role="alert">
          {t.editor.conflict}
        </p>
      ) : null}
      {locked ? <p class="note">{t.editor.optionsLocked}</p> : null}
      <p>
        <a href={`/app/surveys/${survey.id}/preview`}>{t.editor.preview}</a>
      </p>
      <form method="post" action={`/app/surveys/${survey.id}/edit`} class="stack">
        <Csrf token={c.var.csrfToken} />
        <input type="hidden" name="version" value={String(survey.definition_version)} />
        {/* First in the form, so Enter in any field saves rather than moves a question. */}
        <button type="submit">{t.editor.save}</button>
        {definition.questions.map((q, i) => (
          <fieldset class="question" id={`question-${q.id}`}>
            <legend class="legend">
              {t.editor.question(i + 1, t.editor.types[q.type])} — {localize(q.text, language)}
            </legend>
            <p class="actions">
              {i > 0 ? (
                <button type="submit" name="move" value={`up:${q.id}`} class="secondary">
                  {t.editor.up}
                  <span class="visually-hidden"> — {localize(q.text, language)}</span>
                </button>
              ) : null}
              {i < definition.questions.length - 1 ? (
                <button type="submit" name="move" value={`down:${q.id}`} class="secondary">
                  {t.editor.down}
                  <span class="visually-hidden"> — {localize(q.text, language)}</span>
                </button>
              ) : null}
            </p>
            {LANGUAGES.map((l) => input(`text_${l}-${q.id}`, t.editor.textIn[l], q.text[l], l === 'fr'))}
            <div class="field checkbox">
              <input type="checkbox" id={`required-${q.id}`} name={`required-${q.id}`} value="on" checked={q.required} />
              <label for={`required-${q.id}`}>{t.editor.required}</label>
            </div>
            {isChoice(q) ? (
              catalogueFed(q) ? (
                <p class="help">{t.editor.catalogueOptions}</p>
              ) : (
                <details open={errors.some((e) => e.field.startsWith(`option_`) && e.field.includes(`-${q.id}-`))}>
                  <summary>{t.editor.options}</summary>
                  {q.options.map((o) =>
                    LANGUAGES.map((l) =>
                      input(
                        `option_${l}-${q.id}-${o.id}`,
                        t.editor.optionIn(localize(o.label, language), t.editor.languageName[l]),
                        o.label[l],
                        l === 'fr',
                        locked,
                      ),
                    ),
                  )}
                </details>
              )
            ) : null}
          </fieldset>
        ))}
        <button type="submit">{t.editor.save}</button>
      </form>
    </WorkspacePage>
  );
}

function editsFrom(form: FormFields, def: Definition): Record<string, TextEdit> {
  const edits: Record<string, TextEdit> = {};
  for (const q of def.questions) {
    const options: TextEdit['options'] = {};
    if (isChoice(q)) {
      for (const o of q.options) {
        options[o.id] = Object.fromEntries(LANGUAGES.map((l) => [l, text(form, `option_${l}-${q.id}-${o.id}`)]));
      }
    }
    edits[q.id] = {
      text: Object.fromEntries(LANGUAGES.map((l) => [l, text(form, `text_${l}-${q.id}`)])),
      required: text(form, `required-${q.id}`) === 'on',
      options,
    };
  }
  return edits;
}

function issueText(issue: EditIssue, def: Definition, t: ReturnType<typeof workspaceMessages>, language: Language): string {
  const [kind = '', rest = ''] = issue.field.split('-', 2) as [string, string];
  const lang = kind.split('_')[1] as Language;
  const q = def.questions.find((x) => issue.field.startsWith(`${kind}-${x.id}`));
  const what = kind.startsWith('text')
    ? t.editor.textIn[lang]
    : q
      ? t.editor.optionIn(issue.field.slice(`${kind}-${q.id}-`.length), t.editor.languageName[lang] ?? '')
      : rest;
  const message =
    issue.code === 'required'
      ? t.invalid.required
      : issue.code === 'too_long'
        ? t.invalid.tooLong
        : issue.code === 'options_locked'
          ? t.invalid.optionsLocked
          : issue.code === 'characters'
            ? t.invalid.characters
            : t.invalid.questions;
  return `${q ? `${localize(q.text, language)} — ` : ''}${issue.code === 'invalid' ? '' : `${what}: `}${message}`;
}

export const surveyEditorPages = new Hono<AppEnv>()
  .get('/surveys/:id/edit', async (c) => {
    const survey = await ownSurvey(c);
    return render(
      c,
      <EditorPage c={c} language={workspaceLanguage(c)} survey={survey} definition={JSON.parse(survey.definition) as Definition} />,
    );
  })
  .post('/surveys/:id/edit', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const survey = await ownSurvey(c);
    const form = await readForm(c);
    const current = JSON.parse(survey.definition) as Definition;
    const locked = survey.response_count + survey.held_back > 0;
    const applied = applyEdits(current, editsFrom(form, current), locked);
    // The editor keeps each option's theme, but a definition stored before references were
    // checked may hold another series' theme: it is not saved again as it is.
    const foreign = applied.ok ? await foreignThemeIssues(c.env.DB, survey.series_id, applied.definition.questions) : [];
    if (!applied.ok || foreign.length) {
      const issues: EditIssue[] = applied.ok ? [{ field: 'questions', code: 'invalid' }] : applied.issues;
      const errors = issues.map((i) => ({ field: i.field, message: i.code, text: issueText(i, current, t, language) }));
      return render(c, <EditorPage c={c} language={language} survey={survey} definition={current} errors={errors} />, 422);
    }
    let next = applied.definition;
    const [direction, questionId] = text(form, 'move').split(':');
    if ((direction === 'up' || direction === 'down') && questionId) next = moveQuestion(next, questionId, direction) ?? next;
    const version = Number(text(form, 'version'));
    const saved =
      Number.isInteger(version) &&
      (await editDefinition(c.env, c.var.coordinator, survey, {
        definition: JSON.stringify(next),
        version,
        optionsChanged: !sameOptions(current, next),
      }));
    if (!saved) {
      const fresh = (await getSurvey(c.env.DB, c.var.coordinator.organisationId, survey.id)) ?? survey;
      return render(
        c,
        <EditorPage c={c} language={language} survey={fresh} definition={JSON.parse(fresh.definition) as Definition} conflict />,
        409,
      );
    }
    return redirectWith(c, `/app/surveys/${survey.id}/edit${questionId ? `#question-${questionId}` : ''}`, 'saved');
  })
  .get('/surveys/:id/preview', async (c) => {
    const survey = await ownSurvey(c);
    const org = c.var.coordinator.organisationId;
    const [session, series] = await Promise.all([getSession(c.env.DB, org, survey.session_id), getSeries(c.env.DB, org, survey.series_id)]);
    if (!session || !series) throw notFound('survey');
    const asked = c.req.query('lang');
    const language: Language = isLanguage(asked) ? asked : series.language;
    const t = workspaceMessages(workspaceLanguage(c));
    const action = `/app/surveys/${survey.id}/preview`;
    const page = (
      <SurveyPage
        token=""
        language={language}
        answers={null}
        updatedAt={null}
        context={linkContextFrom({
          survey,
          series,
          session,
          nextSession: null,
          invitation: { id: 0, language, openedAt: null },
          hasSubmissionWebhooks: false,
        })}
        preview={{
          action,
          notice: (
            <>
              {t.editor.previewNote} <a href={`/app/surveys/${survey.id}/edit`}>{t.editor.backToEditor}</a>
            </>
          ),
        }}
      />
    );
    return c.html(await html(page), 200, { 'Cache-Control': 'no-store' });
  });
