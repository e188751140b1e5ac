/**
 * A survey's results: the already-aggregated rows of results.queries.ts shaped into the
 * payload that JSON, CSV and the printable page share. No counting happens here.
 */
import { type ChoiceQuestion, type Definition, profileQuestion, type Question } from '../domain/definition.ts';
import { type Language, localize } from '../domain/language.ts';
import { type Ranking, type RankingTally, rankTallies } from '../domain/ranking.ts';
import { type RatingSummary, ratingSummary, share } from '../domain/statistics.ts';
import { suppressGroups, suppressTable, withheld } from '../domain/suppression.ts';
import { groupTexts, type TextGroup } from '../domain/text-normalise.ts';
import type { SurveyAggregates, SurveyContextRow, TimelineRow } from './results.queries.ts';

export interface Participation {
  invited: number;
  opened: number;
  answered: number;
  /** Stored responses; equals answered unless an invitation was removed after answering. */
  responses: number;
  answer_rate: number;
  method: string;
  over_time: { day: string; count: number; cumulative: number }[];
}

export interface OptionResult {
  id: string;
  label: string;
  count: number;
  share: number;
}

export interface BreakdownGroup {
  /** Option id of the profile question; null for respondents who did not state it. */
  id: string | null;
  label: string;
  n: number | null;
  suppressed: boolean;
}

export interface Breakdown {
  by: { question_id: string; text: string };
  min_group_size: number;
  method: string;
  groups: BreakdownGroup[];
  /** Choice and ranking questions: one row per option, one cell per group. */
  rows?: { id: string; label: string; cells: { count: number | null; borda?: number | null; suppressed: boolean }[] }[];
  /** Rating questions: one summary per group. */
  ratings?: { n: number | null; mean: number | null; median: number | null; suppressed: boolean }[];
}

interface Base {
  id: string;
  text: string;
  /** Respondents who answered this question. */
  n: number;
  breakdown?: Breakdown;
}
export type QuestionResult =
  | (Base & { type: 'single' | 'multiple'; method: string; options: OptionResult[] })
  | (Base & { type: 'ranking'; ranking: Ranking })
  | (Base & { type: 'rating'; min: number; max: number; method: string } & RatingSummary)
  | (Base & {
      type: 'text';
      role: 'remark' | 'theme_proposal';
      /** Set when fewer than the minimum group size wrote a remark. */
      withheld: boolean;
      groups: TextGroup[];
    });

export interface SurveyResults {
  survey: {
    id: number;
    kind: 'pre' | 'post';
    status: string;
    anonymous: boolean;
    session: { id: number; number: number };
    series: { id: number; title: string; language: Language };
  };
  language: Language;
  min_group_size: number;
  participation: Participation;
  /** True when the survey has fewer respondents than the minimum: only participation is given. */
  withheld: boolean;
  questions: QuestionResult[];
}

export function participation(p: SurveyAggregates['participation'], timeline: TimelineRow[]): Participation {
  let cumulative = 0;
  return {
    invited: p.invited,
    opened: p.opened,
    answered: p.answered,
    responses: p.responses,
    answer_rate: share(p.answered, p.invited),
    method: 'answer_rate = answered ÷ invited; over_time counts first submissions per day (UTC)',
    over_time: timeline.map((t) => {
      cumulative += t.count;
      return { day: t.day, count: t.count, cumulative };
    }),
  };
}

/** What a ranking question's JSON list in SQL needs: its id and K. */
export function rankingQuestions(def: Definition) {
  return def.questions.flatMap((q) => (q.type === 'ranking' ? [{ q: q.id, k: q.max_ranked }] : []));
}

const optionLabel = (q: ChoiceQuestion, id: string, language: Language) => {
  const o = q.options.find((x) => x.id === id);
  return o ? localize(o.label, language) : id;
};

export function shapeResults(
  ctx: SurveyContextRow,
  agg: SurveyAggregates,
  language: Language,
  labels: { notStated: string },
  status: string,
): SurveyResults {
  const def = JSON.parse(ctx.definition) as Definition;
  const min = ctx.min_group_size;
  const respondents = agg.participation.responses;
  const isWithheld = withheld(respondents, min);
  const nOf = new Map(agg.respondents.map((r) => [r.question_id, r.n]));
  const profile = profileQuestion(def);
  return {
    survey: {
      id: ctx.id,
      kind: ctx.kind,
      status,
      anonymous: ctx.anonymous === 1,
      session: { id: ctx.session_id, number: ctx.session_number },
      series: { id: ctx.series_id, title: ctx.title, language: ctx.language },
    },
    language,
    min_group_size: min,
    participation: participation(agg.participation, agg.timeline),
    withheld: isWithheld,
    questions: isWithheld
      ? []
      : def.questions.map((q) => {
          const result = questionResult(q, nOf.get(q.id) ?? 0, agg, language, min);
          if (profile && q.id !== profile.id && q.type !== 'text') {
            result.breakdown = breakdown(q, profile, agg, language, min, labels.notStated);
          }
          return result;
        }),
  };
}

