/** SQL of the series export (read, organisation-scoped) and of the import (one D1 batch). */
import type { Question } from '../domain/definition.ts';
import { type ExportAggregates, effectiveMinimum, gateExport } from '../domain/disclosure.ts';
import { type Language, themeLabel } from '../domain/language.ts';
import { DEFAULT_RETENTION_DAYS } from '../series/series.schemas.ts';
import type { ThemeRow } from '../themes/themes.queries.ts';
import type { SeriesExport } from './exports.schemas.ts';
import type { IdBases, ImportPlan } from './series-export.ts';

type ExportedSurvey = SeriesExport['surveys'][number];

interface SurveyRow {
  id: number;
  session_id: number;
  kind: 'pre' | 'post';
  status: 'draft' | 'open' | 'closed';
  anonymous: 0 | 1;
  closes_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  definition: string;
  definition_version: number;
  invitations: number;
  opened: number;
  answered: number;
  responses: number;
  snapshot_counts: string | null;
  snapshot_results: string | null;
}

type AnswerTuple = [string, string | null, number | null, number | null, number | null, string | null];

const compareAnswers = (a: AnswerTuple, b: AnswerTuple) =>
  JSON.stringify([a[0], a[3] ?? -1, a[1], a[4], a[5]]).localeCompare(JSON.stringify([b[0], b[3] ?? -1, b[1], b[4], b[5]]));

