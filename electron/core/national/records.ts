/**
 * The national exports' records as the ledger shows them: a household's work spells, planned work
 * and 户信息 columns, the villages' statistics, the clerk's corrections of a work spell, and the
 * figures `cli info` reports.
 */
import type { z } from 'zod'
import type {
  HouseholdInfoInput, HouseholdNational, PlannedWorkInput, VillageFiguresRow, VillageStatisticsInput, VillageStatisticsView, WorkSpellInput, WorkSpellView,
} from '../../../shared/api/national'
import { LedgerError } from '../../../shared/api/result'
import { NATIONAL_FIELDS, nationalFieldByKey, recordKeys } from '../../../shared/import/national-fields'
import type { NationalKind } from '../../../shared/import/national-kinds'
import type { Ledger } from '../db/open'
import { correctedCells, lastLayout, wanText } from './cells'
import { readNationalCell, yuanToFen } from './import/parse'

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
      province: p.province as string | null,
      city: p.city as string | null,
      countyAt: p.county_at as string | null,
      industry: p.industry as string | null,
      serviceNeed: p.service_need as string | null,
      registered: p.registered as string | null,
    })),
    info: info
      ? NATIONAL_FIELDS.householdInfo.filter((f) => f.key in info && info[f.key] !== null && f.key !== 'source_updated').map((f) => ({ label: f.label, value: String(info[f.key]) }))
      : null,
    infoValues: info ? Object.fromEntries(HOUSEHOLD_INFO_EDITABLE.map((k) => [k, info[k] === null || info[k] === undefined ? null : String(info[k])])) : null,
  }
}

/** The 户信息 columns the clerk edits on the household page (the household's own fields are edited with the household). */
export const HOUSEHOLD_INFO_EDITABLE = recordKeys('householdInfo').filter((k) => k !== 'source_updated')
export const VILLAGE_EDITABLE = recordKeys('villages')

/** A record column's stored value as the form shows it (万元 for 村级集体经济收入). */
function formValue(kind: NationalKind, key: string, v: string | number | null | undefined): string | null {
  if (v === null || v === undefined) return null
  return nationalFieldByKey(kind, key)?.kind === 'wan' ? wanText(Number(v)) : String(v)
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
    values: Object.fromEntries(VILLAGE_EDITABLE.map((k) => [k, formValue('villages', k, r[k])])),
  }))
}

/** Every village with its 行政村信息, statistics or not (the 行政村信息 page). */
export function villageFigures(ledger: Ledger): VillageFiguresRow[] {
  const stats = new Map(villageStatistics(ledger).map((s) => [s.villageId, s]))
  const villages = ledger.sqlite.prepare('SELECT id, county, township, name FROM villages ORDER BY county, township, name, id').all() as { id: number; county: string; township: string; name: string }[]
  return villages.map((v) => ({ villageId: v.id, county: v.county ?? '', township: v.township ?? '', village: v.name, statistics: stats.get(v.id) ?? null }))
}

const KIND_HINT: Record<string, string> = {
  int: '应填整数，如 320',
  decimal: '应填数字，如 1850.5',
  wan: '应填金额（万元），如 12.5',
  money: '应填金额（元），如 4500',
  yesno: '应填「是」或「否」',
  year: '应填年份，如 2019',
  month: '应填年月，如 2024-03',
  code: '应只填数字',
}

/**
 * The clerk's values for a record's columns, each read as the file's cell would be; a value that does
 * not read names its field. Keys outside `editable` are refused.
 */
function readValues(kind: NationalKind, editable: readonly string[], values: Record<string, string | null>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {}
  for (const [key, raw] of Object.entries(values)) {
    const def = nationalFieldByKey(kind, key)
    if (!def || !editable.includes(key)) throw new LedgerError('bad_input', `不能在这里修改「${def?.label ?? key}」。`, key)
    const text = raw === null ? '' : raw.trim()
    if (text === '') {
      out[key] = null
      continue
    }
    const read = readNationalCell(def.kind, text)
    const negative = (def.kind === 'int' || def.kind === 'decimal' || def.kind === 'wan') && text.startsWith('-')
    if (read.problem || read.value === null || negative) {
      throw new LedgerError('bad_input', `「${def.label}」填的是「${text.slice(0, 40)}」，${KIND_HINT[def.kind] ?? '格式不对'}。请改正后再保存。`, key)
    }
    out[key] = read.value
  }
  return out
}

