/** What the project-list import and export show and ask for across the API boundary. */
import type { CheckWouldAdd } from './checks'
import type { CountSet, FieldDiff, ImportIssueView } from './households-import'

export interface ProjectColumnView {
  index: number
  letter: string
  header: string
  /** Project dictionary key (shared/import/projects-fields.ts), or null: kept as written in 其他列. */
  field: string | null
  /** Chinese name of the field, or null. */
  label: string | null
  /** Money columns: read in 万元 or 元 … */
  unit: 'wan' | 'yuan' | null
  /** … as the column's header, its group or the title states it, or assumed where the file states none. */
  unitFrom: 'header' | 'group' | 'title' | 'assumed' | null
  samples: string[]
}

/** A field a column can be mapped to in the preview. */
export interface ProjectFieldOption {
  value: string
  label: string
}

export interface ProjectChangeView {
  /** Row as Excel shows it. */
  row: number
  projectNo: string | null
  name: string
  year: string | null
  village: string | null
  /** Field-by-field differences (funds in 万元); empty for a new project. */
  diffs: FieldDiff[]
  /** The project's total in the file's own unit, as read (「58.4 万元」), so a unit mistake shows. */
  totalText: string | null
}

export interface MissingProjectView {
  id: number
  projectNo: string | null
  name: string
  year: string | null
}

export interface ProjectImportPreview {
  /** The 疑点 the list would add (beneficiaries out of the roster …), when it can be imported. */
  wouldAdd?: CheckWouldAdd
  fileName: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  rows: number
  columns: ProjectColumnView[]
  /** missing: projects of the years the file covers that are in the ledger but not in the file (kept as they are). */
  projects: CountSet
  errorCount: number
  warningCount: number
  issues: ImportIssueView[]
  issuesTruncated: boolean
  newProjects: ProjectChangeView[]
  changedProjects: ProjectChangeView[]
  missing: MissingProjectView[]
  /** The unit taken for money columns that state none; null when every one states its unit. */
  assumedUnit: 'wan' | 'yuan' | null
  /** The mapping and unit came from an earlier import of a file with this header. */
  rememberedReading: boolean
  /** What a column can be mapped to: the project fields and every 资金来源 known to the ledger or the file. */
  fieldOptions: ProjectFieldOption[]
}

export interface ProjectImportResult {
  batchId: number
  projects: CountSet
}
