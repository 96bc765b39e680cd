/**
 * 监测预警: every worklist with its count, as of a date. Households not monitored are judged by their
 * current roster values; cases as they stood on the as-of date (steps and measures dated later are
 * not yet there). Lines, windows and deadlines are the as-of year's settings; a list whose setting is
 * blank says which one instead of using a constant.
 */
import { STEPS, type StepKey, type StepRecord, daysBetween, type YearSettings } from '../../../shared/domain/monitoring'
import { formatYuan } from '../../../shared/domain/money'
import {
  WORKLISTS, type Worklist, type WorklistItem, type WorklistKey, type Worklists, eliminationReviewFrom, endedWithoutNewSpell, overdueStep, risksWithoutMeasure,
} from '../../../shared/domain/monitoring-worklists'
import { creditReminders } from '../credit'
import type { Ledger } from '../db/open'
import { postReminders } from '../posts'
import { settingsFor, stepsOf } from './cases'
import { workSpellSource } from './work-spells'

type Found = Omit<WorklistItem, 'headName' | 'village' | 'householdNo'>

/** Not monitored on asOf: no monitoring category on the roster and no case open (in procedure or monitored) that day. */
const NOT_MONITORED = `h.removed_reason IS NULL AND h.monitoring_category IS NULL AND NOT EXISTS (
  SELECT 1 FROM monitoring_cases c WHERE c.household_id = h.id AND c.report_date <= @asOf AND (c.elim_county_date IS NULL OR c.elim_county_date > @asOf))`

const GAPS = [
  ['guarantee_education', '义务教育保障有短板'],
  ['guarantee_medical', '基本医疗保障有短板'],
  ['guarantee_housing', '住房安全保障有短板'],
  ['guarantee_water', '饮水安全保障有短板'],
] as const

interface OpenCase {
  id: number
  householdId: number
  risks: string[]
  steps: Record<StepKey, StepRecord>
  kinds: string[]
}

/** Cases open on asOf, with only what had been recorded by then. */
function openCases(ledger: Ledger, asOf: string): OpenCase[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT c.* FROM monitoring_cases c JOIN households h ON h.id = c.household_id
        WHERE h.removed_reason IS NULL AND c.report_date <= ? AND (c.elim_county_date IS NULL OR c.elim_county_date > ?)
        ORDER BY c.id`,
    )
    .all(asOf, asOf) as Record<string, string | number | null>[]
  const measures = ledger.sqlite.prepare('SELECT kind FROM monitoring_measures WHERE case_id = ? AND measure_date <= ?').pluck()
  return rows.map((r) => {
    const recorded = stepsOf(r)
    // A step dated after asOf, and every step after it, had not happened yet.
    const cut = STEPS.findIndex((s) => !recorded[s.key].date || recorded[s.key].date! > asOf)
    const steps = Object.fromEntries(
      STEPS.map((s, i) => [s.key, cut === -1 || i < cut ? recorded[s.key] : { date: null, by: null, endDate: null, opinion: null }]),
    ) as Record<StepKey, StepRecord>
    return {
      id: Number(r.id),
      householdId: Number(r.household_id),
      risks: JSON.parse(String(r.risks)) as string[],
      steps,
      kinds: measures.all(r.id, asOf) as string[],
    }
  })
}

const noSettings = (year: number) => `还没有填写 ${year} 年的监测设置。请在「监测设置」中填写本省 ${year} 年的监测线和各项时限。`
const missing = (year: number, label: string) => `${year} 年的监测设置中没有填写「${label}」，此项暂不提醒。请在「监测设置」中补填。`

function incomeUnderLine(ledger: Ledger, asOf: string, s: YearSettings): Found[] {
  const rows = ledger.sqlite
    .prepare(`SELECT h.id, h.per_capita_net_income_fen AS pc FROM households h WHERE ${NOT_MONITORED}
               AND h.per_capita_net_income_fen IS NOT NULL AND h.per_capita_net_income_fen < @line`)
    .all({ asOf, line: s.lineFen }) as { id: number; pc: number }[]
  return rows.map((r) => ({
    householdId: r.id,
    detail: `人均纯收入 ${formatYuan(r.pc)}，低于 ${s.year} 年监测线 ${formatYuan(s.lineFen)}`,
    since: null,
    days: null,
  }))
}

function guaranteeGap(ledger: Ledger, asOf: string): Found[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT h.id, h.guarantee_education, h.guarantee_medical, h.guarantee_housing, h.guarantee_water, h.dilapidated_house, h.safe_drinking_water
         FROM households h WHERE ${NOT_MONITORED} AND (h.guarantee_education = '有短板' OR h.guarantee_medical = '有短板'
           OR h.guarantee_housing = '有短板' OR h.guarantee_water = '有短板' OR h.dilapidated_house = '是' OR h.safe_drinking_water = '否')`,
    )
    .all({ asOf }) as Record<string, string | number | null>[]
  return rows.map((r) => {
    const what: string[] = GAPS.filter(([col]) => r[col] === '有短板').map(([, label]) => label)
    if (r.dilapidated_house === '是' && r.guarantee_housing !== '有短板') what.push('危房户')
    if (r.safe_drinking_water === '否' && r.guarantee_water !== '有短板') what.push('饮水不安全')
    return { householdId: Number(r.id), detail: what.join('、'), since: null, days: null }
  })
}

