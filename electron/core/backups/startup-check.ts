/**
 * The ledger file's state at start, before anything opens (and so creates) it.
 *
 * A ledger that is gone, empty (0 bytes) or not readable as SQLite, with
 * backups beside it, is not silently replaced by an empty ledger: the core
 * starts on a stand-in and offers the newest backup that passes its checks.
 * A file that opens but fails `PRAGMA quick_check` is opened read-only.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { verifyBackupFile, listBackups, type BackupInfo } from './backup'
import { backupsDir } from './folder'

export type LedgerFileProblem = 'missing' | 'empty' | 'unreadable' | 'corrupt'

export interface LedgerFileCheck {
  problem: LedgerFileProblem | null
  /** The newest backup in the default folder that passes verifyBackupFile; null when none does. */
  newest: BackupInfo | null
  /** For the clerk: what is wrong and what to do. Null when the file is fine. */
  message: string | null
}

/** What the file is, without creating or changing it. */
export function ledgerFileProblem(dbPath: string): LedgerFileProblem | null {
  let size: number
  try {
    size = fs.statSync(dbPath).size
  } catch {
    return 'missing'
  }
  if (size === 0) return 'empty'
  let db: Database.Database
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true })
  } catch {
    return 'unreadable'
  }
  try {
    const result = db.pragma('quick_check', { simple: true })
    return result === 'ok' ? null : 'corrupt'
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : ''
    return code.startsWith('SQLITE_NOTADB') ? 'unreadable' : 'corrupt'
  } finally {
    db.close()
  }
}

/** The newest backup in dir that passes integrity_check and is a ledger this app can read. */
export function newestVerifiedBackup(dir: string): BackupInfo | null {
  for (const b of listBackups(dir)) {
    try {
      verifyBackupFile(b.file)
      if (b.counts.households > 0 || b.counts.members > 0) return b
    } catch {
      // damaged or from a newer app: try the next older one
    }
  }
  return null
}

const WHAT: Record<LedgerFileProblem, string> = {
  missing: '不见了（可能被误删或移走）',
  empty: '是空的（0 字节，可能在复制或断电时被清空）',
  unreadable: '无法读取（不是数据库文件，或已严重损坏）',
  corrupt: '未通过完整性检查（文件已损坏），现以只读方式打开，不能修改',
}

/** Checks the file; a problem is only reported where something can be done or must be said. */
export function checkLedgerFile(dbPath: string): LedgerFileCheck {
  const problem = ledgerFileProblem(dbPath)
  if (!problem) return { problem: null, newest: null, message: null }
  const newest = newestVerifiedBackup(backupsDir(dbPath))
  // A first start: no ledger and no backups is simply a new office.
  if (!newest && (problem === 'missing' || problem === 'empty')) return { problem: null, newest: null, message: null }
  const file = path.basename(dbPath)
  const offer = newest
    ? `最新的可用备份是「${newest.name}」（${newest.counts.households} 户、${newest.counts.members} 人，已通过完整性检查）。` +
      '请在「数据与备份」页点「恢复这个备份」，或在命令行运行 npm run cli -- restore。'
    : `备份文件夹「${backupsDir(dbPath)}」中没有可用的备份。请不要继续录入，把 U 盘或其他地方保存的备份复制到该文件夹后重新启动，或联系技术支持。`
  return { problem, newest, message: `台账文件「${file}」${WHAT[problem]}。${offer}` }
}

/**
 * While the core runs on a stand-in for a ledger that is gone, empty or
 * unreadable (or on a damaged one opened read-only), operations that would
 * write are refused: a stand-in's changes are not saved, and long work (the
 * demo township, imports) opens the file itself and would create a new ledger
 * at the real path, burying the problem under data that looks fine.
 */
export function ledgerFileRefusal(check: LedgerFileCheck | null, op: string): { code: string; message: string } | null {
  if (!check?.problem) return null
  const what =
    op === 'demo.load'
      ? '现在不能载入示例乡镇：示例数据会在台账文件的位置新建一个台账，把原来的问题掩盖。'
      : '在恢复之前不能修改台账（修改不会保存到台账文件）。'
  return { code: 'ledger_file_problem', message: `${what}${check.message ?? ''}` }
}
