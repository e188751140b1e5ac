/** The brief as Markdown, in the shape of the minutes and in the series' language. */
import { formatDateTime } from '../i18n/index.ts';
import { type ResultsMessages, resultsMessages } from '../i18n/results/index.ts';
import { decimal, percent } from '../results/charts.tsx';
import type { QuestionResult } from '../results/results.ts';
import type { Brief, PriorityRound, SourceSurvey } from './brief.ts';

/** Participants' text must not become headings, links or tables in the minutes. */
export function mdText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

const row = (cells: (string | number)[]) => `| ${cells.map((c) => mdText(String(c))).join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map(row)].join('\n');

export function sourceLabel(s: SourceSurvey, t: ResultsMessages): string {
  return `${t.surveyLabel(s.kind, s.session_number)} (n = ${s.respondents}, ${t.status[s.status as 'open'] ?? s.status}${s.anonymous ? `, ${t.anonymous}` : ''})`;
}

/** The surveys of a priority round, each with its number of rankings. */
export function roundLabel(round: PriorityRound, t: ResultsMessages): string {
  return round.surveys.map((s) => `${t.surveyLabel(s.kind, s.session_number)} (${s.ballots})`).join(' + ') || '—';
}

function choiceTable(q: QuestionResult, t: ResultsMessages, countHead: string, min: number): string {
  if (q.withheld) return `> ${t.questionWithheld(q.n, min)}`;
  if (q.type !== 'single' && q.type !== 'multiple') return '';
  const options = [...q.options].sort((a, b) => b.count - a.count);
  return table(
    [q.text, countHead, t.share],
    options.map((o) => [o.label, o.count, percent(o.share, t.locale)]),
  );
}

export function briefMarkdown(brief: Brief): string {
  const t = resultsMessages(brief.language);
  const bySurvey = new Map(brief.sources.map((s) => [s.survey_id, s]));
  const label = (id: number) => {
    const s = bySurvey.get(id);
    return s ? sourceLabel(s, t) : `#${id}`;
  };
  const out: string[] = [];
  const next = brief.for_session;
  out.push(`# ${t.briefTitle(mdText(brief.series.title), next.number)}`, '');
  if (next.starts_at)
    out.push(
      `**${t.nextSession(next.number)}** : ${formatDateTime(next.starts_at, brief.language)}${next.place ? ` — ${mdText(next.place)}` : ''}`,
      '',
    );
  else out.push(t.noNextSession, '');
  out.push(`${t.preparedFrom} ${brief.sources.map((s) => sourceLabel(s, t)).join(' ; ')}.`, '');

  out.push(`## ${t.section.participation}`, '');
  for (const p of brief.participation) {
    out.push(
      `- ${label(p.survey_id)} : ${t.answered} ${p.answered} / ${t.invited} ${p.invited} (${percent(p.answer_rate, t.locale)}, ${t.answerRateMethod}) ; ${t.opened} ${p.opened}.`,
    );
  }
  for (const s of brief.sources.filter((x) => x.withheld))
    out.push('', `> ${t.withheld(s.respondents, brief.min_group_size)} (${label(s.survey_id)})`);
  out.push('');

  out.push(`## ${t.section.expectations}`, '');
  if (brief.expectations) {
    out.push(t.source(label(brief.expectations.survey_id), brief.expectations.question.n), '');
    out.push(choiceTable(brief.expectations.question, t, t.count, brief.min_group_size), '', `_${t.shareMethod}._`, '');
  } else out.push(t.noSurvey(t.kind.pre), '');
  if (brief.pairing === 'anonymous') out.push(`### ${t.pairing}`, '', t.pairingAnonymous, '');
  else if (brief.pairing) {
    const p = brief.pairing;
    out.push(`### ${t.pairing}`, '', t.pairingIntro(p.threshold, p.max), '');
    out.push(
      p.total.suppressed
        ? `${t.paired}: ${p.total.paired ?? t.suppressed} — ${t.usefulAfter}: ${t.suppressed}.`
        : t.pairingTotal(p.total.useful ?? 0, p.total.paired ?? 0),
      '',
    );
    out.push(
      table(
        [t.option, t.paired, t.usefulAfter],
        p.items.map((i) => [i.label, i.paired ?? t.suppressed, i.suppressed ? t.suppressed : (i.useful ?? 0)]),
      ),
      '',
      `_${t.suppressionMethod(brief.min_group_size)}_`,
      '',
    );
  }

  out.push(`## ${t.section.appreciation(brief.session.number)}`, '');
  if (brief.appreciation) {
    for (const q of brief.appreciation.questions) {
      if (q.withheld) {
        out.push(`- **${mdText(q.text)}** — ${t.questionWithheld(q.n, brief.min_group_size)}`);
        continue;
      }
      if (q.type !== 'rating') continue;
      const dist = q.distribution.map((b) => `${b.value} : ${b.count}`).join(' · ');
      out.push(
        `- **${mdText(q.text)}** — ${t.mean} ${decimal(q.mean, t.locale)}, ${t.median} ${decimal(q.median, t.locale)} (n = ${q.n} ; ${t.ratingMethod(q.min, q.max)}). ${t.distribution} : ${dist}.`,
      );
    }
    out.push(
      '',
      t.source(
        label(brief.appreciation.survey_id),
        brief.sources.find((s) => s.survey_id === brief.appreciation?.survey_id)?.respondents ?? 0,
      ),
      '',
    );
  } else out.push(t.noSurvey(t.kind.post), '');

  out.push(`## ${t.section.needs}`, '', `### ${t.proposedThemes}`, '');
  if (brief.proposed_themes.groups.length) {
    for (const g of brief.proposed_themes.groups) {
      out.push(
        `- ${mdText(g.text)}${g.count > 1 ? ` (×${g.count})` : ''}${g.variants.length > 1 ? ` — ${t.variants} : ${g.variants.map((v) => `« ${mdText(v)} »`).join(', ')}` : ''}`,
      );
    }
    out.push('', `_n = ${brief.proposed_themes.n}. ${t.proposalsGrouped}_`, '');
  } else out.push(t.none, '');
  out.push(`### ${t.remarks}`, '');
  if (brief.remarks.withheld) out.push(t.remarksWithheld(brief.remarks.n, brief.min_group_size), '');
  else if (brief.remarks.texts.length) {
    const remark = (r: { text: string; count: number }) => `- ${mdText(r.text)}${r.count > 1 ? ` (×${r.count})` : ''}`;
    const groups = brief.remarks.by_theme;
    // Under the themes they name, as the minutes list them; a flat list when none names one.
    if (groups.some((g) => g.theme_id !== null)) {
      for (const g of groups) out.push(`#### ${mdText(g.label ?? t.otherRemarks)}`, '', ...g.texts.map(remark), '');
      out.push(`_n = ${brief.remarks.n}. ${t.remarksByTheme} ${t.textOrder}_`, '');
    } else out.push(...brief.remarks.texts.map(remark), '', `_n = ${brief.remarks.n}. ${t.textOrder}_`, '');
  } else out.push(t.none, '');

  const pr = brief.priorities;
  out.push(`## ${t.section.priorities}`, '');
  out.push(`${t.priorityRound(pr.current.session)} — ${t.roundSources(roundLabel(pr.current, t) || '—')}, n = ${pr.current.n}.`, '');
  if (pr.items.length) {
    out.push(
      table(
        [
          t.place_,
          t.theme,
          t.borda,
          t.meanBorda,
          t.firstChoices,
          t.rankedBy,
          ...pr.rounds.map((r) => `${t.scoreIn(r.session)} (${t.place_.toLowerCase()} · Borda)`),
          t.change,
        ],
        pr.items.map((i) => [
          i.tied ? `${i.place} (${t.tie})` : i.place,
          i.label,
          i.borda,
          decimal(i.mean_borda, t.locale),
          i.first,
          i.ranked,
          ...pr.rounds.map((r) => {
            const h = i.history.find((x) => x.session === r.session);
            return h ? `${h.place} · ${h.borda}` : '—';
          }),
          `${t.changeSymbols[i.change]} ${t.changes[i.change]}`,
        ]),
      ),
      '',
    );
  } else out.push(t.noAnswers, '');
  out.push(`_${t.bordaMethod(pr.method.k, pr.current.n)}_`, '');
  if (pr.rounds.length) out.push(`_${t.changeMethod(pr.rounds.at(-1)?.session ?? 0)} ${t.roundMethod} ${t.mergedMethod}_`, '');
  for (const r of pr.rounds) out.push(`- ${t.priorityRound(r.session)} : ${t.roundSources(roundLabel(r, t))}, n = ${r.n}.`);
  if (pr.rounds.length) out.push('');

  out.push(`## ${t.section.actions}`, '');
  if (brief.actions) {
    out.push(t.source(label(brief.actions.survey_id), brief.actions.question.n), '');
    out.push(
      choiceTable(brief.actions.question, t, t.volunteers, brief.min_group_size),
      '',
      `_${t.actionsMethod} ; ${t.shareMethod}._`,
      '',
    );
  } else out.push(t.noSurvey(t.kind.post), '');

  out.push(`## ${t.section.method}`, '', `- ${t.suppressionMethod(brief.min_group_size)}`, `- ${t.withheldRule(brief.min_group_size)}`, '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
