import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { createTheme, updateTheme } from './themes.actions.ts';
import { listThemes, themeJson } from './themes.queries.ts';
import { CreateThemeSchema, UpdateThemeSchema } from './themes.schemas.ts';

export const themesRoutes = new Hono<AppEnv>()
  .get('/series/:id/themes', async (c) => {
    const org = c.var.coordinator.organisationId;
    const seriesId = pathId(c);
    if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
    return c.json({ themes: (await listThemes(c.env.DB, org, seriesId)).map(themeJson) });
  })
  .post('/series/:id/themes', async (c) => {
    const seriesId = pathId(c);
    const { label } = await jsonBody(c, CreateThemeSchema);
    const theme = await createTheme(c.env, c.var.coordinator, { seriesId, label });
    return c.json(themeJson(theme), 201, { Location: `/api/themes/${theme.id}` });
  })
  .patch('/themes/:id', async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, UpdateThemeSchema);
    return c.json(themeJson(await updateTheme(c.env, c.var.coordinator, id, input)));
  });
