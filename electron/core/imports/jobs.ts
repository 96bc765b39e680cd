/** 撤销本次导入 runs as long work, after a verified backup of the ledger as it was. */
import { backupBefore } from '../backups'
import { withLedger, type JobFunction } from '../jobs'
import { undoImport } from './undo'

export const importsJobs: Record<string, JobFunction> = {
  'imports.undo': (input, ctx) =>
    withLedger(ctx, async (ledger) => {
      ctx.progress(0, 1, '正在备份撤销前的台账…')
      await backupBefore(ledger, 'pre-undo')
      return undoImport(ledger, (input as { batchId: number }).batchId, ctx.actor)
    }),
}
