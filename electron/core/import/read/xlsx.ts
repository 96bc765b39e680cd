/**
 * Streaming .xlsx reader. exceljs's WorkbookReader does the unzipping and XML
 * parsing row by row, so memory stays flat on 100 000-row files; what we feed it
 * is not the file itself but a zip stream rebuilt from the file's own compressed
 * bytes holding only the parts one sheet needs, in the order exceljs needs them:
 *
 * - only the chosen sheet is inflated and parsed (other sheets are never read);
 * - shared strings and styles always come before the sheet, so exceljs parses the
 *   sheet as it streams instead of first copying every sheet into temp files
 *   (which it does when, as in Excel's own files, the sheets come first), and
 *   date styles are known when the first row arrives;
 * - parts under non-standard names (xl/SharedStrings.xml, /xl/worksheets/data.xml)
 *   get the names exceljs looks for;
 * - the bytes streamed give an honest progress figure.
 *
 * exceljs 4.4.0 also decodes each chunk of XML separately, so a Chinese character
 * split across two chunks turns into U+FFFD (exceljs issues #2063, #2316); the
 * reader instance is patched to decode UTF-8 as a stream.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import ExcelJS from 'exceljs'
import type { CellValue } from '../../../../shared/import/cells'
import { LedgerError } from '../../../../shared/api/result'
import { toCellValue } from './cell-value'
import {
  corruptFileError,
  fileAccessError,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  SAVE_AS_XLSX,
  throwIfAborted,
  type ReadOptions,
  type SheetInfo,
  type SheetRow,
} from './types'
import { dateStyleIds, openWorkbookPackage, type WorkbookPackage, type WorkbookSheet } from './workbook'
import { endRecord, entryDataOffset, findEntry, localHeader, peekEntry, type ZipDirectory, type ZipEntry } from './zip'

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

/** Rows from the sheet's <dimension ref="A1:AB100003">, and whether its elements carry a namespace prefix. */
async function peekSheet(zip: ZipDirectory, entry: ZipEntry): Promise<{ totalRows: number | null; prefixed: boolean }> {
  const head = (await peekEntry(zip, entry, 64 * 1024)).toString('utf8')
  const prefixed = /<[\w.-]+:worksheet\b/.test(head)
  const ref = /<(?:[\w.-]+:)?dimension\b[^>]*\bref\s*=\s*"([^"]*)"/.exec(head)?.[1]
  const last = ref ? /(\d+)$/.exec(ref)?.[1] : undefined
  return { totalRows: last ? Number(last) : null, prefixed }
}

interface Part {
  name: string
  entry?: ZipEntry
  dataOffset?: number
  /** Synthesised content (an empty shared-strings table), stored uncompressed. */
  data?: Buffer
}

function partBytes(part: Part): number {
  return 30 + Buffer.byteLength(part.name) + (part.data ? part.data.length : part.entry!.compressedSize)
}

/** The rebuilt zip: a local header then the original compressed bytes, for each part, then an end record. */
async function* rebuiltZip(path: string, parts: Part[], counter: { bytes: number }): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if (part.data) {
      const data = part.data
      const header = localHeader({ method: 0, crc32: zlib.crc32(data), compressedSize: data.length, uncompressedSize: data.length }, part.name)
      counter.bytes += header.length + data.length
      yield Buffer.concat([header, data])
      continue
    }
    const entry = part.entry!
    const header = localHeader(entry, part.name)
    counter.bytes += header.length
    yield header
    if (entry.compressedSize === 0) continue
    const start = part.dataOffset!
    const stream = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 })
    try {
      for await (const chunk of stream) {
        counter.bytes += (chunk as Buffer).length
        yield chunk as Buffer
      }
    } finally {
      stream.destroy()
    }
  }
  const end = endRecord()
  counter.bytes += end.length
  yield end
}

async function* utf8Chunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.decode(c as Uint8Array, { stream: true })
    if (s) yield s
  }
  const tail = decoder.decode()
  if (tail) yield tail
}

interface StyleManager {
  getStyleModel(id: number): object | null
}

