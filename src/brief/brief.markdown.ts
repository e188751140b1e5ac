/** The brief as Markdown, in the shape of the minutes and in the series' language. */
import { formatDateTime, formatTime } from '../i18n/index.ts';
import { minutesMessages } from '../i18n/minutes/index.ts';
import { type ResultsMessages, resultsMessages } from '../i18n/results/index.ts';
import { decimal, percent } from '../results/charts.tsx';
import type { ActionFollowUp, Brief, MinutesSection, PriorityItem, PriorityRound, SourceSurvey } from './brief.ts';

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

/** Top themes shown as lines in the minutes; the rest are in the annex. */
export const TOP_PRIORITIES = 5;

/**
 * One readable line per top theme, after its place: "Label — 14 pts, ▲ en hausse (3ᵉ pour la
 * séance #2)". A trend is named only where there is something to compare (src/domain/trend.ts).
 */
export function priorityLine(i: PriorityItem, pr: Brief['priorities'], t: ResultsMessages): string {
  const previous = pr.rounds.at(-1);
  const before = previous ? i.history.find((h) => h.session === previous.session) : undefined;
  let trend = '';
  if (i.ranked === 0) trend = `, ${t.notRanked}`;
  else if (i.change === 'new') trend = `, ${t.changeSymbols.new} ${t.changes.new} (${t.firstRanked})`;
  else if (i.change !== 'none')
    trend = `, ${t.changeSymbols[i.change]} ${t.changes[i.change]}${before ? ` (${t.placeFor(t.ordinal(before.place), before.session)})` : ''}`;
  return `${i.label}${i.tied ? ` (${t.tie})` : ''} — ${t.points(i.borda)}${trend}`;
}

/** The agreement of a round, phrased for the meeting; null when it cannot be measured. */
export function agreementLine(a: PriorityRound['agreement'], t: ResultsMessages): string | null {
  if (a.w === null || a.level === null) return null;
  return `${t.agreement[a.level]} (${t.agreementFigure(decimal(a.w, t.locale), a.n)}).`;
}

export function condorcetLine(a: PriorityRound['agreement'], items: PriorityItem[], t: ResultsMessages): string | null {
  const winner = items.find((i) => String(i.theme_id) === a.borda_winner);
  if (!winner || a.condorcet === 'undetermined') return null;
  return t.condorcet[a.condorcet](winner.label);
}

/** "Label — in progress (proposed at session #1 ; 3 volunteers…) : note", the line each format shows for an action followed. */
export function followUpLine(a: ActionFollowUp, brief: Brief): string {
  const m = minutesMessages(brief.language);
  const facts = [
    a.since_session !== null ? m.since(a.since_session) : null,
    a.volunteers !== null ? m.volunteers(a.volunteers, brief.session.number) : null,
  ].filter((x) => x !== null);
  const state = a.status === 'proposed' ? facts.join(' ; ') : `${m.status[a.status]}${facts.length ? ` (${facts.join(' ; ')})` : ''}`;
  return `${a.label} — ${state}${a.note ? ` : ${a.note}` : ''}`;
}

/**
 * The coordinator's words of a section, then the label of what follows: the two kinds of
 * content stay apart in every format. Empty when nothing was written.
 */
function writtenMarkdown(brief: Brief, section: MinutesSection): string[] {
  const w = brief.written.find((x) => x.section === section);
  if (!w) return [];
  const m = minutesMessages(brief.language);
  const out = [`*${m.written} :*`, ''];
  for (const b of w.blocks) {
    if (b.type === 'paragraph') out.push(mdText(b.text), '');
    else out.push(...b.items.map((i) => `- ${mdText(i)}`), '');
  }
  out.push(`*${m.measured} :*`, '');
  return out;
}

/** Footnotes collected while writing: each figure's method and n, out of the way of the text. */
function notes() {
  const list: string[] = [];
  return {
    list,
    ref(text: string) {
      list.push(text);
      return `[^${list.length}]`;
    },
  };
}

