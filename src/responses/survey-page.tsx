/** The participant's pages: the survey form, the confirmation, and the refusals. */
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Answers, AnswerValue, FieldIssue } from '../domain/answers.ts';
import type { Option, Question } from '../domain/definition.ts';
import { type Language, localize } from '../domain/language.ts';
import { formatDateTime, type Messages, messages } from '../i18n/index.ts';
import { ErrorSummary } from '../pages/field.tsx';
import { Layout } from '../pages/layout.tsx';
import type { LinkRefusal } from './participation.ts';
import type { LinkContext, SessionInfo } from './responses.queries.ts';

const qid = (q: Question) => `q-${q.id}`;

function SessionFacts({ session, language, heading }: { session: SessionInfo; language: Language; heading: string }) {
  const t = messages(language);
  return (
    <section class="session" aria-labelledby={`session-${session.id}`}>
      <h2 id={`session-${session.id}`}>
        {heading} — {t.session(session.number)}
      </h2>
      <dl>
        <dt>{t.when}</dt>
        <dd>{formatDateTime(session.starts_at, language)}</dd>
        {session.place ? (
          <>
            <dt>{t.at}</dt>
            <dd>{session.place}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function hint(q: Question, t: Messages): string | null {
  if (q.type === 'multiple') {
    if (q.min !== undefined && q.max !== undefined) return t.chooseBetween(q.min, q.max);
    if (q.min !== undefined && q.min > 1) return t.chooseAtLeast(q.min);
    if (q.max !== undefined) return t.chooseAtMost(q.max);
  }
  if (q.type === 'ranking') return t.rankingHelp;
  if (q.type === 'text') return t.maxCharacters(q.max_length);
  return null;
}

function QuestionField({
  q,
  value,
  issue,
  language,
}: {
  q: Question;
  value: AnswerValue | undefined;
  issue?: FieldIssue;
  language: Language;
}) {
  const t = messages(language);
  const id = qid(q);
  const help = q.help ? localize(q.help, language) : hint(q, t);
  const describedBy = [help ? `${id}-help` : null, issue ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const label = (
    <>
      {localize(q.text, language)} <span class="req">({q.required ? t.required : t.optional})</span>
    </>
  );
  const helpText = help ? (
    <p class="help" id={`${id}-help`}>
      {help}
    </p>
  ) : null;
  const errorText = issue ? (
    <p class="error" id={`${id}-error`}>
      {t.issue[issue.code]}
    </p>
  ) : null;
  const invalid = issue ? 'true' : undefined;

  if (q.type === 'text') {
    return (
      <div class={`question${issue ? ' has-error' : ''}`}>
        <label for={id} class="legend">
          {label}
        </label>
        {helpText}
        {errorText}
        <textarea
          id={id}
          name={`q.${q.id}`}
          rows={q.max_length > 300 ? 5 : 2}
          maxlength={q.max_length}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        >
          {typeof value === 'string' ? value : ''}
        </textarea>
      </div>
    );
  }

  const options = (): JSX.Element[] | JSX.Element => {
    switch (q.type) {
      case 'single':
      case 'multiple': {
        const type = q.type === 'single' ? 'radio' : 'checkbox';
        const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
        const items = q.options.map((o) => (
          <li>
            <input type={type} id={`${id}-${o.id}`} name={`q.${q.id}`} value={o.id} checked={chosen.has(o.id)} aria-invalid={invalid} />
            <label for={`${id}-${o.id}`}>{localize(o.label, language)}</label>
          </li>
        ));
        if (q.type === 'single' && !q.required) {
          items.push(
            <li>
              <input type="radio" id={`${id}--none`} name={`q.${q.id}`} value="" checked={chosen.size === 0} />
              <label for={`${id}--none`}>{t.noAnswer}</label>
            </li>,
          );
        }
        return <ul class="choices">{items}</ul>;
      }
      case 'rating': {
        const items = [];
        for (let n = q.min; n <= q.max; n++) {
          const end = n === q.min ? q.min_label : n === q.max ? q.max_label : undefined;
          items.push(
            <li>
              <input type="radio" id={`${id}-${n}`} name={`q.${q.id}`} value={String(n)} checked={value === n} aria-invalid={invalid} />
              <label for={`${id}-${n}`}>
                {n}
                {end ? <span class="scale-end"> – {localize(end, language)}</span> : null}
              </label>
            </li>,
          );
        }
        if (!q.required) {
          items.push(
            <li>
              <input type="radio" id={`${id}--none`} name={`q.${q.id}`} value="" checked={value === undefined} />
              <label for={`${id}--none`}>{t.noAnswer}</label>
            </li>,
          );
        }
        return <ul class="choices rating">{items}</ul>;
      }
      case 'ranking': {
        const order = Array.isArray(value) ? value : [];
        const ranks = Array.from({ length: q.max_ranked }, (_, i) => i + 1);
        return (
          <>
            <ul class="ranking" data-max={q.max_ranked}>
              {q.options.map((o: Option) => {
                const rank = order.indexOf(o.id) + 1;
                return (
                  <li>
                    <select
                      id={`${id}-${o.id}`}
                      name={`q.${q.id}.${o.id}`}
                      aria-invalid={invalid}
                      aria-label={t.rankOf(localize(o.label, language))}
                    >
                      <option value="">{t.rankNone}</option>
                      {ranks.map((r) => (
                        <option value={String(r)} selected={r === rank}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <label for={`${id}-${o.id}`}>{localize(o.label, language)}</label>
                  </li>
                );
              })}
            </ul>
            <div class="rank-summary" hidden aria-live="polite">
              <p>{t.rankSummary}</p>
              <ol />
              <p class="rank-empty">{t.rankEmpty}</p>
            </div>
          </>
        );
      }
    }
  };

  return (
    <fieldset id={id} class={`question${issue ? ' has-error' : ''}`} aria-describedby={describedBy}>
      <legend class="legend">{label}</legend>
      {helpText}
      {errorText}
      {options()}
    </fieldset>
  );
}

export interface SurveyFormProps {
  token: string;
  context: LinkContext;
  language: Language;
  answers: Answers | Record<string, unknown> | null;
  updatedAt: string | null;
  /** An anonymous answer exists that this device cannot read back (src/responses/readback-device.ts). */
  answeredElsewhere?: boolean;
  issues?: FieldIssue[];
  /**
   * The coordinator's preview: the same page, whose form only reloads the preview (GET, so
   * nothing can be saved) and whose language switch stays in it, under a notice.
   */
  preview?: { action: string; notice: Child };
  /**
   * A coordinator keying in a paper sheet (src/paper/): the same form, posted to the workspace
   * with the fields it needs there (CSRF token, the sheet's id), under a notice.
   */
  keyIn?: { action: string; notice: Child; fields: Child };
}

export function SurveyPage({
  token,
  context,
  language,
  answers,
  updatedAt,
  answeredElsewhere,
  issues = [],
  preview,
  keyIn,
}: SurveyFormProps) {
  const t = messages(language);
  const title = `${context.seriesTitle} — ${t.kind[context.kind]}`;
  const byQuestion = new Map(issues.map((i) => [i.field.replace(/^answers\./, ''), i]));
  return (
    <Layout
      language={language}
      title={issues.length ? `${t.errorSummary} ${title}` : title}
      languageHref={(l) => {
        const elsewhere = preview?.action ?? keyIn?.action;
        return elsewhere ? `${elsewhere}?lang=${l}` : `/s/${token}?lang=${l}`;
      }}
      script
    >
      {preview ? <p class="notice">{preview.notice}</p> : null}
      {keyIn ? <div class="notice">{keyIn.notice}</div> : null}
      <h1>
        {context.seriesTitle}
        <span class="subtitle">
          {t.kind[context.kind]} · {t.session(context.session.number)}
        </span>
      </h1>
      {keyIn ? null : <p>{t.intro}</p>}
      {context.anonymous ? <p class="note">{t.anonymous(context.minimum)}</p> : null}
      {answeredElsewhere && !issues.length ? <p class="notice">{t.answeredElsewhere}</p> : null}
      {context.closesAt ? <p>{t.closesOn(formatDateTime(context.closesAt, language))}</p> : null}
      {updatedAt && !issues.length ? <p class="note">{t.answeredOn(formatDateTime(updatedAt, language, !context.anonymous))}</p> : null}
      <ErrorSummary
        title={t.errorSummary}
        errors={issues.map((i) => {
          const q = context.definition.questions.find((x) => `answers.${x.id}` === i.field);
          return {
            field: i.field,
            href: q ? `#${qid(q)}` : '#main',
            text: `${q ? `${localize(q.text, language)} — ` : ''}${t.issue[i.code]}`,
          };
        })}
      />
      <form method={preview ? 'get' : 'post'} action={preview?.action ?? keyIn?.action ?? `/s/${token}?lang=${language}`} class="survey">
        <input type="hidden" name="lang" value={language} />
        {/* Lets the submission be checked against questions the Worker holds: one database call. */}
        {preview || keyIn ? null : <input type="hidden" name="survey" value={String(context.surveyId)} />}
        {keyIn?.fields}
        {context.definition.questions.map((q) => {
          const issue = byQuestion.get(q.id);
          return (
            <QuestionField
              q={q}
              value={(answers?.[q.id] as AnswerValue | undefined) ?? undefined}
              language={language}
              {...(issue ? { issue } : {})}
            />
          );
        })}
        <button type="submit">{t.submit}</button>
      </form>
    </Layout>
  );
}

function answerText(q: Question, value: AnswerValue | undefined, language: Language, t: Messages): JSX.Element | string {
  if (value === undefined) return t.noAnswer;
  const label = (id: string) => {
    const o = 'options' in q ? q.options.find((x) => x.id === id) : undefined;
    return o ? localize(o.label, language) : id;
  };
  switch (q.type) {
    case 'single':
      return label(String(value));
    case 'multiple':
      return (
        <ul>
          {(value as string[]).map((id) => (
            <li>{label(id)}</li>
          ))}
        </ul>
      );
    case 'ranking':
      return (
        <ol>
          {(value as string[]).map((id) => (
            <li>{label(id)}</li>
          ))}
        </ol>
      );
    case 'rating':
      return `${value} / ${q.max}`;
    case 'text':
      return String(value);
  }
}

export function ConfirmationPage({
  token,
  context,
  language,
  answers,
}: {
  token: string;
  context: LinkContext;
  language: Language;
  answers: Answers;
}) {
  const t = messages(language);
  const upcoming = context.kind === 'pre' ? context.session : context.nextSession;
  return (
    <Layout language={language} title={t.confirmTitle} languageHref={(l) => `/s/${token}/done?lang=${l}`}>
      <h1>{t.confirmTitle}</h1>
      <p>{t.confirmChange}</p>
      <p>
        <a href={`/s/${token}?lang=${language}`}>{t.changeAnswers}</a>
      </p>
      {upcoming ? (
        <>
          <SessionFacts session={upcoming} language={language} heading={context.kind === 'pre' ? t.thisSession : t.nextSession} />
          <p>
            <a href={`/s/${token}/session.ics`} download={`session-${upcoming.number}.ics`}>
              {t.addToCalendar}
            </a>
          </p>
        </>
      ) : null}
      <h2>{t.confirmRecorded}</h2>
      <dl class="recorded">
        {context.definition.questions.map((q) => (
          <>
            <dt>{localize(q.text, language)}</dt>
            <dd>{answerText(q, answers[q.id], language, t)}</dd>
          </>
        ))}
      </dl>
    </Layout>
  );
}

export function RefusalPage({ reason, language, answered }: { reason: LinkRefusal | 'error'; language: Language; answered?: boolean }) {
  const t = messages(language);
  const [title, body] =
    reason === 'not-found'
      ? [t.notFoundTitle, t.notFoundBody]
      : reason === 'not-open'
        ? [t.notOpenTitle, t.notOpenBody]
        : reason === 'closed'
          ? [t.closedTitle, t.closedBody]
          : [t.errorTitle, t.errorBody];
  return (
    <Layout language={language} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      {answered ? <p>{t.closedAnswered}</p> : null}
    </Layout>
  );
}
