-- Indexes found missing by `npm run bench` (see BENCHMARKS.md): at 100k responses two
-- aggregations of results and briefs read the answers table row by row through
-- answers_by_question, because the columns they need are not in it.

-- Respondents per question (count(DISTINCT response_id)), the respondents of each profile
-- group, and the theme history: a covering scan of one (survey, question) range instead of
-- one table lookup per answer row.
CREATE INDEX answers_by_question_respondent ON answers(survey_id, question_id, response_id);

-- Identical texts counted together: only the text rows, already in (question, text) order,
-- so the GROUP BY needs neither the table nor a temporary B-tree.
CREATE INDEX answers_by_question_text ON answers(survey_id, question_id, text) WHERE text IS NOT NULL;
