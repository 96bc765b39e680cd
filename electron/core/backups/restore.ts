/**
 * Restoring a backup into the ledger file.
 *
 * Must run while the ledger is CLOSED: the main handle and every job's handle.
 * Overwriting a live database under other connections is unsafe, the running
 * app's caches (Kysely, LedgerWriter's column lists and statements) would be
 * stale, and a backup from an older schema has to go through openLedger's
 * migrations anyway. The caller therefore does:
 *
 *   await jobs.idle(); verifyBackupFile(file)        // refuse a bad pick while still open
 *   await ledger.close()
 *   try { result = await restoreBackupFile(ledger.path, file, dir) }
 *   finally { ledger = openLedger(ledger.path) }    // migrates an older backup
 *
 * How the content gets in: the ledger file is switched to a rollback journal
 * (which SQLite only allows with no other connection open: a built-in "is it
 * really closed?" check), copied aside as a verified 'pre-restore' backup, then
 * overwritten with SQLite's online backup API, using the backup file as the
 * source and the ledger file as the destination. SQLite writes the destination
 * in one journaled transaction, so a crash or error leaves the old content
 * intact. openLedger switches the file back to WAL.
 *
 * The ledger file's bytes are copied aside first (`damaged-ledger-….sqlite`,
 * a name listing and rotation ignore) and that copy is deleted once the
 * verified safety copy exists. When the ledger cannot be read or fails
 * integrity_check (the usual reason to restore), the byte copy is kept instead
 * and the file is replaced by a copy of the backup via a temp file and rename.
 */
import { restoreAttachmentsFrom } from '../db/attachments'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { LedgerError } from '../../../shared/api/result'
import { backupName, createBackup, inspectCopy, removeQuietly, verifyBackupFile, type BackupCheck, type BackupInfo } from './backup'
import { ensureDir, syncDir } from './folder'

export interface RestoreResult {
  /** Verified 'pre-restore' copy of the content that was replaced; null when the ledger file was unreadable or absent. */
  safetyCopy: BackupInfo | null
  /** Byte copy of an unreadable ledger file (and its -wal/-journal); not a backup, never rotated. Null normally. */
  damagedCopy: string | null
  /** What the ledger file holds now. */
  restored: BackupCheck
}

export async function restoreBackupFile(
  dbPath: string,
  backupFile: string,
  dir: string,
  options: { now?: Date } = {},
): Promise<RestoreResult> {
  if (path.resolve(backupFile) === path.resolve(dbPath)) {
    throw new LedgerError('backup_is_ledger', '选择的是正在使用的台账文件本身，不能用它恢复。请选择备份文件夹中的备份。')
  }
  const check = verifyBackupFile(backupFile)
  const now = options.now ?? new Date()

  // Opening a damaged file with SQLite can drop its -wal on close, so its bytes are saved
  // first; the raw copy is deleted again once a verified safety copy exists.
  const rawCopy = fs.existsSync(dbPath) ? copyRaw(dbPath, dir, now) : null
  let damaged = false
  let safetyCopy: BackupInfo | null = null
  try {
    let current: Database.Database | null = null
    if (rawCopy) {
      try {
        current = openAlone(dbPath)
      } catch (err) {
        if (!isUnreadable(err)) throw err instanceof LedgerError ? err : restoreFailed(err)
        damaged = true
      }
    }
    if (current) {
      try {
        safetyCopy = await createBackup({ sqlite: current }, { dir, reason: 'pre-restore', now })
      } catch (err) {
        // A copy that fails its check is the ledger's fault only if the ledger fails it too;
        // otherwise the backup folder is at fault and nothing may be overwritten.
        if (!(err instanceof LedgerError && err.code === 'backup_corrupt') || ledgerIntact(current)) throw err
        damaged = true
      } finally {
        current.close()
      }
    }
  } catch (err) {
    if (rawCopy) removeQuietly(rawCopy)
    throw err
  }
  const damagedCopy = damaged ? rawCopy : null
  if (rawCopy && !damaged) removeQuietly(rawCopy)

  if (damagedCopy) {
    replaceFile(dbPath, backupFile, damagedCopy)
  } else {
    const source = new Database(backupFile, { readonly: true, fileMustExist: true })
    try {
      await source.backup(dbPath)
    } catch (err) {
      throw restoreFailed(err)
    } finally {
      source.close()
    }
  }

  let restored: ReturnType<typeof inspectCopy>
  try {
    restored = inspectCopy(dbPath, true)
  } catch (err) {
    throw restoreFailed(err, safetyCopy?.file ?? damagedCopy)
  }
  if (restored.integrity !== 'ok' || restored.schemaVersion !== check.schemaVersion) {
    throw restoreFailed(new Error(restored.integrity ?? 'schema version differs'), safetyCopy?.file ?? damagedCopy)
  }
  // Evidence files the restored records name and this ledger folder lacks come back from the backup folder.
  try {
    restoreAttachmentsFrom(path.dirname(backupFile), dbPath)
  } catch (err) {
    throw restoreFailed(err, safetyCopy?.file ?? damagedCopy)
  }
  return { safetyCopy, damagedCopy, restored: { schemaVersion: restored.schemaVersion, counts: restored.counts } }
}

