/**
 * Rules of editing one household on its page. The values are read and checked by the importer's
 * own code (shared/import/normalise.ts, shared/import/rules.ts): a stored household and its
 * members are put into the importer's shapes (ParsedRow / HouseholdGroup) and its rules run on
 * them, so an edit is held to exactly what an import is held to. Pure.
 */
import { type FieldKey, type HouseholdKey, type MemberKey, ROSTER_FIELDS, fieldByKey } from '../import/households-fields'
import { normaliseCell } from '../import/normalise'
import { type CellProblem, type HouseholdGroup, type ParsedRow, type RowValue } from '../import/rows'
import { DuplicateIdTracker, type ImportIssue, type IssueCode, validateHousehold, validateMemberRow } from '../import/rules'
import { parseIdNumber } from './id-number'

export type FieldValue = string | number | null

// ---------------------------------------------------------------- fields

/** Household columns a clerk edits on the form (status columns come from the status history). */
export const HOUSEHOLD_EDIT_FIELDS: readonly HouseholdKey[] = ROSTER_FIELDS.filter(
  (f) => f.level === 'household' && !f.virtual && !['exit_status', 'exit_year', 'monitoring_category'].includes(f.key),
).map((f) => f.key as HouseholdKey)

export const MEMBER_EDIT_FIELDS: readonly MemberKey[] = ROSTER_FIELDS.filter((f) => f.level === 'member' && !f.virtual).map(
  (f) => f.key as MemberKey,
)

export const INCOME_PARTS = ['wage_income_fen', 'business_income_fen', 'property_income_fen', 'transfer_income_fen'] as const
export const EXPENSE_PART = 'business_expense_fen' as const

/** 两不愁三保障 (+ 饮水安全): stored per household as guarantee_<key> ('达标' | '有短板') and guarantee_<key>_note. */
export const GUARANTEE_ITEMS = [
  { key: 'food', label: '不愁吃' },
  { key: 'clothing', label: '不愁穿' },
  { key: 'education', label: '义务教育保障' },
  { key: 'medical', label: '基本医疗保障' },
  { key: 'housing', label: '住房安全保障' },
  { key: 'water', label: '饮水安全保障' },
] as const
export type GuaranteeKey = (typeof GUARANTEE_ITEMS)[number]['key']
export const GUARANTEE_STATES = ['达标', '有短板'] as const
export const guaranteeColumn = (k: GuaranteeKey) => `guarantee_${k}` as const
export const guaranteeNoteColumn = (k: GuaranteeKey) => `guarantee_${k}_note` as const
export const GUARANTEE_COLUMNS: readonly string[] = GUARANTEE_ITEMS.flatMap((g) => [guaranteeColumn(g.key), guaranteeNoteColumn(g.key)])

/** Chinese label of a households / members column, for messages and the change history. */
export function columnLabel(column: string): string {
  const f = ROSTER_FIELDS.find((d) => d.key === column && !d.virtual)
  if (f) return f.label
  for (const g of GUARANTEE_ITEMS) {
    if (column === guaranteeColumn(g.key)) return g.label
    if (column === guaranteeNoteColumn(g.key)) return `${g.label}说明`
  }
  return (
    {
      removed_reason: '移出原因', removed_date: '移出日期', sort_order: '排序', group_id: '组', village_id: '行政村',
      household_id: '所属户',
    } as Record<string, string>
  )[column] ?? column
}

// ---------------------------------------------------------------- computed values

/** n / d rounded half up (half away from zero for negative n), integers only. */
export function divRoundHalfUp(n: number, d: number): number {
  if (d <= 0) throw new Error('divisor must be positive')
  const q = Math.floor((2 * Math.abs(n) + d) / (2 * d))
  return n < 0 ? -q : q
}

/**
 * 纯收入 = incomes − 生产经营性支出 and 人均纯收入 = 纯收入 / active members, in 分. Null when no part is
 * filled in (the roster's own 纯收入 then stands).
 */
export function computeIncome(
  values: Partial<Record<string, FieldValue>>,
  activeMembers: number,
): { net_income_fen: number; per_capita_net_income_fen: number | null } | null {
  const parts = [...INCOME_PARTS, EXPENSE_PART].map((k) => values[k])
  if (parts.every((v) => v === null || v === undefined)) return null
  const n = (v: FieldValue | undefined) => (typeof v === 'number' ? v : 0)
  const net = INCOME_PARTS.reduce((s, k) => s + n(values[k]), 0) - n(values[EXPENSE_PART])
  return { net_income_fen: net, per_capita_net_income_fen: activeMembers > 0 ? divRoundHalfUp(net, activeMembers) : null }
}

