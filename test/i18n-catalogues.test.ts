/**
 * The message catalogues the Worker reads (public/i18n/*.json through the ASSETS binding,
 * src/i18n/catalogue.ts) say exactly what their TS sources say: every text, and every message
 * built from arguments for a range of values. Messages with logic (plurals, a branch on a
 * value), written as ICU templates with msg(), are checked against the outputs their former
 * arrow functions gave (test/fixtures/i18n-logic.json, recorded from the sources of commit
 * 18f3599, before the move): their wording must not change.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../src/domain/language.ts';
import { CATALOGUES } from '../src/i18n/catalogues.ts';
import { en as contactsEn } from '../src/i18n/contacts/en.ts';
import { fr as contactsFr } from '../src/i18n/contacts/fr.ts';
import { nl as contactsNl } from '../src/i18n/contacts/nl.ts';
import { en as editorEn } from '../src/i18n/editor/en.ts';
import { fr as editorFr } from '../src/i18n/editor/fr.ts';
import { nl as editorNl } from '../src/i18n/editor/nl.ts';
import { en as emailEn } from '../src/i18n/email/en.ts';
import { fr as emailFr } from '../src/i18n/email/fr.ts';
import { nl as emailNl } from '../src/i18n/email/nl.ts';
import { en as mainEn } from '../src/i18n/en.ts';
import { en as errorsEn } from '../src/i18n/errors/en.ts';
import { fr as errorsFr } from '../src/i18n/errors/fr.ts';
import { nl as errorsNl } from '../src/i18n/errors/nl.ts';
import { hydrate, parse, placeholders, type Template, templates } from '../src/i18n/format.ts';
import { fr as mainFr } from '../src/i18n/fr.ts';
import { messages } from '../src/i18n/index.ts';
import { en as minutesEn } from '../src/i18n/minutes/en.ts';
import { fr as minutesFr } from '../src/i18n/minutes/fr.ts';
import { nl as minutesNl } from '../src/i18n/minutes/nl.ts';
import { nl as mainNl } from '../src/i18n/nl.ts';
import { en as openLinkEn } from '../src/i18n/open-link/en.ts';
import { fr as openLinkFr } from '../src/i18n/open-link/fr.ts';
import { nl as openLinkNl } from '../src/i18n/open-link/nl.ts';
import { en as optOutEn } from '../src/i18n/opt-out/en.ts';
import { fr as optOutFr } from '../src/i18n/opt-out/fr.ts';
import { nl as optOutNl } from '../src/i18n/opt-out/nl.ts';
import { en as paperEn } from '../src/i18n/paper/en.ts';
import { fr as paperFr } from '../src/i18n/paper/fr.ts';
import { nl as paperNl } from '../src/i18n/paper/nl.ts';
import { en as phoneEn } from '../src/i18n/phone/en.ts';
import { fr as phoneFr } from '../src/i18n/phone/fr.ts';
import { nl as phoneNl } from '../src/i18n/phone/nl.ts';
import { en as resultsEn } from '../src/i18n/results/en.ts';
import { fr as resultsFr } from '../src/i18n/results/fr.ts';
import { resultsMessages } from '../src/i18n/results/index.ts';
import { nl as resultsNl } from '../src/i18n/results/nl.ts';
import { en as sessionsEn } from '../src/i18n/sessions/en.ts';
import { fr as sessionsFr } from '../src/i18n/sessions/fr.ts';
import { nl as sessionsNl } from '../src/i18n/sessions/nl.ts';
import { en as workspaceEn } from '../src/i18n/workspace/en.ts';
import { fr as workspaceFr } from '../src/i18n/workspace/fr.ts';
import { nl as workspaceNl } from '../src/i18n/workspace/nl.ts';
import logic from './fixtures/i18n-logic.json';

const SOURCES: Record<Language, Record<string, unknown>> = {
  fr: {
    main: mainFr,
    contacts: contactsFr,
    editor: editorFr,
    email: emailFr,
    errors: errorsFr,
    minutes: minutesFr,
    'open-link': openLinkFr,
    'opt-out': optOutFr,
    paper: paperFr,
    phone: phoneFr,
    results: resultsFr,
    sessions: sessionsFr,
    workspace: workspaceFr,
  },
  nl: {
    main: mainNl,
    contacts: contactsNl,
    editor: editorNl,
    email: emailNl,
    errors: errorsNl,
    minutes: minutesNl,
    'open-link': openLinkNl,
    'opt-out': optOutNl,
    paper: paperNl,
    phone: phoneNl,
    results: resultsNl,
    sessions: sessionsNl,
    workspace: workspaceNl,
  },
  en: {
    main: mainEn,
    contacts: contactsEn,
    editor: editorEn,
    email: emailEn,
    errors: errorsEn,
    minutes: minutesEn,
    'open-link': openLinkEn,
    'opt-out': optOutEn,
    paper: paperEn,
    phone: phoneEn,
    results: resultsEn,
    sessions: sessionsEn,
    workspace: workspaceEn,
  },
};

/** Arguments a plain template is tried with: numbers around the plural edges, texts, null. */
const PROBES: unknown[] = [0, 1, 2, 3, 11, 12, 21, 101, 'Zoë', "l'a {b} #c", '', null];
const EXPECTED = logic as unknown as Record<Language, Record<string, [unknown[], string][]>>;

async function json(language: Language): Promise<Record<string, unknown>> {
  const response = await (env.ASSETS as Fetcher).fetch(`https://assets.invalid${CATALOGUES[language]}`);
  expect(response.status).toBe(200);
  return response.json();
}

