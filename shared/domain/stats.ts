/**
 * Statistics (统计): what the dashboard, the per-village table and the county's report workbooks
 * show, as of a chosen date, and the selectors that name the households behind each figure.
 * Pure types and small rules; the core computes them (electron/core/stats/).
 */
import { MONITORING_CATEGORIES } from './enums'

export interface HP {
  households: number
  persons: number
}

/** One row of 村级统计 (the CLI's JSON carries the first six fields of it). */
export interface VillageStatsRow {
  villageId: number | null
  village: string
  households: number
  persons: number
  tuopin: HP
  /** 监测对象: every household monitored by the date, eliminated or not. */
  monitored: HP
  monitoredByCategory: Record<string, HP>
  /** 未消除风险: under monitoring on the date. */
  open: HP
  /** 未消除风险, not 整户无劳动能力兜底保障户. */
  openNotDoudi: HP
  /** 三保障 and water gaps (households 有短板). */
  gaps: Record<GapKey, number>
  /** Persons working away (外出务工). */
  workingAway: number
  projects: number
  plannedFen: number
  paidFen: number
  /** 农业人口 (the village's 总人口数) when known: the base of 贫困发生率. */
  agriculturalPopulation: number | null
  /** Persons of households 未脱贫 or 返贫 on the date. */
  poorPersons: number
}

export interface VillageStats {
  asOf: string
  township: string
  villages: VillageStatsRow[]
  total: VillageStatsRow
}

export const GAP_KEYS = ['education', 'medical', 'housing', 'water'] as const
export type GapKey = (typeof GAP_KEYS)[number]
export const GAP_LABELS: Record<GapKey, string> = { education: '义务教育', medical: '基本医疗', housing: '住房安全', water: '饮水安全' }

/** Per-capita income against the year's 监测线. */
export const INCOME_BANDS = [
  { key: 'below', label: '低于监测线' },
  { key: 'to150', label: '监测线～1.5倍' },
  { key: 'to200', label: '1.5～2倍' },
  { key: 'above', label: '2倍以上' },
  { key: 'unknown', label: '未填收入' },
] as const
export type IncomeBand = (typeof INCOME_BANDS)[number]['key']

export function incomeBand(perCapitaFen: number | null, lineFen: number | null): IncomeBand {
  if (perCapitaFen === null || lineFen === null) return 'unknown'
  if (perCapitaFen < lineFen) return 'below'
  if (perCapitaFen * 2 < lineFen * 3) return 'to150'
  if (perCapitaFen < lineFen * 2) return 'to200'
  return 'above'
}

/**
 * The households behind a figure: which figure, its value (a 户类型, a month, a province …) and
 * optionally one village. The household list takes it as a filter, so a click on a chart opens
 * exactly the households the chart counted.
 */
export const STATS_FIGURES = [
  'all', 'type', 'exit', 'poor', 'monitored', 'open', 'openNotDoudi', 'eliminated', 'risk', 'identifiedMonth',
  'eliminatedMonth', 'income', 'gap', 'workAway', 'workProvince', 'workChannel', 'helper', 'visited', 'notVisited', 'paired',
] as const
export type StatsFigure = (typeof STATS_FIGURES)[number]

export interface StatsSelector {
  asOf: string
  figure: StatsFigure
  value?: string | undefined
  villageId?: number | undefined
}

/** What the household list shows above a list opened from a figure. */
export function selectorLabel(s: StatsSelector, villageName?: string): string {
  const v = s.value ?? ''
  const what: Record<StatsFigure, string> = {
    all: '全部户',
    type: `户类型：${v}`,
    exit: `脱贫状态：${v}`,
    poor: '未脱贫和返贫户',
    monitored: v ? `监测对象：${v}` : '监测对象',
    open: v ? `未消除风险：${v}` : '未消除风险',
    openNotDoudi: '非兜底未消除风险',
    eliminated: '风险已消除',
    risk: `未消除风险，风险：${v}`,
    identifiedMonth: `${v} 纳入监测`,
    eliminatedMonth: `${v} 风险消除`,
    income: `人均纯收入：${INCOME_BANDS.find((b) => b.key === v)?.label ?? v}`,
    gap: v ? `${GAP_LABELS[v as GapKey] ?? v}有短板` : '三保障或饮水有短板',
    workAway: '有外出务工人员',
    workProvince: `务工所在省：${v}`,
    workChannel: `就业渠道：${v}`,
    helper: '该帮扶责任人结对的户',
    visited: `近 ${v} 天已走访的结对户`,
    notVisited: `近 ${v} 天未走访的结对户`,
    paired: '有帮扶责任人的户',
  }
  return `${villageName ? `${villageName}，` : ''}${what[s.figure]}（截至 ${s.asOf}）`
}

