import type { Migration } from './types'

/**
 * audit_log_record (table, record) is a prefix of audit_log_record_at (table,
 * record, at), which serves the same lookups: one index less to maintain on
 * every audited write (an import writes one audit row per record).
 */
export const m011AuditIndex: Migration = {
  version: 11,
  name: 'audit_index',
  up(db) {
    db.exec('DROP INDEX IF EXISTS audit_log_record')
  },
}
