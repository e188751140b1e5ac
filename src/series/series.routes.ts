import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { listSessions, sessionJson } from '../sessions/sessions.queries.ts';
import { listThemes, themeJson } from '../themes/themes.queries.ts';
import { createSeries, updateSeries } from './series.actions.ts';
import { getSeries, listSeries, seriesJson } from './series.queries.ts';
import {
  CreateSeriesSchema,
  SeriesDetailResponseSchema,
  SeriesListResponseSchema,
  SeriesResponseSchema,
  UpdateSeriesSchema,
} from './series.schemas.ts';

const tag = 'series';
const auth = 'coordinator';

export const seriesRoutes = new Hono<AppEnv>()
  .get(
    '/series',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'List the series of your organisation',
        tag,
        auth,
        responses: { 200: { description: '`{series: [...]}`', schema: SeriesListResponseSchema } },
      },
    }),
    async (c) => {
      const { results } = await listSeries(c.env.DB, c.var.coordinator.organisationId);
      return c.json({ series: results.map(seriesJson) } satisfies v.InferOutput<typeof SeriesListResponseSchema>);
    },
  )
  .post(
    '/series',
    contract({
      body: CreateSeriesSchema,
      docs: RELAIS_DOCS && {
        summary: 'Create a series',
        tag,
        auth,
        responses: { 201: { description: 'The series created (its URL in Location)', schema: SeriesResponseSchema } },
      },
    }),
    async (c) => {
      const row = await createSeries(c.env, c.var.coordinator, c.req.valid('json'));
      return c.json(seriesJson(row) satisfies v.InferOutput<typeof SeriesResponseSchema>, 201, { Location: `/api/series/${row.id}` });
    },
  )
  .get(
    '/series/:id',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Read a series with its sessions and themes',
        tag,
        auth,
        responses: { 200: { description: 'The series', schema: SeriesDetailResponseSchema } },
      },
    }),
    async (c) => {
      const org = c.var.coordinator.organisationId;
      const id = pathId(c);
      const series = await getSeries(c.env.DB, org, id);
      if (!series) throw notFound('series');
      const [sessions, themes] = await Promise.all([listSessions(c.env.DB, org, id), listThemes(c.env.DB, org, id)]);
      return c.json({
        ...seriesJson(series),
        sessions: sessions.map(sessionJson),
        themes: themes.map(themeJson),
      } satisfies v.InferOutput<typeof SeriesDetailResponseSchema>);
    },
  )
  .patch(
    '/series/:id',
    contract({
      body: UpdateSeriesSchema,
      docs: RELAIS_DOCS && {
        summary: 'Update a series',
        tag,
        auth,
        responses: { 200: { description: 'The updated series', schema: SeriesResponseSchema } },
      },
    }),
    async (c) =>
      c.json(
        seriesJson(await updateSeries(c.env, c.var.coordinator, pathId(c), c.req.valid('json'))) satisfies v.InferOutput<
          typeof SeriesResponseSchema
        >,
      ),
  );
