/** Long work (imports, exports, batch printing) runs as jobs that stream events. */
import { z } from 'zod'
import { op } from './op'
import type { LedgerErrorData } from './result'

export interface JobStarted {
  jobId: string
}

export type LedgerEvent =
  | { type: 'job.progress'; jobId: string; kind: string; done: number; total: number; message: string }
  | { type: 'job.done'; jobId: string; kind: string; result: unknown }
  | { type: 'job.failed'; jobId: string; kind: string; error: LedgerErrorData }
  | { type: 'job.cancelled'; jobId: string; kind: string }
  /** The core process crashed and was restarted; the UI should reload its data. */
  | { type: 'core.restarted' }

export const jobsOps = {
  /** Any signed-in person may cancel their own long work. */
  'jobs.cancel': op<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(64) }), 'read'),
}
