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
  emit(event: LedgerEvent): void
  mode?: 'worker' | 'inline'
  /** The bundled worker entry (out/main/job-worker.js); the entry file passes it, as only it knows its folder. */
  workerScript?: string
}

interface Running {
  kind: string
  cancel(): void
  finished: Promise<void>
}

export class JobRunner {
  private readonly running = new Map<string, Running>()

  constructor(private readonly options: JobRunnerOptions) {}

  start(kind: string, input: unknown): string {
    if (!jobs[kind]) throw new LedgerError('unknown_job', `未知的任务类型「${kind}」。`)
    const jobId = randomUUID()
    const buffer = new SharedArrayBuffer(4)
    const flag = cancelFlag(buffer)
    const emit = (msg: WorkerMessage) => this.forward(jobId, kind, msg)
    const finished =
      this.options.mode === 'inline' ? this.runInline(kind, input, flag, emit) : this.runWorker(kind, input, buffer, emit)
    const entry: Running = { kind, cancel: () => flag.set(), finished }
    this.running.set(jobId, entry)
    void finished.finally(() => this.running.delete(jobId))
    return jobId
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId)
    if (!job) return false
    job.cancel()
    return true
  }

  /** Resolves when every running job has ended (used on shutdown and in tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((j) => j.finished))
  }

  private forward(jobId: string, kind: string, msg: WorkerMessage): void {
    const { emit } = this.options
    if (msg.type === 'progress') emit({ type: 'job.progress', jobId, kind, done: msg.done, total: msg.total, message: msg.message })
    else if (msg.type === 'done') emit({ type: 'job.done', jobId, kind, result: msg.result })
    else if (msg.error.code === 'cancelled') emit({ type: 'job.cancelled', jobId, kind })
    else emit({ type: 'job.failed', jobId, kind, error: msg.error })
  }

  private async runInline(kind: string, input: unknown, flag: ReturnType<typeof cancelFlag>, emit: (m: WorkerMessage) => void) {
    await Promise.resolve() // let start() return the id before the first event
    const ctx: JobContext = {
      dbPath: this.options.dbPath,
      actor: this.options.actor(),
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

  private runWorker(kind: string, input: unknown, buffer: SharedArrayBuffer, emit: (m: WorkerMessage) => void): Promise<void> {
    const script = this.options.workerScript
    if (!script) throw new Error('JobRunner in worker mode needs workerScript')
    const worker = new Worker(script, {
      workerData: { kind, input, buffer, dbPath: this.options.dbPath, actor: this.options.actor() },
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
