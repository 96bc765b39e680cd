/** The households area's long work: the roster's import preview and commit, its 问题清单 and its export. */
import { withLedger, type JobFunction } from '../jobs'
import { exportRoster, type RosterExportOptions } from './export'
import { commitRoster, previewRoster, rosterIssuesReport } from './import/job'

export const householdsJobs: Record<string, JobFunction> = {
  'households.importPreview': (input, ctx) => withLedger(ctx, (ledger) => previewRoster(ledger, input as Parameters<typeof previewRoster>[1], ctx)),
  'households.importCommit': (input, ctx) => withLedger(ctx, (ledger) => commitRoster(ledger, input as Parameters<typeof commitRoster>[1], ctx)),
  'households.issues-report': (input, ctx) =>
    withLedger(ctx, (ledger) => rosterIssuesReport(ledger, input as Parameters<typeof rosterIssuesReport>[1], ctx)),
  'households.export': (input, ctx) =>
    withLedger(ctx, async (ledger) => {
      const i = input as RosterExportOptions & { outputPath: string; outputId: string; outputName: string }
      const r = await exportRoster(ledger, i.outputPath, i, (done, total) => ctx.progress(done, total, `已写出 ${done} / ${total} 人`))
      return { fileId: i.outputId, name: i.outputName, ...r }
    }),
}
