/**
 * Editing one household on its page: household fields, members (add, edit, remove), 户主 change.
 * Values are read and checked by the importer's own normalisers and rules
 * (shared/domain/households-rules.ts); errors refuse the save, warnings come back with the result.
 * Everything is read and written inside one audited write transaction.
 */
import type Database from 'better-sqlite3'
import { LedgerError } from '../../../shared/api/result'
import { RELATIONS } from '../../../shared/domain/enums'
import {
  type EditIssue, type EditResult, type FieldValue, GUARANTEE_COLUMNS, HOUSEHOLD_EDIT_FIELDS, MEMBER_EDIT_FIELDS, type StoredMember,
  checkGuarantees, checkHousehold, columnLabel, computeIncome, readEditValues,
} from '../../../shared/domain/households-rules'
import { blanksFromId } from '../../../shared/domain/id-number'
import { formatYuan } from '../../../shared/domain/money'
import { checkCategory } from '../../../shared/domain/monitoring'
import type { HouseholdKey, MemberKey } from '../../../shared/import/households-fields'
import type { CellProblem } from '../../../shared/import/rows'
import { idInOtherHouseholdIssue } from '../../../shared/import/rules'
import type { Ledger } from '../db/open'


type Row = Record<string, FieldValue>

const STATUS_COLUMNS = new Set(['exit_status', 'exit_year', 'monitoring_category'])
const COMPUTED = ['net_income_fen', 'per_capita_net_income_fen'] as const

function householdRow(sqlite: Database.Database, id: number): Row {
  const h = sqlite.prepare('SELECT * FROM households WHERE id = ?').get(id) as Row | undefined
  if (!h) throw new LedgerError('not_found', `找不到编号为 ${id} 的户，可能已被删除。请返回列表刷新。`)
  return h
}

function activeMembers(sqlite: Database.Database, householdId: number): (StoredMember & { row: Row })[] {
  const rows = sqlite
    .prepare('SELECT * FROM members WHERE household_id = ? AND removed_reason IS NULL ORDER BY sort_order, id')
    .all(householdId) as Row[]
  return rows.map((r) => ({ id: Number(r.id), values: pick(r, MEMBER_EDIT_FIELDS), row: r }))
}

function pick<K extends string>(row: Row, keys: readonly K[]): Partial<Record<K, FieldValue>> {
  const out: Partial<Record<K, FieldValue>> = {}
  for (const k of keys) out[k] = row[k] ?? null
  return out
}

/** The first error refuses the save, naming the field. */
function refuseOnError(issues: EditIssue[]): EditIssue[] {
  const error = issues.find((i) => i.severity === 'error')
  if (error) throw new LedgerError('invalid_edit', error.message, error.field)
  return issues.filter((i) => i.severity === 'warning')
}

/** 纯收入 / 人均纯收入 kept in step with the parts and the number of people living in the household. */
function incomePatch(household: Row, activeCount: number): Row {
  const c = computeIncome(household, activeCount)
  return c ? { ...c } : {}
}

/** 人数 follows the members when it agreed with them before the change. */
function sizePatch(household: Row, before: number, after: number): Row {
  return household.declared_size === before && before !== after ? { declared_size: after } : {}
}

function otherHouseholdIdIssues(sqlite: Database.Database, householdId: number, member: StoredMember): EditIssue[] {
  const id = member.values.id_number
  if (typeof id !== 'string' || id === '') return []
  const other = sqlite
    .prepare(
      `SELECT m.name, h.household_no, v.name AS village,
         (SELECT hm.name FROM members hm WHERE hm.household_id = h.id AND hm.relation = '户主' AND hm.removed_reason IS NULL LIMIT 1) AS head
       FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
       WHERE m.id_number = ? AND m.household_id <> ? AND m.removed_reason IS NULL LIMIT 1`,
    )
    .get(id, householdId) as { name: string; household_no: string | null; village: string; head: string | null } | undefined
  if (!other) return []
  const issue = idInOtherHouseholdIssue({
    row: 1, column: columnLabel('id_number'), idNumber: id, name: String(member.values.name ?? ''),
    otherName: other.name, otherHouseholdNo: other.household_no, otherHeadName: other.head, otherVillage: other.village,
  })
  const message = issue.message
    .replace(/^第1行/, '')
    .replace('再导入。', '再登记到本户。')
  return [{ severity: 'error', code: 'id_in_other_household', field: 'id_number', memberId: member.id, message }]
}

