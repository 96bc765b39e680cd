/**
 * The monitoring case (防返贫动态监测): identification by its procedure, measures, and risk elimination
 * by its own procedure with the 13 post-elimination indicators. Pure: the rules return the clerk's
 * message (what the county would send back), the core stores the case and refuses what they refuse.
 */
import { MONITORING_CATEGORIES } from './enums'
import { ELIMINATION_METHODS, MONITORING_RISKS } from './households-status'
import type { LoanStatus } from './credit'
import type { MeasureKind } from './monitoring-measures'

export { ELIMINATION_METHODS, MONITORING_RISKS }
export const FOUND_BY = ['农户自主申报', '基层干部排查', '部门筛查预警'] as const
export type FoundBy = (typeof FOUND_BY)[number]
export const YES_NO = ['是', '否'] as const

/** The procedure steps, identification then elimination, each resting on the one before it. */
export const STEPS = [
  { key: 'report', label: '申报或排查', phase: 'identify' },
  { key: 'review', label: '村级民主评议', phase: 'identify' },
  { key: 'publicity', label: '村级公示', phase: 'identify', period: true },
  { key: 'township', label: '乡镇审核', phase: 'identify', opinion: true },
  { key: 'county', label: '县级审定', phase: 'identify', opinion: true },
  { key: 'elim_review', label: '风险消除民主评议', phase: 'eliminate' },
  { key: 'elim_publicity', label: '风险消除公示', phase: 'eliminate', period: true },
  { key: 'elim_township', label: '风险消除乡镇审核', phase: 'eliminate', opinion: true },
  { key: 'elim_county', label: '风险消除县级审定', phase: 'eliminate', opinion: true },
] as const satisfies readonly { key: string; label: string; phase: 'identify' | 'eliminate'; period?: boolean; opinion?: boolean }[]
export type StepKey = (typeof STEPS)[number]['key']
export const STEP_KEYS = STEPS.map((s) => s.key) as [StepKey, ...StepKey[]]
export const stepOf = (key: StepKey) => STEPS.find((s) => s.key === key)!
const hasPeriod = (key: StepKey) => 'period' in stepOf(key)
const hasOpinion = (key: StepKey) => 'opinion' in stepOf(key)

export interface StepRecord {
  date: string | null
  by: string | null
  /** The last day of a 公示 period. */
  endDate: string | null
  opinion: string | null
}

/** The 13 indicators filled in when the risk is eliminated (national export's 风险消除后… columns). */
export const INDICATORS = [
  { key: 'after_dropout', label: '风险消除后是否义务教育阶段适龄儿童少年失学辍学', kind: 'yesno' },
  { key: 'after_house_damaged', label: '风险消除后是否住房损毁', kind: 'yesno' },
  { key: 'after_uninsured', label: '风险消除后是否有家庭成员未参加城乡居民（职工）基本医疗保险', kind: 'yesno' },
  { key: 'after_water_damaged', label: '风险消除后是否饮水设施损毁', kind: 'yesno' },
  { key: 'after_wage_fen', label: '风险消除后工资性收入', kind: 'money' },
  { key: 'after_property_fen', label: '风险消除后财产性收入', kind: 'money' },
  { key: 'after_transfer_fen', label: '风险消除后转移性收入', kind: 'money' },
  { key: 'after_business_fen', label: '风险消除后生产经营性收入', kind: 'money' },
  { key: 'after_business_expense_fen', label: '风险消除后生产经营性支出', kind: 'money' },
  { key: 'after_net_fen', label: '风险消除后家庭纯收入', kind: 'money' },
  { key: 'after_per_capita_fen', label: '风险消除后家庭人均纯收入', kind: 'money' },
  { key: 'after_claims_fen', label: '风险消除后理赔收入', kind: 'money' },
  { key: 'after_self_paid_fen', label: '风险消除后合规自付支出', kind: 'money' },
] as const
export type IndicatorKey = (typeof INDICATORS)[number]['key']
export const INDICATOR_KEYS = INDICATORS.map((i) => i.key) as [IndicatorKey, ...IndicatorKey[]]
/** Yes/no indicators hold '是' / '否', money ones integer 分; null = blank. */
export type Indicators = Record<IndicatorKey, string | number | null>

export interface MeasureView {
  id: number
  kind: MeasureKind
  items: string[]
  otherNote: string | null
  date: string
  amountFen: number | null
  responsible: string
  note: string | null
  /** The 小额信贷 loan a 金融帮扶 / 小额信贷 measure refers to, with its figures today. */
  loan: MeasureLoan | null
  /** The 公益性岗位 holding recorded (公益岗位帮扶), with its words: 「张三 护林员 2026-01～2026-12 800.00 元/月」. */
  postHoldingId: number | null
  postHolding: string | null
}

