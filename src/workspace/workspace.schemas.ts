/**
 * One valibot schema per workspace form. Fields arrive as strings; messages are keys of the
 * workspace catalogue's `invalid` section, so errors are shown in the coordinator's language.
 */
import * as v from 'valibot';
import { brusselsToUtc } from '../domain/brussels-time.ts';
import { LANGUAGES } from '../domain/language.ts';
import { CleanText } from '../lib/schemas.ts';

const text = () => CleanText({ message: 'characters' });
const required = (max = 200) => v.pipe(text(), v.nonEmpty('required'), v.maxLength(max, 'tooLong'));
const optionalText = (max = 200) =>
  v.pipe(
    v.optional(text(), ''),
    v.maxLength(max, 'tooLong'),
    v.transform((s) => s || undefined),
  );
const date = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('required'),
  v.check((s) => brusselsToUtc(s, '12:00') !== null, 'date'),
);
const time = v.pipe(v.string(), v.trim(), v.nonEmpty('required'), v.regex(/^\d{2}:\d{2}$/, 'time'));
const optionalTime = v.pipe(
  v.optional(v.string(), ''),
  v.trim(),
  v.check((s) => s === '' || /^\d{2}:\d{2}$/.test(s), 'time'),
);
const id = v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, 'theme'), v.transform(Number));

export const SeriesForm = v.object({
  title: required(),
  bassin: optionalText(),
  language: v.picklist(LANGUAGES, 'required'),
});

export const SessionForm = v.pipe(
  v.object({
    number: v.pipe(v.string(), v.trim(), v.nonEmpty('required'), v.regex(/^[1-9]\d{0,2}$/, 'number'), v.transform(Number)),
    date,
    start: time,
    end: optionalTime,
    place: optionalText(),
  }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const { number, date: d, start, end, place } = dataset.value;
    const starts_at = brusselsToUtc(d, start);
    if (!starts_at) {
      addIssue({ message: 'date', path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'date', value: d }] });
      return NEVER;
    }
    const ends_at = end ? brusselsToUtc(d, end) : undefined;
    if (end && (!ends_at || ends_at <= starts_at)) {
      addIssue({ message: 'endBeforeStart', path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'end', value: end }] });
      return NEVER;
    }
    return { number, starts_at, ...(ends_at ? { ends_at } : {}), ...(place ? { place } : {}) };
  }),
);

export const SurveyForm = v.pipe(
  v.object({
    kind: v.picklist(['pre', 'post'], 'required'),
    anonymous: v.optional(v.string(), ''),
    closes: v.pipe(
      v.optional(v.string(), ''),
      v.trim(),
      v.check((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), 'date'),
    ),
  }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const { kind, anonymous, closes } = dataset.value;
    // A closing date means the end of that day in Brussels.
    const closes_at = closes ? brusselsToUtc(closes, '23:59') : undefined;
    if (closes && !closes_at) {
      addIssue({ message: 'date', path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'closes', value: closes }] });
      return NEVER;
    }
    return { kind, anonymous: anonymous === 'on' || anonymous === '1', ...(closes_at ? { closes_at } : {}) };
  }),
);

/** A new closing date (the end of that day in Brussels); empty removes it. */
export const ClosingForm = v.object({
  closes: v.pipe(
    v.optional(v.string(), ''),
    v.trim(),
    v.check((s) => s === '' || brusselsToUtc(s, '23:59') !== null, 'date'),
    v.transform((s) => (s ? brusselsToUtc(s, '23:59') : null)),
  ),
});

export const ThemeForm = v.object({
  label_fr: required(500),
  label_nl: optionalText(500),
  label_en: optionalText(500),
});

export const MergeForm = v.object({ into: id });

export const ProposalForm = v.object({ key: required(500), text: required(500) });
export const ProposalMergeForm = v.object({ key: required(500), into: id });

/** The series' settings form: the minimum group size, a whole number from 1 to 50 as the API takes. */
export const SeriesSettingsForm = v.object({
  min_group_size: v.pipe(
    v.string(),
    v.trim(),
    v.check((s) => /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 50, 'minGroupSize'),
    v.transform(Number),
  ),
});

export const RetentionForm = v.object({
  days: v.pipe(
    v.optional(v.string(), ''),
    v.trim(),
    v.check((s) => s === '' || (/^\d{1,4}$/.test(s) && Number(s) <= 3650), 'retention'),
    v.transform((s) => (s === '' ? null : Number(s))),
  ),
});

export const ParticipantEmailForm = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.nonEmpty('required'), v.maxLength(254, 'email'), v.email('email')),
});

/**
 * A session's change as the workspace form gives it: a Brussels date and local times. The
 * times are read strictly afterwards (src/domain/brussels-time.ts `readBrusselsTime`): one that
 * never happens is refused; one that happens twice needs `fold` (which one) to be given.
 */
export const SessionEditForm = v.object({
  date: v.pipe(v.string(), v.trim(), v.nonEmpty('required'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'date')),
  start: time,
  end: optionalTime,
  place: optionalText(),
  notes: v.pipe(
    v.optional(CleanText({ multiline: true, message: 'characters' }), ''),
    v.maxLength(1000, 'tooLong'),
    v.transform((s) => s || undefined),
  ),
  fold: v.optional(v.picklist(['', 'earlier', 'later'], 'required'), ''),
});
