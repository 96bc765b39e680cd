/**
 * Grid rows → parsed roster rows → households. Both steps take one row at a time so a large
 * sheet can be streamed; grouping holds the rows of the current household only.
 */
import type { IdNumberInfo } from '../domain/id-number'
import { type CellValue, type Grid, type MergedRange, cellToText, isBlankCell } from './cells'
import { type FieldDef, type FieldKey, type HouseholdKey, type MemberKey, type VillageKey, fieldByKey } from './households-fields'
import type { HeaderColumn, HeaderDetection } from './header-detect'
import { KeptCells, KeptKeys, createColumnInterner, createInterner } from './kept-cells'
import { type CellResult, type DateFormat, type ValueProblem, normaliseCell } from './normalise'

export type RowValue = string | number | null

export interface CellProblem {
  field: FieldKey
  /** Header text of the column, as in the file. */
  column: string
  /** The cell as written. */
  raw: string
  /** What was read from it: the cleaned text, or the digits Excel kept of a number cell. */
  value: string
  problem: ValueProblem
}

export interface ParsedRow {
  /** Row number as Excel shows it (1-based). */
  excelRow: number
  village: Partial<Record<VillageKey, string | null>>
  household: Partial<Record<HouseholdKey, RowValue>>
  member: Partial<Record<MemberKey, RowValue>>
  /** Columns the dictionary does not know (and duplicate columns), by header: kept, not dropped. */
  readonly extra: Record<string, string>
  /** The same cells in their compact form (rows read from a sheet; `extra` is built from it). */
  kept?: KeptCells
  /** How each date column was written, so an export can write it back the same way. */
  sourceFormats: Partial<Record<FieldKey, DateFormat>>
  problems: CellProblem[]
  /** The member's parsed ID number (birth date, sex, kind), when it could be parsed. */
  id?: IdNumberInfo
  /** Header text per field for this sheet (one object shared by all rows). */
  headers: Readonly<Partial<Record<FieldKey, string>>>
}

/**
 * 'per_person': one row per member with household columns repeated (or merged down);
 * 'per_household': one row per household describing its head, with 人数.
 */
export type RosterShape = 'per_person' | 'per_household'

export function rosterShape(layout: HeaderDetection): RosterShape {
  const has = (k: FieldKey): boolean => layout.columns.some((c) => c.field === k)
  if (!has('name') && (has('head_name') || has('head_id_number'))) return 'per_household'
  return has('relation') ? 'per_person' : 'per_household'
}

/** Rows under the table that are not people: totals, signatures, notes. */
const FOOTER = /合计|小计|总计|填表|制表|审核|负责人|说明|注[:：]|备注[:：]|盖章|签字|日期[:：]/

export interface RowReaderOptions {
  /** Excel row number of grid row 0; 1 unless the reader dropped leading rows. */
  firstExcelRow?: number
  /**
   * The sheet's merged ranges (grid rows and columns), when the format has them (xlsx). Then a
   * blank cell is filled only where a merged range covers it (from the range's top-left cell), and
   * a village column's blank stays blank. Without them (CSV) a blank county, township or village
   * cell takes the value above unless a level above it changed on that row; a blank 组 stays blank
   * (a household's rows share the 组 one of them gives).
   */
  merged?: readonly MergedRange[] | null
}

/** The levels carried down a sheet without merged ranges; 组 is not (many households have none). */
const CARRIED_LEVELS: readonly VillageKey[] = ['county', 'township', 'village']

/** Fills the cells a merged range covers below its top row with the range's top-left value. */
function mergeFiller(merged: readonly MergedRange[]) {
  const byTop = new Map<number, MergedRange[]>()
  for (const m of merged) {
    if (m.bottom <= m.top) continue
    const list = byTop.get(m.top) ?? []
    list.push(m)
    byTop.set(m.top, list)
  }
  let active: { range: MergedRange; value: CellValue }[] = []
  return (cells: readonly CellValue[], rowIndex: number): readonly CellValue[] => {
    active = active.filter((a) => a.range.bottom >= rowIndex)
    let out: CellValue[] | null = null
    for (const a of active) {
      if (a.range.top >= rowIndex || !isBlankCell(cells[a.range.left] ?? null)) continue
      out ??= [...cells]
      while (out.length <= a.range.left) out.push(null)
      out[a.range.left] = a.value
    }
    for (const range of byTop.get(rowIndex) ?? []) active.push({ range, value: cells[range.left] ?? null })
    return out ?? cells
  }
}

