import type { Migration } from './types'

/** Villages, groups, households and members with the roster fields import needs; audit trail; settings. */
export const m001Roster: Migration = {
  version: 1,
  name: 'roster',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE villages (
        id INTEGER PRIMARY KEY,
        county TEXT NOT NULL DEFAULT '',
        township TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        is_poor_village TEXT,
        exit_year TEXT,
        total_households INTEGER,
        total_population INTEGER,
        is_demo INTEGER NOT NULL DEFAULT 0,
        UNIQUE (county, township, name)
      );

      CREATE TABLE village_groups (
        id INTEGER PRIMARY KEY,
        village_id INTEGER NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        UNIQUE (village_id, name)
      );

      CREATE TABLE households (
        id INTEGER PRIMARY KEY,
        village_id INTEGER NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        group_id INTEGER REFERENCES village_groups(id) ON DELETE SET NULL,
        household_no TEXT,
        declared_size INTEGER,
        household_type TEXT,
        poverty_attribute TEXT,
        identification_standard TEXT,
        main_cause TEXT,
        other_causes TEXT,
        exit_status TEXT,
        exit_year TEXT,
        first_identified TEXT,
        monitoring_category TEXT,
        phone TEXT,
        wage_income_fen INTEGER,
        business_income_fen INTEGER,
        property_income_fen INTEGER,
        transfer_income_fen INTEGER,
        business_expense_fen INTEGER,
        net_income_fen INTEGER,
        per_capita_net_income_fen INTEGER,
        arable_land_area TEXT,
        housing_area TEXT,
        dilapidated_house TEXT,
        safe_drinking_water TEXT,
        extra_json TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX households_household_no ON households(household_no) WHERE household_no IS NOT NULL;
      CREATE INDEX households_village ON households(village_id, exit_status);

      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL DEFAULT 0,
        person_no TEXT,
        name TEXT NOT NULL,
        sex TEXT,
        birth_date TEXT,
        id_type TEXT,
        id_number TEXT,
        relation TEXT,
        ethnicity TEXT,
        education TEXT,
        school_status TEXT,
        health TEXT,
        labour_skill TEXT,
        work_status TEXT,
        work_months TEXT,
        political_status TEXT,
        serious_illness_insurance TEXT,
        medical_insurance TEXT,
        pension_insurance TEXT,
        low_income_support TEXT,
        special_support TEXT,
        disability_category TEXT,
        extra_json TEXT,
        removed_reason TEXT,
        removed_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX members_household ON members(household_id, sort_order);
      CREATE INDEX members_id_number ON members(id_number);
      CREATE INDEX members_name ON members(name);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
        table_name TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT,
        batch TEXT
      );
      CREATE INDEX audit_log_record ON audit_log(table_name, record_id);
    `)
  },
}
