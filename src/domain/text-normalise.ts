/**
 * Grouping of free-text answers (theme proposals): "Santé mentale", "santé  mentale" and
 * "Sante mentale " are one proposal. Grouping needs accent folding, which SQLite cannot do,
 * so SQL counts identical texts and this module merges the counts.
 */

export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.!?…;:,\s]+$/u, '')
    .trim();
}

export interface TextCount {
  text: string;
  count: number;
}

export interface TextGroup {
  /** The most frequent spelling (then the first in alphabetical order) stands for the group. */
  text: string;
  count: number;
  /** Every spelling seen, so a coordinator can check the grouping. */
  variants: string[];
}

export function groupTexts(counts: readonly TextCount[], locale = 'fr'): TextGroup[] {
  const groups = new Map<string, TextCount[]>();
  for (const c of counts) {
    const key = normaliseText(c.text);
    if (!key) continue;
    const members = groups.get(key) ?? [];
    // The same spelling from several surveys is one variant with the counts added.
    const same = members.find((m) => m.text === c.text);
    if (same) same.count += c.count;
    else members.push({ text: c.text, count: c.count });
    groups.set(key, members);
  }
  return [...groups.values()]
    .map((members) => {
      const sorted = [...members].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, locale));
      return {
        text: sorted[0]?.text.trim() ?? '',
        count: members.reduce((sum, m) => sum + m.count, 0),
        variants: members.map((m) => m.text).sort((a, b) => a.localeCompare(b, locale)),
      };
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, locale));
}
