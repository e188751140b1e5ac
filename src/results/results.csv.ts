/** The two CSV exports of a survey's results: one long file, or one table per question. */
import { type Cell, type CsvDialect, csvDocument } from '../lib/csv.ts';
import type { QuestionResult, SurveyResults } from './results.ts';

const LONG_HEADER = ['survey_id', 'question_id', 'question', 'type', 'option_id', 'option', 'group', 'measure', 'value', 'n', 'method'];
const SUPPRESSED = 'suppressed';

function questionRows(q: QuestionResult): Cell[][] {
  const rows: Cell[][] = [];
  const push = (optionId: string, option: string, group: string, measure: string, value: Cell, n: Cell, method = '') =>
    rows.push([q.id, q.text, q.type, optionId, option, group, measure, value, n, method]);
  if (q.withheld && q.type !== 'text') {
    push('', '', '', 'withheld', 1, q.n, 'fewer respondents to this question than the minimum group size');
    return rows;
  }
  switch (q.type) {
    case 'single':
    case 'multiple':
      for (const o of q.options) {
        push(o.id, o.label, '', 'count', o.count, q.n);
        push(o.id, o.label, '', 'share', o.share, q.n, q.method);
      }
      break;
    case 'ranking': {
      const m = q.ranking.method;
      const method = `${m.points}; order: ${m.order}; ${m.ties}`;
      for (const i of q.ranking.items) {
        push(i.id, i.label, '', 'place', i.place, q.n, method);
        push(i.id, i.label, '', 'tied', i.tied ? 1 : 0, q.n);
        push(i.id, i.label, '', 'borda', i.borda, q.n, method);
        push(i.id, i.label, '', 'mean_borda', i.mean_borda, q.n, 'borda ÷ n');
        push(i.id, i.label, '', 'ranked', i.ranked, q.n);
        push(i.id, i.label, '', 'first', i.first, q.n);
        push(i.id, i.label, '', 'mean_position', i.mean_position, i.ranked, 'mean position among those who ranked it');
      }
      break;
    }
    case 'rating':
      push('', '', '', 'mean', q.mean, q.n, q.method);
      push('', '', '', 'median', q.median, q.n, q.method);
      for (const b of q.distribution) push(String(b.value), String(b.value), '', 'count', b.count, q.n);
      break;
    case 'text':
      if (q.withheld) push('', '', '', 'withheld', 1, q.n, 'fewer respondents than the minimum group size');
      for (const g of q.groups)
        push('', g.text, '', 'count', g.count, q.n, q.role === 'theme_proposal' ? 'grouped ignoring case, accents and spacing' : '');
      break;
  }
  const b = q.breakdown;
  if (b) {
    b.groups.forEach((g, gi) => {
      // A recoded group names the groups it merges, so the row says how it was computed.
      const group = g.recoded_from
        ? `${b.by.question_id}=${g.id}[${g.recoded_from.map((x) => x ?? 'not-stated').join('+')}]`
        : `${b.by.question_id}=${g.id ?? 'not-stated'}`;
      push('', '', group, 'group_n', g.suppressed ? SUPPRESSED : g.n, '', b.method);
      if (b.ratings) {
        const r = b.ratings[gi];
        push('', '', group, 'mean', r?.suppressed ? SUPPRESSED : r?.mean, r?.n ?? '', b.method);
      }
      for (const row of b.rows ?? []) {
        const cell = row.cells[gi];
        push(row.id, row.label, group, 'count', cell?.suppressed ? SUPPRESSED : cell?.count, g.n ?? '', b.method);
        if (cell && 'borda' in cell)
          push(row.id, row.label, group, 'borda', cell.suppressed ? SUPPRESSED : cell.borda, g.n ?? '', b.method);
      }
    });
  }
  return rows;
}

export function resultsLongCsv(r: SurveyResults, dialect: CsvDialect): string {
  const id = String(r.survey.id);
  const p = r.participation;
  const rows: Cell[][] = [
    [id, '', '', 'participation', '', '', '', 'invited', p.invited, '', ''],
    [id, '', '', 'participation', '', '', '', 'opened', p.opened, '', ''],
    [id, '', '', 'participation', '', '', '', 'answered', p.answered, '', ''],
    [id, '', '', 'participation', '', '', '', 'answer_rate', p.answer_rate, p.invited, 'answered ÷ invited'],
    ...p.over_time.map((t) => [
      id,
      '',
      '',
      'participation',
      t.day,
      t.day,
      '',
      'answers_on_day',
      t.count,
      '',
      'first submissions that day (UTC)',
    ]),
  ];
  if (r.withheld)
    rows.push([
      id,
      '',
      '',
      '',
      '',
      '',
      '',
      'withheld',
      1,
      p.responses,
      `fewer respondents than the minimum group size (${r.min_group_size})`,
    ]);
  for (const q of r.questions) for (const row of questionRows(q)) rows.push([id, ...row]);
  return csvDocument(LONG_HEADER, rows, dialect);
}

/** One question as a table a coordinator can paste into a spreadsheet as it is. */
export function questionCsv(q: QuestionResult, dialect: CsvDialect): string {
  if (q.withheld && q.type !== 'text') {
    return csvDocument(['withheld', 'n'], [['fewer respondents to this question than the minimum group size', q.n]], dialect);
  }
  switch (q.type) {
    case 'single':
    case 'multiple':
      return csvDocument(
        ['option_id', 'option', 'count', 'share', 'n'],
        q.options.map((o) => [o.id, o.label, o.count, o.share, q.n]),
        dialect,
      );
    case 'ranking':
      return csvDocument(
        ['place', 'tied', 'option_id', 'option', 'borda', 'mean_borda', 'ranked', 'first', 'mean_position', 'n', 'k'],
        q.ranking.items.map((i) => [
          i.place,
          i.tied ? 1 : 0,
          i.id,
          i.label,
          i.borda,
          i.mean_borda,
          i.ranked,
          i.first,
          i.mean_position,
          q.n,
          q.ranking.method.k,
        ]),
        dialect,
      );
    case 'rating':
      return csvDocument(
        ['value', 'count', 'n', 'mean', 'median'],
        q.distribution.map((b) => [b.value, b.count, q.n, q.mean, q.median]),
        dialect,
      );
    case 'text':
      return csvDocument(
        ['text', 'count', 'n'],
        q.withheld ? [['(withheld: fewer respondents than the minimum group size)', '', q.n]] : q.groups.map((g) => [g.text, g.count, q.n]),
        dialect,
      );
  }
}
