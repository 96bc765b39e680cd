/**
 * Verified backup copies of the ledger in a backup folder.
 *
 * A copy is written under a temporary name with SQLite's online backup API
 * (consistent while the ledger stays open), switched to a plain single-file
 * journal mode (so it never grows -wal/-shm companions on a USB drive), then
 * reopened read-only and checked with `PRAGMA integrity_check` before it gets
 * its final name. A name that exists is therefore a complete, checked copy.
 *
 * Names encode local time and reason, e.g.
 * `ledger-20261122-083000-000-pre-import.sqlite`: they sort by time and stay
 * meaningful after the files are copied elsewhere (mtimes do not).
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { LedgerError } from '../../../shared/api/result'
import { mirrorAttachmentsTo } from '../db/attachments'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import type { Ledger } from '../db/ledger'
import { ensureDir, folderUnwritable, syncDir } from './folder'

export const BACKUP_REASONS = ['daily', 'manual', 'pre-import', 'pre-undo', 'pre-restore', 'pre-migration'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** Copies taken automatically right before a risky operation. */
export const PRE_OPERATION_REASONS: ReadonlySet<BackupReason> = new Set(['pre-import', 'pre-undo', 'pre-restore', 'pre-migration'])

export interface BackupCounts {
  households: number
  members: number
  /** Null when the copy has no `projects` table (files older than that feature). */
  projects: number | null
}

export interface BackupInfo {
  /** Full path. */
  file: string
  name: string
  reason: BackupReason
  /** When the copy was taken (from the name), ISO 8601 UTC. */
  createdAt: string
  sizeBytes: number
  counts: BackupCounts
  /** The copy's `user_version`; greater than LATEST_SCHEMA_VERSION means a newer app wrote it. */
  schemaVersion: number
  /** The id of the ledger file it copies (settings 'ledger.id'); null for copies taken before ids existed. */
  ledgerId: string | null
}

/** What rotation needs: the name alone, no file opened. */
export type BackupEntry = Pick<BackupInfo, 'file' | 'name' | 'reason' | 'createdAt'>

export interface CreateBackupOptions {
  dir: string
  reason: BackupReason
  now?: Date
}

const NAME = /^ledger-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-([a-z-]+)\.sqlite$/
const PARTIAL_SUFFIX = '.partial'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Local calendar date as YYYYMMDD: "today" for the clerk is the office's day, not UTC's. */
export function localDayKey(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`
}

export function backupName(at: Date, reason: BackupReason): string {
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${pad(at.getMilliseconds(), 3)}`
  return `ledger-${localDayKey(at)}-${time}-${reason}.sqlite`
}

/** Parses a backup file name; null for anything else in the folder. */
export function parseBackupName(name: string): { reason: BackupReason; createdAt: Date } | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [y, mo, d, h, mi, s, ms, reason] = m.slice(1) as [string, string, string, string, string, string, string, string]
  if (!(BACKUP_REASONS as readonly string[]).includes(reason)) return null
  const at = new Date(+y, +mo - 1, +d, +h, +mi, +s, +ms)
  // Rejects impossible dates such as month 13, which Date would roll over.
  if (Number.isNaN(at.getTime()) || at.getMonth() !== +mo - 1 || at.getDate() !== +d) return null
  return { reason: reason as BackupReason, createdAt: at }
}

/** Backups in dir by name only, newest first; a missing folder has none. */
export function scanBackups(dir: string): BackupEntry[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  const entries: BackupEntry[] = []
  for (const name of names) {
    const parsed = parseBackupName(name)
    if (parsed) entries.push({ file: path.join(dir, name), name, reason: parsed.reason, createdAt: parsed.createdAt.toISOString() })
  }
  return entries.sort(newestFirst)
}

export function newestFirst(a: Pick<BackupInfo, 'createdAt' | 'name'>, b: Pick<BackupInfo, 'createdAt' | 'name'>): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0
}

/**
 * Every valid ledger backup in dir with its counts, newest first. Unreadable or foreign files are
 * skipped; with `ledgerId`, so are copies of another ledger file (copies without an id are kept).
 */
