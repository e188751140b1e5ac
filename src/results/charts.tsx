/**
 * Bar charts for the printable pages, drawn as inline SVG inside a table: the table rows carry
 * the numbers as text (what a screen reader reads and what survives a black-and-white print);
 * the bars are decoration, hidden from assistive technology. Presentation attributes only,
 * because the page's CSP forbids inline style.
 */
import type { Child } from 'hono/jsx';

export interface BarRow {
  label: Child;
  /** Length of the bar; null when the figure is hidden (suppressed). */
  value: number | null;
  /** The figures of the row, as text, one per numeric column. */
  cells: Child[];
}

export function BarTable({ caption, head, rows, max, id }: { caption: string; head: string[]; rows: BarRow[]; max?: number; id?: string }) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value ?? 0));
  return (
    // A region that scrolls must be reachable with the keyboard, and named for screen readers.
    <section class="table-wrap" aria-label={caption} tabindex={0}>
      <table class="bars" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head[0]}</th>
            <td class="bar" aria-hidden="true" />
            {head.slice(1).map((h) => (
              <th scope="col" class="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td class="bar" aria-hidden="true">
                <Bar value={r.value} max={top} />
              </td>
              {r.cells.map((c) => (
                <td class="num">{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A 0–100 frame with a solid bar; a hatched empty frame marks a hidden figure. */
export function Bar({ value, max }: { value: number | null; max: number }) {
  const width = value === null || max <= 0 ? 0 : Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <svg class="bar" width="100%" height="14" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false" aria-hidden="true">
      <rect x="0" y="0" width="100" height="10" fill="#ffffff" stroke="#000000" stroke-width="1" vector-effect="non-scaling-stroke" />
      {value === null ? (
        <line x1="0" y1="10" x2="100" y2="0" stroke="#000000" stroke-width="1" stroke-dasharray="3 3" vector-effect="non-scaling-stroke" />
      ) : (
        <rect x="0" y="0" width={width.toFixed(2)} height="10" fill="#1b1b1f" />
      )}
    </svg>
  );
}

export const percent = (share: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const decimal = (x: number | null, locale: string) =>
  x === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(x);
