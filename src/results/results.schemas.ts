/** Query parameters of the results and brief routes: one schema each, errors by field. */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { SeparatorSchema } from '../lib/csv.ts';
import { CountSchema, IdSchema, InstantSchema } from '../lib/schemas.ts';

const QuestionId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'not a question id'));

export const ResultsQuerySchema = v.object({
  format: v.optional(v.picklist(['json', 'csv', 'html'], 'expected json, csv or html')),
  question: v.optional(QuestionId),
  lang: v.optional(LanguageSchema),
  sep: v.optional(SeparatorSchema),
});

export const BriefQuerySchema = v.object({
  format: v.optional(v.picklist(['json', 'md', 'csv', 'html', 'docx', 'odt'], 'expected json, md, csv, html, docx or odt')),
  lang: v.optional(LanguageSchema),
  sep: v.optional(SeparatorSchema),
});

export type ResultsFormat = 'json' | 'csv' | 'html';
export type BriefFormat = 'json' | 'md' | 'csv' | 'html' | 'docx' | 'odt';

/** `?format=` wins; otherwise the first Accept type we serve (a browser asks for text/html). */
export function formatFromAccept<F extends string>(accept: string | undefined, served: Record<string, F>, fallback: F): F {
  const types = (accept ?? '')
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { type: type.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const t of types) {
    const f = served[t.type];
    if (f) return f;
  }
  return fallback;
}

/*
 * What the JSON formats answer (results.ts and src/brief/brief.ts shape them). Figures a
 * small group could betray are null with `suppressed: true`, or left out with `withheld: true`.
 * Docs only, like every response schema: undefined in the deployed Worker (RELAIS_DOCS,
 * src/openapi/contract.ts), read by the OpenAPI document, the tests and types.
 */
const Kind = RELAIS_DOCS ? v.picklist(['pre', 'post']) : (undefined as never);
const Status = RELAIS_DOCS ? v.picklist(['draft', 'open', 'closed']) : (undefined as never);
const Share = RELAIS_DOCS ? v.pipe(v.number(), v.minValue(0), v.maxValue(1)) : (undefined as never);
const Place = RELAIS_DOCS ? v.pipe(v.number(), v.integer(), v.minValue(1)) : (undefined as never);
const SessionNumber = RELAIS_DOCS ? v.pipe(v.number(), v.integer(), v.minValue(1)) : (undefined as never);
const GroupSize = RELAIS_DOCS ? v.pipe(v.number(), v.integer(), v.minValue(1)) : (undefined as never);

export const ParticipationSchema = RELAIS_DOCS
  ? v.object({
      invited: CountSchema,
      opened: CountSchema,
      answered: CountSchema,
      responses: v.pipe(CountSchema, v.description('stored responses; equals answered unless an invitation was removed after answering')),
      answer_rate: Share,
      method: v.string(),
      over_time: v.array(v.object({ day: v.pipe(v.string(), v.isoDate()), count: CountSchema, cumulative: CountSchema })),
    })
  : (undefined as never);

export const TextGroupSchema = RELAIS_DOCS
  ? v.object({
      text: v.string(),
      count: CountSchema,
      variants: v.pipe(v.array(v.string()), v.description('the spellings counted together')),
    })
  : (undefined as never);

export const RankingMethodSchema = RELAIS_DOCS
  ? v.object({
      name: v.literal('borda'),
      k: CountSchema,
      n: v.pipe(CountSchema, v.description('ballots: respondents who ranked at least one item')),
      points: v.string(),
      order: v.string(),
      ties: v.string(),
    })
  : (undefined as never);

const RankedItemEntries = RELAIS_DOCS
  ? {
      place: v.pipe(Place, v.description('tied items share the place of the first of them (1, 2, 2, 4)')),
      tied: v.boolean(),
      label: v.string(),
      borda: CountSchema,
      mean_borda: v.number(),
      ranked: CountSchema,
      first: CountSchema,
      mean_position: v.nullable(v.number()),
    }
  : (undefined as never);

