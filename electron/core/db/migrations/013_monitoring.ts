import type { Migration } from './types'

/**
 * The monitoring case (防返贫动态监测): one row per case with its identification and elimination
 * procedure (a date and a person per step, 公示 periods, opinions), the 13 post-elimination
 * indicators (money in 分), its measures by kind, and the per-year settings (监测线 in 分, 公示 days,
 * minimum months before elimination, days without a measure before a reminder).
 */
export const m013Monitoring: Migration = {
  version: 13,
  name: 'monitoring',
  up(db) {
    db.exec(`
      CREATE TABLE monitoring_cases (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        risks TEXT NOT NULL,
        risk_note TEXT,
        found_by TEXT NOT NULL,
        size_at_identification INTEGER NOT NULL,
        income_at_identification_fen INTEGER NOT NULL,
        returned_to_poverty TEXT,
        fell_into_poverty TEXT,
        report_date TEXT NOT NULL, report_by TEXT NOT NULL,
        review_date TEXT, review_by TEXT,
        publicity_date TEXT, publicity_end TEXT, publicity_by TEXT,
        township_date TEXT, township_by TEXT, township_opinion TEXT,
        county_date TEXT, county_by TEXT, county_opinion TEXT,
        elimination_method TEXT,
        elim_review_date TEXT, elim_review_by TEXT,
        elim_publicity_date TEXT, elim_publicity_end TEXT, elim_publicity_by TEXT,
        elim_township_date TEXT, elim_township_by TEXT, elim_township_opinion TEXT,
        elim_county_date TEXT, elim_county_by TEXT, elim_county_opinion TEXT,
        after_dropout TEXT, after_house_damaged TEXT, after_uninsured TEXT, after_water_damaged TEXT,
        after_wage_fen INTEGER, after_property_fen INTEGER, after_transfer_fen INTEGER, after_business_fen INTEGER,
        after_business_expense_fen INTEGER, after_net_fen INTEGER, after_per_capita_fen INTEGER,
        after_claims_fen INTEGER, after_self_paid_fen INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX monitoring_cases_household ON monitoring_cases(household_id, report_date);
      CREATE TABLE monitoring_measures (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES monitoring_cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        items TEXT NOT NULL,
        other_note TEXT,
        measure_date TEXT NOT NULL,
        amount_fen INTEGER,
        responsible TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX monitoring_measures_case ON monitoring_measures(case_id);
      CREATE INDEX monitoring_measures_kind ON monitoring_measures(kind, case_id);
      CREATE TABLE monitoring_settings (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        line_fen INTEGER NOT NULL,
        publicity_days INTEGER NOT NULL,
        min_months_before_elimination INTEGER NOT NULL,
        reminder_days_without_measure INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `)
  },
}
