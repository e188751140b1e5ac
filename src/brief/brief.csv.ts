/** The brief as one long CSV: a row per figure, each with its n, its source and its method. */
import { type Cell, type CsvDialect, csvDocument } from '../lib/csv.ts';
import type { QuestionResult } from '../results/results.ts';
import type { Brief } from './brief.ts';

const HEADER = ['section', 'item_id', 'item', 'measure', 'value', 'n', 'source_survey_ids', 'method'];

export function briefCsv(brief: Brief, dialect: CsvDialect): string {
  const rows: Cell[][] = [];
  const push = (section: string, id: Cell, item: Cell, measure: string, value: Cell, n: Cell, sources: number[] | number, method = '') =>
    rows.push([section, id, item, measure, value, n, Array.isArray(sources) ? sources.join(' ') : String(sources), method]);

  // The coordinator's words first, marked as written (every other row is measured).
  for (const w of brief.written)
    push('written', w.section, w.section, 'text', w.text, '', [], `written by the coordination (version ${w.version}, ${w.updated_at})`);

  for (const p of brief.participation) {
    push('participation', '', '', 'invited', p.invited, '', p.survey_id);
    push('participation', '', '', 'opened', p.opened, '', p.survey_id);
    push('participation', '', '', 'answered', p.answered, '', p.survey_id);
    push('participation', '', '', 'answer_rate', p.answer_rate, p.invited, p.survey_id, 'answered ÷ invited');
  }
  for (const s of brief.sources) {
    if (s.withheld)
      push(
        'participation',
        '',
        '',
        'withheld',
        1,
        s.respondents,
        s.survey_id,
        `fewer respondents than the minimum group size (${brief.min_group_size})`,
      );
  }
  const choices = (section: string, source: { survey_id: number; question: QuestionResult } | null) => {
    const q = source?.question;
    if (!source || !q || (q.type !== 'single' && q.type !== 'multiple')) return;
    if (q.withheld)
      push(section, '', '', 'withheld', 1, q.n, source.survey_id, 'fewer respondents to this question than the minimum group size');
    for (const o of q.options) {
      push(section, o.id, o.label, 'count', o.count, q.n, source.survey_id, q.method);
      push(section, o.id, o.label, 'share', o.share, q.n, source.survey_id, q.method);
    }
  };
  choices('expectations', brief.expectations);
  if (brief.pairing && brief.pairing !== 'anonymous') {
    const p = brief.pairing;
    const src = [p.pre_survey_id, p.post_survey_id];
    push('pairing', '', '', 'paired', p.total.paired ?? 'suppressed', '', src, p.method);
    push('pairing', '', '', 'useful_after', p.total.suppressed ? 'suppressed' : p.total.useful, p.total.paired ?? '', src, p.method);
    for (const i of p.items) {
      push('pairing', i.option_id, i.label, 'paired', i.paired ?? 'suppressed', '', src, p.method);
      push('pairing', i.option_id, i.label, 'useful_after', i.suppressed ? 'suppressed' : i.useful, i.paired ?? '', src, p.method);
    }
  }
  for (const q of brief.appreciation?.questions ?? []) {
    if (q.type !== 'rating' || !brief.appreciation) continue;
    const src = brief.appreciation.survey_id;
    if (q.withheld) {
      push('appreciation', q.id, q.text, 'withheld', 1, q.n, src, 'fewer respondents to this question than the minimum group size');
      continue;
    }
    push('appreciation', q.id, q.text, 'mean', q.mean, q.n, src, q.method);
    push('appreciation', q.id, q.text, 'median', q.median, q.n, src, q.method);
    for (const b of q.distribution) push('appreciation', q.id, q.text, `count_${b.value}`, b.count, q.n, src);
  }
  const pr = brief.priorities;
  for (const r of [...pr.rounds, pr.current]) {
    const src = r.surveys.map((x) => x.survey_id);
    if (r.agreement.w !== null) push('agreement', r.session, `#${r.session}`, 'w', r.agreement.w, r.n, src, r.agreement.method);
    push('agreement', r.session, `#${r.session}`, 'condorcet', r.agreement.condorcet, r.n, src, r.agreement.method);
  }
  const method = `${pr.method.points}; order: ${pr.method.order}; ${pr.method.ties}`;
  for (const i of pr.items) {
    const src = pr.current.surveys.map((x) => x.survey_id);
    push('priorities', i.theme_id, i.label, 'place', i.place, pr.current.n, src, method);
    push('priorities', i.theme_id, i.label, 'tied', i.tied ? 1 : 0, pr.current.n, src, method);
    push('priorities', i.theme_id, i.label, 'borda', i.borda, pr.current.n, src, method);
    push('priorities', i.theme_id, i.label, 'mean_borda', i.mean_borda, pr.current.n, src, 'borda ÷ n');
    push('priorities', i.theme_id, i.label, 'first', i.first, pr.current.n, src);
    push('priorities', i.theme_id, i.label, 'ranked', i.ranked, pr.current.n, src);
    push('priorities', i.theme_id, i.label, 'mean_position', i.mean_position, i.ranked, src);
    push('priorities', i.theme_id, i.label, 'change', i.change, '', src, pr.change_method);
    for (const h of i.history) {
      const round = pr.rounds.find((r) => r.session === h.session);
      push(
        'priorities',
        i.theme_id,
        i.label,
        `place_for_session_${h.session}`,
        h.place,
        h.n,
        round?.surveys.map((x) => x.survey_id) ?? [],
        method,
      );
      push(
        'priorities',
        i.theme_id,
        i.label,
        `borda_for_session_${h.session}`,
        h.borda,
        h.n,
        round?.surveys.map((x) => x.survey_id) ?? [],
        method,
      );
    }
  }
  choices('actions', brief.actions);
  for (const a of brief.action_follow_up) {
    const method = 'status and note set by the coordination';
    push('action_follow_up', a.option_id, a.label, 'status', a.status, '', [], method);
    if (a.note) push('action_follow_up', a.option_id, a.label, 'note', a.note, '', [], method);
    if (a.since_session !== null) push('action_follow_up', a.option_id, a.label, 'since_session', a.since_session, '', [], method);
  }
  const proposed = brief.proposed_themes;
  // Only moderated proposals are named (under the theme they were accepted as); the rest is a count.
  for (const g of proposed.accepted)
    push('proposed_themes', g.theme_id, g.label, 'count', g.count, proposed.n, proposed.survey_ids, proposed.method);
  push('proposed_themes', '', '', 'pending', proposed.pending, proposed.n, proposed.survey_ids, proposed.method);
  if (brief.remarks.withheld) push('remarks', '', '', 'withheld', 1, brief.remarks.n, brief.remarks.survey_ids, brief.remarks.method);
  // item_id: the theme the remark names (empty: none), as the brief groups them.
  for (const g of brief.remarks.by_theme)
    for (const r of g.texts)
      push(
        'remarks',
        g.theme_id ?? '',
        r.text,
        'count',
        r.count,
        brief.remarks.n,
        brief.remarks.survey_ids,
        `${brief.remarks.method}; ${brief.remarks.by_theme_method}`,
      );
  return csvDocument(HEADER, rows, dialect);
}
