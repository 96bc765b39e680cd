/**
 * Writes a planned loan-list import in one transaction through the audited write path, as an import
 * batch (kind 'credit') so 撤销本次导入 takes it back like any other import; remembers the clerk's mapping.
 */
import type { CreditImportResult } from '../../../../shared/api/credit'
import { LedgerError } from '../../../../shared/api/result'
import type { Ledger } from '../../db/ledger'
import type { CreditMapping, ParsedCreditList } from './parse'
import type { CreditPlan } from './plan'

export function commitCreditImport(
  ledger: Ledger,
  list: ParsedCreditList,
  plan: CreditPlan,
  options: { actor: string; today: string; rememberMapping?: CreditMapping; checkCancelled(): void; progress(done: number, total: number, message: string): void },
): CreditImportResult {
  const errors = list.issues.filter((i) => i.severity === 'error').length
  if (errors) {
    throw new LedgerError('blocked', `表中有 ${errors} 处错误，为避免写入错误数据，本次没有导入任何贷款。请按「问题」列表修改原表后重新导入。`)
  }
  const total = plan.loans.length
  const note = `按「${list.fileName}」导入`
  const batchId = ledger.write.run({ actor: options.actor }, (w) => {
    const batchId = w.insert('import_batches', {
      kind: 'credit',
      file_name: list.fileName,
      sha256: list.sha256,
      sheet: list.sheet,
      mapping_json: JSON.stringify(list.columns.map((c) => ({ index: c.index, header: c.header, field: c.field }))),
      layout_json: JSON.stringify({ sheet: list.sheet, headerRow: list.headerRow, units: list.units }),
      counts_json: '{}',
      actor: options.actor,
    })
    w.setBatch(`import:${batchId}`)
    plan.loans.forEach((l, i) => {
      options.checkCancelled()
      if (i % 50 === 0) options.progress(i, total, `正在写入第 ${i + 1} / ${total} 笔贷款`)
      let loanId = l.existingId
      if (loanId === null) loanId = w.insert('credit_loans', { ...l.values, import_batch_id: batchId })
      else {
        const cols = l.changed.filter((c) => c in l.values)
        if (cols.length) w.update('credit_loans', loanId, Object.fromEntries(cols.map((c) => [c, l.values[c] ?? null])))
      }
      const day = options.today < l.parsed.loanDate ? l.parsed.loanDate : options.today
      if (l.repaymentFen) w.insert('credit_repayments', { loan_id: loanId, kind: '还款', repay_date: day, amount_fen: l.repaymentFen, new_due_date: null, note: `${note}（按表中余额）` })
      if (l.subsidyFen) w.insert('credit_subsidies', { loan_id: loanId, period: `截至${day}`, paid_date: null, amount_fen: l.subsidyFen, note: `${note}（按表中贴息金额）` })
      if (l.rating) {
        if (l.rating.id === null) w.insert('credit_ratings', { household_id: l.householdId, ...l.rating.values })
        else w.update('credit_ratings', l.rating.id, l.rating.values)
      }
    })
    if (options.rememberMapping) {
      const existing = ledger.sqlite.prepare("SELECT id FROM import_mappings WHERE kind = 'credit' AND signature = ?").pluck().get(list.signature) as number | undefined
      const mapping_json = JSON.stringify(options.rememberMapping)
      if (existing) w.update('import_mappings', existing, { mapping_json })
      else w.insert('import_mappings', { kind: 'credit', signature: list.signature, mapping_json })
    }
    w.update('import_batches', batchId, { counts_json: JSON.stringify({ loans: plan.counts, notInLedger: plan.notInLedger.length }) })
    return batchId
  })
  options.progress(total, total, '导入完成')
  return { batchId, loans: plan.counts, notInLedger: plan.notInLedger.length }
}
