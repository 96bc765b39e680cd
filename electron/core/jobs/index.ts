/** The jobs area's public module: what an area's long work (its jobs.ts) is written against. */
import { openLedger, type Ledger } from '../db/open'
import type { JobContext } from './types'

export { JobCancelled, type JobContext } from './types'

export type JobFunction = (input: unknown, ctx: JobContext) => Promise<unknown>

/** Opens a connection of the job's own: a worker thread cannot share the host's handle. */
export async function withLedger<T>(ctx: JobContext, fn: (ledger: Ledger) => T | Promise<T>): Promise<T> {
  const ledger = openLedger(ctx.dbPath)
  try {
    return await fn(ledger)
  } finally {
    await ledger.close()
  }
}
