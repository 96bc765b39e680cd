import path from 'node:path'
import type { BackupView } from '../../../shared/api/backups'
import { LedgerError } from '../../../shared/api/result'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { openLedger } from '../db/open'
import { createBackup, defaultBackupDir, getBackupDir, listBackups, restoreBackupFile, rotate, setBackupDir, type BackupInfo } from './index'
import type { AreaHandlers } from '../handler-types'

const view = (b: BackupInfo): BackupView => ({
  name: b.name,
  reason: b.reason,
  createdAt: b.createdAt,
  sizeBytes: b.sizeBytes,
  households: b.counts.households,
  members: b.counts.members,
  projects: b.counts.projects,
  newer: b.schemaVersion > LATEST_SCHEMA_VERSION,
  unknownOrigin: b.ledgerId === null,
})

/** The open ledger's own id (migration 019). */
const ledgerIdOf = (ledger: { sqlite: { prepare(sql: string): { pluck(): { get(): unknown } } } }): string | null =>
  (ledger.sqlite.prepare("SELECT value FROM settings WHERE key = 'ledger.id'").pluck().get() as string | undefined) ?? null

export const backupsHandlers: AreaHandlers<'backups'> = {
  'backups.ledgerCheck': (_input, ctx) => {
    const check = ctx.ledgerCheck
    if (!check) return { problem: null, message: null, newest: null }
    return { problem: check.problem, message: check.message, newest: check.newest ? view(check.newest) : null }
  },
  'backups.list': (_input, { ledger, ledgerCheck }) => {
    const dir = getBackupDir(ledger)
    // A ledger file gone, emptied or unreadable was replaced by a new one: every copy may bring it back.
    const id = ledgerCheck?.problem ? null : ledgerIdOf(ledger)
    return { ledgerFile: path.basename(ledger.path), dir, defaultDir: defaultBackupDir(ledger), backups: listBackups(dir, id).map(view) }
  },
  'backups.create': async (_input, { ledger }) => {
    const dir = getBackupDir(ledger)
    const info = await createBackup(ledger, { dir, reason: 'manual' })
    rotate(dir)
    return view(info)
  },
  'backups.restore': async ({ name }, ctx) => {
    const dir = getBackupDir(ctx.ledger)
    // Only this ledger's copies are offered; a name of another ledger's copy is refused.
    const id = ctx.ledgerCheck?.problem ? null : ledgerIdOf(ctx.ledger)
    if (id && !listBackups(dir, id).some((b) => b.name === name)) {
      throw new LedgerError('not_found', `备份「${name}」不是本台账文件的备份（或已不存在），不能用它恢复。请刷新备份列表后重选。`)
    }
    // Nothing may hold the file while it is replaced: wait for jobs, close, restore, reopen.
    await ctx.jobs.idle()
    const dbPath = ctx.ledger.path
    await ctx.ledger.close()
    try {
      const result = await restoreBackupFile(dbPath, path.join(dir, name), dir)
      ctx.ledgerCheck = null
      return { safetyCopy: result.safetyCopy?.name ?? null }
    } finally {
      ctx.ledger = openLedger(dbPath)
    }
  },
  'backups.setDir': ({ dir }, { ledger, actor }) => ({ dir: setBackupDir(ledger, dir, actor) }),
}
