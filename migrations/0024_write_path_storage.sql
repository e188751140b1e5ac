-- Storage (issue 15: ≤ 1.5× the floor's bytes a response, with only the indexes a measured
-- query needs). Every answer row pays for each index entry on every write and on disk.

-- 1. answers_by_response without option_id: every statement that reads it looks up one response,
-- or one (response, question) — replacing a response's rows, the link's earlier answers, the
-- counters' triggers (the first or last row of a question: migrations 0008, 0022), the pairing
-- from rows. None needs the option in the key (test/query-plans.test.ts shows the plans); it
-- made each entry about a third larger (BENCHMARKS.md "Storage").
DROP INDEX answers_by_response;
CREATE INDEX answers_by_response ON answers(response_id, question_id);

-- 2. responses_by_created served the timeline from the index alone; the timeline now reads the
-- counters of response_days (0015), and every other reader of a survey's responses finds them
-- through the (survey_id, respondent_key) key of the table.
DROP INDEX responses_by_created;
