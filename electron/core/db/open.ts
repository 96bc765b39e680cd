/**
 * Opens the office's SQLite file: pragmas, a refusal for files from a newer
 * app, a copy aside before migrating, then the pending migrations, each in
 * its own transaction.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { LedgerError } from '../../../shared/api/result'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'
import type { Migration } from './migrations/types'
import type { LedgerSchema } from './schema'
import { createBackupSync } from '../backups/backup'
import { backupsDir } from '../backups/folder'
import type { Ledger } from './ledger'
import { LedgerWriter } from './write'

export type { Ledger } from './ledger'


export interface OpenOptions {
  /** The list to apply; tests pass their own to simulate upgrades. */
  migrations?: readonly Migration[]
  now?: () => Date
  /** Opens without changing the file (no WAL switch, no migration): for a damaged ledger the clerk must restore. */
  readOnly?: boolean
}

export function openLedger(dbPath: string, options: OpenOptions = {}): Ledger {
  const list = options.migrations ?? migrations
  const latest = list.length ? list[list.length - 1]!.version : 0
  const now = options.now ?? (() => new Date())

  if (options.readOnly) return openReadOnly(dbPath)
  fs.mkdirSync(path.dirname(dbPath), { recursive: true })
  let sqlite: Database.Database
  try {
    sqlite = new Database(dbPath)
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('journal_mode = WAL')
  } catch (err) {
    throw isCorrupt(err) ? corrupted(dbPath, (err as Error).message) : notALedger(dbPath, err)
  }
  try {
    // A damaged file is not written to (not even migrated): the clerk restores a backup instead.
    let check: string
    try {
      check = String(sqlite.pragma('quick_check', { simple: true }))
    } catch (err) {
      if (!isCorrupt(err)) throw err
      check = (err as Error).message
    }
    if (check !== 'ok') throw corrupted(dbPath, check)
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('synchronous = FULL')
    // 64 MB of page cache (the default is 2 MB): a county import touches every index page many times.
    sqlite.pragma('cache_size = -65536')
    const current = sqlite.pragma('user_version', { simple: true }) as number
    if (current > latest) {
      throw new LedgerError(
        'db_newer',
        `数据库文件「${dbPath}」由更新版本的乡镇帮扶台账创建（数据结构版本 ${current}），` +
          `本程序只认识到版本 ${latest}。为避免损坏数据，已拒绝打开。请安装最新版本的程序后再打开它。`,
      )
    }
    if (current === 0) {
      const tables = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
      if (tables.n > 0) throw notALedger(dbPath)
    }
    let preMigrationCopy: string | null = null
    if (current < latest && current > 0) {
      // The clerk's chosen backup folder if set (settings exists since version 1).
      const dir = (sqlite.prepare("SELECT value FROM settings WHERE key = 'backup.dir'").pluck().get() as string | undefined) || backupsDir(dbPath)
      preMigrationCopy = createBackupSync(sqlite, { dir, reason: 'pre-migration', now: now() }).file
    }
    migrate(sqlite, list, current, now)
    const db = new Kysely<LedgerSchema>({ dialect: new SqliteDialect({ database: sqlite }) })
    return {
      path: dbPath,
      sqlite,
      db,
      write: new LedgerWriter(sqlite, now),
      schemaVersion: latest,
      preMigrationCopy,
      async close() {
        // Kysely closes the handle only if it ever ran a query through it.
        await db.destroy()
        if (sqlite.open) sqlite.close()
      },
    }
  } catch (err) {
    sqlite.close()
    if (err instanceof LedgerError) throw err
    throw isCorrupt(err) ? corrupted(dbPath, (err as Error).message) : notALedger(dbPath, err)
  }
}

/** The file as it is, for reading only: writes fail with SQLITE_READONLY. */
function openReadOnly(dbPath: string): Ledger {
  let sqlite: Database.Database
  try {
    sqlite = new Database(dbPath, { readonly: true, fileMustExist: true })
  } catch (err) {
    throw notALedger(dbPath, err)
  }
  const db = new Kysely<LedgerSchema>({ dialect: new SqliteDialect({ database: sqlite }) })
  return {
    path: dbPath,
    sqlite,
    db,
    write: new LedgerWriter(sqlite, () => new Date()),
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    preMigrationCopy: null,
    async close() {
      await db.destroy()
      if (sqlite.open) sqlite.close()
    },
  }
}

const isCorrupt = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_CORRUPT')

function corrupted(dbPath: string, check: string): LedgerError {
  return new LedgerError(
    'db_corrupt',
    `台账文件「${dbPath}」未通过完整性检查（${check.replace(/\s+/g, ' ').slice(0, 200)}），文件已损坏。为免损坏扩大，没有打开它写入。` +
      '请从备份恢复（npm run cli -- restore --list 列出可用备份，或在程序中按提示恢复），并把损坏的文件交给技术支持。',
  )
}

function notALedger(dbPath: string, cause?: unknown): LedgerError {
  const detail = cause instanceof Error ? `（${cause.message}）` : ''
  return new LedgerError(
    'db_unreadable',
    `无法打开「${dbPath}」：它不是乡镇帮扶台账的数据库文件，或文件已损坏${detail}。请选择正确的文件，或从备份恢复。`,
  )
}

function migrate(sqlite: Database.Database, list: readonly Migration[], current: number, now: () => Date): void {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const applied = sqlite.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number
    name: string
  }[]
  for (const row of applied) {
    const known = list.find((m) => m.version === row.version)
    if (!known || known.name !== row.name) {
      throw new LedgerError(
        'db_diverged',
        `数据库的升级记录（版本 ${row.version}「${row.name}」）与本程序不一致，已拒绝打开以免损坏数据。请联系技术支持。`,
      )
    }
  }
  const record = sqlite.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const m of list) {
    if (m.version <= current) continue
    sqlite.transaction(() => {
      m.up(sqlite)
      record.run(m.version, m.name, now().toISOString())
      sqlite.pragma(`user_version = ${m.version}`)
    })()
  }
}

export { LATEST_SCHEMA_VERSION }
