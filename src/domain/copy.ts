/**
 * A survey's questions copied for another session: the wording, order, types and settings
 * stay; what points to the theme catalogue follows the target series' catalogue as it is now.
 */
import { isChoice, type Question } from './definition.ts';
import { type CatalogueTheme, themeRanking } from './templates.ts';

/**
 * Rankings fed by the catalogue take the active themes (merged and archived ones are gone, new
 * ones are offered); any other option naming a theme that is no longer active is dropped, and a
 * question left without options with it.
 */
export function copiedQuestions(questions: readonly Question[], themes: readonly CatalogueTheme[]): Question[] {
  const active = new Set(themes.map((t) => t.id));
  return questions.flatMap((q): Question[] => {
    if (q.type === 'ranking' && q.source === 'themes') {
      const { options } = themeRanking(q.id, q.text, themes) as typeof q;
      return [{ ...q, options }];
    }
    if (!isChoice(q)) return [q];
    const options = q.options.filter((o) => o.theme_id === undefined || active.has(o.theme_id));
    return options.length ? [{ ...q, options } as Question] : [];
  });
}