/** Each text or message with its keys (error texts are keyed by English sentences, dots included). */
type Leaf = { keys: string[]; path: string; value: unknown };
function leaves(value: unknown, keys: string[] = []): Leaf[] {
  if (value && typeof value === 'object' && !Array.isArray(value) && !('$' in value && typeof value.$ === 'string')) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...keys, k]));
  }
  return [{ keys, path: keys.join('.'), value }];
}
const at = (root: unknown, keys: string[]): unknown => keys.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], root);

describe('message catalogues as static assets', () => {
  for (const language of LANGUAGES) {
    it(`${language}: the JSON the Worker reads gives every message of the sources, same texts, same outputs`, async () => {
      const data = await json(language);
      const source = SOURCES[language];
      // Same keys both ways.
      expect(leaves(data).map((l) => l.path)).toEqual(leaves(source).map((l) => l.path));
      const hydrated = hydrate(data, language);
      let functions = 0;
      for (const { keys, path, value } of leaves(source)) {
        const got = at(hydrated, keys);
        if (typeof value !== 'function') {
          expect(got, path).toEqual(value);
          continue;
        }
        functions += 1;
        expect(typeof got, path).toBe('function');
        const f = got as (...args: unknown[]) => string;
        if (templates.has(value)) {
          // A message with logic: its outputs before the move are the reference.
          const cases = EXPECTED[language][path];
          expect(cases, `${language} ${path}: add its expected outputs to test/fixtures/i18n-logic.json`).toBeDefined();
          for (const [args, text] of cases ?? []) expect(f(...args), `${path}(${JSON.stringify(args)})`).toBe(text);
        } else {
          for (let round = 0; round < PROBES.length; round += 1) {
            const args = Array.from({ length: value.length }, (_, i) => PROBES[(round + i * 5) % PROBES.length]);
            expect(f(...args), `${path}(${JSON.stringify(args)})`).toBe((value as (...a: unknown[]) => unknown)(...args));
          }
        }
      }
      expect(functions).toBeGreaterThan(100);
    });
  }

  it('every recorded output of a message with logic still belongs to a message', () => {
    for (const language of LANGUAGES) {
      for (const path of Object.keys(EXPECTED[language]))
        expect(typeof at(SOURCES[language], path.split('.')), `${language} ${path}`).toBe('function');
    }
  });

  it('fr, nl and en have the same keys, and each message the same arguments in every language', async () => {
    const shapes = Object.fromEntries(await Promise.all(LANGUAGES.map(async (l) => [l, leaves(await json(l))] as const))) as Record<
      Language,
      Leaf[]
    >;
    // English error texts are the English the code writes: only the error page is translated for it.
    const keys = (l: Language) => shapes[l].map((x) => x.path).filter((p) => !p.startsWith('errors.') || p.startsWith('errors.page.'));
    expect(keys('fr')).toEqual(keys('en'));
    expect(keys('nl')).toEqual(keys('en'));
    expect(shapes.fr.map((x) => x.path)).toEqual(shapes.nl.map((x) => x.path));
    // The arguments a template uses, by position (msg() names them, plain templates number them).
    const used = (t: Template) => placeholders(t.$).map((name) => (t.a ? t.a.indexOf(name) : Number(name)));
    const args = (l: Language) =>
      new Map(
        shapes[l].filter((x) => x.value && typeof x.value === 'object' && '$' in x.value).map((x) => [x.path, used(x.value as Template)]),
      );
    const [fr, nl, en] = [args('fr'), args('nl'), args('en')];
    expect([...nl.keys()]).toEqual([...fr.keys()]);
    for (const [path, positions] of fr) {
      expect(positions, `nl ${path}`).toEqual(nl.get(path));
      if (en.has(path)) expect(positions, `en ${path}`).toEqual(en.get(path));
      expect(
        positions.every((i) => i >= 0),
        path,
      ).toBe(true);
    }
  });

  it('the formatter: plural by exact value then category, ordinals, select with null, quoting', () => {
    const f = (t: string, locale = 'en') => hydrate({ $: t, a: ['n', 'x'] }, locale) as (...a: unknown[]) => string;
    expect(f('{n, plural, =0 {none} one {# one} other {# many}}')(0)).toBe('none');
    expect(f('{n, plural, =0 {none} one {# one} other {# many}}')(1)).toBe('1 one');
    expect(f('{n, plural, one {# one} other {# many}}', 'fr')(0)).toBe('0 one'); // CLDR: French 0 is singular
    expect(
      [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => f('{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}')(n)),
    ).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
    expect(f('{x, select, null {-} a {A} other {<{x}>}}')(0, null)).toBe('-');
    expect(f('{x, select, null {-} a {A} other {<{x}>}}')(0, '')).toBe('-');
    expect(f('{x, select, null {-} a {A} other {<{x}>}}')(0, 'a')).toBe('A');
    expect(f('{x, select, null {-} a {A} other {<{x}>}}')(0, 'b')).toBe('<b>');
    expect(f("l'eau '{'n'}' ''{n}'' #{n}")(4)).toBe("l'eau {n} '4' #4");
    expect(() => parse('{n, plural, =1 {one}}')).toThrow(/other/);
    expect(() => parse('{n')).toThrow();
  });

  it('the accessors read the loaded catalogues (test/setup.ts loads them as the Worker does)', () => {
    expect(messages('nl').languageName).toBe('Nederlands');
    expect(resultsMessages('en').ordinal(22)).toBe('22nd');
    expect(resultsMessages('fr').saveTheDate('S', 2, 'mardi', null, 'Salle A')).toBe('S #2 : le mardi (Salle A).');
  });
});
