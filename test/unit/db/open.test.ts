import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, openLedger } from '../../../electron/core/db/open'
import { migrations } from '../../../electron/core/db/migrations'
import type { Migration } from '../../../electron/core/db/migrations/types'
import { tempDir } from '../../helpers/temp'

describe('opening and migrating the ledger file', () => {
  it('creates a fresh file with WAL, foreign keys and every migration recorded', async () => {
    const file = path.join(tempDir(), 'sub', 'ledger.sqlite')
    const ledger = openLedger(file)
    expect(ledger.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ledger.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    const rows = ledger.sqlite.prepare('SELECT version, name FROM schema_migrations').all()
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })))
    expect(ledger.preMigrationCopy).toBeNull()
    await ledger.close()
  })

  it('refuses a database written by a newer version, in Chinese, without touching it', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite')
    await openLedger(file).close()
    const raw = new Database(file)
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    raw.close()
    const before = fs.readFileSync(file)
    expect(() => openLedger(file)).toThrow(/更新版本.*请安装最新版本/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('copies the file aside before migrating existing data, and keeps the data', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'ledger.sqlite')
    const v1 = openLedger(file)
    v1.write.run({ actor: 't' }, (w) => w.insert('villages', { name: '青山村', county: '甲县', township: '乙镇' }))
    await v1.close()

    const addColumn: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test_add_column',
      up: (db) => db.exec('ALTER TABLE villages ADD COLUMN note TEXT'),
    }
    const v2 = openLedger(file, { migrations: [...migrations, addColumn], now: () => new Date('2026-11-22T08:00:00Z') })
    expect(v2.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1)
    expect(path.dirname(v2.preMigrationCopy!)).toBe(path.join(dir, 'backups'))
    expect(path.basename(v2.preMigrationCopy!)).toMatch(/^ledger-20261122-\d{6}-\d{3}-pre-migration\.sqlite$/)
    const copy = new Database(v2.preMigrationCopy!, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(copy.prepare('SELECT name FROM villages').all()).toEqual([{ name: '青山村' }])
    copy.close()
    expect(v2.sqlite.prepare('SELECT name, note FROM villages').all()).toEqual([{ name: '青山村', note: null }])
    await v2.close()
  })

  it('drops the member-name index no query uses (migration 12) from a version-11 file', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite')
    await openLedger(file, { migrations: migrations.filter((m) => m.version <= 11) }).close()
    const index = (l: Database.Database) => l.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'members_name'").pluck().get()
    const raw = new Database(file, { readonly: true })
    expect(index(raw)).toBe(1)
    raw.close()
    const upgraded = openLedger(file)
    expect(index(upgraded.sqlite)).toBe(0)
    expect(upgraded.preMigrationCopy).not.toBeNull()
    await upgraded.close()
  })

  it('rolls back a failing migration and leaves the file at the old version', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite')
    await openLedger(file).close()
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER)')
        throw new Error('boom')
      },
    }
    expect(() => openLedger(file, { migrations: [...migrations, broken] })).toThrow()
    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 })
    raw.close()
  })

  it('refuses files that are not a ledger, and a diverging migration history', async () => {
    const dir = tempDir()
    const text = path.join(dir, 'notes.sqlite')
    fs.writeFileSync(text, 'this is not sqlite at all, just text '.repeat(200))
    expect(() => openLedger(text)).toThrow(/不是乡镇帮扶台账的数据库文件/)

    const other = path.join(dir, 'other.sqlite')
    const raw = new Database(other)
    raw.exec('CREATE TABLE foo (x)')
    raw.close()
    expect(() => openLedger(other)).toThrow(/不是乡镇帮扶台账的数据库文件/)

    const file = path.join(dir, 'ledger.sqlite')
    await openLedger(file).close()
    const renamed = migrations.map((m, i) => (i === 0 ? { ...m, name: 'renamed' } : m))
    expect(() => openLedger(file, { migrations: renamed })).toThrow(/升级记录.*不一致/)
  })
})