/** Opens the ledger file and proves no other connection has it open: SQLite refuses to leave WAL mode otherwise. */
function openAlone(dbPath: string): Database.Database {
  const db = new Database(dbPath, { fileMustExist: true })
  try {
    const mode = db.pragma('journal_mode = DELETE', { simple: true })
    if (mode !== 'delete') throw inUse(dbPath)
    return db
  } catch (err) {
    db.close()
    if (isBusy(err)) throw inUse(dbPath)
    throw err
  }
}

function ledgerIntact(db: Database.Database): boolean {
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok'
  } catch {
    return false
  }
}

function sqliteCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : ''
}

const isBusy = (err: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(err))
const isUnreadable = (err: unknown) => /^SQLITE_(NOTADB|CORRUPT)/.test(sqliteCode(err))

/** The ledger file and its -wal/-journal, byte for byte, as damaged-ledger-….sqlite (a name scanBackups ignores). */
function copyRaw(dbPath: string, dir: string, now: Date): string {
  ensureDir(dir)
  let at = now
  let target = path.join(dir, `damaged-${backupName(at, 'pre-restore')}`)
  while (fs.existsSync(target)) {
    at = new Date(at.getTime() + 1)
    target = path.join(dir, `damaged-${backupName(at, 'pre-restore')}`)
  }
  try {
    fs.copyFileSync(dbPath, target)
    for (const suffix of ['-wal', '-journal']) {
      if (fs.existsSync(dbPath + suffix)) fs.copyFileSync(dbPath + suffix, target + suffix)
    }
  } catch (err) {
    removeQuietly(target)
    throw new LedgerError(
      'restore_failed',
      `恢复前需要先把当前台账另存一份，但写入备份文件夹「${dir}」失败（${err instanceof Error ? err.message : String(err)}）。` +
        '台账未被改动。请检查备份文件夹（如U盘是否插好、空间是否足够）后重试。',
    )
  }
  return target
}

/** Whole-file replacement for a ledger SQLite cannot open; stale journals must go or SQLite would replay them onto the new file. */
function replaceFile(dbPath: string, backupFile: string, savedAs: string): void {
  const temp = `${dbPath}.restoring`
  try {
    fs.copyFileSync(backupFile, temp)
    const fd = fs.openSync(temp, 'r+')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(dbPath + suffix, { force: true })
    fs.renameSync(temp, dbPath)
    syncDir(path.dirname(dbPath))
  } catch (err) {
    fs.rmSync(temp, { force: true })
    throw restoreFailed(err, savedAs)
  }
}

function inUse(dbPath: string): LedgerError {
  return new LedgerError(
    'db_in_use',
    `台账文件「${dbPath}」仍在使用中（可能有导入、导出等任务正在进行），现在不能恢复。台账未被改动。请等任务结束后重试。`,
  )
}

/** With savedAs, the ledger file may have changed: point at the copy of what it held. */
function restoreFailed(err: unknown, savedAs?: string | null): LedgerError {
  const detail = err instanceof Error ? err.message : String(err)
  return new LedgerError(
    'restore_failed',
    savedAs
      ? `恢复没有顺利完成（${detail}）。恢复前的台账已另存为「${savedAs}」。请先不要继续录入，联系技术支持。`
      : `恢复失败（${detail}），台账未被改动。请检查磁盘空间后重试；如仍失败，请联系技术支持。`,
  )
}
