import { afterEach } from 'vitest'
import type { OpName, OpResult } from '../../shared/api/contract'
import type { CoreContext } from '../../electron/core/context'
import { dispatch } from '../../electron/core/dispatch'
import { jobEnd, testCore } from './core'

/**
 * For import tests: `setup()` gives a fresh test core with helpers to call operations, run jobs to their end,
 * register files and query the ledger. Every core set up (or pushed to `cores`) is closed after each test.
 */
export function importHarness() {
  const cores: CoreContext[] = []
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close()
  })

  function setup() {
    const t = testCore()
    cores.push(t.core)
    const call = async <K extends OpName>(name: K, input: unknown): Promise<OpResult<K>> => {
      const r = await dispatch(t.core, name, input)
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
      return r.value as OpResult<K>
    }
    /** Runs a job operation to its end; returns the result or throws the job's error (with its code). */
    const job = async <T>(name: OpName, input: unknown): Promise<T> => {
      const { jobId } = (await call(name, input)) as { jobId: string }
      const end = await jobEnd(t.events, jobId)
      if (end.type === 'job.done') return end.result as T
      if (end.type === 'job.failed') throw Object.assign(new Error(end.error.message), { code: end.error.code })
      throw new Error(end.type)
    }
    const file = (p: string) => t.core.files.register(p).id
    const sql = <T>(q: string, ...params: unknown[]) => t.core.ledger.sqlite.prepare(q).all(...params) as T[]
    return { ...t, call, job, file, sql }
  }

  return { cores, setup }
}
