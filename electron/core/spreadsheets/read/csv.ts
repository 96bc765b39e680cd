/**
 * Streaming CSV / tab-separated text reader. Encoding: a BOM decides (UTF-8,
 * or UTF-16 as Excel's "Unicode text" export writes); otherwise the whole file
 * is first checked as strict UTF-8 (cheap next to parsing), and anything that
 * is not valid UTF-8 is read as GB18030, the superset of the GBK that Chinese
 * Excel and WPS write. Parsing follows RFC 4180 (quoted fields, doubled quotes,
 * line breaks inside quotes, CRLF/LF/CR) and is lenient with stray quotes the
 * way Excel is. Values are strings; empty fields are null.
 */
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { LedgerError } from '../../../../shared/api/result'
import { columnLetter, type CellValue } from '../../../../shared/import/cells'
import { fileAccessError, MAX_CELL_CHARS, MAX_COLUMNS, throwIfAborted, type ReadOptions, type SheetRow } from './types'

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'
export type CsvDelimiter = ',' | '\t'

export interface CsvReadOptions extends Omit<ReadOptions, 'sheet'> {
  /** Forces an encoding instead of detecting it. */
  encoding?: CsvEncoding
  /** Forces a delimiter instead of sniffing it from the first lines. */
  delimiter?: CsvDelimiter
}

const CHUNK_BYTES = 64 * 1024

/** BOM first; else strict UTF-8 over the whole file; else GB18030. */
export async function detectCsvEncoding(path: string): Promise<CsvEncoding> {
  const fh = await open(path, 'r')
  const head = Buffer.alloc(4)
  let n: number
  try {
    n = (await fh.read(head, 0, 4, 0)).bytesRead
  } finally {
    await fh.close()
  }
  if (n >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'

  const strict = new TextDecoder('utf-8', { fatal: true })
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 })
  try {
    for await (const chunk of stream) strict.decode(chunk as Buffer, { stream: true })
    strict.decode()
    return 'utf-8'
  } catch (e) {
    if (e instanceof TypeError) return 'gb18030' // TextDecoder's "invalid data" error
    throw e
  } finally {
    stream.destroy()
  }
}

export interface Utf8Damage {
  /** Byte offset of the first byte that is not UTF-8. */
  offset: number
  byte: number
  /** Invalid sequences in the whole file. */
  count: number
}

/**
 * For a file that is not valid UTF-8: whether it is UTF-8 with a few bad bytes (a damaged copy)
 * rather than GBK. GBK's Chinese text is almost never a valid UTF-8 sequence, so a file with many
 * valid multi-byte sequences and at most one invalid one per 50 of them is damaged UTF-8.
 */
export async function findUtf8Damage(path: string): Promise<Utf8Damage | null> {
  let valid = 0
  let invalid = 0
  let first = -1
  let firstByte = 0
  let need = 0
  let start = 0
  let pos = 0
  const bad = (at: number, byte: number) => {
    invalid++
    if (first < 0) {
      first = at
      firstByte = byte
    }
  }
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 })
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer
      for (let i = 0; i < buf.length; i++, pos++) {
        const b = buf[i]!
        if (need > 0) {
          if ((b & 0xc0) === 0x80) {
            if (--need === 0) valid++
            continue
          }
          need = 0
          bad(start, b)
        }
        if (b < 0x80) continue
        start = pos
        if (b >= 0xc2 && b <= 0xdf) need = 1
        else if (b >= 0xe0 && b <= 0xef) need = 2
        else if (b >= 0xf0 && b <= 0xf4) need = 3
        else bad(pos, b)
      }
    }
  } finally {
    stream.destroy()
  }
  if (need > 0) bad(start, 0)
  if (first < 0 || valid < 10 || invalid * 50 > valid) return null
  return { offset: first, byte: firstByte, count: invalid }
}

