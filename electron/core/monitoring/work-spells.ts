/**
 * Where the 务工结束未再就业 worklist reads work spells (已外出务工信息, the national area's work_spells
 * table). `workSpellSource` returns null while the ledger holds no work spell at all (none imported or
 * entered yet): the worklist then says so instead of finding nobody.
 */
import type { WorkSpell } from '../../../shared/domain/monitoring-worklists'
import type { Ledger } from '../db/open'

export interface WorkSpellSource {
  /** Every spell of the members still in their households (removed members are not anyone's risk). */
  spells(): WorkSpell[]
}

/** One row per spell, months as 'YYYY-MM', a blank end = still working. */
export function workSpellSource(ledger: Ledger): WorkSpellSource | null {
  if (ledger.sqlite.prepare('SELECT 1 FROM work_spells LIMIT 1').get() === undefined) return null
  const query = ledger.sqlite.prepare(
    `SELECT m.household_id AS householdId, s.member_id AS memberId, m.name AS memberName, s.start_month AS startMonth, s.end_month AS endMonth
       FROM work_spells s JOIN members m ON m.id = s.member_id
       JOIN households h ON h.id = m.household_id
      WHERE m.removed_reason IS NULL AND h.removed_reason IS NULL AND s.start_month IS NOT NULL`,
  )
  return { spells: () => query.all() as WorkSpell[] }
}
