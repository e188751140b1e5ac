/**
 * The disclosure gate: the one policy every published figure goes through (results in JSON,
 * CSV and HTML, the brief in every format, the series export). See SECURITY.md, "Disclosure
 * gate".
 *
 * The policy, in plain words. Let m be the survey's minimum group size (the series' setting,
 * never below 3 for an anonymous survey):
 *
 * 1. A survey with fewer than m respondents shows only its participation.
 * 2. A question answered by fewer than m people shows how many answered it (n), nothing else:
 *    no counts, no ratings, no ranking, no texts. Free remarks follow the same rule (counted
 *    over who wrote one), and so do proposed themes.
 * 3. Profile groups (each option of the profile question, plus "not stated") are RECODED, not
 *    just hidden: every group of fewer than m respondents goes into one "other groups" group;
 *    while that group is still under m (or its part that stated a profile, which the profile
 *    question's own counts publish, is), the next smallest group joins it; if only one group
 *    would remain there is no breakdown at all. The recoding is computed once per survey from
 *    the profile question's own respondent counts and applied identically to the profile
 *    question's own published counts and to every breakdown, so no margin (a total minus the
 *    visible groups) isolates a small group. In SDC terms this is global recoding before cell
 *    suppression, which Hundepool et al. (Statistical Disclosure Control, 2012) recommend over
 *    suppression alone because it leaves no table margin to subtract from.
 * 4. Inside a breakdown, a cell counting 1..m−1 respondents is hidden, and along every line
 *    whose total is published (an option's overall count, a group's size for single choice,
 *    the groups' sizes for a question) a second cell is hidden wherever one hidden cell would
 *    be the total minus the visible ones. Borda points follow their count; a group's rating
 *    summary is hidden when its n for that question is hidden.
 * 5. Texts never appear in breakdowns.
 * 6. Counts over all the respondents of a survey (an option chosen by 1 of 20) are published:
 *    the group they describe is the survey's respondents, at least m people, and nothing
 *    published says which of them it was. Participation (invited, opened, answered) is not
 *    about answers and is always published.
 *
 * 7. The series export carries the same gated aggregates (it has no breakdown). It also
 *    carries individual answers, but only of surveys that are not anonymous: a named survey's
 *    answers are the coordinator's to read (participants answered knowing it, and the
 *    workspace shows who answered what), so the export adds nothing they could not read;
 *    an anonymous survey's answers leave only as aggregates.
 *
 * A profile question with several choices is broken down by each respondent's exact
 * combination of choices ("A + B"), so that groups are disjoint: with overlapping groups,
 * the overall count minus two groups' counts would give back the people in both. Its own
 * option counts are recoded the same way as a single choice's (an option chosen by fewer than
 * m people joins "other groups", counted in respondents, not selections).
 *
 * The gate's output is branded (`Disclosed<T>`): only this module can make one, and the
 * shapers (results.ts, brief.ts, the export) take nothing else, so the compiler refuses a
 * figure computed around the gate.
 */
import { type ChoiceQuestion, type Definition, profileQuestion, type Question } from './definition.ts';
import { type RatingSummary, ratingSummary } from './statistics.ts';
import { sensitive, suppressGroups, suppressTable } from './suppression.ts';

/** Anonymous surveys never publish a figure about fewer people than this, whatever the series says. */
export const ANONYMOUS_FLOOR = 3;

/**
 * The smallest group a figure of this survey may describe: the series' minimum group size,
 * raised to ANONYMOUS_FLOOR for an anonymous survey (a coordinator knows who answered, so a
 * group of one or two would be a person).
 */
export function effectiveMinimum(seriesMinimum: number, anonymous: boolean): number {
  return anonymous ? Math.max(seriesMinimum, ANONYMOUS_FLOOR) : seriesMinimum;
}

declare const disclosedBrand: unique symbol;
/** Data that went through the gate. Nothing outside this module can construct one. */
export type Disclosed<T> = T & { readonly [disclosedBrand]: true };
const disclose = <T>(value: T) => value as Disclosed<T>;

