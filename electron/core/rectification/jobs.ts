/** The rectification area's long work: the county problem list's import preview and commit. */
import { withLedger, type JobFunction } from '../jobs'
import { commitProblems, previewProblems, type ProblemImportJobInput } from './import/job'

export const rectificationJobs: Record<string, JobFunction> = {
  'rectification.import-preview': (input, ctx) => withLedger(ctx, (ledger) => previewProblems(ledger, input as ProblemImportJobInput, ctx)),
  'rectification.import-commit': (input, ctx) => withLedger(ctx, (ledger) => commitProblems(ledger, input as ProblemImportJobInput, ctx)),
}
