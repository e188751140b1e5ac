/** Series list, series page (sessions, theme catalogue, proposals waiting, minimum group size, retention). */
import type { Context } from 'hono';
import { type Language, localize, themeLabel } from '../domain/language.ts';
import { groupTexts, normaliseText } from '../domain/text-normalise.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound, Problem } from '../http/problem.ts';
import { contactsMessages } from '../i18n/contacts/index.ts';
import { formatDateTime } from '../i18n/index.ts';
import { minutesMessages } from '../i18n/minutes/index.ts';
import { workspaceMessages } from '../i18n/workspace/index.ts';
import { createSeries, MINIMUM_ONLY_UP, updateSeries } from '../series/series.actions.ts';
import { getSeries, listSeries, type SeriesRow, seriesAnswered, seriesRetention } from '../series/series.queries.ts';
import { DEFAULT_RETENTION_DAYS } from '../series/series.schemas.ts';
import { createSession, SessionExists } from '../sessions/sessions.actions.ts';
import { listSessions } from '../sessions/sessions.queries.ts';
import { decidedProposals, proposalCounts } from '../themes/proposals.queries.ts';
import { createTheme, mergeProposal, promoteProposal, updateTheme } from '../themes/themes.actions.ts';
import { listThemes, type ThemeRow } from '../themes/themes.queries.ts';
import { ownSeries, ownTheme } from './owned.ts';
import {
  ActionButton,
  Csrf,
  checkForm,
  Field,
  type FormError,
  type FormFields,
  readForm,
  redirectWith,
  render,
  text,
  WorkspacePage,
  workspaceLanguage,
} from './shell.tsx';
import {
  MergeForm,
  ProposalForm,
  ProposalMergeForm,
  RetentionForm,
  SeriesForm,
  SeriesSettingsForm,
  SessionForm,
  ThemeForm,
} from './workspace.schemas.ts';

type C = Context<AppEnv>;

const seriesList = async (c: C) => (await listSeries(c.env.DB, c.var.coordinator.organisationId)).results;