/** The id of the recoded group in every output. */
export const OTHER_GROUPS = '_other';

/** Below the minimum, a survey's (or a question's) figures are withheld. */
export const withheld = (respondents: number, minGroupSize: number) => respondents < minGroupSize;

/** What the gate reads: the raw aggregates of one survey, as results.queries.ts returns them. */
export interface RawAggregates {
  participation: { invited: number; opened: number; answered: number; responses: number };
  timeline: { day: string; count: number }[];
  respondents: { question_id: string; n: number }[];
  options: { question_id: string; option_id: string; count: number }[];
  rankings: { question_id: string; option_id: string; borda: number; ranked: number; first: number; position_sum: number }[];
  ratings: { question_id: string; value: number; count: number }[];
  texts: { question_id: string; text: string; count: number }[];
  /** Per profile group: the respondent's exact group as stored (an option, 'a,b' for several, null: not stated). */
  breakdownCells: {
    question_id: string;
    option_id: string | null;
    value: number | null;
    grp: string | null;
    count: number;
    borda: number | null;
  }[];
  breakdownGroups: { question_id: string; grp: string | null; n: number }[];
  /** Respondents of the profile question per stored group (its own answers). */
  profileGroups: { grp: string | null; n: number }[];
}

/** A profile group after recoding: a group of its own, or OTHER_GROUPS with the groups it absorbed. */
export interface RecodedGroup {
  /** The stored group (an option id, 'a,b' for a combination), null for not stated, or OTHER_GROUPS. */
  id: string | null;
  /** For OTHER_GROUPS: the stored groups merged into it (null: not stated). */
  recoded_from?: (string | null)[];
  /** Respondents of the survey in this group. */
  n: number;
}

export interface DisclosureRecord {
  method: string;
  min_group_size: number;
  /** The survey has fewer respondents than the minimum: only participation is published. */
  survey_withheld: boolean;
  /** The profile groups as published (null: the survey has no profile question). */
  recoding: {
    question_id: string;
    groups: RecodedGroup[];
    /** False when fewer than two groups would remain: no breakdown is published. */
    breakdown: boolean;
    method: string;
  } | null;
  /** Figures left out, and why. */
  withheld: { question_id: string; n: number; reason: 'fewer_respondents' | 'fewer_writers' }[];
  /** Breakdown cells and group sizes hidden (small cells and their complements). */
  suppressed_cells: number;
}

export interface GatedBreakdownGroup {
  id: string | null;
  recoded_from?: (string | null)[];
  n: number | null;
  suppressed: boolean;
}
export interface GatedBreakdown {
  groups: GatedBreakdownGroup[];
  rows?: { id: string; cells: { count: number | null; borda?: number | null; suppressed: boolean }[] }[];
  ratings?: { n: number | null; mean: number | null; median: number | null; suppressed: boolean }[];
}

export interface GatedSurvey {
  min_group_size: number;
  participation: RawAggregates['participation'];
  timeline: RawAggregates['timeline'];
  withheld: boolean;
  /** Respondents per question (always published). */
  respondents: Map<string, number>;
  /** Questions answered by fewer than the minimum (texts: written by fewer). */
  withheldQuestions: Set<string>;
  /** Option counts of published questions; the profile question's recoded (OTHER_GROUPS row with `recoded_from`). */
  options: { question_id: string; option_id: string; count: number; recoded_from?: string[] }[];
  rankings: RawAggregates['rankings'];
  ratings: RawAggregates['ratings'];
  texts: RawAggregates['texts'];
  breakdowns: Map<string, GatedBreakdown>;
  disclosure: DisclosureRecord;
}

export const GATE_METHOD =
  'a survey with fewer than m respondents shows only participation; a question answered by fewer than m shows only its n; ' +
  'profile groups under m are merged into "other groups" (with the next smallest group while still under m; no breakdown if one group would remain), ' +
  'identically in the profile question’s own counts and every breakdown; breakdown cells counting 1 to m−1 are hidden, ' +
  'with a second cell wherever a published total would give a lone hidden cell back';

