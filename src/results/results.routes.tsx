/**
 * Results of a survey and the brief of a session, for coordinators (Bearer key, organisation-scoped).
 * Both GET routes are in KEY_IN_BATCH (src/coordinators/auth.ts): a key is checked in their first
 * batch, so each reads through organisationScope and never c.var.coordinator before it.
 */
import type { Context } from 'hono';
import type * as v from 'valibot';
import { briefCsv } from '../brief/brief.csv.ts';
import { briefDocx, briefOdt, markdownBlocks } from '../brief/brief.document.ts';
import { briefMarkdown } from '../brief/brief.markdown.ts';
import { BriefPage } from '../brief/brief.page.tsx';
import { loadBrief } from '../brief/brief.ts';
import { organisationScope } from '../coordinators/key-scope.ts';
import { effectiveMinimum, gateSurvey } from '../domain/disclosure.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { pageHeaders } from '../http/headers.ts';
import { Hono } from '../http/hono.ts';
import { invalid, notFound } from '../http/problem.ts';
import { resultsMessages } from '../i18n/results/index.ts';
import { csvFilename, readerDialect } from '../lib/csv.ts';
import { contract } from '../openapi/contract.ts';
import { html } from '../pages/layout.tsx';
import { questionCsv, resultsLongCsv } from './results.csv.ts';
import { ResultsPage } from './results.page.tsx';
import { surveyResultsData } from './results.queries.ts';
import {
  BriefQuerySchema,
  BriefResponseSchema,
  formatFromAccept,
  ResultsQuerySchema,
  SurveyResultsResponseSchema,
} from './results.schemas.ts';
import { shapeResults } from './results.ts';

/** Results name people's answers in aggregate: never kept by a shared cache. */
const PRIVATE = { 'Cache-Control': 'no-store' };

function download(c: Context, body: string | Uint8Array<ArrayBuffer>, type: string, filename: string) {
  return c.body(body, 200, { ...PRIVATE, 'Content-Type': type, 'Content-Disposition': `attachment; filename="${csvFilename(filename)}"` });
}

const tag = 'results';
const auth = 'coordinator';

