/** The loan-list import's long work: preview and commit. Each reads the file afresh. */
import type { CreditImportPreview, CreditImportResult } from '../../../../shared/api/credit'
import { backupBefore } from '../../backups'
import type { Ledger } from '../../db/ledger'
import type { JobContext } from '../../jobs'
import { commitCreditImport } from './commit'
import { parseCreditFile, type CreditMapping } from './parse'
import { buildCreditPreview, planCreditImport } from './plan'

export interface CreditImportJobInput {
  path: string
  fileName: string
  sheet?: string
  mapping?: CreditMapping
  today: string
}

/** The mapping the clerk last gave for a header layout. */
const recall = (ledger: Ledger) => (signature: string): CreditMapping | undefined => {
  const json = ledger.sqlite.prepare("SELECT mapping_json FROM import_mappings WHERE kind = 'credit' AND signature = ?").pluck().get(signature) as string | undefined
  return json ? (JSON.parse(json) as CreditMapping) : undefined
}

export async function previewCredit(ledger: Ledger, input: CreditImportJobInput, ctx: JobContext): Promise<CreditImportPreview> {
  const list = await parseCreditFile(input, ctx, recall(ledger))
  ctx.progress(1, 1, '正在与小额信贷台账比对…')
  return buildCreditPreview(list, planCreditImport(ledger, list))
}

export async function commitCredit(ledger: Ledger, input: CreditImportJobInput, ctx: JobContext): Promise<CreditImportResult> {
  const list = await parseCreditFile(input, ctx, recall(ledger))
  const plan = planCreditImport(ledger, list)
  if (!list.issues.some((i) => i.severity === 'error') && (plan.counts.new || plan.counts.changed)) {
    ctx.progress(0, 1, '正在备份导入前的台账…')
    await backupBefore(ledger, 'pre-import')
  }
  return commitCreditImport(ledger, list, plan, {
    actor: ctx.actor, today: input.today, rememberMapping: input.mapping, checkCancelled: ctx.checkCancelled, progress: ctx.progress,
  })
}
