/**
 * A batch of rows as the reader thread posts it. Posted as plain arrays, every cell is a value of its
 * own for the structured clone to write and the consumer's thread to rebuild: 90 000 cells per
 * batch on a monitoring roster, half of them empty and most of the rest the same as the cell above
 * (household columns repeat on each member's row, yes/no columns repeat everywhere). Packed, a
 * cell is one byte saying which it is, and only the texts that differ from the row above are sent.
 */
import type { CellValue } from '../../../../shared/import/cells'
import type { SheetRow } from './types'

/** Rows' number formats are not carried: the reader thread never reads them. */
export interface PackedRows {
  /** Per row: rowNumber, cell count, 1 when truncated. */
  heads: Int32Array
  /** Per cell: one of the kinds below. */
  kinds: Uint8Array
  /** The texts of STRING cells, in order. */
  strings: string[]
  /** The values of OTHER cells (numbers, booleans, dates), in order. */
  values: CellValue[]
}

const EMPTY = 0
/** The same text as the cell above (in the previous row of the batch). */
const SAME = 1
const STRING = 2
const OTHER = 3

export function packRows(rows: readonly SheetRow[]): PackedRows {
  let cellCount = 0
  for (const row of rows) cellCount += row.cells.length
  const heads = new Int32Array(rows.length * 3)
  const kinds = new Uint8Array(cellCount)
  const strings: string[] = []
  const values: CellValue[] = []
  let above: readonly CellValue[] = []
  let h = 0
  let k = 0
  for (const row of rows) {
    const cells = row.cells
    const n = cells.length
    heads[h++] = row.rowNumber
    heads[h++] = n
    heads[h++] = row.truncated ? 1 : 0
    // Never a read past the end of the row above (V8's slow path).
    const shared = Math.min(n, above.length)
    for (let i = 0; i < n; i++) {
      const v = cells[i] as CellValue
      if (v === null) k++ // EMPTY: the array starts zeroed
      else if (typeof v === 'string') {
        // Only texts are shared between rows: a Date is an object each row must own.
        if (i < shared && v === above[i]) kinds[k++] = SAME
        else {
          kinds[k++] = STRING
          strings.push(v)
        }
      } else {
        kinds[k++] = OTHER
        values.push(v)
      }
    }
    above = cells
  }
  return { heads, kinds, strings, values }
}

export function unpackRows({ heads, kinds, strings, values }: PackedRows): SheetRow[] {
  // Built by push, not new Array(n): packed arrays, as the structured clone gave (holey ones read slower).
  const rows: SheetRow[] = []
  let above: CellValue[] = []
  let k = 0
  let s = 0
  let o = 0
  for (let h = 0; h < heads.length; h += 3) {
    const n = heads[h + 1]!
    const cells: CellValue[] = []
    for (let i = 0; i < n; i++) {
      const kind = kinds[k++]
      cells.push(kind === EMPTY ? null : kind === SAME ? above[i]! : kind === STRING ? strings[s++]! : values[o++]!)
    }
    rows.push(heads[h + 2] ? { rowNumber: heads[h]!, cells, truncated: true } : { rowNumber: heads[h]!, cells })
    above = cells
  }
  return rows
}
