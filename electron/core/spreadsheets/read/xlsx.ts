/**
 * Streaming .xlsx reader. The zip is read through its directory (zip.ts), so only
 * the parts one sheet needs are ever inflated: the shared strings first, then the
 * chosen sheet, each parsed as it inflates (sheet-xml.ts), so memory stays flat on
 * 100 000-row files and the progress figure follows the compressed bytes read.
 * Parts under non-standard names (xl/SharedStrings.xml, /xl/worksheets/data.xml)
 * are found through the workbook's relationships; date styles come from styles.xml,
 * including the Chinese built-in formats.
 */
import { LedgerError } from '../../../../shared/api/result'
import {
  corruptFileError,
  type AbortLike,
  fileAccessError,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  throwIfAborted,
  type ReadOptions,
  type SheetInfo,
  type SheetRow,
  type SheetView,
} from './types'
import { SharedStringsParser, sharedStringsTooLargeError, SheetRowsParser, XmlFeed, type TagHandler } from './sheet-xml'
import { dateStyleIds, openWorkbookPackage, styleFormatCodes, type WorkbookPackage, type WorkbookSheet } from './workbook'
import { findEntry, inflateEntry, peekEntry, type ZipDirectory, type ZipEntry } from './zip'

export type XlsxReadOptions = ReadOptions

const PROGRESS_EVERY_ROWS = 500

/** The workbook's worksheets in tab order, hidden ones flagged (chart sheets left out). */
export async function listXlsxSheets(path: string): Promise<SheetInfo[]> {
  const pkg = await openWorkbookPackage(path).catch((e: unknown) => {
    throw fileAccessError(e)
  })
  return pkg.sheets.map(({ name, index, hidden }) => ({ name, index, hidden }))
}

/** By name (exact, then ignoring surrounding spaces) or 0-based index; default the first visible sheet. */
export function pickSheet(sheets: WorkbookSheet[], sheet: string | number | undefined): WorkbookSheet {
  if (sheet === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0]!
  const found =
    typeof sheet === 'number'
      ? sheets[sheet]
      : (sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.trim() === sheet.trim()))
  if (found) return found
  const names = sheets.map((s) => `「${s.name}」`).join('、')
  throw new LedgerError(
    'sheet_not_found',
    typeof sheet === 'number'
      ? `这个文件里没有第 ${sheet + 1} 个工作表（共 ${sheets.length} 个：${names}）。请重新选择要导入的工作表。`
      : `这个文件里没有名为「${sheet}」的工作表（文件中的工作表有：${names}）。请重新选择要导入的工作表。`,
  )
}

/** Rows from the sheet's <dimension ref="A1:AB100003">, for the progress estimate. */
async function peekTotalRows(zip: ZipDirectory, entry: ZipEntry): Promise<number | null> {
  const head = (await peekEntry(zip, entry, 64 * 1024)).toString('utf8')
  const ref = /<(?:[\w.-]+:)?dimension\b[^>]*\bref\s*=\s*"([^"]*)"/.exec(head)?.[1]
  const last = ref ? /(\d+)$/.exec(ref)?.[1] : undefined
  return last ? Number(last) : null
}

interface PreparedSheet {
  pkg: WorkbookPackage
  sheet: ZipEntry
  totalRows: number | null
  dateIds: Set<number>
}

/**
 * Sheet XML compresses 5–30 times; a part that inflates a thousand times over is a zip bomb (or
 * padding the parser would wade through for nothing).
 */
const BOMB_MIN_BYTES = 64 * 1024 * 1024
const BOMB_RATIO = 200

function looksLikeZipBomb(entry: { compressedSize: number; uncompressedSize: number }): boolean {
  return entry.uncompressedSize > BOMB_MIN_BYTES && entry.uncompressedSize / Math.max(1, entry.compressedSize) > BOMB_RATIO
}

/** The shared-strings XML a file may declare: some 15 times what the caps of SharedStringsParser let through. */
export const MAX_SHARED_STRINGS_XML_BYTES = 1024 * 1024 * 1024

function zipBombError(): LedgerError {
  return new LedgerError(
    'file_unsupported',
    `这个文件的压缩数据异常（解压后比原文件大几百倍以上，疑似「压缩炸弹」），为保护电脑已停止读取。请向发文件的单位核实，或用 Excel 打开后另存为新文件再导入。`,
  )
}

