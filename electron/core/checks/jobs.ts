/**
 * The checks area's long work around imports: every import preview is given `wouldAdd` (what the
 * file would add to the 疑点), and every import commit is followed, in the same worker and off the UI
 * thread, by a whole-ledger check run whose counts come back with the commit's result.
 */
import type { ImportCheckRun } from '../../../shared/api/checks'
import { LedgerError } from '../../../shared/api/result'
import { withLedger, type JobFunction } from '../jobs'
import { wouldAddFindings } from './import-checks'
import { runLedgerChecks } from './store'

/** An import preview job whose context can tell what the file would add to the 疑点. */
export const withWouldAdd =
  (fn: JobFunction): JobFunction =>
  (input, ctx) =>
    fn(input, { ...ctx, wouldAdd: (ledger, apply) => wouldAddFindings(ledger, apply) })

/**
 * An import commit (or an undo of one: `done` = '撤销'), then a check run over the whole ledger, so the
 * 疑点 match the records now there (a failed run does not undo the import).
 */
export const withCheckRun =
  (fn: JobFunction, done: '导入' | '撤销' = '导入'): JobFunction =>
  async (input, ctx) => {
    const result = await fn(input, ctx)
    ctx.progress(0, 1, `${done}完成，正在核查疑点…`)
    let checks: ImportCheckRun
    try {
      checks = await withLedger(ctx, (ledger) => {
        const { run } = runLedgerChecks(ledger, ctx.actor)
        return { runId: run.id, open: run.open, new: run.new }
      })
    } catch (err) {
      const message = err instanceof LedgerError ? err.message : String(err)
      checks = { runId: null, open: 0, new: 0, error: `${done}已完成，但${done}后的疑点核查没有完成：${message}。请到「疑点核查」页点「开始核查」。` }
    }
    return result && typeof result === 'object' ? { ...result, checks } : result
  }

/** Wraps the named preview, commit and undo jobs of a job map. */
export function checkedImports(
  jobs: Record<string, JobFunction>,
  previews: readonly string[],
  commits: readonly string[],
  undos: readonly string[] = [],
): Record<string, JobFunction> {
  const out = { ...jobs }
  for (const k of previews) if (out[k]) out[k] = withWouldAdd(out[k])
  for (const k of commits) if (out[k]) out[k] = withCheckRun(out[k])
  for (const k of undos) if (out[k]) out[k] = withCheckRun(out[k], '撤销')
  return out
}
