import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { getSeries } from '../series/series.queries.ts';
import { createTheme, updateTheme } from './themes.actions.ts';
import { listThemes, themeJson } from './themes.queries.ts';
import { CreateThemeSchema, ThemeListResponseSchema, ThemeResponseSchema, UpdateThemeSchema } from './themes.schemas.ts';

const tag = 'themes';
const auth = 'coordinator';

export const themesRoutes = new Hono<AppEnv>()
  .get(
    '/series/:id/themes',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'The theme catalogue of a series',
        tag,
        auth,
        responses: { 200: { description: '`{themes: [...]}`', schema: ThemeListResponseSchema } },
      },
    }),
    async (c) => {
      const org = c.var.coordinator.organisationId;
      const seriesId = pathId(c);
      if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
      const themes = (await listThemes(c.env.DB, org, seriesId)).map(themeJson);
      return c.json({ themes } satisfies v.InferOutput<typeof ThemeListResponseSchema>);
    },
  )
  .post(
    '/series/:id/themes',
    contract({
      body: CreateThemeSchema,
      docs: RELAIS_DOCS && {
        summary: 'Add a theme to the catalogue',
        tag,
        auth,
        responses: { 201: { description: 'The theme created (its URL in Location)', schema: ThemeResponseSchema } },
      },
    }),
    async (c) => {
      const { label } = c.req.valid('json');
      const theme = await createTheme(c.env, c.var.coordinator, { seriesId: pathId(c), label });
      return c.json(themeJson(theme) satisfies v.InferOutput<typeof ThemeResponseSchema>, 201, { Location: `/api/themes/${theme.id}` });
    },
  )
  .patch(
    '/themes/:id',
    contract({
      body: UpdateThemeSchema,
      docs: RELAIS_DOCS && {
        summary: 'Rename, archive, reactivate or merge a theme',
        tag,
        auth,
        responses: { 200: { description: 'The updated theme', schema: ThemeResponseSchema } },
      },
    }),
    async (c) => {
      const theme = await updateTheme(c.env, c.var.coordinator, pathId(c), c.req.valid('json'));
      return c.json(themeJson(theme) satisfies v.InferOutput<typeof ThemeResponseSchema>);
    },
  );