/**
 * Recoding of groups: groups of 1..m−1 merge; while the merged group counts fewer than m, the
 * smallest remaining group that counts someone joins it. `mergedSize` counts the merged
 * group's respondents (a sum for disjoint groups; for overlapping ones, the union).
 */
export function recode<K>(
  groups: readonly { key: K; n: number }[],
  m: number,
  mergedSize: (keys: K[]) => number = (keys) => keys.reduce((s, k) => s + (groups.find((g) => g.key === k)?.n ?? 0), 0),
  /** Further condition on the merged group (e.g. its part that the profile question's own counts publish). */
  enough: (keys: K[]) => boolean = () => true,
): { kept: K[]; merged: K[]; mergedN: number } {
  const merged = groups.filter((g) => sensitive(g.n, m)).map((g) => g.key);
  let kept = groups.filter((g) => !merged.includes(g.key));
  let mergedN = mergedSize(merged);
  while (merged.length > 0 && (mergedN < m || !enough(merged))) {
    const next = kept.filter((g) => g.n > 0).sort((a, b) => a.n - b.n)[0];
    if (!next) break;
    merged.push(next.key);
    kept = kept.filter((g) => g.key !== next.key);
    mergedN = mergedSize(merged);
  }
  return { kept: kept.map((g) => g.key), merged, mergedN };
}

/** The stored group's options ('a,b' → a and b); '' and null are not stated. */
const membersOf = (grp: string | null) => (grp ? grp.split(',') : []);

interface ProfileRecoding {
  question: ChoiceQuestion;
  /** Published groups in order; OTHER_GROUPS last. */
  groups: RecodedGroup[];
  /** Stored group → published group id. */
  of: (grp: string | null) => string | null;
  breakdown: boolean;
  /** The profile question's own counts, recoded. */
  options: GatedSurvey['options'];
}

function recodeProfile(profile: ChoiceQuestion, raw: RawAggregates, m: number): ProfileRecoding {
  const responses = raw.participation.responses;
  const stated = raw.respondents.find((r) => r.question_id === profile.id)?.n ?? 0;
  const notStated = Math.max(0, responses - stated);
  // Stored groups: for a single choice each option (zero ones too, for a stable layout); for
  // several choices each combination that occurs. Disjoint either way.
  const keys: string[] =
    profile.type === 'single'
      ? profile.options.map((o) => o.id)
      : raw.profileGroups.flatMap((g) => (g.grp ? [g.grp] : [])).sort((a, b) => a.localeCompare(b));
  // A single choice's groups are its options' counts; several choices need the combinations.
  const size =
    profile.type === 'single'
      ? new Map(raw.options.filter((o) => o.question_id === profile.id).map((o) => [o.option_id, o.count]))
      : new Map(raw.profileGroups.map((g) => [g.grp ?? '', g.n]));
  const all = [...keys.map((k) => ({ key: k as string | null, n: size.get(k) ?? 0 })), { key: null, n: notStated }];
  // The profile question's own counts publish the merged group without "not stated": that
  // part must not be a small count either, or it would be a group of its own.
  const statedPart = (merged: (string | null)[]) =>
    !sensitive(
      all.filter((g) => g.key !== null && merged.includes(g.key)).reduce((s, g) => s + g.n, 0),
      m,
    );
  const { kept, merged, mergedN } = recode(all, m, undefined, profile.type === 'single' ? statedPart : undefined);
  const groups: RecodedGroup[] = all.filter((g) => kept.includes(g.key)).map((g) => ({ id: g.key, n: g.n }));
  if (merged.length) groups.push({ id: OTHER_GROUPS, recoded_from: orderLike(all, merged), n: mergedN });
  const counting = groups.filter((g) => g.n > 0).length;
  const mergedSet = new Set(merged);
  const of = (grp: string | null) => {
    const k = grp || null;
    return mergedSet.has(k) ? OTHER_GROUPS : k;
  };

  // The profile question's own counts. For a single choice these are the groups' sizes, so the
  // same recoding applies as it is; for several choices, per option (respondents, not selections).
  const counts = new Map(raw.options.filter((o) => o.question_id === profile.id).map((o) => [o.option_id, o.count]));
  let options: GatedSurvey['options'];
  if (profile.type === 'single') {
    options = profile.options
      .filter((o) => !mergedSet.has(o.id))
      .map((o) => ({ question_id: profile.id, option_id: o.id, count: counts.get(o.id) ?? 0 }));
    const mergedOptions = profile.options.filter((o) => mergedSet.has(o.id)).map((o) => o.id);
    if (mergedOptions.length) {
      options.push({
        question_id: profile.id,
        option_id: OTHER_GROUPS,
        count: mergedOptions.reduce((s, id) => s + (counts.get(id) ?? 0), 0),
        recoded_from: mergedOptions,
      });
    }
  } else {
    const union = (ids: string[]) =>
      raw.profileGroups.filter((g) => membersOf(g.grp).some((o) => ids.includes(o))).reduce((s, g) => s + g.n, 0);
    const perOption = recode(
      profile.options.map((o) => ({ key: o.id, n: counts.get(o.id) ?? 0 })),
      m,
      union,
    );
    options = profile.options
      .filter((o) => perOption.kept.includes(o.id))
      .map((o) => ({ question_id: profile.id, option_id: o.id, count: counts.get(o.id) ?? 0 }));
    if (perOption.merged.length) {
      const from = profile.options.filter((o) => perOption.merged.includes(o.id)).map((o) => o.id);
      options.push({ question_id: profile.id, option_id: OTHER_GROUPS, count: perOption.mergedN, recoded_from: from });
    }
  }
  return { question: profile, groups, of, breakdown: counting >= 2, options };
}

