/**
 * Projects (扶贫项目 / 衔接资金项目): enumerations, money in 万元, the
 * lifecycle rules and what is derived from a project's records (status,
 * 滞后, fund totals). Pure: both the core and the UI use it.
 */
import { fenToYuanText } from './money'

export const PROJECT_CATEGORIES = ['产业发展', '就业项目', '乡村建设行动', '基础设施', '生活条件改善', '教育', '易地搬迁后扶', '项目管理费', '其他'] as const
export const PROJECT_NATURES = ['新建', '改建', '扩建', '其他'] as const

/** The standard 资金来源, in the order the county's tables list them. */
export const FUND_SOURCES = ['中央衔接资金', '省级衔接资金', '市级', '县级', '帮扶单位资金', '群众自筹', '投工投劳', '其他'] as const
export type StandardFundSource = (typeof FUND_SOURCES)[number]
/**
 * A source of a budget line: one of the standard ones or any other a county's file brings
 * (「省级财政资金」, 「涉农整合资金」, 「东西部协作资金」…): the list grows as files bring sources.
 */
export type FundSource = string
/** Budget sources that are public (财政) money: what an assisting unit 争取 for a village. */
export const FISCAL_SOURCES: readonly FundSource[] = ['中央衔接资金', '省级衔接资金', '市级', '县级']

/** Sources in the county's order: the standard ones first, then any other in the order first seen. */
export function orderSources(names: Iterable<FundSource>): FundSource[] {
  const seen = [...new Set(names)]
  const standard = (FUND_SOURCES as readonly string[]).filter((s) => seen.includes(s))
  return [...standard, ...seen.filter((s) => !(FUND_SOURCES as readonly string[]).includes(s))]
}

/** The sources a total has money in, in order. */
export const sourcesWithMoney = (totals: FundTotals): FundSource[] => orderSources(Object.keys(totals.bySource)).filter((s) => totals.bySource[s] !== 0)

export const MILESTONE_KINDS = ['申报', '乡镇审核', '入库', '批复', '招标', '开工', '竣工', '验收', '资产移交'] as const
export type MilestoneKind = (typeof MILESTONE_KINDS)[number]
export const ACCEPTANCE_RESULTS = ['合格', '不合格'] as const

export const INDICATOR_LEVELS = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益', '社会效益', '生态效益', '可持续影响'],
  满意度指标: ['受益对象满意度'],
} as const
export type IndicatorLevel1 = keyof typeof INDICATOR_LEVELS
export const INDICATOR_LEVEL1 = Object.keys(INDICATOR_LEVELS) as IndicatorLevel1[]

export const ASSET_CATEGORIES = ['经营性', '公益性', '到户类'] as const

/**
 * 万元 text → 分 (1 万元 = 1 000 000 分). Parsed as text, never as a float, so
 * 0.1 + 0.2 万元 is exactly 3000 元. Up to 6 decimals (down to the 分).
 */
export function wanTextToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text.replace(/[,，\s]/g, ''))
  if (!m) return null
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'))
}

/** 300000 分 → '0.3' 万元: exact, trailing zeros dropped. */
export function fenToWanText(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  const frac = String(abs % 1_000_000).padStart(6, '0').replace(/0+$/, '')
  return `${sign}${Math.floor(abs / 1_000_000)}${frac ? `.${frac}` : ''}`
}

/** Rate in percent with one decimal, computed on integers (no drift); null without a budget. */
export function ratePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.round((part * 1000) / whole) / 10
}

export interface MilestoneFact {
  kind: string
  date: string
  result: string | null
}

/**
 * Checks a new milestone against those already recorded; returns the Chinese
 * reason it is refused, or null. No acceptance before completion, no handover
 * before an acceptance passed, completion not before the start.
 */
export function milestoneRefusal(existing: readonly MilestoneFact[], next: MilestoneFact): string | null {
  const latest = (kind: string) => existing.filter((m) => m.kind === kind).sort((a, b) => b.date.localeCompare(a.date))[0]
  const started = latest('开工')
  const completed = latest('竣工')
  if (next.kind === '竣工' && started && next.date < started.date) {
    return `竣工日期 ${next.date} 早于开工日期 ${started.date}，请核对。`
  }
  if (next.kind === '验收') {
    if (!completed) return '项目尚未竣工，不能验收。请先登记竣工日期。'
    if (next.date < completed.date) return `验收日期 ${next.date} 早于竣工日期 ${completed.date}，请核对。`
    if (next.result !== '合格' && next.result !== '不合格') return '请选择验收结论：合格或不合格。'
  }
  if (next.kind === '资产移交') {
    const passed = existing.filter((m) => m.kind === '验收' && m.result === '合格').sort((a, b) => b.date.localeCompare(a.date))[0]
    if (!passed) return '项目验收合格后才能办理资产移交。请先登记合格的验收。'
    if (next.date < passed.date) return `移交日期 ${next.date} 早于验收合格日期 ${passed.date}，请核对。`
  }
  return null
}

