import { App } from 'antd'
import { useState } from 'react'
import type { PickedFile } from '../../../../shared/api/bridge'
import type { ProducedFile } from '../../../../shared/api/files'
import { CallError, runJob, type JobProgress as Progress } from '../api/client'

export type RunningJob = { progress: Progress; jobId: string | null; startedAt: number }

/**
 * The import pages' long work (preview, commit, undo, files to save): one job at a time, its progress in `running`.
 * A failed or cancelled job is reported to the clerk and gives null.
 */
export function useImportJob() {
  const { message } = App.useApp()
  const [running, setRunning] = useState<RunningJob | null>(null)
  /** The last refusal (a file that cannot be read, not a roster…): stays on the page until the next try. */
  const [failure, setFailure] = useState<CallError | null>(null)

  async function job<T>(start: () => Promise<{ jobId: string }>): Promise<T | null> {
    setRunning({ progress: { done: 0, total: 1, message: '正在读取文件…' }, jobId: null, startedAt: Date.now() })
    setFailure(null)
    try {
      return await runJob<T>(start, (progress) => setRunning((r) => r && { ...r, progress }), (jobId) => setRunning((r) => r && { ...r, jobId }))
    } catch (err) {
      if (err instanceof CallError && err.code === 'cancelled') message.info('已取消，台账未被修改。')
      else setFailure(err instanceof CallError ? err : new CallError('failed', (err as Error).message))
      return null
    } finally {
      setRunning(null)
    }
  }

  /** Runs a job that produces a file, then offers it to be saved. */
  async function saveProduced(start: () => Promise<{ jobId: string }>): Promise<void> {
    const produced = await job<ProducedFile>(start)
    if (!produced) return
    const saved = await window.ledger.saveFile(produced.fileId, produced.name)
    if (!saved.ok) message.error(saved.error.message)
  }

  /** Asks for the county's file (Excel or CSV); null when the clerk cancels or it cannot be opened (said in a message). */
  async function chooseFile(title: string): Promise<PickedFile | null> {
    const picked = await window.ledger.pickFile({ title, extensions: ['xlsx', 'csv', 'xls', 'et'] })
    if (picked.ok) return picked.value
    setFailure(new CallError(picked.error.code, picked.error.message))
    return null
  }

  return { running, failure, dismissFailure: () => setFailure(null), job, saveProduced, chooseFile }
}
