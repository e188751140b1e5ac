-- Three indexes on answers that no measured statement reads any more (the plans of
-- test/query-plans.test.ts and bench/baseline.json): results and briefs read the counters
-- (0008, 0009, 0015). Every answer row paid for each on every write and in storage (they were
-- most of the database, BENCHMARKS.md "Storage"). What remains: answers_by_response (replacing a
-- response's rows, the counters' triggers, pairing) and answers_by_question_respondent (the
-- exact theme history, pairing, and the rare readers by survey and question: the series
-- export's aggregates and the proposals of a series, which now look each row up in the table).
DROP INDEX answers_by_theme;
DROP INDEX answers_by_question;
DROP INDEX answers_by_question_text;
