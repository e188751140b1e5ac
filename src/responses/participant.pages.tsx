/** The participant's pages under /s/:token: they work with plain HTML forms, JavaScript off. */
import type { Context } from 'hono';
import { calendarSession } from '../calendar/calendar.queries.ts';
import { icsCalendar, sessionEvent } from '../calendar/ics.ts';
import { answersFromForm } from '../domain/answers.ts';
import { isLanguage, type Language } from '../domain/language.ts';
import type { AppEnv } from '../env.ts';
import { readUrlEncoded } from '../http/body.ts';
import { pageHeaders, personalLinkHeaders } from '../http/headers.ts';
import { Hono } from '../http/hono.ts';
import { Problem } from '../http/problem.ts';
import { html } from '../pages/layout.tsx';
import { afterResponse } from '../webhooks/delivery.ts';
import { limitLinkGuessing } from './link-guessing.ts';
import { InvalidAnswers, type OpenLink, openLink, submit, submitToKnownSurvey } from './participation.ts';
import { deviceOf, rememberDevice } from './readback-device.ts';
import { ConfirmationPage, SurveyPage } from './survey-page.tsx';

/**
 * An anonymous ballot exists for this person but this link on this device cannot read it: the
 * page says so (who answered is no secret to the coordinator; what was answered is).
 */
const answeredElsewhere = (link: OpenLink) => Boolean(link.ballot && !link.ballot.readable);

/** The language the request asks for: the form's field, else ?lang= (the switch). */
function askedLanguage(c: Context, requested?: string | null): Language | null {
  const asked = requested ?? c.req.query('lang');
  return isLanguage(asked) ? asked : null;
}

/** ?lang= wins (the switch), then the language last answered in, then the invitation's. */
function pageLanguage(c: Context, link: OpenLink, requested?: string | null): Language {
  return askedLanguage(c, requested) ?? link.stored?.language ?? link.context.invitationLanguage;
}

const isForm = (c: Context) => /^application\/x-www-form-urlencoded\s*(;|$)/i.test(c.req.header('content-type') ?? '');

async function formFields(c: Context): Promise<Map<string, string[]>> {
  const fields = new Map<string, string[]>();
  for (const [key, value] of await readUrlEncoded(c)) {
    fields.set(key, [...(fields.get(key) ?? []), value]);
  }
  return fields;
}

export const participantPages = new Hono<AppEnv>()
  .use('*', pageHeaders, personalLinkHeaders, limitLinkGuessing)
  .get('/:token', async (c) => {
    const token = c.req.param('token');
    const link = await openLink(c.env, token, { markOpened: true, device: await deviceOf(c, token) });
    const language = pageLanguage(c, link);
    return c.html(
      await html(
        <SurveyPage
          token={token}
          context={link.context}
          language={language}
          answers={link.answers}
          updatedAt={link.stored?.updatedAt ?? null}
          answeredElsewhere={answeredElsewhere(link)}
        />,
      ),
    );
  })
  .post('/:token', async (c) => {
    const token = c.req.param('token');
    const posted = isForm(c) ? await formFields(c) : null;
    // The form names its survey: when this isolate holds its questions, one D1 call stores
    // the answers. Anything less than a clean store (errors to show, a closed link…) goes
    // the ordinary way below, which explains it.
    const surveyId = Number(posted?.get('survey')?.[0]);
    if (posted && Number.isSafeInteger(surveyId) && surveyId > 0) {
      const asked = posted.get('lang')?.[0] ?? c.req.query('lang');
      const saved = await submitToKnownSurvey(
        c.env,
        token,
        surveyId,
        (definition) => {
          const form = answersFromForm(definition, posted);
          return form.issues.length ? null : form.answers;
        },
        isLanguage(asked) ? asked : null,
        afterResponse(c),
      );
      if (saved) return c.redirect(`/s/${token}/done?lang=${saved.language}`, 303);
    }
    // The form names its language (a hidden field): an anonymous ballot need not be read
    // first, the submission's write tells a retry (participation.ts, submitBallot).
    const link = await openLink(c.env, token, {
      device: await deviceOf(c, token),
      readBallot: !posted || askedLanguage(c, posted.get('lang')?.[0]) === null,
    });
    const fields = posted ?? (await formFields(c));
    const language = pageLanguage(c, link, fields.get('lang')?.[0]);
    const form = answersFromForm(link.context.definition, fields);
    const renderErrors = async (issues: InvalidAnswers['issues']) =>
      c.html(
        await html(
          <SurveyPage token={token} context={link.context} language={language} answers={form.answers} updatedAt={null} issues={issues} />,
        ),
        422,
      );
    if (form.issues.length) return renderErrors(form.issues);
    try {
      const saved = await submit(c.env, link, form.answers, language, afterResponse(c));
      // This browser is the one that reads the anonymous answers back (the confirmation included).
      if (saved.device) await rememberDevice(c, token, saved.device);
    } catch (error) {
      if (error instanceof InvalidAnswers) return renderErrors(error.issues);
      throw error;
    }
    // Post/Redirect/Get: reloading the confirmation never re-submits.
    return c.redirect(`/s/${token}/done?lang=${language}`, 303);
  })
  .get('/:token/done', async (c) => {
    const token = c.req.param('token');
    const link = await openLink(c.env, token, { device: await deviceOf(c, token) });
    if (!link.answers) return c.redirect(`/s/${token}`, 303);
    const language = pageLanguage(c, link);
    return c.html(await html(<ConfirmationPage token={token} context={link.context} language={language} answers={link.answers} />));
  })
  .get('/:token/session.ics', async (c) => {
    const link = await openLink(c.env, c.req.param('token'));
    const { context } = link;
    const session = context.kind === 'pre' ? context.session : context.nextSession;
    if (!session) throw new Problem(404, 'not-found', 'Not found', { detail: 'No upcoming session is planned yet.' });
    // Read fresh: a session moved or cancelled since shows so, with its raised SEQUENCE.
    const current = (await calendarSession(c.env.DB, session.id)) ?? session;
    return c.body(icsCalendar([sessionEvent(current, context.seriesTitle)]), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="session-${session.number}.ics"`,
    });
  });