export const RankingSchema = RELAIS_DOCS
  ? v.object({
      method: RankingMethodSchema,
      items: v.array(v.object({ ...RankedItemEntries, id: v.string() })),
    })
  : (undefined as never);

/** How a payload's figures were computed (src/domain/disclosure.ts): the minimum, what was recoded, withheld and hidden. */
export const DisclosureSchema = RELAIS_DOCS
  ? v.object({
      method: v.string(),
      min_group_size: GroupSize,
      survey_withheld: v.boolean(),
      recoding: v.nullable(
        v.object({
          question_id: v.string(),
          groups: v.array(
            v.object({
              id: v.pipe(
                v.nullable(v.string()),
                v.description('a group of the profile question; null: not stated; "_other": groups merged'),
              ),
              recoded_from: v.optional(v.array(v.nullable(v.string()))),
              n: CountSchema,
            }),
          ),
          breakdown: v.pipe(v.boolean(), v.description('false: fewer than two groups would remain, so no breakdown is published')),
          method: v.string(),
        }),
      ),
      withheld: v.array(v.object({ question_id: v.string(), n: CountSchema, reason: v.picklist(['fewer_respondents', 'fewer_writers']) })),
      suppressed_cells: CountSchema,
    })
  : (undefined as never);

/** Results per group of the profile question (sector…); present on every non-text question when the survey has one and at least two groups remain after recoding. */
export const BreakdownSchema = RELAIS_DOCS
  ? v.object({
      by: v.object({ question_id: v.string(), text: v.string() }),
      min_group_size: GroupSize,
      method: v.string(),
      groups: v.array(
        v.object({
          id: v.pipe(
            v.nullable(v.string()),
            v.description(
              'option of the profile question ("a,b": that combination, for several choices); null: not stated; "_other": groups recoded together',
            ),
          ),
          label: v.string(),
          recoded_from: v.optional(v.array(v.nullable(v.string()))),
          n: v.nullable(CountSchema),
          suppressed: v.boolean(),
        }),
      ),
      /** Choice and ranking questions: one row per option, one cell per group (borda for rankings). */
      rows: v.optional(
        v.array(
          v.object({
            id: v.string(),
            label: v.string(),
            cells: v.array(
              v.object({ count: v.nullable(CountSchema), borda: v.optional(v.nullable(CountSchema)), suppressed: v.boolean() }),
            ),
          }),
        ),
      ),
      /** Rating questions: one summary per group. */
      ratings: v.optional(
        v.array(
          v.object({ n: v.nullable(CountSchema), mean: v.nullable(v.number()), median: v.nullable(v.number()), suppressed: v.boolean() }),
        ),
      ),
    })
  : (undefined as never);

const questionBase = RELAIS_DOCS
  ? {
      id: v.string(),
      text: v.string(),
      n: v.pipe(CountSchema, v.description('respondents who answered this question')),
      withheld: v.optional(v.pipe(v.boolean(), v.description('fewer respondents than the minimum group size: only n is given'))),
      breakdown: v.optional(BreakdownSchema),
    }
  : (undefined as never);

/** One question's aggregate, by its type. */
export const QuestionResultSchema = RELAIS_DOCS
  ? v.variant('type', [
      v.object({
        ...questionBase,
        type: v.picklist(['single', 'multiple']),
        method: v.string(),
        options: v.array(
          v.object({
            id: v.string(),
            label: v.string(),
            count: CountSchema,
            share: Share,
            recoded_from: v.optional(v.pipe(v.array(v.string()), v.description('options merged into "_other" (the profile question)'))),
          }),
        ),
      }),
      v.object({ ...questionBase, type: v.literal('ranking'), ranking: RankingSchema }),
      v.object({
        ...questionBase,
        type: v.literal('rating'),
        min: v.pipe(v.number(), v.integer()),
        max: v.pipe(v.number(), v.integer()),
        method: v.string(),
        mean: v.nullable(v.number()),
        median: v.nullable(v.number()),
        distribution: v.array(v.object({ value: v.pipe(v.number(), v.integer()), count: CountSchema })),
      }),
      v.object({
        ...questionBase,
        type: v.literal('text'),
        role: v.picklist(['remark', 'theme_proposal']),
        groups: v.array(TextGroupSchema),
      }),
    ])
  : (undefined as never);

