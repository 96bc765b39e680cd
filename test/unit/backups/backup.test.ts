import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { backupName, createBackup, createBackupSync, listBackups, parseBackupName } from '../../../electron/core/backups/backup'
import { tempDir } from '../../helpers/temp'
import { addHouseholds, closeFully, integrityOf, scribble, seededLedger, snapshotFile, snapshotOf } from './fixtures'

const at = (d: number, h: number, mi = 0, s = 0, ms = 0) => new Date(2026, 10, d, h, mi, s, ms)

describe('backup copies', () => {
  it('copies the open ledger with its content, counts and a sortable name, as one self-contained file', async () => {
    const { ledger, backups } = seededLedger(2, 3, 2)
    const info = await createBackup(ledger, { dir: backups, reason: 'pre-import', now: at(22, 8, 30, 0, 7) })
    expect(info.name).toBe('ledger-20261122-083000-007-pre-import.sqlite')
    expect(info.file).toBe(path.join(backups, info.name))
    expect(info.createdAt).toBe(at(22, 8, 30, 0, 7).toISOString())
    expect(info.counts).toEqual({ households: 6, members: 12, projects: 0 })
    expect(info.sizeBytes).toBe(fs.statSync(info.file).size)
    expect(snapshotFile(info.file)).toEqual(snapshotOf(ledger.sqlite))
    expect(integrityOf(info.file)).toBe('ok')
    // Rollback journal, not WAL: reading it later creates no -wal/-shm beside it (on a USB drive).
    expect(fs.readdirSync(backups)).toEqual([info.name])
    await ledger.close()
  })

  it('includes writes still in the WAL, and later writes do not reach the copy', async () => {
    const { ledger, backups } = seededLedger(1, 1, 1)
    addHouseholds(ledger, 1, 2, 3, 'B')
    const info = await createBackup(ledger, { dir: backups, reason: 'manual' })
    addHouseholds(ledger, 1, 5, 1, 'C')
    expect(info.counts).toEqual({ households: 3, members: 7, projects: 0 })
    expect(listBackups(backups)[0]?.counts).toEqual({ households: 3, members: 7, projects: 0 })
    await ledger.close()
  })

  it('counts the projects of the ledger', async () => {
    const { ledger, backups } = seededLedger(1, 1, 1)
    ledger.write.run({ actor: '张干事' }, (w) => ['道路硬化', '饮水改造'].forEach((name) => w.insert('projects', { name })))
    const info = await createBackup(ledger, { dir: backups, reason: 'manual' })
    expect(info.counts.projects).toBe(2)
    await ledger.close()
  })

  it('gives two copies in the same millisecond different names, in order', async () => {
    const { ledger, backups } = seededLedger(1, 1, 1)
    const a = await createBackup(ledger, { dir: backups, reason: 'manual', now: at(22, 9) })
    const b = await createBackup(ledger, { dir: backups, reason: 'manual', now: at(22, 9) })
    expect(a.name).toBe('ledger-20261122-090000-000-manual.sqlite')
    expect(b.name).toBe('ledger-20261122-090000-001-manual.sqlite')
    expect(listBackups(backups).map((i) => i.name)).toEqual([b.name, a.name])
    await ledger.close()
  })

  it('makes the same verified copy synchronously (for openLedger before migrating)', async () => {
    const { ledger, backups } = seededLedger(1, 2, 2)
    const info = createBackupSync(ledger.sqlite, { dir: backups, reason: 'pre-migration', now: at(22, 7) })
    expect(info.name).toBe('ledger-20261122-070000-000-pre-migration.sqlite')
    expect(snapshotFile(info.file)).toEqual(snapshotOf(ledger.sqlite))
    await ledger.close()
  })

  it('deletes a copy that fails integrity_check and says so in Chinese', async () => {
    const { ledger, backups } = seededLedger(2, 3, 2)
    const file = ledger.path
    const { rootpage } = ledger.sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'members'").get() as { rootpage: number }
    await closeFully(ledger)
    scribble(file, 4096 * (rootpage - 1), 4096) // the members table's page: the file still opens, the check fails
    const damaged = new Database(file)
    await expect(createBackup({ sqlite: damaged }, { dir: backups, reason: 'manual' })).rejects.toThrow(/未通过完整性检查|无法读取/)
    damaged.close()
    expect(fs.readdirSync(backups)).toEqual([])
  })

  it('refuses a folder it cannot create, naming it', async () => {
    const { ledger, dir } = seededLedger(1, 1, 1)
    fs.writeFileSync(path.join(dir, 'a-file'), 'x')
    const bad = path.join(dir, 'a-file', 'backups')
    await expect(createBackup(ledger, { dir: bad, reason: 'manual' })).rejects.toThrow(`备份文件夹「${bad}」无法写入`)
    await ledger.close()
  })
})

describe('the backup list', () => {
  it('lists valid backups newest first and skips garbage, foreign databases and other names', async () => {
    const { ledger, backups } = seededLedger(1, 2, 1)
    const older = await createBackup(ledger, { dir: backups, reason: 'daily', now: at(20, 8) })
    const newer = await createBackup(ledger, { dir: backups, reason: 'manual', now: at(21, 8) })
    fs.writeFileSync(path.join(backups, backupName(at(22, 8), 'daily')), 'not a database '.repeat(500))
    fs.writeFileSync(path.join(backups, backupName(at(22, 9), 'manual')), '')
    const foreign = new Database(path.join(backups, backupName(at(22, 10), 'manual')))
    foreign.exec('CREATE TABLE other (x)')
    foreign.close()
    fs.copyFileSync(newer.file, path.join(backups, 'my copy.sqlite'))
    fs.writeFileSync(path.join(backups, 'notes.txt'), 'hello')

    const list = listBackups(backups)
    expect(list.map((i) => i.name)).toEqual([newer.name, older.name])
    expect(list[0]).toEqual(newer)
    expect(listBackups(path.join(backups, 'missing'))).toEqual([])
    await ledger.close()
  })

  it('parses only well-formed names', () => {
    expect(parseBackupName('ledger-20261122-083000-000-pre-undo.sqlite')).toEqual({ reason: 'pre-undo', createdAt: at(22, 8, 30) })
    expect(parseBackupName('ledger-20261322-083000-000-daily.sqlite')).toBeNull()
    expect(parseBackupName('ledger-20261122-083000-000-weekly.sqlite')).toBeNull()
    expect(parseBackupName('ledger-20261122-083000-000-daily.sqlite.partial')).toBeNull()
    expect(parseBackupName(`x${backupName(at(22, 8), 'daily')}`)).toBeNull()
  })

  it('needs no backup folder to exist until the first copy', () => {
    expect(listBackups(path.join(tempDir(), 'none'))).toEqual([])
  })
})
