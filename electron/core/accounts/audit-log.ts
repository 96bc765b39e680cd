/** The audit trail for administrators: filtered, newest first, and exportable to .xlsx. */
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import { cellTexts } from '../spreadsheets/cell-text'
import { ROLE_LABELS, type AuditEntry, type AuditPage, type AuditQuery, type Role } from '../../../shared/api/accounts'
import { fieldLabel as labelOf, tableLabel } from '../../../shared/domain/accounts-labels'
import type { Ledger } from '../db/open'
import { maskAuditValue } from '../households'

const ACTIONS: Record<string, string> = { insert: '新增', update: '修改', delete: '删除' }
/** Roles are stored as codes; the log shows what the office calls them. */
const valueOf = (field: string | null, v: string | number | null): string | null => {
  if (v === null) return null
  if (field === 'role' && String(v) in ROLE_LABELS) return ROLE_LABELS[String(v) as Role]
  if (field === 'disabled' || field === 'is_demo') return String(v) === '1' ? '是' : '否'
  // Money is kept in 分 and shown in 元 (the label says so).
  if (field && /_fen$/.test(field) && /^-?\d+$/.test(String(v))) return (Number(v) / 100).toFixed(2)
  // ID numbers and phones are kept whole in the trail, shown (and exported) masked.
  return maskAuditValue(field, String(v))
}

/** A whole record (an inserted account, a deleted row) as '用户名：wang，角色：只读'. */
function recordText(table: string, v: string | number | null): string | null {
  if (typeof v !== 'string' || !v.startsWith('{')) return valueOf(null, v)
  try {
    const row = JSON.parse(v) as Record<string, string | number | null>
    return Object.entries(row)
      .filter(([k, x]) => x !== null && x !== '' && !['id', 'created_at', 'updated_at'].includes(k))
      .map(([k, x]) => `${labelOf(table, k)}：${valueOf(k, x)}`)
      .join('，')
  } catch {
    return v
  }
}

function where(q: AuditQuery): { sql: string; params: (string | number)[] } {
  const parts: string[] = []
  const params: (string | number)[] = []
  const add = (sql: string, value: string) => {
    parts.push(sql)
    params.push(value)
  }
  if (q.actor) add('actor = ?', q.actor)
  if (q.table) add('table_name = ?', q.table)
  if (q.from) add('at >= ?', q.from)
  // Through the end of the last day: every ISO time of that day sorts before 'T99'.
  if (q.to) add('at < ?', `${q.to}T99`)
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

const entry = (r: Record<string, string | number | null>): AuditEntry => ({
  id: Number(r.id),
  at: String(r.at),
  actor: String(r.actor),
  action: ACTIONS[String(r.action)] ?? String(r.action),
  record: `${tableLabel(String(r.table_name))} #${r.record_id}`,
  field: r.field === null ? null : labelOf(String(r.table_name), String(r.field)) + (/_fen$/.test(String(r.field)) ? '（元）' : ''),
  oldValue: r.field === null ? recordText(String(r.table_name), r.old_value ?? null) : valueOf(String(r.field), r.old_value ?? null),
  newValue: r.field === null ? recordText(String(r.table_name), r.new_value ?? null) : valueOf(String(r.field), r.new_value ?? null),
})

export function auditLog(ledger: Ledger, q: AuditQuery): AuditPage {
  const w = where(q)
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM audit_log ${w.sql}`).pluck().get(...w.params) as number
  const rows = ledger.sqlite
    .prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, q.pageSize, (q.page - 1) * q.pageSize) as Record<string, string | number | null>[]
  const actors = ledger.sqlite.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[]
  const tables = (ledger.sqlite.prepare('SELECT DISTINCT table_name FROM audit_log ORDER BY table_name').pluck().all() as string[]).map((t) => ({
    value: t,
    label: tableLabel(t),
  }))
  return { entries: rows.map(entry), total, actors, tables }
}

export async function exportAuditLog(ledger: Ledger, q: AuditQuery, outputPath: string): Promise<number> {
  const w = where(q)
  const excel = await loadExcelJS()
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: outputPath, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet('修改记录')
  sheet.columns = [
    { header: '时间', width: 22 }, { header: '操作人', width: 12 }, { header: '操作', width: 8 }, { header: '记录', width: 16 },
    { header: '项目', width: 16 }, { header: '原值', width: 30 }, { header: '新值', width: 30 },
  ]
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  let n = 0
  for (const r of ledger.sqlite.prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY id`).iterate(...w.params) as Iterable<Record<string, string | number | null>>) {
    const e = entry(r)
    sheet.addRow(cellTexts([e.at, e.actor, e.action, e.record, e.field, e.oldValue, e.newValue])).commit()
    n++
  }
  sheet.commit()
  await workbook.commit()
  return n
}