/** GET /api/surveys/{id}/results as JSON. */
export const SurveyResultsResponseSchema = RELAIS_DOCS
  ? v.object({
      survey: v.object({
        id: IdSchema,
        kind: Kind,
        status: Status,
        anonymous: v.boolean(),
        session: v.object({ id: IdSchema, number: SessionNumber }),
        series: v.object({ id: IdSchema, title: v.string(), language: LanguageSchema }),
      }),
      language: LanguageSchema,
      min_group_size: GroupSize,
      participation: ParticipationSchema,
      withheld: v.pipe(v.boolean(), v.description('fewer respondents than the minimum group size: questions is empty')),
      questions: v.array(QuestionResultSchema),
      disclosure: DisclosureSchema,
    })
  : (undefined as never);

const AgreementSchema = RELAIS_DOCS
  ? v.pipe(
      v.object({
        w: v.pipe(v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))), v.description('null: fewer than 2 ballots or 2 options')),
        level: v.nullable(v.picklist(['weak', 'moderate', 'strong'])),
        n: CountSchema,
        m: CountSchema,
        k: CountSchema,
        borda_winner: v.pipe(v.nullable(v.string()), v.description('theme id of the Borda winner; null on a tie for first place')),
        condorcet: v.pipe(
          v.picklist(['confirmed', 'not_winner', 'undetermined']),
          v.description('whether the Borda winner also wins every head-to-head majority, decided from bounds on the counters'),
        ),
        method: v.string(),
      }),
      v.description('how much the ballots of the round agree: Kendall’s W adapted to top-k ballots, from the counters'),
    )
  : (undefined as never);

const PriorityRoundSchema = RELAIS_DOCS
  ? v.object({
      session: v.pipe(SessionNumber, v.description('the session these priorities prepare')),
      surveys: v.array(v.object({ survey_id: IdSchema, session_number: SessionNumber, kind: Kind, ballots: CountSchema })),
      n: CountSchema,
      agreement: AgreementSchema,
    })
  : (undefined as never);

const PairingSchema = RELAIS_DOCS
  ? v.object({
      pre_survey_id: IdSchema,
      post_survey_id: IdSchema,
      question_id: v.string(),
      threshold: v.pipe(v.number(), v.integer()),
      max: v.pipe(v.number(), v.integer()),
      method: v.string(),
      total: v.object({ paired: v.nullable(CountSchema), useful: v.nullable(CountSchema), suppressed: v.boolean() }),
      items: v.array(
        v.object({
          option_id: v.string(),
          label: v.string(),
          paired: v.nullable(CountSchema),
          useful: v.nullable(CountSchema),
          suppressed: v.boolean(),
        }),
      ),
    })
  : (undefined as never);

const Survey = { survey_id: IdSchema };

