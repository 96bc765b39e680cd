/** A roster file as understood, before it is compared with the ledger. */
import type { ImportIssueView } from '../../../../shared/api/households-import'
import type { HeaderColumn } from '../../../../shared/import/header-detect'
import type { KeptCells } from '../../../../shared/import/kept-cells'
import type { LedgerSnapshot } from './snapshot'

export type Value = string | number | null

export interface ParsedMember {
  excelRow: number
  /** Member columns present in the file, normalised (DB column names). */
  values: Record<string, Value>
  /**
   * Unknown columns, kept by their header text so an export can give them back: compact (values
   * against the sheet's one key list), as a county file keeps ≈ 150 of them on 100 000 rows.
   */
  kept: KeptCells
  /** The same cells as an object (header → value), built on each read. */
  readonly extra: Record<string, string>
}

export interface ParsedHousehold {
  firstRow: number
  county: string
  township: string
  village: string
  group: string | null
  /** Household columns present in the file (DB column names). */
  values: Record<string, Value>
  members: ParsedMember[]
  /** True when a row of this household has an error: it blocks the import (or is skipped). */
  blocked: boolean
}

export interface ParsedRoster {
  fileName: string
  sha256: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  /** 2 when the file's header spans two rows (a merged group over its child cells). */
  headerRowCount: 1 | 2
  columns: (HeaderColumn & { samples: string[] })[]
  rememberedMapping: boolean
  /** Identifies the header layout, to remember a corrected mapping for files like this one. */
  signature: string
  /** Household and member fields the file carries: only these are compared and written. */
  householdFields: string[]
  /** One row per household naming its head only: the household's other members are not "missing" from it. */
  onlyHeads?: boolean
  /** Whether the file has a 组/自然村 column (without one, groups are left as they are). */
  hasGroupColumn: boolean
  /** Headers of the unknown columns with a value somewhere in the file. */
  extraKeys: string[]
  memberFields: string[]
  households: ParsedHousehold[]
  issues: ImportIssueView[]
  rows: number
  /** How the source wrote dates, per field, so an export can write them back the same way. */
  dateFormats: Record<string, string>
  /** The ledger side of the comparison, loaded while the file was read (when there was idle time). */
  snapshot?: LedgerSnapshot
}