/** Whole years of age on a date, from 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY'; null when unreadable. */
export function ageOn(birthDate: string | null | undefined, today: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(birthDate ?? '')
  const t = /^(\d{4})-(\d{2})-(\d{2})/.exec(today)
  if (!m || !t) return null
  const [by, bm, bd] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)]
  const [ty, tm, td] = [Number(t[1]), Number(t[2]), Number(t[3])]
  let age = ty - by
  if (tm < bm || (tm === bm && td < bd)) age--
  return age < 0 ? null : age
}

/** The birth date to show or store for a member: the column, else what the ID number says. */
export function birthDateOf(values: Partial<Record<MemberKey, FieldValue>>): string | null {
  if (typeof values.birth_date === 'string' && values.birth_date) return values.birth_date
  const id = typeof values.id_number === 'string' ? parseIdNumber(values.id_number) : null
  return id?.birthDate ?? null
}

// ---------------------------------------------------------------- reading what the clerk typed

export interface EditIssue {
  severity: 'error' | 'warning'
  code: IssueCode | 'guarantee_note' | 'not_editable' | 'duplicate_household_no'
  field: string
  /** The member concerned, when it is about one member. */
  memberId?: number
  message: string
}

export interface ReadValues<K extends string> {
  values: Partial<Record<K, FieldValue>>
  problems: CellProblem[]
  /** Unreadable numbers: the import skips them with a warning; a form refuses them. */
  unreadable: EditIssue[]
}

/** Reads typed values with the importer's normalisers (money in 元 → 分, dates, enums, IDs, phones). */
export function readEditValues<K extends FieldKey>(patch: Partial<Record<K, FieldValue>>): ReadValues<K> {
  const values: Partial<Record<K, FieldValue>> = {}
  const problems: CellProblem[] = []
  const unreadable: EditIssue[] = []
  for (const [key, raw] of Object.entries(patch) as [K, FieldValue][]) {
    const def = fieldByKey(key)
    const cell = typeof raw === 'string' ? raw : raw === null ? null : String(raw)
    const r = normaliseCell(def, cell)
    values[key] = r.value
    if (!r.problem) continue
    if (r.value === null && cell !== null && cell.trim() !== '') {
      unreadable.push({
        severity: 'error', code: 'bad_number', field: key,
        message: `「${def.label}」的「${cell}」不是有效数字，未保存。请改为数字，如 1234.56。`,
      })
      continue
    }
    problems.push({ field: key, column: def.label, raw: cell ?? '', value: r.value === null ? cell ?? '' : String(r.value), problem: r.problem })
  }
  return { values, problems, unreadable }
}

// ---------------------------------------------------------------- the importer's rules on a stored household

export interface StoredMember {
  id: number
  values: Partial<Record<MemberKey, FieldValue>>
}

const HEADERS: Partial<Record<FieldKey, string>> = Object.fromEntries(ROSTER_FIELDS.map((f) => [f.key, f.label]))

export interface HouseholdCheckInput {
  household: Partial<Record<HouseholdKey, FieldValue>>
  /** Active members after the edit, in roster order. */
  members: StoredMember[]
  /** Problems of the values just typed, by member id ('household' for household fields). */
  problems: Map<number | 'household', CellProblem[]>
  /** The member being edited or added (its row rules run); null for a household-only edit. */
  editedMemberId: number | null
}

/**
 * Runs the import's row rules on the edited member and its household rules on the whole
 * household, and turns the row-based messages into messages naming the member and the field.
 */