export function questionResult(
  q: Question,
  n: number,
  agg: Pick<SurveyAggregates, 'options' | 'rankings' | 'ratings' | 'texts'>,
  language: Language,
  min: number,
): QuestionResult {
  const text = localize(q.text, language);
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const counts = new Map(agg.options.filter((r) => r.question_id === q.id).map((r) => [r.option_id, r.count]));
      return {
        id: q.id,
        type: q.type,
        text,
        n,
        method:
          'share = count ÷ n, n = respondents who answered this question' +
          (q.type === 'multiple' ? ' (several choices each, so shares add up to more than 1)' : ''),
        options: q.options.map((o) => {
          const count = counts.get(o.id) ?? 0;
          return { id: o.id, label: localize(o.label, language), count, share: share(count, n) };
        }),
      };
    }
    case 'ranking': {
      const rows = new Map(agg.rankings.filter((r) => r.question_id === q.id).map((r) => [r.option_id, r]));
      const tallies: RankingTally[] = q.options.map((o) => {
        const r = rows.get(o.id);
        return {
          id: o.id,
          label: localize(o.label, language),
          borda: r?.borda ?? 0,
          ranked: r?.ranked ?? 0,
          first: r?.first ?? 0,
          positionSum: r?.position_sum ?? 0,
        };
      });
      return { id: q.id, type: 'ranking', text, n, ranking: rankTallies(tallies, q.max_ranked, n, language) };
    }
    case 'rating': {
      const buckets = agg.ratings.filter((r) => r.question_id === q.id);
      return {
        id: q.id,
        type: 'rating',
        text,
        min: q.min,
        max: q.max,
        method: `scale ${q.min}–${q.max}; n, mean and median over the respondents who answered this question`,
        ...ratingSummary(buckets, q.min, q.max),
      };
    }
    case 'text': {
      const counts = agg.texts.filter((r) => r.question_id === q.id);
      // Remarks can betray their author; proposals are meant to be read out, so only remarks are withheld.
      const hide = q.role === 'remark' && withheld(n, min);
      return {
        id: q.id,
        type: 'text',
        text,
        n,
        role: q.role,
        withheld: hide,
        groups: hide
          ? []
          : q.role === 'theme_proposal'
            ? groupTexts(counts, language)
            : counts.map((c) => ({ text: c.text, count: c.count, variants: [c.text] })),
      };
    }
  }
}

function breakdown(
  q: Exclude<Question, { type: 'text' }>,
  profile: ChoiceQuestion,
  agg: SurveyAggregates,
  language: Language,
  min: number,
  notStated: string,
): Breakdown {
  const groupIds: (string | null)[] = [...profile.options.map((o) => o.id), null];
  const sizes = new Map(agg.breakdownGroups.filter((g) => g.question_id === q.id).map((g) => [g.grp, g.n]));
  const n = groupIds.map((g) => sizes.get(g) ?? 0);
  const hiddenGroups = suppressGroups(n, min);
  const groups = groupIds.map((id, i) => ({
    id,
    label: id === null ? notStated : optionLabel(profile, id, language),
    n: hiddenGroups[i] ? null : (n[i] ?? 0),
    suppressed: !!hiddenGroups[i],
  }));
  const cells = agg.breakdownCells.filter((c) => c.question_id === q.id);
  const base = {
    by: { question_id: profile.id, text: localize(profile.text, language) },
    min_group_size: min,
    method: `cells and groups counting fewer than ${min} respondents are hidden, and a complementary cell is hidden where a published total would reveal a hidden one`,
    groups,
  };
  if (q.type === 'rating') {
    const ratings = groupIds.map((g, i) => {
      if (hiddenGroups[i]) return { n: null, mean: null, median: null, suppressed: true };
      const s = ratingSummary(
        cells.filter((c) => c.grp === g && c.value !== null).map((c) => ({ value: c.value ?? 0, count: c.count })),
        q.min,
        q.max,
      );
      return { n: s.n, mean: s.mean, median: s.median, suppressed: false };
    });
    return { ...base, ratings };
  }
  const counts = q.options.map((o) => groupIds.map((g) => cells.find((c) => c.option_id === o.id && c.grp === g)?.count ?? 0));
  const hidden = suppressTable(counts, min, { rows: true, columns: q.type === 'single', hiddenColumns: hiddenGroups });
  const rows = q.options.map((o, r) => ({
    id: o.id,
    label: localize(o.label, language),
    cells: groupIds.map((g, c) => {
      const isHidden = !!hidden[r]?.[c];
      const count = counts[r]?.[c] ?? 0;
      if (q.type !== 'ranking') return { count: isHidden ? null : count, suppressed: isHidden };
      const borda = cells.find((x) => x.option_id === o.id && x.grp === g)?.borda ?? 0;
      return { count: isHidden ? null : count, borda: isHidden ? null : borda, suppressed: isHidden };
    }),
  }));
  return { ...base, rows };
}