export function listBackups(dir: string, ledgerId?: string | null): BackupInfo[] {
  const infos: BackupInfo[] = []
  for (const entry of scanBackups(dir)) {
    try {
      const copy = inspectCopy(entry.file, false)
      if (!copy.isLedger) continue
      if (ledgerId && copy.ledgerId && copy.ledgerId !== ledgerId) continue
      infos.push({ ...entry, sizeBytes: fs.statSync(entry.file).size, counts: copy.counts, schemaVersion: copy.schemaVersion, ledgerId: copy.ledgerId })
    } catch {
      // Not SQLite, truncated, or removed meanwhile: not offered for restore.
    }
  }
  return infos
}

/** Takes a verified copy of the open ledger with SQLite's online backup API. */
export function createBackup(ledger: Pick<Ledger, 'sqlite'>, options: CreateBackupOptions): Promise<BackupInfo> {
  // One copy at a time in this process: five clicks on 立即备份 queue up instead of colliding.
  const run = queue.then(async () => {
    const { final, partial, at } = reserveName(options)
    try {
      await ledger.sqlite.backup(partial)
      // Evidence files (问题整改 photos, scans) go beside the copies, once each by their hash.
      mirrorAttachmentsTo(ledger.sqlite.name, options.dir)
    } catch (err) {
      removeQuietly(partial)
      throw writeFailed(options.dir, err)
    }
    return finish(partial, final, options.reason, at)
  })
  queue = run.then(
    () => undefined,
    () => undefined,
  )
  return run
}

/** The tail of this process's backups, each started when the one before has finished. */
let queue: Promise<void> = Promise.resolve()

/**
 * The same copy, synchronously, via `VACUUM INTO` (also a consistent online
 * copy). For callers that cannot await, e.g. openLedger before migrating.
 */
export function createBackupSync(sqlite: Database.Database, options: CreateBackupOptions): BackupInfo {
  const { final, partial, at } = reserveName(options)
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial)
    mirrorAttachmentsTo(sqlite.name, options.dir)
  } catch (err) {
    removeQuietly(partial)
    throw writeFailed(options.dir, err)
  }
  return finish(partial, final, options.reason, at)
}

export interface BackupCheck {
  schemaVersion: number
  counts: BackupCounts
}

/**
 * Checks that a file can be restored: readable, passes integrity_check, is a
 * ledger (has schema_migrations) and is not from a newer app. Throws the
 * clerk-facing reason otherwise.
 */
export function verifyBackupFile(file: string): BackupCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new LedgerError('backup_missing', `找不到备份文件「${file}」。如果它在U盘或移动硬盘上，请插好后重试；否则请从列表中选择其他备份。`)
  }
  let copy: CopyInspection
  try {
    copy = inspectCopy(file, true)
  } catch (err) {
    throw corruptBackup(file, err)
  }
  if (copy.integrity !== 'ok') throw corruptBackup(file)
  if (!copy.isLedger) {
    throw new LedgerError('backup_not_ledger', `「${file}」不是乡镇帮扶台账的备份文件，不能用它恢复。请选择备份文件夹中的其他备份。`)
  }
  if (copy.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new LedgerError(
      'backup_newer',
      `备份「${path.basename(file)}」由更新版本的乡镇帮扶台账生成（数据结构版本 ${copy.schemaVersion}），` +
        `本程序只认识到版本 ${LATEST_SCHEMA_VERSION}，不能用它恢复。请先安装最新版本的程序，再恢复这个备份。`,
    )
  }
  return { schemaVersion: copy.schemaVersion, counts: copy.counts }
}

interface CopyInspection {
  /** 'ok', the first problem reported, or null when not checked. */
  integrity: string | null
  isLedger: boolean
  schemaVersion: number
  counts: BackupCounts
  ledgerId: string | null
}

/** Opens a file read-only and reads what the backup list shows. Throws when it is not SQLite. */
export function inspectCopy(file: string, checkIntegrity: boolean): CopyInspection {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = checkIntegrity ? String(db.pragma('integrity_check', { simple: true })) : null
    const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined
    const count = (table: string) => (has(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : null)
    return {
      integrity,
      isLedger: has('schema_migrations') && has('households') && has('members'),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      counts: { households: count('households') ?? 0, members: count('members') ?? 0, projects: count('projects') },
      ledgerId: has('settings') ? ((db.prepare("SELECT value FROM settings WHERE key = 'ledger.id'").pluck().get() as string | undefined) ?? null) : null,
    }
  } finally {
    db.close()
  }
}