/** Makes this reader decode every XML part as a UTF-8 stream (see the file comment). */
function patchUtf8Decoding(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as Record<string, unknown>
  for (const method of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) {
    const original = r[method]
    if (typeof original !== 'function') throw new Error(`exceljs internals changed: WorkbookReader.${method} is missing`)
    r[method] = function (this: unknown, entry: { setEncoding(encoding: string): unknown }) {
      entry.setEncoding('utf8')
      return original.call(this, entry)
    }
  }
  const parseWorksheet = r._parseWorksheet
  if (typeof parseWorksheet !== 'function') throw new Error('exceljs internals changed: WorkbookReader._parseWorksheet is missing')
  r._parseWorksheet = function (this: unknown, iterator: AsyncIterable<unknown>, sheetNo: string) {
    return parseWorksheet.call(this, utf8Chunks(iterator), sheetNo)
  }
}

/** Style objects exceljs attaches to cells whose style index is a date format (exceljs caches one object per index). */
function dateStyleObjects(reader: ExcelJS.stream.xlsx.WorkbookReader, ids: Set<number>): WeakSet<object> {
  const out = new WeakSet<object>()
  const styles = (reader as unknown as { styles?: StyleManager }).styles
  if (!styles || typeof styles.getStyleModel !== 'function') return out
  for (const id of ids) {
    const model = styles.getStyleModel(id)
    if (model) out.add(model)
  }
  return out
}

const MAX_SERIAL = 2_958_466 // 10000-01-01

function serialToDate(serial: number, date1904: boolean): Date | null {
  if (serial < 0 || serial >= MAX_SERIAL) return null
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

/**
 * A failure that may happen while exceljs waits on a stream. Listeners are added per step and
 * removed again: racing each step against one long-lived promise would keep every row alive.
 */
class Failure {
  private error: { e: unknown } | null = null
  private readonly listeners = new Set<(e: unknown) => void>()
  fail(e: unknown): void {
    if (this.error) return
    this.error = { e }
    for (const l of this.listeners) l(e)
    this.listeners.clear()
  }
  /** `it.next()`, or a rejection as soon as the failure happens. */
  next<T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> {
    if (this.error) return Promise.reject(this.error.e)
    return new Promise((resolve, reject) => {
      this.listeners.add(reject)
      it.next().then(
        (v) => {
          this.listeners.delete(reject)
          resolve(v)
        },
        (e: unknown) => {
          this.listeners.delete(reject)
          reject(e)
        },
      )
    })
  }
}

/** Iterates `source`, but gives up as soon as `failure` fails (a stream error exceljs would otherwise wait on forever). */
async function* untilFailed<T>(source: AsyncIterable<T>, failure: Failure): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]()
  let broken = false
  try {
    for (;;) {
      const step = await failure.next(it).catch((e: unknown) => {
        broken = true
        throw e
      })
      if (step.done) return
      yield step.value
    }
  } finally {
    // A generator stuck in next() cannot be returned (the request would wait behind it).
    if (!broken) await it.return?.()
  }
}