function SeriesListPage({
  c,
  language,
  results,
  errors = [],
  values = {},
}: {
  c: C;
  language: Language;
  results: SeriesRow[];
  errors?: FormError[];
  values?: FormFields;
}) {
  const t = workspaceMessages(language);
  return (
    <WorkspacePage c={c} language={language} title={t.series.listTitle} errors={errors}>
      <h1>{t.series.listTitle}</h1>
      {results.length ? (
        <ul class="cards">
          {results.map((s) => (
            <li>
              <a href={`/app/series/${s.id}`}>{s.title}</a>
              {s.bassin ? <span class="muted"> — {s.bassin}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.series.none}</p>
      )}
      <section aria-labelledby="new-series">
        <h2 id="new-series">{t.series.create}</h2>
        <form method="post" action="/app/series" class="stack">
          <Csrf token={c.var.csrfToken} />
          <Field id="title" label={t.field.title} value={text(values, 'title')} required errors={errors} />
          <Field id="bassin" label={t.field.bassin} value={text(values, 'bassin')} errors={errors} />
          <LanguageSelect
            id="language"
            label={t.field.language}
            value={(text(values, 'language') || 'fr') as Language}
            language={language}
          />
          <button type="submit">{t.series.createSubmit}</button>
        </form>
      </section>
    </WorkspacePage>
  );
}

function LanguageSelect({ id, label, value, language }: { id: string; label: string; value: Language; language: Language }) {
  const t = workspaceMessages(language);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        {(['fr', 'nl', 'en'] as const).map((l) => (
          <option value={l} selected={l === value}>
            {t.languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface SeriesPageState {
  errors?: FormError[];
  /** Which form the errors and values belong to. */
  form?: 'session' | 'theme' | 'retention' | 'settings';
  values?: FormFields;
}

/** What the series page shows, loaded by its handlers. */
async function seriesData(c: C, series: SeriesRow) {
  const db = c.env.DB;
  const org = c.var.coordinator.organisationId;
  const [sessions, themes, counts, decided, retention, answered] = await Promise.all([
    listSessions(db, org, series.id),
    listThemes(db, org, series.id),
    proposalCounts(db, series.id),
    decidedProposals(db, series.id),
    seriesRetention(db, series.id),
    seriesAnswered(db, series.id),
  ]);
  return { series, sessions, themes, counts, decided, retention, answered };
}

function SeriesPage({
  c,
  language,
  data: { series, sessions, themes, counts, decided, retention, answered },
  state = {},
}: {
  c: C;
  language: Language;
  data: Awaited<ReturnType<typeof seriesData>>;
  state?: SeriesPageState;
}) {
  const t = workspaceMessages(language);
  const active = themes.filter((th) => th.status === 'active');
  const byId = new Map(themes.map((th) => [th.id, th]));
  const waiting = groupTexts(counts).filter((g) => !decided.has(normaliseText(g.text)));
  const errors = state.errors ?? [];
  const formErrors = (form: SeriesPageState['form']) => (state.form === form ? errors : []);
  const value = (form: SeriesPageState['form'], name: string) => (state.form === form ? text(state.values ?? {}, name) : '');
  const csrf = c.var.csrfToken;
  const nextNumber = (sessions.at(-1)?.number ?? 0) + 1;
  return (
    <WorkspacePage c={c} language={language} title={series.title} errors={errors}>
      <p class="breadcrumb">
        <a href="/app/series">{t.nav.series}</a>
      </p>
      <h1>
        {series.title}
        {series.bassin ? <span class="subtitle">{series.bassin}</span> : null}
      </h1>
      <p>
        <a href={`/app/series/${series.id}/contacts`}>{contactsMessages(language).directory.link}</a>
      </p>

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t.series.sessions}</h2>
        {sessions.length ? (
          <ul class="cards">
            {sessions.map((s) => (
              <li>
                <a href={`/app/sessions/${s.id}`}>{t.session.title(s.number)}</a> — {formatDateTime(s.starts_at, language)}
                {s.place ? <span class="muted"> — {s.place}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.series.noSessions}</p>
        )}
        <details open={state.form === 'session'}>
          <summary>{t.series.addSession}</summary>
          <form method="post" action={`/app/series/${series.id}/sessions`} class="stack">
            <Csrf token={csrf} />
            <Field
              id="number"
              label={t.field.number}
              inputmode="numeric"
              value={value('session', 'number') || String(nextNumber)}
              required
              errors={formErrors('session')}
            />
            <Field id="date" type="date" label={t.field.date} value={value('session', 'date')} required errors={formErrors('session')} />
            <Field
              id="start"
              type="time"
              label={t.field.startTime}
              value={value('session', 'start')}
              required
              errors={formErrors('session')}
            />
            <Field id="end" type="time" label={t.field.endTime} value={value('session', 'end')} errors={formErrors('session')} />
            <Field id="place" label={t.field.place} value={value('session', 'place')} errors={formErrors('session')} />
            <button type="submit">{t.series.addSessionSubmit}</button>
          </form>
        </details>
      </section>

      <section aria-labelledby="catalogue">
        <h2 id="catalogue">{t.series.catalogue}</h2>
        <ul class="themes">
          {themes.map((th) => {
            const label = localize(themeLabel(th), language);
            const target = th.merged_into_id ? byId.get(th.merged_into_id) : undefined;
            return (
              <li class={th.status === 'archived' ? 'archived' : undefined}>
                <span class="theme-label">{label}</span>
                {th.status === 'archived' ? (
                  <span class="muted"> ({target ? t.series.mergedInto(localize(themeLabel(target), language)) : t.series.archived})</span>
                ) : null}
                <details>
                  <summary>
                    {t.series.rename}
                    <span class="visually-hidden"> — {label}</span>
                  </summary>
                  <form method="post" action={`/app/themes/${th.id}/rename`} class="stack">
                    <Csrf token={csrf} />
                    <Field id={`label_fr-${th.id}`} label={t.field.labelFr} value={th.label_fr} required />
                    <Field id={`label_nl-${th.id}`} label={t.field.labelNl} value={th.label_nl} />
                    <Field id={`label_en-${th.id}`} label={t.field.labelEn} value={th.label_en} />
                    <button type="submit">{t.series.renameSubmit}</button>
                  </form>
                </details>
                {th.status === 'active' ? (
                  <>
                    <ActionButton action={`/app/themes/${th.id}/archive`} label={t.series.archive} token={csrf} context={label} />
                    {active.length > 1 ? (
                      <details>
                        <summary>
                          {t.series.merge}
                          <span class="visually-hidden"> — {label}</span>
                        </summary>
                        <form method="post" action={`/app/themes/${th.id}/merge`} class="stack">
                          <Csrf token={csrf} />
                          <ThemeSelect
                            id={`into-${th.id}`}
                            label={t.field.into}
                            themes={active.filter((x) => x.id !== th.id)}
                            language={language}
                          />
                          <button type="submit">{t.series.mergeSubmit}</button>
                        </form>
                      </details>
                    ) : null}
                  </>
                ) : !th.merged_into_id ? (
                  <ActionButton action={`/app/themes/${th.id}/reactivate`} label={t.series.reactivate} token={csrf} context={label} />
                ) : null}
              </li>
            );
          })}
        </ul>
        <details open={state.form === 'theme'}>
          <summary>{t.series.addTheme}</summary>
          <form method="post" action={`/app/series/${series.id}/themes`} class="stack">
            <Csrf token={csrf} />
            <Field id="label_fr" label={t.field.labelFr} value={value('theme', 'label_fr')} required errors={formErrors('theme')} />
            <Field id="label_nl" label={t.field.labelNl} value={value('theme', 'label_nl')} errors={formErrors('theme')} />
            <Field id="label_en" label={t.field.labelEn} value={value('theme', 'label_en')} errors={formErrors('theme')} />
            <button type="submit">{t.series.addThemeSubmit}</button>
          </form>
        </details>
      </section>

      <section aria-labelledby="proposals">
        <h2 id="proposals">{t.series.proposals}</h2>
        <p class="help">{t.series.proposalsIntro}</p>
        {waiting.length ? (
          <ul class="themes">
            {waiting.map((g, i) => {
              const key = normaliseText(g.text);
              return (
                <li>
                  <span class="theme-label">{g.text}</span> <span class="muted">({t.series.proposalCount(g.count)})</span>
                  {g.variants.length > 1 ? <span class="muted"> — {g.variants.join(' · ')}</span> : null}
                  <ActionButton
                    action={`/app/series/${series.id}/proposals/promote`}
                    label={t.series.promote}
                    token={csrf}
                    hidden={{ key, text: g.text }}
                    context={g.text}
                  />
                  <ActionButton
                    action={`/app/series/${series.id}/proposals/dismiss`}
                    label={minutesMessages(language).workspace.dismiss}
                    token={csrf}
                    hidden={{ key }}
                    context={g.text}
                  />
                  {active.length ? (
                    <details>
                      <summary>{t.series.mergeProposal}</summary>
                      <form method="post" action={`/app/series/${series.id}/proposals/merge`} class="stack">
                        <Csrf token={csrf} />
                        <input type="hidden" name="key" value={key} />
                        <ThemeSelect id={`into-p${i}`} label={t.field.into} themes={active} language={language} />
                        <button type="submit">{t.series.mergeSubmit}</button>
                      </form>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{t.series.noProposals}</p>
        )}
      </section>

      <section aria-labelledby="minimum">
        <h2 id="minimum">{t.series.minimum}</h2>
        <p class="help">{t.series.minimumIntro}</p>
        <p class="help">{t.series.minimumRule}</p>
        {answered ? <p class="note">{t.series.minimumLocked}</p> : null}
        <form method="post" action={`/app/series/${series.id}/settings`} class="stack">
          <Csrf token={csrf} />
          <Field
            id="min_group_size"
            label={t.field.minGroupSize}
            inputmode="numeric"
            value={state.form === 'settings' ? value('settings', 'min_group_size') : String(series.min_group_size)}
            required
            errors={formErrors('settings')}
          />
          <button type="submit">{t.series.minimumSubmit}</button>
        </form>
      </section>

      <section aria-labelledby="retention">
        <h2 id="retention">{t.series.retention}</h2>
        <p class="help">{t.series.retentionIntro}</p>
        <p>{retention?.retention_days == null ? t.series.retentionNone : t.series.retentionDays(retention.retention_days)}</p>
        <form method="post" action={`/app/series/${series.id}/retention`} class="stack">
          <Csrf token={csrf} />
          <Field
            id="days"
            label={t.field.retentionDays}
            inputmode="numeric"
            value={
              state.form === 'retention'
                ? value('retention', 'days')
                : retention?.retention_days == null
                  ? ''
                  : String(retention.retention_days)
            }
            errors={formErrors('retention')}
          />
          <button type="submit">{t.series.retentionSubmit}</button>
        </form>
      </section>
    </WorkspacePage>
  );
}

function ThemeSelect({ id, label, themes, language }: { id: string; label: string; themes: ThemeRow[]; language: Language }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name="into">
        {themes.map((th) => (
          <option value={String(th.id)}>{localize(themeLabel(th), language)}</option>
        ))}
      </select>
    </div>
  );
}

export const seriesPages = new Hono<AppEnv>()
  .get('/series', async (c) => render(c, <SeriesListPage c={c} language={workspaceLanguage(c)} results={await seriesList(c)} />))
  .post('/series', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const form = await readForm(c);
    const checked = checkForm(
      SeriesForm,
      { title: text(form, 'title'), bassin: text(form, 'bassin'), language: text(form, 'language') },
      t,
      {
        title: t.field.title,
        bassin: t.field.bassin,
        language: t.field.language,
      },
    );
    if (!checked.ok)
      return render(
        c,
        <SeriesListPage c={c} language={language} results={await seriesList(c)} errors={checked.errors} values={form} />,
        422,
      );
    const row = await createSeries(c.env, c.var.coordinator, {
      ...checked.output,
      min_group_size: 3,
      retention_days: DEFAULT_RETENTION_DAYS,
    });
    return redirectWith(c, `/app/series/${row.id}`, 'saved');
  })
  .get('/series/:id', async (c) =>
    render(c, <SeriesPage c={c} language={workspaceLanguage(c)} data={await seriesData(c, await ownSeries(c))} />),
  )
  .post('/series/:id/sessions', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const series = await ownSeries(c);
    const form = await readForm(c);
    const labels = { number: t.field.number, date: t.field.date, start: t.field.startTime, end: t.field.endTime, place: t.field.place };
    const values = Object.fromEntries(Object.keys(labels).map((k) => [k, text(form, k)]));
    const checked = checkForm(SessionForm, values, t, labels);
    const fail = async (errors: FormError[]) =>
      render(
        c,
        <SeriesPage c={c} language={language} data={await seriesData(c, series)} state={{ errors, form: 'session', values: form }} />,
        422,
      );
    if (!checked.ok) return fail(checked.errors);
    try {
      const session = await createSession(c.env, c.var.coordinator, series.id, checked.output);
      return redirectWith(c, `/app/sessions/${session.id}`, 'saved');
    } catch (error) {
      if (!(error instanceof SessionExists)) throw error;
      return fail([{ field: 'number', message: 'sessionExists', text: `${t.field.number}: ${t.invalid.sessionExists}` }]);
    }
  })
  .post('/series/:id/themes', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const series = await ownSeries(c);
    const form = await readForm(c);
    const labels = { label_fr: t.field.labelFr, label_nl: t.field.labelNl, label_en: t.field.labelEn };
    const checked = checkForm(ThemeForm, Object.fromEntries(Object.keys(labels).map((k) => [k, text(form, k)])), t, labels);
    if (!checked.ok) {
      return render(
        c,
        <SeriesPage
          c={c}
          language={language}
          data={await seriesData(c, series)}
          state={{ errors: checked.errors, form: 'theme', values: form }}
        />,
        422,
      );
    }
    const { label_fr, label_nl, label_en } = checked.output;
    await createTheme(c.env, c.var.coordinator, {
      seriesId: series.id,
      label: { fr: label_fr, ...(label_nl ? { nl: label_nl } : {}), ...(label_en ? { en: label_en } : {}) },
    });
    return redirectWith(c, `/app/series/${series.id}#catalogue`, 'saved');
  })
  .post('/themes/:id/rename', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const theme = await ownTheme(c);
    const form = await readForm(c);
    const f = (name: string) => text(form, `${name}-${theme.id}`);
    const labels = { label_fr: t.field.labelFr, label_nl: t.field.labelNl, label_en: t.field.labelEn };
    const checked = checkForm(ThemeForm, { label_fr: f('label_fr'), label_nl: f('label_nl'), label_en: f('label_en') }, t, labels);
    if (!checked.ok) {
      const series = await getSeries(c.env.DB, c.var.coordinator.organisationId, theme.series_id);
      if (!series) throw notFound('series');
      const errors = checked.errors.map((e) => ({ ...e, field: `${e.field}-${theme.id}` }));
      return render(c, <SeriesPage c={c} language={language} data={await seriesData(c, series)} state={{ errors }} />, 422);
    }
    const { label_fr, label_nl, label_en } = checked.output;
    const label = { fr: label_fr, ...(label_nl ? { nl: label_nl } : {}), ...(label_en ? { en: label_en } : {}) };
    await updateTheme(c.env, c.var.coordinator, theme.id, { label });
    return redirectWith(c, `/app/series/${theme.series_id}#catalogue`, 'saved');
  })
  .post('/themes/:id/archive', async (c) => {
    const theme = await updateTheme(c.env, c.var.coordinator, pathId(c), { status: 'archived' });
    return redirectWith(c, `/app/series/${theme.series_id}#catalogue`, 'saved');
  })
  .post('/themes/:id/reactivate', async (c) => {
    const theme = await updateTheme(c.env, c.var.coordinator, pathId(c), { status: 'active' });
    return redirectWith(c, `/app/series/${theme.series_id}#catalogue`, 'saved');
  })
  .post('/themes/:id/merge', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const theme = await ownTheme(c);
    const form = await readForm(c);
    const checked = checkForm(MergeForm, { into: text(form, 'into') }, t, { into: t.field.into });
    // The rule (another active theme of the same series) is the action's; its refusal is shown here.
    const refused = !checked.ok
      ? 'not-in-series'
      : await updateTheme(c.env, c.var.coordinator, theme.id, { merged_into: checked.output.into }).then(
          () => null,
          (error: unknown) => {
            const code = error instanceof Problem && error.status === 422 ? error.errors?.[0]?.code : undefined;
            if (!code) throw error;
            return code;
          },
        );
    if (refused) {
      const series = await getSeries(c.env.DB, c.var.coordinator.organisationId, theme.series_id);
      if (!series) throw notFound('series');
      const message = refused === 'itself' ? t.invalid.sameTheme : t.invalid.theme;
      const errors = [{ field: `into-${theme.id}`, message: 'theme', text: `${t.field.into}: ${message}` }];
      return render(c, <SeriesPage c={c} language={language} data={await seriesData(c, series)} state={{ errors }} />, 422);
    }
    return redirectWith(c, `/app/series/${theme.series_id}#catalogue`, 'saved');
  })
  .post('/series/:id/proposals/promote', async (c) => {
    const t = workspaceMessages(workspaceLanguage(c));
    const series = await ownSeries(c);
    const form = await readForm(c);
    const checked = checkForm(ProposalForm, { key: text(form, 'key'), text: text(form, 'text') }, t, { key: 'key', text: 'text' });
    if (!checked.ok) return redirectWith(c, `/app/series/${series.id}#proposals`);
    await promoteProposal(c.env, c.var.coordinator, series.id, { key: checked.output.key, label: checked.output.text });
    return redirectWith(c, `/app/series/${series.id}#catalogue`, 'saved');
  })
  .post('/series/:id/proposals/merge', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const series = await ownSeries(c);
    const form = await readForm(c);
    const checked = checkForm(ProposalMergeForm, { key: text(form, 'key'), into: text(form, 'into') }, t, {
      key: 'key',
      into: t.field.into,
    });
    const merged =
      checked.ok &&
      (await mergeProposal(c.env, c.var.coordinator, series.id, { key: checked.output.key, themeId: checked.output.into }).then(
        () => true,
        (error: unknown) => {
          if (error instanceof Problem && error.status === 422) return false;
          throw error;
        },
      ));
    if (!merged) {
      const errors = [{ field: 'proposals', message: 'theme', text: `${t.field.into}: ${t.invalid.theme}` }];
      return render(c, <SeriesPage c={c} language={language} data={await seriesData(c, series)} state={{ errors }} />, 422);
    }
    return redirectWith(c, `/app/series/${series.id}#proposals`, 'saved');
  })
  .post('/series/:id/settings', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const series = await ownSeries(c);
    const form = await readForm(c);
    const fail = async (errors: FormError[]) =>
      render(
        c,
        <SeriesPage c={c} language={language} data={await seriesData(c, series)} state={{ errors, form: 'settings', values: form }} />,
        422,
      );
    const checked = checkForm(SeriesSettingsForm, { min_group_size: text(form, 'min_group_size') }, t, {
      min_group_size: t.field.minGroupSize,
    });
    if (!checked.ok) return fail(checked.errors);
    try {
      await updateSeries(c.env, c.var.coordinator, series.id, checked.output);
    } catch (error) {
      if (!(error instanceof Problem) || !error.errors?.some((e) => e.code === MINIMUM_ONLY_UP)) throw error;
      return fail([{ field: 'min_group_size', message: MINIMUM_ONLY_UP, text: `${t.field.minGroupSize}: ${t.invalid.minimumOnlyUp}` }]);
    }
    return redirectWith(c, `/app/series/${series.id}#minimum`, 'saved');
  })
  .post('/series/:id/retention', async (c) => {
    const language = workspaceLanguage(c);
    const t = workspaceMessages(language);
    const series = await ownSeries(c);
    const form = await readForm(c);
    const checked = checkForm(RetentionForm, { days: text(form, 'days') }, t, { days: t.field.retentionDays });
    if (!checked.ok) {
      return render(
        c,
        <SeriesPage
          c={c}
          language={language}
          data={await seriesData(c, series)}
          state={{ errors: checked.errors, form: 'retention', values: form }}
        />,
        422,
      );
    }
    await updateSeries(c.env, c.var.coordinator, series.id, { retention_days: checked.output.days });
    return redirectWith(c, `/app/series/${series.id}#retention`, 'saved');
  });
