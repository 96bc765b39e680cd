/**
 * Excel 97-2003 workbooks (.xls, BIFF8; also Excel 95's BIFF5 and WPS .et files, which are the same
 * container) through SheetJS's reader. The rows come out exactly as the .xlsx reader gives them:
 * Excel's row numbers, plain cell values, merged cells' value in the top-left cell only, dates (by
 * their number format) as UTC Dates, numbers as the doubles Excel stored (so a damaged ID such as
 * 4.12346E+17 reaches the same checks), trailing blanks dropped, the same column and text caps.
 *
 * .xls has no checksums, so before SheetJS sees the file its structure is walked here: the OLE2
 * container must hold together, and the Workbook stream must be a chain of well-formed BIFF records
 * in which every BOF has its EOF. A truncated or damaged file, and one with an open password
 * (a FilePass record), are refused with their own message before anything is read.
 */
import { readFile, stat } from 'node:fs/promises'
import type * as SheetJS from '@e965/xlsx'
import { LedgerError } from '../../../../shared/api/result'
import type { CellValue } from '../../../../shared/import/cells'
import { serialToDate } from './sheet-xml'
import { fileAccessError, MAX_CELL_CHARS, MAX_COLUMNS, throwIfAborted, type ReadOptions, type SheetInfo, type SheetRow, type SheetView } from './types'
import { isDateFormatCode, type WorkbookSheet } from './workbook'
import { pickSheet, type MergedRange } from './xlsx'

let loading: Promise<typeof SheetJS> | null = null
/** SheetJS is loaded on the first .xls, not at every start. */
function loadSheetJS(): Promise<typeof SheetJS> {
  loading ??= import('@e965/xlsx').then((m) => ((m as { default?: typeof SheetJS }).default ?? m) as typeof SheetJS)
  return loading
}

/**
 * The largest .xls read: the format holds at most 65 536 rows of 256 columns, and SheetJS parses a
 * file whole, taking several times its size in memory.
 */
export const MAX_XLS_BYTES = 64 * 1024 * 1024

export function xlsDamagedError(cause?: unknown): LedgerError {
  const err = new LedgerError(
    'file_unreadable',
    '这个 Excel 97-2003（.xls）文件不完整或已损坏（可能没有下载完、复制时中断，或保存时出错），无法读取，未导入任何数据。请重新下载或从原系统重新导出；如果 Excel 或 WPS 还能打开它，请点「文件 → 另存为」，保存类型选「Excel 工作簿（*.xlsx）」，再导入另存的文件。',
  )
  if (cause !== undefined) err.cause = cause
  return err
}

export function xlsPasswordError(): LedgerError {
  return new LedgerError(
    'file_unsupported',
    '这个 Excel 97-2003（.xls）文件设置了打开密码，本软件无法读取，未导入任何数据。请在 Excel 中打开它，点「文件 → 信息 → 保护工作簿 → 用密码进行加密」，清空密码后保存（WPS：「文件 → 文档加密 → 密码加密」，清空打开密码），再导入。',
  )
}

function xlsTooLargeError(): LedgerError {
  return new LedgerError(
    'file_unsupported',
    `这个 Excel 97-2003（.xls）文件超过 ${MAX_XLS_BYTES / 1024 / 1024} MB，远大于这种格式能装下的花名册，无法导入。请用 Excel 或 WPS 打开它，另存为「Excel 工作簿（*.xlsx）」后再导入。`,
  )
}

const BOF_TYPES = new Set([0x0809, 0x0409, 0x0209, 0x0009])
const EOF = 0x000a
const FILEPASS = 0x002f
const BOUNDSHEET = 0x0085
/** BIFF8 records carry at most 8 224 bytes; no record type Excel writes is above the chart records (0x10xx) and a few 0x08xx. */
const MAX_RECORD_BYTES = 8224
const MAX_RECORD_TYPE = 0x1200

interface BiffStructure {
  /** Sheet type of each BoundSheet record, in order: 0 worksheet, 1 macro sheet, 2 chart, 6 VB module. */
  sheetTypes: number[]
  /** Hidden state of each BoundSheet record: 0 visible, 1 hidden, 2 very hidden. */
  sheetStates: number[]
  /** Stream offset of each BoundSheet's BOF (lbPlyPos). */
  sheetOffsets: number[]
}

