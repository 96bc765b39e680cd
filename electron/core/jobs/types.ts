/** What a long-running job function receives, whether it runs in a worker thread or inline. */
import type { CheckWouldAdd } from '../../../shared/api/checks'
import { LedgerError } from '../../../shared/api/result'
import type { Ledger } from '../db/open'

export interface JobContext {
  dbPath: string
  actor: string
  progress(done: number, total: number, message: string): void
  /** Throws JobCancelled once cancel was asked; safe to call inside a synchronous transaction. */
  checkCancelled(): void
  /**
   * Set for import previews (checks/jobs.ts): the 疑点 the planned writes would add, `apply` (the
   * import's synchronous commit) run inside a transaction that is rolled back.
   */
  wouldAdd?: (ledger: Ledger, apply: () => void) => CheckWouldAdd
}

export class JobCancelled extends LedgerError {
  constructor() {
    super('cancelled', '已取消，未写入任何数据。')
  }
}

/** A flag shared with the worker so cancellation is seen even inside a synchronous transaction. */
export function cancelFlag(buffer: SharedArrayBuffer): { isSet(): boolean; set(): void } {
  const view = new Int32Array(buffer)
  return { isSet: () => Atomics.load(view, 0) === 1, set: () => void Atomics.store(view, 0, 1) }
}
