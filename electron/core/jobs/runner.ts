/**
 * Runs long work off the thread that answers the UI: each job in its own
 * worker thread, streaming progress events, cancellable. `inline` mode runs
 * the same job functions on this thread, for unit tests of the job code.
 */
import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { LedgerEvent } from '../../../shared/api/jobs'
import { LedgerError, type LedgerErrorData } from '../../../shared/api/result'
import { jobs } from '../job-registry'
import { cancelFlag, JobCancelled, type JobContext } from './types'

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: LedgerErrorData }

export interface JobRunnerOptions {
  dbPath: string
  /** Read when a job starts: the person signed in at that moment. */
  actor: () => string
  /** `owner`: the sign-in that started the job; hosts deliver its events only to that sign-in. */
  emit(event: LedgerEvent, owner?: string): void
  mode?: 'worker' | 'inline'
  /** The bundled worker entry (out/main/job-worker.js); the entry file passes it, as only it knows its folder. */
  workerScript?: string
}

/** Who starts a job: its events and its cancel belong to this sign-in. */
export interface JobOwner {
  owner: string
  actor: string
}

/** What a handler sees of the runner. */
export interface JobAccess {
  start(kind: string, input: unknown): string
  cancel(jobId: string): boolean
  idle(): Promise<void>
  /** The runner as one sign-in sees it (read when called: a sign-in renews the owner). */
  forOwner(by: () => JobOwner): JobAccess
}

interface Running {
  kind: string
  owner?: string
  cancel(): void
  finished: Promise<void>
}

export class JobRunner implements JobAccess {
  private readonly running = new Map<string, Running>()

  constructor(private readonly options: JobRunnerOptions) {}

  start(kind: string, input: unknown, by?: JobOwner): string {
    if (!jobs[kind]) throw new LedgerError('unknown_job', `未知的任务类型「${kind}」。`)
    const jobId = randomUUID()
    const buffer = new SharedArrayBuffer(4)
    const flag = cancelFlag(buffer)
    const owner = by?.owner
    const actor = by?.actor ?? this.options.actor()
    const emit = (msg: WorkerMessage) => this.forward(jobId, kind, msg, owner)
    const finished =
      this.options.mode === 'inline' ? this.runInline(kind, input, actor, flag, emit) : this.runWorker(kind, input, actor, buffer, emit)
    const entry: Running = { kind, owner, cancel: () => flag.set(), finished }
    this.running.set(jobId, entry)
    void finished.finally(() => this.running.delete(jobId))
    return jobId
  }

  /** Cancels a running job; with `owner`, only a job that sign-in started. */
  cancel(jobId: string, owner?: string): boolean {
    const job = this.running.get(jobId)
    if (!job || (owner !== undefined && job.owner !== undefined && job.owner !== owner)) return false
    job.cancel()
    return true
  }

  forOwner(by: () => JobOwner): JobAccess {
    return {
      start: (kind, input) => this.start(kind, input, by()),
      cancel: (jobId) => this.cancel(jobId, by().owner),
      idle: () => this.idle(),
      forOwner: (other) => this.forOwner(other),
    }
  }

  /** Resolves when every running job has ended (used on shutdown and in tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((j) => j.finished))
  }

  private forward(jobId: string, kind: string, msg: WorkerMessage, owner: string | undefined): void {
    const emit = (e: LedgerEvent) => this.options.emit(e, owner)
    if (msg.type === 'progress') emit({ type: 'job.progress', jobId, kind, done: msg.done, total: msg.total, message: msg.message })
    else if (msg.type === 'done') emit({ type: 'job.done', jobId, kind, result: msg.result })
    else if (msg.error.code === 'cancelled') emit({ type: 'job.cancelled', jobId, kind })
    else emit({ type: 'job.failed', jobId, kind, error: msg.error })
  }

  private async runInline(kind: string, input: unknown, actor: string, flag: ReturnType<typeof cancelFlag>, emit: (m: WorkerMessage) => void) {
    await Promise.resolve() // let start() return the id before the first event
    const ctx: JobContext = {
      dbPath: this.options.dbPath,
      actor,
      progress: (done, total, message) => emit({ type: 'progress', done, total, message }),
      checkCancelled: () => {
        if (flag.isSet()) throw new JobCancelled()
      },
    }
    try {
      emit({ type: 'done', result: await jobs[kind]!(input, ctx) })
    } catch (err) {
      emit({ type: 'failed', error: toErrorData(err) })
    }
  }

  private runWorker(kind: string, input: unknown, actor: string, buffer: SharedArrayBuffer, emit: (m: WorkerMessage) => void): Promise<void> {
    const script = this.options.workerScript
    if (!script) throw new Error('JobRunner in worker mode needs workerScript')
    const worker = new Worker(script, {
      workerData: { kind, input, buffer, dbPath: this.options.dbPath, actor },
    })
    return new Promise<void>((resolve) => {
      let settled = false
      worker.on('message', (msg: WorkerMessage) => {
        if (msg.type !== 'progress') settled = true
        emit(msg)
      })
      worker.on('error', (err) => {
        settled = true
        emit({ type: 'failed', error: toErrorData(err) })
      })
      worker.on('exit', (code) => {
        if (!settled) emit({ type: 'failed', error: { code: 'worker_exit', message: `后台任务意外退出（代码 ${code}），未写入数据。请重试。` } })
        resolve()
      })
    })
  }
}

export function toErrorData(err: unknown): LedgerErrorData {
  if (err instanceof LedgerError) return err.toData()
  const detail = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message: `程序内部出错：${detail}。数据未被修改；请重试，若反复出现请把这条信息告诉技术支持。` }
}
