/** Opens the ledger and wires handlers and jobs: the core that both hosts serve. */
import type { LedgerEvent } from '../../shared/api/jobs'
import type { CoreContext } from './context'
import path from 'node:path'
import { openLedger } from './db/open'
import { checkLedgerFile, dailyBackupIfDue, getBackupDir } from './backups'
import { SINGLE_USER, Sessions } from './accounts/session'
import { FileStore } from './files'
import { acquireWriterLock } from './writer-lock'
import { JobRunner, type JobRunnerOptions } from './jobs/runner'

export interface CoreOptions {
  dbPath: string
  appVersion: string
  actor?: string
  /** `owner`: the sign-in a job's event belongs to (none for events every client should see). */
  emit(event: LedgerEvent, owner?: string): void
  jobMode?: JobRunnerOptions['mode']
  workerScript?: string
  /** Named in the refusal a second instance sees. */
  lockOwner?: string
}

export { SINGLE_USER }

export function createCore(options: CoreOptions): CoreContext {
  const releaseLock = acquireWriterLock(options.dbPath, options.lockOwner ?? '乡镇帮扶台账')
  let ledger
  // A ledger gone, emptied or unreadable with backups beside it is not replaced by an empty one:
  // the core runs on an empty stand-in in memory (the file is left as it is) and offers the newest verified backup.
  const check = checkLedgerFile(options.dbPath)
  try {
    if (check.problem === 'corrupt') ledger = openLedger(options.dbPath, { readOnly: true })
    else if (check.problem) ledger = { ...openLedger(':memory:'), path: options.dbPath }
    else ledger = openLedger(options.dbPath)
  } catch (err) {
    releaseLock()
    throw err
  }
  const sessions = new Sessions(options.actor ?? SINGLE_USER)
  // The core's own client: Electron's one window, the CLI, tests. The browser host opens one per browser.
  const session = sessions.open()
  const jobs = new JobRunner({
    dbPath: options.dbPath,
    actor: () => session.actor,
    emit: options.emit,
    mode: options.jobMode,
    workerScript: options.workerScript,
  })
  const files = FileStore.open(path.join(path.dirname(options.dbPath), '.work'))
  const core: CoreContext = {
    ledger,
    session,
    sessions,
    get actor() {
      return session.actor
    },
    get account() {
      return session.account
    },
    backupWarning: null,
    ledgerCheck: check.problem ? check : null,
    startupBackup: Promise.resolve(),
    jobs,
    files,
    appVersion: options.appVersion,
    async close() {
      await core.startupBackup
      await jobs.idle()
      files.dispose()
      await core.ledger.close()
      releaseLock()
    },
  }
  // No daily copy of a stand-in or a damaged file: it would only push good copies out.
  if (check.problem) return core
  // The first start of each day leaves a verified copy; a missing USB drive is a warning, not a stop.
  core.startupBackup = dailyBackupIfDue(ledger, getBackupDir(ledger)).then(
    () => undefined,
    (err: Error) => {
      core.backupWarning = `今天的自动备份没有完成：${err.message}`
    },
  )
  return core
}
