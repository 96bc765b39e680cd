/**
 * Writes a planned national import in one transaction through the audited write path, as an
 * import batch (kind 'national') that records the file's layout (title rows, headers) so it can
 * be exported again in that layout, and undone as one.
 */
import type { NationalCommitResult } from '../../../../shared/api/national'
import { LedgerError } from '../../../../shared/api/result'
import type { Ledger } from '../../db/open'
import type { ParsedNational } from './parse'
import { TABLE_OF, isChanged, type NationalPlan } from './plan'

export interface NationalCommitOptions {
  actor: string
  /** 全部导入，错误记为疑点: write every record the file identifies, its cells as the file has them. */
  keepIssues?: boolean
  rememberMapping?: Record<string, string | null>
  progress(done: number, total: number, message: string): void
}

export function commitNationalImport(ledger: Ledger, parsed: ParsedNational, plan: NationalPlan, options: NationalCommitOptions): NationalCommitResult {
  const errors = plan.issues.filter((i) => i.severity === 'error').length
  if (errors && !options.keepIssues) {
    throw new LedgerError('blocked', `表中有 ${errors} 处错误，为避免写入错误数据，本次没有导入任何内容。请按「问题」列表修改原表后重新导入，或选择「全部导入，错误记为疑点」。`)
  }
  const table = TABLE_OF[plan.kind]
  const todo = plan.records.filter(isChanged)
  const batchId = ledger.write.run({ actor: options.actor }, (w) => {
    const batchId = w.insert('import_batches', {
      kind: 'national',
      file_name: parsed.fileName,
      sha256: parsed.sha256,
      sheet: parsed.sheet,
      mapping_json: JSON.stringify(parsed.columns.map((c) => ({ index: c.index, header: c.header, field: c.field }))),
      layout_json: JSON.stringify({ nationalKind: plan.kind, headerRow: parsed.headerRow, titleRows: parsed.titleRows, headers: parsed.headers, headerTexts: parsed.headerTexts,
        ...(parsed.headerMerges?.length ? { headerMerges: parsed.headerMerges } : {}), ...(parsed.columnWidths ? { columnWidths: parsed.columnWidths } : {}) }),
      counts_json: JSON.stringify({ records: plan.counts, nationalKind: plan.kind }),
      actor: options.actor,
    })
    w.setBatch(`import:${batchId}`)
    const fresh: Record<string, string | number | null>[] = []
    todo.forEach((r, i) => {
      if (i % 500 === 0) options.progress(i, todo.length, `正在写入第 ${i + 1} / ${todo.length} 条`)
      let targetId = r.targetId
      if (targetId === null && r.newVillage) targetId = w.insert('villages', { county: r.newVillage.county, township: r.newVillage.township, name: r.newVillage.name })
      if (Object.keys(r.householdChanges).length && r.householdId !== null) w.update('households', r.householdId, r.householdChanges)
      if (r.existingId !== null) {
        if (Object.keys(r.changes).length) w.update(table, r.existingId, { ...r.changes, import_batch_id: batchId })
        return
      }
      const owner: Record<string, number | null> =
        plan.kind === 'villages' ? { village_id: targetId } : plan.kind === 'householdInfo' ? { household_id: targetId } : { member_id: targetId, household_id: r.householdId }
      fresh.push({ ...r.values, ...owner, import_batch_id: batchId })
    })
    if (fresh.length) w.insertMany(table, fresh)
    if (options.rememberMapping) {
      const kind = `national:${plan.kind}`
      const existing = ledger.sqlite.prepare('SELECT id FROM import_mappings WHERE kind = ? AND signature = ?').pluck().get(kind, parsed.signature) as number | undefined
      const mapping_json = JSON.stringify(options.rememberMapping)
      if (existing) w.update('import_mappings', existing, { mapping_json })
      else w.insert('import_mappings', { kind, signature: parsed.signature, mapping_json })
    }
    return batchId
  })
  options.progress(1, 1, '导入完成')
  return { batchId, kind: plan.kind, counts: plan.counts }
}
