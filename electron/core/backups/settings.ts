/**
 * The backup folder setting. Stored in the ledger itself (settings table), so
 * it travels with the file; defaults to `backups/` beside the ledger file.
 *
 * settings has no `id` column and LedgerWriter's update() works by id, so the
 * row is written here with plain statements inside `ledger.write.run` (its
 * transaction) together with an audit_log row shaped like the writer's own:
 * table_name 'settings', record_id 0, field = the key, old → new.
 */
import path from 'node:path'
import { LedgerError } from '../../../shared/api/result'
import type { Ledger } from '../db/ledger'
import { backupsDir } from './folder'
import { ensureWritableDir } from './folder'

export const BACKUP_DIR_KEY = 'backup.dir'

export function defaultBackupDir(ledger: Pick<Ledger, 'path'>): string {
  return backupsDir(ledger.path)
}

/** The folder backups go to: the clerk's choice, else the default. */
export function getBackupDir(ledger: Pick<Ledger, 'path' | 'sqlite'>): string {
  const row = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(BACKUP_DIR_KEY) as { value: string } | undefined
  return row?.value || defaultBackupDir(ledger)
}

/**
 * Checks the folder really accepts files (creates it, writes and deletes a
 * probe), then stores it with an audit row. `null` returns to the default.
 * Returns the folder now in effect.
 */
export function setBackupDir(
  ledger: Pick<Ledger, 'path' | 'sqlite' | 'write'>,
  dir: string | null,
  actor: string,
  now: Date = new Date(),
): string {
  const value = dir === null ? null : dir.trim()
  if (value !== null && !path.isAbsolute(value)) {
    throw new LedgerError(
      'invalid_input',
      `备份文件夹「${value}」不是完整路径。请点「选择文件夹」选取，或输入以盘符开头的完整路径（如 E:\\台账备份）。`,
      'dir',
    )
  }
  const target = value === null ? null : path.resolve(value)
  ensureWritableDir(target ?? defaultBackupDir(ledger))

  ledger.write.run({ actor }, () => {
    const old = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(BACKUP_DIR_KEY) as { value: string } | undefined
    const oldValue = old?.value ?? null
    if (oldValue === target) return
    if (target === null) ledger.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(BACKUP_DIR_KEY)
    else ledger.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(BACKUP_DIR_KEY, target)
    const action = oldValue === null ? 'insert' : target === null ? 'delete' : 'update'
    ledger.sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, table_name, record_id, field, old_value, new_value, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(now.toISOString(), actor, action, 'settings', 0, BACKUP_DIR_KEY, oldValue, target, null)
  })
  return getBackupDir(ledger)
}