export interface MeasureLoan {
  id: number
  bank: string
  contractNo: string | null
  amountFen: number
  loanDate: string
  dueDate: string
  balanceFen: number
  status: LoanStatus
}

export type CaseState = '识别中' | '监测中' | '消除中' | '已消除'

export interface CaseView {
  id: number
  householdId: number
  category: string
  risks: string[]
  riskNote: string | null
  foundBy: string
  sizeAtIdentification: number
  incomeAtIdentificationFen: number
  /** 识别时家庭人均纯收入, derived: 家庭纯收入 ÷ 人口, to the 分. */
  perCapitaAtIdentificationFen: number
  returnedToPoverty: string | null
  fellIntoPoverty: string | null
  steps: Record<StepKey, StepRecord>
  eliminationMethod: string | null
  indicators: Indicators
  measures: MeasureView[]
  /** 实施开发式帮扶措施情况. */
  developmentMeasure: boolean
  state: CaseState
  /** Days since 纳入 with no measure, when over the year's reminder setting. */
  daysWithoutMeasure: number | null
}

export interface YearSettings {
  year: number
  /** 监测线, 元/人/年 as 分. */
  lineFen: number
  publicityDays: number
  minMonthsBeforeElimination: number
  reminderDaysWithoutMeasure: number
  /** 监测预警: days each procedure step may take after the one it rests on; null = not set. */
  stepDeadlineDays: number | null
  /** 监测预警: days from 申报或排查 to 县级审定 at most; null = not set. */
  identificationDeadlineDays: number | null
  /** 监测预警: days after a work spell ended with no new one before it is listed; null = not set. */
  workGapDays: number | null
  /** 监测预警: days before a 公益性岗位 holding's end month runs out; null = 30 (DEFAULT_POST_END_DAYS). */
  postEndDays: number | null
  /** Written by the demo township (removed with it); saving the year makes it the clerk's. */
  isDemo: boolean
}

/** What a year without settings uses for the procedure (the income line has no default: the clerk enters it). */
export const DEFAULT_PUBLICITY_DAYS = 5

export interface MonitoringHousehold {
  householdId: number
  householdType: string | null
  /** The household's 两不愁三保障 and living conditions, as the roster and the household page keep them. */
  dilapidatedHouse: string | null
  safeDrinkingWater: string | null
  guaranteeHousing: string | null
  guaranteeWater: string | null
  activeMembers: number
  cases: CaseView[]
  /** Settings of the current year, if entered. */
  settings: YearSettings | null
}

export const caseState = (c: Pick<CaseView, 'steps'>): CaseState =>
  c.steps.elim_county.date ? '已消除' : c.steps.elim_review.date ? '消除中' : c.steps.county.date ? '监测中' : '识别中'

/** 识别时家庭人均纯收入 in 分, rounded half up. */
export const perCapitaFen = (incomeFen: number, size: number): number => (size > 0 ? Math.round(incomeFen / size) : 0)

// ---- dates ----

const pad = (n: number) => String(n).padStart(2, '0')
/** ISO date + n days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}
/** ISO date + n calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + n
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`
}
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

// ---- rules ----

/** 监测对象类别 against the household's 户类型: a 脱贫户 can only be 脱贫不稳定户, and only a 脱贫户 can be. */
export function checkCategory(householdType: string | null, category: string): string | null {
  if (!(MONITORING_CATEGORIES as readonly string[]).includes(category))
    return `「监测对象类别」须为：${MONITORING_CATEGORIES.join('、')}。`
  if (householdType === '脱贫户' && category !== '脱贫不稳定户')
    return `该户「户类型」是脱贫户，只能纳入为「脱贫不稳定户」，不能是「${category}」。`
  if (householdType !== '脱贫户' && category === '脱贫不稳定户')
    return `只有脱贫户才能纳入为「脱贫不稳定户」；该户「户类型」是「${householdType ?? '未填写'}」，请选择边缘易致贫户或突发严重困难户，或先核对户类型。`
  return null
}

