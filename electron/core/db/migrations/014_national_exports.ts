import type { Migration } from './types'

/**
 * The national monitoring system's exports kept as records (national-exports.md §2–5): work spells
 * (已外出务工信息, several per person), planned work (计划外出务工信息, one per person), village
 * statistics (行政村信息, one per village) and the 乡村建设 columns of 户信息 (one per household).
 * Money in 分; months as 'YYYY-MM'. `cells_json` keeps every cell of the row as written, by header,
 * so the file can be exported again in its own layout with the structured columns' corrections.
 */
export const m014NationalExports: Migration = {
  version: 14,
  name: 'national_exports',
  up(db) {
    db.exec(`
      CREATE TABLE work_spells (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        working TEXT,
        start_month TEXT,
        end_month TEXT,
        province TEXT, city TEXT, county_at TEXT,
        channel TEXT, employer TEXT, industry TEXT,
        monthly_income_fen INTEGER,
        point_to_point TEXT,
        travel_subsidy_fen INTEGER,
        job_subsidy TEXT,
        source_updated TEXT,
        cells_json TEXT NOT NULL DEFAULT '{}',
        import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX work_spells_member ON work_spells(member_id, start_month);
      CREATE INDEX work_spells_household ON work_spells(household_id);
      CREATE TABLE planned_work (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL UNIQUE REFERENCES members(id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        planned TEXT,
        planned_month TEXT,
        province TEXT, city TEXT, county_at TEXT,
        industry TEXT, service_need TEXT, registered TEXT,
        cells_json TEXT NOT NULL DEFAULT '{}',
        import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX planned_work_household ON planned_work(household_id);
      CREATE TABLE village_statistics (
        id INTEGER PRIMARY KEY,
        village_id INTEGER NOT NULL UNIQUE REFERENCES villages(id) ON DELETE CASCADE,
        admin_code TEXT,
        exited TEXT, exit_year TEXT,
        total_households INTEGER, total_population INTEGER,
        exited_households INTEGER, exited_population INTEGER,
        monitored_households INTEGER, monitored_population INTEGER,
        low_income_households INTEGER, low_income_population INTEGER,
        special_support_population INTEGER, disabled_population INTEGER, pension_insured INTEGER,
        collective_income_fen INTEGER,
        primary_schools INTEGER, bus_service TEXT, paved_road TEXT,
        clinics INTEGER, doctors INTEGER, public_toilets INTEGER, garbage_points INTEGER, libraries INTEGER,
        unsafe_water_households INTEGER, dilapidated_households INTEGER,
        arable_land_area TEXT, forest_land_area TEXT,
        cells_json TEXT NOT NULL DEFAULT '{}',
        import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE household_info (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL UNIQUE REFERENCES households(id) ON DELETE CASCADE,
        housing_structure TEXT, sanitary_toilet TEXT, toilet_type TEXT, toilet_usable TEXT, tap_water TEXT,
        garbage TEXT, sewage TEXT, road_type TEXT, broadband TEXT, energy TEXT, source_updated TEXT,
        cells_json TEXT NOT NULL DEFAULT '{}',
        import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `)
  },
}
