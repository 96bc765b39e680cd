/**
 * Data-quality rules of the roster import (the county's 疑点数据 checks that can be run on one
 * file). Row rules run as rows stream in, household rules once a household is complete.
 * Messages are for the clerk: they name the row, the column and the value and say what to do.
 */
import { MONITORING_CATEGORIES, RELATION_SEX } from '../domain/enums'
import { idCheckChar } from '../domain/id-number'
import { checkCategory } from '../domain/monitoring'
import { type FieldKey, fieldByKey } from './households-fields'
import type { HeaderDetection } from './header-detect'
import type { ValueProblem } from './normalise'
import { type CellProblem, type HouseholdGroup, type ParsedRow, type RowValue, householdValues } from './rows'

export type IssueCode =
  // errors: the value is wrong and must be fixed from the source
  | 'bad_check_char' | 'id_number_cell' | 'scientific_notation' | 'digits_lost' | 'bad_id_format'
  | 'bad_id_birth_date' | 'duplicate_id' | 'id_in_other_household' | 'missing_name' | 'no_head' | 'two_heads'
  | 'code_number_cell' | 'no_header'
  // warnings: imported, but worth a look
  | 'id15' | 'missing_id' | 'id_birth_mismatch' | 'id_sex_mismatch' | 'relation_sex' | 'size_mismatch'
  | 'unknown_enum' | 'bad_phone' | 'bad_date' | 'ambiguous_date' | 'bad_number' | 'duplicate_column'
  | 'two_spouses' | 'spouse_same_sex' | 'household_conflict' | 'household_split' | 'formula_like'
  | 'category_type_mismatch'

export interface ImportIssue {
  /** Row number as Excel shows it (1-based). */
  row: number
  /** Header text as in the file, or '' for a row- or household-level issue. */
  column: string
  field?: FieldKey
  value?: string
  severity: 'error' | 'warning'
  code: IssueCode
  message: string
}

function at(row: number, column: string): string {
  return column ? `第${row}行「${column}」` : `第${row}行`
}

function issue(
  severity: ImportIssue['severity'], code: IssueCode, row: number, column: string,
  message: string, field?: FieldKey, value?: string,
): ImportIssue {
  const out: ImportIssue = { row, column, severity, code, message }
  if (field) out.field = field
  if (value !== undefined) out.value = value
  return out
}

const TEXT_FORMAT_HINT = '请把该列设为“文本”格式，再从户口簿或原始资料重新录入完整号码。'

function optionsHint(field: FieldKey): string {
  const values = fieldByKey(field).enumValues ?? []
  if (values.length === 0 || values.length > 14) return '请改为标准选项之一。'
  return `标准选项：${values.join('、')}。请改为其中之一。`
}

/** A cell the normalisers could not read cleanly → an issue. */
export function cellProblemIssue(row: number, p: CellProblem): ImportIssue {
  const where = at(row, p.column)
  // ID numbers are shown as read (what Excel kept), other values as written.
  const v = p.field === 'id_number' || p.field === 'head_id_number' || p.problem === 'code_number_cell' ? p.value : p.raw
  const label = fieldByKey(p.field).label
  const make = (severity: ImportIssue['severity'], code: IssueCode, message: string): ImportIssue =>
    issue(severity, code, row, p.column, message, p.field, v)
  const problem: ValueProblem = p.problem
  switch (problem) {
    case 'id_number_cell':
      return make('error', 'id_number_cell',
        `${where}是数字格式，Excel 只保留 15 位有效数字，现为「${v}」，后几位已丢失。${TEXT_FORMAT_HINT}`)
    case 'scientific_notation':
      return make('error', 'scientific_notation', `${where}显示为科学计数法「${v}」，号码已损坏。${TEXT_FORMAT_HINT}`)
    case 'digits_lost':
      return make('error', 'digits_lost',
        `${where}的「${v}」以 000 结尾且校验不通过，多半是 Excel 按数字保存时丢了后几位。${TEXT_FORMAT_HINT}`)
    case 'bad_check_char': {
      const expected = idCheckChar(v.slice(0, 17)) ?? ''
      return make('error', 'bad_check_char',
        `${where}的「${v}」校验位不对（按前 17 位算应为「${expected}」），可能有数字录错。请对照身份证或户口簿改正。`)
    }
    case 'bad_birth_date':
      return make('error', 'bad_id_birth_date', `${where}的「${v}」中的出生日期不存在。请对照身份证或户口簿改正。`)
    case 'bad_format':
      return make('error', 'bad_id_format',
        `${where}的「${v}」不是 18 位身份证号（现为 ${v.length} 位）。请核对改正；如果是其他证件，请在「证件类型」中注明。`)
    case 'code_number_cell':
      return make('error', 'code_number_cell',
        `${where}是数字格式，Excel 只保留 15 位有效数字，现为「${v}」，可能与别的${label}混成一个。${TEXT_FORMAT_HINT}`)
    case 'unknown_enum':
      return make('warning', 'unknown_enum', `${where}的「${v}」不是标准写法，已按原样导入。${optionsHint(p.field)}`)
    case 'bad_date':
      return make('warning', 'bad_date',
        `${where}的「${v}」不是能识别的日期，已按原样导入。请写成 2016-03-05、2016年3月 或 201603 这样的格式。`)
    case 'ambiguous_date':
      return make('warning', 'ambiguous_date',
        `${where}的「${v}」可能是 1 月，也可能是录入 10 月时被 Excel 去掉了末尾的 0，已按 1 月导入。请核对；录入时可写成 2016-10。`)
    case 'bad_number':
      return make('warning', 'bad_number', `${where}的「${v}」不是有效数字，该项未导入。请改为数字，如 1234.56。`)
    case 'bad_phone':
      return make('warning', 'bad_phone',
        `${where}的「${v}」不是 11 位手机号，也不是带区号的固定电话（如 0371-12345678）。请核对改正。`)
  }
}

