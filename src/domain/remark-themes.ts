/**
 * Free remarks grouped by the theme they name, as the minutes list them under each theme.
 *
 * A remark belongs to a theme when it uses the theme's words: the significant words of any
 * of its labels (fr, nl, en; accents, case and a plural -s/-x ignored), at least two of them
 * (or the only one), or an acronym the label gives in parentheses ("VIF"). A remark naming
 * several themes goes to the one whose words it uses most (then the first in catalogue
 * order). The grouping reads the text alone, never who wrote it or what else they answered,
 * so it reveals nothing the ungrouped list did not; what names no theme is listed last.
 */
import type { LocalizedText } from './language.ts';
import { normaliseText } from './text-normalise.ts';

export interface RemarkTheme {
  id: number;
  label: LocalizedText;
}

export interface RemarkGroup<T> {
  /** null: the remarks that name no theme. */
  theme_id: number | null;
  texts: T[];
}

/** Words that say nothing of a theme, in the three languages (after normaliseText). */
const STOPWORDS = new Set(
  [
    // fr
    'avec dans pour entre leur leurs sans sous vers chez aux des les une role place mise prise suivi ainsi',
    // nl
    'voor naar tussen door bij over onder zijn hun niet geen rol plaats',
    // en
    'with from into between their about role place',
  ]
    .join(' ')
    .split(' '),
);

/** A word as it is compared: folded, without a plural -s or -x. */
const stem = (word: string) => (word.length > 4 ? word.replace(/[sx]$/, '') : word);

/** Words of a text, folded as normaliseText folds them. */
function words(text: string): string[] {
  return normaliseText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

interface Keywords {
  /** Significant words of one label; the theme is named when enough of them are used. */
  sets: string[][];
  /** Acronyms in parentheses: any one names the theme. */
  acronyms: string[];
}

function keywords(theme: RemarkTheme): Keywords {
  const labels = [theme.label.fr, theme.label.nl, theme.label.en].filter((l): l is string => !!l);
  return {
    sets: labels.map((l) => [
      ...new Set(
        words(l.replace(/\([^)]*\)/g, ' '))
          .filter((w) => w.length >= 4 && !STOPWORDS.has(w))
          .map(stem),
      ),
    ]),
    acronyms: labels.flatMap((l) => [...l.matchAll(/\(([A-Z]{2,6})\)/g)].map((m) => (m[1] ?? '').toLowerCase())),
  };
}

/** How strongly a remark's words name a theme: 0 when they do not. */
function score(remark: Set<string>, k: Keywords): number {
  if (k.acronyms.some((a) => remark.has(a))) return Number.POSITIVE_INFINITY;
  let best = 0;
  for (const set of k.sets) {
    const used = set.filter((w) => remark.has(w)).length;
    if (used >= Math.min(2, set.length) && used > best) best = used;
  }
  return best;
}

/**
 * Groups `remarks` (in their order) under the themes they name, themes in `themes` order,
 * then the remarks naming none; themes named by no remark are left out. Entries of `themes`
 * sharing an id (a theme and those merged into it) are one theme.
 */
export function groupRemarksByTheme<T extends { text: string }>(remarks: readonly T[], themes: readonly RemarkTheme[]): RemarkGroup<T>[] {
  const catalogue = themes.map((t) => ({ id: t.id, k: keywords(t) }));
  const byTheme = new Map<number | null, T[]>();
  for (const remark of remarks) {
    const used = new Set(words(remark.text).map(stem));
    let chosen: number | null = null;
    let best = 0;
    for (const t of catalogue) {
      const s = score(used, t.k);
      if (s > best) {
        best = s;
        chosen = t.id;
      }
    }
    byTheme.set(chosen, [...(byTheme.get(chosen) ?? []), remark]);
  }
  // Several labels may stand for one theme (a merged theme keeps its words): one group each.
  const order = [...new Set(themes.map((t) => t.id)), null];
  return order.flatMap((id) => {
    const texts = byTheme.get(id);
    return texts ? [{ theme_id: id, texts }] : [];
  });
}