export function checkHousehold(input: HouseholdCheckInput): EditIssue[] {
  const rows: ParsedRow[] = input.members.map((m, i) => {
    const idText = typeof m.values.id_number === 'string' ? m.values.id_number : null
    const row: ParsedRow = {
      excelRow: i + 1,
      village: {},
      household: i === 0 ? (input.household as Partial<Record<HouseholdKey, RowValue>>) : {},
      member: m.values as Partial<Record<MemberKey, RowValue>>,
      extra: {},
      sourceFormats: {},
      problems: [...(input.problems.get(m.id) ?? []), ...(i === 0 ? input.problems.get('household') ?? [] : [])],
      headers: HEADERS,
    }
    if (idText) row.id = parseIdNumber(idText)
    return row
  })
  const nameOf = (excelRow: number) => input.members[excelRow - 1]
  const issues: { issue: ImportIssue; member?: StoredMember }[] = []
  const edited = rows.findIndex((_, i) => input.members[i]!.id === input.editedMemberId)
  if (edited >= 0) for (const issue of validateMemberRow(rows[edited]!)) issues.push({ issue, member: input.members[edited] })
  if (rows.length > 0) {
    const group: HouseholdGroup = { key: null, groupedBy: 'row', shape: 'per_person', rows }
    for (const issue of validateHousehold(group)) issues.push({ issue, member: nameOf(issue.row) })
    const tracker = new DuplicateIdTracker()
    for (const row of rows) {
      for (const hit of tracker.check(row)) {
        if (edited >= 0 && hit.issue.row === edited + 1) issues.push({ issue: hit.issue, member: nameOf(hit.issue.row) })
      }
    }
  } else {
    const orphan = input.problems.get('household') ?? []
    for (const p of orphan) issues.push({ issue: { row: 0, column: p.column, severity: 'warning', code: 'unknown_enum', field: p.field, message: `「${p.column}」的「${p.raw}」需要核对。` } })
  }
  const seen = new Set<string>()
  const out: EditIssue[] = []
  for (const { issue, member } of issues) {
    const e = toEditIssue(issue, member, input.members)
    const key = `${e.code}|${e.field}|${e.memberId ?? ''}|${e.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(e)
  }
  return out
}

function toEditIssue(issue: ImportIssue, member: StoredMember | undefined, members: StoredMember[]): EditIssue {
  const field = issue.field ?? ''
  const name = (m: StoredMember | undefined) => (m ? `成员「${String(m.values.name ?? '')}」` : '')
  const head = members.find((m) => m.values.relation === '户主')
  let message: string
  switch (issue.code) {
    case 'no_head':
      message = '这一户将没有户主。一户必须有且只有一个户主：请用「更换户主」指定新户主后再改。'
      break
    case 'two_heads':
      message = `${name(member)}的「与户主关系」不能改为「户主」：${name(head)}已是户主。一户只能有一个户主，请用「更换户主」。`
      break
    case 'missing_name':
      message = '「姓名」不能为空。请填写姓名。'
      break
    case 'size_mismatch':
      message = issue.message.replace(/^第\d+行/, '').replace('请核对人数，或补全、删去家庭成员。', '请核对「人数」。')
      break
    default: {
      const isHouseholdField = issue.field !== undefined && fieldByKey(issue.field).level === 'household'
      message = (isHouseholdField ? issue.message.replace(/^第\d+行/, '') : issue.message).replace(/第(\d+)行/g, (_, n: string) =>
        name(members[Number(n) - 1]),
      )
    }
  }
  const out: EditIssue = { severity: issue.severity, code: issue.code, field, message }
  if (member && !(issue.field && fieldByKey(issue.field).level === 'household')) out.memberId = member.id
  return out
}

/** 两不愁三保障: each item is 达标 / 有短板 / not assessed; a gap needs a note saying what is missing. */
export function checkGuarantees(values: Partial<Record<string, FieldValue>>): EditIssue[] {
  const out: EditIssue[] = []
  for (const g of GUARANTEE_ITEMS) {
    const v = values[guaranteeColumn(g.key)]
    if (v !== undefined && v !== null && !(GUARANTEE_STATES as readonly string[]).includes(String(v))) {
      out.push({ severity: 'error', code: 'guarantee_note', field: guaranteeColumn(g.key), message: `「${g.label}」只能是：达标、有短板。` })
    }
    const note = values[guaranteeNoteColumn(g.key)]
    if (v === '有短板' && (note === null || note === undefined || String(note).trim() === '')) {
      out.push({
        severity: 'error', code: 'guarantee_note', field: guaranteeNoteColumn(g.key),
        message: `「${g.label}」标为有短板，请在说明中写明短板是什么（如：住房为C级危房、未参加基本医疗保险）。`,
      })
    }
  }
  return out
}

// ---------------------------------------------------------------- what crosses the API

/** One line of 修改记录. Money fields are shown in 元. */
export interface HouseholdChange {
  id: number
  at: string
  actor: string
  action: 'insert' | 'update' | 'delete'
  /** 户 / 成员「张三」 / 状态记录. */
  subject: string
  field: string | null
  fieldLabel: string
  oldValue: string | null
  newValue: string | null
  /** The newest change of this field of a household or member still in place: 「撤销此修改」 can write the old value back. */
  undoable?: boolean
}

export interface EditResult {
  /** Warnings about the saved values (the save went through). */
  warnings: EditIssue[]
  /** The member added, for households.addMember. */
  memberId?: number
}
