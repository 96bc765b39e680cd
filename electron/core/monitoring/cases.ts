/**
 * The monitoring case store: opening a case (申报或排查), its procedure steps, measures, the
 * post-elimination indicators and the per-year settings. Every write goes through the audited write
 * path in one transaction; 县级审定 of identification and of elimination records 纳入监测 / 风险消除 in
 * the household's status history (households area) in that same transaction.
 */
import type { z } from 'zod'
import type { IndicatorsInput, MeasureInput, OpenCaseInput, StepInputSchema, YearSettingsInput } from '../../../shared/api/monitoring'
import { LedgerError } from '../../../shared/api/result'
import { yuanTextToFen } from '../../../shared/domain/assistance'
import {
  type CaseView, DEFAULT_PUBLICITY_DAYS, INDICATORS, type Indicators, type MeasureView, type MonitoringHousehold, STEPS, type StepKey,
  type StepRecord, type YearSettings, caseState, checkCategory, checkRisks, checkStep, daysBetween, eliminationProblems, perCapitaFen, stepOf,
} from '../../../shared/domain/monitoring'
import { MEASURE_ITEMS, developmentMeasureTaken, type MeasureKind } from '../../../shared/domain/monitoring-measures'
import { getLoan } from '../credit'
import type { Ledger } from '../db/open'
import type { MonitoringCasesTable, MonitoringMeasuresTable, MonitoringSettingsTable } from '../db/schema'
import { localToday, recordStatusEvent } from '../households'

type CaseRow = Omit<MonitoringCasesTable, 'id'> & { id: number } & Record<string, string | number | null>
type MeasureRow = Omit<MonitoringMeasuresTable, 'id'> & { id: number; post_holding?: string | null }
type SettingsRow = Omit<MonitoringSettingsTable, 'id'> & { id: number }

const refuse = (message: string, field?: string): never => {
  throw new LedgerError('monitoring_refused', message, field)
}

function fen(text: string, label: string): number {
  const v = yuanTextToFen(text)
  return v ?? refuse(`「${label}」不是金额：${text}。请填写元，如 7300 或 1234.56。`)
}

// ---- reads ----

const toSettings = (r: SettingsRow): YearSettings => ({
  year: r.year,
  lineFen: r.line_fen,
  publicityDays: r.publicity_days,
  minMonthsBeforeElimination: r.min_months_before_elimination,
  reminderDaysWithoutMeasure: r.reminder_days_without_measure,
  stepDeadlineDays: r.step_deadline_days ?? null,
  identificationDeadlineDays: r.identification_deadline_days ?? null,
  workGapDays: r.work_gap_days ?? null,
  postEndDays: r.post_end_days ?? null,
  isDemo: r.is_demo === 1,
})

export function listSettings(ledger: Ledger): YearSettings[] {
  return (ledger.sqlite.prepare('SELECT * FROM monitoring_settings ORDER BY year DESC').all() as SettingsRow[]).map(toSettings)
}

export function settingsFor(ledger: Ledger, year: number): YearSettings | null {
  const r = ledger.sqlite.prepare('SELECT * FROM monitoring_settings WHERE year = ?').get(year) as SettingsRow | undefined
  return r ? toSettings(r) : null
}

const toMeasure = (r: MeasureRow): MeasureView => ({
  id: r.id,
  kind: r.kind as MeasureKind,
  items: JSON.parse(r.items) as string[],
  otherNote: r.other_note,
  date: r.measure_date,
  amountFen: r.amount_fen,
  responsible: r.responsible,
  note: r.note,
  loan: null,
  postHoldingId: r.post_holding_id,
  postHolding: r.post_holding ?? null,
})

