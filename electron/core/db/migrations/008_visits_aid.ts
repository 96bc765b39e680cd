import type { Migration } from './types'

/**
 * Assistance work: assisting units and their helpers, helper ↔ household
 * pairings with start and end (history kept), visits, aid given to households
 * (帮户, money in 分) and wishes raised on visits until resolved.
 */
export const m008VisitsAid: Migration = {
  version: 8,
  name: 'visits_aid',
  up(db) {
    db.exec(`
      CREATE TABLE assisting_units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT,
        contact TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE helpers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        unit_id INTEGER REFERENCES assisting_units(id) ON DELETE SET NULL,
        title TEXT,
        phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE pairings (
        id INTEGER PRIMARY KEY,
        helper_id INTEGER NOT NULL REFERENCES helpers(id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        start_date TEXT NOT NULL,
        end_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX pairings_household ON pairings(household_id);
      CREATE INDEX pairings_helper ON pairings(helper_id);
      CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        visit_date TEXT NOT NULL,
        visitor TEXT NOT NULL,
        findings TEXT,
        actions TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX visits_household ON visits(household_id, visit_date);
      CREATE TABLE aid (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        aid_date TEXT NOT NULL,
        kind TEXT NOT NULL,
        description TEXT NOT NULL,
        amount_fen INTEGER,
        source TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX aid_household ON aid(household_id, aid_date);
      CREATE TABLE wishes (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        visit_id INTEGER REFERENCES visits(id) ON DELETE SET NULL,
        raised_date TEXT NOT NULL,
        content TEXT NOT NULL,
        taken_by TEXT,
        resolved_date TEXT,
        resolution TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX wishes_household ON wishes(household_id);
    `)
  },
}