/** Everything known before streaming: the sheet's part, its size in rows, the date styles. */
async function prepareSheet(path: string, wanted: string | number | undefined): Promise<PreparedSheet> {
  const pkg = await openWorkbookPackage(path)
  const chosen = pickSheet(pkg.sheets, wanted)
  const sheet = chosen.partPath ? findEntry(pkg.zip, chosen.partPath) : undefined
  if (!sheet) throw corruptFileError()
  if (sheet.compressedSize >= 0xffffffff || sheet.uncompressedSize >= 0xffffffff) {
    throw new LedgerError('file_unsupported', '这个工作表太大（超过 4 GB），无法导入。请把数据分成几个文件后再导入。')
  }
  if (pkg.sharedStrings && pkg.sharedStrings.uncompressedSize > MAX_SHARED_STRINGS_XML_BYTES) throw sharedStringsTooLargeError()
  for (const entry of [sheet, pkg.sharedStrings]) if (entry && looksLikeZipBomb(entry)) throw zipBombError()
  return { pkg, sheet, totalRows: await peekTotalRows(pkg.zip, sheet), dateIds: await dateStyleIds(pkg) }
}

/**
 * Feeds an entry's text through `handler` as it inflates, yielding after each chunk so the caller
 * can take what the handler has finished. UTF-8 is decoded as a stream: a character split across
 * two chunks stays whole.
 */
async function* parseEntry(zip: ZipDirectory, entry: ZipEntry, handler: TagHandler, onCompressed: (bytes: number) => void, checkCrc = true): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8')
  const feed = new XmlFeed(handler)
  // After </sheetData> the rest still inflates: the size and CRC are checked at the end.
  for await (const chunk of inflateEntry(zip, entry, onCompressed, { checkCrc })) {
    if (handler.done) continue
    feed.push(decoder.decode(chunk, { stream: true }))
    yield
  }
  feed.push(decoder.decode())
  if (feed.end()) throw corruptFileError()
  yield
}

/**
 * Rows of one sheet, in order, as plain cell values. Rows with no value are skipped (Excel leaves
 * them out of the file anyway). Cells past MAX_COLUMNS are dropped and texts longer than
 * MAX_CELL_CHARS are cut; either sets `truncated` on the row rather than failing the import.
 */
export async function* readXlsxRows(path: string, opts: XlsxReadOptions = {}): AsyncGenerator<SheetRow> {
  const { pkg, sheet, totalRows, dateIds } = await prepareSheet(path, opts.sheet).catch((e: unknown) => {
    throw fileAccessError(e)
  })
  const strings = pkg.sharedStrings
  const totalBytes = (strings?.compressedSize ?? 0) + sheet.compressedSize
  let bytesRead = 0
  let lastRow = 0
  const report = (): void => opts.onProgress?.({ bytesRead, totalBytes, rowNumber: lastRow, totalRows })
  const onBytes = (base: number) => (n: number) => {
    bytesRead = base + n
    opts.onBytes?.(Math.round((bytesRead / Math.max(1, totalBytes)) * pkg.zip.size))
  }
  try {
    const shared = new SharedStringsParser()
    if (strings) for await (const _ of parseEntry(pkg.zip, strings, shared, onBytes(0))) throwIfAborted(opts.signal)
    const parser = new SheetRowsParser({
      sharedStrings: shared.strings,
      dateStyles: dateIds,
      date1904: pkg.date1904,
      maxColumns: MAX_COLUMNS,
      maxCellChars: MAX_CELL_CHARS,
      formatCodes: opts.formats ? await styleFormatCodes(pkg) : undefined,
    })
    let seen = 0
    for await (const _ of parseEntry(pkg.zip, sheet, parser, onBytes(strings?.compressedSize ?? 0), !opts.skipSheetCrc)) {
      const rows = parser.rows
      parser.rows = []
      for (const row of rows) {
        throwIfAborted(opts.signal)
        lastRow = row.rowNumber
        if (++seen % PROGRESS_EVERY_ROWS === 0) report()
        yield row
      }
    }
    report()
    opts.onBytes?.(pkg.zip.size)
  } catch (e) {
    throw e instanceof LedgerError ? e : corruptFileError(e)
  }
}

/** A merged range, 0-based and inclusive (row 0 is Excel row 1, column 0 is A). */
export interface MergedRange {
  top: number
  left: number
  bottom: number
  right: number
}

const MAX_MERGE_XML = 8 * 1024 * 1024

function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref)
  if (!m) return null
  let col = 0
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64)
  return { row: Number(m[2]) - 1, col: col - 1 }
}

/** The end of the rows, `</sheetData>` or `</x:sheetData>`: the bytes searched for, then the tag checked. */
const SHEET_DATA_END = Buffer.from('sheetData>')
/** Bytes of one chunk kept for the next, so a closing tag split across two chunks is still found. */
const CARRY_BYTES = 64

/**
 * Where `</sheetData>` (with any namespace prefix) starts in buf, or -1. A `<` in text is always
 * escaped, so the only `</…sheetData>` in the part is the tag itself.
 */
export function sheetDataEnd(buf: Buffer): number {
  for (let p = buf.indexOf(SHEET_DATA_END); p >= 0; p = buf.indexOf(SHEET_DATA_END, p + 1)) {
    let k = p
    if (buf[k - 1] === 0x3a) {
      // A prefix: [\w.-]+ before the colon.
      k--
      while (k > 0 && isNameByte(buf[k - 1]!)) k--
      if (k === p - 1) continue
    }
    if (buf[k - 1] === 0x2f && buf[k - 2] === 0x3c) return k - 2
  }
  return -1
}

function isNameByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2e || b === 0x2d
}

export interface MergedRangesOptions {
  /**
   * Inflate (and so check the size and CRC of) the whole part even when the XML after the rows is
   * cut at MAX_MERGE_XML: for a caller whose row read skips the check (ReadOptions.skipSheetCrc).
   */
  wholePart?: boolean
  /** Stops the pass (it rejects as cancelled), e.g. when the read it runs beside has failed. */
  signal?: AbortLike
}

/**
 * The sheet's merged ranges (<mergeCells>, which Excel writes after the rows). One extra pass
 * that only inflates the part and looks past </sheetData>; memory stays flat. The rows are searched
 * as bytes (not decoded: a county roster is hundreds of MB of XML); only what follows them is text.
 */
export async function readXlsxMergedRanges(path: string, wanted?: string | number, opts: MergedRangesOptions = {}): Promise<MergedRange[]> {
  const { pkg, sheet } = await prepareSheet(path, wanted).catch((e: unknown) => {
    throw fileAccessError(e)
  })
  const decoder = new TextDecoder('utf-8')
  let carry: Buffer | null = null
  let tail: string | null = null
  let cut = false
  for await (const chunk of inflateEntry(pkg.zip, sheet)) {
    throwIfAborted(opts.signal)
    if (cut) continue
    if (tail !== null) {
      tail += decoder.decode(chunk, { stream: true })
      if (tail.length <= MAX_MERGE_XML) continue
      if (!opts.wholePart) break
      cut = true
      continue
    }
    // A tag across the edge is found in the end of the last chunk and the start of this one; no
    // chunk is copied whole (copies of 256 KB left the process's RSS higher for the whole import).
    if (carry) {
      const edge = Buffer.concat([carry, chunk.subarray(0, CARRY_BYTES)])
      const at = sheetDataEnd(edge)
      if (at >= 0 && at < carry.length) {
        tail = decoder.decode(carry.subarray(at), { stream: true }) + decoder.decode(chunk, { stream: true })
        continue
      }
    }
    const at = sheetDataEnd(chunk)
    if (at >= 0) tail = decoder.decode(chunk.subarray(at), { stream: true })
    else carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - CARRY_BYTES)))
  }
  const ranges: MergedRange[] = []
  for (const m of (tail ?? '').matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*\bref\s*=\s*"([^"]+)"/g)) {
    const [a, b] = m[1]!.split(':')
    const from = cellRef(a ?? '')
    const to = cellRef(b ?? a ?? '')
    if (!from || !to) continue
    ranges.push({ top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) })
  }
  return ranges
}

/** Of the sheet part, what comes before <sheetData> (sheetViews, cols) is read: their size is bounded by this. */
const VIEW_PEEK_BYTES = 256 * 1024

/** The sheet's column widths (<cols>) and frozen panes (<pane state="frozen">), from the part's head. */
export async function readXlsxSheetView(path: string, wanted?: string | number): Promise<SheetView> {
  const pkg = await openWorkbookPackage(path).catch((e: unknown) => {
    throw fileAccessError(e)
  })
  const chosen = pickSheet(pkg.sheets, wanted)
  const sheet = chosen.partPath ? findEntry(pkg.zip, chosen.partPath) : undefined
  if (!sheet) throw corruptFileError()
  let head = (await peekEntry(pkg.zip, sheet, VIEW_PEEK_BYTES)).toString('utf8')
  const data = head.search(/<(?:[\w.-]+:)?sheetData\b/)
  if (data >= 0) head = head.slice(0, data)
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1]
  const widths: SheetView['widths'] = []
  for (const m of head.matchAll(/<(?:[\w.-]+:)?col\b([^>]*)>/g)) {
    const min = Number(attr(m[1]!, 'min'))
    const max = Number(attr(m[1]!, 'max') ?? min)
    const width = Number(attr(m[1]!, 'width'))
    if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && max <= MAX_COLUMNS && width > 0 && width < 256) {
      widths.push({ first: min - 1, last: max - 1, width })
    }
  }
  const pane = /<(?:[\w.-]+:)?pane\b([^>]*)>/.exec(head)?.[1]
  const state = pane ? attr(pane, 'state') : undefined
  const frozen =
    pane && (state === 'frozen' || state === 'frozenSplit')
      ? { rows: Math.max(0, Math.floor(Number(attr(pane, 'ySplit') ?? 0)) || 0), columns: Math.max(0, Math.floor(Number(attr(pane, 'xSplit') ?? 0)) || 0) }
      : null
  return { widths, frozen: frozen && (frozen.rows || frozen.columns) ? frozen : null }
}