const orderLike = <K>(all: readonly { key: K }[], keys: K[]) => all.map((g) => g.key).filter((k) => keys.includes(k));

function breakdownOf(
  q: Exclude<Question, { type: 'text' }>,
  recoding: ProfileRecoding,
  raw: RawAggregates,
  m: number,
): { breakdown: GatedBreakdown; hidden: number } {
  const groupIds = recoding.groups.map((g) => g.id);
  const index = new Map(groupIds.map((id, i) => [id, i]));
  const col = (grp: string | null) => index.get(recoding.of(grp)) ?? -1;
  const n = groupIds.map(() => 0);
  for (const g of raw.breakdownGroups) {
    const c = col(g.grp);
    if (g.question_id === q.id && c >= 0) n[c] = (n[c] ?? 0) + g.n;
  }
  const hiddenGroups = suppressGroups(n, m);
  let hiddenCount = hiddenGroups.filter(Boolean).length;
  const groups = recoding.groups.map((g, i) => ({
    id: g.id,
    ...(g.recoded_from ? { recoded_from: g.recoded_from } : {}),
    n: hiddenGroups[i] ? null : (n[i] ?? 0),
    suppressed: !!hiddenGroups[i],
  }));
  const cells = raw.breakdownCells.filter((c) => c.question_id === q.id);
  if (q.type === 'rating') {
    const buckets = groupIds.map(() => new Map<number, number>());
    for (const c of cells) {
      const i = col(c.grp);
      if (c.value === null || i < 0) continue;
      const b = buckets[i];
      b?.set(c.value, (b.get(c.value) ?? 0) + c.count);
    }
    const ratings = groupIds.map((_, i) => {
      if (hiddenGroups[i]) return { n: null, mean: null, median: null, suppressed: true };
      const s: RatingSummary = ratingSummary(
        [...(buckets[i] ?? new Map<number, number>())].map(([value, count]) => ({ value, count })),
        q.min,
        q.max,
      );
      return { n: s.n, mean: s.mean, median: s.median, suppressed: false };
    });
    return { breakdown: { groups, ratings }, hidden: hiddenCount };
  }
  const counts = q.options.map(() => groupIds.map(() => 0));
  const borda = q.options.map(() => groupIds.map(() => 0));
  const row = new Map(q.options.map((o, r) => [o.id, r]));
  for (const c of cells) {
    const r = row.get(c.option_id ?? '');
    const i = col(c.grp);
    if (r === undefined || i < 0) continue;
    const countRow = counts[r];
    const bordaRow = borda[r];
    if (countRow) countRow[i] = (countRow[i] ?? 0) + c.count;
    if (bordaRow) bordaRow[i] = (bordaRow[i] ?? 0) + (c.borda ?? 0);
  }
  const hidden = suppressTable(counts, m, { rows: true, columns: q.type === 'single', hiddenColumns: hiddenGroups });
  const rows = q.options.map((o, r) => ({
    id: o.id,
    cells: groupIds.map((_, c) => {
      const isHidden = !!hidden[r]?.[c];
      if (isHidden) hiddenCount += 1;
      const count = isHidden ? null : (counts[r]?.[c] ?? 0);
      if (q.type !== 'ranking') return { count, suppressed: isHidden };
      return { count, borda: isHidden ? null : (borda[r]?.[c] ?? 0), suppressed: isHidden };
    }),
  }));
  return { breakdown: { groups, rows }, hidden: hiddenCount };
}

