/**
 * Writes a planned post-list import in one transaction through the audited write path, as an import
 * batch (kind 'posts') so 撤销本次导入 takes it back like any other import.
 */
import type { PostImportResult } from '../../../../shared/api/posts'
import { LedgerError } from '../../../../shared/api/result'
import type { Ledger } from '../../db/ledger'
import type { ParsedPostList } from './parse'
import type { PostPlan } from './plan'

export function commitPostImport(
  ledger: Ledger,
  list: ParsedPostList,
  plan: PostPlan,
  options: { actor: string; checkCancelled(): void; progress(done: number, total: number, message: string): void },
): PostImportResult {
  const errors = [...list.issues, ...plan.issues].filter((i) => i.severity === 'error').length
  if (errors) {
    throw new LedgerError('blocked', `表中有 ${errors} 处错误，为避免写入错误数据，本次没有导入任何人员。请按「问题」列表修改原表后重新导入。`)
  }
  const total = plan.holdings.length
  const batchId = ledger.write.run({ actor: options.actor }, (w) => {
    const batchId = w.insert('import_batches', {
      kind: 'posts',
      file_name: list.fileName,
      sha256: list.sha256,
      sheet: list.sheet,
      mapping_json: JSON.stringify(list.columns.map((c) => ({ index: c.index, header: c.header, field: c.field }))),
      layout_json: JSON.stringify({ sheet: list.sheet, headerRow: list.headerRow }),
      counts_json: '{}',
      actor: options.actor,
    })
    w.setBatch(`import:${batchId}`)
    const postIds = new Map<number, number>()
    for (const p of plan.newPosts) postIds.set(p.ref, w.insert('posts', { ...p.values, import_batch_id: batchId }))
    plan.holdings.forEach((h, i) => {
      options.checkCancelled()
      if (i % 50 === 0) options.progress(i, total, `正在写入第 ${i + 1} / ${total} 人`)
      if (h.existingId === null) {
        w.insert('post_holdings', {
          post_id: h.postRef < 0 ? postIds.get(h.postRef)! : h.postRef, member_id: h.memberId, household_id: h.householdId,
          start_month: h.parsed.startMonth, end_month: h.parsed.endMonth, note: h.parsed.note, import_batch_id: batchId,
        })
      } else {
        if (Object.keys(h.holdingChanges).length) w.update('post_holdings', h.existingId, h.holdingChanges)
        if (Object.keys(h.postChanges).length) w.update('posts', h.existingPostId!, h.postChanges)
      }
    })
    w.update('import_batches', batchId, { counts_json: JSON.stringify({ holdings: plan.counts, notInLedger: plan.notInLedger.length }) })
    return batchId
  })
  options.progress(total, total, '导入完成')
  return { batchId, holdings: plan.counts, notInLedger: plan.notInLedger.length }
}