export type ProjectStatus = '未开工' | '在建' | '已竣工' | '验收不合格' | '已验收' | '已移交'
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['未开工', '在建', '已竣工', '验收不合格', '已验收', '已移交']

/** The current stage, from the milestones (the latest acceptance decides between 合格 and 不合格). */
export function projectStatus(milestones: readonly MilestoneFact[]): ProjectStatus {
  const has = (kind: string) => milestones.some((m) => m.kind === kind)
  if (has('资产移交')) return '已移交'
  const acceptances = milestones.filter((m) => m.kind === '验收').sort((a, b) => a.date.localeCompare(b.date))
  const lastAcceptance = acceptances[acceptances.length - 1]
  if (lastAcceptance) return lastAcceptance.result === '合格' ? '已验收' : '验收不合格'
  if (has('竣工')) return '已竣工'
  if (has('开工')) return '在建'
  return '未开工'
}

/** 滞后: past the planned end (as of `today`) and not yet completed. */
export function isLagging(plannedEnd: string | null, status: ProjectStatus, today: string): boolean {
  if (!plannedEnd) return false
  const complete = status !== '未开工' && status !== '在建'
  return !complete && plannedEnd < today
}

export interface FundTotals {
  /** Budget per source: every standard source (0 when none) and any other the budget lines name. */
  bySource: Record<FundSource, number>
  budgetFen: number
  disbursedFen: number
  balanceFen: number
  /** 拨付率, percent with one decimal. */
  disbursedRate: number | null
  overDisbursed: boolean
}

function totalsOf(bySource: Record<FundSource, number>, disbursedFen: number): FundTotals {
  const budgetFen = Object.values(bySource).reduce((n, fen) => n + fen, 0)
  return {
    bySource,
    budgetFen,
    disbursedFen,
    balanceFen: budgetFen - disbursedFen,
    disbursedRate: ratePercent(disbursedFen, budgetFen),
    overDisbursed: disbursedFen > budgetFen,
  }
}

export function fundTotals(budget: readonly { source: string; amountFen: number }[], disbursed: readonly { amountFen: number }[]): FundTotals {
  const bySource: Record<FundSource, number> = Object.fromEntries(FUND_SOURCES.map((s) => [s, 0]))
  for (const line of budget) bySource[line.source] = (bySource[line.source] ?? 0) + line.amountFen
  return totalsOf(bySource, disbursed.reduce((n, d) => n + d.amountFen, 0))
}

/** A fund source paid beyond its own budget line(s), though the project as a whole may not be over. */
export interface SourceOverrun {
  source: FundSource
  budgetFen: number
  disbursedFen: number
}

/**
 * Sources whose disbursements exceed their budget (中央衔接资金 340 000 paid against 300 000), in the
 * county's order. Disbursements without a source are not attributed to any.
 */
export function sourceOverruns(budget: readonly { source: string; amountFen: number }[], disbursed: readonly { source: string | null; amountFen: number }[]): SourceOverrun[] {
  const budgetBy = new Map<string, number>()
  for (const b of budget) budgetBy.set(b.source, (budgetBy.get(b.source) ?? 0) + b.amountFen)
  const paidBy = new Map<string, number>()
  for (const d of disbursed) if (d.source) paidBy.set(d.source, (paidBy.get(d.source) ?? 0) + d.amountFen)
  return orderSources(paidBy.keys())
    .map((source) => ({ source, budgetFen: budgetBy.get(source) ?? 0, disbursedFen: paidBy.get(source) ?? 0 }))
    .filter((o) => o.disbursedFen > o.budgetFen)
}

export function sumTotals(list: readonly FundTotals[]): FundTotals {
  const bySource: Record<FundSource, number> = Object.fromEntries(FUND_SOURCES.map((s) => [s, 0]))
  for (const t of list) for (const [s, fen] of Object.entries(t.bySource)) bySource[s] = (bySource[s] ?? 0) + fen
  return totalsOf(bySource, list.reduce((n, t) => n + t.disbursedFen, 0))
}

// ---- Views returned by the core ----

