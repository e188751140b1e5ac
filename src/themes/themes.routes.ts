import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { invalid, notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { createTheme, getTheme, listThemes, mergeTheme, renameTheme, setThemeStatus, themeJson } from './themes.queries.ts';
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
    const theme = await createTheme(c.env.DB, c.var.coordinator.organisationId, seriesId, label);
    if (!theme) throw notFound('series');
    return c.json(themeJson(theme), 201, { Location: `/api/themes/${theme.id}` });
  })
  .patch('/themes/:id', async (c) => {
    const org = c.var.coordinator.organisationId;
    const id = pathId(c);
    const input = await jsonBody(c, UpdateThemeSchema);
    const theme = await getTheme(c.env.DB, org, id);
    if (!theme) throw notFound('theme');
    const writes: D1PreparedStatement[] = [];
    if (input.label) writes.push(renameTheme(c.env.DB, id, input.label));
    if (input.merged_into !== undefined) {
      const target = await getTheme(c.env.DB, org, input.merged_into);
      const field = 'merged_into';
      if (!target || target.series_id !== theme.series_id) throw invalid([{ field, message: 'no such theme in this series' }]);
      if (target.id === id) throw invalid([{ field, message: 'a theme cannot be merged into itself' }]);
      if (target.status !== 'active') throw invalid([{ field, message: 'the target theme must be active' }]);
      writes.push(...mergeTheme(c.env.DB, id, target.id));
    } else if (input.status) {
      writes.push(setThemeStatus(c.env.DB, id, input.status));
    }
    await c.env.DB.batch(writes);
    const updated = await getTheme(c.env.DB, org, id);
    if (!updated) throw notFound('theme');
    return c.json(themeJson(updated));
  });