/** Whether the member's document is a resident ID (or unknown), so the ID format rules apply. */
function isResidentId(row: ParsedRow): boolean {
  const t = row.member.id_type
  return t === null || t === undefined || /身份证|户口|居民/.test(String(t))
}

const isHouseholdField = (f: FieldKey): boolean => fieldByKey(f).level === 'household'

/**
 * A name or ID that starts like a formula (= + - @): kept as given, but Excel would run it if the
 * cell were ever written back as typed, and no real name or number starts so. One warning per cell.
 */
function formulaLikeIssues(row: ParsedRow, fields: readonly FieldKey[], values: Partial<Record<FieldKey, RowValue>>): ImportIssue[] {
  const out: ImportIssue[] = []
  for (const field of fields) {
    const raw = row.problems.find((p) => p.field === field)?.raw ?? values[field]
    const v = typeof raw === 'string' ? raw.trim() : ''
    if (!/^[=+\-@]/.test(v)) continue
    const col = row.headers[field] ?? ''
    out.push(issue('warning', 'formula_like', row.excelRow, col,
      `${at(row.excelRow, col)}的「${v.length > 80 ? `${v.slice(0, 80)}…` : v}」以「${v[0]}」开头，像是 Excel 公式，不像${fieldByKey(field).label}。已按文字原样导入；` +
      '请核对这一格是否填错或被人改动过，并在原表中改正。', field, v))
  }
  return out
}

/**
 * Row rules: unreadable member and village cells, ID damage and format, ID vs birth date and sex,
 * relation vs sex, missing name or ID. Household cells are checked once per household.
 */
