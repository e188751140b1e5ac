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

/**
 * Groups `remarks` (in their order) under the themes they name, themes in `themes` order,
 * then the remarks naming none; themes named by no remark are left out. Entries of `themes`
 * sharing an id (a theme and those merged into it) are one theme.
 */
export function groupRemarksByTheme<T extends { text: string }>(remarks: readonly T[], themes: readonly RemarkTheme[]): RemarkGroup<T>[] {
  // One lookup from a word to the labels using it, so that each remark costs its own words,
  // not words × themes (a consultation may bring thousands of distinct remarks).
  const labels: { theme: number; size: number }[] = [];
  const byWord = new Map<string, number[]>();
  const byAcronym = new Map<string, number>();
  for (const theme of themes) {
    const k = keywords(theme);
    for (const set of k.sets) {
      const label = labels.push({ theme: theme.id, size: set.length }) - 1;
      for (const w of set) byWord.set(w, [...(byWord.get(w) ?? []), label]);
    }
    for (const a of k.acronyms) if (!byAcronym.has(a)) byAcronym.set(a, theme.id);
  }
  const byTheme = new Map<number | null, T[]>();
  for (const remark of remarks) {
    const used = new Set(words(remark.text).map(stem));
    let chosen: number | null = null;
    let best = 0;
    const hits = new Map<number, number>();
    for (const w of used) {
      const acronym = byAcronym.get(w);
      if (acronym !== undefined && best !== Number.POSITIVE_INFINITY) {
        chosen = acronym;
        best = Number.POSITIVE_INFINITY;
      }
      for (const label of byWord.get(w) ?? []) hits.set(label, (hits.get(label) ?? 0) + 1);
    }
    // Labels in catalogue order, so that a tie goes to the first theme.
    for (const [label, n] of [...hits].sort((a, b) => a[0] - b[0])) {
      const { theme, size } = labels[label] ?? { theme: 0, size: 0 };
      if (n >= Math.min(2, size) && n > best) {
        best = n;
        chosen = theme;
      }
    }
    const group = byTheme.get(chosen);
    if (group) group.push(remark);
    else byTheme.set(chosen, [remark]);
  }
  // Several labels may stand for one theme (a merged theme keeps its words): one group each.
  const order = [...new Set(themes.map((t) => t.id)), null];
  return order.flatMap((id) => {
    const texts = byTheme.get(id);
    return texts ? [{ theme_id: id, texts }] : [];
  });
}
