/** The printable brief (GET /api/sessions/:id/brief?format=html): read on screen, printed for the meeting. */

import type { WrittenBlock } from '../domain/written-text.ts';
import { formatDateTime, formatTime } from '../i18n/index.ts';
import { minutesMessages } from '../i18n/minutes/index.ts';
import { resultsMessages } from '../i18n/results/index.ts';
import { ASSETS } from '../pages/assets.ts';
import { Layout } from '../pages/layout.tsx';
import { BarTable, decimal, percent } from '../results/charts.tsx';
import { agreementLine, condorcetLine, followUpLine, priorityLine, roundLabel, sourceLabel, TOP_PRIORITIES } from './brief.markdown.ts';
import type { Brief, MinutesSection } from './brief.ts';

/** A coordinator's text as paragraphs and bullet lists, escaped by JSX (src/domain/written-text.ts). */
export function WrittenBlocks({ blocks }: { blocks: WrittenBlock[] }) {
  return (
    <>
      {blocks.map((b) =>
        b.type === 'paragraph' ? (
          <p>{b.text}</p>
        ) : (
          <ul>
            {b.items.map((i) => (
              <li>{i}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

/**
 * The coordinator's words above the figures, each kind labelled: "written by the
 * coordination", then "measured by the surveys". Text is escaped by JSX; only paragraphs and
 * bullet lists are made of it (src/domain/written-text.ts).
 */
function Written({ brief, section }: { brief: Brief; section: MinutesSection }) {
  const w = brief.written.find((x) => x.section === section);
  if (!w) return null;
  const m = minutesMessages(brief.language);
  return (
    <>
      <div class="written" lang={w.language === brief.language ? undefined : w.language}>
        <p class="origin">{m.written}</p>
        <WrittenBlocks blocks={w.blocks} />
      </div>
      <p class="origin">{m.measured}</p>
    </>
  );
}

/** Footnote references: numbered in reading order, listed at the end (they paste into Word as text). */
function notes() {
  const list: string[] = [];
  return {
    list,
    ref(text: string) {
      list.push(text);
      const n = list.length;
      return (
        <sup>
          <a href={`#note-${n}`} id={`ref-${n}`}>
            {n}
          </a>
        </sup>
      );
    },
  };
}

export function BriefPage({ brief, links }: { brief: Brief; links: Record<'json' | 'md' | 'csv' | 'docx' | 'odt', string> }) {
  const t = resultsMessages(brief.language);
  const m = minutesMessages(brief.language);
  const title = t.briefTitle(brief.series.title, brief.for_session.number);
  const sources = new Map(brief.sources.map((s) => [s.survey_id, s]));
  const label = (id: number) => {
    const s = sources.get(id);
    return s ? sourceLabel(s, t) : `#${id}`;
  };
  const surveyName = (id: number) => {
    const s = sources.get(id);
    return s ? t.surveyLabel(s.kind, s.session_number) : `#${id}`;
  };
  const fn = notes();
  const min = brief.min_group_size;
  const next = brief.for_session;
  const pr = brief.priorities;
  const e = brief.expectations;
  const a = brief.appreciation;
  const act = brief.actions;
  const top = pr.items.slice(0, TOP_PRIORITIES);
  const agreed = agreementLine(pr.current.agreement, t);
  const majority = condorcetLine(pr.current.agreement, pr.items, t);
  const proposed = brief.proposed_themes;
  const byTheme = brief.remarks.by_theme.some((g) => g.theme_id !== null);
  const remark = (r: { text: string; count: number }) => (
    <li>
      {r.text}
      {r.count > 1 ? <span class="count"> (×{r.count})</span> : null}
    </li>
  );
  return (
    <Layout language={brief.language} title={title}>
      <link rel="stylesheet" href={ASSETS['brief.css']} />
      <article class="report brief">
        <h1>
          {title}
          {brief.series.bassin ? <span class="subtitle">{brief.series.bassin}</span> : null}
        </h1>
        {brief.participation.length ? (
          <p>
            {t.respondedLine(brief.participation.map((p) => t.respondedPart(p.answered, surveyName(p.survey_id))).join(' ; '))}
            {fn.ref(
              `${brief.participation
                .map(
                  (p) =>
                    `${label(p.survey_id)} : ${t.answered} ${p.answered} / ${t.invited} ${p.invited} (${percent(p.answer_rate, t.locale)}, ${t.answerRateMethod}) ; ${t.opened} ${p.opened}.`,
                )
                .join(' ')} ${t.withheldRule(min)} ${t.suppressionMethod(min)}`,
            )}
          </p>
        ) : null}
        {brief.sources
          .filter((s) => s.withheld)
          .map((s) => (
            <p class="note">
              {label(s.survey_id)} — {t.withheld(s.respondents, min)}
            </p>
          ))}
        <p class="downloads screen-only">
          {t.download}: <a href={links.docx}>{m.formats.docx}</a> · <a href={links.odt}>{m.formats.odt}</a> ·{' '}
          <a href={links.md}>{t.formats.md}</a> · <a href={links.csv}>{t.formats.csv}</a> · <a href={links.json}>{t.formats.json}</a> —{' '}
          {t.print}
        </p>

        <section aria-labelledby="expectations">
          <h2 id="expectations">{t.minutes.expectations}</h2>
          <Written brief={brief} section="expectations" />
          {e && !e.question.withheld && (e.question.type === 'single' || e.question.type === 'multiple') ? (
            <>
              <p>
                {e.question.text}
                {fn.ref(`${t.source(label(e.survey_id), e.question.n)} ${t.shareMethod}.`)}
              </p>
              <ul>
                {[...e.question.options]
                  .filter((o) => o.count > 0)
                  .sort((x, y) => y.count - x.count)
                  .map((o) => (
                    <li>
                      {o.label} — {o.count} ({percent(o.share, t.locale)})
                    </li>
                  ))}
              </ul>
            </>
          ) : e?.question.withheld ? (
            <p>{t.questionWithheld(e.question.n, min)}</p>
          ) : (
            <p>{t.noSurvey(t.kind.pre)}</p>
          )}
        </section>

        <section aria-labelledby="findings">
          <h2 id="findings">{t.minutes.findings}</h2>
          <Written brief={brief} section="findings" />
          {a?.questions.length ? (
            <>
              <h3>{t.section.appreciation(brief.session.number)}</h3>
              <ul>
                {a.questions.map((q) =>
                  q.withheld ? (
                    <li>
                      {q.text} — {t.questionWithheld(q.n, min)}
                    </li>
                  ) : q.type === 'rating' ? (
                    <li>
                      {q.text} — {t.mean.toLowerCase()} {decimal(q.mean, t.locale)} / {q.max}, {t.median.toLowerCase()}{' '}
                      {decimal(q.median, t.locale)}
                      {fn.ref(
                        `n = ${q.n} ; ${t.ratingMethod(q.min, q.max)}. ${t.distribution} : ${q.distribution.map((b) => `${b.value} : ${b.count}`).join(' · ')}. ${t.source(label(a.survey_id), q.n)}`,
                      )}
                    </li>
                  ) : null,
                )}
              </ul>
            </>
          ) : null}
          {brief.pairing === 'anonymous' ? (
            <>
              <h3>
                {t.pairing} (#{brief.session.number})
              </h3>
              <p>{t.pairingAnonymous}</p>
            </>
          ) : brief.pairing ? (
            <>
              <h3>
                {t.pairing} (#{brief.session.number})
              </h3>
              <p>
                {brief.pairing.total.suppressed
                  ? `${t.paired}: ${brief.pairing.total.paired ?? t.suppressed} — ${t.usefulAfter}: ${t.suppressed}`
                  : t.pairingTotal(brief.pairing.total.useful ?? 0, brief.pairing.total.paired ?? 0)}
                {fn.ref(`${t.pairingIntro(brief.pairing.threshold, brief.pairing.max)} ${t.suppressionMethod(min)}`)}
              </p>
              <table>
                <caption>{t.pairing}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.option}</th>
                    <th scope="col" class="num">
                      {t.paired}
                    </th>
                    <th scope="col" class="num">
                      {t.usefulAfter}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {brief.pairing.items.map((i) => (
                    <tr>
                      <th scope="row">{i.label}</th>
                      <td class="num">{i.paired ?? t.suppressed}</td>
                      <td class="num">{i.suppressed ? t.suppressed : i.useful}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {!a?.questions.length && !brief.pairing ? <p>{t.noSurvey(t.kind.post)}</p> : null}
        </section>

        <section aria-labelledby="needs">
          <h2 id="needs">{t.minutes.needs}</h2>
          <Written brief={brief} section="needs" />
          <h3>{t.section.priorities}</h3>
          {top.length && pr.current.n > 0 ? (
            <>
              <p>
                {t.topPriorities(top.length, pr.current.session)}
                {fn.ref(
                  `${t.priorityRound(pr.current.session)} — ${t.roundSources(roundLabel(pr.current, t))}, n = ${pr.current.n}. ${t.bordaMethod(pr.method.k, pr.current.n)}${pr.rounds.length ? ` ${t.changeMethod(pr.rounds.at(-1)?.session ?? 0)} ${t.roundMethod} ${t.mergedMethod}` : ''}`,
                )}{' '}
                :
              </p>
              <ol class="priorities">
                {top.map((i) => (
                  <li value={String(i.place)}>{priorityLine(i, pr, t)}</li>
                ))}
              </ol>
              <p class="agreement">
                {agreed ? (
                  <>
                    {agreed}
                    {majority ? ` ${majority}` : ''}
                    {fn.ref(
                      `${t.agreementMethod} n = ${pr.current.agreement.n}, K = ${pr.current.agreement.k}, ${pr.current.agreement.m} ${t.theme.toLowerCase()}(s).${pr.current.agreement.condorcet === 'undetermined' ? ` ${t.condorcet.undetermined}` : ''}`,
                    )}
                  </>
                ) : (
                  t.agreementNone
                )}
              </p>
              <p>{t.fullTableBelow}</p>
            </>
          ) : (
            <p>{t.noAnswers}</p>
          )}
          {proposed.accepted.length || proposed.pending ? (
            <>
              <h3>{t.proposedThemes}</h3>
              {proposed.accepted.length ? (
                <ul>
                  {proposed.accepted.map((g) => (
                    <li>
                      {g.label} ({t.proposedTimes(g.count)})
                    </li>
                  ))}
                </ul>
              ) : null}
              {proposed.pending ? (
                <p>
                  {t.pendingProposals(proposed.pending)}
                  {fn.ref(`n = ${proposed.n}. ${t.proposalsGrouped}`)}
                </p>
              ) : null}
            </>
          ) : null}
          <h3>{t.minutes.otherConcerns}</h3>
          {brief.remarks.withheld ? (
            <p>{t.remarksWithheld(brief.remarks.n, min)}</p>
          ) : brief.remarks.texts.length ? (
            <>
              <p>
                {t.remarks}
                {fn.ref(`n = ${brief.remarks.n}. ${byTheme ? `${t.remarksByTheme} ` : ''}${t.textOrder}`)}
              </p>
              {byTheme ? (
                brief.remarks.by_theme.map((g) => (
                  <>
                    <h4>{g.label ?? t.otherRemarks}</h4>
                    <ul class="texts">{g.texts.map(remark)}</ul>
                  </>
                ))
              ) : (
                <ul class="texts">{brief.remarks.texts.map(remark)}</ul>
              )}
            </>
          ) : (
            <p>{t.none}</p>
          )}
        </section>

        <section aria-labelledby="actions">
          <h2 id="actions">{t.minutes.actions}</h2>
          <Written brief={brief} section="actions" />
          {act && !act.question.withheld && (act.question.type === 'single' || act.question.type === 'multiple') ? (
            <>
              <p>
                {act.question.text}
                {fn.ref(`${t.source(label(act.survey_id), act.question.n)} ${t.actionsMethod} ; ${t.shareMethod}.`)}
              </p>
              <ul>
                {[...act.question.options]
                  .sort((x, y) => y.count - x.count)
                  .map((o) => (
                    <li>
                      {o.label} — {o.count} {t.volunteers.toLowerCase()} ({percent(o.share, t.locale)})
                    </li>
                  ))}
              </ul>
            </>
          ) : act?.question.withheld ? (
            <p>{t.questionWithheld(act.question.n, min)}</p>
          ) : (
            <p>{t.noSurvey(t.kind.post)}</p>
          )}
          {brief.action_follow_up.length ? (
            <>
              <h3>{m.followUp}</h3>
              <ul class="follow-up">
                {brief.action_follow_up.map((a, i) => (
                  <li>
                    {followUpLine(a, brief)}
                    {i === 0 ? fn.ref(m.followUpMethod) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section aria-labelledby="save-the-date">
          <h2 id="save-the-date">{t.minutes.saveTheDate}</h2>
          <Written brief={brief} section="save_the_date" />
          <p>
            {next.starts_at
              ? t.saveTheDate(
                  brief.series.title,
                  next.number,
                  formatDateTime(next.starts_at, brief.language),
                  next.ends_at ? formatTime(next.ends_at, brief.language) : null,
                  next.place,
                )
              : t.noNextSession}
          </p>
        </section>

        <section aria-labelledby="annex">
          <h2 id="annex">{t.minutes.annex}</h2>
          <p>
            {t.priorityRound(pr.current.session)} — {t.roundSources(roundLabel(pr.current, t) || '—')}, n = {pr.current.n}.
          </p>
          {pr.items.length ? (
            <BarTable
              caption={t.section.priorities}
              head={[
                t.theme,
                t.place_,
                t.borda,
                t.meanBorda,
                t.firstChoices,
                ...pr.rounds.map((r) => `${t.scoreIn(r.session)} (${t.place_} · Borda)`),
                t.change,
              ]}
              rows={pr.items.map((i) => ({
                label: i.label,
                value: i.borda,
                cells: [
                  i.tied ? `${i.place} (${t.tie})` : i.place,
                  i.borda,
                  decimal(i.mean_borda, t.locale),
                  i.first,
                  ...pr.rounds.map((r) => {
                    const h = i.history.find((x) => x.session === r.session);
                    return h ? `${h.place} · ${h.borda}` : '—';
                  }),
                  <span class={`change change-${i.change}`}>
                    {t.changeSymbols[i.change] ? <span aria-hidden="true">{t.changeSymbols[i.change]} </span> : null}
                    {t.changes[i.change]}
                  </span>,
                ],
              }))}
            />
          ) : (
            <p>{t.noAnswers}</p>
          )}
          <p class="method">{t.bordaMethod(pr.method.k, pr.current.n)}</p>
          {pr.rounds.length ? (
            <ul class="method">
              {pr.rounds.map((r) => (
                <li>
                  {t.priorityRound(r.session)} : {t.roundSources(roundLabel(r, t))}, n = {r.n}.
                  {agreementLine(r.agreement, t) ? ` ${agreementLine(r.agreement, t)}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section aria-labelledby="notes">
          <h2 id="notes">{t.minutes.notes}</h2>
          <ol class="notes">
            {fn.list.map((text, i) => (
              <li id={`note-${i + 1}`}>
                {text} <a href={`#ref-${i + 1}`}>↩</a>
              </li>
            ))}
          </ol>
        </section>
      </article>
    </Layout>
  );
}
