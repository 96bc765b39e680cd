import type { Migration } from './types'

/**
 * 公益性岗位: posts (type, village, pay per month in 分, funding source, capacity), the roster members
 * holding them (start and end month, and the household they were in when taken on), the monthly
 * payroll rows (days or 出勤, amount paid in 分), the 监测预警 window for holdings running out (per
 * year beside the other windows; blank = 30 days), and a measure's link to the holding it records.
 */
export const m022Posts: Migration = {
  version: 22,
  name: 'posts',
  up(db) {
    db.exec(`
      CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        post_type TEXT NOT NULL,
        type_note TEXT,
        name TEXT,
        village_id INTEGER REFERENCES villages(id) ON DELETE SET NULL,
        pay_fen INTEGER NOT NULL,
        funding TEXT NOT NULL,
        funding_note TEXT,
        capacity INTEGER NOT NULL DEFAULT 1,
        closed_month TEXT,
        note TEXT,
        import_batch_id INTEGER REFERENCES import_batches(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX posts_village ON posts(village_id, post_type);
      CREATE TABLE post_holdings (
        id INTEGER PRIMARY KEY,
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        start_month TEXT NOT NULL,
        end_month TEXT,
        note TEXT,
        import_batch_id INTEGER REFERENCES import_batches(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX post_holdings_post ON post_holdings(post_id);
      CREATE INDEX post_holdings_member ON post_holdings(member_id);
      CREATE INDEX post_holdings_household ON post_holdings(household_id);
      CREATE TABLE post_payroll (
        id INTEGER PRIMARY KEY,
        holding_id INTEGER NOT NULL REFERENCES post_holdings(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        days INTEGER,
        attendance TEXT,
        amount_fen INTEGER NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (holding_id, month)
      );
      CREATE INDEX post_payroll_month ON post_payroll(month);
      ALTER TABLE monitoring_settings ADD COLUMN post_end_days INTEGER;
      ALTER TABLE monitoring_measures ADD COLUMN post_holding_id INTEGER REFERENCES post_holdings(id) ON DELETE SET NULL;
    `)
  },
}
