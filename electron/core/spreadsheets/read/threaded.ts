/**
 * Reads a sheet on a second thread while this one normalises, checks and
 * compares the rows: on a two-core office PC the import then costs little
 * more than reading the file. Rows arrive in batches; a shared counter keeps
 * the reader at most a few batches ahead, so memory stays flat.
 *
 * The reader thread is the bundled `read-worker.js` next to the running
 * entry (out/main). Where it is absent (unit tests and scripts run from the
 * TypeScript sources) the rows are read on this thread instead.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { LedgerError, type LedgerErrorData } from '../../../../shared/api/result'
import { openSheetRows } from './index'
import { unpackRows, type PackedRows } from './row-batch'
import type { ReadOptions, SheetRow } from './types'

export type ReaderMessage =
  | { type: 'rows'; rows: PackedRows; bytes: number }
  | { type: 'done' }
  | { type: 'error'; error: LedgerErrorData }

export interface ReaderWorkerData {
  path: string
  sheet?: string | number
  skipSheetCrc?: boolean
  credits: SharedArrayBuffer
}

/**
 * The reader thread's heap: room for the largest shared-strings table the caps allow and an .xls
 * parsed whole, while a file built to inflate past it ends that thread, not the process.
 */
export const READER_HEAP_MB = 512

/** The reader thread hit READER_HEAP_MB: the file needs more memory than any roster does. */
export function readerOutOfMemoryError(heapMb = READER_HEAP_MB): LedgerErrorData {
  return {
    code: 'file_unsupported',
    message: `读取这个文件需要的内存超过了上限（${heapMb} MB），远超任何花名册或项目表，为保护电脑已停止读取，未导入任何数据。文件可能含有大量多余内容或已损坏。请向发文件的单位核实；如果 Excel 或 WPS 能正常打开，请删去多余的工作表和内容，另存为新的 .xlsx 文件后再导入。`,
  }
}

/** Batches the reader may run ahead of the consumer. */
export const MAX_AHEAD = 8
export const BATCH_ROWS = 500

/** out/main/read-worker.js, seen from an entry in out/main or a shared chunk in out/main/chunks. */
function readerScript(): string | null {
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const script = path.join(dir, 'read-worker.js')
    if (fs.existsSync(script)) return script
  }
  return null
}

export interface ThreadedReadOptions extends Omit<ReadOptions, 'onProgress'> {
  /**
   * Work for the consumer's thread while it waits for the reader: called when no
   * rows are ready, again while it returns true (false: nothing left to do).
   */
  onIdle?: () => boolean
  /** The reader thread's script; default the bundled read-worker.js (tests pass their own). */
  readerScript?: string
  /** The reader thread's heap in MB; default READER_HEAP_MB (tests pass a small one). */
  readerHeapMb?: number
}

export async function* readSheetRows(file: string, opts: ThreadedReadOptions = {}): AsyncGenerator<SheetRow> {
  const script = opts.readerScript ?? readerScript()
  if (!script) {
    yield* openSheetRows(file, opts)
    return
  }
  const heapMb = opts.readerHeapMb ?? READER_HEAP_MB
  const credits = new SharedArrayBuffer(4)
  const ahead = new Int32Array(credits)
  // A larger young generation: parsing allocates many short-lived strings, and scavenges dominated its GC time.
  const worker = new Worker(script, {
    workerData: { path: file, sheet: opts.sheet, skipSheetCrc: opts.skipSheetCrc, credits } satisfies ReaderWorkerData,
    resourceLimits: { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: heapMb },
  })
  const queue: ReaderMessage[] = []
  let wake: (() => void) | null = null
  const push = (m: ReaderMessage) => {
    queue.push(m)
    wake?.()
  }
  worker.on('message', push)
  let outOfMemory = false
  worker.on('error', (err) => {
    if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      outOfMemory = true
      push({ type: 'error', error: readerOutOfMemoryError(heapMb) })
    } else push({ type: 'error', error: { code: 'file_unreadable', message: `读取文件时出错：${err.message}。请重试，或用 Excel 另存为新文件后再导入。` } })
  })
  worker.on('exit', (code) => code !== 0 && !outOfMemory && push({ type: 'error', error: { code: 'file_unreadable', message: `读取文件的后台线程意外退出（代码 ${code}）。请重试。` } }))
  try {
    for (;;) {
      // Yield between idle steps so the reader's messages get through.
      while (!queue.length && opts.onIdle?.()) await new Promise<void>((r) => setImmediate(r))
      if (!queue.length) await new Promise<void>((r) => (wake = r))
      wake = null
      const m = queue.shift()!
      if (m.type === 'done') return
      if (m.type === 'error') throw new LedgerError(m.error.code, m.error.message, m.error.field)
      // One batch consumed: let the reader run on.
      Atomics.sub(ahead, 0, 1)
      Atomics.notify(ahead, 0)
      opts.onBytes?.(m.bytes)
      for (const row of unpackRows(m.rows)) {
        if (opts.signal?.aborted) throw new LedgerError('cancelled', '已取消，未写入任何数据。')
        yield row
      }
    }
  } finally {
    await worker.terminate()
  }
}
