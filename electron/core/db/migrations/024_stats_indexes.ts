import type { Migration } from './types'

/**
 * Indexes the 统计 snapshot reads instead of the tables (electron/core/stats/snapshot.ts, work.ts):
 * the members' counts per household and the status history as covering indexes, and partial indexes
 * on the few members whose roster columns (extra_json) speak of 兜底 / 风险 or of 务工, so those
 * queries read only them. The partial indexes' WHERE is repeated word for word by the queries.
 */
export const m024StatsIndexes: Migration = {
  version: 24,
  name: 'stats_indexes',
  up(db) {
    db.exec(`
      CREATE INDEX members_stats ON members(household_id, removed_reason, removed_date, labour_skill);
      CREATE INDEX household_status_events_stats ON household_status_events(household_id, event_date, id, kind, monitoring_category);
      CREATE INDEX members_stats_extras ON members(household_id)
        WHERE extra_json IS NOT NULL AND (instr(extra_json, '兜底') > 0 OR instr(extra_json, '风险') > 0);
      CREATE INDEX members_stats_work ON members(household_id)
        WHERE work_status IS NOT NULL OR instr(extra_json, '务工') > 0;
    `)
  },
}
