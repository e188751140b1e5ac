import type { LocalizedText } from '../domain/language.ts';

/** An action's label as stored (the option's JSON label): read by the brief, the API and the minutes page alike. */
export const actionLabel = (row: { label: string }) => JSON.parse(row.label) as LocalizedText;
