import type { Migration } from './types'

/**
 * The project ledger: funded projects with their budget lines by source,
 * disbursements, 绩效目标 indicators, dated milestones, progress reports,
 * beneficiary households and the assets they leave. Money in integer 分.
 * Free-text parts of the printed forms (验收意见, 整改要求, 交接说明) live on
 * the project so a reprint shows what was signed.
 */
export const m010Projects: Migration = {
  version: 10,
  name: 'projects',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        project_no TEXT,
        name TEXT NOT NULL,
        category TEXT,
        subtype TEXT,
        nature TEXT,
        year TEXT,
        township TEXT,
        village_id INTEGER REFERENCES villages(id) ON DELETE SET NULL,
        location TEXT,
        content TEXT,
        planned_start TEXT,
        planned_end TEXT,
        implementer TEXT,
        responsible_unit TEXT,
        responsible_person TEXT,
        responsible_phone TEXT,
        assisting_unit TEXT,
        farmer_link TEXT,
        declared_households INTEGER,
        declared_persons INTEGER,
        declared_poor_households INTEGER,
        declared_poor_persons INTEGER,
        settlement_fen INTEGER,
        acceptance_opinion TEXT,
        acceptance_checks TEXT,
        rectification TEXT,
        handover_note TEXT,
        extra TEXT,
        source_layout TEXT,
        import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX projects_year ON projects(year);
      CREATE INDEX projects_village ON projects(village_id);
      CREATE UNIQUE INDEX projects_no ON projects(project_no) WHERE project_no IS NOT NULL;
      CREATE TABLE project_budget_lines (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        unit_name TEXT,
        amount_fen INTEGER NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX project_budget_project ON project_budget_lines(project_id);
      CREATE TABLE project_disbursements (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        paid_date TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        source TEXT,
        batch TEXT,
        doc_no TEXT,
        payee TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX project_disbursements_project ON project_disbursements(project_id);
      CREATE TABLE project_indicators (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        level1 TEXT NOT NULL,
        level2 TEXT,
        indicator TEXT NOT NULL,
        target TEXT,
        unit TEXT,
        actual TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX project_indicators_project ON project_indicators(project_id);
      CREATE TABLE project_milestones (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        milestone_date TEXT NOT NULL,
        result TEXT,
        winner TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX project_milestones_project ON project_milestones(project_id, milestone_date);
      CREATE TABLE project_progress (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        report_date TEXT NOT NULL,
        percent INTEGER NOT NULL,
        invested_fen INTEGER,
        lag_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX project_progress_project ON project_progress(project_id, report_date);
      CREATE TABLE project_beneficiaries (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (project_id, household_id)
      );
      CREATE INDEX project_beneficiaries_household ON project_beneficiaries(household_id);
      CREATE TABLE project_assets (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        asset_no TEXT,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        quantity TEXT,
        unit TEXT,
        original_value_fen INTEGER,
        built_date TEXT,
        location TEXT,
        owner TEXT,
        operator TEXT,
        custodian TEXT,
        custodian_person TEXT,
        income_distribution TEXT,
        household_id INTEGER REFERENCES households(id) ON DELETE SET NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX project_assets_project ON project_assets(project_id);
    `)
  },
}
