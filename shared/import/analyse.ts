/**
 * One sheet start to finish, for callers that hold the whole grid: header, rows, households and
 * every issue in row order. Streaming callers use the same pieces one row at a time.
 */
import type { Grid } from './cells'
import { type DetectHeaderOptions, type HeaderDetection, detectHeader } from './header-detect'
import { type HouseholdGroup, type RosterShape, createHouseholdGrouper, createRowReader } from './rows'
import { type DuplicateHit, DuplicateIdTracker, type ImportIssue, headerIssues, noHeaderIssue, validateHousehold, validateMemberRow } from './rules'

export interface RosterAnalysis {
  layout: HeaderDetection | null
  shape: RosterShape | null
  households: HouseholdGroup[]
  issues: ImportIssue[]
  /** Duplicate-ID issues that belong to rows of other sheets sharing the tracker. */
  otherSourceIssues: DuplicateHit[]
}

export interface AnalyseOptions extends DetectHeaderOptions {
  /** Share one tracker across the sheets and files of an import to find IDs given twice. */
  tracker?: DuplicateIdTracker
  /** Label of this sheet for cross-file duplicates. */
  source?: string
}

export function analyseRoster(grid: Grid, options: AnalyseOptions = {}): RosterAnalysis {
  const layout = detectHeader(grid, options)
  if (!layout) return { layout: null, shape: null, households: [], issues: [noHeaderIssue()], otherSourceIssues: [] }
  const reader = createRowReader(layout)
  const grouper = createHouseholdGrouper(layout)
  const tracker = options.tracker ?? new DuplicateIdTracker()
  const issues: ImportIssue[] = headerIssues(layout)
  const households: HouseholdGroup[] = []
  const otherSourceIssues: DuplicateHit[] = []
  const done = (groups: HouseholdGroup[]): void => {
    for (const g of groups) {
      households.push(g)
      issues.push(...validateHousehold(g))
    }
  }
  for (let r = layout.firstDataRowIndex; r < grid.length; r++) {
    const row = reader.read(grid[r] ?? [], r)
    if (!row) continue
    issues.push(...validateMemberRow(row))
    for (const hit of tracker.check(row, options.source)) {
      if (hit.source === options.source) issues.push(hit.issue)
      else otherSourceIssues.push(hit) // an earlier sheet's row: its report, the caller's to file
    }
    done(grouper.push(row))
  }
  done(grouper.flush())
  issues.sort((a, b) => a.row - b.row)
  return { layout, shape: reader.shape, households, issues, otherSourceIssues }
}