export const resultsRoutes = new Hono<AppEnv>()
  .get(
    '/surveys/:id/results',
    contract({
      query: ResultsQuerySchema,
      docs: RELAIS_DOCS && {
        summary: 'Aggregated results of a survey',
        description:
          'JSON, CSV or a printable page (`?format=`, else the Accept header). Cells under the series’ minimum group size are hidden.',
        tag,
        auth,
        responses: { 200: { description: 'The results', schema: SurveyResultsResponseSchema, also: ['text/csv', 'text/html'] } },
      },
    }),
    pageHeaders,
    async (c) => {
      const id = pathId(c);
      const query = c.req.valid('query');
      const format =
        query.format ??
        formatFromAccept(c.req.header('accept'), { 'application/json': 'json', 'text/csv': 'csv', 'text/html': 'html' }, 'json');
      // The survey and its aggregates in one D1 call, an API key's check first (KEY_IN_BATCH,
      // src/coordinators/auth.ts); texts: the most frequent TEXT_LIMIT groups a question, all
      // of them in the CSV of one question.
      const oneCsv = !!query.question && format === 'csv';
      const read = await surveyResultsData(c.env.DB, organisationScope(c), id, {
        question: query.question ?? null,
        ...(oneCsv ? { textLimit: null } : {}),
      });
      if (!read) throw notFound('survey');
      const { ctx, def, agg } = read;
      if (query.question && !def.questions.some((q) => q.id === query.question)) {
        throw invalid([{ field: 'question', message: 'no such question in this survey' }]);
      }
      const language = query.lang ?? ctx.language;
      const t = resultsMessages(language);
      const results = shapeResults(
        ctx,
        gateSurvey(agg, def, effectiveMinimum(ctx.min_group_size, ctx.anonymous === 1)),
        language,
        { notStated: t.notStated, otherGroups: t.otherGroups },
        effectiveStatus(ctx.status, ctx.closes_at),
      );
      if (query.question) results.questions = results.questions.filter((q) => q.id === query.question);
      const base = `/api/surveys/${ctx.id}/results`;
      const name = `relais-survey-${ctx.id}-${ctx.kind}-${ctx.session_number}`;
      if (format === 'csv') {
        const one = results.questions[0];
        const dialect = readerDialect(query, c.req.header('accept-language'), ctx.language);
        if (query.question && one) return download(c, questionCsv(one, dialect), 'text/csv; charset=utf-8', `${name}-${one.id}.csv`);
        return download(c, resultsLongCsv(results, dialect), 'text/csv; charset=utf-8', `${name}.csv`);
      }
      if (format === 'html') {
        const q = query.question ? `&question=${query.question}` : '';
        return c.html(
          await html(<ResultsPage r={results} links={{ json: `${base}?format=json${q}`, csv: `${base}?format=csv${q}` }} />),
          200,
          PRIVATE,
        );
      }
      return c.json(results satisfies v.InferOutput<typeof SurveyResultsResponseSchema>, 200, PRIVATE);
    },
  )
  .get(
    '/sessions/:id/brief',
    contract({
      query: BriefQuerySchema,
      docs: RELAIS_DOCS && {
        summary: 'The brief for the next session',
        description:
          'JSON, Markdown in the shape of the minutes, CSV, a printable page, or an editable document (`docx`, `odt`) (`?format=`, else the Accept header). The coordinator’s words (`written`) come before the figures (measured).',
        tag,
        auth,
        responses: {
          200: {
            description: 'The brief',
            schema: BriefResponseSchema,
            also: [
              'text/markdown',
              'text/csv',
              'text/html',
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              'application/vnd.oasis.opendocument.text',
            ],
          },
        },
      },
    }),
    pageHeaders,
    async (c) => {
      const id = pathId(c);
      const query = c.req.valid('query');
      const format =
        query.format ??
        formatFromAccept(
          c.req.header('accept'),
          {
            'application/json': 'json',
            'text/markdown': 'md',
            'text/csv': 'csv',
            'text/html': 'html',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
            'application/vnd.oasis.opendocument.text': 'odt',
          },
          'json',
        );
      const brief = await loadBrief(c.env.DB, organisationScope(c), id, query.lang);
      if (!brief) throw notFound('session');
      const name = `relais-brief-${brief.series.id}-session-${brief.for_session.number}`;
      if (format === 'md') return download(c, briefMarkdown(brief), 'text/markdown; charset=utf-8', `${name}.md`);
      if (format === 'csv') {
        const dialect = readerDialect(query, c.req.header('accept-language'), brief.series.language);
        return download(c, briefCsv(brief, dialect), 'text/csv; charset=utf-8', `${name}.csv`);
      }
      if (format === 'odt' || format === 'docx') {
        const title = resultsMessages(brief.language).briefTitle(brief.series.title, brief.for_session.number);
        const blocks = markdownBlocks(briefMarkdown(brief));
        return format === 'odt'
          ? download(
              c,
              briefOdt(blocks, title, brief.language) as Uint8Array<ArrayBuffer>,
              'application/vnd.oasis.opendocument.text',
              `${name}.odt`,
            )
          : download(
              c,
              briefDocx(blocks, title, brief.language) as Uint8Array<ArrayBuffer>,
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              `${name}.docx`,
            );
      }
      if (format === 'html') {
        const base = `/api/sessions/${id}/brief`;
        return c.html(
          await html(
            <BriefPage
              brief={brief}
              links={{
                json: `${base}?format=json`,
                md: `${base}?format=md`,
                csv: `${base}?format=csv`,
                docx: `${base}?format=docx`,
                odt: `${base}?format=odt`,
              }}
            />,
          ),
          200,
          PRIVATE,
        );
      }
      return c.json(brief satisfies v.InferOutput<typeof BriefResponseSchema>, 200, PRIVATE);
    },
  );
