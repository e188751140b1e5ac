/**
 * "Pages render data, they don't fetch it" as a static check, run in Node because the TypeScript
 * parser is too large to load inside workerd. The verdict goes to test/components-render.test.ts.
 *
 * The rule, for every `src/**\/*.tsx`:
 * - a **component** is a function whose name starts with a capital letter (the name JSX needs
 *   to write `<Name …/>`), or any function that returns JSX;
 * - a component must not touch D1: no `.DB`, no `.prepare(`, no call of anything imported from
 *   a `*.queries.ts` module. Route handlers (the callbacks of `.get`/`.post`…, which answer
 *   `c.html(…)`, not JSX) load the data and hand it to the components as props.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import type { TestProject } from 'vitest/node';

// Node's own require: loaded through Vite, the 9 MB compiler would be transformed (and its
// missing source map reported) on every test run.
const ts: typeof TS = createRequire(import.meta.url)('typescript');

export interface Violation {
  file: string;
  component: string;
  line: number;
  what: string;
}

const returnsJsx = (node: TS.Node | undefined): boolean => {
  if (!node) return false;
  if (ts.isParenthesizedExpression(node)) return returnsJsx(node.expression);
  if (ts.isConditionalExpression(node)) return returnsJsx(node.whenTrue) || returnsJsx(node.whenFalse);
  if (ts.isBinaryExpression(node)) return returnsJsx(node.right);
  return ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
};

type FunctionNode = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction;

/** Whether the function (not the functions nested in it) returns JSX. */
function functionReturnsJsx(fn: FunctionNode): boolean {
  if (!fn.body) return false;
  if (!ts.isBlock(fn.body)) return returnsJsx(fn.body);
  let found = false;
  const visit = (node: TS.Node) => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && returnsJsx(node.expression)) found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

function nameOf(fn: FunctionNode): string | undefined {
  if (fn.name) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/** The violations of one .tsx source. */
export function componentViolations(file: string, source: string): Violation[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const fromQueries = new Set<string>();
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/\.queries(\.ts)?$/.test(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) fromQueries.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) fromQueries.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) if (!el.isTypeOnly) fromQueries.add(el.name.text);
  }
  const violations: Violation[] = [];
  const check = (fn: FunctionNode, component: string) => {
    const seen = new Set<string>();
    const report = (node: TS.Node, what: string) => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (seen.has(`${line}:${what}`)) return;
      seen.add(`${line}:${what}`);
      violations.push({ file, component, line, what });
    };
    const visit = (node: TS.Node) => {
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'DB') report(node, `${node.getText(sf)} (D1)`);
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'prepare') report(node, '.prepare( (SQL)');
      if (ts.isIdentifier(node) && fromQueries.has(node.text) && !ts.isImportSpecifier(node.parent)) {
        report(node, `${node.text} (from a *.queries.ts module)`);
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
  };
  const walk = (node: TS.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) {
      const name = nameOf(node);
      if ((name && /^[A-Z]/.test(name)) || functionReturnsJsx(node)) {
        // Its nested functions are part of it: no need to look at them again.
        check(node, name ?? '(anonymous function returning JSX)');
        return;
      }
    }
    ts.forEachChild(node, walk);
  };
  walk(sf);
  return violations;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** Each one must be caught, or a checker that finds nothing would pass. */
const PLANTED = {
  'env.DB in a component': `export function Page({ c }) { const n = c.env.DB; return <p>{n}</p>; }`,
  'prepare in a component': `export const Page = ({ db }) => { db.prepare('SELECT 1'); return <p />; };`,
  'a query in a component': `import { listSeries } from '../series/series.queries.ts';\nfunction List({ env }) { const rows = listSeries(env, 1); return <ul>{rows}</ul>; }`,
  'a query in a lowercase function returning JSX': `import * as q from './x.queries.ts';\nconst row = (db, id) => { q.one(db, id); return <tr />; };`,
};
/** None of these may be flagged: a handler loads and renders. */
const CLEAN = `import { listSeries } from '../series/series.queries.ts';
export const routes = new Hono().get('/', async (c) => {
  const rows = await listSeries(c.env.DB, 1);
  return c.html(<List rows={rows} />);
});
function List({ rows }) { return <ul>{rows.map((r) => <li>{r.title}</li>)}</ul>; }`;

export default function setup(project: TestProject) {
  const root = path.join(import.meta.dirname, '..');
  const files = tsxFiles(path.join(root, 'src')).map((full) => path.relative(root, full));
  project.provide('components', {
    files,
    violations: files.flatMap((file) => componentViolations(file, readFileSync(path.join(root, file), 'utf8'))),
    planted: Object.fromEntries(Object.entries(PLANTED).map(([name, source]) => [name, componentViolations(`${name}.tsx`, source).length])),
    clean: componentViolations('clean.tsx', CLEAN).length,
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    components: { files: string[]; violations: Violation[]; planted: Record<string, number>; clean: number };
  }
}