/** Where in the table the damaged byte sits: the text before it, parsed, gives its record and field. */
async function utf8DamageError(path: string, damage: Utf8Damage): Promise<LedgerError> {
  const fh = await open(path, 'r')
  const head = Buffer.alloc(damage.offset)
  try {
    await fh.read(head, 0, damage.offset, 0)
  } finally {
    await fh.close()
  }
  const text = new TextDecoder('utf-8').decode(head)
  const parser = new CsvParser(sniffDelimiter(text))
  parser.push(text)
  const { row, column } = parser.position()
  const hex = damage.byte.toString(16).toUpperCase().padStart(2, '0')
  const more = damage.count > 1 ? `（全文共 ${damage.count} 处这样的字节，这是第一处）` : ''
  return new LedgerError(
    'file_unreadable',
    `这个 CSV 文件是 UTF-8 编码，但第 ${row} 行第 ${column} 列（${columnLetter(column - 1)} 列）有一个无法识别的字节（0x${hex}）${more}，可能是文件在复制、拼接或保存时损坏。为免把乱码导入台账，本次未导入任何数据。请用记事本或 Excel 打开文件，改正这一格（它会显示为乱码或「�」），保存为「CSV UTF-8」后再导入。`,
  )
}

function nulError(row: number, column: number): LedgerError {
  return new LedgerError(
    'file_unreadable',
    `第 ${row} 行第 ${column} 列（${columnLetter(column - 1)} 列）含有一个空字符（NUL，字节 0x00）。正常的表格里不会有这种字符，多半是文件损坏或被拼接了其他内容。为免把它存进台账，本次未导入任何数据。请用 Excel 或 WPS 打开文件检查这一行，改正后另存为新的文件再导入。`,
  )
}

/** Tab when the first lines hold more tabs than commas outside quotes, else comma. */
export function sniffDelimiter(sample: string): CsvDelimiter {
  let commas = 0
  let tabs = 0
  let lines = 0
  let quoted = false
  for (let i = 0; i < sample.length && lines < 20; i++) {
    const c = sample[i]
    if (c === '"') quoted = !quoted
    else if (quoted) continue
    else if (c === ',') commas++
    else if (c === '\t') tabs++
    else if (c === '\n') lines++
  }
  return tabs > commas ? '\t' : ','
}

const QUOTE = 0x22
const CR = 0x0d
const LF = 0x0a

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Saw a quote inside a quoted field: a doubled quote or the closing one. */
  QuotedQuote,
}

function unbalancedQuoteError(row: number): LedgerError {
  return new LedgerError(
    'file_unreadable',
    `第 ${row} 行有一个双引号没有配对（或有单元格超过 32767 个字符），后面的内容被连成了一整格，无法正确读取。请用 Excel 或 WPS 打开这个文件，检查第 ${row} 行前后，然后点「文件 → 另存为」保存为「Excel 工作簿（*.xlsx）」再导入。`,
  )
}

/** Excel shows ="0123" (a formula some systems export to keep leading zeros) as the text 0123. */
function cleanField(raw: string): CellValue {
  if (raw === '') return null
  let v = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
  const formula = /^="([\s\S]*)"$/.exec(v)
  if (formula) v = formula[1]!.replace(/""/g, '"')
  return v === '' ? null : v
}

/** Incremental RFC 4180 parser: feed decoded text, collect completed records. */
export class CsvParser {
  private state = State.FieldStart
  private field = ''
  private fieldQuoted = false
  private fields: CellValue[] = []
  private truncated = false
  private pendingCr = false
  private record = 1
  private readonly delim: number

  constructor(delimiter: CsvDelimiter) {
    this.delim = delimiter.charCodeAt(0)
  }

  private append(s: string): void {
    if (s === '') return
    if (this.field.length + s.length > MAX_CELL_CHARS) {
      // A quoted field this long is an unmatched quote swallowing the rest of the file.
      if (this.fieldQuoted) throw unbalancedQuoteError(this.record)
      this.field += s.slice(0, Math.max(0, MAX_CELL_CHARS - this.field.length))
      this.truncated = true
      return
    }
    this.field += s
  }

  private endField(): void {
    if (this.fields.length < MAX_COLUMNS) this.fields.push(cleanField(this.field))
    else if (this.field !== '') this.truncated = true
    this.field = ''
    this.fieldQuoted = false
  }

  private endRecord(out: SheetRow[]): void {
    const cells = this.fields
    let end = cells.length
    while (end > 0 && cells[end - 1] === null) end--
    if (end > 0) {
      cells.length = end
      out.push(this.truncated ? { rowNumber: this.record, cells, truncated: true } : { rowNumber: this.record, cells })
    }
    this.fields = []
    this.truncated = false
    this.record++
  }