const VILLAGE_LIMITS: [string, string][] = [
  ['exited_households', 'total_households'], ['monitored_households', 'total_households'], ['low_income_households', 'total_households'],
  ['unsafe_water_households', 'total_households'], ['dilapidated_households', 'total_households'],
  ['exited_population', 'total_population'], ['monitored_population', 'total_population'], ['low_income_population', 'total_population'],
  ['special_support_population', 'total_population'], ['disabled_population', 'total_population'], ['pension_insured', 'total_population'],
  ['total_households', 'total_population'],
]

export function saveVillageStatistics(ledger: Ledger, actor: string, input: z.output<typeof VillageStatisticsInput>): number {
  const db = ledger.sqlite
  const village = db.prepare('SELECT id, name FROM villages WHERE id = ?').get(input.villageId) as { id: number; name: string } | undefined
  if (!village) throw new LedgerError('not_found', '找不到这个行政村，可能已被删除。请刷新页面。')
  const existing = db.prepare('SELECT * FROM village_statistics WHERE village_id = ?').get(village.id) as Row | undefined
  const values = readValues('villages', VILLAGE_EDITABLE, input.values)
  const merged = { ...(existing ?? {}), ...values } as Row
  const label = (k: string) => nationalFieldByKey('villages', k)!.label
  for (const [part, whole] of VILLAGE_LIMITS) {
    const a = merged[part]
    const b = merged[whole]
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      throw new LedgerError('bad_input', `${village.name}：「${label(part)}」${a} 大于「${label(whole)}」${b}。请核对后再保存。`, part)
    }
  }
  if (merged.exit_year && merged.exited !== '是') {
    throw new LedgerError('bad_input', `${village.name}：填了「出列年度」${String(merged.exit_year)}，「是否出列」却不是「是」。请改正其中一项。`, 'exited')
  }
  const layout = lastLayout(ledger, 'villages')
  return ledger.write.run({ actor }, (w) => {
    if (!existing) return w.insert('village_statistics', { ...values, village_id: village.id, cells_json: correctedCells('villages', layout, '{}', values) })
    w.update('village_statistics', Number(existing.id), { ...values, cells_json: correctedCells('villages', layout, existing.cells_json as string, values) })
    return Number(existing.id)
  })
}

export function saveHouseholdInfo(ledger: Ledger, actor: string, input: z.output<typeof HouseholdInfoInput>): number {
  const db = ledger.sqlite
  const household = db.prepare('SELECT id FROM households WHERE id = ?').pluck().get(input.householdId) as number | undefined
  if (household === undefined) throw new LedgerError('not_found', '找不到这一户，可能已被删除。请刷新页面。')
  const existing = db.prepare('SELECT * FROM household_info WHERE household_id = ?').get(household) as Row | undefined
  const values = readValues('householdInfo', HOUSEHOLD_INFO_EDITABLE, input.values)
  const merged = { ...(existing ?? {}), ...values } as Row
  if (merged.sanitary_toilet !== '是' && (merged.toilet_type || merged.toilet_usable === '是')) {
    throw new LedgerError('bad_input', '填了「卫生厕所类型」或「卫生厕所是否能正常使用」为「是」，「是否有卫生厕所」却不是「是」。请改正其中一项。', 'sanitary_toilet')
  }
  const layout = lastLayout(ledger, 'householdInfo')
  return ledger.write.run({ actor }, (w) => {
    if (!existing) return w.insert('household_info', { ...values, household_id: household, cells_json: correctedCells('householdInfo', layout, '{}', values) })
    w.update('household_info', Number(existing.id), { ...values, cells_json: correctedCells('householdInfo', layout, existing.cells_json as string, values) })
    return Number(existing.id)
  })
}