interface PreparedSheet {
  pkg: WorkbookPackage
  parts: Part[]
  totalBytes: number
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

function zipBombError(): LedgerError {
  return new LedgerError(
    'file_unsupported',
    `这个文件的压缩数据异常（解压后比原文件大几百倍以上，疑似「压缩炸弹」），为保护电脑已停止读取。请向发文件的单位核实，或用 Excel 打开后另存为新文件再导入。`,
  )
}

/** Everything known before streaming: the sheet's parts, where their bytes start, the date styles. */
async function prepareSheet(path: string, wanted: string | number | undefined): Promise<PreparedSheet> {
  const pkg = await openWorkbookPackage(path)
  const sheet = pickSheet(pkg.sheets, wanted)
  const sheetEntry = sheet.partPath ? findEntry(pkg.zip, sheet.partPath) : undefined
  if (!sheetEntry) throw corruptFileError()
  if (sheetEntry.compressedSize >= 0xffffffff || sheetEntry.uncompressedSize >= 0xffffffff) {
    throw new LedgerError('file_unsupported', '这个工作表太大（超过 4 GB），无法导入。请把数据分成几个文件后再导入。')
  }
  for (const entry of [sheetEntry, pkg.sharedStrings]) if (entry && looksLikeZipBomb(entry)) throw zipBombError()
  const { totalRows, prefixed } = await peekSheet(pkg.zip, sheetEntry)
  if (prefixed) throw new LedgerError('file_unsupported', `这个工作簿由其他软件生成，结构不标准，本软件无法读取。${SAVE_AS_XLSX}`)
  const dateIds = await dateStyleIds(pkg)

  const parts: Part[] = [
    { name: 'xl/workbook.xml', entry: pkg.workbook },
    { name: 'xl/_rels/workbook.xml.rels', entry: pkg.workbookRels },
    ...(pkg.styles ? [{ name: 'xl/styles.xml', entry: pkg.styles }] : []),
    // Without a shared-strings part exceljs would park the sheet in a temp file: give it an empty one.
    pkg.sharedStrings
      ? { name: 'xl/sharedStrings.xml', entry: pkg.sharedStrings }
      : { name: 'xl/sharedStrings.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') },
    { name: 'xl/worksheets/sheet1.xml', entry: sheetEntry },
  ]
  for (const part of parts) if (part.entry) part.dataOffset = await entryDataOffset(pkg.zip, part.entry)
  const totalBytes = parts.reduce((n, p) => n + partBytes(p), 0) + 22
  return { pkg, parts, totalBytes, totalRows, dateIds }
}

/**
 * Rows of one sheet, in order, as plain cell values. Rows with no value are skipped (Excel leaves
 * them out of the file anyway). Cells past MAX_COLUMNS are dropped and texts longer than
 * MAX_CELL_CHARS are cut; either sets `truncated` on the row rather than failing the import.
 */
export async function* readXlsxRows(path: string, opts: XlsxReadOptions = {}): AsyncGenerator<SheetRow> {
  const { pkg, parts, totalBytes, totalRows, dateIds } = await prepareSheet(path, opts.sheet).catch((e: unknown) => {
    throw fileAccessError(e)
  })

  const counter = { bytes: 0 }
  const input = Readable.from(rebuiltZip(path, parts, counter), { objectMode: false })
  const failure = new Failure()
  input.on('error', (e) => failure.fail(e))
  // exceljs pipes the input into its unzip stream; an inflate error is emitted there while exceljs
  // waits for the entry's next chunk, so without this listener a corrupt sheet would hang.
  const pipe = input.pipe.bind(input)
  input.pipe = (<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T => {
    dest.on('error', (e: unknown) => failure.fail(e))
    return pipe(dest, options)
  }) as typeof input.pipe

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore', // a hyperlink cell then reads as its displayed text
    styles: 'cache', // needed to tell dates from numbers
    worksheets: 'emit',
  })
  patchUtf8Decoding(reader)

  const report = (rowNumber: number): void => {
    opts.onProgress?.({ bytesRead: counter.bytes, totalBytes, rowNumber, totalRows })
  }
  const fileScale = pkg.zip.size / totalBytes
  let lastRow = 0
  let seen = 0
  try {
    for await (const worksheet of untilFailed(reader, failure)) {
      const dateStyles = dateStyleObjects(reader, dateIds)
      for await (const row of untilFailed(worksheet, failure)) {
        throwIfAborted(opts.signal)
        const cells: CellValue[] = []
        let truncated = false
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          let v = toCellValue(cell.value)
          if (v === null) return
          if (col > MAX_COLUMNS) {
            truncated = true
            return
          }
          if (typeof v === 'number' && dateStyles.has(cell.style)) v = serialToDate(v, pkg.date1904) ?? v
          if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
            v = v.slice(0, MAX_CELL_CHARS)
            truncated = true
          }
          cells[col - 1] = v
        })
        lastRow = row.number
        opts.onBytes?.(Math.round(counter.bytes * fileScale))
        if (++seen % PROGRESS_EVERY_ROWS === 0) report(row.number)
        if (cells.length === 0) continue
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
        yield truncated ? { rowNumber: row.number, cells, truncated: true } : { rowNumber: row.number, cells }
      }
    }
    report(lastRow)
    opts.onBytes?.(pkg.zip.size)
  } catch (e) {
    throw e instanceof LedgerError ? e : corruptFileError(e)
  } finally {
    input.destroy()
  }
}