// ---------------------------------------------------------------- household fields

/** A masked number sent back (the page had not revealed it) would overwrite the stored one with stars. */
function refuseMasked(key: string, raw: string | null): void {
  if ((key === 'id_number' || key === 'phone') && raw !== null && raw.includes('*')) {
    throw new LedgerError(
      'invalid_edit',
      `「${columnLabel(key)}」是隐藏了中间几位的号码（${raw}），不能这样保存。请先点「显示后修改」显示完整号码，再修改。`,
      key,
    )
  }
}

export function updateHousehold(ledger: Ledger, actor: string, id: number, patch: Record<string, string | null>, options: { replaceRosterIncome?: boolean } = {}): EditResult {
  return ledger.write.run({ actor }, (w) => {
    const stored = householdRow(ledger.sqlite, id)
    const fieldPatch: Partial<Record<HouseholdKey, FieldValue>> = {}
    const guaranteePatch: Row = {}
    for (const [key, raw] of Object.entries(patch)) {
      refuseMasked(key, raw)
      if (STATUS_COLUMNS.has(key)) {
        throw new LedgerError('not_editable', `「${columnLabel(key)}」由状态记录决定，不能直接修改。请在「状态记录」中登记识别、脱贫、返贫、纳入监测或风险消除。`, key)
      }
      if ((HOUSEHOLD_EDIT_FIELDS as readonly string[]).includes(key)) fieldPatch[key as HouseholdKey] = raw
      else if (GUARANTEE_COLUMNS.includes(key)) guaranteePatch[key] = raw === null || raw.trim() === '' ? null : raw.trim()
      else throw new LedgerError('not_editable', `「${columnLabel(key)}」不能在这里修改。`, key)
    }
    const read = readEditValues(fieldPatch)
    refuseOnError(read.unreadable)
    const merged: Row = { ...stored, ...read.values, ...guaranteePatch }
    const no = merged.household_no
    if (typeof no === 'string' && no !== stored.household_no) {
      const taken = ledger.sqlite.prepare('SELECT id FROM households WHERE household_no = ? AND id <> ?').get(no, id)
      if (taken) throw new LedgerError('invalid_edit', `「户编号」${no} 已被台账中另一户使用。户编号不能重复，请核对。`, 'household_no')
    }
    // 户类型 must still fit the household's 监测对象类别 (a 脱贫不稳定户 is a 脱贫户, and only a 脱贫户 is one).
    if ('household_type' in fieldPatch && typeof stored.monitoring_category === 'string' && stored.monitoring_category) {
      const type = typeof merged.household_type === 'string' ? merged.household_type : null
      const problem = checkCategory(type, stored.monitoring_category)
      if (problem)
        throw new LedgerError(
          'invalid_edit',
          `「户类型」不能改为「${type ?? '空'}」：该户的监测对象类别是「${stored.monitoring_category}」。${problem}如需改变类别，请在「状态记录」中登记风险消除后重新纳入监测。`,
          'household_type',
        )
    }
    const members = activeMembers(ledger.sqlite, id)
    const issues = [
      ...checkHousehold({
        household: pick(merged, HOUSEHOLD_EDIT_FIELDS),
        members,
        problems: new Map<number | 'household', CellProblem[]>([['household', read.problems]]),
        editedMemberId: null,
      }).filter((i) => i.field in fieldPatch),
      ...checkGuarantees(merged),
    ]
    const warnings = refuseOnError(issues)
    const computedIn = COMPUTED.some((k) => k in fieldPatch)
    const income = incomePatch(merged, members.length)
    if (computedIn && Object.keys(income).length > 0) {
      throw new LedgerError('not_editable', '「纯收入」「人均纯收入」由各项收入和生产经营性支出算出，不能直接修改。请修改收入各项。', 'net_income_fen')
    }
    // The roster's 人均纯收入 (the county's figure, no parts behind it) is replaced only when the clerk says so.
    const fromRoster = computeIncome(stored, members.length) === null ? stored.per_capita_net_income_fen : null
    const computed = income.per_capita_net_income_fen
    if (typeof fromRoster === 'number' && typeof computed === 'number' && computed !== fromRoster && !options.replaceRosterIncome) {
      throw new LedgerError(
        'confirm_income',
        `花名册中的人均纯收入为 ${formatYuan(fromRoster)}（县里下发的数），按填写的收入各项算得 ${formatYuan(computed)}。` +
          '保存收入各项将用算得的数替换花名册的数，请确认后再保存。',
        'per_capita_net_income_fen',
      )
    }
    w.update('households', id, { ...read.values, ...guaranteePatch, ...income } as Row)
    return { warnings }
  })
}

