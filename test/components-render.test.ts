/**
 * Pages render data loaded by their handler: no JSX component touches D1 (`.DB`, `.prepare(`)
 * or calls a `*.queries.ts` module. The check itself (what a component is, what counts as a
 * D1 call) is test/components-render.global-setup.ts; it runs in Node on the sources.
 */
import { describe, expect, inject, it } from 'vitest';

const { files, violations, planted, clean } = inject('components');

describe('components render, handlers load', () => {
  it('no component in src/**/*.tsx touches D1 or a queries module', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain('src/workspace/series.pages.tsx');
    // Each line: the file, the component, and what it touched; move that load into the route handler.
    expect(violations.map((v) => `${v.file}:${v.line} ${v.component} → ${v.what}`)).toEqual([]);
  });

  it('catches each kind of violation, and leaves a handler that loads and renders alone', () => {
    for (const [kind, found] of Object.entries(planted)) expect(found, kind).toBeGreaterThan(0);
    expect(clean).toBe(0);
  });
});
