/** The reader thread's packed row batches give back exactly the rows packed, through a real structured clone. */
import { describe, expect, it } from 'vitest'
import { packRows, unpackRows, type PackedRows } from '../../../electron/core/spreadsheets/read/row-batch'
import type { SheetRow } from '../../../electron/core/spreadsheets/read/types'

/** As postMessage hands it over: cloned, the typed arrays' buffers transferred. */
function posted(p: PackedRows): PackedRows {
  return structuredClone(p, { transfer: [p.heads.buffer as ArrayBuffer, p.kinds.buffer as ArrayBuffer] })
}

const roundTrip = (rows: SheetRow[]) => unpackRows(posted(packRows(rows)))

describe('packRows / unpackRows', () => {
  it('keeps odd texts, numbers, booleans, dates, blanks and row shapes', () => {
    const longCjk = '乡镇帮扶台账监测对象'.repeat(4000)
    const rows: SheetRow[] = [
      { rowNumber: 1, cells: ['', '\u0001', '\u0000', 'a\u0001b', '\n\r\t', longCjk, '😀𠀀', '\ud800'] },
      // The same texts again (sent once), one blank where a text was, one text where a blank was.
      { rowNumber: 2, cells: ['', '\u0001', null, 'a\u0001b', '\n\r\t', longCjk, '😀𠀀', '\ud800', '多出的一格'] },
      { rowNumber: 5, cells: [0, -0, 1.5, -1e300, Number.NaN, Number.POSITIVE_INFINITY, true, false] },
      { rowNumber: 6, cells: [0, -0, 1.5, new Date(Date.UTC(2026, 0, 31)), new Date(Number.NaN), true, null, '0'], truncated: true },
      { rowNumber: 7, cells: [] },
      { rowNumber: 8, cells: [null, null, '是'] },
      // Longer than the row above: its cells past the end have nothing above.
      { rowNumber: 9, cells: [null, null, '是', '是', '否', '是'] },
      { rowNumber: 100_000, cells: ['是'] },
    ]
    const back = roundTrip(rows)
    expect(back).toEqual(rows)
    expect(Object.is(back[2]!.cells[1], -0)).toBe(true)
    expect(back.map((r) => 'truncated' in r)).toEqual(rows.map((r) => 'truncated' in r))
  })

  it('gives each row its own dates, never the object of the row above', () => {
    const day = Date.UTC(2020, 4, 1)
    const rows: SheetRow[] = [1, 2].map((n) => ({ rowNumber: n, cells: ['张三', new Date(day)] }))
    const back = roundTrip(rows)
    expect(back[0]!.cells[1]).toEqual(new Date(day))
    expect(back[1]!.cells[1]).not.toBe(back[0]!.cells[1])
  })

  it('sends a text repeated from the row above once', () => {
    const rows: SheetRow[] = Array.from({ length: 50 }, (_, i) => ({ rowNumber: i + 2, cells: ['岩门村', `张${i}`, '是', null, '汉族'] }))
    const packed = packRows(rows)
    expect(packed.strings.length).toBe(4 + 49)
    expect(unpackRows(posted(packed))).toEqual(rows)
  })

  it('an empty batch stays empty', () => {
    expect(roundTrip([])).toEqual([])
  })
})