export interface Count {
  key: string
  label?: string
  households: number
  persons: number
}

export interface HouseholdsOverview {
  asOf: string
  total: HP
  byType: Count[]
  byExit: Count[]
  /** 贫困发生率 per village: poor persons / agricultural population, percent with two decimals; null where the population is unknown. */
  incidence: { villageId: number; village: string; poorPersons: number; population: number | null; rate: number | null }[]
  gaps: { key: GapKey; households: number }[]
  gapAny: number
  /** 监测线 of the as-of year, 分 per person per year; null when not set. */
  lineFen: number | null
  lineYear: number | null
  income: { key: IncomeBand; households: number }[]
}

export interface MonitoringStats {
  asOf: string
  monitored: HP
  open: HP
  eliminated: HP
  openNotDoudi: HP
  byCategory: { category: string; open: number; eliminated: number }[]
  byRisk: { risk: string; households: number }[]
  /** The twelve months up to the as-of date: 纳入监测 and 风险消除 events. */
  months: { month: string; identified: number; eliminated: number }[]
  /** Average days from 纳入监测 to 风险消除 of the eliminations by the date; null without one. */
  averageDaysToElimination: number | null
  eliminationsCounted: number
}

export interface WorkStats {
  asOf: string
  /** Where the figures come from (member 务工 fields today; work spells later). */
  source: string
  persons: number
  households: number
  byProvince: { province: string; persons: number }[]
  byChannel: { channel: string; persons: number }[]
  /** Average monthly income of persons working away with an income given, 分. */
  averageMonthlyIncomeFen: number | null
  withIncome: number
}

export interface ProjectsStats {
  asOf: string
  year: string
  /** Every year the project ledger has, newest first. */
  years: string[]
  projects: number
  plannedFen: number
  paidFen: number
  /** Percent, one decimal; null without a budget. */
  paidRate: number | null
  bySource: { source: string; plannedFen: number }[]
  byStatus: { status: string; projects: number }[]
  byVillage: { villageId: number | null; village: string; projects: number; plannedFen: number; paidFen: number }[]
  lagging: number
}

export interface HelperStatsRow {
  helperId: number
  name: string
  unit: string | null
  title: string | null
  households: number
  /** Visits to the paired households in the as-of year. */
  visitsThisYear: number
  lastVisit: string | null
  visited30: number
  visited90: number
  heads: string[]
}

export interface HelpersStats {
  asOf: string
  helpers: number
  pairedHouseholds: number
  visited30: number
  visited90: number
  /** Percent of paired households, one decimal. */
  coverage30: number | null
  coverage90: number | null
  rows: HelperStatsRow[]
}

/** A table laid out the way a county form is: printed by the forms print path and written to .xlsx. */
export type ReportColumnKind = 'text' | 'int' | 'wan' | 'pct'
export interface ReportHeaderCell {
  text: string
  colSpan?: number
  rowSpan?: number
}
export interface ReportTable {
  kind: ReportKind
  title: string
  /** 填报单位. */
  unit: string
  asOf: string
  /** 单位：户、人 / 万元. */
  measure: string
  header: ReportHeaderCell[][]
  kinds: ReportColumnKind[]
  /** Relative column widths. */
  widths: number[]
  rows: (string | number | null)[][]
  total: (string | number | null)[] | null
  note?: string
}

