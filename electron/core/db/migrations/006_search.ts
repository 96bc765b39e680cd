import { pinyinKey } from '../pinyin-key'
import type { Migration } from './types'

/**
 * Pinyin search keys for members (filled by the write path from now on,
 * backfilled here), and an access log for privacy-relevant reads: revealing
 * an ID number, exporting unmasked data.
 */
export const m006Search: Migration = {
  version: 6,
  name: 'search',
  up(db) {
    db.exec(`
      ALTER TABLE members ADD COLUMN name_pinyin TEXT;
      CREATE INDEX households_filters ON households(household_type, main_cause, monitoring_category);
      CREATE TABLE access_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT
      );
    `)
    const update = db.prepare('UPDATE members SET name_pinyin = ? WHERE id = ?')
    for (const m of db.prepare('SELECT id, name FROM members').all() as { id: number; name: string }[]) update.run(pinyinKey(m.name), m.id)
  },
}
