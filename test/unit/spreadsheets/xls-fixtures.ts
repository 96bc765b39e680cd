/**
 * .xls fixtures written with SheetJS's own BIFF8 writer (the library the .xls reader uses), in the
 * shapes counties send: title rows merged across the table, a two-level header, dates, ID numbers
 * stored as numbers, several sheets. Fictional data only.
 */
import * as XLSX from '@e965/xlsx'

export type FixtureCell = string | number | boolean | Date | null

export interface FixtureSheet {
  name: string
  rows: FixtureCell[][]
  /** 0-based ranges, as SheetJS takes them. */
  merges?: { s: { r: number; c: number }; e: { r: number; c: number } }[]
  /** Number format per cell address ('D5' → 'yyyy"年"m"月"d"日"'); dates default to yyyy-mm-dd. */
  formats?: Record<string, string>
  hidden?: boolean
}

export function workbookOf(sheets: FixtureSheet[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new()
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(
      s.rows.map((r) => r.map((v) => (v === null ? undefined : v))),
      { cellDates: false, dateNF: 'yyyy-mm-dd' },
    )
    if (s.merges) ws['!merges'] = s.merges
    for (const [ref, z] of Object.entries(s.formats ?? {})) if (ws[ref]) (ws[ref] as XLSX.CellObject).z = z
    XLSX.utils.book_append_sheet(wb, ws, s.name)
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) }
  return wb
}

/** The workbook as Excel 97-2003 (.xls) bytes. */
export function xlsBytes(sheets: FixtureSheet[]): Buffer {
  return XLSX.write(workbookOf(sheets), { bookType: 'biff8', type: 'buffer' }) as Buffer
}

/** The same workbook as .xlsx bytes, to compare the two readers. */
export function xlsxBytes(sheets: FixtureSheet[]): Buffer {
  return XLSX.write(workbookOf(sheets), { bookType: 'xlsx', type: 'buffer' }) as Buffer
}

const BOF = 0x0809

/**
 * The .xls with an open password: a FilePass record (XOR obfuscation, as Excel 97 writes it) right
 * after the globals' BOF. The rest stays readable, which is exactly what a reader must not do.
 */
export function withFilePass(xls: Buffer): Buffer {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' })
  const entry = XLSX.CFB.find(cfb, '/Workbook') as { content: Uint8Array }
  const stream = Buffer.from(entry.content)
  if (stream.readUInt16LE(0) !== BOF) throw new Error('not BIFF8')
  const bofEnd = 4 + stream.readUInt16LE(2)
  const filePass = Buffer.alloc(4 + 6)
  filePass.writeUInt16LE(0x002f, 0)
  filePass.writeUInt16LE(6, 2)
  filePass.writeUInt16LE(0, 4) // wEncryptionType 0: XOR
  filePass.writeUInt16LE(0x1234, 6) // key
  filePass.writeUInt16LE(0xabcd, 8) // verifier
  const patched = Buffer.concat([stream.subarray(0, bofEnd), filePass, stream.subarray(bofEnd)])
  // BoundSheet offsets point into the stream: shift them by the inserted record.
  for (let p = 0; p + 4 <= patched.length; ) {
    const type = patched.readUInt16LE(p)
    const len = patched.readUInt16LE(p + 2)
    if (type === 0x0085) patched.writeUInt32LE(patched.readUInt32LE(p + 4) + filePass.length, p + 4)
    if (type === 0x000a) break
    p += 4 + len
  }
  XLSX.CFB.utils.cfb_add(cfb, '/Workbook', patched)
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array)
}
