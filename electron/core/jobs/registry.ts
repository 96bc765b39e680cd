/**
 * Every kind of long work, by name. The same functions run in a worker thread
 * (desktop and browser host) or inline (unit tests).
 */
import { backupBefore } from '../backups'
import { openLedger, type Ledger } from '../db/open'
import { exportRoster, type RosterExportOptions } from '../households/export'
import { commitRoster, previewRoster, rosterIssuesReport } from '../households/import/job'
import { undoImport } from '../imports/undo'
import { loadDemo } from '../demo/load'
import { exportProjects } from '../projects/export'
import { commitProjects, previewProjects } from '../projects/import/job'
import { householdCards } from '../forms/household-cards'
import type { JobContext } from './types'

export type JobFunction = (input: unknown, ctx: JobContext) => Promise<unknown>

/** Opens a connection of the job's own: a worker thread cannot share the host's handle. */
async function withLedger<T>(ctx: JobContext, fn: (ledger: Ledger) => T | Promise<T>): Promise<T> {
  const ledger = openLedger(ctx.dbPath)
  try {
    return await fn(ledger)
  } finally {
    await ledger.close()
  }
}

export const jobs: Record<string, JobFunction> = {
  'demo.load': (input, ctx) => withLedger(ctx, (ledger) => loadDemo(ledger, (input as { households: number }).households, ctx)),
  'roster.preview': (input, ctx) => withLedger(ctx, (ledger) => previewRoster(ledger, input as Parameters<typeof previewRoster>[1], ctx)),
  'roster.commit': (input, ctx) => withLedger(ctx, (ledger) => commitRoster(ledger, input as Parameters<typeof commitRoster>[1], ctx)),
  'roster.issues-report': (input, ctx) =>
    withLedger(ctx, (ledger) => rosterIssuesReport(ledger, input as Parameters<typeof rosterIssuesReport>[1], ctx)),
  'roster.export': (input, ctx) =>
    withLedger(ctx, async (ledger) => {
      const i = input as RosterExportOptions & { outputPath: string; outputId: string; outputName: string }
      const r = await exportRoster(ledger, i.outputPath, i, (done, total) => ctx.progress(done, total, `已写出 ${done} / ${total} 人`))
      return { fileId: i.outputId, name: i.outputName, ...r }
    }),
  /** 户卡 of many households (a village, a filter): read in the background with progress, cancellable. */
  'forms.household-cards': (input, ctx) =>
    withLedger(ctx, (ledger) => householdCards(ledger, input as Parameters<typeof householdCards>[1], ctx)),
  'projects.import-preview': (input, ctx) => withLedger(ctx, (ledger) => previewProjects(ledger, input as Parameters<typeof previewProjects>[1], ctx)),
  'projects.import-commit': (input, ctx) => withLedger(ctx, (ledger) => commitProjects(ledger, input as Parameters<typeof commitProjects>[1], ctx)),
  'projects.export': (input, ctx) =>
    withLedger(ctx, async (ledger) => {
      const i = input as { layout: 'standard' | 'source'; outputPath: string; outputId: string; outputName: string }
      ctx.progress(0, 1, '正在导出项目台账…')
      const r = await exportProjects(ledger, i.outputPath, { layout: i.layout })
      return { fileId: i.outputId, name: i.outputName, ...r }
    }),
  'imports.undo': (input, ctx) =>
    withLedger(ctx, async (ledger) => {
      ctx.progress(0, 1, '正在备份撤销前的台账…')
      await backupBefore(ledger, 'pre-undo')
      return undoImport(ledger, (input as { batchId: number }).batchId, ctx.actor)
    }),
}
