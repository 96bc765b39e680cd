/**
 * What the file reader hands to the import engine. Row 0 of a grid is Excel
 * row 1 and column 0 is column A, so issues can name the row as Excel shows it.
 * Merged cells carry their value only in the top-left cell; the rest are null.
 */

/** Dates are UTC midnight as read from Excel (use getUTC*). */
export type CellValue = string | number | boolean | Date | null

export type Grid = CellValue[][]

/** A merged range of the sheet, 0-based and inclusive (row 0 is Excel row 1, column 0 is A). */
export interface MergedRange {
  top: number
  left: number
  bottom: number
  right: number
}

/** A character that is neither whitespace nor zero-width. */
const NOT_BLANK = /[^\s\u200B-\u200D\u2060\uFEFF]/

/** True for null, empty strings and strings of whitespace only. */
export function isBlankCell(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true
  // A test, not a replace: a county file asks this of millions of cells, nearly all with text.
  if (typeof v === 'string') return !NOT_BLANK.test(v)
  if (typeof v === 'number') return Number.isNaN(v)
  return false
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** The cell as text, close to what Excel shows; blank cells give ''. */
export function cellToText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v)
  if (Number.isNaN(v.getTime())) return ''
  const date = `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`
  if (v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0) return date
  return `${date} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`
}

/** Excel column letter for a 0-based column index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}