export function validateMemberRow(row: ParsedRow): ImportIssue[] {
  const out: ImportIssue[] = []
  const h = row.headers
  for (const p of row.problems) {
    if (isHouseholdField(p.field)) continue
    if (p.field === 'id_number' && (p.problem === 'bad_format' || p.problem === 'bad_birth_date') && !isResidentId(row)) continue
    out.push(cellProblemIssue(row.excelRow, p))
  }
  const m = row.member
  out.push(...formulaLikeIssues(row, ['name', 'id_number'], m as Partial<Record<FieldKey, RowValue>>))
  const name = m.name == null ? '' : String(m.name)
  if (name === '') {
    out.push(issue('error', 'missing_name', row.excelRow, h.name ?? '',
      `${at(row.excelRow, h.name ?? '')}没有填写姓名。请补上姓名；如果这一行不是家庭成员，请删除这一行。`, 'name'))
  }
  const who = name ? `（${name}）` : ''
  const idText = m.id_number == null ? '' : String(m.id_number)
  if (h.id_number !== undefined && idText === '') {
    out.push(issue('warning', 'missing_id', row.excelRow, h.id_number,
      `${at(row.excelRow, h.id_number)}为空${who}。请从户口簿补录证件号码。`, 'id_number'))
  }
  const id = row.id
  if (id?.kind === 'id15' && !id.problem) {
    out.push(issue('warning', 'id15', row.excelRow, h.id_number ?? '',
      `${at(row.excelRow, h.id_number ?? '')}的「${idText}」是旧的 15 位号码${who}。请换成 18 位身份证号。`, 'id_number', idText))
  }
  const usableId = id && (!id.problem || id.problem === 'bad_check_char') && isResidentId(row)
  const birth = m.birth_date == null ? '' : String(m.birth_date)
  if (usableId && id.birthDate && /^\d{4}-\d{2}/.test(birth) && !id.birthDate.startsWith(birth)) {
    out.push(issue('warning', 'id_birth_mismatch', row.excelRow, h.birth_date ?? '',
      `${at(row.excelRow, h.birth_date ?? '')}为「${birth}」，与证件号码中的出生日期「${id.birthDate}」不一致${who}。请核对后改正其中一项。`,
      'birth_date', birth))
  }
  const sex = m.sex == null ? '' : String(m.sex)
  if (usableId && id.sex && (sex === '男' || sex === '女') && sex !== id.sex) {
    out.push(issue('warning', 'id_sex_mismatch', row.excelRow, h.sex ?? '',
      `${at(row.excelRow, h.sex ?? '')}为「${sex}」，但证件号码显示为${id.sex}性${who}。请核对后改正其中一项。`, 'sex', sex))
  }
  const relation = m.relation == null ? '' : String(m.relation)
  const implied = RELATION_SEX[relation]
  const knownSex = sex === '男' || sex === '女' ? sex : usableId ? id.sex : undefined
  if (implied && knownSex && implied !== knownSex) {
    const basis = sex === '男' || sex === '女' ? `「性别」为「${sex}」` : `证件号码显示为${knownSex}性`
    out.push(issue('warning', 'relation_sex', row.excelRow, h.relation ?? '',
      `${at(row.excelRow, h.relation ?? '')}为「${relation}」，但${basis}${who}。请核对后改正其中一项。`, 'relation', relation))
  }
  return out
}

const show = (v: RowValue | undefined): string => (v === null || v === undefined ? '' : String(v))

/**
 * Household rules, once all its rows are in: unreadable household cells (once per household),
 * repeated household cells that differ, 户主 missing or twice, two 配偶 or a 配偶 of the
 * head's sex, 人数 against the members listed, and a household whose rows are not together.
 */
