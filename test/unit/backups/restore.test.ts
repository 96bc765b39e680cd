import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { backupName, createBackup, listBackups, verifyBackupFile } from '../../../electron/core/backups/backup'
import { restoreBackupFile } from '../../../electron/core/backups/restore'
import { migrations } from '../../../electron/core/db/migrations'
import { LATEST_SCHEMA_VERSION, openLedger } from '../../../electron/core/db/open'
import { tempDir } from '../../helpers/temp'
import { addHouseholds, closeFully, integrityOf, scribble, seededLedger, snapshotFile, snapshotOf } from './fixtures'

const now = new Date(2026, 10, 22, 10, 0)

/** A ledger with a backup taken, then more households written after it. */
async function ledgerWithBackup() {
  const s = seededLedger(2, 3, 2)
  const backup = await createBackup(s.ledger, { dir: s.backups, reason: 'manual', now: new Date(2026, 10, 21, 9) })
  addHouseholds(s.ledger, 1, 4, 1, 'X')
  s.ledger.write.run({ actor: '测试' }, (w) => w.update('members', 1, { name: '改过的名字' }))
  return { ...s, backup, before: snapshotOf(s.ledger.sqlite) }
}

function filesBeside(dbPath: string): string[] {
  return fs.readdirSync(path.dirname(dbPath)).filter((f) => f !== 'backups')
}

