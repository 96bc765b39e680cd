/** Issue 18, item 16: the restore list holds only this ledger's backups, not those of another ledger file in the same folder. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackup, listBackups } from '../../../electron/core/backups/backup'
import { openLedger } from '../../../electron/core/db/open'
import { tempDir } from '../../helpers/temp'

const idOf = (ledger: ReturnType<typeof openLedger>) => ledger.sqlite.prepare("SELECT value FROM settings WHERE key = 'ledger.id'").pluck().get() as string

describe('backups of several ledger files in one folder', () => {
  it('gives each ledger file its own id, carried by its copies, and lists only the copies of the ledger asked about', async () => {
    const dir = tempDir()
    const backups = path.join(dir, 'backups')
    const a = openLedger(path.join(dir, '本乡镇.sqlite'))
    const b = openLedger(path.join(dir, '邻乡镇.sqlite'))
    try {
      expect(idOf(a)).toMatch(/^[0-9a-f]{32}$/)
      expect(idOf(b)).not.toBe(idOf(a))
      const fromA = await createBackup(a, { dir: backups, reason: 'manual', now: new Date(2026, 10, 1, 8) })
      const fromB = await createBackup(b, { dir: backups, reason: 'manual', now: new Date(2026, 10, 1, 9) })
      expect(fromA.ledgerId).toBe(idOf(a))
      expect(listBackups(backups).map((x) => x.name)).toEqual([fromB.name, fromA.name])
      expect(listBackups(backups, idOf(a)).map((x) => x.name)).toEqual([fromA.name])
      expect(listBackups(backups, idOf(b)).map((x) => x.name)).toEqual([fromB.name])
      // Reopening keeps the id: it is the file's, not the launch's.
      const id = idOf(a)
      await a.close()
      const again = openLedger(path.join(dir, '本乡镇.sqlite'))
      expect(idOf(again)).toBe(id)
      await again.close()
    } finally {
      await a.close().catch(() => undefined)
      await b.close()
    }
  })
})
