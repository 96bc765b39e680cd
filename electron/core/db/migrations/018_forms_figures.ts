import type { Migration } from './types'

/**
 * What the printed forms need beyond the project ledger: a project's 施工单位 and 监理单位 (they sign the
 * 验收单 where the project has them), and funds an assisting unit obtained for a village (争取的资金:
 * from whom, how much, for what), recorded as such and kept apart from the budget lines a project was
 * allocated — the 帮扶单位交接表 lists these, never a project's 中央/县级 allocations.
 */
export const m018FormsFigures: Migration = {
  version: 18,
  name: 'forms_figures',
  up(db) {
    db.exec(`
      ALTER TABLE projects ADD COLUMN contractor TEXT;
      ALTER TABLE projects ADD COLUMN supervisor TEXT;
      CREATE TABLE unit_obtained_funds (
        id INTEGER PRIMARY KEY,
        unit_name TEXT NOT NULL,
        village_id INTEGER NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        obtained_date TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        grantor TEXT NOT NULL,
        purpose TEXT NOT NULL,
        project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX unit_obtained_funds_unit_village ON unit_obtained_funds(unit_name, village_id);
    `)
  },
}
