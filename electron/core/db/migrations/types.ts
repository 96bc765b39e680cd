import type BetterSqlite3 from 'better-sqlite3'

/** One forward-only schema step. Runs inside the migration transaction. */
export interface Migration {
  version: number
  name: string
  up(db: BetterSqlite3.Database): void
}
