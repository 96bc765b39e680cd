/** Writes the checks' plain records (electron/core/checks/data.ts) into a real ledger, as an import would have stored them. */
import type { Ledger } from '../../electron/core/db/open'
import type { LedgerData } from '../../electron/core/checks/data'

export function seedLedger(ledger: Ledger, data: LedgerData): { householdIds: Map<number, number>; memberIds: Map<number, number> } {
  const householdIds = new Map<number, number>()
  const memberIds = new Map<number, number>()
  ledger.write.run({ actor: 'test' }, (w) => {
    const villages = new Map<number, number>()
    for (const v of data.villages) {
      villages.set(v.id, w.insert('villages', { county: v.county, township: v.township, name: v.name, exit_year: v.exit_year, is_demo: 0 }))
    }
    for (const h of data.households) {
      const { id, village_id, extra, members, cases, ...cols } = h
      const hid = w.insert('households', { ...cols, village_id: villages.get(village_id)!, extra_json: null })
      householdIds.set(id, hid)
      // The roster import keeps unmodelled columns on each member's row (household columns repeated).
      const ids = w.insertMany('members', members.map((m, i) => {
        const { id: _id, extra: mExtra, ...mc } = m
        return { ...mc, household_id: hid, sort_order: i, extra_json: JSON.stringify({ ...extra, ...mExtra }) }
      }))
      members.forEach((m, i) => memberIds.set(m.id, ids[i]!))
      for (const c of cases) {
        const after = Object.fromEntries(Object.entries(c.indicators))
        const caseId = w.insert('monitoring_cases', {
          household_id: hid, category: c.category, risks: JSON.stringify(c.risks), risk_note: c.risk_note, found_by: '基层干部排查',
          size_at_identification: members.length, income_at_identification_fen: 500_000, report_date: c.report_date, report_by: '王专干',
          county_date: c.county_date, county_by: c.county_date ? '县乡村振兴局' : null, elimination_method: c.elimination_method,
          elim_county_date: c.elim_county_date, elim_county_by: c.elim_county_date ? '县乡村振兴局' : null, ...after,
        })
        for (const m of c.measures) {
          w.insert('monitoring_measures', { case_id: caseId, kind: m.kind, items: JSON.stringify(m.items), measure_date: m.date, responsible: '刘明' })
        }
      }
    }
    for (const [year, line] of data.settings.lineFenByYear) {
      w.insert('monitoring_settings', { year, line_fen: line, publicity_days: 5, min_months_before_elimination: data.settings.minMonthsBeforeElimination, reminder_days_without_measure: data.settings.reminderDaysWithoutMeasure })
    }
  })
  return { householdIds, memberIds }
}
