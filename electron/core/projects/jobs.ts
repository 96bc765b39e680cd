/** The projects area's long work: the project list's import preview and commit, and the ledger's export. */
import { withLedger, type JobFunction } from '../jobs'
import { exportProjects } from './export'
import { commitProjects, previewProjects } from './import/job'

export const projectsJobs: Record<string, JobFunction> = {
  'projects.import-preview': (input, ctx) => withLedger(ctx, (ledger) => previewProjects(ledger, input as Parameters<typeof previewProjects>[1], ctx)),
  'projects.import-commit': (input, ctx) => withLedger(ctx, (ledger) => commitProjects(ledger, input as Parameters<typeof commitProjects>[1], ctx)),
  'projects.export': (input, ctx) =>
    withLedger(ctx, async (ledger) => {
      const i = input as { layout: 'standard' | 'source'; outputPath: string; outputId: string; outputName: string }
      ctx.progress(0, 1, '正在导出项目台账…')
      const r = await exportProjects(ledger, i.outputPath, { layout: i.layout })
      return { fileId: i.outputId, name: i.outputName, ...r }
    }),
}
