/**
 * The renderer's only way to the core: window.ledger, installed by whichever
 * host runs the app (Electron preload or the browser host). Typed by the
 * contract in shared/.
 */
import type { LedgerBridge } from '../../../../shared/api/bridge'
import type { OpInput, OpName, OpResult } from '../../../../shared/api/contract'
import type { JobStarted, LedgerEvent } from '../../../../shared/api/jobs'

declare global {
  interface Window {
    ledger: LedgerBridge
  }
}

export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export async function call<K extends OpName>(name: K, input: OpInput<K>): Promise<OpResult<K>> {
  const result = await window.ledger.invoke(name, input)
  if (!result.ok) throw new CallError(result.error.code, result.error.message, result.error.field)
  return result.value as OpResult<K>
}

export function onLedgerEvent(listener: (event: LedgerEvent) => void): () => void {
  return window.ledger.onEvent(listener)
}

export interface JobProgress {
  done: number
  total: number
  message: string
}

/**
 * Starts a job and follows its events. Subscribes before starting so no
 * event is missed; resolves with the job's result, rejects on failure or
 * cancellation (code 'cancelled').
 */
export function runJob<T>(
  start: () => Promise<JobStarted>,
  onProgress: (p: JobProgress) => void,
  onStarted?: (jobId: string) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let jobId: string | null = null
    const early: LedgerEvent[] = []
    const handle = (e: LedgerEvent) => {
      if (e.type === 'core.restarted') {
        stop()
        return reject(new CallError('core_crashed', '后台进程重启，任务已中断，未写入数据。请重试。'))
      }
      if (!('jobId' in e)) return
      if (jobId === null) return void early.push(e)
      if (e.jobId !== jobId) return
      if (e.type === 'job.progress') onProgress({ done: e.done, total: e.total, message: e.message })
      else {
        stop()
        if (e.type === 'job.done') resolve(e.result as T)
        else if (e.type === 'job.cancelled') reject(new CallError('cancelled', '已取消，未写入任何数据。'))
        else reject(new CallError(e.error.code, e.error.message))
      }
    }
    const stop = onLedgerEvent(handle)
    start().then(
      (started) => {
        jobId = started.jobId
        onStarted?.(started.jobId)
        early.splice(0).forEach(handle)
      },
      (err: unknown) => {
        stop()
        reject(err)
      },
    )
  })
}
