import type { Migration } from './types'

/**
 * Status history of households (识别, 脱贫, 返贫, 纳入监测, 风险消除) and the 两不愁三保障 checklist
 * (达标 / 有短板 with a note per item). households.exit_status / monitoring_category stay the
 * current state and are rewritten from the history whenever an event is recorded.
 */
export const m004HouseholdStatus: Migration = {
  version: 4,
  name: 'household_status',
  up(db) {
    db.exec(`
      CREATE TABLE household_status_events (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('识别', '脱贫', '返贫', '纳入监测', '风险消除')),
        event_date TEXT NOT NULL,
        monitoring_category TEXT,
        risks TEXT,
        risk_note TEXT,
        elimination_method TEXT,
        note TEXT,
        actor TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX household_status_events_household ON household_status_events(household_id, event_date);
      CREATE INDEX household_status_events_kind ON household_status_events(kind, event_date);

      ALTER TABLE households ADD COLUMN guarantee_food TEXT;
      ALTER TABLE households ADD COLUMN guarantee_food_note TEXT;
      ALTER TABLE households ADD COLUMN guarantee_clothing TEXT;
      ALTER TABLE households ADD COLUMN guarantee_clothing_note TEXT;
      ALTER TABLE households ADD COLUMN guarantee_education TEXT;
      ALTER TABLE households ADD COLUMN guarantee_education_note TEXT;
      ALTER TABLE households ADD COLUMN guarantee_medical TEXT;
      ALTER TABLE households ADD COLUMN guarantee_medical_note TEXT;
      ALTER TABLE households ADD COLUMN guarantee_housing TEXT;
      ALTER TABLE households ADD COLUMN guarantee_housing_note TEXT;
      ALTER TABLE households ADD COLUMN guarantee_water TEXT;
      ALTER TABLE households ADD COLUMN guarantee_water_note TEXT;

      -- 修改记录 of one household reads the audit rows of its members too.
      CREATE INDEX IF NOT EXISTS audit_log_record_at ON audit_log(table_name, record_id, at);
    `)
  },
}
