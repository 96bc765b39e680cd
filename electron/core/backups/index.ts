/** Backups: verified copies, rotation, the daily copy, restore, and the folder setting. */
export {
  BACKUP_REASONS,
  PRE_OPERATION_REASONS,
  createBackup,
  createBackupSync,
  listBackups,
  verifyBackupFile,
  type BackupCheck,
  type BackupCounts,
  type BackupInfo,
  type BackupReason,
  type CreateBackupOptions,
} from './backup'
export { DEFAULT_ROTATION, dailyBackupIfDue, rotate, selectToKeep, type RotationPolicy, type RotationResult } from './rotation'
export { restoreBackupFile, type RestoreResult } from './restore'
export { BACKUP_DIR_KEY, defaultBackupDir, getBackupDir, setBackupDir } from './settings'
export { ensureWritableDir } from './folder'
export { checkLedgerFile, ledgerFileProblem, ledgerFileRefusal, newestVerifiedBackup, type LedgerFileCheck, type LedgerFileProblem } from './startup-check'

import type { Ledger } from '../db/ledger'
import { createBackup as create, type BackupInfo as Info } from './backup'
import { rotate as rotateDir } from './rotation'
import { getBackupDir as dirOf } from './settings'

/** A verified copy before an operation that rewrites many records, then rotation. */
export async function backupBefore(ledger: Pick<Ledger, 'path' | 'sqlite'>, reason: 'pre-import' | 'pre-undo'): Promise<Info> {
  const dir = dirOf(ledger)
  const info = await create(ledger, { dir, reason })
  rotateDir(dir)
  return info
}
