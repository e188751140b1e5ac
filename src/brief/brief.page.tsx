/** The printable brief (GET /api/sessions/:id/brief?format=html): read on screen, printed for the meeting. */
import { formatDateTime } from '../i18n/index.ts';
import { type ResultsMessages, resultsMessages } from '../i18n/results/index.ts';
import { Layout } from '../pages/layout.tsx';
import { BarTable, decimal, percent } from '../results/charts.tsx';
import { ParticipationFacts, TextAnswers } from '../results/results.page.tsx';
import type { QuestionResult } from '../results/results.ts';
import { roundLabel, sourceLabel } from './brief.markdown.ts';
import type { Brief } from './brief.ts';

function Choices({ q, t, countHead, min }: { q: QuestionResult; t: ResultsMessages; countHead: string; min: number }) {
  if (q.withheld) return <p class="note">{t.questionWithheld(q.n, min)}</p>;
  if (q.type !== 'single' && q.type !== 'multiple') return null;
  const options = [...q.options].sort((a, b) => b.count - a.count);
  return (
    <BarTable
      caption={`${q.text} — n = ${q.n}`}
      head={[t.option, countHead, t.share]}
      max={Math.max(1, q.n)}
      rows={options.map((o) => ({ label: o.label, value: o.count, cells: [o.count, percent(o.share, t.locale)] }))}
    />
  );
}