/** A text question's n: who answered it (remarks and proposals alike). */
const textQuestion = (q: Question): q is Extract<Question, { type: 'text' }> => q.type === 'text';

/**
 * The gate: a survey's raw aggregates in, the figures that may be published out, with the
 * record of how they were computed. `m` is effectiveMinimum(series' minimum, anonymous).
 */
export function gateSurvey(raw: RawAggregates, def: Definition, m: number): Disclosed<GatedSurvey> {
  const respondents = new Map(raw.respondents.map((r) => [r.question_id, r.n]));
  const surveyWithheld = withheld(raw.participation.responses, m);
  const withheldQuestions = new Set<string>();
  const reasons: DisclosureRecord['withheld'] = [];
  for (const q of def.questions) {
    const n = respondents.get(q.id) ?? 0;
    if (surveyWithheld || withheld(n, m)) {
      withheldQuestions.add(q.id);
      if (!surveyWithheld) reasons.push({ question_id: q.id, n, reason: textQuestion(q) ? 'fewer_writers' : 'fewer_respondents' });
    }
  }
  const shown = (qid: string) => !withheldQuestions.has(qid);
  const profile = profileQuestion(def);
  const recoding = profile && !surveyWithheld ? recodeProfile(profile, raw, m) : null;
  const breakdowns = new Map<string, GatedBreakdown>();
  let suppressed = 0;
  if (recoding?.breakdown) {
    for (const q of def.questions) {
      if (q.type === 'text' || q.id === recoding.question.id || !shown(q.id)) continue;
      const b = breakdownOf(q, recoding, raw, m);
      breakdowns.set(q.id, b.breakdown);
      suppressed += b.hidden;
    }
  }
  const known = new Set(def.questions.map((q) => q.id));
  const keep = <T extends { question_id: string }>(rows: T[]) =>
    surveyWithheld ? [] : rows.filter((r) => known.has(r.question_id) && shown(r.question_id));
  return disclose({
    min_group_size: m,
    participation: raw.participation,
    timeline: raw.timeline,
    withheld: surveyWithheld,
    respondents,
    withheldQuestions,
    options: [
      ...keep(raw.options).filter((o) => o.question_id !== profile?.id),
      ...(recoding && shown(recoding.question.id) ? recoding.options : []),
    ],
    rankings: keep(raw.rankings),
    ratings: keep(raw.ratings),
    texts: keep(raw.texts),
    breakdowns,
    disclosure: {
      method: GATE_METHOD,
      min_group_size: m,
      survey_withheld: surveyWithheld,
      recoding: recoding
        ? {
            question_id: recoding.question.id,
            groups: recoding.groups,
            breakdown: recoding.breakdown,
            method: `groups of fewer than ${m} respondents (not stated included) are merged into "${OTHER_GROUPS}", with the next smallest while it counts fewer than ${m}; ${
              recoding.breakdown
                ? 'applied to the profile question’s own counts and every breakdown'
                : 'fewer than two groups remain, so no breakdown is published'
            }`,
          }
        : null,
      withheld: reasons,
      suppressed_cells: suppressed,
    },
  });
}

