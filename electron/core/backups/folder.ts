/** Backup-folder checks shared by backups and the folder setting. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { LedgerError } from '../../../shared/api/result'

export function folderUnwritable(dir: string, cause?: unknown): LedgerError {
  const detail = cause instanceof Error ? `（${cause.message}）` : ''
  return new LedgerError(
    'backup_dir_unwritable',
    `备份文件夹「${dir}」无法写入${detail}。如果它在U盘或移动硬盘上，请插好后重试；` +
      '否则请在「设置」中改用其他备份文件夹。',
  )
}

/** Creates the folder if needed; throws the clerk-facing error if that is impossible. */
export function ensureDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true })
  } catch (err) {
    throw folderUnwritable(dir, err)
  }
}

/**
 * Proves the folder accepts files: creates it, writes, syncs and deletes a
 * probe. A folder on an unplugged USB drive or a read-only share fails here
 * rather than at the next backup.
 */
export function ensureWritableDir(dir: string): void {
  ensureDir(dir)
  const probe = path.join(dir, `.write-test-${process.pid}-${crypto.randomBytes(4).toString('hex')}`)
  try {
    const fd = fs.openSync(probe, 'wx')
    try {
      fs.writeSync(fd, 'township-ledger backup folder check')
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.rmSync(probe)
  } catch (err) {
    fs.rmSync(probe, { force: true })
    throw folderUnwritable(dir, err)
  }
}

/** Makes a rename durable where the platform allows it (not on Windows: directories cannot be opened). */
export function syncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/** The default backup folder: backups/ beside the ledger file. */
export function backupsDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups')
}
