/**
 * 撤销本次导入: restores the ledger exactly as it was before an import batch,
 * by replaying that batch's audit rows backwards through the write path.
 * Refused when a later change touched the same records, since undoing would
 * silently throw that work away.
 */
import { LedgerError } from '../../../shared/api/result'
import type { Ledger } from '../db/open'
import type { Selectable } from 'kysely'
import type { AuditLogTable, WritableTable } from '../db/schema'

type AuditRow = Selectable<AuditLogTable>

const TABLE_LABELS: Record<string, string> = {
  households: '户', members: '人', villages: '行政村', village_groups: '组',
  projects: '项目', project_budget_lines: '项目资金', project_indicators: '绩效目标',
  work_spells: '务工经历', planned_work: '计划务工', village_statistics: '行政村信息', household_info: '户信息',
  rectification_problems: '整改问题', rectification_progress: '整改进展',
  credit_loans: '小额信贷', credit_repayments: '小额信贷还款', credit_subsidies: '小额信贷贴息', credit_ratings: '信用评级',
  posts: '公益性岗位', post_holdings: '公益岗位上岗',
}

/** Records that belong to a project: deleting a project the import added would take them along unaudited. */
const PROJECT_CHILDREN = [
  ['project_budget_lines', '资金来源'], ['project_disbursements', '拨付记录'], ['project_indicators', '绩效目标'],
  ['project_milestones', '进度节点'], ['project_progress', '进度报告'], ['project_beneficiaries', '受益户'], ['project_assets', '资产'],
] as const