export const REPORT_KINDS = ['villages', 'monitoring', 'funds', 'visits'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_TITLES: Record<ReportKind, string> = {
  villages: '村级统计表',
  monitoring: '乡镇监测对象情况统计表',
  funds: '衔接资金项目拨付进度表',
  visits: '帮扶责任人结对走访情况表',
}

/** A report cell as printed: 万元 with four decimals, percent with one. */
export function reportCellText(v: string | number | null, kind: ReportColumnKind): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (kind === 'wan') return fenToWan(v)
  if (kind === 'pct') return `${v.toFixed(1)}%`
  return String(v)
}

/** 分 → 万元 text with four decimals (to the 元), on integers: 1 万元 = 1 000 000 分. */
export function fenToWan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const yuan = Math.floor((Math.abs(Math.round(fen)) + 50) / 100)
  return `${sign}${Math.floor(yuan / 10_000)}.${String(yuan % 10_000).padStart(4, '0')}`
}

export const CATEGORIES: readonly string[] = MONITORING_CATEGORIES

const ISO = /^\d{4}-\d{2}-\d{2}$/

/** '#/households?figure=open&value=…&asOf=…&village=3': the household list behind a figure. */
export function statsListHash(s: StatsSelector): string {
  const q = new URLSearchParams({ figure: s.figure, asOf: s.asOf })
  if (s.value) q.set('value', s.value)
  if (s.villageId) q.set('village', String(s.villageId))
  return `#/households?${q.toString()}`
}

export function statsSelectorFromHash(hash: string): StatsSelector | null {
  const m = /^#\/households\?(.*)$/.exec(hash)
  if (!m) return null
  const q = new URLSearchParams(m[1])
  const figure = q.get('figure') as StatsFigure | null
  const asOf = q.get('asOf') ?? ''
  if (!figure || !(STATS_FIGURES as readonly string[]).includes(figure) || !ISO.test(asOf)) return null
  const village = Number(q.get('village'))
  return { figure, asOf, value: q.get('value') ?? undefined, villageId: Number.isInteger(village) && village > 0 ? village : undefined }
}

/** '#/print/stats/funds?asOf=…&year=…': a report form on the forms print path. */
export function statsPrintHash(kind: ReportKind, asOf: string, year?: string): string {
  const q = new URLSearchParams({ asOf })
  if (year) q.set('year', year)
  return `#/print/stats/${kind}?${q.toString()}`
}

export function statsPrintFromHash(hash: string): { kind: ReportKind; asOf: string; year?: string } | null {
  const m = /^#\/print\/stats\/([a-z]+)\?(.*)$/.exec(hash)
  if (!m || !(REPORT_KINDS as readonly string[]).includes(m[1]!)) return null
  const q = new URLSearchParams(m[2])
  const asOf = q.get('asOf') ?? ''
  const year = q.get('year') ?? ''
  if (!ISO.test(asOf)) return null
  return { kind: m[1] as ReportKind, asOf, year: /^\d{4}$/.test(year) ? year : undefined }
}

/** The project list's filters a figure opens with: '#/projects?year=2024&status=在建'. */
export interface ProjectListFilter {
  year?: string
  villageId?: number
  status?: string
  source?: string
  lagging?: boolean
}

export function projectsListHash(f: ProjectListFilter): string {
  const q = new URLSearchParams()
  if (f.year) q.set('year', f.year)
  if (f.villageId) q.set('village', String(f.villageId))
  if (f.status) q.set('status', f.status)
  if (f.source) q.set('source', f.source)
  if (f.lagging) q.set('lagging', '1')
  return `#/projects?${q.toString()}`
}

export function projectFilterFromHash(hash: string): ProjectListFilter | null {
  const m = /^#\/projects\?(.*)$/.exec(hash)
  if (!m) return null
  const q = new URLSearchParams(m[1])
  const out: ProjectListFilter = {}
  const year = q.get('year')
  if (year && /^\d{4}$/.test(year)) out.year = year
  const village = Number(q.get('village'))
  if (Number.isInteger(village) && village > 0) out.villageId = village
  if (q.get('status')) out.status = q.get('status')!
  if (q.get('source')) out.source = q.get('source')!
  if (q.get('lagging') === '1') out.lagging = true
  return out
}
