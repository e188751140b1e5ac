-- answers_by_theme served the theme history of a series when it aggregated the answers; it now
-- reads answer_tallies (0008), and no statement selects answers by theme (the plans of
-- test/query-plans.test.ts and bench/baseline.json name no use of it). Every answer row paid for
-- it on each write and in storage (BENCHMARKS.md, "Storage").
DROP INDEX answers_by_theme;
