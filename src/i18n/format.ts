/**
 * The messages built from arguments, as data: a small subset of ICU MessageFormat, so the
 * catalogues ship as JSON static assets (public/i18n/, loaded by src/i18n/catalogue.ts) instead
 * of code in the Worker script.
 *
 * The subset:
 * - `{n}` or `{0}`: an argument as `String()` writes it (no locale formatting: the messages
 *   always printed `${n}`);
 * - `{n, plural, =0 {…} =1 {…} other {…}}`: exact values (`=N`) first, then the language's CLDR
 *   category (`one`, `few`…), then `other`; `#` in a branch is the number, as `String()` writes it;
 * - `{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}`: the same with ordinal rules;
 * - `{kind, select, pre {…} other {…}}`: the branch named by the value; `null` is the branch of
 *   a missing or empty value (null, undefined, ''), which the catalogues test as `x ? … : …`;
 * - quoting as in ICU: `''` is an apostrophe, `'{`…`'` is literal text; any other `'` is itself.
 */

type Node = string | { arg: number | string; type?: 'plural' | 'selectordinal' | 'select'; cases?: Record<string, Node[]> };

/** A message's template as it travels in the JSON: `$` the template, `a` its argument names (else `{0}`, `{1}`…). */
export interface Template {
  $: string;
  a?: string[];
}

/** The parsed form of a template: a list of text and argument nodes. */
export function parse(template: string): Node[] {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`Message template ${JSON.stringify(template)}: ${why} at ${i}`);
  };
  const nodes = (inBranch: boolean, hash: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    while (i < template.length) {
      const ch = template[i] as string;
      if (ch === "'") {
        const next = template[i + 1];
        if (next === "'") {
          text += "'";
          i += 2;
        } else if (next === '{' || next === '}' || next === '#') {
          // Quoted literal text up to the next lone apostrophe.
          i += 1;
          while (i < template.length) {
            if (template[i] === "'") {
              if (template[i + 1] === "'") {
                text += "'";
                i += 2;
                continue;
              }
              i += 1;
              break;
            }
            text += template[i];
            i += 1;
          }
        } else {
          text += ch;
          i += 1;
        }
      } else if (ch === '{') {
        if (text) out.push(text);
        text = '';
        i += 1;
        out.push(argument());
      } else if (ch === '}') {
        if (!inBranch) fail('unmatched }');
        break;
      } else if (ch === '#' && hash) {
        if (text) out.push(text);
        text = '';
        out.push({ arg: '#' });
        i += 1;
      } else {
        text += ch;
        i += 1;
      }
    }
    if (text) out.push(text);
    return out;
  };
  const word = (): string => {
    while (template[i] === ' ') i += 1;
    const start = i;
    while (i < template.length && !/[\s,{}]/.test(template[i] as string)) i += 1;
    if (i === start) fail('expected a name');
    const w = template.slice(start, i);
    while (template[i] === ' ') i += 1;
    return w;
  };
  const argument = (): Node => {
    const name = word();
    const arg = /^\d+$/.test(name) ? Number(name) : name;
    if (template[i] === '}') {
      i += 1;
      return { arg };
    }
    if (template[i] !== ',') fail('expected , or }');
    i += 1;
    const type = word();
    if (type !== 'plural' && type !== 'select' && type !== 'selectordinal') fail(`unknown type ${type}`);
    if (template[i] !== ',') fail('expected ,');
    i += 1;
    const cases: Record<string, Node[]> = {};
    for (;;) {
      while (template[i] === ' ') i += 1;
      if (template[i] === '}') break;
      const key = word();
      if (template[i] !== '{') fail('expected {');
      i += 1;
      cases[key] = nodes(true, type !== 'select');
      if (template[i] !== '}') fail('expected }');
      i += 1;
    }
    i += 1;
    if (!('other' in cases)) fail('no other branch');
    return { arg, type: type as 'plural' | 'select' | 'selectordinal', cases };
  };
  const out = nodes(false, false);
  if (i < template.length) fail('trailing text');
  return out;
}

const rules = new Map<string, Intl.PluralRules>();
function category(locale: string, type: 'plural' | 'selectordinal', n: number): string {
  const key = `${locale}:${type}`;
  let r = rules.get(key);
  if (!r) {
    r = new Intl.PluralRules(locale, { type: type === 'plural' ? 'cardinal' : 'ordinal' });
    rules.set(key, r);
  }
  return r.select(n);
}

function render(nodes: Node[], args: readonly unknown[], names: readonly string[] | undefined, locale: string, hash: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += node;
      continue;
    }
    const value = node.arg === '#' ? hash : args[typeof node.arg === 'number' ? node.arg : (names ?? []).indexOf(node.arg)];
    if (!node.cases) {
      out += String(value);
      continue;
    }
    const cases = node.cases;
    let branch: Node[] | undefined;
    if (node.type === 'select') {
      branch = cases[value === null || value === undefined || value === '' ? 'null' : String(value)];
    } else {
      const n = Number(value);
      branch = cases[`=${n}`] ?? cases[category(locale, node.type as 'plural' | 'selectordinal', n)];
    }
    out += render(branch ?? (cases.other as Node[]), args, names, locale, node.type === 'select' ? hash : value);
  }
  return out;
}

/** A template as a function of its arguments; parsed on the first call only. */
export function compile(t: Template, locale: string): (...args: unknown[]) => string {
  let nodes: Node[] | undefined;
  return (...args) => {
    nodes ??= parse(t.$);
    return render(nodes, args, t.a, locale, undefined);
  };
}

/** The argument names and branch keys of a template (the test compares them across languages). */
export function placeholders(template: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (typeof node === 'string' || node.arg === '#') continue;
      found.add(String(node.arg));
      for (const branch of Object.values(node.cases ?? {})) walk(branch);
    }
  };
  walk(parse(template));
  return [...found].sort();
}

const isTemplate = (v: object): v is Template => typeof (v as Template).$ === 'string';

/**
 * A catalogue from its JSON: every template turned back into the function the sources declare.
 * In place (the parsed JSON is the catalogue's own copy): a cold isolate allocates no second tree.
 */
export function hydrate(data: unknown, locale: string): unknown {
  if (!data || typeof data !== 'object') return data;
  if (isTemplate(data)) return compile(data, locale);
  const o = data as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (v && typeof v === 'object') o[k] = hydrate(v, locale);
  }
  return o;
}

/** The template of each msg() function, for scripts/i18n.ts to serialise. */
export const templates = new WeakMap<object, Template>();

/**
 * A message with logic (plurals, a branch on a value) in a catalogue source: the ICU template
 * and its argument names, typed as the function the call sites use, e.g.
 * `msg<[n: number]>(['n'], '{n, plural, =1 {1 contact} other {# contacts}}')`.
 * In the sources (build, tests) it formats with English plural categories; the Worker formats
 * the JSON copy with the catalogue's own language.
 */
export function msg<A extends unknown[]>(names: { [K in keyof A]: string }, template: string): (...args: A) => string {
  const t: Template = { $: template, a: names as string[] };
  parse(template); // a malformed template fails where it is written
  const f = compile(t, 'en') as (...args: A) => string;
  templates.set(f, t);
  return f;
}