/** Walks the Workbook stream's records; throws the damaged or password error when they do not hold together. */
export function checkBiffStream(stream: Uint8Array): BiffStructure {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength)
  const sheetTypes: number[] = []
  const sheetStates: number[] = []
  const sheetOffsets: number[] = []
  let p = 0
  let depth = 0
  let substreams = 0
  while (p + 4 <= stream.length) {
    const type = view.getUint16(p, true)
    const length = view.getUint16(p + 2, true)
    if (depth === 0 && substreams > 0 && type === 0 && length === 0) {
      // Zero padding after the last substream (Excel fills the stream up to its sector size).
      for (let q = p; q < stream.length; q++) if (stream[q] !== 0) throw xlsDamagedError()
      break
    }
    if (length > MAX_RECORD_BYTES || type > MAX_RECORD_TYPE || p + 4 + length > stream.length) throw xlsDamagedError()
    if (p === 0 && !BOF_TYPES.has(type)) throw xlsDamagedError()
    if (BOF_TYPES.has(type)) {
      depth++
      substreams++
    } else if (type === EOF) {
      if (--depth < 0) throw xlsDamagedError()
    } else if (depth === 0) throw xlsDamagedError() // a record outside any substream
    else if (type === FILEPASS && substreams === 1) throw xlsPasswordError()
    else if (type === BOUNDSHEET && substreams === 1 && length >= 6) {
      sheetOffsets.push(view.getUint32(p + 4, true))
      sheetStates.push(stream[p + 4 + 4]! & 0x03)
      sheetTypes.push(stream[p + 4 + 5]!)
    }
    p += 4 + length
  }
  if (depth !== 0 || substreams < 2) throw xlsDamagedError()
  if (p < stream.length && p + 4 > stream.length) {
    for (let q = p; q < stream.length; q++) if (stream[q] !== 0) throw xlsDamagedError()
  }
  return { sheetTypes, sheetStates, sheetOffsets }
}

const MERGECELLS = 0x00e5

const COLINFO = 0x007d

/**
 * The records of the sheet substream starting at `offset` (its BOF) that say how it looks, at the
 * sheet's own level (not in a chart embedded in it): MergeCells (a count and 8-byte Ref8 entries:
 * first row, last row, first column, last column) and ColInfo (first and last column, the width in
 * 1/256 of a character).
 */
function sheetRecordsAt(stream: Uint8Array, offset: number): { merges: MergedRange[]; widths: SheetView['widths'] } {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength)
  const merges: MergedRange[] = []
  const widths: SheetView['widths'] = []
  if (offset + 4 > stream.length || !BOF_TYPES.has(view.getUint16(offset, true))) return { merges, widths }
  let depth = 0
  for (let p = offset; p + 4 <= stream.length; ) {
    const type = view.getUint16(p, true)
    const length = view.getUint16(p + 2, true)
    if (BOF_TYPES.has(type)) depth++
    else if (type === EOF && --depth === 0) break
    else if (type === MERGECELLS && depth === 1 && length >= 2) {
      const count = Math.min(view.getUint16(p + 4, true), Math.floor((length - 2) / 8))
      for (let i = 0; i < count; i++) {
        const at = p + 6 + i * 8
        const top = view.getUint16(at, true)
        const bottom = view.getUint16(at + 2, true)
        const left = view.getUint16(at + 4, true)
        const right = view.getUint16(at + 6, true)
        merges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) })
      }
    } else if (type === COLINFO && depth === 1 && length >= 6) {
      const first = view.getUint16(p + 4, true)
      const last = view.getUint16(p + 6, true)
      const width = view.getUint16(p + 8, true) / 256
      if (last >= first && last < MAX_COLUMNS && width > 0) widths.push({ first, last, width })
    }
    p += 4 + length
  }
  return { merges, widths }
}