export interface ProjectListItem {
  id: number
  projectNo: string | null
  name: string
  category: string | null
  year: string | null
  village: string | null
  implementer: string | null
  plannedEnd: string | null
  status: ProjectStatus
  lagging: boolean
  totals: FundTotals
}

export interface ProjectListResult {
  items: ProjectListItem[]
  total: number
  /** Totals row over every project matching the filter (not only this page). */
  totals: FundTotals
  years: string[]
}

export interface BudgetLineView {
  id: number
  source: string
  unitName: string | null
  amountFen: number
  note: string | null
}
export interface DisbursementView {
  id: number
  date: string
  amountFen: number
  source: string | null
  batch: string | null
  docNo: string | null
  payee: string | null
}
export interface IndicatorView {
  id: number
  level1: string
  level2: string | null
  indicator: string
  target: string | null
  unit: string | null
  actual: string | null
}
export interface MilestoneView {
  id: number
  kind: string
  date: string
  result: string | null
  winner: string | null
  note: string | null
}
export interface ProgressView {
  id: number
  date: string
  percent: number
  investedFen: number | null
  lagReason: string | null
}
export interface BeneficiaryView {
  id: number
  householdId: number
  householdNo: string | null
  headName: string | null
  headIdNumber: string | null
  village: string
  persons: number
  exitStatus: string | null
  monitored: boolean
}
export interface AssetView {
  id: number
  projectId: number
  projectName: string
  assetNo: string | null
  name: string
  category: string
  quantity: string | null
  unit: string | null
  originalValueFen: number | null
  builtDate: string | null
  location: string | null
  owner: string | null
  operator: string | null
  custodian: string | null
  custodianPerson: string | null
  incomeDistribution: string | null
  householdId: number | null
  householdLabel: string | null
  note: string | null
  village: string | null
}

export interface BeneficiaryCounts {
  households: number
  persons: number
  poorHouseholds: number
  poorPersons: number
  monitoredHouseholds: number
  monitoredPersons: number
}

/** Editable project fields, as the form and the import write them. */
export interface ProjectFields {
  projectNo: string | null
  projectName: string
  category: string | null
  subtype: string | null
  nature: string | null
  year: string | null
  township: string | null
  villageId: number | null
  location: string | null
  content: string | null
  plannedStart: string | null
  plannedEnd: string | null
  implementer: string | null
  responsibleUnit: string | null
  responsiblePerson: string | null
  responsiblePhone: string | null
  assistingUnit: string | null
  farmerLink: string | null
  /** 施工单位 and 监理单位: they sign the 验收单 where the project has them. */
  contractor: string | null
  supervisor: string | null
  declaredHouseholds: number | null
  declaredPersons: number | null
  declaredPoorHouseholds: number | null
  declaredPoorPersons: number | null
  settlementFen: number | null
  acceptanceOpinion: string | null
  acceptanceChecks: string | null
  rectification: string | null
  handoverNote: string | null
}

export interface ProjectDetail extends ProjectFields {
  id: number
  village: string | null
  status: ProjectStatus
  lagging: boolean
  totals: FundTotals
  budget: BudgetLineView[]
  disbursements: DisbursementView[]
  indicators: IndicatorView[]
  milestones: MilestoneView[]
  progress: ProgressView[]
  beneficiaries: BeneficiaryView[]
  /** Counted from the linked households; the declared counts stand when none are linked. */
  beneficiaryCounts: BeneficiaryCounts
  assets: AssetView[]
  /** Sources paid beyond their own budget (also named in the warnings). */
  sourceOverruns: SourceOverrun[]
  /** Clerk-facing warnings: over-disbursed (whole project or a source), no 绩效目标, lagging. */
  warnings: string[]
}

/**
 * 实施地点 as printed: township, village, then the place — without repeating the village (or township)
 * the place already names: 示例镇 + 后营村 + 「后营村2组」 → 「示例镇后营村2组」.
 */
export function projectPlace(township: string | null, village: string | null, location: string | null): string {
  let rest = (location ?? '').trim()
  for (const part of [township, village]) if (part && rest.startsWith(part)) rest = rest.slice(part.length).trim()
  if (village && rest.startsWith(village)) rest = rest.slice(village.length).trim()
  return [township ?? '', village ?? '', rest].join('')
}

/** An amount in 万元 or 元, as a county file writes it: 「58.4 万元」, 「584000 元」. */
export const amountText = (fen: number, unit: 'wan' | 'yuan'): string => (unit === 'wan' ? `${fenToWanText(fen)} 万元` : `${fenToYuanText(fen)} 元`)
