/**
 * Values declared `RELAIS_DOCS ? … : (undefined as never)` (response schemas: src/openapi/contract.ts)
 * are undefined in the deployed Worker, which is built with RELAIS_DOCS false, while the tests,
 * built with it true, see them: a handler that read one would pass every test and fail in
 * production. So this reads the sources (in Node, where the files are) and lists every use of
 * such a value outside the places that are gone from the Worker too: types (`typeof X`), another
 * docs-only value, a contract's `docs: RELAIS_DOCS && {…}`, and the document's builder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import type { TestProject } from 'vitest/node';

const ts: typeof TS = createRequire(import.meta.url)('typescript');

const ROOT = path.join(import.meta.dirname, '..');
/** Built ahead of time in Node (test/openapi.global-setup.ts), never part of the Worker. */
const DOCS_BUILDERS = new Set(['src/openapi/document.ts', 'src/openapi/reference-page.tsx']);

const parse = (file: string, text: string) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

const isDocsFlag = (node: TS.Node) => ts.isIdentifier(node) && node.text === 'RELAIS_DOCS';

/** Names of the file's top-level `const X = RELAIS_DOCS ? … : …`. */
function docsOnlyDeclarations(sf: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && ts.isConditionalExpression(d.initializer) && isDocsFlag(d.initializer.condition)) {
        names.add(d.name.text);
      }
    }
  }
  return names;
}

/** Whether this use of a name is gone from a build with RELAIS_DOCS false (or is no use of the value). */
function erased(id: TS.Identifier): boolean {
  const parent = id.parent;
  if (
    (ts.isPropertyAccessExpression(parent) && parent.name === id) ||
    (ts.isPropertyAssignment(parent) && parent.name === id) ||
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    (ts.isVariableDeclaration(parent) && parent.name === id)
  ) {
    return true;
  }
  for (let node: TS.Node = id; node.parent; node = node.parent) {
    const up = node.parent;
    if (ts.isTypeNode(node) || ts.isTypeQueryNode(up)) return true;
    if (ts.isConditionalExpression(up) && isDocsFlag(up.condition) && up.whenTrue === node) return true;
    if (
      ts.isBinaryExpression(up) &&
      up.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      isDocsFlag(up.left) &&
      up.right === node
    ) {
      return true;
    }
  }
  return false;
}

/**
 * `file:line name` of each use, in `files` (path → text), of a docs-only value that a build
 * with RELAIS_DOCS false would keep.
 */
export function docsOnlyViolations(files: Record<string, string>): string[] {
  const parsed = Object.entries(files).map(([file, text]) => [file, parse(file, text)] as const);
  const declared = new Map(parsed.map(([file, sf]) => [file, docsOnlyDeclarations(sf)]));
  const violations: string[] = [];
  for (const [file, sf] of parsed) {
    if (DOCS_BUILDERS.has(file)) continue;
    const visible = new Set(declared.get(file));
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.moduleSpecifier.text.startsWith('.')) continue;
      const from = declared.get(path.posix.join(path.posix.dirname(file), st.moduleSpecifier.text));
      const bindings = st.importClause?.namedBindings;
      if (!from || !bindings || !ts.isNamedImports(bindings)) continue;
      for (const spec of bindings.elements) if (from.has((spec.propertyName ?? spec.name).text)) visible.add(spec.name.text);
    }
    if (!visible.size) continue;
    const walk = (node: TS.Node) => {
      if (ts.isIdentifier(node) && visible.has(node.text) && !erased(node)) {
        violations.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
      }
      ts.forEachChild(node, walk);
    };
    walk(sf);
  }
  return violations;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [path.relative(ROOT, full).split(path.sep).join('/')] : [];
  });
}

/** A handler that reads a docs-only schema (must be caught), and the uses that are fine (must not be). */
const PLANTED = {
  'src/x/x.schemas.ts': `export const XResponseSchema = RELAIS_DOCS ? v.object({}) : (undefined as never);
const Part = RELAIS_DOCS ? v.string() : (undefined as never);
export const YResponseSchema = RELAIS_DOCS ? v.object({ part: Part }) : (undefined as never);`,
  'src/x/x.routes.ts': `import { XResponseSchema, YResponseSchema as Y } from './x.schemas.ts';
export const routes = new Hono()
  .get('/x', contract({ docs: RELAIS_DOCS && { responses: { 200: { schema: XResponseSchema } } } }), (c) =>
    c.json({} satisfies v.InferOutput<typeof XResponseSchema>))
  .get('/y', (c) => c.json(v.parse(Y, {})));`,
};

export default function setup(project: TestProject) {
  const files = Object.fromEntries(sources(path.join(ROOT, 'src')).map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')]));
  project.provide('docsOnly', {
    declared: Object.values(files).reduce((n, text) => n + docsOnlyDeclarations(parse('x.ts', text)).size, 0),
    violations: docsOnlyViolations(files),
    planted: docsOnlyViolations(PLANTED),
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    docsOnly: { declared: number; violations: string[]; planted: string[] };
  }
}