/** The chosen worksheet's substream records (see sheetRecordsAt); nothing for a sheet it cannot place. */
async function xlsSheetRecords(path: string, wanted: string | number | undefined): Promise<ReturnType<typeof sheetRecordsAt>> {
  const { sheets, stream, structure } = await parseXls(path, 'list')
  const chosen = pickSheet(sheets, wanted)
  // The listed sheets are the worksheets only (chart, macro and module sheets left out).
  const worksheets = structure.sheetTypes.length === structure.sheetOffsets.length ? structure.sheetOffsets.filter((_, i) => structure.sheetTypes[i] === 0) : []
  const offset = sheets.length === worksheets.length ? worksheets[chosen.index] : undefined
  return offset === undefined ? { merges: [], widths: [] } : sheetRecordsAt(stream, offset)
}

/**
 * The sheet's merged ranges, as the .xlsx reader gives them, from the sheet's MergeCells records:
 * the file's structure is walked (and checked) without SheetJS parsing the cells again, so this
 * costs little more than reading the file. BIFF5 (Excel 95) had no merged cells: none.
 */
export async function readXlsMergedRanges(path: string, wanted?: string | number): Promise<MergedRange[]> {
  return (await xlsSheetRecords(path, wanted)).merges
}

/** The sheet's column widths (ColInfo); .xls keeps its frozen panes where this reader does not look. */
export async function readXlsSheetView(path: string, wanted?: string | number): Promise<SheetView> {
  return { widths: (await xlsSheetRecords(path, wanted)).widths, frozen: null }
}

interface CfbEntry {
  content?: Uint8Array
  size?: number
}
interface CfbContainer {
  FileIndex: CfbEntry[]
}

/** The Workbook (BIFF8) or Book (BIFF5) stream of the OLE2 container, checked. */
function workbookStream(XLSX: typeof SheetJS, data: Buffer): Uint8Array {
  let cfb: CfbContainer
  let entry: CfbEntry | null = null
  try {
    cfb = XLSX.CFB.read(data, { type: 'buffer' }) as CfbContainer
    const find = XLSX.CFB.find as (c: CfbContainer, path: string) => CfbEntry | null
    if (find(cfb, '/EncryptionInfo') || find(cfb, '/EncryptedPackage')) throw xlsPasswordError()
    entry = find(cfb, '/Workbook') ?? find(cfb, '/Book')
  } catch (e) {
    throw e instanceof LedgerError ? e : xlsDamagedError(e)
  }
  const content = entry?.content
  if (!content || content.length === 0 || (entry!.size !== undefined && content.length < entry!.size)) throw xlsDamagedError()
  return content
}

interface ParsedXls {
  workbook: SheetJS.WorkBook
  sheets: WorkbookSheet[]
  /** The checked Workbook stream and its structure. */
  stream: Uint8Array
  structure: BiffStructure
}

/**
 * Parses the file whole (one sheet, or only the sheet list). SheetJS reports records it cannot make
 * sense of on console.error and reads on: here that is damage.
 */
async function parseXls(path: string, only: 'list' | 'all'): Promise<ParsedXls> {
  let data: Buffer
  try {
    if ((await stat(path)).size > MAX_XLS_BYTES) throw xlsTooLargeError()
    data = await readFile(path)
  } catch (e) {
    throw fileAccessError(e)
  }
  const XLSX = await loadSheetJS()
  const stream = workbookStream(XLSX, data)
  const structure = checkBiffStream(stream)

  const complaints: unknown[] = []
  const original = console.error
  console.error = (...args: unknown[]) => complaints.push(args[0])
  let workbook: SheetJS.WorkBook
  try {
    workbook = XLSX.read(data, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellText: false,
      cellHTML: false,
      ...(only === 'list' ? { bookSheets: true } : {}),
    })
  } catch (e) {
    if (e instanceof Error && /password/i.test(e.message)) throw xlsPasswordError()
    throw xlsDamagedError(e)
  } finally {
    console.error = original
  }
  if (complaints.length) throw xlsDamagedError(new Error(String(complaints[0])))
  const strings = (workbook as { Strings?: { length: number; Unique?: number } }).Strings
  if (only !== 'list' && strings && typeof strings.Unique === 'number' && strings.length !== strings.Unique) throw xlsDamagedError()

  const props = workbook.Workbook?.Sheets ?? []
  const sameCount = structure.sheetTypes.length === workbook.SheetNames.length
  const sheets: WorkbookSheet[] = []
  workbook.SheetNames.forEach((name, i) => {
    if (sameCount && structure.sheetTypes[i] !== 0) return // chart, macro and module sheets hold no rows
    const hidden = sameCount ? structure.sheetStates[i] : (props[i]?.Hidden ?? 0)
    sheets.push({ name, index: sheets.length, hidden: hidden !== 0, partPath: null })
  })
  if (sheets.length === 0) throw new LedgerError('file_unsupported', '这个 Excel 文件里没有工作表，没有可导入的内容。请确认选对了文件。')
  return { workbook, sheets, stream, structure }
}

