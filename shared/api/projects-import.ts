/** What the project-list import and export show and ask for across the API boundary. */
import type { CountSet, FieldDiff, ImportIssueView } from './households-import'

export interface ProjectColumnView {
  index: number
  letter: string
  header: string
  /** Project dictionary key (shared/import/projects-fields.ts), or null: kept as written in 其他列. */
  field: string | null
  /** Chinese name of the field, or null. */
  label: string | null
  /** Money columns: read in 万元 or 元. */
  unit: 'wan' | 'yuan' | null
  samples: string[]
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
}

export interface MissingProjectView {
  id: number
  projectNo: string | null
  name: string
  year: string | null
}

export interface ProjectImportPreview {
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
}

export interface ProjectImportResult {
  batchId: number
  projects: CountSet
}
