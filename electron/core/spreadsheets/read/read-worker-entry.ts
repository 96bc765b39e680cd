/** The reader thread of readSheetRows: streams one sheet in batches, never more than MAX_AHEAD ahead. */
import { parentPort, workerData } from 'node:worker_threads'
import { LedgerError } from '../../../../shared/api/result'
import { openSheetRows } from './index'
import { packRows } from './row-batch'
import { BATCH_ROWS, MAX_AHEAD, type ReaderMessage, type ReaderWorkerData } from './threaded'
import type { SheetRow } from './types'

const { path, sheet, skipSheetCrc, credits } = workerData as ReaderWorkerData
const ahead = new Int32Array(credits)
const post = (m: ReaderMessage) => parentPort!.postMessage(m, m.type === 'rows' ? [m.rows.heads.buffer as ArrayBuffer, m.rows.kinds.buffer as ArrayBuffer] : [])

async function run(): Promise<void> {
  let bytes = 0
  let batch: SheetRow[] = []
  const flush = () => {
    // Blocks this thread (not the consumer) while the consumer is MAX_AHEAD batches behind.
    while (Atomics.load(ahead, 0) >= MAX_AHEAD) Atomics.wait(ahead, 0, Atomics.load(ahead, 0), 1000)
    Atomics.add(ahead, 0, 1)
    post({ type: 'rows', rows: packRows(batch), bytes })
    batch = []
  }
  for await (const row of openSheetRows(path, { sheet, skipSheetCrc, onBytes: (n) => (bytes = n) })) {
    batch.push(row)
    if (batch.length >= BATCH_ROWS) flush()
  }
  if (batch.length) flush()
  post({ type: 'done' })
}

run().catch((err: unknown) => {
  const error =
    err instanceof LedgerError
      ? err.toData()
      : { code: 'file_unreadable', message: `读取文件时出错：${err instanceof Error ? err.message : String(err)}。请重试，或用 Excel 另存为新文件后再导入。` }
  post({ type: 'error', error })
})
