/** An open ledger file: what every area works with. Its own module so that whatever open.ts uses can name it without importing open.ts. */
import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { LedgerSchema } from './schema'
import type { LedgerWriter } from './write'

export interface Ledger {
  path: string
  sqlite: Database.Database
  db: Kysely<LedgerSchema>
  write: LedgerWriter
  schemaVersion: number
  /** The copy taken before migrating, when a migration ran on existing data. */
  preMigrationCopy: string | null
  close(): Promise<void>
}
