/** What the roster import shows and asks for across the API boundary. */
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
}

/** Reasons a household or member leaves the roster (移出). */
export const REMOVAL_REASONS = ['死亡', '迁出', '婚嫁', '参军', '服刑', '其他'] as const