// ---------------------------------------------------------------- members

function memberRow(sqlite: Database.Database, id: number): Row {
  const m = sqlite.prepare('SELECT * FROM members WHERE id = ?').get(id) as Row | undefined
  if (!m) throw new LedgerError('not_found', `找不到编号为 ${id} 的家庭成员，可能已被删除。请刷新后重试。`)
  return m
}

function readMemberPatch(patch: Record<string, string | null>) {
  const fieldPatch: Partial<Record<MemberKey, FieldValue>> = {}
  for (const [key, raw] of Object.entries(patch)) {
    if (!(MEMBER_EDIT_FIELDS as readonly string[]).includes(key)) throw new LedgerError('not_editable', `「${columnLabel(key)}」不能在这里修改。`, key)
    refuseMasked(key, raw)
    fieldPatch[key as MemberKey] = raw
  }
  const read = readEditValues(fieldPatch)
  refuseOnError(read.unreadable)
  return { fieldPatch, read }
}

/** Row rules of the edited member, the household's 户主/配偶 rules, and the ledger-wide ID check. */
function checkMember(ledger: Ledger, householdId: number, members: StoredMember[], edited: StoredMember, problems: CellProblem[]): EditIssue[] {
  const household = householdRow(ledger.sqlite, householdId)
  const issues = checkHousehold({
    household: pick(household, HOUSEHOLD_EDIT_FIELDS),
    members,
    problems: new Map<number | 'household', CellProblem[]>([[edited.id, problems]]),
    editedMemberId: edited.id,
  }).filter((i) => i.memberId === edited.id || ['no_head', 'two_heads', 'spouse_same_sex', 'two_spouses'].includes(i.code))
  return [...issues, ...otherHouseholdIdIssues(ledger.sqlite, householdId, edited)]
}

export function updateMember(ledger: Ledger, actor: string, memberId: number, patch: Record<string, string | null>): EditResult {
  return ledger.write.run({ actor }, (w) => {
    const stored = memberRow(ledger.sqlite, memberId)
    if (stored.removed_reason !== null) {
      throw new LedgerError('invalid_edit', `「${String(stored.name)}」已于 ${String(stored.removed_date ?? '')} 移出（${String(stored.removed_reason)}），不能修改。`)
    }
    const householdId = Number(stored.household_id)
    const { read } = readMemberPatch(patch)
    // 性别 and 出生日期 blank after the edit are read off the (new or stored) ID number.
    Object.assign(read.values, blanksFromId({ id_number: stored.id_number, sex: stored.sex, birth_date: stored.birth_date, ...read.values }))
    const members = activeMembers(ledger.sqlite, householdId).map((m) =>
      m.id === memberId ? { id: m.id, values: { ...m.values, ...read.values } } : m,
    )
    const edited = members.find((m) => m.id === memberId)!
    if (stored.relation === '户主' && 'relation' in read.values && read.values.relation !== '户主') {
      throw new LedgerError('invalid_edit', `「${String(stored.name)}」是户主，不能直接改「与户主关系」。请用「更换户主」指定新户主，并为原户主选择新的关系。`, 'relation')
    }
    const warnings = refuseOnError(checkMember(ledger, householdId, members, edited, read.problems))
    w.update('members', memberId, read.values as Row)
    return { warnings }
  })
}