  /** Where the next character goes: the record (Excel's row) and the 1-based field in it. */
  position(): { row: number; column: number } {
    return { row: this.record, column: this.fields.length + 1 }
  }

  /** Parses one chunk of text; returns the records it completed (possibly none). A NUL character is refused with its place. */
  push(s: string): SheetRow[] {
    const nul = s.indexOf('\u0000')
    if (nul >= 0) {
      this.push(s.slice(0, nul))
      const { row, column } = this.position()
      throw nulError(row, column)
    }
    const out: SheetRow[] = []
    const n = s.length
    let i = 0
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          const c = s.charCodeAt(i)
          if (this.pendingCr) {
            this.pendingCr = false
            if (c === LF) {
              i++
              continue
            }
          }
          if (c === QUOTE) {
            this.state = State.Quoted
            this.fieldQuoted = true
            i++
          } else {
            this.state = State.Unquoted
          }
          break
        }
        case State.Unquoted: {
          let j = i
          while (j < n) {
            const c = s.charCodeAt(j)
            if (c === this.delim || c === LF || c === CR) break
            j++
          }
          this.append(s.slice(i, j))
          if (j === n) {
            i = n
            break
          }
          const c = s.charCodeAt(j)
          this.endField()
          if (c !== this.delim) {
            this.endRecord(out)
            this.pendingCr = c === CR
          }
          this.state = State.FieldStart
          i = j + 1
          break
        }
        case State.Quoted: {
          const j = s.indexOf('"', i)
          if (j < 0) {
            this.append(s.slice(i))
            i = n
            break
          }
          this.append(s.slice(i, j))
          this.state = State.QuotedQuote
          i = j + 1
          break
        }
        case State.QuotedQuote: {
          if (s.charCodeAt(i) === QUOTE) {
            this.append('"')
            this.state = State.Quoted
            i++
          } else {
            // Closing quote; anything before the next delimiter is kept as typed, as Excel does.
            this.state = State.Unquoted
          }
          break
        }
      }
    }
    return out
  }

  /** Flushes the last record when the file does not end with a line break. */
  end(): SheetRow[] {
    const out: SheetRow[] = []
    if (this.state !== State.FieldStart || this.fields.length > 0) {
      this.endField()
      this.endRecord(out)
    }
    this.state = State.FieldStart
    return out
  }
}

/** Rows of a CSV or tab-separated file, streamed in 64 KB chunks; rows with no value are skipped. */
export async function* readCsvRows(path: string, opts: CsvReadOptions = {}): AsyncGenerator<SheetRow> {
  let encoding: CsvEncoding
  let totalBytes: number
  try {
    encoding = opts.encoding ?? (await detectCsvEncoding(path))
    totalBytes = (await stat(path)).size
    // Not valid UTF-8, but only a byte or two off: a damaged UTF-8 file, not GBK. Say where.
    const damage = !opts.encoding && encoding === 'gb18030' ? await findUtf8Damage(path) : null
    if (damage) throw await utf8DamageError(path, damage)
  } catch (e) {
    throw fileAccessError(e)
  }
  // The decoder drops the BOM itself.
  const decoder = new TextDecoder(encoding)
  let parser: CsvParser | null = opts.delimiter ? new CsvParser(opts.delimiter) : null
  let bytesRead = 0
  let lastRow = 0
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  try {
    const emit = function* (text: string, final: boolean): Generator<SheetRow> {
      if (!parser) parser = new CsvParser(sniffDelimiter(text))
      const rows = parser.push(text)
      if (final) rows.push(...parser.end())
      for (const row of rows) {
        lastRow = row.rowNumber
        yield row
      }
    }
    for await (const chunk of stream) {
      throwIfAborted(opts.signal)
      bytesRead += (chunk as Buffer).length
      for (const row of emit(decoder.decode(chunk as Buffer, { stream: true }), false)) {
        throwIfAborted(opts.signal)
        yield row
      }
      opts.onProgress?.({ bytesRead, totalBytes, rowNumber: lastRow, totalRows: null })
      opts.onBytes?.(bytesRead)
    }
    for (const row of emit(decoder.decode(), true)) yield row
    opts.onProgress?.({ bytesRead, totalBytes, rowNumber: lastRow, totalRows: null })
    opts.onBytes?.(bytesRead)
  } finally {
    stream.destroy()
  }
}
