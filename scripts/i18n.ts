/**
 * The message catalogues (src/i18n/**\/{en,fr,nl}.ts) as JSON, one document per language with
 * every namespace, for `npm run assets` to write to public/i18n/. The TS sources stay the
 * source of truth; the Worker only ever sees the JSON (src/i18n/catalogue.ts).
 *
 * A message that is a plain template literal (`(n) => \`Session #${n}\``) is read by calling
 * it with markers in place of its arguments, then checked: the template must give the same
 * text as the function for a range of values, or the build stops and asks for msg() (a
 * message with logic — a plural, a branch on a value — states its template itself).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Language } from '../src/domain/language.ts';
import { compile, type Template, templates } from '../src/i18n/format.ts';
import { ROOT } from './wrangler.ts';

const SOURCES = path.join(ROOT, 'src', 'i18n');

/** The namespaces: `main` for src/i18n/{en,fr,nl}.ts, then each folder's name. */
export const NAMESPACES = [
  'main',
  ...readdirSync(SOURCES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort(),
];

/** Every namespace of one language, as the TS sources export it. */
export async function catalogueSource(language: Language): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const ns of NAMESPACES) {
    const file = path.join(SOURCES, ns === 'main' ? '' : ns, `${language}.ts`);
    const mod = (await import(file)) as Record<string, unknown>;
    out[ns] = mod[language];
  }
  return out;
}

// Private-use characters: no message contains them.
const MARK = (i: number) => `\ue000${i}\ue001`;
const quote = (text: string) => text.replace(/'/g, "''").replace(/[{}]/g, "'$&'");

/** Values each argument takes to compare a template with its function (numbers, texts, null). */
const PROBES: unknown[] = [0, 1, 2, 3, 11, 12, 13, 21, 22, 101, 1000, 'x', "l'a {b} #c", '', null];

function templateOf(fn: (...args: unknown[]) => unknown, where: string, language: Language): Template {
  const explicit = templates.get(fn);
  if (explicit) return explicit;
  const text = String(fn(...Array.from({ length: fn.length }, (_, i) => MARK(i))));
  let $ = '';
  let last = 0;
  for (const m of text.matchAll(/\ue000(\d+)\ue001/g)) {
    $ += `${quote(text.slice(last, m.index))}{${m[1]}}`;
    last = m.index + m[0].length;
  }
  $ += quote(text.slice(last));
  const t: Template = { $ };
  const format = compile(t, language);
  for (let round = 0; round < PROBES.length; round += 1) {
    const args = Array.from({ length: fn.length }, (_, i) => PROBES[(round + i * 3) % PROBES.length]);
    let expected: unknown;
    try {
      expected = fn(...args);
    } catch {
      continue; // a value of a type the message never takes
    }
    if (format(...args) !== expected) {
      throw new Error(
        `${language}: ${where} is not a plain template (${JSON.stringify(args)} gives ${JSON.stringify(expected)}): write it with msg()`,
      );
    }
  }
  return t;
}

/** A catalogue as JSON: texts as they are, functions as `{"$": template, "a"?: names}`. */
export function serialise(value: unknown, where: string, language: Language): unknown {
  if (typeof value === 'function') return templateOf(value as (...args: unknown[]) => unknown, where, language);
  if (Array.isArray(value)) return value.map((v, i) => serialise(v, `${where}[${i}]`, language));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialise(v, `${where}.${k}`, language)]));
  }
  if (typeof value !== 'string') throw new Error(`${language}: ${where} is neither a text nor a message`);
  return value;
}

/** Each language's catalogue, as the JSON text public/i18n/ holds. */
export async function catalogueJson(): Promise<Record<Language, string>> {
  const out = {} as Record<Language, string>;
  for (const language of LANGUAGES) out[language] = JSON.stringify(serialise(await catalogueSource(language), '', language));
  return out;
}
