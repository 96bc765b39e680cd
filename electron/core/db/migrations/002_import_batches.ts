import type { Migration } from './types'

/**
 * Import batches (for undo and for exporting in the source layout), remembered
 * column mappings, and households marked 移出 instead of deleted.
 */
export const m002ImportBatches: Migration = {
  version: 2,
  name: 'import_batches',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        layout_json TEXT NOT NULL,
        counts_json TEXT NOT NULL,
        actor TEXT NOT NULL,
        created_at TEXT NOT NULL,
        undone_at TEXT,
        updated_at TEXT
      );

      CREATE TABLE import_mappings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        signature TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, signature)
      );

      ALTER TABLE households ADD COLUMN removed_reason TEXT;
      ALTER TABLE households ADD COLUMN removed_date TEXT;
      ALTER TABLE households ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL;
      CREATE INDEX audit_log_batch ON audit_log(batch);
    `)
  },
}
