/** 修改记录: the audit rows of one household, its members, its status events and its monitoring cases and measures, newest first. */
import { LedgerError } from '../../../shared/api/result'
import type { HouseholdChange } from '../../../shared/domain/households-rules'
import { fieldLabel } from '../../../shared/domain/accounts-labels'
import { type MonitoringTable, monitoringFieldLabel, monitoringFieldValue, monitoringRecordSummary } from '../../../shared/domain/monitoring'
import type { Selectable } from 'kysely'
import type { Ledger } from '../db/open'
import type { AuditLogTable } from '../db/schema'
import { updateHousehold, updateMember } from './edit'
import { maskAuditValue } from './privacy'

interface AuditRow extends Selectable<AuditLogTable> {
  member_name: string | null
  event_kind: string | null
  event_date: string | null
}

const MONEY = /_fen$/
const yuan = (v: string | null) => (v === null || !/^-?\d+$/.test(v) ? v : (Number(v) / 100).toFixed(2))

export function householdChanges(ledger: Ledger, householdId: number, limit = 500): HouseholdChange[] {
  // Monitoring cases and measures, also those deleted since (their deletion row keeps the whole record).
  const rows = ledger.sqlite
    .prepare(
      `WITH cases AS (
         SELECT id FROM monitoring_cases WHERE household_id = @id
         UNION SELECT record_id FROM audit_log WHERE table_name = 'monitoring_cases' AND action = 'delete' AND json_extract(old_value, '$.household_id') = @id
       ), measures AS (
         SELECT id FROM monitoring_measures WHERE case_id IN (SELECT id FROM cases)
         UNION SELECT record_id FROM audit_log WHERE table_name = 'monitoring_measures' AND action = 'delete' AND json_extract(old_value, '$.case_id') IN (SELECT id FROM cases)
       )
       SELECT a.*, m.name AS member_name, e.kind AS event_kind, e.event_date FROM audit_log a
       LEFT JOIN members m ON a.table_name = 'members' AND m.id = a.record_id
       LEFT JOIN household_status_events e ON a.table_name = 'household_status_events' AND e.id = a.record_id
       WHERE (a.table_name = 'households' AND a.record_id = @id)
          OR (a.table_name = 'members' AND a.record_id IN (SELECT id FROM members WHERE household_id = @id))
          OR (a.table_name = 'household_status_events' AND a.record_id IN (SELECT id FROM household_status_events WHERE household_id = @id))
          OR (a.table_name = 'monitoring_cases' AND a.record_id IN (SELECT id FROM cases))
          OR (a.table_name = 'monitoring_measures' AND a.record_id IN (SELECT id FROM measures))
       ORDER BY a.at DESC, a.id DESC LIMIT @limit`,
    )
    .all({ id: householdId, limit }) as AuditRow[]
  const monitoringRow = (table: MonitoringTable, id: number): Record<string, unknown> | null => {
    const live = ledger.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined
    if (live) return live
    const gone = ledger.sqlite.prepare(`SELECT old_value FROM audit_log WHERE table_name = ? AND record_id = ? AND action = 'delete' ORDER BY id DESC LIMIT 1`).pluck().get(table, id) as string | undefined
    return gone ? (JSON.parse(gone) as Record<string, unknown>) : null
  }
  // Village and 组 are stored by id: the record shows their names.
  const villageName = ledger.sqlite.prepare('SELECT name FROM villages WHERE id = ?').pluck()
  const groupName = ledger.sqlite.prepare('SELECT name FROM village_groups WHERE id = ?').pluck()
  const named = (field: string | null, v: string | null): string | null => {
    if (v === null || !/^\d+$/.test(v)) return v
    if (field === 'village_id') return (villageName.get(Number(v)) as string | undefined) ?? v
    if (field === 'group_id') return (groupName.get(Number(v)) as string | undefined) ?? v
    return v
  }
  const undo = undoCheck(ledger)
  return rows.map((r) =>
    r.table_name === 'monitoring_cases' || r.table_name === 'monitoring_measures'
      ? monitoringShown(r, r.table_name, monitoringRow)
      : { ...shown(r, named), undoable: undo(r) === null },
  )
}

const UNDO_TABLES = new Set(['households', 'members'])