export interface RowReader {
  shape: RosterShape
  headers: Readonly<Partial<Record<FieldKey, string>>>
  /** The kept (unknown) columns' keys, shared by every row's `kept`. */
  keptKeys: KeptKeys
  /** One grid row → a parsed row, or null for blank, total and signature rows. */
  read(cells: readonly CellValue[], rowIndex: number): ParsedRow | null
}

/** Distinct short values remembered per column (past this, new ones are read each time). */
const MEMO_VALUES = 2000

/**
 * normaliseCell per mapped column, remembered: a household's columns repeat on each of its member
 * rows and coded columns (性别, 民族, 是/否, 文化程度) hold a handful of values, so most cells of a county
 * file have been read before. A cell read again gets the same result object (results are only read).
 */
function createCellMemo(): (column: number, def: FieldDef, v: CellValue) => CellResult {
  const last: CellValue[] = []
  const lastResult: (CellResult | undefined)[] = []
  const seen: (Map<string, CellResult> | undefined)[] = []
  return (column, def, v) => {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') return normaliseCell(def, v)
    const had = lastResult[column]
    if (had !== undefined && last[column] === v) return had
    let r: CellResult | undefined
    if (typeof v === 'string' && v.length <= 16) {
      let map = seen[column]
      if (!map) seen[column] = map = new Map()
      r = map.get(v)
      if (r === undefined) {
        r = normaliseCell(def, v)
        if (map.size < MEMO_VALUES) map.set(v, r)
      }
    } else r = normaliseCell(def, v)
    last[column] = v
    lastResult[column] = r
    return r
  }
}

export function createRowReader(layout: HeaderDetection, options: RowReaderOptions = {}): RowReader {
  const firstExcelRow = options.firstExcelRow ?? 1
  const shape = rosterShape(layout)
  const has = (k: FieldKey): boolean => layout.columns.some((c) => c.field === k)
  // A one-row-per-household sheet names its only person in the 户主 columns.
  const effective = (c: HeaderColumn): FieldKey | null => {
    if (shape === 'per_household' && c.field === 'head_name' && !has('name')) return 'name'
    if (shape === 'per_household' && c.field === 'head_id_number' && !has('id_number')) return 'id_number'
    return c.field
  }
  const mapped: { col: HeaderColumn; def: FieldDef }[] = []
  const unknown: { col: HeaderColumn; key: string }[] = []
  const headers: Partial<Record<FieldKey, string>> = {}
  const extraKeys = new Set<string>()
  for (const col of layout.columns) {
    const key = effective(col)
    if (key) {
      headers[key] = col.header || `${col.letter}列`
      mapped.push({ col, def: fieldByKey(key) })
    } else {
      let k = col.header || `${col.letter}列`
      if (extraKeys.has(k)) k = `${k}(${col.letter}列)`
      extraKeys.add(k)
      unknown.push({ col, key: k })
    }
  }
  const keptKeys = new KeptKeys(unknown.map((u) => u.key))
  // Cells repeat a few short values ("是", "否", "0", "汉族", the export's timestamp) on every row, and
  // rows the same pattern of blanks: one string each, not one per row (a county file has 100 000 rows).
  const intern = createColumnInterner(24)
  const internPattern = createInterner(Number.POSITIVE_INFINITY, 20_000)
  const fill = options.merged ? mergeFiller(options.merged) : null
  // Without merged ranges, village cells written once over many households are carried down.
  const lastVillage: Partial<Record<VillageKey, string | null>> = {}

  // The header's own texts by column, to skip the header where it comes again (two downloads pasted together).
  const headerTexts = layout.columns.map((c) => (c.group ? c.header.slice(c.group.length + 1) : c.header))
  const repeatsHeader = (cells: readonly CellValue[]): boolean => {
    let same = 0
    for (const { col } of mapped) {
      const v = cells[col.index] ?? null
      if (isBlankCell(v)) continue
      if (cellToText(v).replace(/\s+/g, '') !== headerTexts[col.index]) return false
      same++
    }
    return same >= 2
  }

  const normalise = createCellMemo()

  function read(given: readonly CellValue[], rowIndex: number): ParsedRow | null {
    if (repeatsHeader(given)) return null
    const cells = fill ? fill(given, rowIndex) : given
    const row = new ReadRow(rowIndex + firstExcelRow, headers)
    let filled = 0
    for (let m = 0; m < mapped.length; m++) {
      const { col, def } = mapped[m]!
      const v = cells[col.index] ?? null
      if (def.key === 'seq') continue
      const r = normalise(m, def, v)
      if (r.problem) {
        const raw = cellToText(v).trim()
        row.problems.push({ field: def.key, column: headers[def.key]!, raw, value: r.value === null ? raw : String(r.value), problem: r.problem })
      }
      if (r.format) row.sourceFormats[def.key] = r.format
      if (r.id && def.key === 'id_number') row.id = r.id
      if (def.level === 'village') {
        const k = def.key as VillageKey
        row.village[k] = r.value === null ? null : String(r.value)
      } else {
        if (r.value !== null) filled++
        const value = typeof r.value === 'string' ? intern(col.index, r.value) : r.value
        if (def.level === 'household') row.household[def.key as HouseholdKey] = value
        else row.member[def.key as MemberKey] = value
      }
    }
    if (!fill) carryVillage(row.village)
    let at = ''
    const values: string[] = []
    for (let i = 0; i < unknown.length; i++) {
      const v = cells[unknown[i]!.col.index] ?? null
      if (isBlankCell(v)) continue
      const s = cellToText(v).trim()
      at += String.fromCharCode(i)
      values.push(intern(unknown[i]!.col.index, s))
    }
    row.kept = new KeptCells(keptKeys, internPattern(at), values)
    const identified = ['name', 'id_number', 'person_no'].some((k) => row.member[k as MemberKey] != null) ||
      row.household.household_no != null || row.household.head_name != null
    if (!identified) {
      // A total or signature line, or village columns alone (a template's pre-filled rows).
      let text = ''
      for (const { col } of mapped) {
        const v = cells[col.index] ?? null
        if (!isBlankCell(v)) text += cellToText(v)
      }
      for (const s of values) text += s
      if (FOOTER.test(text)) return null
      if (filled === 0 && values.length === 0) return null
    }
    if (shape === 'per_household' && row.member.relation == null) row.member.relation = '户主'
    return row
  }

  /** A level given on this row that differs from the one above starts afresh below it. */
  function carryVillage(village: Partial<Record<VillageKey, string | null>>): void {
    let changed = false
    for (const k of CARRIED_LEVELS) {
      if (!(k in village)) continue
      const s = village[k] ?? null
      if (s !== null) {
        if (s !== (lastVillage[k] ?? null)) changed = true
        lastVillage[k] = s
      } else if (changed) {
        lastVillage[k] = null
      } else village[k] = lastVillage[k] ?? null
    }
  }

  return { shape, headers, keptKeys, read }
}

