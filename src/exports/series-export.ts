/**
 * The export's rules in plain TypeScript: what references must hold in an imported file, and
 * how its ids become fresh ids of this deployment (every reference remapped together).
 */
import { type Question, themeReferenceIssues } from '../domain/definition.ts';
import { mergeRefusal } from '../domain/theme-merge.ts';
import { profileGroup } from '../results/profile-group.ts';
import type { SeriesExport } from './exports.schemas.ts';

export interface ImportIssue {
  field: string;
  message: string;
}

/** References the schema cannot see: ids must be unique and point inside the same file. */
export function referenceIssues(doc: SeriesExport): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const unique = <T>(items: T[], key: (t: T) => unknown, field: (i: number) => string, message: string) => {
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) issues.push({ field: field(i), message });
      seen.add(k);
    });
  };
  unique(
    doc.themes,
    (t) => t.id,
    (i) => `themes.${i}.id`,
    'duplicate theme id',
  );
  unique(
    doc.sessions,
    (s) => s.id,
    (i) => `sessions.${i}.id`,
    'duplicate session id',
  );
  unique(
    doc.sessions,
    (s) => s.number,
    (i) => `sessions.${i}.number`,
    'duplicate session number',
  );
  unique(
    doc.surveys,
    (s) => s.id,
    (i) => `surveys.${i}.id`,
    'duplicate survey id',
  );
  unique(
    doc.surveys,
    (s) => `${s.session_id}|${s.kind}`,
    (i) => `surveys.${i}.kind`,
    'a session has one survey of each kind',
  );

  const themes = new Map(doc.themes.map((t) => [t.id, t]));
  const sessions = new Set(doc.sessions.map((s) => s.id));
  doc.themes.forEach((t, i) => {
    if (t.merged_into === null) return;
    const target = themes.get(t.merged_into);
    // The merge rule of the catalogue (src/domain/theme-merge.ts), every theme of the file being
    // of one series. Its target may have been archived since the merge, which history keeps.
    const refusal = mergeRefusal({ id: t.id, series_id: 0 }, target && { id: target.id, series_id: 0, status: target.status });
    if (refusal && refusal !== 'not-active') issues.push({ field: `themes.${i}.merged_into`, message: 'not another theme of this file' });
  });
  doc.surveys.forEach((s, i) => {
    if (!sessions.has(s.session_id)) issues.push({ field: `surveys.${i}.session_id`, message: 'not a session of this file' });
    // The file's themes are the imported series' own: the same check as the API's and the editor's.
    issues.push(...themeReferenceIssues(s.questions, new Set(themes.keys()), `surveys.${i}.questions`, 'not a theme of this file'));
    unique(
      s.responses,
      (r) => r.respondent,
      (ri) => `surveys.${i}.responses.${ri}.respondent`,
      'duplicate respondent',
    );
    s.responses.forEach((r, ri) => {
      r.answers.forEach((a, ai) => {
        if (a.theme_id !== null && !themes.has(a.theme_id)) {
          issues.push({ field: `surveys.${i}.responses.${ri}.answers.${ai}.theme_id`, message: 'not a theme of this file' });
        }
      });
    });
  });
  return issues;
}

/** The highest id in use per table: new rows take the ids just above. */
export interface IdBases {
  series: number;
  themes: number;
  sessions: number;
  surveys: number;
  responses: number;
}

/**
 * Theme options are named after their theme (`t<theme id>`, see domain/templates.ts); they
 * follow the theme to its new id, in the definition, the answers and the results alike.
 */
function optionRenames(questions: Question[], themeId: (old: number) => number): Map<string, Map<string, string>> {
  const renames = new Map<string, Map<string, string>>();
  for (const q of questions) {
    if (!('options' in q)) continue;
    for (const o of q.options) {
      if (o.theme_id === undefined || o.id !== `t${o.theme_id}`) continue;
      const perQuestion = renames.get(q.id) ?? new Map<string, string>();
      perQuestion.set(o.id, `t${themeId(o.theme_id)}`);
      renames.set(q.id, perQuestion);
    }
  }
  return renames;
}

