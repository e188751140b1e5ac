import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import { languageFromHeader } from '../index.ts';
import type { ErrorPageMessages, ErrorTranslation, Noun } from './en.ts';

/** fr.ts and nl.ts are typed ErrorTranslation in their sources; the catalogues test checks their JSON has every key. */
const translation = (language: Exclude<Language, 'en'>): ErrorTranslation => catalogue(language).errors as ErrorTranslation;

/**
 * The language of an API error: the first of fr/nl/en in `Accept-Language`, English without
 * one (a script that sends no header gets what the API always answered).
 */
export const apiLanguage = (acceptLanguage: string | undefined): Language => languageFromHeader(acceptLanguage, 'en');

export const errorPageMessages = (language: Language): ErrorPageMessages => catalogue(language).errors.page;

const isNoun = (word: string, t: ErrorTranslation): word is Noun => Object.hasOwn(t.nouns, word);

/** The English texts built from a number or a name, and how each language builds them. */
const PATTERNS: [RegExp, (t: ErrorTranslation, g: string[]) => string | null][] = [
  [/^No such (\w+)\.$/, (t, [w = '']) => (isNoun(w, t) ? t.noSuch(t.nouns[w]) : null)],
  [/^No resource with this (\w+)\.$/, (t, [name = '']) => t.noResourceWith(name)],
  [/^too short \(at least (\d+)\)$/, (t, [n]) => t.tooShort(Number(n))],
  [/^too long \(at most (\d+)\)$/, (t, [n]) => t.tooLong(Number(n))],
  [/^must be at least (-?\d+)$/, (t, [n]) => t.atLeast(Number(n))],
  [/^must be at most (-?\d+)$/, (t, [n]) => t.atMost(Number(n))],
  [/^at most (\d+) characters$/, (t, [n]) => t.atMostCharacters(Number(n))],
  [/^choose at least (\d+)$/, (t, [n]) => t.chooseAtLeast(Number(n))],
  [/^choose at most (\d+)$/, (t, [n]) => t.chooseAtMost(Number(n))],
  [/^rank at most (\d+)$/, (t, [n]) => t.rankAtMost(Number(n))],
  [/^expected a number from (-?\d+) to (-?\d+)$/, (t, [a, b]) => t.numberBetween(Number(a), Number(b))],
  [/^at most (\d+) bytes$/, (t, [n]) => t.atMostBytes(Number(n))],
  [/^The body exceeds (\d+) bytes\.$/, (t, [n]) => t.bodyExceeds(Number(n))],
  [/^at most (\d+) endpoints per series$/, (t, [n]) => t.atMostEndpoints(Number(n))],
  [/^A series has at most (\d+) endpoints; remove one first\.$/, (t, [n]) => t.seriesEndpoints(Number(n))],
  [/^unknown key: (.*)$/s, (t, [m = '']) => t.unknownKey(translated(t, m))],
  [/^(.*) Nothing was sent\.$/s, (t, [issue = '']) => t.nothingSent(translated(t, issue))],
  // Last: valibot's `expected <type or allowed values>` (src/http/body.ts), after the exact texts.
  [/^expected (.+)$/s, (t, [what = '']) => t.expected(what)],
];

function translated(t: ErrorTranslation, text: string): string {
  if (Object.hasOwn(t.texts, text)) return t.texts[text as keyof typeof t.texts];
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return build(t, match.slice(1)) ?? text;
  }
  return text;
}

interface ProblemBody {
  type: string;
  title: string;
  detail: string;
  errors?: { field: string; message: string; code?: string }[];
}

/** A problem's title, detail and field messages in `language`; `type`, `status`, `field` and `code` unchanged. */
export function translateProblem<T extends ProblemBody>(body: T, language: Language): T {
  if (language === 'en') return body;
  const t = translation(language);
  const slug = body.type.replace(/^\/problems\//, '');
  return {
    ...body,
    title: Object.hasOwn(t.titles, slug) ? t.titles[slug as keyof typeof t.titles] : body.title,
    detail: translated(t, body.detail),
    ...(body.errors ? { errors: body.errors.map((e) => ({ ...e, message: translated(t, e.message) })) } : {}),
  };
}
