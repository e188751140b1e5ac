/**
 * Attack 8 — text. A free remark or a theme proposal can name its author by its content ("as
 * the only GP of Watermael…"). The survey has enough respondents to be released, but only one
 * person answered the remark question and one the proposal: the curious coordinator reads
 * every output (results in every format, the brief, the export, the proposals of the series)
 * to find them.
 * Promise: a text written when fewer than the minimum group size answered its question is
 * shown in no format; texts are ordered by their text, never by submission.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../src/results/results.ts';
import { call, callJson, close, crowd, scenario, snapshot } from './attacker.ts';

const LONE_REMARK = 'TEXT-LONE-REMARK seule généraliste de Watermael, je porte tout';
const LONE_PROPOSAL = 'TEXT-LONE-PROPOSAL garde médicale à Boitsfort';

for (const anonymous of [true, false]) {
  const kind = anonymous ? 'anonymous' : 'named';
  describe(`${anonymous ? 'an' : 'a'} ${kind} survey with one remark and one proposal`, () => {
    it('shows neither the lone remark nor the lone proposal in any output (results, CSVs, page, brief, export, proposals)', async () => {
      const s = await scenario(`Text lone ${kind}`, { anonymous });
      await crowd(s, 'many', 6, (i) => ({
        usefulness: 3,
        sector: 'hospital',
        ...(i === 0 ? { remarks: LONE_REMARK } : {}),
        ...(i === 1 ? { proposal: LONE_PROPOSAL } : {}),
      }));
      await close(s);
      const outputs = await snapshot(s);
      const proposals = await call(`/api/series/${s.seriesId}/proposals`, { key: s.key });
      outputs['series proposals'] = await proposals.text();
      if (!anonymous) {
        // A named survey's export carries each respondent's answers by design (README, "Export
        // and import"): those rows are the coordinator's own data, not a published figure.
        const doc = JSON.parse(outputs['export.json'] ?? '{}') as { surveys: { responses: unknown[] }[] };
        for (const survey of doc.surveys) survey.responses = [];
        outputs['export.json'] = JSON.stringify(doc);
      }
      const showing = Object.entries(outputs)
        .filter(([, text]) => text.includes('TEXT-LONE'))
        .map(
          ([name, text]) =>
            `${name}: ${text.includes('TEXT-LONE-REMARK') ? 'remark ' : ''}${text.includes('TEXT-LONE-PROPOSAL') ? 'proposal' : ''}`,
        );
      expect(showing, 'outputs that show a text written by fewer than the minimum').toEqual([]);
    });
  });
}

describe('the order of texts', () => {
  it('lists remarks by their text, not in the order they were submitted (guard)', async () => {
    const s = await scenario('Text order', { anonymous: true });
    const remarks = ['zèbre en dernier', 'abeille en premier', 'marmotte au milieu', 'castor second', 'ours', 'lynx'];
    await crowd(s, 'writers', remarks.length, (i) => ({ usefulness: 3, remarks: remarks[i] }));
    await close(s);
    const r = await callJson<SurveyResults>(`/api/surveys/${s.surveyId}/results`, { key: s.key });
    const q = r.questions.find((x) => x.id === 'remarks');
    const shown = q?.type === 'text' ? q.groups.map((g) => g.text) : [];
    expect(shown).toEqual([...remarks].sort((a, b) => a.localeCompare(b, 'fr')));
  });
});