export function BriefPage({ brief, links }: { brief: Brief; links: Record<'json' | 'md' | 'csv', string> }) {
  const t = resultsMessages(brief.language);
  const title = t.briefTitle(brief.series.title, brief.for_session.number);
  const sources = new Map(brief.sources.map((s) => [s.survey_id, s]));
  const label = (id: number) => {
    const s = sources.get(id);
    return s ? sourceLabel(s, t) : `#${id}`;
  };
  const next = brief.for_session;
  const pr = brief.priorities;
  const previous = pr.rounds.at(-1)?.session;
  return (
    <Layout language={brief.language} title={title}>
      <link rel="stylesheet" href="/brief.css" />
      <article class="report brief">
        <h1>
          {t.briefTitle(brief.series.title, next.number)}
          {brief.series.bassin ? <span class="subtitle">{brief.series.bassin}</span> : null}
        </h1>
        {next.starts_at ? (
          <dl class="facts">
            <dt>{t.date}</dt>
            <dd>{formatDateTime(next.starts_at, brief.language)}</dd>
            {next.place ? (
              <>
                <dt>{t.place}</dt>
                <dd>{next.place}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t.noNextSession}</p>
        )}
        <p>
          {t.preparedFrom} {brief.sources.map((s) => sourceLabel(s, t)).join(' ; ')}.
        </p>
        <p class="downloads">
          {t.download}: <a href={links.md}>{t.formats.md}</a> · <a href={links.csv}>{t.formats.csv}</a> ·{' '}
          <a href={links.json}>{t.formats.json}</a>
          <span class="screen-only"> — {t.print}</span>
        </p>

        <section aria-labelledby="participation">
          <h2 id="participation">{t.section.participation}</h2>
          {brief.participation.map((p) => (
            <>
              <h3>{label(p.survey_id)}</h3>
              <ParticipationFacts p={{ ...p, over_time: [] }} t={t} heading="h3" />
            </>
          ))}
          {brief.sources
            .filter((s) => s.withheld)
            .map((s) => (
              <p class="note">
                {label(s.survey_id)} — {t.withheld(s.respondents, brief.min_group_size)}
              </p>
            ))}
        </section>

        <section aria-labelledby="expectations">
          <h2 id="expectations">{t.section.expectations}</h2>
          {brief.expectations ? (
            <>
              <Choices q={brief.expectations.question} t={t} countHead={t.count} min={brief.min_group_size} />
              <p class="method">
                {t.source(label(brief.expectations.survey_id), brief.expectations.question.n)} {t.shareMethod}.
              </p>
            </>
          ) : (
            <p>{t.noSurvey(t.kind.pre)}</p>
          )}
          {brief.pairing === 'anonymous' ? (
            <>
              <h3>{t.pairing}</h3>
              <p>{t.pairingAnonymous}</p>
            </>
          ) : brief.pairing ? (
            <>
              <h3>{t.pairing}</h3>
              <p>{t.pairingIntro(brief.pairing.threshold, brief.pairing.max)}</p>
              <p>
                {brief.pairing.total.suppressed
                  ? `${t.paired}: ${brief.pairing.total.paired ?? t.suppressed} — ${t.usefulAfter}: ${t.suppressed}`
                  : t.pairingTotal(brief.pairing.total.useful ?? 0, brief.pairing.total.paired ?? 0)}
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
              <p class="method">{t.suppressionMethod(brief.min_group_size)}</p>
            </>
          ) : null}
        </section>

        <section aria-labelledby="appreciation">
          <h2 id="appreciation">{t.section.appreciation(brief.session.number)}</h2>
          {brief.appreciation ? (
            brief.appreciation.questions.map((q) =>
              q.withheld ? (
                <p class="note">{t.questionWithheld(q.n, brief.min_group_size)}</p>
              ) : q.type === 'rating' ? (
                <>
                  <BarTable
                    caption={`${q.text} — n = ${q.n}, ${t.mean} ${decimal(q.mean, t.locale)}, ${t.median} ${decimal(q.median, t.locale)}`}
                    head={[t.rating, t.count]}
                    max={Math.max(1, q.n)}
                    rows={q.distribution.map((b) => ({ label: String(b.value), value: b.count, cells: [b.count] }))}
                  />
                  <p class="method">
                    {t.ratingMethod(q.min, q.max)}. {t.source(label(brief.appreciation?.survey_id ?? 0), q.n)}
                  </p>
                </>
              ) : null,
            )
          ) : (
            <p>{t.noSurvey(t.kind.post)}</p>
          )}
        </section>

        <section aria-labelledby="needs">
          <h2 id="needs">{t.section.needs}</h2>
          <h3>{t.proposedThemes}</h3>
          <TextAnswers
            q={{
              id: 'proposals',
              type: 'text',
              role: 'theme_proposal',
              text: t.proposedThemes,
              n: brief.proposed_themes.n,
              withheld: false,
              groups: brief.proposed_themes.groups,
            }}
            t={t}
            minGroupSize={brief.min_group_size}
          />
          <h3>{t.remarks}</h3>
          {brief.remarks.by_theme.some((g) => g.theme_id !== null) ? (
            <>
              {brief.remarks.by_theme.map((g) => (
                <>
                  <h4>{g.label ?? t.otherRemarks}</h4>
                  <ul class="texts">
                    {g.texts.map((r) => (
                      <li>
                        {r.text}
                        {r.count > 1 ? <span class="count"> (×{r.count})</span> : null}
                      </li>
                    ))}
                  </ul>
                </>
              ))}
              <p class="method">
                n = {brief.remarks.n}. {t.remarksByTheme} {t.textOrder}
              </p>
            </>
          ) : (
            <TextAnswers
              q={{
                id: 'remarks',
                type: 'text',
                role: 'remark',
                text: t.remarks,
                n: brief.remarks.n,
                withheld: brief.remarks.withheld,
                groups: brief.remarks.texts,
              }}
              t={t}
              minGroupSize={brief.min_group_size}
            />
          )}
        </section>

        <section aria-labelledby="priorities">
          <h2 id="priorities">{t.section.priorities}</h2>
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
                    <span aria-hidden="true">{t.changeSymbols[i.change]} </span>
                    {t.changes[i.change]}
                  </span>,
                ],
              }))}
            />
          ) : (
            <p>{t.noAnswers}</p>
          )}
          <p class="method">{t.bordaMethod(pr.method.k, pr.current.n)}</p>
          {previous !== undefined ? (
            <>
              <p class="method">
                {t.changeMethod(previous)} {t.roundMethod} {t.mergedMethod}
              </p>
              <ul class="method">
                {pr.rounds.map((r) => (
                  <li>
                    {t.priorityRound(r.session)} : {t.roundSources(roundLabel(r, t))}, n = {r.n}.
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section aria-labelledby="actions">
          <h2 id="actions">{t.section.actions}</h2>
          {brief.actions ? (
            <>
              <Choices q={brief.actions.question} t={t} countHead={t.volunteers} min={brief.min_group_size} />
              <p class="method">
                {t.source(label(brief.actions.survey_id), brief.actions.question.n)} {t.actionsMethod}; {t.shareMethod}.
              </p>
            </>
          ) : (
            <p>{t.noSurvey(t.kind.post)}</p>
          )}
        </section>

        <section aria-labelledby="method">
          <h2 id="method">{t.section.method}</h2>
          <ul class="method">
            <li>{t.withheldRule(brief.min_group_size)}</li>
            <li>{t.suppressionMethod(brief.min_group_size)}</li>
          </ul>
        </section>
      </article>
    </Layout>
  );
}