/** A measure with the figures of the loan it refers to, as they stand today. */
function measureWithLoan(ledger: Ledger, r: MeasureRow, today: string): MeasureView {
  const m = toMeasure(r)
  if (!r.credit_loan_id) return m
  const l = getLoan(ledger, r.credit_loan_id, today)
  return { ...m, loan: { id: l.id, bank: l.bank, contractNo: l.contractNo, amountFen: l.amountFen, loanDate: l.loanDate, dueDate: l.currentDueDate, balanceFen: l.balanceFen, status: l.status } }
}

/** The procedure steps of a case row. */
export function stepsOf(r: Record<string, unknown>): Record<StepKey, StepRecord> {
  return Object.fromEntries(
    STEPS.map((s) => [
      s.key,
      {
        date: (r[`${s.key}_date`] as string | null) ?? null,
        by: (r[`${s.key}_by`] as string | null) ?? null,
        endDate: 'period' in s ? ((r[`${s.key}_end`] as string | null) ?? null) : null,
        opinion: 'opinion' in s ? ((r[`${s.key}_opinion`] as string | null) ?? null) : null,
      } satisfies StepRecord,
    ]),
  ) as Record<StepKey, StepRecord>
}

function toCase(ledger: Ledger, r: CaseRow, today: string): CaseView {
  const measures = (ledger.sqlite.prepare(
      `SELECT mm.*, (SELECT m.name || ' ' || CASE WHEN p.post_type = '其他' AND p.type_note IS NOT NULL THEN p.type_note ELSE p.post_type END || ' ' || hd.start_month || '～' || IFNULL(hd.end_month, '')
           FROM post_holdings hd JOIN posts p ON p.id = hd.post_id JOIN members m ON m.id = hd.member_id WHERE hd.id = mm.post_holding_id) AS post_holding
         FROM monitoring_measures mm WHERE mm.case_id = ? ORDER BY mm.measure_date, mm.id`,
    ).all(r.id) as MeasureRow[]).map((m) => measureWithLoan(ledger, m, today))
  const steps = stepsOf(r)
  const indicators = Object.fromEntries(INDICATORS.map((i) => [i.key, r[i.key] ?? null])) as Indicators
  const state = caseState({ steps })
  let daysWithoutMeasure: number | null = null
  if (state === '监测中' && measures.length === 0 && r.county_date) {
    const reminder = settingsFor(ledger, Number(today.slice(0, 4)))?.reminderDaysWithoutMeasure
    const days = daysBetween(r.county_date, today)
    if (reminder !== undefined && days >= reminder) daysWithoutMeasure = days
  }
  return {
    id: r.id,
    householdId: r.household_id,
    category: r.category,
    risks: JSON.parse(r.risks) as string[],
    riskNote: r.risk_note,
    foundBy: r.found_by,
    sizeAtIdentification: r.size_at_identification,
    incomeAtIdentificationFen: r.income_at_identification_fen,
    perCapitaAtIdentificationFen: perCapitaFen(r.income_at_identification_fen, r.size_at_identification),
    returnedToPoverty: r.returned_to_poverty,
    fellIntoPoverty: r.fell_into_poverty,
    steps,
    eliminationMethod: r.elimination_method,
    indicators,
    measures,
    developmentMeasure: developmentMeasureTaken(measures.map((m) => m.kind)),
    state,
    daysWithoutMeasure,
  }
}

interface HouseholdRow {
  id: number
  household_type: string | null
  dilapidated_house: string | null
  safe_drinking_water: string | null
  guarantee_housing: string | null
  guarantee_water: string | null
}

function household(ledger: Ledger, householdId: number): HouseholdRow {
  const h = ledger.sqlite
    .prepare('SELECT id, household_type, dilapidated_house, safe_drinking_water, guarantee_housing, guarantee_water FROM households WHERE id = ?')
    .get(householdId) as HouseholdRow | undefined
  return h ?? refuse(`找不到编号为 ${householdId} 的户，可能已被删除。请返回列表刷新。`)
}