function noMeasure(cases: OpenCase[], asOf: string, s: YearSettings): Found[] {
  return cases
    .filter((c) => c.steps.county.date && !c.steps.elim_review.date && c.kinds.length === 0)
    .map((c) => ({ c, days: daysBetween(c.steps.county.date!, asOf) }))
    .filter(({ days }) => days >= s.reminderDaysWithoutMeasure)
    .map(({ c, days }) => ({
      householdId: c.householdId,
      detail: `${c.steps.county.date} 纳入监测，已 ${days} 天没有登记帮扶措施（设置：${s.reminderDaysWithoutMeasure} 天）`,
      since: c.steps.county.date,
      days,
    }))
}

function riskWithoutMeasure(cases: OpenCase[], asOf: string, s: YearSettings): Found[] {
  const out: Found[] = []
  for (const c of cases) {
    if (!c.steps.county.date) continue
    const days = daysBetween(c.steps.county.date, asOf)
    if (days < s.reminderDaysWithoutMeasure) continue
    const gaps = risksWithoutMeasure(c.risks, c.kinds)
    if (gaps.length === 0) continue
    out.push({
      householdId: c.householdId,
      detail: gaps.map((g) => `风险「${g.risk}」没有${g.wants.join('或')}措施`).join('；'),
      since: c.steps.county.date,
      days,
    })
  }
  return out
}

function stepOverdue(cases: OpenCase[], asOf: string, s: YearSettings): Found[] {
  const out: Found[] = []
  for (const c of cases) {
    const o = overdueStep(c.steps, asOf, s)
    if (!o) continue
    const rule = o.rule === 'step' ? `每步办理时限 ${s.stepDeadlineDays} 天` : `识别程序时限 ${s.identificationDeadlineDays} 天`
    out.push({ householdId: c.householdId, detail: `「${o.label}」应于 ${o.due} 前登记，已超期 ${o.days} 天（${rule}）`, since: o.due, days: o.days })
  }
  return out
}

function eliminationReview(cases: OpenCase[], asOf: string, s: YearSettings): Found[] {
  const out: Found[] = []
  for (const c of cases) {
    const county = c.steps.county.date
    if (!county || c.steps.elim_review.date) continue
    const from = eliminationReviewFrom(county, s)
    if (asOf < from) continue
    out.push({
      householdId: c.householdId,
      detail: `${county} 纳入监测，已满 ${s.minMonthsBeforeElimination} 个月（${from} 起可评估），尚未开始风险消除程序`,
      since: from,
      days: daysBetween(from, asOf),
    })
  }
  return out
}

function workEnded(ledger: Ledger, asOf: string, gapDays: number): Found[] | string {
  const source = workSpellSource(ledger)
  if (!source) return '台账中还没有务工信息（已外出务工信息），此项暂不能提醒。导入务工信息后自动启用。'
  return endedWithoutNewSpell(source.spells(), asOf, gapDays).map((e) => ({
    householdId: e.householdId,
    detail: `${e.memberName} 的外出务工于 ${e.endMonth} 结束，已 ${e.days} 天没有新的务工记录`,
    since: e.endedOn,
    days: e.days,
  }))
}

