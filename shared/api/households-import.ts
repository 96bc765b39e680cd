/** What the roster import shows and asks for across the API boundary. */
import type { CheckWouldAdd } from './checks'
import type { FieldKey } from '../import/households-fields'

export interface ImportIssueView {
  sheet: string
  row: number
  column: string
  severity: 'error' | 'warning'
  code: string
  message: string
}

export interface ColumnView {
  index: number
  letter: string
  header: string
  field: FieldKey | null
  /** First non-empty values, to help the clerk check the mapping. */
  samples: string[]
}

export interface FieldDiff {
  field: string
  label: string
  before: string | null
  after: string | null
}

export interface HouseholdChangeView {
  householdNo: string | null
  headName: string | null
  village: string
  firstRow: number
  /** Household-level differences, then per-member ones prefixed with the member's name. */
  diffs: FieldDiff[]
  newMembers: string[]
}

export interface MissingView {
  kind: 'household' | 'member'
  id: number
  householdNo: string | null
  name: string
  village: string
}

export interface CountSet {
  new: number
  changed: number
  unchanged: number
  missing: number
}

export interface RosterPreview {
  fileName: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  columns: ColumnView[]
  /** The mapping came from an earlier correction for a file with the same header. */
  rememberedMapping: boolean
  households: CountSet
  members: CountSet
  errorCount: number
  warningCount: number
  /** Households that contain an error row (left out when importing with skipErrors). */
  blockedHouseholds: number
  issues: ImportIssueView[]
  issuesTruncated: boolean
  newHouseholds: HouseholdChangeView[]
  changedHouseholds: HouseholdChangeView[]
  missing: MissingView[]
  rows: number
  /** 「全部导入，错误记为疑点」: errors that would be kept as 疑点, rows left out for want of 证件号码 and 户编号. */
  keepIssues: { kept: number; leftOut: ImportIssueView[] }
  /** The 疑点 the file would add (as imported: with its errors kept when it has any). */
  wouldAdd?: CheckWouldAdd
}

export interface RosterCommitResult {
  batchId: number
  households: CountSet
  members: CountSet
  markedRemoved: number
  /** A monitoring roster (监测对象信息): the households' monitoring cases it opened or updated. */
  monitoringCases?: CountSet
  /** Households of the file not written because of their errors (「跳过有错误的户」). */
  skipped: number
  /** 全部导入，错误记为疑点: the file's errors written with their rows, each an open 疑点 of its check. */
  keptIssues?: number
  /** 全部导入，错误记为疑点: rows left out because nothing identifies them (no 证件号码, no 户编号). */
  leftOut?: ImportIssueView[]
}

/** Reasons a household or member leaves the roster (移出). */
export const REMOVAL_REASONS = ['死亡', '迁出', '婚嫁', '参军', '服刑', '其他'] as const
