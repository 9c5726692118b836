"""Schema of migration 0008_statistics_indexes: covering indexes for the annual figures.

On a million cases the annual totals read the table row by row for every figure that needs a
column beyond the year (outcome, money, the date itself); these indexes carry those columns so
each figure is a range read of one index (benchmarks/bench_statistics.py):
- decisions by year with outcome, heaviest kind, 减轻处罚, violation, date and money: the
  decided counts and money, the 统计表 columns, the monthly and per-violation breakdowns, the
  money decided up to a year end, and the cases still undecided at a year end;
- closings by year with their date (monthly counts; closed before a date);
- filings by year with their violation category;
- payments by case with date and amount, and by year with amounts; live cases by id with their
  decision (payments made up to a year end on each case, capped at its decided money);
- the few soft-deleted cases (collections made on them are left out).
The single-column year indexes of 0001 on decisions, closings and payments are prefixes of the
new ones and are dropped.
"""

SCHEMA_0008 = """
DROP INDEX general_cases_decided_year;
CREATE INDEX general_cases_decided_figures ON general_cases(decided_year, outcome,
    heaviest_kind, reduced_penalty, violation, decided_on, fine_fen, confiscation_fen, filed_on)
    WHERE deleted_at IS NULL;

DROP INDEX general_cases_closed_year;
CREATE INDEX general_cases_closed_on ON general_cases(closed_year, closed_on)
    WHERE deleted_at IS NULL;

CREATE INDEX general_cases_filed_violation ON general_cases(filed_year, violation)
    WHERE deleted_at IS NULL;

CREATE INDEX general_cases_money_by_id ON general_cases(id, outcome, decided_on, fine_fen,
    confiscation_fen) WHERE deleted_at IS NULL;

CREATE INDEX general_cases_deleted ON general_cases(deleted_at) WHERE deleted_at IS NOT NULL;

DROP INDEX payments_case;
CREATE INDEX payments_case_paid ON payments(case_id, paid_on, amount_fen);

DROP INDEX payments_paid_year;
CREATE INDEX payments_paid_year_amounts ON payments(paid_year, amount_fen, surcharge_fen);
"""