/** The workbook's worksheets in tab order, hidden ones flagged. */
export async function listXlsSheets(path: string): Promise<SheetInfo[]> {
  const { sheets } = await parseXls(path, 'list')
  return sheets.map(({ name, index, hidden }) => ({ name, index, hidden }))
}

/** One SheetJS cell as the .xlsx reader would give it. */
function cellValue(cell: SheetJS.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null
  switch (cell.t) {
    case 's': {
      const v = typeof cell.v === 'string' ? cell.v : cell.v == null ? '' : String(cell.v)
      if (v === '') return null
      return v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v
    }
    case 'n': {
      const n = cell.v as number
      if (typeof n !== 'number' || !Number.isFinite(n)) return null
      const format = typeof cell.z === 'string' ? cell.z : ''
      return format && isDateFormatCode(format) ? (serialToDate(n, date1904) ?? n) : n
    }
    case 'b':
      return Boolean(cell.v)
    case 'd':
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v : null
    default:
      return null // 'e' (#N/A, #DIV/0!) and 'z' (blank)
  }
}

/**
 * Rows of one sheet of an .xls, in order, rows with no value skipped; cells past MAX_COLUMNS dropped
 * and texts longer than MAX_CELL_CHARS cut, flagging the row — as readXlsxRows does.
 */
export async function* readXlsRows(path: string, opts: ReadOptions = {}): AsyncGenerator<SheetRow> {
  const totalBytes = (await stat(path).catch((e: unknown) => {
    throw fileAccessError(e)
  })).size
  const { workbook, sheets } = await parseXls(path, 'all')
  const chosen = pickSheet(sheets, opts.sheet)
  throwIfAborted(opts.signal)
  const sheet = workbook.Sheets[chosen.name]
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904)
  const data = ((sheet as { '!data'?: (SheetJS.CellObject | undefined)[][] } | undefined)?.['!data'] ?? [])
  const totalRows = data.length
  let lastRow = 0
  for (let r = 0; r < data.length; r++) {
    const source = data[r]
    if (!source) continue
    let truncated = false
    const cells: CellValue[] = []
    let formats: (string | null)[] | null = null
    for (let c = 0; c < source.length; c++) {
      let v = cellValue(source[c], date1904)
      if (v === null) continue
      if (c >= MAX_COLUMNS) {
        truncated = true
        continue
      }
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
        v = v.slice(0, MAX_CELL_CHARS)
        truncated = true
      }
      while (cells.length < c) cells.push(null)
      cells[c] = v
      const z = opts.formats ? source[c]?.z : undefined
      if (typeof z === 'string' && z !== 'General') {
        formats ??= []
        while (formats.length < c) formats.push(null)
        formats[c] = z
      }
    }
    if (cells.length === 0) continue
    throwIfAborted(opts.signal)
    lastRow = r + 1
    const row: SheetRow = truncated ? { rowNumber: r + 1, cells, truncated: true } : { rowNumber: r + 1, cells }
    if (formats) row.formats = formats
    yield row
    if (lastRow % 500 === 0) opts.onProgress?.({ bytesRead: Math.round((totalBytes * lastRow) / Math.max(1, totalRows)), totalBytes, rowNumber: lastRow, totalRows })
  }
  opts.onProgress?.({ bytesRead: totalBytes, totalBytes, rowNumber: lastRow, totalRows })
  opts.onBytes?.(totalBytes)
}