/** 致贫/返贫风险: 1 to 5 standard risks, no repeats; 其他 needs a note. */
export function checkRisks(risks: readonly string[], riskNote: string | null | undefined): { field: string; message: string } | null {
  if (risks.length < 1 || risks.length > 5) return { field: 'risks', message: `需要选择 1 至 5 项「致贫返贫风险」（现为 ${risks.length} 项）。` }
  const unknown = risks.find((r) => !(MONITORING_RISKS as readonly string[]).includes(r))
  if (unknown) return { field: 'risks', message: `「${unknown}」不是标准的致贫返贫风险。标准选项：${MONITORING_RISKS.join('、')}。` }
  if (new Set(risks).size !== risks.length) return { field: 'risks', message: '「致贫返贫风险」中有重复的项，请去掉重复项。' }
  if (risks.includes('其他') && !riskNote?.trim()) return { field: 'riskNote', message: '致贫返贫风险选了「其他」，请在「风险说明」中写明是什么风险。' }
  return null
}

export interface StepInput {
  step: StepKey
  date: string
  by: string
  endDate?: string | null | undefined
  opinion?: string | null | undefined
  /** With 风险消除民主评议: 帮扶消除 or 自然消除. */
  eliminationMethod?: string | null | undefined
}

/**
 * One procedure step against the case: the step before it must be recorded, the date not before it
 * (nor before the end of a 公示 it rests on), a 公示 at least the year's days long, 审核/审定 with an opinion.
 */
export function checkStep(
  c: Pick<CaseView, 'steps' | 'eliminationMethod'>,
  input: StepInput,
  context: { today: string; publicityDays: number },
): { field: string; message: string } | null {
  const index = STEP_KEYS.indexOf(input.step)
  const step = STEPS[index]!
  const fail = (field: string, message: string) => ({ field, message })
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return fail('date', `「${step.label}」需要填写日期（如 2023-06-30）。`)
  if (input.date > context.today) return fail('date', `「${step.label}」的日期 ${input.date} 晚于今天，不能登记将来的日期。`)
  if (!input.by.trim()) return fail('by', `「${step.label}」需要填写经办人（谁做的这一步）。`)
  if (index === 0) return null
  const prev = STEPS[index - 1]!
  const prevRecord = c.steps[prev.key]
  if (!prevRecord.date) return fail('step', `还没有登记「${prev.label}」，不能登记「${step.label}」。请按程序先登记「${prev.label}」。`)
  const next = STEPS[index + 1]
  if (next && c.steps[next.key].date) return fail('step', `「${next.label}」已登记，不能再修改「${step.label}」。`)
  if (c.steps[input.step].date && (input.step === 'county' || input.step === 'elim_county'))
    return fail('step', `「${step.label}」已登记，审定后不能修改。`)
  const restsOn = prevRecord.endDate ?? prevRecord.date
  if (input.date < restsOn) {
    const what = prevRecord.endDate ? `「${prev.label}」期满（${prevRecord.endDate}）` : `「${prev.label}」（${prevRecord.date}）`
    return fail('date', `「${step.label}」的日期 ${input.date} 早于${what}。这一步不能早于它所依据的上一步，请核对日期。`)
  }
  if (hasPeriod(input.step)) {
    if (!input.endDate) return fail('endDate', `「${step.label}」需要填写公示结束日期。`)
    if (input.endDate < input.date) return fail('endDate', `「${step.label}」的结束日期 ${input.endDate} 早于开始日期 ${input.date}。`)
    const days = daysBetween(input.date, input.endDate) + 1
    if (days < context.publicityDays)
      return fail('endDate', `「${step.label}」只有 ${days} 天，本年度设置的公示期为 ${context.publicityDays} 天（${input.date} 起至少到 ${addDays(input.date, context.publicityDays - 1)}）。`)
  }
  if (hasOpinion(input.step) && !input.opinion?.trim()) return fail('opinion', `「${step.label}」需要填写意见。`)
  if (input.step === 'elim_review') {
    const method = input.eliminationMethod ?? c.eliminationMethod
    if (!method || !(ELIMINATION_METHODS as readonly string[]).includes(method))
      return fail('eliminationMethod', `风险消除需要选择「消除方式」：${ELIMINATION_METHODS.join('、')}。`)
  }
  return null
}

export interface EliminationContext {
  /** The date of the elimination step being recorded. */
  date: string
  method: string
  settings: YearSettings | null
  household: Pick<MonitoringHousehold, 'dilapidatedHouse' | 'safeDrinkingWater' | 'guaranteeHousing' | 'guaranteeWater'>
}

/**
 * Whether the risk may be eliminated: every problem a county would send the case back for, each
 * naming what is missing. Empty when it may.
 */
