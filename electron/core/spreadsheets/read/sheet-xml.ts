/**
 * The two big parts of an .xlsx — the shared strings and the chosen sheet —
 * parsed as they inflate, chunk by chunk. Both are flat, machine-written XML
 * (SpreadsheetML), so a scanner that jumps from `<` to `>` with indexOf and
 * looks only at the few elements that carry values does what a general XML
 * parser would, several times faster: on a county roster the sheet parses in
 * a fraction of exceljs's time, which is what lets an import cost little more
 * than reading the file.
 *
 * What it honours: element prefixes (x:c), rows and cells without an `r`
 * (they follow the previous one), shared, inline (also rich-text), formula
 * (t="str"), boolean, error (→ null), ISO-date (t="d") and number cells,
 * date styles, phonetic runs (<rPh>, left out of the text), entities,
 * CDATA, comments, XML line-end normalisation, and OOXML's _xHHHH_ escapes.
 */
import type { CellValue } from '../../../../shared/import/cells'
import { LedgerError } from '../../../../shared/api/result'
import { corruptFileError, MAX_CELL_CHARS, type SheetRow } from './types'
import { decodeXml } from './workbook'

const GT = 62
const SLASH = 47
const COLON = 58
const BANG = 33
const QUESTION = 63

/** OOXML escapes characters XML cannot carry as _xHHHH_ (Excel writes a carriage return as _x000D_); a literal "_x" is written _x005F_x. */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** Character data as an XML parser reports it: entities decoded, line ends normalised to \n. */
function charData(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
  return decodeXml(s)
}

/** Receives the tags of one chunk of XML as the scanner meets them; names are local (a prefix like x: is skipped). */
export interface TagHandler {
  /** A start tag, or an empty-element tag (`empty`); its attributes lie between nameEnd and bodyEnd. */
  open(xml: string, name: number, nameEnd: number, bodyEnd: number, empty: boolean): void
  close(xml: string, name: number, nameEnd: number): void
  /** Whether character data matters here (inside <v> or <t>). */
  wantsText: boolean
  text(s: string): void
  /** Inside a unit (a row, a shared string): a part that ends here was cut short. */
  inUnit: boolean
  /** Set once the part has nothing more of interest (</sheetData>). */
  done: boolean
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13 || Number.isNaN(c)
}

let localName = 0
/** End of the tag name starting at `from`; sets `localName` to where it starts after any prefix. */
function scanName(xml: string, from: number): number {
  localName = from
  let i = from
  for (;;) {
    const c = xml.charCodeAt(i)
    if (isNameEnd(c)) return i
    if (c === COLON) localName = i + 1
    i++
  }
}

/** Whether the name [start, end) is `name`. */
function isName(xml: string, start: number, end: number, name: string): boolean {
  return end - start === name.length && xml.startsWith(name, start)
}

/**
 * Runs the tags of `xml` through `h`. Returns how much of `xml` is finished with: the rest (a tag,
 * comment or run of text not yet closed) has to be passed again, followed by the next chunk. The
 * handler keeps its own state, so nothing before that point is scanned twice.
 */
function scanXml(xml: string, h: TagHandler): number {
  let i = 0
  while (!h.done) {
    const lt = xml.indexOf('<', i)
    if (lt < 0) {
      if (!h.wantsText) return xml.length
      // A long text: hand over what is whole now (not an entity or CR LF the chunk may have cut).
      let keep = xml.indexOf('&', i) < 0 ? xml.length : xml.lastIndexOf('&')
      if (xml.charCodeAt(keep - 1) === 13) keep--
      if (keep > i) h.text(charData(xml.slice(i, keep)))
      return keep
    }
    if (lt > i && h.wantsText) h.text(charData(xml.slice(i, lt)))
    const c1 = xml.charCodeAt(lt + 1)
    if (c1 === BANG || c1 === QUESTION) {
      let end: number
      if (xml.startsWith('<![CDATA[', lt)) {
        end = xml.indexOf(']]>', lt + 9)
        if (end < 0) return lt
        if (h.wantsText) h.text(xml.slice(lt + 9, end))
        i = end + 3
      } else if (xml.startsWith('<!--', lt)) {
        end = xml.indexOf('-->', lt + 4)
        if (end < 0) return lt
        i = end + 3
      } else {
        end = xml.indexOf('>', lt + 2)
        if (end < 0) return lt
        i = end + 1
      }
      continue
    }
    const gt = xml.indexOf('>', lt + 1)
    if (gt < 0) return lt
    if (c1 === SLASH) {
      const end = scanName(xml, lt + 2)
      h.close(xml, localName, end)
    } else {
      const end = scanName(xml, lt + 1)
      const empty = xml.charCodeAt(gt - 1) === SLASH
      h.open(xml, localName, end, empty ? gt - 1 : gt, empty)
    }
    i = gt + 1
  }
  return xml.length
}

