/**
 * Cell value normalisers. Each returns the value in the form the ledger stores and, when the
 * cell could not be read cleanly, a problem code; the rules turn problems into clerk messages.
 * A value that cannot be understood is kept as written where the column is text, so nothing a
 * clerk typed is lost.
 */
import { type IdNumberInfo, type IdNumberProblem, parseIdNumber } from '../domain/id-number'
import { type CellValue, cellToText, isBlankCell } from './cells'
import { ENUM_ACCEPTED, ENUM_VARIANTS, NO_WORDS, YES_WORDS } from './enum-variants'
import { type FieldDef, type FieldKey, fieldByKey } from './households-fields'
import { cleanCell } from './text'

export type IdCellProblem = Exclude<IdNumberProblem, 'empty'> | 'id_number_cell'

export type ValueProblem =
  | 'bad_date' | 'ambiguous_date' | 'bad_number' | 'unknown_enum' | 'bad_phone' | 'code_number_cell' | IdCellProblem

type Sep = '-' | '/' | '.'
type MM = 'mm' | 'm'
type DD = 'dd' | 'd'
/**
 * How the source wrote a date, so an export can write it back the same way: 'serial' (an Excel
 * date number, also used for date-formatted cells read as numbers), 'date' (a date cell), or a
 * pattern where mm / dd are zero-padded and m / d are not.
 */
export type DateFormat =
  | 'serial' | 'date' | 'yyyymmdd' | 'yyyymm' | 'yyyy' | 'yyyy年'
  | `yyyy${Sep}${MM}${Sep}${DD}` | `yyyy${Sep}${MM}` | `yyyy年${MM}月${DD}日` | `yyyy年${MM}月`

export interface Normalised<T> {
  value: T | null
  problem?: ValueProblem
  format?: DateFormat
}

/** Placeholders clerks type into cells that have nothing to say. */
const PLACEHOLDERS = new Set(['/', '\\', '-', '--', '—', '——', '空'])

function isEmptyish(v: CellValue): boolean {
  return isBlankCell(v) || (typeof v === 'string' && PLACEHOLDERS.has(cleanCell(v, 'code')))
}

// ---------------------------------------------------------------- dates

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

