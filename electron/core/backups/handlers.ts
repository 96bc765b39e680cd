import path from 'node:path'
import type { BackupView } from '../../../shared/api/backups'
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
})

export const backupsHandlers: AreaHandlers<'backups'> = {
  'backups.ledgerCheck': (_input, ctx) => {
    const check = ctx.ledgerCheck
    if (!check) return { problem: null, message: null, newest: null }
    return { problem: check.problem, message: check.message, newest: check.newest ? view(check.newest) : null }
  },
  'backups.list': (_input, { ledger }) => {
    const dir = getBackupDir(ledger)
    return { dir, defaultDir: defaultBackupDir(ledger), backups: listBackups(dir).map(view) }
  },
  'backups.create': async (_input, { ledger }) => {
    const dir = getBackupDir(ledger)
    const info = await createBackup(ledger, { dir, reason: 'manual' })
    rotate(dir)
    return view(info)
  },
  'backups.restore': async ({ name }, ctx) => {
    const dir = getBackupDir(ctx.ledger)
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