/**
 * The most an unfinished tag, comment or CDATA section may hold while the next chunk is awaited:
 * machine-written sheet XML has no tag anywhere near this long, and without a cap a tag that never
 * closes would be carried (and copied) across gigabytes of chunks.
 */
export const MAX_PENDING_CHARS = 4 * 1024 * 1024

/** Feeds text to a handler chunk by chunk, carrying an unfinished tag (or entity) over to the next chunk. */
export class XmlFeed {
  private pending = ''
  constructor(private readonly handler: TagHandler) {}

  push(text: string): void {
    if (this.handler.done) return
    const xml = this.pending + text
    this.pending = xml.slice(scanXml(xml, this.handler))
    if (this.pending.length > MAX_PENDING_CHARS) throw corruptFileError()
  }

  /** Whether the text ended inside a unit (a row or shared string never closed: the part is cut short). */
  end(): boolean {
    this.push('')
    const unfinished = !this.handler.done && this.handler.inUnit
    this.pending = ''
    return unfinished
  }
}

let attrName = 0
let attrNameEnd = 0
let attrValue = 0
let attrValueEnd = 0
/**
 * Finds the next attribute of a tag body at or after `p` (before `to`): sets attrName…attrValueEnd
 * and returns where the one after it may start, or -1 when there is none.
 */
function nextAttribute(xml: string, p: number, to: number): number {
  while (p < to && xml.charCodeAt(p) <= 32) p++
  if (p >= to) return -1
  const eq = xml.indexOf('=', p)
  if (eq < 0 || eq >= to) return -1
  let nameEnd = eq
  while (nameEnd > p && xml.charCodeAt(nameEnd - 1) <= 32) nameEnd--
  let q = eq + 1
  while (q < to && xml.charCodeAt(q) <= 32) q++
  const quote = xml.charCodeAt(q)
  if (quote !== 34 && quote !== 39) return -1
  const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1)
  if (close < 0 || close > to) return -1
  attrName = p
  attrNameEnd = nameEnd
  attrValue = q + 1
  attrValueEnd = close
  return close + 1
}

/** The value of attribute `name` in a tag body [from, to), entity-decoded, or null. */
function attribute(xml: string, from: number, to: number, name: string): string | null {
  for (let p = nextAttribute(xml, from, to); p >= 0; p = nextAttribute(xml, p, to)) {
    if (isName(xml, attrName, attrNameEnd, name)) return decodeXml(xml.slice(attrValue, attrValueEnd))
  }
  return null
}

/**
 * Caps on the shared-strings table, far above any county file (a 100 000-member national export
 * has a few hundred thousand distinct texts and some tens of millions of characters), and low enough
 * that the table stays within a couple of hundred MB in memory however its XML was made to inflate.
 */
export const MAX_SHARED_STRINGS = 2_000_000
export const MAX_SHARED_STRING_CHARS = 60_000_000

/** A shared-strings table past the caps: no roster has one; refused (retrying cannot help). */
export function sharedStringsTooLargeError(): LedgerError {
  return new LedgerError(
    'file_unsupported',
    `这个文件里的文字表异常庞大（超过 ${MAX_SHARED_STRINGS / 10_000} 万条或 ${Math.round(MAX_SHARED_STRING_CHARS / 10_000)} 万个字），远超任何花名册或项目表，为保护电脑已停止读取，未导入任何数据。请向发文件的单位核实文件内容；如果 Excel 或 WPS 能正常打开，请删去多余的工作表和内容，另存为新的 .xlsx 文件后再导入。`,
  )
}

/**
 * The shared-strings table (<sst>): each <si>'s text runs joined, phonetic guides (<rPh>) left out.
 * One text is kept to MAX_CELL_CHARS + 1 characters (enough for the sheet parser to see it is too
 * long and flag the row); the table as a whole is held to MAX_SHARED_STRINGS texts and
 * MAX_SHARED_STRING_CHARS characters.
 */
export class SharedStringsParser implements TagHandler {
  readonly strings: string[] = []
  wantsText = false
  inUnit = false
  done = false
  private parts = ''
  private inPhonetic = false
  private chars = 0

