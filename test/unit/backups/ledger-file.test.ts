import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { LedgerEvent } from '../../../shared/api/jobs'
import type { CoreContext } from '../../../electron/core/context'
import { createCore } from '../../../electron/core/create-core'
import { dispatch } from '../../../electron/core/dispatch'
import { createBackup, rotate } from '../../../electron/core/backups'
import { openLedger } from '../../../electron/core/db/open'
import { tempDir } from '../../helpers/temp'
import { addHouseholds } from './fixtures'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

const events: LedgerEvent[] = []
const start = (dbPath: string) => {
  const core = createCore({ dbPath, appVersion: 't', jobMode: 'inline', emit: (e) => events.push(e) })
  cores.push(core)
  return core
}
async function call<T>(core: CoreContext, name: string, input: unknown = {}): Promise<T> {
  const r = await dispatch(core, name as never, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}
const households = (file: string) => {
  const d = new Database(file, { readonly: true })
  try {
    return d.prepare('SELECT count(*) FROM households').pluck().get() as number
  } finally {
    d.close()
  }
}

/** A ledger with 12 households and 24 members, and two verified backups of it in backups/ beside it. */
async function ledgerWithBackups(): Promise<{ dbPath: string; backups: string; names: string[] }> {
  const dbPath = path.join(tempDir('ledger-file-'), 'ledger.sqlite')
  const ledger = openLedger(dbPath)
  addHouseholds(ledger, 2, 6, 2, 'A')
  const backups = path.join(path.dirname(dbPath), 'backups')
  const older = await createBackup(ledger, { dir: backups, reason: 'manual', now: new Date(2026, 10, 20, 9) })
  const newer = await createBackup(ledger, { dir: backups, reason: 'daily', now: new Date(2026, 10, 21, 9) })
  await ledger.close()
  return { dbPath, backups, names: [newer.name, older.name] }
}

const damage: Record<'missing' | 'empty' | 'unreadable', (dbPath: string) => void> = {
  missing: (dbPath) => {
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true })
  },
  empty: (dbPath) => {
    for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true })
    fs.truncateSync(dbPath, 0)
  },
  unreadable: (dbPath) => {
    for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true })
    fs.writeFileSync(dbPath, Buffer.alloc(8192, 0x5a))
  },
}

