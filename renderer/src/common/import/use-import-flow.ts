import { App } from 'antd'
import { useState } from 'react'
import type { PickedFile } from '../../../../shared/api/bridge'
import type { ImportBatchView, ImportKind } from '../../../../shared/api/imports'
import type { ImportCheckRun } from '../../../../shared/api/checks'
import { undoCheckSentence } from '../../checks'
import { call } from '../api/client'
import { useCall } from '../api/use-call'
import { useImportJob } from './use-import-job'
import type { ReadSheet } from './ImportFileCard'

/** What every preview says about the file it read. */
export interface PreviewOfFile extends ReadSheet {
  sheet: string
}

interface ImportFlowOptions<R extends object, C extends object> {
  /** The batches listed are of this kind. */
  kind: ImportKind
  /** Title of the file dialog. */
  pickTitle: string
  /** Starts the preview job of the file and sheet read with the clerk's corrections (mapping, unit …). */
  preview(file: PickedFile, sheet: string | undefined, reading: R): Promise<{ jobId: string }>
  /** Starts the commit job of the same file, sheet and reading; `choices` are the confirm step's own (skip rows, removals …). */
  commit(file: PickedFile, sheet: string | undefined, reading: R, choices: C): Promise<{ jobId: string }>
  /** Said after an undo, e.g. 「已撤销「x」的导入，问题整改台账恢复到导入之前。」. */
  undoneMessage(batch: ImportBatchView): string
  /** After a commit or an undo: what else the page shows of the ledger is read again. */
  onChanged?(): void
}

/**
 * The wiring every import page repeats: choose a file → preview (again on another sheet or reading)
 * → confirm → result, the kind's import batches and 撤销本次导入 — one job at a time, refusals kept
 * on the page. A new file or sheet starts from the file's own reading (`{}`).
 */
export function useImportFlow<P extends PreviewOfFile, T, R extends object = Record<string, never>, C extends object = Record<string, never>>(
  options: ImportFlowOptions<R, C>,
) {
  const { message } = App.useApp()
  const jobs = useImportJob()
  const [file, setFile] = useState<PickedFile | null>(null)
  const [sheet, setSheet] = useState<string | undefined>()
  const [reading, setReadingState] = useState<R>({} as R)
  const [preview, setPreview] = useState<P | null>(null)
  const [result, setResult] = useState<T | null>(null)
  const history = useCall('imports.list', { kind: options.kind })

  const runPreview = async (f: PickedFile, s: string | undefined, r: R) => {
    setResult(null)
    const p = await jobs.job<P>(() => options.preview(f, s, r))
    setPreview(p)
    if (p) setSheet(p.sheet)
  }

  const pick = async () => {
    const picked = await jobs.chooseFile(options.pickTitle)
    if (!picked) return
    setFile(picked)
    setPreview(null)
    setReadingState({} as R)
    await runPreview(picked, undefined, {} as R)
  }

  const chooseSheet = (s: string) => {
    if (!file) return
    setSheet(s)
    setReadingState({} as R)
    void runPreview(file, s, {} as R)
  }

  /** The clerk changed how the file is read (part of the reading): the file is checked again with it. */
  const setReading = (patch: Partial<R>) => {
    const next = { ...reading, ...patch }
    setReadingState(next)
    if (file) void runPreview(file, sheet, next)
  }

  const commit = async (choices: C = {} as C) => {
    if (!file || !preview) return
    const r = await jobs.job<T>(() => options.commit(file, sheet, reading, choices))
    if (r) {
      setResult(r)
      setPreview(null)
      history.reload()
      options.onChanged?.()
    }
  }

  const undo = async (batch: ImportBatchView) => {
    const r = await jobs.job<{ reverted: number; checks?: ImportCheckRun }>(() => call('imports.undo', { batchId: batch.id }))
    if (r) {
      message.success(`${options.undoneMessage(batch)}${undoCheckSentence(r.checks)}`)
      setResult(null)
      history.reload()
      options.onChanged?.()
    }
  }

  return {
    ...jobs,
    file,
    sheet,
    reading,
    preview,
    result,
    history,
    pick: () => void pick(),
    chooseSheet,
    setReading,
    /** Reads the file again as it is now (e.g. after the ledger changed meanwhile). */
    reread: () => file && void runPreview(file, sheet, reading),
    commit: (choices?: C) => void commit(choices),
    undo: (batch: ImportBatchView) => void undo(batch),
  }
}

export type ImportFlow<P extends PreviewOfFile, T, R extends object = Record<string, never>, C extends object = Record<string, never>> = ReturnType<typeof useImportFlow<P, T, R, C>>