export async function readSeriesExport(db: D1Database, organisationId: number, seriesId: number, now: Date): Promise<SeriesExport | null> {
  const series = await db
    .prepare('SELECT id, title, bassin, language, min_group_size, retention_days FROM series WHERE id = ? AND organisation_id = ?')
    .bind(seriesId, organisationId)
    .first<SeriesExport['series']>();
  if (!series) return null;
  const inSeries = 'su.session_id IN (SELECT id FROM sessions WHERE series_id = ?1)';
  const [themes, sessions, surveys, options, ratings, responses, questionRespondents] = await db.batch<Record<string, unknown>>([
    db.prepare('SELECT * FROM themes WHERE series_id = ? ORDER BY id').bind(seriesId),
    db.prepare('SELECT id, number, starts_at, ends_at, place FROM sessions WHERE series_id = ? ORDER BY number').bind(seriesId),
    db
      .prepare(
        `SELECT su.id, su.session_id, su.kind, su.status, su.anonymous, su.closes_at, su.opened_at, su.closed_at,
                su.definition, su.definition_version,
                (SELECT count(*) FROM invitations i WHERE i.survey_id = su.id) AS invitations,
                (SELECT count(*) FROM invitations i WHERE i.survey_id = su.id AND i.opened_at IS NOT NULL) AS opened,
                (SELECT count(*) FROM invitations i WHERE i.survey_id = su.id AND i.answered = 1) AS answered,
                (SELECT count(*) FROM responses r WHERE r.survey_id = su.id) AS responses,
                im.counts AS snapshot_counts, im.results AS snapshot_results
           FROM surveys su LEFT JOIN survey_imports im ON im.survey_id = su.id
          WHERE ${inSeries} ORDER BY su.id`,
      )
      .bind(seriesId),
    // Aggregates from the counters (answer_totals, migrations/0022): what a GROUP BY over the
    // series' answers gave (a rank of 0 there is no rank: NULL, as in the answers).
    db
      .prepare(
        `SELECT a.survey_id, a.question_id, a.option_id, nullif(a.rank, 0) AS rank, sum(a.n) AS n
           FROM answer_totals a JOIN surveys su ON su.id = a.survey_id
          WHERE ${inSeries} AND a.option_id <> ''
          GROUP BY a.survey_id, a.question_id, a.option_id, a.rank
          ORDER BY a.survey_id, a.question_id, a.option_id, a.rank`,
      )
      .bind(seriesId),
    db
      .prepare(
        `SELECT a.survey_id, a.question_id, a.number AS value, sum(a.n) AS n
           FROM answer_totals a JOIN surveys su ON su.id = a.survey_id
          WHERE ${inSeries} AND a.option_id = '' AND a.number >= 0
          GROUP BY a.survey_id, a.question_id, a.number
          ORDER BY a.survey_id, a.question_id, a.number`,
      )
      .bind(seriesId),
    // Individual answers only of surveys that are not anonymous.
    db
      .prepare(
        `SELECT r.survey_id, r.language, r.definition_version, r.created_at, r.updated_at,
                (SELECT json_group_array(json_array(a.question_id, a.option_id, a.theme_id, a.rank, a.number, a.text))
                   FROM answers a WHERE a.response_id = r.id) AS answers
           FROM responses r JOIN surveys su ON su.id = r.survey_id
          WHERE ${inSeries} AND su.anonymous = 0
          ORDER BY r.survey_id, r.id`,
      )
      .bind(seriesId),
    // Respondents per question: what the disclosure gate needs to withhold a question.
    db
      .prepare(
        `SELECT qt.survey_id, qt.question_id, sum(qt.n) AS n
           FROM question_tallies qt JOIN surveys su ON su.id = qt.survey_id
          WHERE ${inSeries}
          GROUP BY qt.survey_id, qt.question_id`,
      )
      .bind(seriesId),
  ]);

  const bySurvey = <T extends { survey_id: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.survey_id, [...(map.get(row.survey_id) ?? []), row]);
    return map;
  };
  const optionRows = bySurvey(
    (options?.results ?? []) as { survey_id: number; question_id: string; option_id: string; rank: number | null; n: number }[],
  );
  const questionRows = bySurvey((questionRespondents?.results ?? []) as { survey_id: number; question_id: string; n: number }[]);
  const ratingRows = bySurvey((ratings?.results ?? []) as { survey_id: number; question_id: string; value: number; n: number }[]);
  const responseRows = bySurvey(
    (responses?.results ?? []) as {
      survey_id: number;
      language: Language;
      definition_version: number;
      created_at: string;
      updated_at: string;
      answers: string;
    }[],
  );

  return {
    format: 'relais.series',
    version: 1,
    exported_at: now.toISOString(),
    series,
    themes: ((themes?.results ?? []) as unknown as ThemeRow[]).map((t) => ({
      id: t.id,
      label: themeLabel(t),
      status: t.status,
      merged_into: t.merged_into_id,
    })),
    sessions: (sessions?.results ?? []) as SeriesExport['sessions'],
    surveys: ((surveys?.results ?? []) as unknown as SurveyRow[]).map((s): ExportedSurvey => {
      const questions = (JSON.parse(s.definition) as { questions: Question[] }).questions;
      const m = effectiveMinimum(series.min_group_size, s.anonymous === 1);
      // The aggregates go through the disclosure gate; an imported survey's figures too, as its file gave them.
      const snapshot = s.snapshot_results ? (JSON.parse(s.snapshot_results) as ExportAggregates) : null;
      const counts = s.snapshot_counts
        ? (JSON.parse(s.snapshot_counts) as ExportedSurvey['counts'])
        : { invitations: s.invitations, opened: s.opened, answered: s.answered, responses: s.responses };
      const results = snapshot
        ? gateExport({ questions }, counts.responses, snapshot.questions, snapshot.options, snapshot.ratings, m, snapshot.disclosure)
        : gateExport(
            { questions },
            s.responses,
            (questionRows.get(s.id) ?? []).map(({ question_id, n }) => ({ question_id, n })),
            (optionRows.get(s.id) ?? []).map(({ question_id, option_id, rank, n }) => ({ question_id, option_id, rank, n })),
            (ratingRows.get(s.id) ?? []).map(({ question_id, value, n }) => ({ question_id, value, n })),
            m,
          );
      return {
        id: s.id,
        session_id: s.session_id,
        kind: s.kind,
        status: s.status,
        anonymous: s.anonymous === 1,
        closes_at: s.closes_at,
        opened_at: s.opened_at,
        closed_at: s.closed_at,
        definition_version: s.definition_version,
        questions,
        // An imported survey keeps the figures it was exported with (see survey_imports).
        counts,
        results,
        responses: (responseRows.get(s.id) ?? []).map((r, i) => ({
          respondent: i + 1,
          language: r.language,
          definition_version: r.definition_version,
          created_at: r.created_at,
          updated_at: r.updated_at,
          answers: (JSON.parse(r.answers) as AnswerTuple[])
            .sort(compareAnswers)
            .map(([question_id, option_id, theme_id, rank, number, text]) => ({ question_id, option_id, theme_id, rank, number, text })),
        })),
      };
    }),
  };
}

