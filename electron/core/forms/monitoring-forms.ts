/**
 * The data of the monitoring forms: the two 审批表 of a case (full numbers: they go to the county),
 * the village 公示 of new monitoring objects and of eliminations (ID numbers and phones masked here,
 * before they leave the core), and the 一户一策 帮扶计划表.
 */
import type { HouseholdPlan, HouseholdPlanRow, MonitoringApproval, MonitoringFormKind, MonitoringNotice } from '../../../shared/api/forms-monitoring'
import { LedgerError } from '../../../shared/api/result'
import { maskIdNumber, maskPhone } from '../../../shared/domain/id-number'
import { DEFAULT_PUBLICITY_DAYS } from '../../../shared/domain/monitoring'
import { risksWithoutMeasure } from '../../../shared/domain/monitoring-worklists'
import type { Ledger } from '../db/open'
import { householdAssistance } from '../assistance'
import { getHousehold, localToday } from '../households'
import { caseById, householdMonitoring, settingsFor } from '../monitoring'

const place = (h: { county: string; township: string }) => `${h.county}${h.township}`
const currentHelpers = (ledger: Ledger, householdId: number) => householdAssistance(ledger, householdId).pairings.filter((p) => !p.endDate)

export async function monitoringApproval(ledger: Ledger, caseId: number, kind: MonitoringFormKind): Promise<MonitoringApproval> {
  const c = caseById(ledger, caseId)
  if (kind === 'eliminate' && !c.steps.county.date) {
    throw new LedgerError('not_ready', '这条监测记录还没有县级审定纳入监测，不能打印风险消除审批表。请先完成识别程序。')
  }
  const household = await getHousehold(ledger, c.householdId, { unmasked: true })
  const date = kind === 'identify' ? c.steps.report.date! : (c.steps.elim_review.date ?? localToday())
  const lineYear = Number(date.slice(0, 4))
  return {
    kind,
    township: place(household),
    household,
    case: c,
    lineFen: settingsFor(ledger, lineYear)?.lineFen ?? null,
    lineYear,
    helpers: currentHelpers(ledger, c.householdId),
  }
}

interface NoticeCase {
  id: number
  household_id: number
  group_name: string | null
  head_name: string | null
  head_id: string | null
  phone: string | null
  size_at_identification: number
  category: string
  risks: string
  risk_note: string | null
  found_by: string
  elimination_method: string | null
  review_date: string | null
  pub_from: string | null
  pub_to: string | null
}

export function monitoringNotice(ledger: Ledger, villageId: number, kind: MonitoringFormKind): MonitoringNotice {
  const village = ledger.sqlite.prepare('SELECT name, county, township FROM villages WHERE id = ?').get(villageId) as
    | { name: string; county: string; township: string }
    | undefined
  if (!village) throw new LedgerError('not_found', '找不到这个行政村，可能已被删除。请返回重新选择。')
  // After 民主评议 and before 县级审定: the households the village posts.
  const [review, pub, end, county] = kind === 'identify'
    ? ['review_date', 'publicity_date', 'publicity_end', 'county_date']
    : ['elim_review_date', 'elim_publicity_date', 'elim_publicity_end', 'elim_county_date']
  const rows = ledger.sqlite
    .prepare(
      `SELECT c.id, c.household_id, g.name AS group_name, c.size_at_identification, c.category, c.risks, c.risk_note, c.found_by, c.elimination_method,
              c.${review} AS review_date, c.${pub} AS pub_from, c.${end} AS pub_to, h.phone,
              m.name AS head_name, m.id_number AS head_id
         FROM monitoring_cases c JOIN households h ON h.id = c.household_id
         LEFT JOIN village_groups g ON g.id = h.group_id
         LEFT JOIN members m ON m.id = (SELECT id FROM members WHERE household_id = h.id AND relation = '户主' AND removed_reason IS NULL ORDER BY sort_order LIMIT 1)
        WHERE h.village_id = ? AND h.removed_reason IS NULL AND c.${review} IS NOT NULL AND c.${county} IS NULL
        ORDER BY g.name, h.household_no, c.id`,
    )
    .all(villageId) as NoticeCase[]
  if (rows.length === 0) {
    const what = kind === 'identify' ? '已经村级民主评议、尚未县级审定的拟纳入监测对象' : '已经风险消除民主评议、尚未县级审定的拟消除风险户'
    const step = kind === 'identify' ? '村级民主评议' : '风险消除民主评议'
    throw new LedgerError('empty', `${village.name}目前没有${what}，没有可公示的户。请先在户页面「监测」中登记「${step}」。`)
  }
  const periods = new Set(rows.map((r) => (r.pub_from && r.pub_to ? `${r.pub_from}|${r.pub_to}` : '')))
  const [from, to] = periods.size === 1 ? [...periods][0]!.split('|') : []
  return {
    kind,
    township: `${village.county}${village.township}`,
    village: village.name,
    rows: rows.map((r) => ({
      caseId: r.id,
      group: r.group_name,
      headName: r.head_name ?? '',
      idMasked: r.head_id ? maskIdNumber(r.head_id) : '',
      phoneMasked: r.phone ? maskPhone(r.phone) : '',
      size: r.size_at_identification,
      category: r.category,
      risks: (JSON.parse(r.risks) as string[]).map((k) => (k === '其他' && r.risk_note ? `其他（${r.risk_note}）` : k)).join('、'),
      how: kind === 'identify' ? r.found_by : (r.elimination_method ?? ''),
      reviewDate: r.review_date,
    })),
    period: from && to ? { from, to } : null,
    publicityDays: settingsFor(ledger, Number(localToday().slice(0, 4)))?.publicityDays ?? DEFAULT_PUBLICITY_DAYS,
  }
}

export async function householdPlan(ledger: Ledger, householdId: number): Promise<HouseholdPlan> {
  // Kept with the household's papers and shown to the family: numbers masked.
  const household = await getHousehold(ledger, householdId)
  const c = householdMonitoring(ledger, householdId).cases[0] ?? null
  const rows: HouseholdPlanRow[] = []
  if (c) {
    for (const m of c.measures) {
      rows.push({
        kind: m.kind, content: [m.items.join('、'), m.otherNote, m.note].filter(Boolean).join('；'), date: m.date, amountFen: m.amountFen,
        responsible: m.responsible, state: '已落实',
      })
    }
    // What each risk still wants: the plan's open items.
    if (c.state !== '已消除') {
      for (const gap of risksWithoutMeasure(c.risks, c.measures.map((m) => m.kind))) {
        rows.push({ kind: gap.wants.join(' / '), content: `针对「${gap.risk}」风险落实${gap.wants[0]}`, date: null, amountFen: null, responsible: null, state: '计划' })
      }
    }
  }
  return {
    township: place(household),
    household,
    case: c,
    helpers: currentHelpers(ledger, householdId),
    rows,
    year: Number(localToday().slice(0, 4)),
  }
}
