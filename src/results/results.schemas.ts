/** Query parameters of the results and brief routes: one schema each, errors by field. */
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';

const QuestionId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'not a question id'));

export const ResultsQuerySchema = v.object({
  format: v.optional(v.picklist(['json', 'csv', 'html'], 'expected json, csv or html')),
  question: v.optional(QuestionId),
  lang: v.optional(LanguageSchema),
});

export const BriefQuerySchema = v.object({
  format: v.optional(v.picklist(['json', 'md', 'csv', 'html'], 'expected json, md, csv or html')),
  lang: v.optional(LanguageSchema),
});

export type ResultsFormat = 'json' | 'csv' | 'html';
export type BriefFormat = 'json' | 'md' | 'csv' | 'html';

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
