/**
 * Writes a planned problem-list import in one transaction through the audited write path, as an
 * import batch (kind 'rectification') so 撤销本次导入 takes it back like any other import.
 */
import type { ProblemImportResult } from '../../../../shared/api/rectification'
import { LedgerError } from '../../../../shared/api/result'
import type { Ledger } from '../../db/ledger'
import type { ParsedProblemList } from './parse'
import type { ProblemPlan } from './plan'

export function commitProblemImport(
  ledger: Ledger,
  list: ParsedProblemList,
  plan: ProblemPlan,
  options: { actor: string; today: string; rememberMapping?: Record<string, string | null>; checkCancelled(): void; progress(done: number, total: number, message: string): void },
): ProblemImportResult {
  const errors = list.issues.filter((i) => i.severity === 'error').length
  if (errors) {
    throw new LedgerError('blocked', `表中有 ${errors} 处错误，为避免写入错误数据，本次没有导入任何问题。请按「问题」列表修改原表后重新导入。`)
  }
  const total = plan.problems.length
  const batchId = ledger.write.run({ actor: options.actor }, (w) => {
    const batchId = w.insert('import_batches', {
      kind: 'rectification',
      file_name: list.fileName,
      sha256: list.sha256,
      sheet: list.sheet,
      mapping_json: JSON.stringify(list.columns.map((c) => ({ index: c.index, header: c.header, field: c.field }))),
      layout_json: JSON.stringify({ sheet: list.sheet, headerRow: list.headerRow }),
      counts_json: '{}',
      actor: options.actor,
    })
    w.setBatch(`import:${batchId}`)
    plan.problems.forEach((p, i) => {
      options.checkCancelled()
      if (i % 50 === 0) options.progress(i, total, `正在写入第 ${i + 1} / ${total} 个问题`)
      if (p.existingId === null) {
        const id = w.insert('rectification_problems', { ...p.values, import_batch_id: batchId })
        if (p.parsed.progress) w.insert('rectification_progress', { problem_id: id, note_date: options.today < p.parsed.foundDate ? p.parsed.foundDate : options.today, note: p.parsed.progress })
      } else if (p.changed.length) {
        w.update('rectification_problems', p.existingId, Object.fromEntries(p.changed.map((c) => [c, p.values[c] ?? null])))
      }
    })
    w.update('import_batches', batchId, { counts_json: JSON.stringify({ problems: plan.counts }) })
    // The clerk corrected the mapping: files with this header are read the same way next time.
    if (options.rememberMapping && list.signature) {
      const existing = ledger.sqlite.prepare("SELECT id FROM import_mappings WHERE kind = 'rectification' AND signature = ?").pluck().get(list.signature) as number | undefined
      const mapping_json = JSON.stringify(options.rememberMapping)
      if (existing) w.update('import_mappings', existing, { mapping_json })
      else w.insert('import_mappings', { kind: 'rectification', signature: list.signature, mapping_json })
    }
    return batchId
  })
  options.progress(total, total, '导入完成')
  return { batchId, problems: plan.counts }
}
