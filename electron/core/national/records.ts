/**
 * The national exports' records as the ledger shows them: a household's work spells, planned work
 * and 户信息 columns, the villages' statistics, the clerk's corrections of a work spell, and the
 * figures `cli info` reports.
 */
import type { z } from 'zod'
import type { HouseholdNational, VillageStatisticsView, WorkSpellInput, WorkSpellView } from '../../../shared/api/national'
import { LedgerError } from '../../../shared/api/result'
import { NATIONAL_FIELDS } from '../../../shared/import/national-fields'
import type { Ledger } from '../db/open'
import { yuanToFen } from './import/parse'

type Row = Record<string, string | number | null>

const toSpell = (r: Row): WorkSpellView => ({
  id: Number(r.id),
  memberId: Number(r.member_id),
  memberName: String(r.member_name ?? ''),
  working: r.working as string | null,
  startMonth: r.start_month as string | null,
  endMonth: r.end_month as string | null,
  province: r.province as string | null,
  city: r.city as string | null,
  countyAt: r.county_at as string | null,
  channel: r.channel as string | null,
  employer: r.employer as string | null,
  industry: r.industry as string | null,
  monthlyIncomeFen: r.monthly_income_fen as number | null,
  pointToPoint: r.point_to_point as string | null,
  travelSubsidyFen: r.travel_subsidy_fen as number | null,
  jobSubsidy: r.job_subsidy as string | null,
})

export function householdNational(ledger: Ledger, householdId: number): HouseholdNational {
  const db = ledger.sqlite
  const spells = db
    .prepare('SELECT s.*, m.name AS member_name FROM work_spells s JOIN members m ON m.id = s.member_id WHERE s.household_id = ? ORDER BY m.sort_order, s.start_month DESC, s.id')
    .all(householdId) as Row[]
  const planned = db
    .prepare('SELECT p.*, m.name AS member_name FROM planned_work p JOIN members m ON m.id = p.member_id WHERE p.household_id = ? ORDER BY m.sort_order')
    .all(householdId) as Row[]
  const info = db.prepare('SELECT * FROM household_info WHERE household_id = ?').get(householdId) as Row | undefined
  return {
    workSpells: spells.map(toSpell),
    plannedWork: planned.map((p) => ({
      id: Number(p.id),
      memberId: Number(p.member_id),
      memberName: String(p.member_name ?? ''),
      planned: p.planned as string | null,
      plannedMonth: p.planned_month as string | null,
      place: [p.province, p.city, p.county_at].filter(Boolean).join(' '),
      industry: p.industry as string | null,
      serviceNeed: p.service_need as string | null,
    })),
    info: info
      ? NATIONAL_FIELDS.householdInfo.filter((f) => f.key in info && info[f.key] !== null && f.key !== 'source_updated').map((f) => ({ label: f.label, value: String(info[f.key]) }))
      : null,
  }
}

export function villageStatistics(ledger: Ledger): VillageStatisticsView[] {
  const rows = ledger.sqlite
    .prepare('SELECT s.*, v.county, v.township, v.name FROM village_statistics s JOIN villages v ON v.id = s.village_id ORDER BY v.county, v.township, v.name')
    .all() as Row[]
  return rows.map((r) => ({
    villageId: Number(r.village_id),
    county: String(r.county ?? ''),
    township: String(r.township ?? ''),
    village: String(r.name ?? ''),
    adminCode: r.admin_code as string | null,
    exited: r.exited as string | null,
    exitYear: r.exit_year as string | null,
    totalHouseholds: r.total_households as number | null,
    totalPopulation: r.total_population as number | null,
    exitedHouseholds: r.exited_households as number | null,
    monitoredHouseholds: r.monitored_households as number | null,
    collectiveIncomeFen: r.collective_income_fen as number | null,
  }))
}

export function saveWorkSpell(ledger: Ledger, actor: string, input: z.output<typeof WorkSpellInput>): number {
  const db = ledger.sqlite
  const member = db.prepare('SELECT id, household_id, removed_reason FROM members WHERE id = ?').get(input.memberId) as
    | { id: number; household_id: number; removed_reason: string | null }
    | undefined
  if (!member) throw new LedgerError('not_found', '找不到这名家庭成员，可能已被删除。请刷新页面。')
  if (input.endMonth && input.endMonth < input.startMonth) {
    throw new LedgerError('bad_input', `「结束时间」${input.endMonth} 早于「开始时间」${input.startMonth}。请改正后再保存。`, 'endMonth')
  }
  const income = input.monthlyIncome === null ? null : yuanToFen(input.monthlyIncome)
  if (input.monthlyIncome !== null && income === null) throw new LedgerError('bad_input', `「务工月收入」不是金额：${input.monthlyIncome}。`, 'monthlyIncome')
  const values = {
    start_month: input.startMonth,
    end_month: input.endMonth,
    province: input.province,
    city: input.city,
    county_at: input.countyAt,
    channel: input.channel,
    employer: input.employer,
    industry: input.industry,
    monthly_income_fen: income,
  }
  return ledger.write.run({ actor }, (w) => {
    if (input.id === undefined) return w.insert('work_spells', { ...values, member_id: member.id, household_id: member.household_id, working: '是', cells_json: '{}' })
    const found = db.prepare('SELECT id FROM work_spells WHERE id = ? AND member_id = ?').pluck().get(input.id, input.memberId)
    if (found === undefined) throw new LedgerError('not_found', '找不到这段务工经历，可能已被删除。请刷新页面。')
    w.update('work_spells', input.id, values)
    return input.id
  })
}

export function deleteWorkSpell(ledger: Ledger, actor: string, id: number): void {
  const found = ledger.sqlite.prepare('SELECT id FROM work_spells WHERE id = ?').pluck().get(id)
  if (found === undefined) throw new LedgerError('not_found', '找不到这段务工经历，可能已被删除。请刷新页面。')
  ledger.write.run({ actor }, (w) => w.delete('work_spells', id))
}

/** `cli info`: the national records' counts. */
export function nationalCounts(ledger: Ledger): { workSpells: number; plannedWork: number; villageStatistics: number } {
  return ledger.sqlite
    .prepare('SELECT (SELECT count(*) FROM work_spells) AS workSpells, (SELECT count(*) FROM planned_work) AS plannedWork, (SELECT count(*) FROM village_statistics) AS villageStatistics')
    .get() as { workSpells: number; plannedWork: number; villageStatistics: number }
}
