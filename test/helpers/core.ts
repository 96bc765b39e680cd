import path from 'node:path'
import type { LedgerEvent } from '../../shared/api/jobs'
import type { OpInput, OpName, OpResult } from '../../shared/api/contract'
import { dispatch } from '../../electron/core/dispatch'
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
  // Generous: a loaded machine (two cores, other tests running) can be slow.
  const deadline = Date.now() + 150_000
  while (Date.now() < deadline) {
    const end = events.find((e) => 'jobId' in e && e.jobId === jobId && e.type !== 'job.progress')
    if (end) return end
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`job ${jobId} did not end`)
}

/** Calls operations through the dispatcher, as a host would: `raw` gives the Result, `call` throws its Chinese message. */
export function opCaller(core: CoreContext) {
  const raw = (name: OpName, input: unknown) => dispatch(core, name, input)
  const call = async <K extends OpName>(name: K, input: OpInput<K>): Promise<OpResult<K>> => {
    const r = await raw(name, input)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as OpResult<K>
  }
  return { raw, call }
}
