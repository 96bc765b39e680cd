/**
 * What a check is: plain data (code, title, category, severity, the record it reads, the national
 * columns it reads, the checks.tsv numbers it covers) plus one predicate and one message, and two
 * example records — one that fires it and one that does not — which the catalogue test runs.
 */
import type { CaseData, HouseholdData, LedgerData, MemberData, VillageData } from '../data'
import type { HelperView, HouseholdView, PersonView, ProjectView, RunContext, VillageView } from '../views'

export const SEVERITIES = ['错误', '疑点', '提示'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The categories of ../shared/domain/checks.tsv, plus the checks only a ledger can do. */
export const CATEGORIES = [
  'identity', 'household', 'income', '三保障:education', '三保障:medical', '三保障:housing', '三保障:water', '三保障:composite',
  'other:land', 'other:labor', 'other:living', 'other:phone', 'other:attributes', 'other:work', 'other:village',
  'monitoring', 'assistance', 'ledger',
] as const
export type Category = (typeof CATEGORIES)[number]

export const CATEGORY_LABELS: Record<Category, string> = {
  identity: '身份信息', household: '家庭关系', income: '收入', '三保障:education': '义务教育', '三保障:medical': '基本医疗',
  '三保障:housing': '住房安全', '三保障:water': '饮水安全', '三保障:composite': '三保障综合', 'other:land': '土地',
  'other:labor': '劳动力', 'other:living': '生活条件', 'other:phone': '联系电话', 'other:attributes': '人员属性',
  'other:work': '务工', 'other:village': '行政村', monitoring: '监测', assistance: '帮扶措施', ledger: '台账核对',
}

export interface RecordViews {
  person: PersonView
  household: HouseholdView
  /** A household moved out of the roster (移出). */
  departed: HouseholdView
  village: VillageView
  helper: HelperView
  project: ProjectView
}
export type RecordKind = keyof RecordViews

/**
 * A record to test a rule on, as a patch over the clean example household (../examples.ts):
 * household fields, members by position (extra ones appended), the monitoring case (null: none).
 */
export interface Example {
  household?: Partial<HouseholdData>
  members?: readonly Partial<MemberData>[]
  case?: Partial<CaseData> | null
  /** Measures by kind (national column name) → items. */
  measures?: Readonly<Record<string, readonly string[]>>
  village?: Partial<VillageData>
  /** Anything else: a second household, pairings, visits, aid, projects, work spells. */
  more?: (data: LedgerData) => void
  asOf?: string
}

export interface RuleDef<K extends RecordKind = RecordKind> {
  /** Stable code, also the file's section: `<category folder>.<name>`. */
  code: string
  title: string
  category: Category
  severity: Severity
  record: K
  /** The national column names (or ledger field names) the rule reads, in the order the export shows them. */
  fields: readonly string[]
  /** The field named in the message (default: the first of fields). */
  field?: string
  /** checks.tsv numbers this rule covers. */
  covers: readonly string[]
  /** Fires on this record? */
  test(r: RecordViews[K], ctx: RunContext): boolean
  /** Chinese: what is wrong (field, value) and what to do. */
  message(r: RecordViews[K], ctx: RunContext): string
  examples: { fires: Example; passes: Example }
}

/** Declares a rule; keeps the record kind's view type for the predicate. */
export function rule<K extends RecordKind>(def: RuleDef<K>): RuleDef<K> {
  return def
}
