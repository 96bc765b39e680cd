/**
 * Every kind of long work, by name. The same functions run in a worker thread
 * (desktop and browser host) or inline (unit tests).
 */
import { openLedger } from '../db/open'
import { loadDemo } from '../demo/load'
import type { JobContext } from './types'

export type JobFunction = (input: unknown, ctx: JobContext) => Promise<unknown>

/** Opens a connection of the job's own: a worker thread cannot share the host's handle. */
async function withLedger<T>(ctx: JobContext, fn: (ledger: ReturnType<typeof openLedger>) => T): Promise<T> {
  const ledger = openLedger(ctx.dbPath)
  try {
    return fn(ledger)
  } finally {
    await ledger.close()
  }
}

export const jobs: Record<string, JobFunction> = {
  'demo.load': (input, ctx) => withLedger(ctx, (ledger) => loadDemo(ledger, (input as { households: number }).households, ctx)),
}