/** A row as the reader makes it: its kept cells compact, `extra` built from them when read. */
class ReadRow implements ParsedRow {
  village: Partial<Record<VillageKey, string | null>> = {}
  household: Partial<Record<HouseholdKey, RowValue>> = {}
  member: Partial<Record<MemberKey, RowValue>> = {}
  sourceFormats: Partial<Record<FieldKey, DateFormat>> = {}
  problems: CellProblem[] = []
  id?: IdNumberInfo
  kept?: KeptCells

  constructor(
    readonly excelRow: number,
    readonly headers: Readonly<Partial<Record<FieldKey, string>>>,
  ) {}

  get extra(): Record<string, string> {
    return this.kept?.toRecord() ?? {}
  }
}

/** All data rows of a sheet (convenience for small sheets and tests). */
export function readRows(grid: Grid, layout: HeaderDetection, options: RowReaderOptions = {}): ParsedRow[] {
  const reader = createRowReader(layout, options)
  const out: ParsedRow[] = []
  for (let r = layout.firstDataRowIndex; r < grid.length; r++) {
    const row = reader.read(grid[r] ?? [], r)
    if (row) out.push(row)
  }
  return out
}

// ---------------------------------------------------------------- households

export interface HouseholdGroup {
  /** 户编号, else the head's ID number or name, else null. */
  key: string | null
  groupedBy: 'household_no' | 'head' | 'row'
  shape: RosterShape
  rows: ParsedRow[]
  /** Set when this 户编号 was already seen in earlier, non-adjacent rows. */
  splitFrom?: number
}

export interface HouseholdGrouper {
  /** Adds a row; returns the households it completed (zero or one). */
  push(row: ParsedRow): HouseholdGroup[]
  /** Ends the sheet; returns the last household. */
  flush(): HouseholdGroup[]
}

const str = (v: RowValue | undefined): string | null => (v === null || v === undefined ? null : String(v))

/**
 * Groups rows into households: by 户编号 when the column exists (a blank 户编号 continues the
 * household above, as merged cells do); otherwise a 户主 row starts a household and the rows
 * after it belong to it (a change of 户主姓名 / 户主证件号码 also starts one); a one-row-per-
 * household sheet makes every row a household.
 */