describe('restoring a backup', () => {
  it('puts the backup content into the closed ledger file after saving the current state', async () => {
    const { ledger, backups, backup, before } = await ledgerWithBackup()
    expect(before.households).toHaveLength(10)
    await closeFully(ledger)

    const result = await restoreBackupFile(ledger.path, backup.file, backups, { now })
    expect(result.damagedCopy).toBeNull()
    expect(result.restored.counts).toEqual({ households: 6, members: 12, projects: 0 })
    const safety = result.safetyCopy!
    expect(safety.name).toBe(backupName(now, 'pre-restore'))
    expect(safety.counts).toEqual({ households: 10, members: 16, projects: 0 })
    expect(snapshotFile(safety.file)).toEqual(before)
    expect(integrityOf(safety.file)).toBe('ok')

    const reopened = openLedger(ledger.path)
    expect(snapshotOf(reopened.sqlite)).toEqual(snapshotFile(backup.file))
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(reopened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    // The restored ledger takes writes as usual.
    addHouseholds(reopened, 1, 1, 1, 'Y')
    await closeFully(reopened)
    expect(filesBeside(ledger.path)).toEqual(['ledger.sqlite'])
    expect(fs.readdirSync(backups).sort()).toEqual([backup.name, safety.name].sort()) // no raw copy left behind
  })

  it('restores a backup from an older app version, which openLedger then migrates', async () => {
    const oldDir = tempDir()
    const old = openLedger(path.join(oldDir, 'old.sqlite'), { migrations: [migrations[0]!] })
    old.write.run({ actor: 't' }, (w) => w.insert('villages', { name: '旧村' }))
    const oldBackup = await createBackup(old, { dir: oldDir, reason: 'manual' })
    await closeFully(old)
    expect(oldBackup.schemaVersion).toBe(1)

    const { ledger, backups } = seededLedger(1, 1, 1)
    await closeFully(ledger)
    const result = await restoreBackupFile(ledger.path, oldBackup.file, backups, { now })
    expect(result.restored.schemaVersion).toBe(1)
    const reopened = openLedger(ledger.path)
    expect(reopened.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(reopened.sqlite.prepare('SELECT name FROM villages').all()).toEqual([{ name: '旧村' }])
    await closeFully(reopened)
  })

  it('refuses while the ledger is still open, and changes nothing', async () => {
    const { ledger, backups, backup, before } = await ledgerWithBackup()
    await expect(restoreBackupFile(ledger.path, backup.file, backups, { now })).rejects.toMatchObject({
      code: 'db_in_use',
      message: expect.stringMatching(/仍在使用中.*台账未被改动/),
    })
    expect(snapshotOf(ledger.sqlite)).toEqual(before)
    expect(fs.readdirSync(backups)).toEqual([backup.name])
    await closeFully(ledger)
  })

  it('refuses corrupt, foreign, missing and newer backups in Chinese before touching anything', async () => {
    const { ledger, backups, backup, before } = await ledgerWithBackup()
    await closeFully(ledger)
    const at = (h: number) => path.join(backups, backupName(new Date(2026, 10, 22, h), 'manual'))

    const garbage = at(1)
    fs.writeFileSync(garbage, 'SQLite format 3\0'.padEnd(8192, '垃圾'))
    const damaged = at(2)
    fs.copyFileSync(backup.file, damaged)
    const root = new Database(damaged, { readonly: true })
    const { rootpage } = root.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'members'").get() as { rootpage: number }
    root.close()
    scribble(damaged, 4096 * (rootpage - 1), 4096)
    const foreign = at(3)
    new Database(foreign).exec('CREATE TABLE households (x); CREATE TABLE members (y)')
    const newer = at(4)
    fs.copyFileSync(backup.file, newer)
    const raw = new Database(newer)
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    raw.close()

    expect(listBackups(backups).map((b) => b.file)).toEqual([newer, damaged, backup.file]) // garbage and foreign are not offered
    expect(listBackups(backups)[0]?.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1) // the UI can mark it

    const cases: [string, RegExp][] = [
      [garbage, /备份文件「.*」已损坏或不是数据库文件.*请选择另一个备份/],
      [damaged, /已损坏.*未通过完整性检查/],
      [foreign, /不是乡镇帮扶台账的备份文件/],
      [newer, new RegExp(`更新版本.*版本 ${LATEST_SCHEMA_VERSION + 1}.*请先安装最新版本`)],
      [path.join(backups, 'gone.sqlite'), /找不到备份文件/],
      [ledger.path, /正在使用的台账文件本身/],
    ]
    for (const [file, message] of cases) {
      if (file !== ledger.path) expect(() => verifyBackupFile(file)).toThrow(message)
      await expect(restoreBackupFile(ledger.path, file, backups, { now })).rejects.toThrow(message)
    }
    expect(snapshotFile(ledger.path)).toEqual(before)
    expect(listBackups(backups).some((b) => b.reason === 'pre-restore')).toBe(false)
  })

  it('saves an unreadable ledger byte for byte, then replaces it', async () => {
    const { ledger, backups, backup } = await ledgerWithBackup()
    await closeFully(ledger)
    const junk = Buffer.from('这不是数据库'.repeat(2000))
    fs.writeFileSync(ledger.path, junk)
    fs.writeFileSync(`${ledger.path}-wal`, 'stale wal')

    const result = await restoreBackupFile(ledger.path, backup.file, backups, { now })
    expect(result.safetyCopy).toBeNull()
    expect(path.basename(result.damagedCopy!)).toBe(`damaged-${backupName(now, 'pre-restore')}`)
    expect(fs.readFileSync(result.damagedCopy!).equals(junk)).toBe(true)
    expect(fs.readFileSync(`${result.damagedCopy!}-wal`, 'utf8')).toBe('stale wal')
    expect(filesBeside(ledger.path)).toEqual(['ledger.sqlite'])
    const reopened = openLedger(ledger.path)
    expect(snapshotOf(reopened.sqlite)).toEqual(snapshotFile(backup.file))
    await closeFully(reopened)
    // The damaged copy is not a backup: never listed, never rotated.
    expect(listBackups(backups).map((b) => b.name)).toEqual([backup.name])
  })

  it('treats a ledger that fails integrity_check as damaged rather than backing it up', async () => {
    const { ledger, backups, backup } = await ledgerWithBackup()
    const { rootpage } = ledger.sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'members'").get() as { rootpage: number }
    await closeFully(ledger)
    scribble(ledger.path, 4096 * (rootpage - 1), 4096)
    const damagedBytes = fs.readFileSync(ledger.path)

    const result = await restoreBackupFile(ledger.path, backup.file, backups, { now })
    expect(result.safetyCopy).toBeNull()
    expect(fs.readFileSync(result.damagedCopy!).equals(damagedBytes)).toBe(true)
    expect(fs.readdirSync(backups).filter((f) => f.startsWith('damaged-'))).toEqual([path.basename(result.damagedCopy!)])
    expect(integrityOf(ledger.path)).toBe('ok')
    expect(snapshotFile(ledger.path)).toEqual(snapshotFile(backup.file))
  })
})
