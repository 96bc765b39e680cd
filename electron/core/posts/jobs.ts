/** The posts area's long work: the post list's import preview and commit. */
import { withLedger, type JobFunction } from '../jobs'
import { commitPosts, previewPosts, type PostImportJobInput } from './import/job'

export const postsJobs: Record<string, JobFunction> = {
  'posts.import-preview': (input, ctx) => withLedger(ctx, (ledger) => previewPosts(ledger, input as PostImportJobInput, ctx)),
  'posts.import-commit': (input, ctx) => withLedger(ctx, (ledger) => commitPosts(ledger, input as PostImportJobInput, ctx)),
}
