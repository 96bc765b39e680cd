import type { Migration } from './types'

/**
 * members_name (name) served no query: name search is a contains match
 * (LIKE '%…%', which scans) or goes through name_pinyin. Dropping it spares
 * every member written one index update (an import writes 100 000).
 */
export const m012MemberNameIndex: Migration = {
  version: 12,
  name: 'member_name_index',
  up(db) {
    db.exec('DROP INDEX IF EXISTS members_name')
  },
}
