import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { restoreCommand } from '../../../electron/cli/restore-command'
import { createBackup } from '../../../electron/core/backups'
import { seededLedger } from './fixtures'

const capture = () => {
  const lines: string[] = []
  const errors: string[] = []
  return { lines, errors, out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) }
}
const count = (file: string) => {
  const d = new Database(file, { readonly: true })
  try {
    return d.prepare('SELECT count(*) FROM households').pluck().get() as number
  } finally {
    d.close()
  }
}

describe('npm run cli -- restore', () => {
  for (const damage of ['deleted', 'zeroed'] as const) {
    it(`lists the backups and puts the newest verified one back when the ledger was ${damage}`, async () => {
      const { ledger, dir, backups } = seededLedger(2, 3, 2)
      await createBackup(ledger, { dir: backups, reason: 'manual' })
      await ledger.close()
      const file = path.join(dir, 'ledger.sqlite')
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
      if (damage === 'zeroed') fs.writeFileSync(file, '')

      const list = capture()
      expect(await restoreCommand(file, undefined, { list: true, json: true }, list)).toBe(0)
      const listed = JSON.parse(list.lines[0]!) as { dir: string; backups: { name: string; households: number }[] }
      expect(listed.dir).toBe(backups)
      expect(listed.backups.map((b) => b.households)).toEqual([6])

      const run = capture()
      expect(await restoreCommand(file, undefined, { list: false, json: true }, run)).toBe(0)
      expect(JSON.parse(run.lines[0]!)).toMatchObject({ restored: listed.backups[0]!.name, households: 6 })
      expect(count(file)).toBe(6)
    })
  }

  it('exits 2 with what to do when there is no usable backup, touching nothing', async () => {
    const { ledger, dir } = seededLedger(1, 1, 1)
    await ledger.close()
    const file = path.join(dir, 'ledger.sqlite')
    const io = capture()
    expect(await restoreCommand(file, undefined, { list: false, json: false }, io)).toBe(2)
    expect(io.errors[0]).toMatch(/没有可用的备份.*复制到该文件夹/)
    expect(count(file)).toBe(1)
  })
})