/** Why an audit row cannot be undone (in Chinese, for the clerk), or null when it can. */
function undoCheck(ledger: Ledger): (r: Selectable<AuditLogTable>) => string | null {
  const newest = ledger.sqlite.prepare('SELECT max(id) FROM audit_log WHERE table_name = ? AND record_id = ? AND (field = ? OR field IS NULL)').pluck()
  const columns = new Map<string, Set<string>>()
  const columnsOf = (table: string) => {
    let c = columns.get(table)
    if (!c) columns.set(table, (c = new Set((ledger.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((x) => x.name))))
    return c
  }
  return (r) => {
    if (r.action !== 'update' || !r.field || !UNDO_TABLES.has(r.table_name) || !columnsOf(r.table_name).has(r.field)) return '只有户和成员某一项的修改可以撤销。'
    const row = ledger.sqlite.prepare(`SELECT ${r.field} AS v FROM ${r.table_name} WHERE id = ?`).get(r.record_id) as { v: string | number | null } | undefined
    if (!row) return '这条记录已不存在（可能已被删除），无法撤销。'
    if (newest.get(r.table_name, r.record_id, r.field) !== r.id) return '这一项此后又被修改过，只能撤销它最近的一次修改。请在修改记录中找到最新的那一条。'
    if ((row.v === null ? null : String(row.v)) !== r.new_value) return '这一项现在的值与这次修改后的值不同，可能已被导入或其他操作改动，无法撤销。'
    return null
  }
}

/** 撤销此修改: writes the old value of the newest change of a household's or member's field back, through the audited write path. */
export function undoChange(ledger: Ledger, actor: string, changeId: number): void {
  const r = ledger.sqlite.prepare('SELECT * FROM audit_log WHERE id = ?').get(changeId) as Selectable<AuditLogTable> | undefined
  if (!r) throw new LedgerError('not_found', '找不到这条修改记录，请刷新页面后重试。')
  const label = r.field ? fieldLabel(r.table_name, r.field) : '该项'
  const why = undoCheck(ledger)(r)
  if (why) throw new LedgerError('cannot_undo', `不能撤销「${label}」的这次修改：${why}`)
  // Back through the edit path, as if the clerk typed the old value: its checks run and what follows from
  // the field (人均纯收入 from the income parts, sex and birth from the ID number) follows again.
  const field = r.field!
  const old = MONEY.test(field) ? yuan(r.old_value) : r.old_value
  if (r.table_name === 'households') updateHousehold(ledger, actor, r.record_id, { [field]: old }, { replaceRosterIncome: true })
  else updateMember(ledger, actor, r.record_id, { [field]: old })
}

/** A monitoring audit row: 登记 / 删除 name the case or measure, changes name the step or field as the 监测 tab does. */
function monitoringShown(r: AuditRow, table: MonitoringTable, rowOf: (table: MonitoringTable, id: number) => Record<string, unknown> | null): HouseholdChange {
  const subject = table === 'monitoring_cases' ? '监测记录' : '帮扶措施'
  const base = { id: r.id, at: r.at, actor: r.actor, action: r.action, subject, field: r.field }
  if (r.action === 'insert' || r.action === 'delete') {
    const row = r.action === 'delete' && r.old_value ? (JSON.parse(r.old_value) as Record<string, unknown>) : rowOf(table, r.record_id)
    const summary = row ? monitoringRecordSummary(table, row) : null
    return r.action === 'insert'
      ? { ...base, fieldLabel: '登记', oldValue: null, newValue: summary }
      : { ...base, fieldLabel: '删除', oldValue: summary, newValue: null }
  }
  const field = r.field ?? ''
  const money = MONEY.test(field)
  const value = (v: string | null) => (money ? yuan(v) : monitoringFieldValue(field, v))
  return { ...base, fieldLabel: monitoringFieldLabel(table, field) + (money ? '（元）' : ''), oldValue: value(r.old_value), newValue: value(r.new_value) }
}

/** One audit row as the 修改记录 shows it: ID numbers and phones masked (the trail keeps them whole). */
function shown(r: AuditRow, named: (field: string | null, v: string | null) => string | null): HouseholdChange {
  const money = r.field !== null && MONEY.test(r.field)
  const subject = r.table_name === 'members' ? `成员「${r.member_name ?? ''}」` : r.table_name === 'household_status_events' ? '状态记录' : '户'
  if (r.table_name === 'household_status_events' && r.action === 'insert') {
    return { id: r.id, at: r.at, actor: r.actor, action: r.action, subject, field: null, fieldLabel: '登记', oldValue: null,
      newValue: r.event_kind ? `${r.event_date ?? ''}「${r.event_kind}」` : null }
  }
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject,
    field: r.field,
    fieldLabel: r.field ? fieldLabel(r.table_name, r.field) + (money ? '（元）' : '') : r.action === 'insert' ? '新增' : r.action === 'delete' ? '删除' : '',
    oldValue: money ? yuan(r.old_value) : r.action === 'delete' ? null : maskAuditValue(r.field, named(r.field, r.old_value)),
    newValue: money ? yuan(r.new_value) : maskAuditValue(r.field, named(r.field, r.new_value)),
  }
}
