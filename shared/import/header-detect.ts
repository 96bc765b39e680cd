/**
 * Finds the header of a roster sheet: skips title rows, picks the row naming the most known
 * fields and understands a two-level header (a group cell merged across columns over its
 * child cells; single cells merged down both rows).
 */
import { type CellValue, type Grid, cellToText, columnLetter, isBlankCell } from './cells'
import { type FieldKey, matchField } from './households-fields'

export interface HeaderColumn<K extends string = FieldKey> {
  index: number
  /** Excel column letter, for messages. */
  letter: string
  /** Header as in the file without line breaks; 'group/child' under a group cell. */
  header: string
  /** The merged group cell above this column in a two-level header ('资金来源（万元）'). */
  group?: string
  field: K | null
  /** Set when the same field already has a column: this one is kept as an unknown column. */
  duplicateOf?: { index: number; field: K }
}

export interface HeaderDetection<K extends string = FieldKey> {
  /** 0-based grid row of the last header row. */
  headerRowIndex: number
  headerRowCount: 1 | 2
  /** 0-based grid row where data starts (after a row of column numbers 1, 2, 3 … if any). */
  firstDataRowIndex: number
  columns: HeaderColumn<K>[]
  /** The columns whose field was already taken by an earlier column. */
  duplicates: HeaderColumn<K>[]
}

/**
 * The field a header cell names, or null. `group` is the text of the merged group cell above it
 * in a two-level header (absent for a one-level header and while scoring rows).
 */
export type HeaderMatcher<K extends string> = (text: string, group?: string) => K | null

export interface DetectHeaderOptions<K extends string = FieldKey> {
  maxScanRows?: number
  /** The field dictionary to match headers against; the roster's by default. */
  match?: HeaderMatcher<K>
}

/** The roster's matcher: '户主' over '姓名' is 户主姓名; '基本信息' over '姓名' is just 姓名. */
const matchRosterHeader: HeaderMatcher<FieldKey> = (text, group) => (group ? (matchField(group + text) ?? matchField(text)) : matchField(text))

/** A header needs at least this many known fields; fewer is a title, a note or data. */
const MIN_FIELDS = 2

function rowText(row: readonly CellValue[] | undefined, c: number): string {
  return cellToText(row?.[c] ?? null).replace(/\s+/g, '')
}

function isFilled(row: readonly CellValue[] | undefined, c: number): boolean {
  return !isBlankCell(row?.[c] ?? null)
}

function distinctFields<K extends string>(row: readonly CellValue[], match: HeaderMatcher<K>): number {
  const seen = new Set<K>()
  for (const v of row) {
    if (typeof v !== 'string') continue
    const f = match(v)
    if (f) seen.add(f)
  }
  return seen.size
}

function width(...rows: (readonly CellValue[] | undefined)[]): number {
  let w = 0
  for (const row of rows) {
    if (!row) continue
    for (let c = row.length - 1; c >= 0; c--) {
      if (isFilled(row, c)) {
        w = Math.max(w, c + 1)
        break
      }
    }
  }
  return w
}

/** Title and signature lines ('填报单位：…', '…花名册'), never a group header. */
function looksLikeTitle(text: string): boolean {
  return /[:：]/.test(text) || /(花名册|名册|台账|明细表|统计表|汇总表|清单|信息表|一览表|登记表)$/.test(text)
}

/**
 * Whether top/bottom form a two-level header: top has at least two cells, at least one of them a
 * group (blank to its right, with child cells below), and each single cell of top is merged down
 * (blank below it).
 */
function isTwoLevel(top: readonly CellValue[] | undefined, bottom: readonly CellValue[] | undefined): boolean {
  if (!top || !bottom) return false
  const w = width(top, bottom)
  let cells = 0
  let groups = 0
  for (let c = 0; c < w; c++) {
    if (!isFilled(top, c)) continue
    const v = top[c]
    if (typeof v !== 'string' || looksLikeTitle(rowText(top, c))) return false
    cells++
    const isGroup = c + 1 < w && !isFilled(top, c + 1) && isFilled(bottom, c) && isFilled(bottom, c + 1)
    if (isGroup) groups++
    else if (isFilled(bottom, c)) return false
  }
  for (let c = 0; c < w; c++) {
    const v = bottom[c]
    if (v !== null && v !== undefined && typeof v !== 'string' && !isBlankCell(v)) return false
  }
  return cells >= 2 && groups >= 1
}

function isColumnNumberRow(row: readonly CellValue[] | undefined, w: number): boolean {
  if (!row) return false
  let expected = 1
  let seen = 0
  for (let c = 0; c < w; c++) {
    if (!isFilled(row, c)) continue
    const text = cellToText(row[c] ?? null).trim()
    if (text !== String(expected)) return false
    expected++
    seen++
  }
  return seen >= 3
}

export function detectHeader(grid: Grid, options?: DetectHeaderOptions): HeaderDetection | null
export function detectHeader<K extends string>(grid: Grid, options: DetectHeaderOptions<K> & { match: HeaderMatcher<K> }): HeaderDetection<K> | null
export function detectHeader(grid: Grid, options: DetectHeaderOptions<string> = {}): HeaderDetection<string> | null {
  const maxScanRows = options.maxScanRows ?? 15
  const match: HeaderMatcher<string> = options.match ?? matchRosterHeader
  let best = -1
  let bestScore = 0
  for (let r = 0; r < Math.min(maxScanRows, grid.length); r++) {
    const score = distinctFields(grid[r] ?? [], match)
    if (score > bestScore) {
      best = r
      bestScore = score
    }
  }
  if (best < 0 || bestScore < MIN_FIELDS) return null

  let top: readonly CellValue[] | undefined
  let bottom: readonly CellValue[]
  let headerRowIndex = best
  if (isTwoLevel(grid[best], grid[best + 1])) {
    top = grid[best]
    bottom = grid[best + 1] ?? []
    headerRowIndex = best + 1
  } else if (best > 0 && isTwoLevel(grid[best - 1], grid[best])) {
    top = grid[best - 1]
    bottom = grid[best] ?? []
  } else {
    bottom = grid[best] ?? []
  }

  const w = width(top, bottom)
  const columns: HeaderColumn<string>[] = []
  const duplicates: HeaderColumn<string>[] = []
  const firstOf = new Map<string, number>()
  let group = ''
  for (let c = 0; c < w; c++) {
    let header: string
    let field: string | null
    let groupOf: string | undefined
    const child = rowText(bottom, c)
    if (top) {
      if (isFilled(top, c)) group = rowText(top, c)
      else if (!isFilled(bottom, c)) group = ''
      if (group && child) {
        header = `${group}/${child}`
        field = match(child, group)
        groupOf = group
      } else {
        header = group || child
        field = header ? match(header) : null
      }
      if (!isFilled(bottom, c) && isFilled(top, c)) group = '' // merged down: not a group
    } else {
      header = child
      field = child ? match(child) : null
    }
    const col: HeaderColumn<string> = { index: c, letter: columnLetter(c), header, field }
    if (groupOf !== undefined) col.group = groupOf
    if (field) {
      const first = firstOf.get(field)
      if (first === undefined) firstOf.set(field, c)
      else {
        col.field = null
        col.duplicateOf = { index: first, field }
        duplicates.push(col)
      }
    }
    columns.push(col)
  }

  const firstDataRowIndex = isColumnNumberRow(grid[headerRowIndex + 1], w) ? headerRowIndex + 2 : headerRowIndex + 1
  return { headerRowIndex, headerRowCount: top ? 2 : 1, firstDataRowIndex, columns, duplicates }
}
