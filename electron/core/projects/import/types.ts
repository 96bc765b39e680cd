/** A project list as understood, before it is compared with the ledger. */
import type { ImportIssueView } from '../../../../shared/api/households-import'
import type { FundSource } from '../../../../shared/domain/projects'
import type { HeaderColumn } from '../../../../shared/import/header-detect'
import type { MoneyUnit, ProjectFieldKey } from '../../../../shared/import/projects-fields'

export type Value = string | number | null

export interface ProjectColumn extends HeaderColumn<ProjectFieldKey> {
  /** Money columns: 万元 or 元 … */
  unit?: MoneyUnit
  /** … as stated by the column's header, its group, the title or note rows, or assumed (no unit stated). */
  unitFrom?: 'header' | 'group' | 'title' | 'assumed'
  /** Key of this column in projects.extra when it is not a known field (its header, made unique). */
  extraKey?: string
  samples: string[]
}

export interface ParsedProject {
  /** Row as Excel shows it. */
  excelRow: number
  /** Columns of the projects table the file carries, normalised (name, year, planned_start …, location). */
  values: Record<string, Value>
  /** Budget in 分 per source the file has a column for; 0 when the cell is blank. */
  budget: Partial<Record<FundSource, number>>
  /** 绩效目标 text, or null. */
  performance: string | null
  /** Unknown columns (and cells of known columns that could not be read), by header, kept as written. */
  extra: Record<string, string>
}

export interface ParsedProjectList {
  fileName: string
  sha256: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  /** Row of the (last) header row as Excel shows it. */
  headerRow: number
  headerRowCount: 1 | 2
  columns: ProjectColumn[]
  /** Columns of the projects table the file carries: only these are compared and written. */
  fields: string[]
  /** Fund sources the file has a column for. */
  fundSources: FundSource[]
  hasVillage: boolean
  hasYear: boolean
  hasPerformance: boolean
  /** Headers of the unknown columns. */
  extraKeys: string[]
  projects: ParsedProject[]
  issues: ImportIssueView[]
  /** Data rows read (projects and rows with errors). */
  rows: number
  /** How the source wrote dates, per field ('range:…' when 实施期限 held start and end), so the export can write them back. */
  dateFormats: Record<string, string>
  /** Identifies the header layout, to remember the clerk's reading for files like this one. */
  signature: string
  /** The mapping or the unit came from an earlier import of a file with this header. */
  rememberedReading: boolean
  /** The reading applied: the clerk's mapping and unit, each else the remembered one (what a commit remembers). */
  reading: { mapping?: Record<string, string | null>; assumedUnit?: MoneyUnit }
  /** The unit taken for money columns that state none (null: every one states its unit). */
  assumedUnit: MoneyUnit | null
}
