/**
 * Chinese resident ID numbers (GB 11643-1999): 6-digit area code, 8-digit
 * birth date, 3-digit sequence whose parity gives the sex, and a check
 * character computed with ISO 7064 MOD 11-2.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The check character for the first 17 digits, or null when they are not 17 digits. */
export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

export type IdNumberProblem =
  | 'empty'
  | 'scientific_notation' // Excel turned it into 4.1E+17
  | 'digits_lost' // 18 digits ending in 000 from a number cell: last digits lost
  | 'bad_format'
  | 'bad_birth_date'
  | 'bad_check_char'

export interface IdNumberInfo {
  /** Normalised form: upper-case X, no spaces. */
  value: string
  kind: 'id18' | 'id15' | 'disability' | 'other'
  birthDate?: string // ISO yyyy-mm-dd
  sex?: '男' | '女'
  problem?: IdNumberProblem
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return d <= days
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Parse and check an ID number already cleaned of spaces and full-width characters. */
export function parseIdNumber(raw: string): IdNumberInfo {
  const value = raw.trim().toUpperCase()
  if (value === '') return { value, kind: 'other', problem: 'empty' }
  if (/^\d(\.\d+)?E\+?\d+$/.test(value)) return { value, kind: 'other', problem: 'scientific_notation' }

  // 残疾人证: the 18-character ID number followed by a 2- or 4-character disability code.
  if (/^\d{17}[\dX]\d{2}([A-Z\d]{2})?$/.test(value)) {
    const inner = parseIdNumber(value.slice(0, 18))
    return { ...inner, value, kind: 'disability' }
  }
  if (/^\d{17}[\dX]$/.test(value)) {
    const y = Number(value.slice(6, 10))
    const m = Number(value.slice(10, 12))
    const d = Number(value.slice(12, 14))
    const sex = Number(value[16]) % 2 === 1 ? '男' : '女'
    if (!isValidDate(y, m, d) || y < 1880) return { value, kind: 'id18', sex, problem: 'bad_birth_date' }
    const info: IdNumberInfo = { value, kind: 'id18', birthDate: iso(y, m, d), sex }
    if (idCheckChar(value.slice(0, 17)) !== value[17]) {
      // A number cell keeps 15 significant digits: the tail comes back as zeros.
      info.problem = value.endsWith('000') ? 'digits_lost' : 'bad_check_char'
    }
    return info
  }
  if (/^\d{15}$/.test(value)) {
    const y = 1900 + Number(value.slice(6, 8))
    const m = Number(value.slice(8, 10))
    const d = Number(value.slice(10, 12))
    const sex = Number(value[14]) % 2 === 1 ? '男' : '女'
    if (!isValidDate(y, m, d)) return { value, kind: 'id15', sex, problem: 'bad_birth_date' }
    return { value, kind: 'id15', birthDate: iso(y, m, d), sex }
  }
  return { value, kind: 'other', problem: 'bad_format' }
}

/** Mask an ID number for display or notices: 4101**********1234. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return id.replace(/.(?=.{2})/g, '*')
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4)
}

/** Mask a phone number: 138****5678. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return phone
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
}

/** A usable resident ID (18 or 15 digits, date valid, no damage): what sex and birth date it states. */
function residentFacts(idNumber: string | null | undefined): { sex: '男' | '女'; birthDate: string } | null {
  if (!idNumber) return null
  const info = parseIdNumber(idNumber)
  if (info.problem || (info.kind !== 'id18' && info.kind !== 'id15') || !info.sex || !info.birthDate) return null
  return { sex: info.sex, birthDate: info.birthDate }
}

/** 性别 and 出生日期 left blank, filled from the ID number (import and edit). Only blanks are filled. */
export function blanksFromId(values: { id_number?: unknown; sex?: unknown; birth_date?: unknown }): { sex?: '男' | '女'; birth_date?: string } {
  const facts = residentFacts(typeof values.id_number === 'string' ? values.id_number : null)
  if (!facts) return {}
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
  const out: { sex?: '男' | '女'; birth_date?: string } = {}
  if (blank(values.sex)) out.sex = facts.sex
  if (blank(values.birth_date)) out.birth_date = facts.birthDate
  return out
}

/** Where a member's stated 性别 / 出生日期 disagrees with the ID number: the clerk's messages. */
export function idDisagreements(idNumber: string | null | undefined, sex: string | null | undefined, birthDate: string | null | undefined): string[] {
  const facts = residentFacts(idNumber)
  if (!facts) return []
  const out: string[] = []
  if ((sex === '男' || sex === '女') && sex !== facts.sex) out.push(`「性别」为「${sex}」，但证件号码显示为${facts.sex}性。请核对后改正其中一项。`)
  if (birthDate && /^\d{4}(-\d{2}){0,2}$/.test(birthDate) && !facts.birthDate.startsWith(birthDate))
    out.push(`「出生日期」为「${birthDate}」，与证件号码中的出生日期「${facts.birthDate}」不一致。请核对后改正其中一项。`)
  return out
}
