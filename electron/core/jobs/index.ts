/** The jobs area's public module: what an area's long work (its jobs.ts) is written against. */
import fs from 'node:fs'
import path from 'node:path'
import { LedgerError } from '../../../shared/api/result'
import { openLedger, type Ledger } from '../db/open'
import type { JobContext } from './types'

export { JobCancelled, type JobContext } from './types'

export type JobFunction = (input: unknown, ctx: JobContext) => Promise<unknown>

/**
 * Opens a connection of the job's own: a worker thread cannot share the host's handle.
 * The core created the file at start; a file gone or emptied since (or the stand-in the core
 * runs on while it is) is not recreated here as a new, empty ledger at the real path.
 */
export async function withLedger<T>(ctx: JobContext, fn: (ledger: Ledger) => T | Promise<T>): Promise<T> {
  let size = 0
  try {
    size = fs.statSync(ctx.dbPath).size
  } catch {
    // missing: size 0
  }
  if (size === 0) {
    throw new LedgerError(
      'ledger_file_problem',
      `台账文件「${path.basename(ctx.dbPath)}」不见了或是空的，这项工作没有进行。请先在「数据与备份」页恢复备份（或运行 npm run cli -- restore），再重试。`,
    )
  }
  const ledger = openLedger(ctx.dbPath)
  try {
    return await fn(ledger)
  } finally {
    await ledger.close()
  }
}
