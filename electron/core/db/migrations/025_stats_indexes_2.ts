import type { Migration } from './types'

/**
 * Who works away (electron/core/stats/work.ts, workingAway()) read mostly from indexes: the partial
 * index on the members whose roster speaks of 务工 now also holds removal and 务工状况, and the work
 * spells' index by member covers the months and the household. The
 * snapshot of a past date reads the households' changes since (applyFieldHistory) by their time,
 * not through every household's trail.
 */
export const m025StatsIndexes: Migration = {
  version: 25,
  name: 'stats_indexes_2',
  up(db) {
    db.exec(`
      DROP INDEX members_stats_work;
      CREATE INDEX members_stats_work ON members(household_id, removed_reason, removed_date, work_status)
        WHERE work_status IS NOT NULL OR instr(extra_json, '务工') > 0;
      DROP INDEX work_spells_member;
      CREATE INDEX work_spells_member ON work_spells(member_id, start_month, end_month, household_id);
      CREATE INDEX audit_log_household_updates ON audit_log(at) WHERE table_name = 'households' AND action = 'update';
    `)
  },
}