export function briefMarkdown(brief: Brief): string {
  const t = resultsMessages(brief.language);
  const bySurvey = new Map(brief.sources.map((s) => [s.survey_id, s]));
  const label = (id: number) => {
    const s = bySurvey.get(id);
    return s ? sourceLabel(s, t) : `#${id}`;
  };
  const surveyName = (id: number) => {
    const s = bySurvey.get(id);
    return s ? t.surveyLabel(s.kind, s.session_number) : `#${id}`;
  };
  const fn = notes();
  const out: string[] = [];
  const next = brief.for_session;
  const min = brief.min_group_size;
  out.push(`# ${t.briefTitle(mdText(brief.series.title), next.number)}`, '');
  if (brief.series.bassin) out.push(mdText(brief.series.bassin), '');
  if (brief.participation.length) {
    const parts = brief.participation.map((p) => t.respondedPart(p.answered, surveyName(p.survey_id)));
    const details = brief.participation
      .map(
        (p) =>
          `${label(p.survey_id)} : ${t.answered} ${p.answered} / ${t.invited} ${p.invited} (${percent(p.answer_rate, t.locale)}, ${t.answerRateMethod}) ; ${t.opened} ${p.opened}.`,
      )
      .join(' ');
    out.push(`${mdText(t.respondedLine(parts.join(' ; ')))}${fn.ref(`${details} ${t.withheldRule(min)} ${t.suppressionMethod(min)}`)}`, '');
  }
  for (const s of brief.sources.filter((x) => x.withheld)) out.push(`> ${t.withheld(s.respondents, min)} (${label(s.survey_id)})`, '');

  // Attentes des participant·es et objectifs
  out.push(`## ${t.minutes.expectations}`, '');
  out.push(...writtenMarkdown(brief, 'expectations'));
  const e = brief.expectations;
  if (e && !e.question.withheld && (e.question.type === 'single' || e.question.type === 'multiple')) {
    const options = [...e.question.options].filter((o) => o.count > 0).sort((a, b) => b.count - a.count);
    out.push(`${mdText(e.question.text)}${fn.ref(`${t.source(label(e.survey_id), e.question.n)} ${t.shareMethod}.`)}`, '');
    out.push(...options.map((o) => `- ${mdText(o.label)} — ${o.count} (${percent(o.share, t.locale)})`), '');
  } else if (e?.question.withheld) out.push(t.questionWithheld(e.question.n, min), '');
  else out.push(t.noSurvey(t.kind.pre), '');

  // Constats et ajustements de l'offre: how session N was rated, and before/after for N.
  out.push(`## ${t.minutes.findings}`, '');
  out.push(...writtenMarkdown(brief, 'findings'));
  const a = brief.appreciation;
  const ratings = a?.questions ?? [];
  if (a && ratings.length) {
    out.push(`### ${t.section.appreciation(brief.session.number)}`, '');
    for (const q of ratings) {
      if (q.withheld) out.push(`- ${mdText(q.text)} — ${t.questionWithheld(q.n, min)}`);
      else if (q.type === 'rating') {
        const dist = q.distribution.map((b) => `${b.value} : ${b.count}`).join(' · ');
        out.push(
          `- ${mdText(q.text)} — ${t.mean.toLowerCase()} ${decimal(q.mean, t.locale)} / ${q.max}, ${t.median.toLowerCase()} ${decimal(q.median, t.locale)}${fn.ref(`n = ${q.n} ; ${t.ratingMethod(q.min, q.max)}. ${t.distribution} : ${dist}. ${t.source(label(a.survey_id), q.n)}`)}`,
        );
      }
    }
    out.push('');
  }
  if (brief.pairing === 'anonymous') out.push(`### ${t.pairing} (#${brief.session.number})`, '', t.pairingAnonymous, '');
  else if (brief.pairing) {
    const p = brief.pairing;
    out.push(`### ${t.pairing} (#${brief.session.number})`, '');
    out.push(
      `${p.total.suppressed ? `${t.paired}: ${p.total.paired ?? t.suppressed} — ${t.usefulAfter}: ${t.suppressed}.` : t.pairingTotal(p.total.useful ?? 0, p.total.paired ?? 0)}${fn.ref(`${t.pairingIntro(p.threshold, p.max)} ${t.suppressionMethod(min)}`)}`,
      '',
      table(
        [t.option, t.paired, t.usefulAfter],
        p.items.map((i) => [i.label, i.paired ?? t.suppressed, i.suppressed ? t.suppressed : (i.useful ?? 0)]),
      ),
      '',
    );
  }
  if (!(a && ratings.length) && !brief.pairing) out.push(t.noSurvey(t.kind.post), '');

  // Veille des besoins de la population: priorities (compact), agreement, proposals, then remarks.
  const pr = brief.priorities;
  out.push(`## ${t.minutes.needs}`, '');
  out.push(...writtenMarkdown(brief, 'needs'));
  out.push(`### ${t.section.priorities}`, '');
  if (pr.items.length && pr.current.n > 0) {
    const top = pr.items.slice(0, TOP_PRIORITIES);
    out.push(
      `${mdText(t.topPriorities(top.length, pr.current.session))}${fn.ref(`${t.priorityRound(pr.current.session)} — ${t.roundSources(roundLabel(pr.current, t))}, n = ${pr.current.n}. ${t.bordaMethod(pr.method.k, pr.current.n)}${pr.rounds.length ? ` ${t.changeMethod(pr.rounds.at(-1)?.session ?? 0)} ${t.roundMethod} ${t.mergedMethod}` : ''}`)} :`,
      '',
      ...top.map((i) => `${i.place}. ${mdText(priorityLine(i, pr, t))}`),
      '',
    );
    const agreed = agreementLine(pr.current.agreement, t);
    const majority = condorcetLine(pr.current.agreement, pr.items, t);
    const method = `${t.agreementMethod} n = ${pr.current.agreement.n}, K = ${pr.current.agreement.k}, ${pr.current.agreement.m} ${t.theme.toLowerCase()}(s).${pr.current.agreement.condorcet === 'undetermined' ? ` ${t.condorcet.undetermined}` : ''}`;
    out.push(agreed ? `${agreed}${majority ? ` ${mdText(majority)}` : ''}${fn.ref(method)}` : t.agreementNone, '');
    out.push(t.fullTableBelow, '');
  } else out.push(t.noAnswers, '');
  const proposed = brief.proposed_themes;
  if (proposed.accepted.length || proposed.pending) {
    out.push(`### ${t.proposedThemes}`, '');
    if (proposed.accepted.length) out.push(...proposed.accepted.map((g) => `- ${mdText(g.label)} (${t.proposedTimes(g.count)})`), '');
    if (proposed.pending) out.push(`${t.pendingProposals(proposed.pending)}${fn.ref(`n = ${proposed.n}. ${t.proposalsGrouped}`)}`, '');
  }
  out.push(`### ${t.minutes.otherConcerns}`, '');
  if (brief.remarks.withheld) out.push(t.remarksWithheld(brief.remarks.n, min), '');
  else if (brief.remarks.texts.length) {
    const remark = (r: { text: string; count: number }) => `- ${mdText(r.text)}${r.count > 1 ? ` (×${r.count})` : ''}`;
    const groups = brief.remarks.by_theme;
    const note = fn.ref(`n = ${brief.remarks.n}. ${groups.some((g) => g.theme_id !== null) ? `${t.remarksByTheme} ` : ''}${t.textOrder}`);
    // Under the themes they name, as the minutes list them; a flat list when none names one.
    if (groups.some((g) => g.theme_id !== null)) {
      out.push(`${t.remarks}${note}`, '');
      for (const g of groups) out.push(`#### ${mdText(g.label ?? t.otherRemarks)}`, '', ...g.texts.map(remark), '');
    } else out.push(`${t.remarks}${note}`, '', ...brief.remarks.texts.map(remark), '');
  } else out.push(t.none, '');

  // Actions à mener collectivement et perspectives
  out.push(`## ${t.minutes.actions}`, '');
  out.push(...writtenMarkdown(brief, 'actions'));
  const act = brief.actions;
  if (act && !act.question.withheld && (act.question.type === 'single' || act.question.type === 'multiple')) {
    const options = [...act.question.options].sort((x, y) => y.count - x.count);
    out.push(
      `${mdText(act.question.text)}${fn.ref(`${t.source(label(act.survey_id), act.question.n)} ${t.actionsMethod} ; ${t.shareMethod}.`)}`,
      '',
    );
    out.push(...options.map((o) => `- ${mdText(o.label)} — ${o.count} ${t.volunteers.toLowerCase()} (${percent(o.share, t.locale)})`), '');
  } else if (act?.question.withheld) out.push(t.questionWithheld(act.question.n, min), '');
  else out.push(t.noSurvey(t.kind.post), '');
  if (brief.action_follow_up.length) {
    const m = minutesMessages(brief.language);
    out.push(`### ${m.followUp}`, '');
    out.push(...brief.action_follow_up.map((a, i) => `- ${mdText(followUpLine(a, brief))}${i === 0 ? fn.ref(m.followUpMethod) : ''}`), '');
  }

  // Save the date: its own section, as in the minutes.
  out.push(`## ${t.minutes.saveTheDate}`, '');
  out.push(...writtenMarkdown(brief, 'save_the_date'));
  if (next.starts_at)
    out.push(
      mdText(
        t.saveTheDate(
          brief.series.title,
          next.number,
          formatDateTime(next.starts_at, brief.language),
          next.ends_at ? formatTime(next.ends_at, brief.language) : null,
          next.place,
        ),
      ),
      '',
    );
  else out.push(t.noNextSession, '');

  // Annex: the full priorities table.
  out.push(`## ${t.minutes.annex}`, '');
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
          `${t.changeSymbols[i.change]} ${t.changes[i.change]}`.trim(),
        ]),
      ),
      '',
    );
    out.push(`_${t.bordaMethod(pr.method.k, pr.current.n)}_`, '');
  } else out.push(t.noAnswers, '');
  for (const r of pr.rounds) {
    const agreed = agreementLine(r.agreement, t);
    out.push(`- ${t.priorityRound(r.session)} : ${t.roundSources(roundLabel(r, t))}, n = ${r.n}.${agreed ? ` ${agreed}` : ''}`);
  }
  if (pr.rounds.length) out.push('');

  out.push(...fn.list.map((text, i) => `[^${i + 1}]: ${mdText(text)}`), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
