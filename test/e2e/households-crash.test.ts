import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLedger } from '../../electron/core/db/open'
import { loadDemo } from '../../electron/core/demo/load'

const root = path.resolve(__dirname, '../..')
let dir: string
let seed: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-'))
  seed = path.join(dir, 'seed.sqlite')
  const ledger = openLedger(seed)
  loadDemo(ledger, 200, { actor: 't', progress: () => undefined, checkCancelled: () => undefined })
  ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  await ledger.close()
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('crash safety of a burst of edits', () => {
  it('SIGKILL at random points never leaves a half-applied edit or a damaged file', async () => {
    const outcomes: number[] = []
    for (let i = 0; i < 20; i++) {
      const db = path.join(dir, `burst-${i}.sqlite`)
      fs.copyFileSync(seed, db)
      // One process (tsx as a loader, not its CLI, which would leave a grandchild running after the kill).
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/fixtures/edit-burst.ts'), db], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
      const exited = new Promise((r) => child.on('exit', r))
      await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()))
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 400))
      child.kill('SIGKILL')
      await exited

      const d = new Database(db)
      expect(d.pragma('integrity_check', { simple: true })).toBe('ok')
      const households = d.prepare('SELECT declared_size, phone FROM households').all() as { declared_size: number; phone: string }[]
      // Both fields of an edit or neither: an edited household's size is 1000 more than its phone's number.
      const edited = households.filter((h) => h.declared_size > 1000)
      const torn = households.filter((h) => (h.declared_size > 1000) !== /^199/.test(h.phone) || (h.declared_size > 1000 && Number(h.phone.slice(3)) + 1000 !== h.declared_size))
      expect(torn).toEqual([])
      // Each committed edit left exactly its two audit rows.
      const audit = d.prepare("SELECT count(*) FROM audit_log WHERE actor = 'burst'").pluck().get() as number
      expect(audit % 2).toBe(0)
      outcomes.push(edited.length)
      d.close()
    }
    // The kills did land in the middle of the burst.
    expect(outcomes.filter((n) => n > 0).length).toBeGreaterThan(10)
  })
})
