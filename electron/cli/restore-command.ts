/**
 * `cli restore [--list] [BACKUP]`: the backups of a ledger, and putting one back without the UI —
 * for an office whose ledger file is gone, empty or damaged. Without BACKUP it takes the newest
 * backup that passes its checks; the content it replaces is kept as a verified pre-restore copy.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { BACKUP_REASON_LABELS } from '../../shared/api/backups'
import { BACKUP_DIR_KEY, listBackups, newestVerifiedBackup, restoreBackupFile } from '../core/backups'
import { backupsDir } from '../core/backups/folder'
import { openLedger } from '../core/db/open'
import type { CliOutput } from './project-command'

/** The ledger's backup folder: the clerk's chosen one when the file can still say, else backups/ beside it. */
export function cliBackupDir(dbPath: string): string {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true })
    try {
      const dir = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(BACKUP_DIR_KEY) as string | undefined
      if (dir) return dir
    } finally {
      db.close()
    }
  } catch {
    // gone, empty or damaged: the default folder
  }
  return backupsDir(dbPath)
}

export async function restoreCommand(dbPath: string, backup: string | undefined, options: { list: boolean; json: boolean }, io: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  const dir = cliBackupDir(dbPath)
  if (options.list) {
    const list = listBackups(dir)
    if (options.json) io.out(JSON.stringify({ dir, backups: list.map((b) => ({ name: b.name, reason: b.reason, createdAt: b.createdAt, households: b.counts.households, members: b.counts.members })) }))
    else if (!list.length) io.out(`备份文件夹「${dir}」中没有备份。`)
    else {
      io.out(`备份文件夹：${dir}`)
      for (const b of list) io.out(`${b.name}  ${BACKUP_REASON_LABELS[b.reason] ?? b.reason}  ${b.counts.households} 户 ${b.counts.members} 人`)
    }
    return 0
  }
  const file = backup ? (fs.existsSync(path.join(dir, backup)) ? path.join(dir, backup) : path.resolve(backup)) : newestVerifiedBackup(dir)?.file
  if (!file) {
    io.err(`备份文件夹「${dir}」中没有可用的备份（有数据并通过完整性检查的）。请把 U 盘或其他地方保存的备份复制到该文件夹后再运行，或指定备份文件：npm run cli -- restore 备份文件路径`)
    return 2
  }
  const result = await restoreBackupFile(dbPath, file, dir)
  // Opening migrates a backup from an older version and switches the file back to WAL.
  const ledger = openLedger(dbPath)
  await ledger.close()
  const saved = result.safetyCopy ? `恢复前的数据已另存为「${result.safetyCopy.name}」。` : result.damagedCopy ? `原文件已原样另存为「${path.basename(result.damagedCopy)}」。` : ''
  if (options.json) io.out(JSON.stringify({ restored: path.basename(file), households: result.restored.counts.households, members: result.restored.counts.members, safetyCopy: result.safetyCopy?.name ?? null }))
  else io.out(`已从「${path.basename(file)}」恢复：${result.restored.counts.households} 户、${result.restored.counts.members} 人。${saved}`)
  return 0
}
