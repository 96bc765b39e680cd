import type { Ledger } from './db/open'
import type { FileStore } from './files'
import type { JobRunner } from './jobs/runner'

/** What every handler gets: the open ledger, who is acting, and the job runner. */
export interface CoreContext {
  ledger: Ledger
  actor: string
  jobs: JobRunner
  files: FileStore
  appVersion: string
}