export function savePlannedWork(ledger: Ledger, actor: string, input: z.output<typeof PlannedWorkInput>): number {
  const db = ledger.sqlite
  const member = db.prepare('SELECT id, name, household_id FROM members WHERE id = ?').get(input.memberId) as { id: number; name: string; household_id: number } | undefined
  if (!member) throw new LedgerError('not_found', '找不到这名家庭成员，可能已被删除。请刷新页面。')
  if (input.planned === '是' && !input.plannedMonth) throw new LedgerError('bad_input', '「是否计划务工」为「是」时请填写「计划务工时间」，如 2027-03。', 'plannedMonth')
  const values = {
    planned: input.planned,
    planned_month: input.plannedMonth,
    province: input.province,
    city: input.city,
    county_at: input.countyAt,
    industry: input.industry,
    service_need: input.serviceNeed,
  }
  const existing = db.prepare('SELECT id, member_id, cells_json FROM planned_work WHERE member_id = ?').get(member.id) as { id: number; member_id: number; cells_json: string } | undefined
  const layout = lastLayout(ledger, 'plannedWork')
  return ledger.write.run({ actor }, (w) => {
    if (input.id === undefined) {
      if (existing) throw new LedgerError('bad_input', `${member.name}已有一条计划外出务工记录（每人一条），请在列表中点「修改」。`, 'memberId')
      return w.insert('planned_work', { ...values, member_id: member.id, household_id: member.household_id, cells_json: correctedCells('plannedWork', layout, '{}', values) })
    }
    if (!existing || existing.id !== input.id) throw new LedgerError('not_found', '找不到这条计划外出务工记录，可能已被删除。请刷新页面。')
    w.update('planned_work', existing.id, { ...values, cells_json: correctedCells('plannedWork', layout, existing.cells_json, values) })
    return existing.id
  })
}

export function deletePlannedWork(ledger: Ledger, actor: string, id: number): void {
  const found = ledger.sqlite.prepare('SELECT id FROM planned_work WHERE id = ?').pluck().get(id)
  if (found === undefined) throw new LedgerError('not_found', '找不到这条计划外出务工记录，可能已被删除。请刷新页面。')
  ledger.write.run({ actor }, (w) => w.delete('planned_work', id))
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
  const travel = input.travelSubsidy === undefined || input.travelSubsidy === null ? input.travelSubsidy : yuanToFen(input.travelSubsidy)
  if (input.travelSubsidy && (travel === null || travel === undefined)) throw new LedgerError('bad_input', `「年度交通费补助」不是金额：${input.travelSubsidy}。`, 'travelSubsidy')
  if (input.working === '否' && !input.endMonth) throw new LedgerError('bad_input', '「是否已务工」为「否」时请填写「结束时间」。', 'endMonth')
  const values: Record<string, string | number | null> = {
    start_month: input.startMonth,
    end_month: input.endMonth,
    province: input.province,
    city: input.city,
    county_at: input.countyAt,
    channel: input.channel,
    employer: input.employer,
    industry: input.industry,
    monthly_income_fen: income,
    ...(input.working !== undefined ? { working: input.working } : {}),
    ...(input.pointToPoint !== undefined ? { point_to_point: input.pointToPoint } : {}),
    ...(travel !== undefined ? { travel_subsidy_fen: travel } : {}),
    ...(input.jobSubsidy !== undefined ? { job_subsidy: input.jobSubsidy } : {}),
  }
  const layout = lastLayout(ledger, 'workSpells')
  return ledger.write.run({ actor }, (w) => {
    if (input.id === undefined) {
      const fresh = { working: '是', ...values }
      return w.insert('work_spells', { ...fresh, member_id: member.id, household_id: member.household_id, cells_json: correctedCells('workSpells', layout, '{}', fresh) })
    }
    const found = db.prepare('SELECT id, cells_json FROM work_spells WHERE id = ? AND member_id = ?').get(input.id, input.memberId) as { id: number; cells_json: string } | undefined
    if (found === undefined) throw new LedgerError('not_found', '找不到这段务工经历，可能已被删除。请刷新页面。')
    w.update('work_spells', input.id, { ...values, cells_json: correctedCells('workSpells', layout, found.cells_json, values) })
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