export function addMember(ledger: Ledger, actor: string, householdId: number, values: Record<string, string | null>): EditResult {
  return ledger.write.run({ actor }, (w) => {
    const household = householdRow(ledger.sqlite, householdId)
    const { read } = readMemberPatch(values)
    const v = { ...read.values }
    // A newborn's birth date and sex can be read off the ID number when not typed.
    Object.assign(v, blanksFromId(v))
    if (v.relation === '户主') {
      throw new LedgerError('invalid_edit', '新增的成员不能直接作为户主。请先按家庭关系添加，再用「更换户主」。', 'relation')
    }
    const before = activeMembers(ledger.sqlite, householdId)
    const newMember: StoredMember = { id: -1, values: v }
    const warnings = refuseOnError(checkMember(ledger, householdId, [...before, newMember], newMember, read.problems))
    const maxSort = ledger.sqlite.prepare('SELECT coalesce(max(sort_order), 0) AS n FROM members WHERE household_id = ?').get(householdId) as { n: number }
    const id = w.insert('members', { household_id: householdId, sort_order: maxSort.n + 1, ...(v as Row), name: v.name ?? '' })
    const count = before.length + 1
    w.update('households', householdId, { ...sizePatch(household, before.length, count), ...incomePatch(household, count) })
    return { warnings, memberId: id }
  })
}

export function removeMember(ledger: Ledger, actor: string, memberId: number, reason: string, date: string): EditResult {
  return ledger.write.run({ actor }, (w) => {
    const stored = memberRow(ledger.sqlite, memberId)
    const name = String(stored.name)
    if (stored.removed_reason !== null) throw new LedgerError('invalid_edit', `「${name}」已于 ${String(stored.removed_date ?? '')} 移出（${String(stored.removed_reason)}）。`)
    if (stored.relation === '户主') {
      throw new LedgerError('invalid_edit', `「${name}」是户主，不能直接移出。请先用「更换户主」指定新户主，再移出「${name}」。`, 'relation')
    }
    const householdId = Number(stored.household_id)
    const household = householdRow(ledger.sqlite, householdId)
    const before = activeMembers(ledger.sqlite, householdId).length
    w.update('members', memberId, { removed_reason: reason, removed_date: date })
    const count = before - 1
    w.update('households', householdId, { ...sizePatch(household, before, count), ...incomePatch(household, count) })
    return { warnings: [] }
  })
}

/** The new 户主 takes the relation 户主; the old head gets the relation the clerk picked. */
export function changeHead(ledger: Ledger, actor: string, householdId: number, newHeadId: number, oldHeadRelation: string): EditResult {
  return ledger.write.run({ actor }, (w) => {
    householdRow(ledger.sqlite, householdId)
    const members = activeMembers(ledger.sqlite, householdId)
    const next = members.find((m) => m.id === newHeadId)
    if (!next) throw new LedgerError('invalid_edit', '新户主必须是本户在户的成员。请从成员名单中选择。', 'newHeadId')
    if (next.values.relation === '户主') throw new LedgerError('invalid_edit', `「${String(next.values.name)}」已是户主。`, 'newHeadId')
    if (!(RELATIONS as readonly string[]).includes(oldHeadRelation) || oldHeadRelation === '户主') {
      throw new LedgerError('invalid_edit', '请为原户主选择新的「与户主关系」（不能是户主）。', 'oldHeadRelation')
    }
    const heads = members.filter((m) => m.values.relation === '户主')
    const after = members.map((m) =>
      m.id === newHeadId ? { ...m, values: { ...m.values, relation: '户主' } } : heads.includes(m) ? { ...m, values: { ...m.values, relation: oldHeadRelation } } : m,
    )
    const household = householdRow(ledger.sqlite, householdId)
    const issues = checkHousehold({ household: pick(household, HOUSEHOLD_EDIT_FIELDS), members: after, problems: new Map(), editedMemberId: null })
      .filter((i) => i.code !== 'size_mismatch')
    const warnings = refuseOnError(issues)
    for (const h of heads) w.update('members', h.id, { relation: oldHeadRelation })
    w.update('members', newHeadId, { relation: '户主' })
    const others = after.filter((m) => m.id !== newHeadId && !heads.includes(m)).length
    if (others > 0) {
      warnings.push({
        severity: 'warning', code: 'relation_sex', field: 'relation',
        message: `户主已改为「${String(next.values.name)}」。其他成员的「与户主关系」仍是相对原户主填写的，请逐一核对并修改。`,
      })
    }
    return { warnings }
  })
}

