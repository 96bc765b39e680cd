import type { AccountView } from '../../shared/api/accounts'
import type { LedgerFileCheck } from './backups'
import type { Ledger } from './db/open'
import type { FileStore } from './files'
import type { JobRunner } from './jobs/runner'

/** What every handler gets: the open ledger, who is acting, and the job runner. */
export interface CoreContext {
  ledger: Ledger
  /** Who the audit trail names: the signed-in account's name, or 本机用户 without accounts. */
  actor: string
  /** The signed-in account when the office uses accounts. */
  account: AccountView | null
  jobs: JobRunner
  files: FileStore
  appVersion: string
  /** Why the daily backup failed, for the clerk to see; null when all is well. */
  backupWarning: string | null
  /** The ledger file was missing, empty, unreadable or damaged at start (see backups/startup-check.ts); null once fine or restored. */
  ledgerCheck: LedgerFileCheck | null
  /** Settles when the start-of-day backup has been made (or has failed). */
  startupBackup: Promise<void>
  /** Waits for jobs, removes temporary files, closes the file and releases the writer lock. */
  close(): Promise<void>
}