export function eliminationProblems(c: Pick<CaseView, 'steps' | 'measures' | 'indicators'>, ctx: EliminationContext): string[] {
  const out: string[] = []
  const year = ctx.date.slice(0, 4)
  if (ctx.method === '帮扶消除' && c.measures.length === 0)
    out.push('「帮扶消除」需要至少一项帮扶措施，该户还没有登记帮扶措施。请先登记措施，或改为「自然消除」。')
  const blank = INDICATORS.filter((i) => c.indicators[i.key] === null || c.indicators[i.key] === undefined)
  if (blank.length > 0) out.push(`风险消除后指标未填写：${blank.map((i) => i.label).join('、')}。`)
  const perCapita = c.indicators.after_per_capita_fen
  if (!ctx.settings) out.push(`还没有设置 ${year} 年的监测线。请在「监测设置」中填写本省 ${year} 年的监测线后再消除风险。`)
  else if (typeof perCapita === 'number' && perCapita < ctx.settings.lineFen)
    out.push(`风险消除后家庭人均纯收入 ${yuan(perCapita)} 元低于 ${year} 年监测线 ${yuan(ctx.settings.lineFen)} 元，不能消除风险。`)
  const h = ctx.household
  if (h.dilapidatedHouse === '是' || h.guaranteeHousing === '有短板')
    out.push('该户住房安全仍未保障（危房户或「住房安全保障」有短板），请先解决住房安全并在户页面更新后再消除风险。')
  if (h.safeDrinkingWater === '否' || h.guaranteeWater === '有短板')
    out.push('该户饮水安全仍未保障（饮水不安全或「饮水安全保障」有短板），请先解决饮水安全并在户页面更新后再消除风险。')
  for (const i of INDICATORS) if (i.kind === 'yesno' && c.indicators[i.key] === '是') out.push(`「${i.label}」为「是」，风险尚未消除。`)
  const approved = c.steps.county.date
  const min = ctx.settings?.minMonthsBeforeElimination ?? 0
  if (approved && min > 0 && ctx.date < addMonths(approved, min))
    out.push(`纳入监测（${approved}）不满 ${min} 个月，最早 ${addMonths(approved, min)} 才能消除风险。`)
  return out
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}${fen % 100 ? `.${String(fen % 100).padStart(2, '0')}` : ''}`

// ---- 修改记录 ----

export type MonitoringTable = 'monitoring_cases' | 'monitoring_measures'

const CASE_FIELDS: Record<string, string> = {
  category: '监测对象类别', risks: '致贫返贫风险', risk_note: '风险说明', found_by: '识别方式', size_at_identification: '识别时家庭人口数',
  income_at_identification_fen: '识别时家庭纯收入', returned_to_poverty: '是否返贫', fell_into_poverty: '是否致贫', elimination_method: '风险消除方式',
  ...Object.fromEntries(INDICATORS.map((i) => [i.key, i.label])),
  ...Object.fromEntries(
    STEPS.flatMap((s) => [
      [`${s.key}_date`, `${s.label}日期`], [`${s.key}_by`, `${s.label}经办人`], [`${s.key}_end`, `${s.label}结束日期`], [`${s.key}_opinion`, `${s.label}意见`],
    ]),
  ),
}
const MEASURE_FIELDS: Record<string, string> = {
  kind: '措施类别', items: '措施内容', other_note: '其他措施说明', measure_date: '措施日期', amount_fen: '措施金额', responsible: '措施责任人', note: '措施备注',
}

/** The 修改记录 label of a monitoring column (what the clerk sees on the 监测 tab). */
export const monitoringFieldLabel = (table: MonitoringTable, field: string): string =>
  (table === 'monitoring_cases' ? CASE_FIELDS[field] : MEASURE_FIELDS[field]) ?? field

/** A stored monitoring value as the clerk reads it: lists (risks, items) joined with 、. */
export function monitoringFieldValue(field: string | null, value: string | null): string | null {
  if (value === null || (field !== 'risks' && field !== 'items') || !value.startsWith('[')) return value
  try {
    return (JSON.parse(value) as string[]).join('、')
  } catch {
    return value
  }
}

/** One line naming a case or a measure, for its 登记 / 删除 rows in 修改记录. */
export function monitoringRecordSummary(table: MonitoringTable, row: Record<string, unknown>): string {
  const text = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : '')
  if (table === 'monitoring_cases') {
    return `${text('report_date')} 申报或排查：${text('category')}，风险 ${monitoringFieldValue('risks', text('risks') || null) ?? ''}`
  }
  const amount = typeof row.amount_fen === 'number' ? `，${yuan(row.amount_fen)} 元` : ''
  return `${text('measure_date')} ${text('kind')}：${monitoringFieldValue('items', text('items') || null) ?? ''}${amount}`
}