function caseRow(ledger: Ledger, caseId: number): CaseRow {
  const r = ledger.sqlite.prepare('SELECT * FROM monitoring_cases WHERE id = ?').get(caseId) as CaseRow | undefined
  return r ?? refuse('找不到这条监测记录，可能已被删除。请刷新后重试。')
}

/** One case as the 监测 tab shows it (the forms print it). */
export function caseById(ledger: Ledger, caseId: number, today = localToday()): CaseView {
  return toCase(ledger, caseRow(ledger, caseId), today)
}

export function householdMonitoring(ledger: Ledger, householdId: number, today = localToday()): MonitoringHousehold {
  const h = household(ledger, householdId)
  const rows = ledger.sqlite.prepare('SELECT * FROM monitoring_cases WHERE household_id = ? ORDER BY report_date DESC, id DESC').all(householdId) as CaseRow[]
  const active = ledger.sqlite.prepare('SELECT COUNT(*) FROM members WHERE household_id = ? AND removed_reason IS NULL').pluck().get(householdId) as number
  return {
    householdId,
    householdType: h.household_type,
    dilapidatedHouse: h.dilapidated_house,
    safeDrinkingWater: h.safe_drinking_water,
    guaranteeHousing: h.guarantee_housing,
    guaranteeWater: h.guarantee_water,
    activeMembers: active,
    cases: rows.map((r) => toCase(ledger, r, today)),
    settings: settingsFor(ledger, Number(today.slice(0, 4))),
  }
}

// ---- writes ----

export function openCase(ledger: Ledger, actor: string, input: z.output<typeof OpenCaseInput>, today = localToday()): number {
  return ledger.write.run({ actor }, (w) => {
    const h = household(ledger, input.householdId)
    const categoryProblem = checkCategory(h.household_type, input.category)
    if (categoryProblem) refuse(categoryProblem, 'category')
    const risk = checkRisks(input.risks, input.riskNote)
    if (risk) refuse(risk.message, risk.field)
    if (input.reportDate > today) refuse(`「申报或排查」的日期 ${input.reportDate} 晚于今天，不能登记将来的日期。`, 'reportDate')
    const open = (ledger.sqlite.prepare('SELECT * FROM monitoring_cases WHERE household_id = ? AND elim_county_date IS NULL').all(input.householdId) as CaseRow[])[0]
    if (open) refuse(`该户已有一条未结束的监测记录（${open.report_date} 申报或排查，${open.category}）。风险消除后才能再次纳入监测。`, 'householdId')
    const last = ledger.sqlite.prepare('SELECT MAX(elim_county_date) FROM monitoring_cases WHERE household_id = ?').pluck().get(input.householdId) as string | null
    if (last && input.reportDate < last) refuse(`「申报或排查」的日期 ${input.reportDate} 早于上一次风险消除（${last}）。请核对日期。`, 'reportDate')
    return w.insert('monitoring_cases', {
      household_id: input.householdId,
      category: input.category,
      risks: JSON.stringify(input.risks),
      risk_note: input.risks.includes('其他') ? input.riskNote?.trim() || null : null,
      found_by: input.foundBy,
      size_at_identification: input.sizeAtIdentification,
      income_at_identification_fen: fen(input.incomeAtIdentification, '识别时家庭纯收入'),
      returned_to_poverty: input.returnedToPoverty ?? null,
      fell_into_poverty: input.fellIntoPoverty ?? null,
      report_date: input.reportDate,
      report_by: input.reportBy,
    })
  })
}

export function deleteCase(ledger: Ledger, actor: string, caseId: number): void {
  ledger.write.run({ actor }, (w) => {
    const c = caseRow(ledger, caseId)
    if (c.county_date) refuse(`这条监测记录已于 ${c.county_date} 县级审定纳入监测，不能删除。`)
    w.deleteWhere('monitoring_measures', 'case_id = ?', [caseId])
    w.delete('monitoring_cases', caseId)
  })
}

