import path from 'node:path'
import type { LedgerEvent } from '../../shared/api/jobs'
import type { CoreContext } from '../../electron/core/context'
import { createCore } from '../../electron/core/create-core'
import { tempDir } from './temp'

/** A core on a real SQLite file in a temp folder, running jobs inline. */
export function testCore(): { core: CoreContext; events: LedgerEvent[]; dbPath: string } {
  const events: LedgerEvent[] = []
  const dbPath = path.join(tempDir(), 'ledger.sqlite')
  const core = createCore({ dbPath, appVersion: 'test', jobMode: 'inline', emit: (e) => events.push(e) })
  return { core, events, dbPath }
}

/** Waits for the end event of a job. */
export async function jobEnd(events: LedgerEvent[], jobId: string): Promise<LedgerEvent> {
  for (let i = 0; i < 2000; i++) {
    const end = events.find((e) => 'jobId' in e && e.jobId === jobId && e.type !== 'job.progress')
    if (end) return end
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`job ${jobId} did not end`)
}