export function undoImport(ledger: Ledger, batchId: number, actor: string): { reverted: number } {
  const db = ledger.sqlite
  const batch = db.prepare('SELECT id, file_name, created_at, undone_at FROM import_batches WHERE id = ?').get(batchId) as
    | { id: number; file_name: string; created_at: string; undone_at: string | null }
    | undefined
  if (!batch) throw new LedgerError('not_found', `找不到第 ${batchId} 次导入的记录。`)
  if (batch.undone_at) throw new LedgerError('already_undone', `「${batch.file_name}」的这次导入已于 ${batch.undone_at.slice(0, 16).replace('T', ' ')} 撤销过。`)

  const label = `import:${batchId}`
  const rows = db.prepare('SELECT * FROM audit_log WHERE batch = ? ORDER BY id').all(label) as AuditRow[]
  const lastId = rows.length ? rows[rows.length - 1]!.id : 0
  const records = rows.filter((r) => r.table_name !== 'import_batches' && r.table_name !== 'import_mappings')

  const later = db.prepare(
    `SELECT a.*, m.name AS member_name FROM audit_log a LEFT JOIN members m ON a.table_name = 'members' AND m.id = a.record_id
     WHERE a.id > ? AND (a.batch IS NULL OR a.batch <> ?) AND a.table_name = ? AND a.record_id = ?
       AND (a.batch IS NULL OR a.batch NOT IN (SELECT value FROM json_each(?))) LIMIT 1`,
  )
  // A later import that was itself undone (its rows and its undo's rows) left these records as they were.
  const undoneIds = db.prepare('SELECT id FROM import_batches WHERE undone_at IS NOT NULL AND id > ?').pluck().all(batchId) as number[]
  const settled = JSON.stringify(undoneIds.flatMap((id) => [`import:${id}`, `undo:${id}`]))
  const conflicts: string[] = []
  const seen = new Set<string>()
  for (const r of records) {
    const key = `${r.table_name}/${r.record_id}`
    if (seen.has(key)) continue
    seen.add(key)
    const hit = later.get(lastId, label, r.table_name, r.record_id, settled) as (AuditRow & { member_name: string | null }) | undefined
    if (hit) conflicts.push(`${TABLE_LABELS[hit.table_name] ?? hit.table_name}${hit.member_name ? `「${hit.member_name}」` : ` #${hit.record_id}`}（${hit.actor} 于 ${hit.at.slice(0, 16).replace('T', ' ')} 修改）`)
    if (conflicts.length >= 5) break
  }
  // Records added later to a project this import created: undoing would delete them with it.
  const inserted = new Set(records.filter((r) => r.action === 'insert').map((r) => `${r.table_name}/${r.record_id}`))
  const projectName = db.prepare('SELECT name FROM projects WHERE id = ?').pluck()
  for (const r of records) {
    if (conflicts.length >= 5) break
    if (r.table_name !== 'projects' || r.action !== 'insert') continue
    for (const [table, label] of PROJECT_CHILDREN) {
      const ids = db.prepare(`SELECT id FROM ${table} WHERE project_id = ?`).pluck().all(r.record_id) as number[]
      if (ids.some((id) => !inserted.has(`${table}/${id}`))) {
        conflicts.push(`项目「${String(projectName.get(r.record_id) ?? r.record_id)}」（导入后又添加了${label}）`)
        break
      }
    }
  }
  // Progress notes or evidence added later to a problem this import created would go with it.
  for (const r of records) {
    if (conflicts.length >= 5) break
    if (r.table_name !== 'rectification_problems' || r.action !== 'insert') continue
    for (const [table, what] of [['rectification_progress', '整改进展'], ['rectification_attachments', '佐证材料']] as const) {
      const ids = db.prepare(`SELECT id FROM ${table} WHERE problem_id = ?`).pluck().all(r.record_id) as number[]
      if (ids.some((id) => !inserted.has(`${table}/${id}`))) {
        conflicts.push(`整改问题 #${r.record_id}（导入后又添加了${what}）`)
        break
      }
    }
  }
  // Repayments, 贴息 or monitoring measures added later to a loan this import created would go with it.
  for (const r of records) {
    if (conflicts.length >= 5) break
    if (r.table_name !== 'credit_loans' || r.action !== 'insert') continue
    for (const [table, what] of [['credit_repayments', '还款或展期'], ['credit_subsidies', '贴息'], ['monitoring_measures', '监测帮扶措施']] as const) {
      const column = table === 'monitoring_measures' ? 'credit_loan_id' : 'loan_id'
      const ids = db.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`).pluck().all(r.record_id) as number[]
      if (ids.some((id) => !inserted.has(`${table}/${id}`))) {
        conflicts.push(`小额信贷 #${r.record_id}（导入后又登记了${what}）`)
        break
      }
    }
  }
  // Holders or payroll added later to a post or holding this import created would go with it unaudited.
  for (const r of records) {
    if (conflicts.length >= 5) break
    const child = r.action !== 'insert' ? null : r.table_name === 'posts' ? (['post_holdings', 'post_id', '上岗人员'] as const) : r.table_name === 'post_holdings' ? (['post_payroll', 'holding_id', '工资发放记录'] as const) : null
    if (!child) continue
    const ids = db.prepare(`SELECT id FROM ${child[0]} WHERE ${child[1]} = ?`).pluck().all(r.record_id) as number[]
    if (ids.some((id) => !inserted.has(`${child[0]}/${id}`))) conflicts.push(`${TABLE_LABELS[r.table_name]} #${r.record_id}（导入后又添加了${child[2]}）`)
  }
  if (conflicts.length) {
    throw new LedgerError(
      'undo_conflict',
      `无法撤销「${batch.file_name}」的导入：导入之后，下列记录又被修改过，撤销会把这些修改一并丢掉：${conflicts.join('；')}。` +
        '如确需撤销，请先手工改回这些修改，或从导入前的备份恢复。',
    )
  }

  const reverted = ledger.write.run({ actor, batch: `undo:${batchId}` }, (w) => {
    for (const r of [...records].reverse()) {
      const table = r.table_name as WritableTable
      if (r.action === 'insert') w.delete(table, r.record_id)
      else if (r.action === 'update' && r.field) w.update(table, r.record_id, { [r.field]: r.old_value })
      else if (r.action === 'delete' && r.old_value) w.restore(table, JSON.parse(r.old_value) as Record<string, string | number | null>)
    }
    w.update('import_batches', batchId, { undone_at: new Date().toISOString() })
    return records.length
  })
  return { reverted }
}