function remapQuestions(questions: Question[], themeId: (old: number) => number, renames: Map<string, Map<string, string>>): Question[] {
  return questions.map((q) =>
    'options' in q
      ? ({
          ...q,
          options: q.options.map((o) =>
            o.theme_id === undefined ? o : { ...o, id: renames.get(q.id)?.get(o.id) ?? o.id, theme_id: themeId(o.theme_id) },
          ),
        } as Question)
      : q,
  );
}

/**
 * The rows to insert, with fresh ids. `importKey` makes the respondent keys of re-created
 * responses unique to this import (they match no invitation here).
 */
export function planImport(doc: SeriesExport, bases: IdBases, importKey: string) {
  const seriesId = bases.series + 1;
  const themeIds = new Map(doc.themes.map((t, i) => [t.id, bases.themes + 1 + i]));
  const sessionIds = new Map(doc.sessions.map((s, i) => [s.id, bases.sessions + 1 + i]));
  const surveyIds = new Map(doc.surveys.map((s, i) => [s.id, bases.surveys + 1 + i]));
  const mapped = (map: Map<number, number>, old: number) => {
    const id = map.get(old);
    if (id === undefined) throw new Error(`unmapped id ${old}: check referenceIssues first`);
    return id;
  };
  const themeId = (old: number) => mapped(themeIds, old);

  let responseId = bases.responses;
  const responses: Record<string, unknown>[] = [];
  const answers: unknown[][] = [];
  const renamesBySurvey = new Map(doc.surveys.map((s) => [s.id, optionRenames(s.questions, themeId)]));
  const optionId = (surveyId: number, questionId: string, id: string | null) =>
    id === null ? null : (renamesBySurvey.get(surveyId)?.get(questionId)?.get(id) ?? id);
  for (const s of doc.surveys) {
    const surveyId = mapped(surveyIds, s.id);
    for (const r of s.responses) {
      responseId += 1;
      responses.push({
        id: responseId,
        survey_id: surveyId,
        respondent_key: `import:${importKey}:${r.respondent}`,
        language: r.language,
        definition_version: r.definition_version,
        created_at: r.created_at,
        updated_at: r.updated_at,
      });
      const rows = r.answers.map((a) => ({ ...a, option_id: optionId(s.id, a.question_id, a.option_id) }));
      const grp = profileGroup({ questions: s.questions }, rows);
      for (const a of rows) {
        answers.push([
          responseId,
          surveyId,
          a.question_id,
          a.option_id,
          a.theme_id === null ? null : themeId(a.theme_id),
          a.rank,
          a.number,
          a.text,
          grp,
        ]);
      }
    }
  }

  return {
    series: { ...doc.series, id: seriesId },
    themes: doc.themes.map((t) => ({
      id: themeId(t.id),
      label_fr: t.label.fr,
      label_nl: t.label.nl ?? null,
      label_en: t.label.en ?? null,
      status: t.status,
      merged_into_id: t.merged_into === null ? null : themeId(t.merged_into),
    })),
    sessions: doc.sessions.map((s) => ({ ...s, id: mapped(sessionIds, s.id) })),
    surveys: doc.surveys.map((s) => ({
      id: mapped(surveyIds, s.id),
      session_id: mapped(sessionIds, s.session_id),
      kind: s.kind,
      status: s.status,
      anonymous: s.anonymous ? 1 : 0,
      closes_at: s.closes_at,
      opened_at: s.opened_at,
      closed_at: s.closed_at,
      definition_version: s.definition_version,
      definition: JSON.stringify({ questions: remapQuestions(s.questions, themeId, renamesBySurvey.get(s.id) ?? new Map()) }),
      counts: JSON.stringify(s.counts),
      results: JSON.stringify({
        ...s.results,
        options: s.results.options.map((o) => ({ ...o, option_id: optionId(s.id, o.question_id, o.option_id) })),
      }),
    })),
    responses,
    answers,
  };
}
export type ImportPlan = ReturnType<typeof planImport>;
