/**
 * Editing a survey's questions from the workspace: texts in three languages, required or not,
 * option labels, order. Once a survey has answers its options keep their meaning: their ids,
 * order and labels are locked, while question texts may still be reworded.
 */
import * as v from 'valibot';
import { type Definition, isChoice, type Question, QuestionsSchema } from './definition.ts';
import type { LocalizedText } from './language.ts';
import { normaliseNfc, textRefusal } from './text-hygiene.ts';

export interface TextEdit {
  text: Partial<LocalizedText>;
  required: boolean;
  /** Option id → its labels. */
  options: Record<string, Partial<LocalizedText>>;
}

export interface EditIssue {
  /** Form field id, e.g. `text_fr-themes` or `option_fr-sector-gp`. */
  field: string;
  code: 'required' | 'too_long' | 'options_locked' | 'invalid' | 'characters';
}

const MAX = 500;

function localized(current: LocalizedText, edit: Partial<LocalizedText> | undefined, field: (l: string) => string, issues: EditIssue[]) {
  if (!edit) return current;
  for (const l of ['fr', 'nl', 'en'] as const) {
    if (textRefusal(edit[l] ?? '')) issues.push({ field: field(l), code: 'characters' });
  }
  const fr = normaliseNfc(edit.fr ?? '').trim();
  const nl = normaliseNfc(edit.nl ?? '').trim();
  const en = normaliseNfc(edit.en ?? '').trim();
  if (!fr) issues.push({ field: field('fr'), code: 'required' });
  for (const [l, s] of [
    ['fr', fr],
    ['nl', nl],
    ['en', en],
  ] as const) {
    if (s.length > MAX) issues.push({ field: field(l), code: 'too_long' });
  }
  return { fr, ...(nl ? { nl } : {}), ...(en ? { en } : {}) };
}

export const sameLabel = (a: LocalizedText, b: LocalizedText) =>
  a.fr === b.fr && (a.nl ?? '') === (b.nl ?? '') && (a.en ?? '') === (b.en ?? '');

/** True when every question keeps the same options (ids, order and labels). */
export function sameOptions(before: Definition, after: Definition): boolean {
  const options = (q: Question | undefined) => (q && isChoice(q) ? q.options : []);
  return before.questions.every((q) => {
    const a = options(q);
    const b = options(after.questions.find((x) => x.id === q.id));
    return a.length === b.length && a.every((o, i) => o.id === b[i]?.id && sameLabel(o.label, b[i].label));
  });
}

/** Options fed by the theme catalogue are refreshed as the survey opens, never edited by hand. */
export const catalogueFed = (q: Question) => q.type === 'ranking' && q.source === 'themes';

export function applyEdits(
  def: Definition,
  edits: Record<string, TextEdit>,
  locked: boolean,
): { ok: true; definition: Definition } | { ok: false; issues: EditIssue[] } {
  const issues: EditIssue[] = [];
  const questions = def.questions.map((q): Question => {
    const edit = edits[q.id];
    if (!edit) return q;
    const text = localized(q.text, edit.text, (l) => `text_${l}-${q.id}`, issues);
    if (!isChoice(q) || catalogueFed(q)) return { ...q, text, required: edit.required };
    const options = q.options.map((o) => ({
      ...o,
      label: localized(o.label, edit.options[o.id], (l) => `option_${l}-${q.id}-${o.id}`, issues),
    }));
    return { ...q, text, required: edit.required, options } as Question;
  });
  const next = { questions };
  if (locked && !sameOptions(def, next)) {
    for (const q of def.questions) {
      const after = next.questions.find((x) => x.id === q.id);
      if (!isChoice(q) || !after || !isChoice(after)) continue;
      for (const [i, o] of q.options.entries()) {
        if (!sameLabel(o.label, after.options[i]?.label ?? { fr: '' }))
          issues.push({ field: `option_fr-${q.id}-${o.id}`, code: 'options_locked' });
      }
    }
  }
  if (issues.length) return { ok: false, issues };
  const checked = v.safeParse(QuestionsSchema, questions);
  if (!checked.success) return { ok: false, issues: [{ field: 'questions', code: 'invalid' }] };
  return { ok: true, definition: { questions: checked.output } };
}

/** Moves a question one place up or down; null when it cannot move. */
export function moveQuestion(def: Definition, id: string, direction: 'up' | 'down'): Definition | null {
  const i = def.questions.findIndex((q) => q.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= def.questions.length) return null;
  const questions = [...def.questions];
  [questions[i], questions[j]] = [questions[j] as Question, questions[i] as Question];
  return { questions };
}
