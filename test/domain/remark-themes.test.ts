/** Remarks grouped by the theme they name (src/domain/remark-themes.ts). */
import { describe, expect, it } from 'vitest';
import { groupRemarksByTheme, type RemarkTheme } from '../../src/domain/remark-themes.ts';

const THEMES: RemarkTheme[] = [
  { id: 1, label: { fr: 'Violences intrafamiliales (VIF)', nl: 'Intrafamiliaal geweld', en: 'Domestic violence' } },
  { id: 2, label: { fr: 'Place du médecin généraliste', nl: 'Rol van de huisarts', en: 'Role of the GP' } },
  { id: 3, label: { fr: 'Outils numériques de partage de données' } },
  { id: 4, label: { fr: 'Inégalités numériques' } },
  { id: 5, label: { fr: 'Accueil aux urgences' } },
];
const group = (texts: string[], themes = THEMES) =>
  groupRemarksByTheme(
    texts.map((text) => ({ text })),
    themes,
  ).map((g) => [g.theme_id, g.texts.map((t) => t.text)]);

describe('groupRemarksByTheme', () => {
  it('lists a remark under the theme whose words it uses, plurals, accents and case aside', () => {
    expect(group(['Difficile de venir pour les MEDECINS generalistes en semaine.', 'Merci pour le lunch.'])).toEqual([
      [2, ['Difficile de venir pour les MEDECINS generalistes en semaine.']],
      [null, ['Merci pour le lunch.']],
    ]);
  });

  it('needs two significant words of a label (or its only one), not one shared word', () => {
    // "numériques" alone is in two labels: it names neither.
    expect(group(['Les démarches numériques excluent des patients.'])).toEqual([
      [null, ['Les démarches numériques excluent des patients.']],
    ]);
    expect(group(['Les inégalités numériques excluent des patients.'])).toEqual([
      [4, ['Les inégalités numériques excluent des patients.']],
    ]);
  });

  it('reads every language of a label, and an acronym alone', () => {
    expect(group(['Meer aandacht voor intrafamiliaal geweld', 'Une formation VIF serait utile'])).toEqual([
      [1, ['Meer aandacht voor intrafamiliaal geweld', 'Une formation VIF serait utile']],
    ]);
  });

  it('gives a remark naming several themes to the one it names most, once', () => {
    const text = "L'accueil aux urgences manque d'outils numériques de partage des données";
    expect(group([text])).toEqual([[3, [text]]]);
  });

  it('keeps the order of the themes given, one group for a theme and those merged into it', () => {
    const merged: RemarkTheme[] = [{ id: 5, label: { fr: 'Urgences hospitalières' } }, ...THEMES];
    expect(
      group(['Accueil aux urgences trop long', 'Les urgences hospitalières débordent', 'Place du médecin généraliste'], merged),
    ).toEqual([
      [5, ['Accueil aux urgences trop long', 'Les urgences hospitalières débordent']],
      [2, ['Place du médecin généraliste']],
    ]);
  });

  it('leaves out themes no remark names, and returns nothing for no remarks', () => {
    expect(group([])).toEqual([]);
  });
});
