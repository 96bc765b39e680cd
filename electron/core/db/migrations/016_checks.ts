import type { Migration } from './types'

/**
 * 疑点核查: every run (when, who, as-of date, counts per rule), the open findings (one per rule and
 * record, keyed by the record's national identity so they survive re-imports; first and last run that
 * saw them) and the waivers (豁免, keyed the same way, with reason, who, date, optional expiry).
 */
export const m016Checks: Migration = {
  version: 16,
  name: 'checks',
  up(db) {
    db.exec(`
      CREATE TABLE check_runs (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL,
        as_of TEXT NOT NULL,
        actor TEXT NOT NULL,
        counts_json TEXT NOT NULL,
        open_count INTEGER NOT NULL,
        waived_count INTEGER NOT NULL,
        new_count INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE check_findings (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        rule TEXT NOT NULL,
        household_id INTEGER,
        member_id INTEGER,
        village_id INTEGER,
        village TEXT,
        household_no TEXT,
        person TEXT,
        id_number TEXT,
        field TEXT NOT NULL,
        value TEXT,
        message TEXT NOT NULL,
        cells_json TEXT NOT NULL,
        first_run_id INTEGER NOT NULL,
        last_run_id INTEGER NOT NULL
      );
      CREATE INDEX check_findings_household ON check_findings(household_id);
      CREATE INDEX check_findings_rule ON check_findings(rule);
      CREATE TABLE check_waivers (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        rule TEXT NOT NULL,
        subject TEXT NOT NULL,
        reason TEXT NOT NULL,
        waived_by TEXT NOT NULL,
        waived_on TEXT NOT NULL,
        expires TEXT,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `)
  },
}
