import type * as v from 'valibot';
import { writeAudit } from '../audit/audit.queries.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { invalid, notFound, Problem } from '../http/problem.ts';
import { randomSecret } from '../lib/crypto.ts';
import { contract } from '../openapi/contract.ts';
import { idBases, readSeriesExport, writeImport } from './exports.queries.ts';
import { ImportResponseSchema, SeriesExportSchema } from './exports.schemas.ts';
import { planImport, referenceIssues } from './series-export.ts';

/** Fresh ids are taken just above the highest ones; a concurrent insert makes the batch fail whole, then it is planned again. */
const IMPORT_ATTEMPTS = 3;

const tag = 'export';
const auth = 'coordinator';

export const exportsRoutes = new Hono<AppEnv>()
  .get(
    '/series/:id/export',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Export a series as JSON',
        description:
          'Definitions, themes (with merges), sessions, surveys with participation counts and aggregated results; individual answers only of surveys that are not anonymous, under an export-local respondent number. Never e-mail addresses, names, tokens or invitation ids.',
        tag,
        auth,
        responses: { 200: { description: 'The export (format `relais.series`, version 1)', schema: SeriesExportSchema } },
      },
    }),
    async (c) => {
      const doc = await readSeriesExport(c.env.DB, c.var.coordinator.organisationId, pathId(c), new Date());
      if (!doc) throw notFound('series');
      return c.json(doc satisfies v.InferOutput<typeof SeriesExportSchema>, 200, {
        'Content-Disposition': `attachment; filename="series-${doc.series.id}.json"`,
        // Named surveys' answers are in it.
        'Cache-Control': 'no-store',
      });
    },
  )
  .post(
    '/series/import',
    contract({
      body: SeriesExportSchema,
      docs: RELAIS_DOCS && {
        summary: 'Import an exported series into your organisation',
        description: 'All or nothing; every id is new. Imported surveys keep the exported counts and results.',
        tag,
        auth,
        responses: { 201: { description: '`{id, title, themes, sessions, surveys, responses}`', schema: ImportResponseSchema } },
      },
    }),
    async (c) => {
      const doc = c.req.valid('json');
      const issues = referenceIssues(doc);
      if (issues.length) throw invalid(issues, 'The file refers to things it does not contain; nothing was imported.');
      const importKey = randomSecret(9);
      for (let attempt = 1; ; attempt++) {
        const plan = planImport(doc, await idBases(c.env.DB), importKey);
        try {
          await writeImport(c.env.DB, c.var.coordinator.organisationId, plan, [
            writeAudit(c.env.DB, c.var.coordinator, 'series.import', `series:${plan.series.id}`, { responses: plan.responses.length }),
          ]);
        } catch (error) {
          if (attempt < IMPORT_ATTEMPTS && /UNIQUE constraint failed/.test(String(error))) continue;
          if (/UNIQUE constraint failed/.test(String(error))) {
            throw new Problem(503, 'import-busy', 'Try again', {
              detail: 'The database was busy; nothing was imported.',
              headers: { 'Retry-After': '1' },
            });
          }
          throw error;
        }
        return c.json(
          {
            id: plan.series.id,
            title: plan.series.title,
            themes: plan.themes.length,
            sessions: plan.sessions.length,
            surveys: plan.surveys.length,
            responses: plan.responses.length,
          } satisfies v.InferOutput<typeof ImportResponseSchema>,
          201,
          { Location: `/api/series/${plan.series.id}` },
        );
      }
    },
  );