  constructor(
    private readonly maxStrings = MAX_SHARED_STRINGS,
    private readonly maxChars = MAX_SHARED_STRING_CHARS,
  ) {}

  private add(text: string): void {
    const s = text.length > MAX_CELL_CHARS + 1 ? text.slice(0, MAX_CELL_CHARS + 1) : text
    this.chars += s.length
    if (this.strings.length >= this.maxStrings || this.chars > this.maxChars) throw sharedStringsTooLargeError()
    this.strings.push(s)
  }

  open(xml: string, name: number, nameEnd: number, _bodyEnd: number, empty: boolean): void {
    if (isName(xml, name, nameEnd, 'si')) {
      if (empty) this.add('')
      else {
        this.inUnit = true
        this.inPhonetic = false
        this.parts = ''
      }
    } else if (!this.inUnit || empty) return
    else if (isName(xml, name, nameEnd, 't')) this.wantsText = !this.inPhonetic
    else if (isName(xml, name, nameEnd, 'rPh')) this.inPhonetic = true
  }

  close(xml: string, name: number, nameEnd: number): void {
    if (!this.inUnit) return
    if (isName(xml, name, nameEnd, 't')) this.wantsText = false
    else if (isName(xml, name, nameEnd, 'rPh')) this.inPhonetic = false
    else if (isName(xml, name, nameEnd, 'si')) {
      this.add(decodeOoxmlEscapes(this.parts))
      this.parts = ''
      this.inUnit = false
    }
  }

  text(s: string): void {
    // Escapes (_x000D_) take 7 characters for one, so keep enough raw text to decode past the cap.
    if (this.parts.length <= MAX_CELL_CHARS * 7) this.parts += s
  }
}

export interface SheetParserOptions {
  sharedStrings: readonly string[]
  /** Cell style indexes (the s attribute) whose number format is a date. */
  dateStyles: ReadonlySet<number>
  date1904: boolean
  maxColumns: number
  maxCellChars: number
  /** When given, rows carry each cell's number format: the code of each style index (null: General). */
  formatCodes?: readonly (string | null)[]
}

const MAX_SERIAL = 2_958_466 // 10000-01-01

export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (serial < 0 || serial >= MAX_SERIAL) return null
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

/** 1-based column of the cell reference (like "AB12") at [from, to), or 0 when it has no letters. */
function columnOf(xml: string, from: number, to: number): number {
  let col = 0
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i) | 0x20 // lower-case
    if (c < 97 || c > 122) break
    col = col * 26 + (c - 96)
  }
  return col
}

/**
 * A worksheet's <sheetData>: rows in order, each as plain cell values. Rows with no value are
 * not emitted; cells past maxColumns are dropped and longer texts cut, flagging the row.
 */
export class SheetRowsParser implements TagHandler {
  /** Rows finished so far; the reader takes them out after each chunk. */
  rows: SheetRow[] = []
  wantsText = false
  inUnit = false
  done = false
  private inData = false
  private lastRow = 0
  // The row being read.
  private rowNumber = 0
  private cells: CellValue[] = []
  private formats: (string | null)[] | null = null
  private truncated = false
  private nextColumn = 1
  // The cell being read.
  private column = 0
  private style = 0
  private type = ''
  private value: string | null = null
  private inline: string | null = null
  private inValue = false
  private inInline = false
  private inPhonetic = false

  constructor(private readonly o: SheetParserOptions) {}

  open(xml: string, name: number, nameEnd: number, bodyEnd: number, empty: boolean): void {
    const len = nameEnd - name
    const c0 = xml.charCodeAt(name)
    if (!this.inData) {
      if (isName(xml, name, nameEnd, 'sheetData')) {
        this.inData = !empty
        this.done = empty
      }
      return
    }
    if (len === 1) {
      if (c0 === 99 /* c */) this.openCell(xml, nameEnd, bodyEnd, empty)
      else if (c0 === 118 /* v */ && !empty) {
        this.inValue = true
        this.wantsText = true
        this.value = ''
      } else if (c0 === 116 /* t */ && this.inInline && !empty && !this.inPhonetic) {
        this.wantsText = true
        this.inline ??= ''
      }
    } else if (len === 3 && xml.startsWith('row', name)) {
      const r = attribute(xml, nameEnd, bodyEnd, 'r')
      this.rowNumber = r ? Number(r) || this.lastRow + 1 : this.lastRow + 1
      this.cells = []
      this.formats = null
      this.truncated = false
      this.nextColumn = 1
      this.inUnit = true
      if (empty) this.endRow()
    } else if (len === 2 && xml.startsWith('is', name)) this.inInline = !empty
    else if (len === 3 && xml.startsWith('rPh', name)) this.inPhonetic = !empty
  }