export function validateHousehold(group: HouseholdGroup): ImportIssue[] {
  const out: ImportIssue[] = []
  const first = group.rows[0]
  if (!first) return out
  const h = first.headers
  const no = group.groupedBy === 'household_no' && group.key ? `（户编号 ${group.key}）` : ''

  const reported = new Set<string>()
  for (const row of group.rows) {
    for (const p of row.problems) {
      if (!isHouseholdField(p.field)) continue
      // In a one-row-per-person sheet the head's ID is checked on the head's own row.
      if (p.field === 'head_id_number' && h.id_number !== undefined) continue
      const key = `${p.field}\u0000${p.raw}`
      if (reported.has(key)) continue
      reported.add(key)
      out.push(cellProblemIssue(row.excelRow, p))
    }
  }

  out.push(...formulaLikeIssues(first, ['head_name', 'head_id_number'], first.household as Partial<Record<FieldKey, RowValue>>))
  const { values, conflicts } = householdValues(group)
  for (const c of conflicts) {
    if (c.field === 'head_name' || c.field === 'head_id_number') continue
    const col = h[c.field] ?? ''
    out.push(issue('warning', 'household_conflict', c.row, col,
      `${at(c.row, col)}为「${show(c.other)}」，与同一户第${c.firstRow}行的「${show(c.first)}」不一致，已按第${c.firstRow}行导入。请核对。`,
      c.field, show(c.other)))
  }

  if (group.splitFrom !== undefined) {
    out.push(issue('warning', 'household_split', first.excelRow, h.household_no ?? '',
      `${at(first.excelRow, h.household_no ?? '')}的「${group.key ?? ''}」在第${group.splitFrom}行已出现过，同一户的成员没有排在一起。` +
      '请按户编号排序后重新导入，或核对户编号是否录错。', 'household_no', group.key ?? undefined))
    return out // the household is incomplete here: its other checks would mislead
  }

  // 监测对象类别 against 户类型 (policy: a 脱贫户 can only be 脱贫不稳定户, and only a 脱贫户 can be).
  const category = show(values.monitoring_category)
  const type = show(values.household_type) || null
  if (type && (MONITORING_CATEGORIES as readonly string[]).includes(category)) {
    const problem = checkCategory(type, category)
    if (problem) {
      const col = h.monitoring_category ?? ''
      out.push(issue('warning', 'category_type_mismatch', first.excelRow, col,
        `${at(first.excelRow, col)}为「${category}」，与「${h.household_type ?? '户类型'}」「${type}」不符${no}：${problem}请核对后改正其中一项。`,
        'monitoring_category', category))
    }
  }

  const heads = group.rows.filter((r) => r.member.relation === '户主')
  const relCol = h.relation ?? ''
  if (heads.length === 0) {
    out.push(issue('error', 'no_head', first.excelRow, relCol,
      `从第${first.excelRow}行开始的这一户${no}没有户主。请在「${h.relation ?? '与户主关系'}」中标出户主；` +
      '如果这几行属于上一户，请把它们移到该户下面。', 'relation'))
  }
  const head = heads[0]
  for (const extra of heads.slice(1)) {
    out.push(issue('error', 'two_heads', extra.excelRow, relCol,
      `${at(extra.excelRow, relCol)}为「户主」，但同一户第${head!.excelRow}行已是户主${no}。一户只能有一个户主，请改正其中一人的与户主关系。`,
      'relation', '户主'))
  }
  const spouses = group.rows.filter((r) => r.member.relation === '配偶')
  for (const extra of spouses.slice(1)) {
    out.push(issue('warning', 'two_spouses', extra.excelRow, relCol,
      `${at(extra.excelRow, relCol)}为「配偶」，但同一户第${spouses[0]!.excelRow}行也是配偶${no}。请核对与户主关系。`,
      'relation', '配偶'))
  }
  const sexOf = (r: ParsedRow): string | undefined => {
    const s = show(r.member.sex)
    return s === '男' || s === '女' ? s : r.id && !r.id.problem ? r.id.sex : undefined
  }
  const spouse = spouses[0]
  if (head && spouse && sexOf(head) && sexOf(head) === sexOf(spouse)) {
    out.push(issue('warning', 'spouse_same_sex', spouse.excelRow, h.sex ?? relCol,
      `${at(spouse.excelRow, h.sex ?? relCol)}：配偶与第${head.excelRow}行的户主性别相同（都是${sexOf(head)}）。请核对性别或与户主关系。`,
      'sex'))
  }

  const declared = values.declared_size
  if (group.shape === 'per_person' && typeof declared === 'number' && declared !== group.rows.length) {
    const col = h.declared_size ?? ''
    out.push(issue('warning', 'size_mismatch', first.excelRow, col,
      `${at(first.excelRow, col)}填的是 ${declared} 人，但这一户${no}名单中列出 ${group.rows.length} 人。请核对人数，或补全、删去家庭成员。`,
      'declared_size', String(declared)))
  }
  return out
}

/** Header findings: a field named by two columns (the later one is kept as other information). */
export function headerIssues(layout: HeaderDetection, firstExcelRow = 1): ImportIssue[] {
  const row = layout.headerRowIndex + firstExcelRow
  return layout.duplicates.map((c) => {
    const firstCol = layout.columns[c.duplicateOf!.index]!
    return issue('warning', 'duplicate_column', row, c.header,
      `第${c.letter}列「${c.header}」与第${firstCol.letter}列「${firstCol.header}」是同一项，只导入了第${firstCol.letter}列，` +
      `第${c.letter}列作为其他信息保留。请核对两列内容是否一致。`, c.duplicateOf!.field)
  })
}

export function noHeaderIssue(): ImportIssue {
  return issue('error', 'no_header', 1, '',
    '在表格前 15 行中没有找到表头（如「姓名」「证件号码」「与户主关系」）。请确认这是花名册，表头在表格上方，然后重新导入。')
}

// ---------------------------------------------------------------- duplicate IDs

