/** The monitoring figures `cli info` reports: households with a case, open and eliminated cases, households by category. */
import type { Ledger } from '../db/open'

export interface MonitoringCounts {
  /** Households with a monitoring case (any time). */
  households: number
  /** Cases not yet eliminated (县级审定 of elimination not recorded). */
  open: number
  eliminated: number
  /** Households by the category of their latest case. */
  byCategory: Record<string, number>
}

export function monitoringCounts(ledger: Ledger): MonitoringCounts {
  const db = ledger.sqlite
  const totals = db
    .prepare('SELECT count(DISTINCT household_id) AS households, sum(elim_county_date IS NULL) AS open, sum(elim_county_date IS NOT NULL) AS eliminated FROM monitoring_cases')
    .get() as { households: number; open: number | null; eliminated: number | null }
  const byCategory: Record<string, number> = {}
  const latest = db
    .prepare(
      `SELECT c.category, count(*) AS n FROM monitoring_cases c
       WHERE c.id = (SELECT id FROM monitoring_cases x WHERE x.household_id = c.household_id ORDER BY x.report_date DESC, x.id DESC LIMIT 1)
       GROUP BY c.category ORDER BY c.category`,
    )
    .all() as { category: string; n: number }[]
  for (const r of latest) byCategory[r.category] = r.n
  return { households: totals.households, open: totals.open ?? 0, eliminated: totals.eliminated ?? 0, byCategory }
}