/* ---------- Figures across surveys (the brief) ---------- */

/**
 * Theme history: a survey's theme ranking counts in the priorities (and their history and
 * trend) only when the survey has m respondents and its ranking m ballots. Tallies and
 * ballots of the other surveys are dropped here.
 */
export function gateThemeHistory<T extends { survey_id: number }>(
  surveys: readonly { id: number; anonymous: 0 | 1 }[],
  respondents: ReadonlyMap<number, number>,
  ballots: ReadonlyMap<number, number>,
  tallies: readonly T[],
  seriesMinimum: number,
  perRank: readonly { survey_id: number; rank: number; n: number }[] = [],
): Disclosed<{
  surveys: Set<number>;
  ballots: Map<number, number>;
  tallies: T[];
  perRank: { survey_id: number; rank: number; n: number }[];
}> {
  const usable = new Set(
    surveys
      .filter((s) => {
        const m = effectiveMinimum(seriesMinimum, s.anonymous === 1);
        return !withheld(respondents.get(s.id) ?? 0, m) && !withheld(ballots.get(s.id) ?? 0, m);
      })
      .map((s) => s.id),
  );
  return disclose({
    surveys: usable,
    ballots: new Map([...ballots].filter(([id]) => usable.has(id))),
    tallies: tallies.filter((t) => usable.has(t.survey_id)),
    // Ballots per position of a usable survey: counts over all its ballots (rule 6).
    perRank: perRank.filter((r) => usable.has(r.survey_id)),
  });
}

/**
 * Proposed themes of a series (the workspace's list): a question's proposals count only when
 * its survey and the question each reach that survey's minimum; equal texts are added up.
 */
export function gateProposalTexts(
  rows: readonly { anonymous: 0 | 1; min_group_size: number; survey_n: number; question_n: number; text: string; count: number }[],
): Disclosed<{ text: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const m = effectiveMinimum(r.min_group_size, r.anonymous === 1);
    if (withheld(r.survey_n, m) || withheld(r.question_n, m)) continue;
    counts.set(r.text, (counts.get(r.text) ?? 0) + r.count);
  }
  return disclose([...counts].map(([text, count]) => ({ text, count })));
}

export interface GatedPairing {
  total: { paired: number | null; useful: number | null; suppressed: boolean };
  items: { option_id: string; paired: number | null; useful: number | null; suppressed: boolean }[];
}

/**
 * Pre/post pairing: paired respondents, and per expectation named before. A figure is shown
 * when it, and "not useful" (paired − useful) that it implies, count 0 or at least m; a
 * paired count of 1..m−1 is hidden with its useful count.
 */
export function gatePairing(
  total: { paired: number; useful: number },
  items: readonly { option_id: string; paired: number; useful: number }[],
  m: number,
): Disclosed<GatedPairing> {
  const protect = (paired: number, useful: number) =>
    sensitive(paired, m) || !!suppressTable([[useful, paired - useful]], m, { rows: true, columns: false })[0]?.some(Boolean);
  const figure = (paired: number, useful: number) => {
    const hide = protect(paired, useful);
    return { paired: sensitive(paired, m) ? null : paired, useful: hide ? null : useful, suppressed: hide };
  };
  return disclose({
    total: figure(total.paired, total.useful),
    items: items.map((i) => ({ option_id: i.option_id, ...figure(i.paired, i.useful) })),
  });
}

/* ---------- The series export's aggregates ---------- */