/** The key two ID numbers of one person share: the 18-digit form (old 15-digit ones converted). */
export function idDedupeKey(id: string): string {
  const v = id.toUpperCase()
  if (/^\d{15}$/.test(v)) {
    const first17 = `${v.slice(0, 6)}19${v.slice(6)}`
    return first17 + (idCheckChar(first17) ?? '')
  }
  if (/^\d{17}[\dX]/.test(v)) return v.slice(0, 18) // 残疾人证: the ID plus a disability code
  return v
}

const DAMAGED: ReadonlySet<ValueProblem> = new Set<ValueProblem>(['id_number_cell', 'scientific_notation', 'digits_lost'])

interface SeenId {
  row: number
  column: string
  name: string
  source: string | undefined
  reported: boolean
}

export interface DuplicateHit {
  /** The sheet or file the issue belongs to, as passed to check(); undefined for the current one. */
  source: string | undefined
  issue: ImportIssue
}

/**
 * Finds ID numbers given twice, within a sheet and — when one tracker is shared and each call
 * passes a source label such as '2024花名册.xlsx / Sheet1' — across the files of one import.
 * Both rows get an issue: the earlier one the first time its number comes back.
 */
export class DuplicateIdTracker {
  private readonly seen = new Map<string, SeenId>()

  /** Damaged numbers are skipped: many of them end in 000 and would collide falsely. */
  check(row: ParsedRow, source?: string): DuplicateHit[] {
    const id = row.member.id_number
    if (id === null || id === undefined || id === '') return []
    if (row.problems.some((p) => p.field === 'id_number' && DAMAGED.has(p.problem))) return []
    return this.add({ idNumber: String(id), row: row.excelRow, column: row.headers.id_number ?? '',
      name: row.member.name == null ? '' : String(row.member.name), source })
  }

  add(entry: { idNumber: string; row: number; column: string; name?: string; source?: string }): DuplicateHit[] {
    const key = idDedupeKey(entry.idNumber)
    const name = entry.name ?? ''
    const prev = this.seen.get(key)
    if (!prev) {
      this.seen.set(key, { row: entry.row, column: entry.column, name, source: entry.source, reported: false })
      return []
    }
    const where = (s: string | undefined, r: number): string =>
      s !== undefined && s !== entry.source ? `「${s}」第${r}行` : `第${r}行`
    const hits: DuplicateHit[] = [{
      source: entry.source,
      issue: issue('error', 'duplicate_id', entry.row, entry.column,
        `${at(entry.row, entry.column)}的「${entry.idNumber}」${name ? `（${name}）` : ''}与${where(prev.source, prev.row)}` +
        `${prev.name ? `（${prev.name}）` : ''}重复。同一人只能登记一次，请核对后改正或删去其中一行。`, 'id_number', entry.idNumber),
    }]
    if (!prev.reported) {
      prev.reported = true
      const back = prev.source !== undefined && prev.source !== entry.source ? `「${entry.source ?? ''}」第${entry.row}行` : `第${entry.row}行`
      hits.push({
        source: prev.source,
        issue: issue('error', 'duplicate_id', prev.row, prev.column,
          `${at(prev.row, prev.column)}的「${entry.idNumber}」${prev.name ? `（${prev.name}）` : ''}与${back}` +
          `${name ? `（${name}）` : ''}重复。同一人只能登记一次，请核对后改正或删去其中一行。`, 'id_number', entry.idNumber),
      })
    }
    return hits
  }

  has(idNumber: string): boolean {
    return this.seen.has(idDedupeKey(idNumber))
  }
}

/** For the DB side: the ID belongs to a person of another household already in the ledger. */
export function idInOtherHouseholdIssue(input: {
  row: number
  column: string
  idNumber: string
  name?: string
  /** The person already in the ledger. */
  otherName: string
  otherHouseholdNo?: string | null
  otherHeadName?: string | null
  otherVillage?: string | null
}): ImportIssue {
  const where = [
    input.otherVillage ?? '',
    input.otherHeadName ? `户主「${input.otherHeadName}」家` : '另一户',
    input.otherHouseholdNo ? `（户编号 ${input.otherHouseholdNo}）` : '',
  ].join('')
  return issue('error', 'id_in_other_household', input.row, input.column,
    `${at(input.row, input.column)}的「${input.idNumber}」${input.name ? `（${input.name}）` : ''}在台账中已登记为${where}的「${input.otherName}」。` +
    '一个人不能同时属于两户：请核对号码；如果此人确已分户或迁入，请先在台账中把他从原户移出，再导入。',
    'id_number', input.idNumber)
}