export async function idBases(db: D1Database): Promise<IdBases> {
  const row = await db
    .prepare(
      `SELECT (SELECT coalesce(max(id), 0) FROM series) AS series, (SELECT coalesce(max(id), 0) FROM themes) AS themes,
              (SELECT coalesce(max(id), 0) FROM sessions) AS sessions, (SELECT coalesce(max(id), 0) FROM surveys) AS surveys,
              (SELECT coalesce(max(id), 0) FROM responses) AS responses`,
    )
    .first<IdBases>();
  if (!row) throw new Error('no id bases');
  return row;
}

/**
 * Writes a planned import in one batch (one transaction): the whole series or nothing. Rows
 * travel as JSON parameters, so the batch has seven statements whatever the series' size.
 */
export function writeImport(db: D1Database, organisationId: number, plan: ImportPlan, alongside: D1PreparedStatement[] = []) {
  const s = plan.series;
  const json = (rows: unknown) => JSON.stringify(rows);
  return db.batch([
    db
      .prepare(
        'INSERT INTO series (id, organisation_id, title, bassin, language, min_group_size, retention_days) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .bind(
        s.id,
        organisationId,
        s.title,
        s.bassin,
        s.language,
        s.min_group_size,
        s.retention_days === undefined ? DEFAULT_RETENTION_DAYS : s.retention_days,
      ),
    db
      .prepare(
        `INSERT INTO themes (id, series_id, label_fr, label_nl, label_en, status, merged_into_id)
         SELECT j.value ->> 'id', ?1, j.value ->> 'label_fr', j.value ->> 'label_nl', j.value ->> 'label_en',
                j.value ->> 'status', j.value ->> 'merged_into_id'
           FROM json_each(?2) j`,
      )
      .bind(s.id, json(plan.themes)),
    db
      .prepare(
        `INSERT INTO sessions (id, series_id, number, starts_at, ends_at, place)
         SELECT j.value ->> 'id', ?1, j.value ->> 'number', j.value ->> 'starts_at', j.value ->> 'ends_at', j.value ->> 'place'
           FROM json_each(?2) j`,
      )
      .bind(s.id, json(plan.sessions)),
    db
      .prepare(
        `INSERT INTO surveys (id, session_id, kind, status, anonymous, closes_at, opened_at, closed_at, definition, definition_version)
         SELECT j.value ->> 'id', j.value ->> 'session_id', j.value ->> 'kind', j.value ->> 'status', j.value ->> 'anonymous',
                j.value ->> 'closes_at', j.value ->> 'opened_at', j.value ->> 'closed_at', j.value ->> 'definition',
                j.value ->> 'definition_version'
           FROM json_each(?1) j`,
      )
      .bind(json(plan.surveys)),
    db
      .prepare(
        `INSERT INTO survey_imports (survey_id, counts, results)
         SELECT j.value ->> 'id', j.value ->> 'counts', j.value ->> 'results' FROM json_each(?1) j`,
      )
      .bind(json(plan.surveys)),
    db
      .prepare(
        `INSERT INTO responses (id, survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
         SELECT j.value ->> 'id', j.value ->> 'survey_id', NULL, j.value ->> 'respondent_key', j.value ->> 'language', 'imported',
                j.value ->> 'definition_version', j.value ->> 'created_at', j.value ->> 'updated_at'
           FROM json_each(?1) j`,
      )
      .bind(json(plan.responses)),
    db
      .prepare(
        `INSERT INTO answers (response_id, survey_id, question_id, option_id, theme_id, rank, number, text, grp)
         SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7,
                j.value ->> 8
           FROM json_each(?1) j`,
      )
      .bind(json(plan.answers)),
    ...alongside,
  ]);
}
