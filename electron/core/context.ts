import type { AccountView } from '../../shared/api/accounts'
import type { LedgerFileCheck } from './backups'
import type { Session, Sessions } from './accounts/session'
import type { Ledger } from './db/open'
import type { FileStore } from './files'
import type { JobAccess } from './jobs/runner'

/** What every handler gets: the open ledger, who is acting, and the job runner. */
export interface CoreContext {
  ledger: Ledger
  /** The client this operation came from, with its sign-in (the core's own session outside a host's call). */
  readonly session: Session
  /** Every client of this core (the browser host opens one per exchanged launch token). */
  readonly sessions: Sessions
  /** Who the audit trail names: the session's signed-in account (name, username, id), or 本机用户 without accounts. */
  readonly actor: string
  /** The signed-in account when the office uses accounts. */
  readonly account: AccountView | null
  /** Jobs started through this context belong to its sign-in. */
  jobs: JobAccess
  /** Files created through this context belong to its sign-in. */
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