export function createHouseholdGrouper(layout: HeaderDetection): HouseholdGrouper {
  const shape = rosterShape(layout)
  const byNo = layout.columns.some((c) => c.field === 'household_no')
  const groupedBy: HouseholdGroup['groupedBy'] = byNo ? 'household_no' : shape === 'per_household' ? 'row' : 'head'
  const seen = new Map<string, number>()
  let current: HouseholdGroup | null = null

  const start = (row: ParsedRow, key: string | null): HouseholdGroup[] => {
    const done = current ? [current] : []
    current = { key, groupedBy, shape, rows: [row] }
    if (key !== null && byNo) {
      const earlier = seen.get(key)
      if (earlier !== undefined) current.splitFrom = earlier
      else seen.set(key, row.excelRow)
    }
    return done
  }

  function push(row: ParsedRow): HouseholdGroup[] {
    if (groupedBy === 'row') {
      return start(row, str(row.household.household_no) ?? str(row.member.id_number) ?? str(row.member.name))
    }
    if (groupedBy === 'household_no') {
      const no = str(row.household.household_no)
      if (current && no !== null && no === current.key) {
        current.rows.push(row)
        return []
      }
      // A blank 户编号 (not merged) continues the household above unless the row starts another:
      // a second 户主, or another 户主姓名 / 户主证件号码.
      if (current && no === null && belongsTo(current, row)) {
        current.rows.push(row)
        return []
      }
      return start(row, no)
    }
    const isHead = row.member.relation === '户主'
    const headKey = str(row.household.head_id_number) ?? str(row.household.head_name)
    if (current) {
      const hasHead = current.rows.some((r) => r.member.relation === '户主')
      const sameKey = headKey === null || current.key === null || headKey === current.key
      const joins = isHead ? !hasHead && headKey !== null && headKey === current.key : sameKey
      if (joins) {
        current.rows.push(row)
        if (current.key === null) current.key = headKey
        return []
      }
    }
    return start(row, headKey ?? (isHead ? str(row.member.id_number) ?? str(row.member.name) : null))
  }

  function belongsTo(group: HouseholdGroup, row: ParsedRow): boolean {
    if (row.member.relation === '户主' && group.rows.some((r) => r.member.relation === '户主')) return false
    for (const k of ['head_id_number', 'head_name'] as const) {
      const v = str(row.household[k])
      const had = group.rows.map((r) => str(r.household[k])).find((x) => x !== null)
      if (v !== null && had !== undefined && v !== had) return false
    }
    return true
  }

  function flush(): HouseholdGroup[] {
    const done = current ? [current] : []
    current = null
    return done
  }

  return { push, flush }
}

/** All households of a list of rows (convenience for small sheets and tests). */
export function groupHouseholds(rows: readonly ParsedRow[], layout: HeaderDetection): HouseholdGroup[] {
  const g = createHouseholdGrouper(layout)
  return [...rows.flatMap((r) => g.push(r)), ...g.flush()]
}

export interface HouseholdConflict {
  field: HouseholdKey
  firstRow: number
  first: RowValue
  row: number
  other: RowValue
}

/**
 * The household's own values: for each field the first value given in its rows (household columns
 * are repeated on every member row, or merged down); differing repeats are listed as conflicts.
 */
export interface HouseholdValues {
  values: Partial<Record<HouseholdKey, RowValue>>
  conflicts: HouseholdConflict[]
}

/** Asked by the household's checks and by the import alike: worked out once per household. */
const valuesOf = new WeakMap<HouseholdGroup, HouseholdValues>()

export function householdValues(group: HouseholdGroup): HouseholdValues {
  let found = valuesOf.get(group)
  if (!found) valuesOf.set(group, (found = collectHouseholdValues(group)))
  return found
}

function collectHouseholdValues(group: HouseholdGroup): HouseholdValues {
  const values: Partial<Record<HouseholdKey, RowValue>> = {}
  const firstRow: Partial<Record<HouseholdKey, number>> = {}
  const conflicts: HouseholdConflict[] = []
  for (const row of group.rows) {
    const household = row.household as Record<HouseholdKey, RowValue>
    for (const key in household) {
      const k = key as HouseholdKey
      const v = household[k]
      if (v === null) continue
      const had = values[k]
      if (had === undefined || had === null) {
        values[k] = v
        firstRow[k] = row.excelRow
      } else if (had !== v && !conflicts.some((c) => c.field === k)) {
        conflicts.push({ field: k, firstRow: firstRow[k]!, first: had, row: row.excelRow, other: v })
      }
    }
  }
  return { values, conflicts }
}