function validYmd(y: number, m: number, d?: number): boolean {
  if (y < 1880 || y > 2100 || m < 1 || m > 12) return false
  if (d === undefined) return true
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function ymd(y: number, m: number, d?: number): string {
  return d === undefined ? `${pad(y, 4)}-${pad(m)}` : `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

/** Excel 1900 date system, including its phantom 1900-02-29 (serial 60). */
export function excelSerialToIso(serial: number): string | null {
  const whole = Math.floor(serial)
  if (whole < 1 || whole === 60 || whole > 2958465) return null
  const days = whole < 60 ? whole - 1 : whole - 2 // days after 1900-01-01
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000)
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

export function isoToExcelSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso)
  if (!m) return null
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1))
  const days = Math.round((t - Date.UTC(1900, 0, 1)) / 86_400_000)
  return days < 59 ? days + 1 : days + 2
}

function parseDateText(text: string): Normalised<string> {
  const bad: Normalised<string> = { value: text, problem: 'bad_date' }
  const ok = (y: number, m: number, d: number | undefined, format: DateFormat): Normalised<string> =>
    validYmd(y, m, d) ? { value: ymd(y, m, d), format } : bad
  const mm = (t: string): MM => (t.length === 2 ? 'mm' : 'm')
  const dd = (t: string): DD => (t.length === 2 ? 'dd' : 'd')

  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text)
  if (m) return ok(+m[1]!, +m[3]!, +m[4]!, `yyyy${m[2] as Sep}${mm(m[3]!)}${m[2] as Sep}${dd(m[4]!)}`)
  m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号]?)?$/.exec(text)
  if (m) {
    return m[3] === undefined
      ? ok(+m[1]!, +m[2]!, undefined, `yyyy年${mm(m[2]!)}月`)
      : ok(+m[1]!, +m[2]!, +m[3], `yyyy年${mm(m[2]!)}月${dd(m[3])}日`)
  }
  m = /^(\d{4})([-/.])(\d{1,2})$/.exec(text)
  if (m) return ok(+m[1]!, +m[3]!, undefined, `yyyy${m[2] as Sep}${mm(m[3]!)}`)
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (m) return ok(+m[1]!, +m[2]!, +m[3]!, 'yyyymmdd')
  m = /^(\d{4})(\d{2})$/.exec(text)
  if (m) return ok(+m[1]!, +m[2]!, undefined, 'yyyymm')
  m = /^(\d{4})(年)?$/.exec(text)
  if (m) {
    const y = +m[1]!
    return y >= 1880 && y <= 2100 ? { value: m[1]!, format: m[2] ? 'yyyy年' : 'yyyy' } : bad
  }
  // A date number that reached us as text (CSV, a cell formatted as text later).
  m = /^(\d{5})(\.\d+)?$/.exec(text)
  if (m) {
    const iso = excelSerialToIso(Number(text))
    return iso ? { value: iso, format: 'serial' } : bad
  }
  return bad
}

/**
 * A date cell → ISO 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when the source gives no more, with the
 * source format. Unreadable text is kept as written with problem 'bad_date'.
 */
export function normaliseDate(v: CellValue): Normalised<string> {
  if (v === null || isEmptyish(v)) return { value: null }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { value: null, problem: 'bad_date' }
    return { value: ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()), format: 'date' }
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1880 && v <= 2100) return { value: String(v), format: 'yyyy' }
    if (Number.isInteger(v) && v >= 188001 && v <= 210012) return parseDateText(String(v))
    if (Number.isInteger(v) && v >= 18800101 && v <= 21001231) return parseDateText(String(v))
    const whole = Math.floor(v)
    if (whole >= 1880 && whole <= 2100) {
      // 2016.03 typed into a number cell. 2016.1 may have been typed as 2016.10: say so.
      const r = parseDateText(String(v))
      return r.problem || !/\.1$/.test(String(v)) ? r : { ...r, problem: 'ambiguous_date' }
    }
    const iso = excelSerialToIso(v)
    return iso ? { value: iso, format: 'serial' } : { value: String(v), problem: 'bad_date' }
  }
  if (typeof v === 'boolean') return { value: cellToText(v), problem: 'bad_date' }
  // A time of day after the date (exports from databases) says nothing for the ledger.
  const dateOnly = cleanCell(v).replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '')
  const r = parseDateText(cleanCell(dateOnly, 'code'))
  return r.problem ? { value: cleanCell(v, 'text'), problem: r.problem } : r
}

/** Writes an ISO date back in a source format; a date number for 'serial'. */
export function formatDate(iso: string, format: DateFormat): string | number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso)
  if (!m) return iso
  if (format === 'date') return iso
  if (format === 'serial') return isoToExcelSerial(m[2] ? iso : `${iso}-01`) ?? iso
  const [, y, mo, d] = m
  let f: string = format
  if (!d) f = f.replace(/[-/.]?dd?日?$/, '').replace(/^yyyymmdd$/, 'yyyymm')
  if (!mo) f = f.replace(/^(yyyy年?).*$/, '$1')
  return f.replace(/yyyy|mm|m|dd|d/g, (t) => {
    if (t === 'yyyy') return y!
    if (t === 'mm') return mo ?? ''
    if (t === 'm') return String(Number(mo))
    if (t === 'dd') return d ?? ''
    return String(Number(d))
  })
}

/** A year cell ('2016', 2016, '2016年', a full date) → 'YYYY'. */
export function normaliseYear(v: CellValue): Normalised<string> {
  if (isEmptyish(v)) return { value: null }
  if (typeof v === 'string') {
    const m = /^(\d{4})年?度?$/.exec(cleanCell(v, 'code'))
    if (m) {
      const y = +m[1]!
      return y >= 1880 && y <= 2100 ? { value: m[1]!, format: 'yyyy' } : { value: cleanCell(v), problem: 'bad_date' }
    }
  }
  const r = normaliseDate(v)
  if (r.problem === 'bad_date' || r.value === null) return { value: r.value, problem: r.problem }
  return { value: r.value.slice(0, 4), format: 'yyyy' }
}

// ---------------------------------------------------------------- numbers

/** Number text without thousands separators, units or currency signs, or null when not a number. */
function numberText(v: CellValue, units: RegExp): string | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null
    const s = String(v)
    if (!/e/i.test(s)) return s
    return Math.abs(v) < 1 ? v.toFixed(10) : null
  }
  if (typeof v !== 'string') return null
  let s = cleanCell(v, 'code').replace(/^[¥￥]/, '').replace(units, '')
  if (s.includes(',')) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return null
    s = s.replace(/,/g, '')
  }
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? s.replace(/^\+/, '') : null
}

/** Decimal yuan text → integer fen, exact (half-up on the third decimal), no float arithmetic. */
export function parseYuanToFen(text: string): number | null {
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null
  const decimals = (m[3] ?? '').padEnd(3, '0')
  let fen = Number(m[2] || '0') * 100 + Number(decimals.slice(0, 2))
  if (Number(decimals[2]) >= 5) fen += 1
  if (!Number.isSafeInteger(fen)) return null
  return m[1] && fen !== 0 ? -fen : fen
}

/** Money in 元 ('1,234.56', '１２３４.５', 1234.56, '¥1234元') → integer 分. */
export function normaliseMoneyFen(v: CellValue): Normalised<number> {
  if (isEmptyish(v)) return { value: null }
  const t = numberText(v, /元$/)
  const fen = t === null ? null : parseYuanToFen(t)
  return fen === null ? { value: null, problem: 'bad_number' } : { value: fen }
}

/** A whole number ('3', '3人', '6个月', 3.0). */
export function normaliseInt(v: CellValue): Normalised<number> {
  if (isEmptyish(v)) return { value: null }
  const t = numberText(v, /(人|口|个月|月|天|户)$/)
  if (t === null || !/^-?\d+(\.0*)?$/.test(t)) return { value: null, problem: 'bad_number' }
  const n = Number(t.replace(/\.0*$/, ''))
  return Number.isSafeInteger(n) ? { value: n } : { value: null, problem: 'bad_number' }
}

/**
 * A plain decimal kept as text ('1,234.50' → '1234.50', '3.5亩' → '3.5'): no float noise, and
 * the digits as entered (areas are kept exactly as written, trailing zeros included).
 */
export function normaliseDecimal(v: CellValue): Normalised<string> {
  if (isEmptyish(v)) return { value: null }
  const t = numberText(v, /(亩|平方米|平米|㎡|m2|M2)$/)
  if (t === null) return { value: typeof v === 'string' ? cleanCell(v) : cellToText(v), problem: 'bad_number' }
  return { value: t.replace(/^(-?)0+(?=\d)/, '$1').replace(/^(-?)\./, '$10.').replace(/\.$/, '') }
}

// ---------------------------------------------------------------- enumerations

const stripBrackets = (s: string): string => s.replace(/[()]/g, '')

function matchOne(field: FieldKey, canonical: readonly string[], s: string): string | null {
  const variants = ENUM_VARIANTS[field] ?? {}
  const direct = (t: string): string | null => {
    if (canonical.includes(t)) return t
    const hit = variants[t]
    if (hit) return hit
    const bare = stripBrackets(t)
    return canonical.find((c) => stripBrackets(c) === bare) ?? variants[bare] ?? null
  }
  const found = direct(s)
  if (found) return found
  // '01一般贫困户', '1.因病', '4-已脱贫(不再享受政策)': a code written before the word.
  const rest = s.replace(/^\d{1,2}[.、\-:_]?(?=\D)/, '')
  if (rest !== s) {
    const r = direct(rest)
    if (r) return r
  }
  if (field === 'relation' && canonical.includes(`之${s}`)) return `之${s}`
  if (field === 'main_cause' || field === 'other_causes') {
    const r = direct(s.replace(/(致贫|返贫)$/, ''))
    if (r) return r
  }
  return null
}

/**
 * An enumeration cell → its canonical value from ../domain/enums.ts. Multi-valued fields
 * (健康状况, 其他致贫原因) are split on any of ，,、/; and joined with ','. Unknown values are kept
 * as written with problem 'unknown_enum'.
 */
export function normaliseEnum(field: FieldKey, v: CellValue): Normalised<string> {
  if (isEmptyish(v)) return { value: null }
  const def = fieldByKey(field)
  const canonical = def.enumValues ?? []
  const accepted = ENUM_ACCEPTED[field] ?? []
  const raw = typeof v === 'string' ? v : cellToText(v)
  const parts = def.multi ? raw.split(/[,，、/／;；|+\s]+/) : [raw]
  const out: string[] = []
  let unknown = false
  for (const part of parts) {
    const s = cleanCell(part, 'code')
    if (s === '') continue
    const hit = matchOne(field, canonical, s) ?? (accepted.includes(s) ? s : null)
    if (!hit) unknown = true
    const value = hit ?? cleanCell(part, 'text')
    if (!out.includes(value)) out.push(value)
  }
  if (out.length === 0) return { value: null }
  return unknown ? { value: out.join(','), problem: 'unknown_enum' } : { value: out.join(',') }
}

/** 是/否/√/×/有/无/Y/N/1/0 (and TRUE/FALSE cells) → '是' | '否'. */
export function normaliseYesNo(v: CellValue): Normalised<'是' | '否' | string> {
  if (isEmptyish(v)) return { value: null }
  if (typeof v === 'boolean') return { value: v ? '是' : '否' }
  if (typeof v === 'number' && (v === 0 || v === 1)) return { value: v === 1 ? '是' : '否' }
  const s = cleanCell(cellToText(v), 'code').toUpperCase()
  if (YES_WORDS.has(s)) return { value: '是' }
  if (NO_WORDS.has(s)) return { value: '否' }
  return { value: cleanCell(cellToText(v)), problem: 'unknown_enum' }
}

// ---------------------------------------------------------------- identifiers

/** The digits Excel shows for a number cell: it keeps 15 significant digits. */
function excelDigits(n: number): string {
  // Built from the text of the 15-digit mantissa: the nearest double would end in …008.
  const [mantissa = '', exp = '0'] = Math.abs(n).toExponential(14).split('e')
  const digits = mantissa.replace('.', '')
  const e = Number(exp)
  return e >= 14 ? digits + '0'.repeat(e - 14) : String(Math.round(Math.abs(n)))
}

export interface IdCell {
  /** Cleaned ID text (also when it has a problem), or null for a blank cell. */
  value: string | null
  info?: IdNumberInfo
  problem?: IdCellProblem
}

/**
 * An ID number cell. A number cell of 16+ digits has lost its tail (Excel keeps 15 significant
 * digits) and a text '4.10102E+17' lost everything; both are errors the clerk must fix from the
 * source. Other text is cleaned (half-width, no spaces, upper-case X) and checked.
 */
export function readIdCell(v: CellValue): IdCell {
  if (isEmptyish(v)) return { value: null }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { value: null }
    if (Math.abs(v) >= 1e15 || !Number.isInteger(v)) return { value: excelDigits(v), problem: 'id_number_cell' }
  }
  const value = cleanCell(cellToText(v), 'code').toUpperCase()
  if (value === '') return { value: null }
  if (/^\d+(\.\d+)?E\+?\d+$/.test(value)) return { value, problem: 'scientific_notation' }
  const info = parseIdNumber(value)
  const problem = info.problem === 'empty' ? undefined : info.problem
  return problem ? { value: info.value, info, problem } : { value: info.value, info }
}

/** 户编号 / 人编号: digits that must stay text; a long number cell has lost its tail. */
export function normaliseCode(v: CellValue): Normalised<string> {
  if (isEmptyish(v)) return { value: null }
  if (typeof v === 'number') {
    if (Math.abs(v) >= 1e15) return { value: excelDigits(v), problem: 'code_number_cell' }
    return { value: cellToText(v) }
  }
  const s = cleanCell(cellToText(v), 'code')
  return { value: s === '' ? null : s }
}

/**
 * Phone numbers: a mobile is 11 digits starting with 1 (a +86 prefix is dropped); a landline is
 * area code (010, 02x or another 4-digit 0xxx) plus 7–8 digits, stored as '0371-12345678'.
 * Several numbers in one cell are kept, joined with ','. Anything else is kept (digits only when
 * it has digits) with problem 'bad_phone'.
 */
export function normalisePhone(v: CellValue): Normalised<string> {
  if (isEmptyish(v)) return { value: null }
  const raw = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : cellToText(v)) : cellToText(v)
  if (['无', '没有', '暂无'].includes(cleanCell(raw, 'code'))) return { value: null }
  const out: string[] = []
  let bad = false
  for (const part of raw.split(/[,，;；、/／]/)) {
    const s = cleanCell(part, 'code').replace(/[—–－]/g, '-')
    if (s === '') continue
    let digits = s.replace(/\D/g, '')
    if (/^(\+?86)1\d{10}$/.test(s.replace(/[-()]/g, ''))) digits = digits.slice(2)
    if (/^1[3-9]\d{9}$/.test(digits)) {
      out.push(digits)
      continue
    }
    if (/^0\d{9,11}$/.test(digits)) {
      const area = /^0[12]/.test(digits) ? 3 : 4
      const rest = digits.slice(area)
      if (rest.length >= 7 && rest.length <= 8) {
        out.push(`${digits.slice(0, area)}-${rest}`)
        continue
      }
    }
    bad = true
    out.push(digits || cleanCell(part))
  }
  if (out.length === 0) return { value: null }
  return bad ? { value: out.join(','), problem: 'bad_phone' } : { value: out.join(',') }
}

// ---------------------------------------------------------------- dispatch

export interface CellResult {
  value: string | number | null
  problem?: ValueProblem
  format?: DateFormat
  /** Parsed ID number (birth date, sex) for the id kind. */
  id?: IdNumberInfo
}

/** Reads one cell the way its field says. */
export function normaliseCell(def: FieldDef, v: CellValue): CellResult {
  switch (def.kind) {
    case 'text': {
      if (isBlankCell(v)) return { value: null }
      const s = cleanCell(cellToText(v), def.key === 'name' || def.key === 'head_name' ? 'name' : 'text')
      return { value: s === '' ? null : s }
    }
    case 'code': return normaliseCode(v)
    case 'id': {
      const r = readIdCell(v)
      const out: CellResult = { value: r.value }
      if (r.problem) out.problem = r.problem
      if (r.info) out.id = r.info
      return out
    }
    case 'date': return normaliseDate(v)
    case 'year': return normaliseYear(v)
    case 'int': return normaliseInt(v)
    case 'decimal': return normaliseDecimal(v)
    case 'money': return normaliseMoneyFen(v)
    case 'enum': return normaliseEnum(def.key, v)
    case 'yesno': return normaliseYesNo(v)
    case 'phone': return normalisePhone(v)
  }
}