/**
 * A free name, reserved by creating its temporary file exclusively (an empty
 * file, which SQLite's backup and VACUUM INTO both accept as the target): two
 * copies in the same millisecond — also from a job's process, which has its
 * own queue — get names a millisecond apart and never share a temporary file.
 */
function reserveName(options: CreateBackupOptions): { final: string; partial: string; at: Date } {
  ensureDir(options.dir)
  let at = new Date((options.now ?? new Date()).getTime())
  for (;;) {
    const final = path.join(options.dir, backupName(at, options.reason))
    const partial = final + PARTIAL_SUFFIX
    if (!fs.existsSync(final)) {
      try {
        fs.closeSync(fs.openSync(partial, 'wx'))
        return { final, partial, at }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw folderUnwritable(options.dir, err)
      }
    }
    at = new Date(at.getTime() + 1)
  }
}

function finish(partial: string, final: string, reason: BackupReason, at: Date): BackupInfo {
  try {
    // The copy inherits the ledger's WAL flag; a rollback-journal file stays one self-contained file.
    const db = new Database(partial, { fileMustExist: true })
    try {
      db.pragma('journal_mode = DELETE')
    } finally {
      db.close()
    }
    const copy = inspectCopy(partial, true)
    if (copy.integrity !== 'ok') {
      throw new LedgerError(
        'backup_corrupt',
        `刚写入的备份未通过完整性检查（${copy.integrity}），已删除。当前台账文件或备份文件夹所在的磁盘可能有损坏。` +
          '请换一个备份文件夹再试；如仍失败，请联系技术支持。',
      )
    }
    fs.renameSync(partial, final)
    syncDir(path.dirname(final))
    return {
      file: final,
      name: path.basename(final),
      reason,
      createdAt: at.toISOString(),
      sizeBytes: fs.statSync(final).size,
      counts: copy.counts,
      schemaVersion: copy.schemaVersion,
      ledgerId: copy.ledgerId,
    }
  } catch (err) {
    removeQuietly(partial)
    if (err instanceof LedgerError) throw err
    throw new LedgerError(
      'backup_corrupt',
      `刚写入的备份无法读取（${err instanceof Error ? err.message : String(err)}），已删除。当前台账文件或备份文件夹所在的磁盘可能有损坏。` +
        '请换一个备份文件夹再试；如仍失败，请联系技术支持。',
    )
  }
}

/** Names the real cause: only a folder that cannot be written is blamed on the folder (or the USB drive). */
function writeFailed(dir: string, err: unknown): LedgerError {
  if (err instanceof LedgerError) return err
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : ''
  const detail = err instanceof Error ? `（${err.message}）` : ''
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) {
    return new LedgerError('backup_busy', `备份没有完成：台账正被另一项操作占用${detail}。台账和已有的备份都没有改动。请等当前的导入或备份结束后再备份一次。`)
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new LedgerError('backup_dir_full', `备份文件夹「${dir}」所在的磁盘已满${detail}，备份没有完成，台账没有改动。请删除不需要的文件腾出空间，或在「设置」中改用其他备份文件夹。`)
  }
  if (/^SQLITE_(CANTOPEN|READONLY|PERM|AUTH)/.test(code) || ['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR'].includes(code)) return folderUnwritable(dir, err)
  return new LedgerError(
    'backup_failed',
    `备份没有完成${detail}，台账没有改动。请再备份一次；如果仍然失败，读写磁盘可能出了问题（台账所在的磁盘或备份文件夹所在的磁盘），请换一个备份文件夹试试，或联系技术支持。`,
  )
}

function corruptBackup(file: string, cause?: unknown): LedgerError {
  const detail = cause instanceof Error ? `（${cause.message}）` : ''
  return new LedgerError(
    'backup_corrupt',
    `备份文件「${file}」已损坏或不是数据库文件，未通过完整性检查${detail}，不能用它恢复。请选择另一个备份。`,
  )
}

export function removeQuietly(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
}
