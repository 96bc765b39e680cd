import type { Migration } from './types'

/**
 * A roster's household columns are now stored once on the household (households.extra_json, see
 * households/member-cells.ts): the 统计 snapshot reads its 兜底 / 风险 cells there through a partial
 * index like members_stats_extras, whose WHERE the query repeats word for word. Rows imported before
 * stay as they are: a member's row reads the same either way.
 */
export const m026HouseholdCells: Migration = {
  version: 26,
  name: 'household_cells',
  up(db) {
    db.exec(`
      CREATE INDEX households_stats_extras ON households(id)
        WHERE extra_json IS NOT NULL AND (instr(extra_json, '兜底') > 0 OR instr(extra_json, '风险') > 0);
    `)
  },
}