export interface ExportAggregates {
  options: { question_id: string; option_id: string; rank: number | null; n: number | null }[];
  ratings: { question_id: string; value: number; n: number | null }[];
  /** Respondents per question, so an importer (and a re-export) can apply the same rule. */
  questions?: { question_id: string; n: number }[];
  disclosure?: {
    method: string;
    min_group_size: number;
    survey_withheld: boolean;
    withheld_questions: string[];
    recoded?: { question_id: string; recoded_from: string[] } | null;
  };
}

/**
 * A survey's aggregates in the export: the same rules as its results (survey and question
 * withholding, the profile question's own counts recoded). The export carries no breakdown.
 * An imported survey's figures are gated again on re-export, with what the file says of
 * respondents (`questions`, or a lower bound from the counts when an older file lacks it).
 */
export function gateExport(
  def: Definition,
  responses: number,
  questions: readonly { question_id: string; n: number }[] | undefined,
  options: ExportAggregates['options'],
  ratings: ExportAggregates['ratings'],
  m: number,
  /** An imported survey's record: what its file said was recoded (the merged options are no longer in it). */
  previous?: ExportAggregates['disclosure'],
): Disclosed<ExportAggregates> {
  const nOf = new Map((questions ?? []).map((q) => [q.question_id, q.n]));
  const lowerBound = (q: Question) => {
    if (nOf.has(q.id)) return nOf.get(q.id) ?? 0;
    const count = (rows: { question_id: string; n: number | null }[]) => rows.filter((r) => r.question_id === q.id).map((r) => r.n ?? 0);
    if (q.type === 'rating') return count(ratings).reduce((s, x) => s + x, 0);
    if (q.type === 'ranking') return options.filter((o) => o.question_id === q.id && o.rank === 1).reduce((s, o) => s + (o.n ?? 0), 0);
    if (q.type === 'single') return count(options).reduce((s, x) => s + x, 0);
    return Math.max(0, ...count(options));
  };
  const surveyWithheld = withheld(responses, m);
  const hiddenQuestions = def.questions.filter((q) => surveyWithheld || withheld(lowerBound(q), m)).map((q) => q.id);
  const shown = (qid: string) => def.questions.some((q) => q.id === qid) && !hiddenQuestions.includes(qid);
  const profile = profileQuestion(def);
  let profileOptions: ExportAggregates['options'] = [];
  let recoded: { question_id: string; recoded_from: string[] } | null = null;
  if (profile && shown(profile.id)) {
    const rows = options.filter((o) => o.question_id === profile.id);
    const { kept, merged, mergedN } = recode(
      profile.options.map((o) => ({ key: o.id, n: rows.find((r) => r.option_id === o.id)?.n ?? 0 })),
      m,
      // For several choices the union is not in the file: the sum bounds it from above, and
      // the merged options stay merged whatever it is.
    );
    profileOptions = rows.filter((r) => kept.includes(r.option_id));
    if (merged.length) {
      // Several choices: the merged options' respondents (not selections) are not in the file, so no figure is given.
      profileOptions.push({ question_id: profile.id, option_id: OTHER_GROUPS, rank: null, n: profile.type === 'single' ? mergedN : null });
      recoded = { question_id: profile.id, recoded_from: merged };
    } else {
      const other = rows.find((r) => r.option_id === OTHER_GROUPS);
      if (other) {
        profileOptions.push(other);
        recoded = previous?.recoded ?? null;
      }
    }
  }
  return disclose({
    options: [...options.filter((o) => shown(o.question_id) && o.question_id !== profile?.id), ...profileOptions],
    ratings: ratings.filter((r) => shown(r.question_id)),
    // Below the minimum, a survey shows only its participation: not even who answered which question.
    questions: surveyWithheld ? [] : def.questions.map((q) => ({ question_id: q.id, n: lowerBound(q) })),
    disclosure: {
      method: `${GATE_METHOD}; the export carries no breakdown`,
      min_group_size: m,
      survey_withheld: surveyWithheld,
      withheld_questions: surveyWithheld ? [] : hiddenQuestions,
      recoded,
    },
  });
}
