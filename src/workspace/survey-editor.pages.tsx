/**
 * Survey editor: add, remove and reorder questions and options, change types, `max_ranked`,
 * scales, required, the profile question, texts in three languages; preview.
 *
 * One form holds every field, so that any of its buttons (move, remove, add an option, add a
 * question, save) sends the coordinator's unsaved wording along and nothing typed is lost —
 * without JavaScript. The handler turns the form into the whole list of questions and hands it
 * to the same action as `PUT /api/surveys/:id/questions` (surveys.actions.ts: schema, rules of
 * an answered survey, one batch with the audit entry); the page shows those rules before the
 * coordinator tries, and hides what they forbid.
 */
import type { Context } from 'hono';
import { type Definition, isChoice, type Question, type QuestionType } from '../domain/definition.ts';
import { isLanguage, LANGUAGES, type Language, type LocalizedText, localize } from '../domain/language.ts';
import { catalogueFed, type EditRule, moved, newQuestion, optionsFrom, withType } from '../domain/survey-edit.ts';
import { TEXT_REFUSAL_MESSAGES } from '../domain/text-hygiene.ts';
import type { AppEnv } from '../env.ts';
import { validate } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound, Problem, type ProblemField } from '../http/problem.ts';
import { editorMessages } from '../i18n/editor/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { html } from '../pages/layout.tsx';
import { coordinatorViewContext } from '../responses/responses.queries.ts';
import { SurveyPage } from '../responses/survey-page.tsx';
import { getSeries } from '../series/series.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { editQuestions } from '../surveys/surveys.actions.ts';
import { getSurvey, type SurveyRow } from '../surveys/surveys.queries.ts';
import { EditQuestionsSchema } from '../surveys/surveys.schemas.ts';
import { ownSurvey } from './owned.ts';
import { Csrf, type FormError, type FormFields, readForm, redirectWith, render, text, WorkspacePage, workspaceLanguage } from './shell.tsx';

type C = Context<AppEnv>;

const TYPES: readonly QuestionType[] = ['single', 'multiple', 'ranking', 'rating', 'text'];

/** Answers stored or ballots held: the rules of an answered survey apply (src/domain/survey-edit.ts). */
const answered = (survey: SurveyRow) => survey.response_count + survey.held_back > 0;

