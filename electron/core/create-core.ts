/** Opens the ledger and wires handlers and jobs: the core that both hosts serve. */
import type { LedgerEvent } from '../../shared/api/jobs'
import type { CoreContext } from './context'
import path from 'node:path'
import { openLedger } from './db/open'
import { FileStore } from './files'
import { JobRunner, type JobRunnerOptions } from './jobs/runner'

export interface CoreOptions {
  dbPath: string
  appVersion: string
  actor?: string
  emit(event: LedgerEvent): void
  jobMode?: JobRunnerOptions['mode']
  workerScript?: string
}

export function createCore(options: CoreOptions): CoreContext {
  const ledger = openLedger(options.dbPath)
  const actor = options.actor ?? '本机用户'
  const jobs = new JobRunner({
    dbPath: options.dbPath,
    actor,
    emit: options.emit,
    mode: options.jobMode,
    workerScript: options.workerScript,
  })
  const files = new FileStore(path.join(path.dirname(options.dbPath), '.work'))
  return { ledger, actor, jobs, files, appVersion: options.appVersion }
}
