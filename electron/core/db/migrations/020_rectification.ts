import type { Migration } from './types'

/**
 * 问题整改台账: problems found by inspections (source, batch/document number, date found, scope linked
 * to a village, household or project where there is one, responsibility, measures, deadline, status
 * 未整改 → 整改中 → 已整改 → 已销号 with the 销号 date and approver, 举一反三), their dated progress
 * notes, and their evidence files (stored beside the ledger under their SHA-256; only the listing here).
 */
export const m020Rectification: Migration = {
  version: 20,
  name: 'rectification',
  up(db) {
    db.exec(`
      CREATE TABLE rectification_problems (
        id INTEGER PRIMARY KEY,
        problem_no TEXT,
        source TEXT NOT NULL,
        batch_no TEXT,
        found_date TEXT NOT NULL,
        description TEXT NOT NULL,
        scope TEXT NOT NULL,
        village_id INTEGER REFERENCES villages(id) ON DELETE SET NULL,
        household_id INTEGER REFERENCES households(id) ON DELETE SET NULL,
        project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        scope_note TEXT,
        leader TEXT,
        unit TEXT,
        person TEXT,
        measures TEXT,
        deadline TEXT,
        status TEXT NOT NULL,
        rectified_date TEXT,
        closed_date TEXT,
        closed_by TEXT,
        similar TEXT,
        import_batch_id INTEGER REFERENCES import_batches(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX rectification_problems_status ON rectification_problems(status, deadline);
      CREATE TABLE rectification_progress (
        id INTEGER PRIMARY KEY,
        problem_id INTEGER NOT NULL REFERENCES rectification_problems(id) ON DELETE CASCADE,
        note_date TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX rectification_progress_problem ON rectification_progress(problem_id, note_date);
      CREATE TABLE rectification_attachments (
        id INTEGER PRIMARY KEY,
        problem_id INTEGER NOT NULL REFERENCES rectification_problems(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX rectification_attachments_problem ON rectification_attachments(problem_id);
    `)
  },
}
