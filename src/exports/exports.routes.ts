import { Hono } from 'hono';
import { writeAudit } from '../audit/audit.queries.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { invalid, notFound, Problem } from '../http/problem.ts';
import { randomSecret } from '../lib/crypto.ts';
import { jsonInput } from '../openapi/json-input.ts';
import { idBases, readSeriesExport, writeImport } from './exports.queries.ts';
import { SeriesExportSchema } from './exports.schemas.ts';
import { planImport, referenceIssues } from './series-export.ts';

/** Fresh ids are taken just above the highest ones; a concurrent insert makes the batch fail whole, then it is planned again. */
const IMPORT_ATTEMPTS = 3;

export const exportsRoutes = new Hono<AppEnv>()
  .get('/series/:id/export', async (c) => {
    const doc = await readSeriesExport(c.env.DB, c.var.coordinator.organisationId, pathId(c), new Date());
    if (!doc) throw notFound('series');
    return c.json(doc, 200, {
      'Content-Disposition': `attachment; filename="series-${doc.series.id}.json"`,
      // Named surveys' answers are in it.
      'Cache-Control': 'no-store',
    });
  })
  .post('/series/import', jsonInput(SeriesExportSchema), async (c) => {
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
        },
        201,
        { Location: `/api/series/${plan.series.id}` },
      );
    }
  });