/** 小额信贷 due within 30 days (days: days left) or overdue (days: days past the due date in force). */
function creditItems(ledger: Ledger, asOf: string, which: 'dueSoon' | 'overdue'): Found[] {
  const yuan = (fen: number) => formatYuan(fen)
  return creditReminders(ledger, asOf)[which].map((l) => ({
    householdId: l.householdId,
    loanId: l.id,
    detail: `${l.borrower ?? ''} 在${l.bank}的贷款${l.contractNo ? `（合同 ${l.contractNo}）` : ''}${which === 'overdue' ? '已于' : '将于'} ${l.currentDueDate} 到期，余额 ${yuan(l.balanceFen)}`,
    since: l.currentDueDate,
    days: which === 'overdue' ? -(l.daysLeft ?? 0) : (l.daysLeft ?? 0),
  }))
}

/** Adds the household's 户主, village and 户编号 to each item, ordered by village and 户编号 (case lists: longest waiting first). */
function describe(ledger: Ledger, found: Found[], byDays: boolean): WorklistItem[] {
  type Info = Pick<WorklistItem, 'village' | 'householdNo' | 'headName'> & { id: number }
  // One query for the list's households (a township's list can run to hundreds).
  const rows = ledger.sqlite
    .prepare(
      `SELECT h.id, v.name AS village, h.household_no AS householdNo,
              (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1) AS headName
         FROM households h JOIN villages v ON v.id = h.village_id WHERE h.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(found.map((f) => f.householdId))])) as Info[]
  const info = new Map(rows.map(({ id, ...r }) => [id, r]))
  const items = found.map((f) => ({ ...info.get(f.householdId)!, ...f }))
  return items.sort((a, b) =>
    (byDays && (b.days ?? 0) - (a.days ?? 0)) || a.village.localeCompare(b.village, 'zh') || (a.householdNo ?? '').localeCompare(b.householdNo ?? '') || a.householdId - b.householdId,
  )
}

export function worklists(ledger: Ledger, asOf: string): Worklists {
  const year = Number(asOf.slice(0, 4))
  const s = settingsFor(ledger, year)
  const cases = openCases(ledger, asOf)
  const compute: Record<WorklistKey, () => Found[] | string> = {
    income_under_line: () => (s ? incomeUnderLine(ledger, asOf, s) : noSettings(year)),
    guarantee_gap: () => guaranteeGap(ledger, asOf),
    no_measure: () => (s ? noMeasure(cases, asOf, s) : noSettings(year)),
    risk_without_measure: () => (s ? riskWithoutMeasure(cases, asOf, s) : noSettings(year)),
    step_overdue: () =>
      !s ? noSettings(year) : s.stepDeadlineDays === null && s.identificationDeadlineDays === null ? missing(year, '程序每步办理时限（天）') : stepOverdue(cases, asOf, s),
    elimination_review: () => (s ? eliminationReview(cases, asOf, s) : noSettings(year)),
    work_ended: () => (!s ? noSettings(year) : s.workGapDays === null ? missing(year, '务工结束提醒天数') : workEnded(ledger, asOf, s.workGapDays)),
    credit_due_soon: () => creditItems(ledger, asOf, 'dueSoon'),
    credit_overdue: () => creditItems(ledger, asOf, 'overdue'),
    post_ending: () => postReminders(ledger, asOf).ending.map((r) => ({ householdId: r.householdId, detail: r.detail, since: null, days: r.days })),
    post_holder_left: () => {
      const r = postReminders(ledger, asOf)
      return [...r.student, ...r.moved].map((i) => ({ householdId: i.householdId, detail: i.detail, since: null, days: null }))
    },
  }
  const households = new Set<number>()
  const lists: Worklist[] = WORKLISTS.map((def) => {
    const r = compute[def.key]()
    const items = typeof r === 'string' ? [] : describe(ledger, r, !['income_under_line', 'guarantee_gap', 'credit_due_soon', 'post_ending', 'post_holder_left'].includes(def.key))
    for (const i of items) households.add(i.householdId)
    return { key: def.key, label: def.label, hint: def.hint, count: items.length, items, unavailable: typeof r === 'string' ? r : null }
  })
  return { asOf, year, settings: s, lists, households: households.size }
}
