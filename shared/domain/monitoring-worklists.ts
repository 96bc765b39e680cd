/**
 * 监测预警: the worklists a township clerk works through — who should be in monitoring and is not,
 * and which cases are stuck. Pure: the lists' names, the risk → measure mapping and the date rules;
 * the core finds the rows. Every line, window and deadline comes from the year's settings
 * (YearSettings), never from a constant here.
 */
import { STEPS, type StepKey, type StepRecord, addDays, addMonths, daysBetween, type YearSettings } from './monitoring'
import type { MeasureKind } from './monitoring-measures'

export const WORKLISTS = [
  { key: 'income_under_line', label: '收入低于监测线未纳入', hint: '人均纯收入低于当年监测线，但没有纳入监测（也不在识别程序中）。' },
  { key: 'guarantee_gap', label: '三保障或饮水短板未纳入', hint: '义务教育、基本医疗、住房安全或饮水安全有短板（或危房、饮水不安全），但没有纳入监测。' },
  { key: 'no_measure', label: '纳入后无帮扶措施', hint: '县级审定纳入监测已超过设置的天数，仍没有登记任何帮扶措施。' },
  { key: 'risk_without_measure', label: '风险无对应措施', hint: '纳入已超过无措施提醒天数，某项风险还没有对应类别的措施（如因病无健康帮扶）。' },
  { key: 'step_overdue', label: '程序步骤超期', hint: '识别或风险消除程序的下一步超过设置的办理时限仍未登记。' },
  { key: 'elimination_review', label: '可开展风险消除评估', hint: '纳入监测已满最短消除月数，尚未开始风险消除程序。' },
  { key: 'work_ended', label: '务工结束未再就业', hint: '家庭成员的外出务工已结束超过设置的天数，没有新的务工记录（就业风险）。' },
  { key: 'credit_due_soon', label: '小额信贷 30 天内到期', hint: '扶贫小额信贷 30 天内到期（含展期后的到期日），尚未结清：提醒借款户按期还款或办理展期、续贷。' },
  { key: 'credit_overdue', label: '小额信贷逾期', hint: '扶贫小额信贷已过到期日（含展期后的到期日）仍未结清：核实原因，协助还款或办理展期，防止影响信用和收入。' },
  { key: 'post_ending', label: '公益岗位聘用期将满', hint: '公益性岗位人员的聘用结束月份在设置的天数内（未设置时 30 天），请安排续聘或其他就业帮扶。' },
  { key: 'post_holder_left', label: '公益岗位人员在校或迁出', hint: '公益性岗位人员在户籍花名册上成了在校生，或已移出本户、迁入其他户、所在户移出台账，请核实是否离岗。' },
] as const
export type WorklistKey = (typeof WORKLISTS)[number]['key']

export interface WorklistItem {
  householdId: number
  headName: string | null
  village: string
  householdNo: string | null
  /** What fired, in the clerk's words (figures, dates, the step or the risk). */
  detail: string
  /** The date the window is counted from, if any. */
  since: string | null
  /** Days past that date (or past the deadline for overdue steps). */
  days: number | null
  /** The 小额信贷 loan the item is about (the credit lists): the row opens the loan. */
  loanId?: number
}

export interface Worklist {
  key: WorklistKey
  label: string
  hint: string
  count: number
  items: WorklistItem[]
  /** Why the list cannot be worked out (a setting not entered, the work-spell ledger not there yet); null when it is. */
  unavailable: string | null
}

export interface Worklists {
  asOf: string
  year: number
  /** Settings of the as-of year, if entered. */
  settings: YearSettings | null
  lists: Worklist[]
  /** Households on any list (the menu's badge). */
  households: number
}

/**
 * The measure kinds that answer a risk. 因病, 因学 and 因残 as the county checks read them
 * (checks.tsv 5_18_001–003: monitored, risk without any of these kinds); the others by the measure
 * kind of the same name. Risks with no single matching kind (因自然灾害, 因意外事故, 缺劳动力, 其他)
 * are not listed.
 */
export const RISK_MEASURES: Partial<Record<string, readonly MeasureKind[]>> = {
  因病: ['健康帮扶', '社会帮扶'],
  因学: ['义务教育保障', '教育帮扶', '社会帮扶'],
  因残: ['综合保障', '社会帮扶'],
  因安全住房: ['住房安全保障', '搬迁'],
  因安全饮水: ['饮水安全保障'],
  因务工就业不稳: ['就业帮扶', '公益岗位帮扶'],
  因产业项目失败: ['产业帮扶', '金融帮扶'],
}