export function recordStep(ledger: Ledger, actor: string, input: z.output<typeof StepInputSchema>, today = localToday()): void {
  ledger.write.run({ actor }, (w) => {
    const row = caseRow(ledger, input.caseId)
    const c = toCase(ledger, row, today)
    const year = Number(input.date.slice(0, 4))
    const settings = settingsFor(ledger, year)
    const step = stepOf(input.step)
    const problem = checkStep(c, input, { today, publicityDays: settings?.publicityDays ?? DEFAULT_PUBLICITY_DAYS })
    if (problem) refuse(problem.message, problem.field)
    const method = input.step === 'elim_review' ? input.eliminationMethod! : c.eliminationMethod
    if (step.phase === 'eliminate') {
      const h = household(ledger, row.household_id)
      const problems = eliminationProblems(c, {
        date: input.date,
        method: method ?? '',
        settings,
        household: { dilapidatedHouse: h.dilapidated_house, safeDrinkingWater: h.safe_drinking_water, guaranteeHousing: h.guarantee_housing, guaranteeWater: h.guarantee_water },
      })
      if (problems.length > 0) refuse(`不能${step.label}：${problems.join('')}`)
    }
    const patch: Record<string, string | null> = { [`${input.step}_date`]: input.date, [`${input.step}_by`]: input.by }
    if ('period' in step) patch[`${input.step}_end`] = input.endDate ?? null
    if ('opinion' in step) patch[`${input.step}_opinion`] = input.opinion?.trim() || null
    if (input.step === 'elim_review') patch.elimination_method = method
    w.update('monitoring_cases', input.caseId, patch)
    if (input.step === 'county') {
      recordStatusEvent(ledger, actor, row.household_id, {
        kind: '纳入监测', date: input.date, monitoringCategory: row.category, risks: c.risks, riskNote: c.riskNote,
        eliminationMethod: null, note: `县级审定：${input.opinion?.trim() ?? ''}`,
      }, today)
    }
    if (input.step === 'elim_county') {
      recordStatusEvent(ledger, actor, row.household_id, {
        kind: '风险消除', date: input.date, monitoringCategory: null, risks: [], riskNote: null,
        eliminationMethod: method, note: `县级审定：${input.opinion?.trim() ?? ''}`,
      }, today)
    }
  })
}

export function addMeasure(ledger: Ledger, actor: string, input: z.output<typeof MeasureInput>, today = localToday()): number {
  return ledger.write.run({ actor }, (w) => {
    const row = caseRow(ledger, input.caseId)
    if (row.elim_county_date) refuse(`这条监测记录已于 ${row.elim_county_date} 风险消除，不能再登记帮扶措施。`)
    const allowed = MEASURE_ITEMS[input.kind]
    const unknown = input.items.find((i) => !allowed.includes(i))
    if (unknown) refuse(`「${unknown}」不是「${input.kind}」的措施。可选：${allowed.join('、')}。`, 'items')
    if (new Set(input.items).size !== input.items.length) refuse('帮扶措施内容中有重复的项，请去掉重复项。', 'items')
    if (input.items.includes('其他') && !input.otherNote?.trim()) refuse(`「${input.kind}」选了「其他」，请写明是什么措施。`, 'otherNote')
    let loan: { id: number; amountFen: number; loanDate: string } | null = null
    if (input.loanId) {
      if (input.kind !== '金融帮扶' || !input.items.includes('小额信贷')) refuse('只有「金融帮扶 / 小额信贷」措施可以关联小额信贷。', 'loanId')
      const l = getLoan(ledger, input.loanId, today)
      if (l.householdId !== row.household_id) refuse('所选的贷款不是这一户的，请重新选择。', 'loanId')
      loan = { id: l.id, amountFen: l.amountFen, loanDate: l.loanDate }
      // The measure's date and amount are the loan's: not typed twice.
      input = { ...input, date: l.loanDate }
    }
    if (input.date > today) refuse(`措施日期 ${input.date} 晚于今天，不能登记将来的日期。`, 'date')
    if (input.date < row.report_date) refuse(`措施日期 ${input.date} 早于申报或排查（${row.report_date}）。请核对日期。`, 'date')
    if (input.postHoldingId) {
      if (input.kind !== '公益岗位帮扶') refuse('只有「公益岗位帮扶」措施可以关联公益性岗位。', 'postHoldingId')
      const ok = ledger.sqlite.prepare('SELECT 1 FROM post_holdings hd JOIN members m ON m.id = hd.member_id WHERE hd.id = ? AND (hd.household_id = ? OR m.household_id = ?)').get(input.postHoldingId, row.household_id, row.household_id)
      if (!ok) refuse('所选的公益性岗位不是本户成员的上岗记录，请重新选择。', 'postHoldingId')
    }
    return w.insert('monitoring_measures', {
      case_id: input.caseId,
      kind: input.kind,
      items: JSON.stringify(input.items),
      other_note: input.items.includes('其他') ? input.otherNote!.trim() : null,
      measure_date: input.date,
      amount_fen: loan ? loan.amountFen : input.amount ? fen(input.amount, '金额') : null,
      responsible: input.responsible,
      note: input.note?.trim() || null,
      credit_loan_id: loan?.id ?? null,
      post_holding_id: input.postHoldingId ?? null,
    })
  })
}

