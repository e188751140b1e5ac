/** The printable results page of one survey (GET /api/surveys/:id/results?format=html). */
import { type ResultsMessages, resultsMessages } from '../i18n/results/index.ts';
import { ASSETS } from '../pages/assets.ts';
import { Layout } from '../pages/layout.tsx';
import { BarTable, decimal, percent } from './charts.tsx';
import type { Breakdown, Participation, QuestionResult, SurveyResults } from './results.ts';

export function ParticipationFacts({ p, t, heading = 'h2' }: { p: Participation; t: ResultsMessages; heading?: 'h2' | 'h3' }) {
  const H = heading;
  return (
    <>
      <dl class="facts">
        <dt>{t.invited}</dt>
        <dd>{p.invited}</dd>
        <dt>{t.opened}</dt>
        <dd>{p.opened}</dd>
        <dt>{t.answered}</dt>
        <dd>{p.answered}</dd>
        <dt>{t.answerRate}</dt>
        <dd>
          {percent(p.answer_rate, t.locale)} <span class="method">({t.answerRateMethod})</span>
        </dd>
      </dl>
      {p.over_time.length ? (
        <>
          <H>{t.overTime}</H>
          <BarTable
            caption={t.overTime}
            head={[t.day, t.newAnswers, t.cumulative]}
            max={Math.max(1, ...p.over_time.map((d) => d.cumulative))}
            rows={p.over_time.map((d) => ({ label: d.day, value: d.cumulative, cells: [d.count, d.cumulative] }))}
          />
        </>
      ) : null}
    </>
  );
}

export function QuestionBody({ q, t, minGroupSize }: { q: QuestionResult; t: ResultsMessages; minGroupSize: number }) {
  if (q.withheld && q.type !== 'text') return <p class="note">{t.questionWithheld(q.n, minGroupSize)}</p>;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (
        <>
          <BarTable
            caption={t.nRespondents(q.n)}
            head={[t.option, t.count, t.share]}
            max={Math.max(1, q.n)}
            rows={q.options.map((o) => ({ label: o.label, value: o.count, cells: [o.count, percent(o.share, t.locale)] }))}
          />
          <p class="method">{t.shareMethod}.</p>
        </>
      );
    case 'ranking':
      return (
        <>
          <BarTable
            caption={t.nRespondents(q.n)}
            head={[t.item, t.place_, t.borda, t.meanBorda, t.rankedBy, t.firstChoices, t.meanPosition]}
            rows={q.ranking.items.map((i) => ({
              label: i.label,
              value: i.borda,
              cells: [
                i.tied ? `${i.place} (${t.tie})` : i.place,
                i.borda,
                decimal(i.mean_borda, t.locale),
                i.ranked,
                i.first,
                decimal(i.mean_position, t.locale),
              ],
            }))}
          />
          <p class="method">{t.bordaMethod(q.ranking.method.k, q.n)}</p>
        </>
      );
    case 'rating':
      return (
        <>
          <dl class="facts">
            <dt>n</dt>
            <dd>{q.n}</dd>
            <dt>{t.mean}</dt>
            <dd>{decimal(q.mean, t.locale)}</dd>
            <dt>{t.median}</dt>
            <dd>{decimal(q.median, t.locale)}</dd>
          </dl>
          <BarTable
            caption={t.distribution}
            head={[t.rating, t.count]}
            max={Math.max(1, q.n)}
            rows={q.distribution.map((b) => ({ label: String(b.value), value: b.count, cells: [b.count] }))}
          />
          <p class="method">{t.ratingMethod(q.min, q.max)}.</p>
        </>
      );
    case 'text':
      return <TextAnswers q={q} t={t} minGroupSize={minGroupSize} />;
  }
}

export function TextAnswers({
  q,
  t,
  minGroupSize,
}: {
  q: Extract<QuestionResult, { type: 'text' }>;
  t: ResultsMessages;
  minGroupSize: number;
}) {
  if (q.withheld) return <p class="note">{t.remarksWithheld(q.n, minGroupSize)}</p>;
  if (!q.groups.length) return <p>{t.none}</p>;
  return (
    <>
      <ul class="texts">
        {q.groups.map((g) => (
          <li>
            {g.text}
            {g.count > 1 ? <span class="count"> (×{g.count})</span> : null}
            {g.variants.length > 1 ? (
              <span class="variants">
                {' '}
                — {t.variants}: {g.variants.map((v) => `« ${v} »`).join(', ')}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p class="method">
        n = {q.n}. {q.role === 'theme_proposal' ? t.proposalsGrouped : t.textOrder}
      </p>
    </>
  );
}

function BreakdownTable({ b, t }: { b: Breakdown; t: ResultsMessages }) {
  const hidden = <span class="suppressed">{t.suppressed}</span>;
  return (
    <section class="breakdown" aria-label={t.breakdown(b.by.text)} tabindex={0}>
      <table>
        <caption>{t.breakdown(b.by.text)}</caption>
        <thead>
          <tr>
            <th scope="col">{b.ratings ? '' : t.option}</th>
            {b.groups.map((g) => (
              <th scope="col" class="num">
                {g.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.groupSize}</th>
            {b.groups.map((g) => (
              <td class="num">{g.suppressed ? hidden : g.n}</td>
            ))}
          </tr>
          {b.ratings ? (
            <tr>
              <th scope="row">{t.mean}</th>
              {b.ratings.map((r) => (
                <td class="num">{r.suppressed ? hidden : decimal(r.mean, t.locale)}</td>
              ))}
            </tr>
          ) : null}
          {(b.rows ?? []).map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              {row.cells.map((c) => (
                <td class="num">{c.suppressed ? hidden : c.borda !== undefined ? `${c.count} (${c.borda})` : c.count}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="method">
        {b.rows?.[0]?.cells[0]?.borda !== undefined ? `${t.rankedBy} (${t.borda}). ` : ''}
        {t.suppressionMethod(b.min_group_size)}
      </p>
    </section>
  );
}

export function ResultsPage({ r, links }: { r: SurveyResults; links: Record<'json' | 'csv', string> }) {
  const t = resultsMessages(r.language);
  const title = t.resultsTitle(r.survey.series.title, t.kind[r.survey.kind], r.survey.session.number);
  return (
    <Layout language={r.language} title={title}>
      <link rel="stylesheet" href={ASSETS['brief.css']} />
      <article class="report">
        <h1>
          {r.survey.series.title}
          <span class="subtitle">
            {t.surveyLabel(r.survey.kind, r.survey.session.number)} · {t.status[r.survey.status as 'open'] ?? r.survey.status}
            {r.survey.anonymous ? ` · ${t.anonymous}` : ''}
          </span>
        </h1>
        <p class="downloads">
          {t.download}: <a href={links.csv}>{t.formats.csv}</a> · <a href={links.json}>{t.formats.json}</a>
        </p>
        <section aria-labelledby="participation">
          <h2 id="participation">{t.participation}</h2>
          <ParticipationFacts p={r.participation} t={t} heading="h3" />
        </section>
        {r.withheld ? <p class="note">{t.withheld(r.participation.responses, r.min_group_size)}</p> : null}
        {r.questions.map((q) => (
          <section aria-labelledby={`q-${q.id}`} class="question-result">
            <h2 id={`q-${q.id}`}>{q.text}</h2>
            <QuestionBody q={q} t={t} minGroupSize={r.min_group_size} />
            {q.breakdown ? <BreakdownTable b={q.breakdown} t={t} /> : null}
          </section>
        ))}
      </article>
    </Layout>
  );
}
