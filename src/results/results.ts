/**
 * A survey's results: the output of the disclosure gate (src/domain/disclosure.ts) shaped into
 * the payload that JSON, CSV and the printable page share. No counting and no privacy rule
 * happens here: the functions take only `Disclosed` data, so nothing raw can reach them.
 */
import { type ChoiceQuestion, type Definition, profileQuestion, type Question } from '../domain/definition.ts';
import { type Disclosed, type DisclosureRecord, type GatedBreakdown, type GatedSurvey, OTHER_GROUPS } from '../domain/disclosure.ts';
import { type Language, localize } from '../domain/language.ts';
import { type Ranking, type RankingTally, rankTallies } from '../domain/ranking.ts';
import { type RatingSummary, ratingSummary, share } from '../domain/statistics.ts';
import type { SurveyStatus } from '../domain/survey-status.ts';
import { groupTexts, type TextGroup } from '../domain/text-normalise.ts';
import type { SurveyContextRow, TimelineRow } from './results.queries.ts';

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
  /** The profile question's options merged into "other groups" (id OTHER_GROUPS). */
  recoded_from?: string[];
}

export interface BreakdownGroup {
  /** Option id of the profile question ('a,b': that combination); null: not stated; 'other': groups recoded together. */
  id: string | null;
  label: string;
  /** For 'other': the groups merged into it (null: not stated). */
  recoded_from?: (string | null)[];
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
  /** Fewer than the minimum group size answered: only n is given. */
  withheld?: boolean;
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
    status: SurveyStatus;
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
  /** How the figures were computed: what was recoded, withheld or hidden, and why. */
  disclosure: DisclosureRecord;
}

export interface ResultLabels {
  notStated: string;
  otherGroups: string;
}

export function participation(p: GatedSurvey['participation'], timeline: TimelineRow[]): Participation {
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
  gated: Disclosed<GatedSurvey>,
  language: Language,
  labels: ResultLabels,
  status: SurveyStatus,
): SurveyResults {
  const def = JSON.parse(ctx.definition) as Definition;
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
    min_group_size: gated.min_group_size,
    participation: participation(gated.participation, gated.timeline),
    withheld: gated.withheld,
    questions: gated.withheld
      ? []
      : def.questions.map((q) => {
          const result = questionResult(q, gated, language, labels);
          const b = gated.breakdowns.get(q.id);
          if (profile && b && q.type !== 'text') result.breakdown = breakdown(q, profile, b, gated.min_group_size, language, labels);
          return result;
        }),
    disclosure: gated.disclosure,
  };
}

/** A profile group's label: its option, the options of a combination, not stated, or other groups. */
function groupLabel(profile: ChoiceQuestion, id: string | null, language: Language, labels: ResultLabels) {
  if (id === null) return labels.notStated;
  if (id === OTHER_GROUPS) return labels.otherGroups;
  return id
    .split(',')
    .map((o) => optionLabel(profile, o, language))
    .join(' + ');
}

export function questionResult(q: Question, gated: Disclosed<GatedSurvey>, language: Language, labels: ResultLabels): QuestionResult {
  const text = localize(q.text, language);
  const n = gated.respondents.get(q.id) ?? 0;
  const hidden = gated.withheldQuestions.has(q.id);
  const flag = hidden ? { withheld: true } : {};
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const rows = gated.options.filter((r) => r.question_id === q.id);
      const counts = new Map(rows.map((r) => [r.option_id, r.count]));
      const other = rows.find((r) => r.option_id === OTHER_GROUPS && r.recoded_from);
      const options: OptionResult[] = hidden
        ? []
        : q.options
            .filter((o) => counts.has(o.id) || !other)
            .map((o) => {
              const count = counts.get(o.id) ?? 0;
              return { id: o.id, label: localize(o.label, language), count, share: share(count, n) };
            });
      if (other && !hidden) {
        options.push({
          id: OTHER_GROUPS,
          label: labels.otherGroups,
          count: other.count,
          share: share(other.count, n),
          recoded_from: other.recoded_from,
        });
      }
      return {
        id: q.id,
        type: q.type,
        text,
        n,
        ...flag,
        method:
          'share = count ÷ n, n = respondents who answered this question' +
          (q.type === 'multiple' ? ' (several choices each, so shares add up to more than 1)' : '') +
          (other ? `; options chosen by fewer than ${gated.min_group_size} respondents are counted together as "${OTHER_GROUPS}"` : ''),
        options,
      };
    }
    case 'ranking': {
      const rows = new Map(gated.rankings.filter((r) => r.question_id === q.id).map((r) => [r.option_id, r]));
      const tallies: RankingTally[] = hidden
        ? []
        : q.options.map((o) => {
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
      return { id: q.id, type: 'ranking', text, n, ...flag, ranking: rankTallies(tallies, q.max_ranked, n, language) };
    }
    case 'rating': {
      const buckets = gated.ratings.filter((r) => r.question_id === q.id);
      const summary = ratingSummary(buckets, q.min, q.max);
      return {
        id: q.id,
        type: 'rating',
        text,
        min: q.min,
        max: q.max,
        method: `scale ${q.min}–${q.max}; n, mean and median over the respondents who answered this question`,
        ...summary,
        n,
        ...flag,
        ...(hidden ? { mean: null, median: null, distribution: [] } : {}),
      };
    }
    case 'text': {
      const counts = gated.texts.filter((r) => r.question_id === q.id);
      return {
        id: q.id,
        type: 'text',
        text,
        n,
        role: q.role,
        withheld: hidden,
        groups: hidden
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
  b: GatedBreakdown,
  min: number,
  language: Language,
  labels: ResultLabels,
): Breakdown {
  return {
    by: { question_id: profile.id, text: localize(profile.text, language) },
    min_group_size: min,
    method: `groups of fewer than ${min} respondents are merged into "${labels.otherGroups}" (also in the profile question's own counts); cells counting fewer than ${min} respondents are hidden, and a complementary cell is hidden where a published total would reveal a hidden one`,
    groups: b.groups.map((g) => ({
      id: g.id,
      label: groupLabel(profile, g.id, language, labels),
      ...(g.recoded_from ? { recoded_from: g.recoded_from } : {}),
      n: g.n,
      suppressed: g.suppressed,
    })),
    ...(b.ratings ? { ratings: b.ratings } : {}),
    ...(b.rows
      ? { rows: b.rows.map((r) => ({ id: r.id, label: q.type === 'rating' ? r.id : optionLabel(q, r.id, language), cells: r.cells })) }
      : {}),
  };
}