/** The case's risks that have none of their matching measure kinds, with the kinds they want. */
export function risksWithoutMeasure(risks: readonly string[], kinds: readonly string[]): { risk: string; wants: readonly MeasureKind[] }[] {
  const taken = new Set(kinds)
  const out: { risk: string; wants: readonly MeasureKind[] }[] = []
  for (const risk of risks) {
    const wants = RISK_MEASURES[risk]
    if (wants && !wants.some((k) => taken.has(k))) out.push({ risk, wants })
  }
  return out
}

export interface OverdueStep {
  /** The step that should have been recorded by now. */
  step: StepKey
  label: string
  /** The last day it was due. */
  due: string
  /** Days past that day. */
  days: number
  /** Which deadline: each step's, or the whole identification's. */
  rule: 'step' | 'identification'
}

/**
 * The next step of an open case, when it is past its deadline on asOf: each step within
 * stepDeadlineDays of the one it rests on (a 公示 counts from its last day), and 县级审定 within
 * identificationDeadlineDays of 申报或排查. The elimination procedure is only timed once it has begun
 * (its 民主评议 is recorded): when to begin it is the 可开展风险消除评估 list's business.
 */
export function overdueStep(
  steps: Record<StepKey, StepRecord>,
  asOf: string,
  settings: Pick<YearSettings, 'stepDeadlineDays' | 'identificationDeadlineDays'>,
): OverdueStep | null {
  const index = STEPS.findIndex((s) => !steps[s.key].date)
  if (index <= 0) return null
  const next = STEPS[index]!
  if (next.key === 'elim_review') return null
  const prev = steps[STEPS[index - 1]!.key]
  const restsOn = prev.endDate ?? prev.date!
  const found: OverdueStep[] = []
  if (settings.stepDeadlineDays !== null) {
    const due = addDays(restsOn, settings.stepDeadlineDays)
    if (asOf > due) found.push({ step: next.key, label: next.label, due, days: daysBetween(due, asOf), rule: 'step' })
  }
  if (next.phase === 'identify' && settings.identificationDeadlineDays !== null && steps.report.date) {
    const due = addDays(steps.report.date, settings.identificationDeadlineDays)
    if (asOf > due) found.push({ step: next.key, label: next.label, due, days: daysBetween(due, asOf), rule: 'identification' })
  }
  // The longer overdue of the two says the most.
  return found.sort((a, b) => b.days - a.days)[0] ?? null
}

/** When an approved case is old enough for an elimination review: 纳入 + the year's minimum months. */
export const eliminationReviewFrom = (countyDate: string, settings: Pick<YearSettings, 'minMonthsBeforeElimination'>): string =>
  addMonths(countyDate, settings.minMonthsBeforeElimination)

/** A work spell (已外出务工信息): months as 'YYYY-MM'; a blank end = still working. */
export interface WorkSpell {
  householdId: number
  memberId: number
  memberName: string
  startMonth: string
  endMonth: string | null
}

/**
 * Members whose latest work spell ended more than gapDays before asOf with no spell after it (nor one
 * still running). A month-only end counts from that month's last day.
 */
export function endedWithoutNewSpell(spells: readonly WorkSpell[], asOf: string, gapDays: number): (WorkSpell & { endedOn: string; days: number })[] {
  const byMember = new Map<number, WorkSpell[]>()
  for (const s of spells) byMember.set(s.memberId, [...(byMember.get(s.memberId) ?? []), s])
  const out: (WorkSpell & { endedOn: string; days: number })[] = []
  for (const list of byMember.values()) {
    if (list.some((s) => s.endMonth === null)) continue
    const latest = [...list].sort((a, b) => (a.endMonth! < b.endMonth! ? 1 : a.endMonth! > b.endMonth! ? -1 : 0))[0]!
    const endedOn = addDays(addMonths(`${latest.endMonth}-01`, 1), -1)
    const days = daysBetween(endedOn, asOf)
    if (days > gapDays) out.push({ ...latest, endedOn, days })
  }
  return out.sort((a, b) => b.days - a.days)
}