  private openCell(xml: string, from: number, to: number, empty: boolean): void {
    let column = 0
    this.style = 0
    this.type = 'n'
    // One pass over the attributes: r="AB12" s="3" t="s" (values Excel never entity-escapes).
    for (let p = nextAttribute(xml, from, to); p >= 0; p = nextAttribute(xml, p, to)) {
      if (attrNameEnd - attrName !== 1) continue
      const name = xml.charCodeAt(attrName)
      if (name === 114 /* r */) column = columnOf(xml, attrValue, attrValueEnd)
      else if (name === 115 /* s */) this.style = Number(xml.slice(attrValue, attrValueEnd))
      else if (name === 116 /* t */) this.type = xml.slice(attrValue, attrValueEnd)
    }
    this.column = column || this.nextColumn
    this.nextColumn = this.column + 1
    this.value = null
    this.inline = null
    if (empty) this.endCell()
  }

  close(xml: string, name: number, nameEnd: number): void {
    if (!this.inData) return
    const len = nameEnd - name
    const c0 = xml.charCodeAt(name)
    if (len === 1) {
      if (c0 === 99 /* c */) this.endCell()
      else if (c0 === 118 /* v */) {
        this.inValue = false
        this.wantsText = false
      } else if (c0 === 116 /* t */) this.wantsText = this.inValue
    } else if (len === 3 && xml.startsWith('row', name)) this.endRow()
    else if (len === 2 && xml.startsWith('is', name)) this.inInline = false
    else if (len === 3 && xml.startsWith('rPh', name)) this.inPhonetic = false
    else if (isName(xml, name, nameEnd, 'sheetData')) {
      this.inData = false
      this.done = true
    }
  }

  text(s: string): void {
    // Past the cap the rest is dropped here already (the cell is cut and flagged at its end).
    if (this.inValue) {
      if (this.value!.length <= this.o.maxCellChars) this.value += s
    } else if (this.inline!.length <= this.o.maxCellChars) this.inline += s
  }

  private endCell(): void {
    this.inValue = false
    this.inInline = false
    this.inPhonetic = false
    this.wantsText = false
    let v = this.cellValue()
    if (v === null) return
    if (this.column > this.o.maxColumns) {
      this.truncated = true
      return
    }
    if (typeof v === 'string' && v.length > this.o.maxCellChars) {
      v = v.slice(0, this.o.maxCellChars)
      this.truncated = true
    }
    const cells = this.cells
    while (cells.length < this.column - 1) cells.push(null)
    cells[this.column - 1] = v
    const format = this.o.formatCodes?.[this.style]
    if (format) {
      const formats = (this.formats ??= [])
      while (formats.length < this.column - 1) formats.push(null)
      formats[this.column - 1] = format
    }
  }

  private cellValue(): CellValue {
    const raw = this.value
    switch (this.type) {
      case 's': {
        const s = raw ? this.o.sharedStrings[Number(raw)] : undefined
        return s ? s : null
      }
      case 'inlineStr':
        return this.inline ? decodeOoxmlEscapes(this.inline) : null
      case 'str':
        return raw ? decodeOoxmlEscapes(raw) : null
      case 'b':
        return raw === null || raw.trim() === '' ? null : raw.trim() === '1' || raw.trim() === 'true'
      case 'e':
        return null
      case 'd': {
        const d = raw ? new Date(raw.trim()) : null
        return d && !Number.isNaN(d.getTime()) ? d : null
      }
      default: {
        if (raw === null || raw.trim() === '') return null
        const n = Number(raw)
        if (!Number.isFinite(n)) return null
        return this.o.dateStyles.has(this.style) ? (serialToDate(n, this.o.date1904) ?? n) : n
      }
    }
  }

  private endRow(): void {
    this.lastRow = this.rowNumber
    this.inUnit = false
    if (this.cells.length === 0) return
    const row: SheetRow = this.truncated ? { rowNumber: this.rowNumber, cells: this.cells, truncated: true } : { rowNumber: this.rowNumber, cells: this.cells }
    if (this.formats) row.formats = this.formats
    this.rows.push(row)
  }
}
