/** The credit area's long work: the loan list's import preview and commit. */
import { withLedger, type JobFunction } from '../jobs'
import { commitCredit, previewCredit, type CreditImportJobInput } from './import/job'

export const creditJobs: Record<string, JobFunction> = {
  'credit.import-preview': (input, ctx) => withLedger(ctx, (ledger) => previewCredit(ledger, input as CreditImportJobInput, ctx)),
  'credit.import-commit': (input, ctx) => withLedger(ctx, (ledger) => commitCredit(ledger, input as CreditImportJobInput, ctx)),
}
