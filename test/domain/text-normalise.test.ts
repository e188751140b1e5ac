import { describe, expect, it } from 'vitest';
import { groupTexts, normaliseText } from '../../src/domain/text-normalise.ts';

describe('grouping theme proposals', () => {
  it('treats case, accents, spacing and a final full stop as the same proposal', () => {
    expect(normaliseText('  Santé\u00a0 MENTALE. ')).toBe('sante mentale');
    expect(normaliseText('Sante mentale')).toBe(normaliseText('santé  mentale'));
  });

  it('groups the demo spellings of "santé mentale" and keeps every spelling visible', () => {
    const groups = groupTexts([
      { text: 'Santé mentale', count: 2 },
      { text: 'santé  mentale', count: 1 },
      { text: 'Sante mentale ', count: 1 },
      { text: 'Mobilité et transport des patient·es', count: 1 },
    ]);
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ['Santé mentale', 4],
      ['Mobilité et transport des patient·es', 1],
    ]);
    expect([...(groups[0]?.variants ?? [])].sort()).toEqual(['Sante mentale ', 'Santé mentale', 'santé  mentale']);
  });

  it('adds the same spelling coming from two surveys into one variant', () => {
    expect(
      groupTexts([
        { text: 'Accès aux soins', count: 1 },
        { text: 'Accès aux soins', count: 2 },
      ]),
    ).toEqual([{ text: 'Accès aux soins', count: 3, variants: ['Accès aux soins'] }]);
  });

  it('keeps different proposals apart', () => {
    expect(
      groupTexts([
        { text: 'Santé mentale', count: 1 },
        { text: 'Santé mentale des jeunes', count: 1 },
      ]),
    ).toHaveLength(2);
  });
});