describe('a ledger file gone, emptied or unreadable, with backups beside it', () => {
  for (const problem of ['missing', 'empty', 'unreadable'] as const) {
    it(`${problem}: says so, offers the newest verified backup, takes no daily copy, and the restore brings the data back`, async () => {
      const { dbPath, backups, names } = await ledgerWithBackups()
      damage[problem](dbPath)
      const sizeBefore = fs.existsSync(dbPath) ? fs.statSync(dbPath).size : -1
      const core = start(dbPath)
      await core.startupBackup
      const check = await call<{ problem: string; message: string; newest: { name: string; households: number } | null }>(core, 'backups.ledgerCheck')
      expect(check.problem).toBe(problem)
      expect(check.newest).toMatchObject({ name: names[0], households: 12 })
      expect(check.message).toContain('ledger.sqlite')
      expect(check.message).toContain(names[0])
      // Nothing was written over: no empty ledger in its place, no "daily" copy of one.
      expect(fs.existsSync(dbPath) ? fs.statSync(dbPath).size : -1).toBe(sizeBefore)
      expect(fs.readdirSync(backups).filter((f) => f.endsWith('.sqlite')).sort()).toEqual([...names].sort())

      await call(core, 'backups.restore', { name: names[0] })
      expect(households(dbPath)).toBe(12)
      expect((await call<{ householdCount: number }>(core, 'app.info')).householdCount).toBe(12)
      expect((await call<{ problem: string | null }>(core, 'backups.ledgerCheck')).problem).toBeNull()
    })
  }

  for (const problem of ['missing', 'empty', 'unreadable'] as const) {
    it(`${problem}: the demo township and every other write are refused until the restore, and nothing is created at the ledger's path`, async () => {
      const { dbPath, names } = await ledgerWithBackups()
      damage[problem](dbPath)
      const before = fs.existsSync(dbPath) ? fs.readFileSync(dbPath) : null
      const core = start(dbPath)
      expect((await call<{ ledgerProblem: string | null }>(core, 'app.info')).ledgerProblem).toBe(problem)
      const demo = await dispatch(core, 'demo.load', { households: 10 })
      expect(demo).toMatchObject({ ok: false, error: { code: 'ledger_file_problem', message: expect.stringMatching(/^现在不能载入示例乡镇：示例数据会在台账文件的位置新建一个台账.*台账文件「ledger\.sqlite」.*恢复这个备份/) } })
      expect(await dispatch(core, 'backups.create', {})).toMatchObject({ ok: false, error: { code: 'ledger_file_problem', message: expect.stringMatching(/^在恢复之前不能修改台账/) } })
      await core.jobs.idle()
      // The file is as the problem left it: no demo ledger in its place, no WAL beside it.
      expect(fs.existsSync(dbPath) ? fs.readFileSync(dbPath) : null).toEqual(before)
      expect(fs.existsSync(`${dbPath}-wal`)).toBe(false)
      // Reads still answer; long reads (the roster export) refuse rather than create the file in their own connection.
      expect(await dispatch(core, 'households.list', {})).toMatchObject({ ok: true })
      if (problem !== 'unreadable') {
        const started = (await dispatch(core, 'households.export', { layout: 'standard' })) as { ok: true; value: { jobId: string } }
        await core.jobs.idle()
        expect(events.find((e) => 'jobId' in e && e.jobId === started.value.jobId && e.type === 'job.failed')).toMatchObject({
          error: { code: 'ledger_file_problem', message: expect.stringMatching(/^台账文件「ledger\.sqlite」不见了或是空的，这项工作没有进行。/) },
        })
        expect(fs.existsSync(dbPath) ? fs.readFileSync(dbPath) : null).toEqual(before)
      }

      await call(core, 'backups.restore', { name: names[0] })
      expect((await call<{ ledgerProblem: string | null }>(core, 'app.info')).ledgerProblem).toBeNull()
      expect(await dispatch(core, 'backups.create', {})).toMatchObject({ ok: true })
    })
  }

  it('a first start (no ledger, no backups) is a new office: no problem reported', async () => {
    const dbPath = path.join(tempDir('ledger-file-'), 'ledger.sqlite')
    const core = start(dbPath)
    await core.startupBackup
    expect((await call<{ problem: string | null }>(core, 'backups.ledgerCheck')).problem).toBeNull()
    expect(fs.existsSync(dbPath)).toBe(true)
  })

  it('a file that fails quick_check is refused for writing by openLedger and opened read-only by the core', async () => {
    const { dbPath, names } = await ledgerWithBackups()
    const ledger = openLedger(dbPath)
    addHouseholds(ledger, 4, 60, 3, 'B')
    await ledger.close()
    // Scribble over the last third of the file (the pages the 240 new households went to), keeping the header and schema intact.
    const fd = fs.openSync(dbPath, 'r+')
    const size = fs.fstatSync(fd).size
    const pageSize = 4096
    for (let page = Math.ceil((size * 2) / 3 / pageSize); page * pageSize < size - pageSize; page += 2) fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, page * pageSize + 8)
    fs.closeSync(fd)
    expect(() => openLedger(dbPath)).toThrow(/未通过完整性检查[\s\S]*请从备份恢复/)
    const core = start(dbPath)
    const check = await call<{ problem: string; newest: { name: string } | null; message: string }>(core, 'backups.ledgerCheck')
    expect(check.problem).toBe('corrupt')
    expect(check.message).toContain('只读')
    expect(check.newest?.name).toBe(names[0])
    expect(core.ledger.sqlite.readonly).toBe(true)
    expect(await dispatch(core, 'demo.load', { households: 10 })).toMatchObject({ ok: false, error: { code: 'ledger_file_problem', message: expect.stringContaining('只读') } })
    await call(core, 'backups.restore', { name: names[0] })
    expect(households(dbPath)).toBe(12)
  })
})

describe('rotation and an emptied ledger', () => {
  it('copies of an empty ledger on 70 later days (past the 14 days and 8 weeks kept) do not rotate out the last copy with data', async () => {
    const { dbPath, backups } = await ledgerWithBackups()
    const good = fs.readdirSync(backups).filter((f) => f.endsWith('.sqlite'))
    const empty = openLedger(path.join(tempDir('ledger-empty-'), 'ledger.sqlite'))
    for (let d = 0; d < 70; d++) await createBackup(empty, { dir: backups, reason: 'daily', now: new Date(2026, 11, 1 + d, 8) })
    await empty.close()
    rotate(backups)
    const left = fs.readdirSync(backups).filter((f) => f.endsWith('.sqlite'))
    // The newest copy with data (the 11-21 daily) stays; the manual one is kept anyway.
    expect(left).toEqual(expect.arrayContaining(good))
    expect(households(path.join(backups, good.sort().at(-1)!))).toBe(12)
    expect(dbPath).toBeTruthy()
  })
})