export function deleteMeasure(ledger: Ledger, actor: string, measureId: number): void {
  ledger.write.run({ actor }, (w) => {
    const m = ledger.sqlite.prepare('SELECT case_id FROM monitoring_measures WHERE id = ?').get(measureId) as { case_id: number } | undefined
    if (!m) refuse('要删除的帮扶措施不存在，可能已被删除。请刷新后重试。')
    const row = caseRow(ledger, m!.case_id)
    if (row.elim_review_date) refuse('风险消除程序已开始，不能删除帮扶措施。')
    w.delete('monitoring_measures', measureId)
  })
}

export function setIndicators(ledger: Ledger, actor: string, input: z.output<typeof IndicatorsInput>): void {
  ledger.write.run({ actor }, (w) => {
    const row = caseRow(ledger, input.caseId)
    if (!row.county_date) refuse('尚未县级审定纳入监测，还不能填写风险消除后指标。')
    if (row.elim_county_date) refuse(`已于 ${row.elim_county_date} 风险消除审定，指标不能再修改。`)
    const patch: Record<string, string | number | null> = {}
    for (const i of INDICATORS) {
      const v = input.indicators[i.key]
      patch[i.key] = v === null ? null : i.kind === 'money' ? fen(v, i.label) : v
    }
    w.update('monitoring_cases', input.caseId, patch)
  })
}

/** Saves a year's settings; `demo` marks the row as the demo township's (only the demo passes it). */
export function saveSettings(ledger: Ledger, actor: string, input: z.output<typeof YearSettingsInput>, options: { demo?: boolean } = {}): void {
  ledger.write.run({ actor }, (w) => {
    const values = {
      line_fen: fen(input.line, '监测线'),
      publicity_days: input.publicityDays,
      min_months_before_elimination: input.minMonthsBeforeElimination,
      reminder_days_without_measure: input.reminderDaysWithoutMeasure,
      step_deadline_days: input.stepDeadlineDays ?? null,
      identification_deadline_days: input.identificationDeadlineDays ?? null,
      work_gap_days: input.workGapDays ?? null,
      post_end_days: input.postEndDays ?? null,
      is_demo: options.demo ? 1 : 0,
    }
    const id = ledger.sqlite.prepare('SELECT id FROM monitoring_settings WHERE year = ?').pluck().get(input.year) as number | undefined
    if (id) w.update('monitoring_settings', id, values)
    else w.insert('monitoring_settings', { year: input.year, ...values })
  })
}
