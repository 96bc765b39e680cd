/** The national area's long work: the exports' import preview and commit, and the export back. */
import type { NationalExportLayout } from '../../../shared/api/national'
import { withLedger, type JobFunction } from '../jobs'
import { exportNational } from './export'
import { commitNational, previewNational } from './import/job'
import type { NationalParseInput } from './import/parse'

export const nationalJobs: Record<string, JobFunction> = {
  'national.import-preview': (input, ctx) => withLedger(ctx, (ledger) => previewNational(ledger, input as NationalParseInput, ctx)),
  'national.import-commit': (input, ctx) => withLedger(ctx, (ledger) => commitNational(ledger, { ...(input as NationalParseInput & { keepIssues?: boolean }), actor: ctx.actor }, ctx)),
  'national.export': (input, ctx) =>
    withLedger(ctx, async (ledger) => {
      const i = input as { layout: NationalExportLayout; outputPath: string; outputId: string; outputName: string }
      ctx.progress(0, 1, '正在导出…')
      const r = await exportNational(ledger, i.outputPath, i.layout, ctx.actor, { progress: ctx.progress, checkCancelled: ctx.checkCancelled })
      return { fileId: i.outputId, name: i.outputName, ...r }
    }),
}