function EditorPage({
  c,
  language,
  survey,
  questions,
  errors = [],
  conflict = false,
  open,
  typed = {},
}: {
  c: C;
  language: Language;
  survey: SurveyRow;
  questions: Question[];
  errors?: FormError[];
  conflict?: boolean;
  /** The question whose options are shown unfolded (the one just changed). */
  open?: string | undefined;
  /** The form sent, shown back in the new option and new question fields after an error. */
  typed?: FormFields;
}) {
  const t = workspaceMessages(language);
  const e = editorMessages(language);
  const locked = answered(survey);
  const kind = t.session.kind[survey.kind];
  const invalid = new Set(errors.map((x) => x.field));
  const input = (id: string, label: string, value: string | undefined, required = false) => (
    <div class={`field${invalid.has(id) ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <input id={id} name={id} type="text" value={value ?? ''} required={required} aria-invalid={invalid.has(id) ? 'true' : undefined} />
    </div>
  );
  const number = (id: string, label: string, value: number | undefined, min: number, max: number, readonly = false) => (
    <div class={`field${invalid.has(id) ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="number"
        inputmode="numeric"
        min={String(min)}
        max={String(max)}
        value={value === undefined ? '' : String(value)}
        readonly={readonly}
        aria-invalid={invalid.has(id) ? 'true' : undefined}
      />
    </div>
  );
  const button = (op: string, label: string, context: string) => (
    <button type="submit" name="op" value={op} class="secondary">
      {label}
      <span class="visually-hidden"> — {context}</span>
    </button>
  );
  const profiles = questions.filter((q) => q.type === 'single' || q.type === 'multiple');
  const profile = profiles.find((q) => 'profile' in q && q.profile);
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
      {locked ? (
        <section class="note" aria-labelledby="edit-rule">
          <h2 id="edit-rule">{e.answeredTitle}</h2>
          <p>{e.answeredCan}</p>
          <p>{e.answeredCannot}</p>
        </section>
      ) : (
        <p class="note">{e.draftRule}</p>
      )}
      <p>
        <a href={`/app/surveys/${survey.id}/preview`}>{t.editor.preview}</a>
      </p>
      <form method="post" action={`/app/surveys/${survey.id}/edit`} class="stack">
        <Csrf token={c.var.csrfToken} />
        <input type="hidden" name="version" value={String(survey.definition_version)} />
        {/* First in the form, so Enter in any field saves rather than moves or removes. */}
        <button type="submit" name="op" value="save">
          {t.editor.save}
        </button>
        <div class={`field${invalid.has('profile') ? ' has-error' : ''}`}>
          <label for="profile">{e.profile}</label>
          <select id="profile" name="profile" disabled={locked}>
            <option value="">{e.profileNone}</option>
            {profiles.map((q) => (
              <option value={q.id} selected={q === profile}>
                {localize(q.text, language)}
              </option>
            ))}
          </select>
        </div>
        <div id="questions">
          {questions.map((q, i) => {
            const context = localize(q.text, language);
            return (
              <fieldset class="question" id={`question-${q.id}`}>
                <legend class="legend">
                  {t.editor.question(i + 1, t.editor.types[q.type])} — {context}
                </legend>
                <p>
                  {i > 0 ? button(`up:${q.id}`, t.editor.up, context) : null}{' '}
                  {i < questions.length - 1 ? button(`down:${q.id}`, t.editor.down, context) : null}{' '}
                  {locked ? null : button(`remove:${q.id}`, e.removeQuestion, context)}
                </p>
                {locked ? null : (
                  <div class={`field${invalid.has(`type-${q.id}`) ? ' has-error' : ''}`}>
                    <label for={`type-${q.id}`}>{e.type}</label>
                    <select id={`type-${q.id}`} name={`type-${q.id}`}>
                      {TYPES.map((type) => (
                        <option value={type} selected={type === q.type}>
                          {t.editor.types[type]}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
                {LANGUAGES.map((l) => input(`text_${l}-${q.id}`, t.editor.textIn[l], q.text[l], l === 'fr'))}
                <div class={`field checkbox${invalid.has(`required-${q.id}`) ? ' has-error' : ''}`}>
                  <input
                    type="checkbox"
                    id={`required-${q.id}`}
                    name={`required-${q.id}`}
                    value="on"
                    checked={q.required}
                    disabled={locked && !q.required}
                  />
                  <label for={`required-${q.id}`}>{t.editor.required}</label>
                </div>
                {q.type === 'ranking' ? number(`max_ranked-${q.id}`, e.maxRanked, q.max_ranked, locked ? q.max_ranked : 1, 20) : null}
                {q.type === 'rating' ? (
                  <>
                    {number(`min-${q.id}`, e.scaleMin, q.min, 0, 10, locked)}
                    {number(`max-${q.id}`, e.scaleMax, q.max, 1, 10, locked)}
                  </>
                ) : null}
                {isChoice(q) ? (
                  catalogueFed(q) ? (
                    <p class="help">{t.editor.catalogueOptions}</p>
                  ) : (
                    <details open={open === q.id || errors.some((x) => x.field.includes(`-${q.id}-`) || x.field.endsWith(`-${q.id}`))}>
                      <summary>
                        {t.editor.options}
                        <span class="visually-hidden"> — {context}</span>
                      </summary>
                      {q.options.map((o, j) => {
                        const label = localize(o.label, language);
                        return (
                          <fieldset id={`option-${q.id}-${o.id}`}>
                            <legend>{e.optionLegend(label)}</legend>
                            {LANGUAGES.map((l) => input(`option_${l}-${q.id}-${o.id}`, e.optionLabelIn[l], o.label[l], l === 'fr'))}
                            <p>
                              {j > 0 ? button(`option-up:${q.id}:${o.id}`, t.editor.up, label) : null}{' '}
                              {j < q.options.length - 1 ? button(`option-down:${q.id}:${o.id}`, t.editor.down, label) : null}{' '}
                              {locked ? null : button(`remove-option:${q.id}:${o.id}`, e.removeOption, label)}
                            </p>
                          </fieldset>
                        );
                      })}
                      <fieldset id={`new-option-${q.id}`}>
                        <legend>{e.newOption}</legend>
                        {LANGUAGES.map((l) => input(`new_option_${l}-${q.id}`, e.optionLabelIn[l], text(typed, `new_option_${l}-${q.id}`)))}
                        <p>{button(`add-option:${q.id}`, e.addOption, context)}</p>
                      </fieldset>
                    </details>
                  )
                ) : null}
              </fieldset>
            );
          })}
        </div>
        <fieldset id="new-question">
          <legend>{e.addQuestion}</legend>
          <div class="field">
            <label for="new_type">{e.type}</label>
            <select id="new_type" name="new_type">
              {TYPES.map((type) => (
                <option value={type} selected={text(typed, 'new_type') === type}>
                  {t.editor.types[type]}
                </option>
              ))}
            </select>
          </div>
          {LANGUAGES.map((l) => input(`new_text_${l}`, t.editor.textIn[l], text(typed, `new_text_${l}`)))}
          <div class={`field${invalid.has('new_options') ? ' has-error' : ''}`}>
            <label for="new_options">{e.newOptions}</label>
            <textarea id="new_options" name="new_options" rows={4} aria-invalid={invalid.has('new_options') ? 'true' : undefined}>
              {text(typed, 'new_options')}
            </textarea>
          </div>
          <div class="field checkbox">
            <input
              type="checkbox"
              id="new_required"
              name="new_required"
              value="on"
              disabled={locked}
              aria-describedby="new-required-help"
            />
            <label for="new_required">{t.editor.required}</label>
          </div>
          {locked ? (
            <p class="help" id="new-required-help">
              {e.requiredAfterAnswers}
            </p>
          ) : null}
          <button type="submit" name="op" value="add-question" class="secondary">
            {e.addQuestionButton}
          </button>
        </fieldset>
        <button type="submit" name="op" value="save">
          {t.editor.save}
        </button>
      </form>
    </WorkspacePage>
  );
}

const has = (form: FormFields, name: string) => typeof form[name] === 'string';

/** A text in three languages from `<prefix>fr<suffix>`… fields; the current one when the form has none. */
function localizedFrom(form: FormFields, name: (l: Language) => string, current?: LocalizedText): LocalizedText | undefined {
  if (!has(form, name('fr'))) return current;
  const out: LocalizedText = { fr: text(form, name('fr')) };
  for (const l of ['nl', 'en'] as const) if (text(form, name(l)).trim()) out[l] = text(form, name(l));
  return out;
}

/** An integer field, or the current value when absent; NaN (refused by the schema) when not a number. */
const integerFrom = (form: FormFields, name: string, current: number) =>
  has(form, name) ? (/^\s*-?\d+\s*$/.test(text(form, name)) ? Number(text(form, name)) : Number.NaN) : current;

/** The questions as the form has them: each field read back over the stored question. */
function questionsFrom(form: FormFields, def: Definition): Question[] {
  const profile = has(form, 'profile') ? text(form, 'profile') : undefined;
  return def.questions.map((stored) => {
    const asked = text(form, `type-${stored.id}`) as QuestionType;
    let q: Question = TYPES.includes(asked) ? withType(stored, asked) : stored;
    q = {
      ...q,
      text: localizedFrom(form, (l) => `text_${l}-${q.id}`, q.text) ?? q.text,
      required: text(form, `required-${q.id}`) === 'on',
    };
    if (profile !== undefined && (q.type === 'single' || q.type === 'multiple')) q = { ...q, profile: profile === q.id };
    if (q.type === 'ranking') q = { ...q, max_ranked: integerFrom(form, `max_ranked-${q.id}`, q.max_ranked) };
    if (q.type === 'rating') q = { ...q, min: integerFrom(form, `min-${q.id}`, q.min), max: integerFrom(form, `max-${q.id}`, q.max) };
    if (isChoice(q) && !catalogueFed(q)) {
      const id = q.id;
      const options = q.options.map((o) => ({ ...o, label: localizedFrom(form, (l) => `option_${l}-${id}-${o.id}`, o.label) ?? o.label }));
      q = { ...q, options } as Question;
    }
    return q;
  });
}

type Applied = { ok: true; questions: Question[]; open?: string } | { ok: false; questions: Question[]; errors: ProblemField[] };

/** The button pressed: move, remove, add an option or a question (save: none of these). */
function applyOp(form: FormFields, questions: Question[]): Applied {
  const [op = '', qid = '', oid = ''] = text(form, 'op').split(':');
  const withOptions = (f: (q: Extract<Question, { options: unknown }>) => Question | null): Applied => {
    const q = questions.find((x) => x.id === qid);
    const next = q && isChoice(q) ? f(q) : null;
    return { ok: true, questions: next ? questions.map((x) => (x.id === qid ? next : x)) : questions, open: qid };
  };
  switch (op) {
    case 'up':
    case 'down':
      return { ok: true, questions: moved(questions, qid, op) ?? questions };
    case 'remove':
      return { ok: true, questions: questions.filter((q) => q.id !== qid) };
    case 'option-up':
    case 'option-down':
      return withOptions((q) => {
        const options = moved(q.options, oid, op === 'option-up' ? 'up' : 'down');
        return options ? ({ ...q, options } as Question) : null;
      });
    case 'remove-option':
      return withOptions((q) => ({ ...q, options: q.options.filter((o) => o.id !== oid) }) as Question);
    case 'add-option': {
      const label = localizedFrom(form, (l) => `new_option_${l}-${qid}`);
      if (!label?.fr.trim()) return { ok: false, questions, errors: [{ field: `new_option_fr-${qid}`, message: 'must not be empty' }] };
      return withOptions((q) => ({ ...q, options: [...q.options, ...optionsFrom([label], q.options)] }) as Question);
    }
    case 'add-question': {
      const type = text(form, 'new_type') as QuestionType;
      const label = localizedFrom(form, (l) => `new_text_${l}`);
      const lines = text(form, 'new_options')
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((fr) => ({ fr }));
      const errors: ProblemField[] = [];
      if (!TYPES.includes(type)) errors.push({ field: 'new_type', message: 'invalid value' });
      if (!label?.fr.trim()) errors.push({ field: 'new_text_fr', message: 'new_text' });
      if (['single', 'multiple', 'ranking'].includes(type) && lines.length === 0) errors.push({ field: 'new_options', message: 'options' });
      if (errors.length || !label) return { ok: false, questions, errors };
      const taken = new Set(questions.map((q) => q.id));
      const added = newQuestion(type, label, lines, taken, text(form, 'new_required') === 'on');
      return { ok: true, questions: [...questions, added], open: added.id };
    }
    default:
      return { ok: true, questions };
  }
}

/** The form field a problem's path names (`questions.2.options.1.label.nl` → `option_nl-<q>-<o>`). */
function formField(field: string, questions: readonly Question[]): { id: string; question?: Question } {
  const m = /^questions\.(\d+)(?:\.(.+))?$/.exec(field);
  const q = m ? questions[Number(m[1])] : undefined;
  if (!m || !q) return { id: field.startsWith('new_') ? field : 'questions' };
  const rest = m[2] ?? '';
  const text = /^text\.(fr|nl|en)$/.exec(rest);
  if (text) return { id: `text_${text[1]}-${q.id}`, question: q };
  const option = /^options\.(\d+)(?:\.label\.(fr|nl|en))?/.exec(rest);
  const o = option && isChoice(q) ? q.options[Number(option[1])] : undefined;
  if (o) return { id: `option_${option?.[2] ?? 'fr'}-${q.id}-${o.id}`, question: q };
  if (rest === 'max_ranked' || rest === 'type' || rest === 'required' || (q.type === 'rating' && (rest === 'min' || rest === 'max')))
    return { id: `${rest}-${q.id}`, question: q };
  if (rest === 'profile') return { id: 'profile', question: q };
  return { id: `question-${q.id}`, question: q };
}

/** Problems (the schema's, the rules', the form's own) as errors in the coordinator's language, each linking to its field. */
function formErrors(problems: readonly ProblemField[], questions: readonly Question[], language: Language): FormError[] {
  const t = workspaceMessages(language);
  const e = editorMessages(language);
  const seen = new Set<string>();
  return problems.flatMap((p) => {
    const { id, question } = formField(p.field, questions);
    if (seen.has(id)) return [];
    seen.add(id);
    const message =
      p.code && p.code in e.rules
        ? e.rules[p.code as EditRule]
        : p.message === 'must not be empty'
          ? t.invalid.required
          : p.message === 'new_text'
            ? e.newTextMissing
            : p.message === 'options'
              ? e.needOptions
              : p.message.startsWith('too long')
                ? t.invalid.tooLong
                : Object.values(TEXT_REFUSAL_MESSAGES).includes(p.message)
                  ? t.invalid.characters
                  : id === 'questions'
                    ? t.invalid.questions
                    : e.invalidValue;
    return [{ field: id, message: p.message, text: `${question ? `${localize(question.text, language)} — ` : ''}${message}` }];
  });
}

export const surveyEditorPages = new Hono<AppEnv>()
  .get('/surveys/:id/edit', async (c) => {
    const survey = await ownSurvey(c);
    const { questions } = JSON.parse(survey.definition) as Definition;
    return render(c, <EditorPage c={c} language={workspaceLanguage(c)} survey={survey} questions={questions} open={c.req.query('open')} />);
  })
  .post('/surveys/:id/edit', async (c) => {
    const language = workspaceLanguage(c);
    const survey = await ownSurvey(c);
    const form = await readForm(c);
    const applied = applyOp(form, questionsFrom(form, JSON.parse(survey.definition) as Definition));
    // What the coordinator typed is shown back with the errors, never lost.
    const refuse = (problems: readonly ProblemField[]) =>
      render(
        c,
        <EditorPage
          c={c}
          language={language}
          survey={survey}
          questions={applied.questions}
          errors={formErrors(problems, applied.questions, language)}
          typed={applied.ok ? {} : form}
          open={applied.ok ? applied.open : text(form, 'op').split(':')[1]}
        />,
        422,
      );
    if (!applied.ok) return refuse(applied.errors);
    try {
      const input = validate(EditQuestionsSchema, { questions: applied.questions, version: Number(text(form, 'version')) });
      await editQuestions(c.env, c.var.coordinator, survey.id, input);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      if (error.status === 422) return refuse(error.errors ?? []);
      if (error.status !== 409) throw error;
      const fresh = (await getSurvey(c.env.DB, c.var.coordinator.organisationId, survey.id)) ?? survey;
      const { questions } = JSON.parse(fresh.definition) as Definition;
      return render(c, <EditorPage c={c} language={language} survey={fresh} questions={questions} conflict />, 409);
    }
    const anchor = applied.open ?? text(form, 'op').split(':')[1];
    const at = anchor && applied.questions.some((q) => q.id === anchor) ? anchor : undefined;
    return redirectWith(
      c,
      `/app/surveys/${survey.id}/edit${applied.open ? `?open=${applied.open}` : ''}${at ? `#question-${at}` : ''}`,
      'saved',
    );
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
        context={coordinatorViewContext({ survey, series, session, language })}
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