/** GET /api/sessions/{id}/brief as JSON: session N's post-survey, N+1's pre-survey and the theme history. */
export const BriefResponseSchema = RELAIS_DOCS
  ? v.object({
      sections: v.pipe(
        v.array(
          v.object({
            id: v.picklist(['expectations', 'findings', 'needs', 'actions', 'save_the_date']),
            filled: v.boolean(),
            written: v.boolean(),
          }),
        ),
        v.description(
          'the sections of the minutes in their order; filled false: the section says it has no data; written: the coordinator wrote a text for it',
        ),
      ),
      written: v.pipe(
        v.array(
          v.object({
            section: v.picklist(['expectations', 'findings', 'needs', 'actions', 'save_the_date']),
            origin: v.literal('written'),
            text: v.string(),
            blocks: v.array(
              v.variant('type', [
                v.object({ type: v.literal('paragraph'), text: v.string() }),
                v.object({ type: v.literal('list'), items: v.array(v.string()) }),
              ]),
            ),
            language: LanguageSchema,
            version: CountSchema,
            updated_at: InstantSchema,
          }),
        ),
        v.description(
          'the coordinator’s words per section (newest version), written by the coordination; every other figure is measured from the surveys',
        ),
      ),
      series: v.object({ id: IdSchema, title: v.string(), bassin: v.nullable(v.string()), language: LanguageSchema }),
      language: LanguageSchema,
      min_group_size: GroupSize,
      session: v.object({ id: IdSchema, number: SessionNumber, starts_at: InstantSchema }),
      for_session: v.pipe(
        v.object({
          number: SessionNumber,
          id: v.nullable(IdSchema),
          starts_at: v.nullable(InstantSchema),
          ends_at: v.nullable(InstantSchema),
          place: v.nullable(v.string()),
        }),
        v.description('session N+1, which the brief prepares (id null while it is not planned)'),
      ),
      sources: v.array(
        v.object({
          ...Survey,
          session_number: SessionNumber,
          kind: Kind,
          status: Status,
          anonymous: v.boolean(),
          respondents: CountSchema,
          min_group_size: GroupSize,
          withheld: v.boolean(),
          disclosure: v.nullable(DisclosureSchema),
        }),
      ),
      participation: v.array(v.object({ ...Survey, ...ParticipationSchema.entries })),
      expectations: v.nullable(v.object({ ...Survey, question: QuestionResultSchema })),
      appreciation: v.nullable(v.object({ ...Survey, questions: v.array(QuestionResultSchema) })),
      pairing: v.pipe(
        v.nullable(v.union([PairingSchema, v.literal('anonymous')])),
        v.description('null when a survey is missing; "anonymous" when either survey is anonymous (never paired)'),
      ),
      priorities: v.object({
        method: RankingMethodSchema,
        change_method: v.string(),
        rounds: v.array(PriorityRoundSchema),
        current: PriorityRoundSchema,
        items: v.array(
          v.object({
            ...RankedItemEntries,
            theme_id: IdSchema,
            change: v.pipe(
              v.picklist(['new', 'up', 'down', 'steady', 'none']),
              v.description('none: nobody ranked the theme now nor in the round before (nothing to compare)'),
            ),
            history: v.array(
              v.object({ session: SessionNumber, place: Place, borda: CountSchema, mean_borda: v.number(), n: CountSchema }),
            ),
          }),
        ),
      }),
      actions: v.nullable(v.object({ ...Survey, question: QuestionResultSchema })),
      action_follow_up: v.pipe(
        v.array(
          v.object({
            id: IdSchema,
            option_id: v.string(),
            label: v.string(),
            status: v.picklist(['proposed', 'planned', 'in_progress', 'done', 'dropped']),
            note: v.nullable(v.string()),
            since_session: v.nullable(SessionNumber),
            volunteers: v.pipe(
              v.nullable(CountSchema),
              v.description('how many ticked it in this session’s post-survey (gated; null: not asked or withheld)'),
            ),
          }),
        ),
        v.description('the series’ actions proposed up to this session and what became of them (status and note set by the coordinator)'),
      ),
      proposed_themes: v.pipe(
        v.object({
          survey_ids: v.array(IdSchema),
          n: CountSchema,
          method: v.string(),
          accepted: v.array(v.object({ theme_id: IdSchema, label: v.string(), count: CountSchema })),
          pending: v.pipe(CountSchema, v.description('distinct proposals no coordinator has handled yet (never their text)')),
        }),
        v.description('only moderated proposals are named: those accepted into the catalogue, under the theme’s label'),
      ),
      remarks: v.object({
        survey_ids: v.array(IdSchema),
        n: CountSchema,
        withheld: v.boolean(),
        method: v.string(),
        texts: v.array(TextGroupSchema),
        by_theme: v.pipe(
          v.array(
            v.object({
              theme_id: v.pipe(v.nullable(IdSchema), v.description('null: the remarks that name no theme (listed last)')),
              label: v.nullable(v.string()),
              texts: v.array(TextGroupSchema),
            }),
          ),
          v.description('the same texts under the theme each one names, in the order of the priorities'),
        ),
        by_theme_method: v.string(),
      }),
    })
  : (undefined as never);
