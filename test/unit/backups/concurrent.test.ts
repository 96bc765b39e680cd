import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { dispatch } from '../../../electron/core/dispatch'
import { createBackup, verifyBackupFile } from '../../../electron/core/backups'
import { jobEnd, testCore } from '../../helpers/core'
import { seededLedger } from './fixtures'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

describe('backups at the same time', () => {
  it('5 concurrent backups.create all succeed, as distinct files that all verify', async () => {
    const { core, events } = testCore()
    cores.push(core)
    await core.startupBackup
    const load = await dispatch(core, 'demo.load', { households: 300 })
    if (!load.ok) throw new Error(load.error.message)
    await jobEnd(events, (load.value as { jobId: string }).jobId)

    const results = await Promise.all(Array.from({ length: 5 }, () => dispatch(core, 'backups.create', {})))
    for (const r of results) expect(r.ok, r.ok ? '' : r.error.message).toBe(true)
    const names = results.map((r) => (r.ok ? (r.value as { name: string }).name : ''))
    expect(new Set(names).size).toBe(5)
    const list = await dispatch(core, 'backups.list', {})
    if (!list.ok) throw new Error(list.error.message)
    const { dir, backups } = list.value as { dir: string; backups: { name: string; households: number }[] }
    for (const name of names) {
      expect(backups.find((b) => b.name === name)).toMatchObject({ households: 300 })
      expect(verifyBackupFile(`${dir}/${name}`).counts.households).toBe(300)
    }
    // No temporary file is left behind.
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([])
  })

  it('copies taken at the same instant (same reserved time) get distinct names and temporary files', async () => {
    const { ledger, backups } = seededLedger(3, 20, 3)
    const now = new Date(2026, 10, 22, 8, 30, 0, 0)
    const infos = await Promise.all(Array.from({ length: 5 }, () => createBackup(ledger, { dir: backups, reason: 'manual', now })))
    expect(new Set(infos.map((i) => i.name)).size).toBe(5)
    for (const i of infos) expect(verifyBackupFile(i.file).counts).toEqual({ households: 60, members: 180, projects: 0 })
    await ledger.close()
  })
})
