/**
 * Finds the header of a roster sheet: skips title rows, picks the row naming the most known
 * fields and understands a two-level header (a group cell merged across columns over its
 * child cells; single cells merged down both rows).
 */
import { type CellValue, type Grid, cellToText, columnLetter, isBlankCell } from './cells'
import { type FieldKey, matchField } from './fields'

export interface HeaderColumn {
  index: number
  /** Excel column letter, for messages. */
  letter: string
  /** Header as in the file without line breaks; 'group/child' under a group cell. */
  header: string
  field: FieldKey | null
  /** Set when the same field already has a column: this one is kept as an unknown column. */
  duplicateOf?: { index: number; field: FieldKey }
}

export interface HeaderDetection {
  /** 0-based grid row of the last header row. */
  headerRowIndex: number
  headerRowCount: 1 | 2
  /** 0-based grid row where data starts (after a row of column numbers 1, 2, 3 … if any). */
  firstDataRowIndex: number
  columns: HeaderColumn[]
  /** The columns whose field was already taken by an earlier column. */
  duplicates: HeaderColumn[]
}

export interface DetectHeaderOptions {
  maxScanRows?: number
}

/** A header needs at least this many known fields; fewer is a title, a note or data. */
const MIN_FIELDS = 2

function rowText(row: readonly CellValue[] | undefined, c: number): string {
  return cellToText(row?.[c] ?? null).replace(/\s+/g, '')
}

function isFilled(row: readonly CellValue[] | undefined, c: number): boolean {
  return !isBlankCell(row?.[c] ?? null)
}

function distinctFields(row: readonly CellValue[]): number {
  const seen = new Set<FieldKey>()
  for (const v of row) {
    if (typeof v !== 'string') continue
    const f = matchField(v)
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

export function detectHeader(grid: Grid, options: DetectHeaderOptions = {}): HeaderDetection | null {
  const maxScanRows = options.maxScanRows ?? 15
  let best = -1
  let bestScore = 0
  for (let r = 0; r < Math.min(maxScanRows, grid.length); r++) {
    const score = distinctFields(grid[r] ?? [])
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
  const columns: HeaderColumn[] = []
  const duplicates: HeaderColumn[] = []
  const firstOf = new Map<FieldKey, number>()
  let group = ''
  for (let c = 0; c < w; c++) {
    let header: string
    let field: FieldKey | null
    const child = rowText(bottom, c)
    if (top) {
      if (isFilled(top, c)) group = rowText(top, c)
      else if (!isFilled(bottom, c)) group = ''
      if (group && child) {
        header = `${group}/${child}`
        // '户主' over '姓名' is 户主姓名; '基本信息' over '姓名' is just 姓名.
        field = matchField(group + child) ?? matchField(child)
      } else {
        header = group || child
        field = header ? matchField(header) : null
      }
      if (!isFilled(bottom, c) && isFilled(top, c)) group = '' // merged down: not a group
    } else {
      header = child
      field = child ? matchField(child) : null
    }
    const col: HeaderColumn = { index: c, letter: columnLetter(c), header, field }
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
