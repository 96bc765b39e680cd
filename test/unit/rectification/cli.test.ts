/** `npm run cli -- import` takes a county problem list to the rectification import (told from its header); `info --json` counts the problems. */
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { importCommand } from '../../../electron/cli/import-command'
import { infoCommand, ledgerInfo } from '../../../electron/cli/info-command'
import { openLedger, type Ledger } from '../../../electron/core/db/open'
import { recogniseSheet } from '../../../shared/import/national-kinds'
import { COUNTY_HEADER, COUNTY_ROWS, writeProblemWorkbook } from '../../fixtures/problem-workbook'
import { tempDir } from '../../helpers/temp'

const ledgers: Ledger[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const l of ledgers.splice(0)) await l.close()
})

async function run(fn: () => Promise<number> | number): Promise<{ code: number; json: Record<string, unknown> }> {
  const out: string[] = []
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)))
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const code = await fn()
  vi.restoreAllMocks()
  return { code, json: JSON.parse(out.join('\n')) as Record<string, unknown> }
}

describe('cli import of a problem list', () => {
  it('is recognised by its header, previews with --dry-run, imports with the usual exit codes, and info counts open, overdue and closed problems', async () => {
    expect(recogniseSheet([['示例县巡察反馈问题整改清单'], [], COUNTY_HEADER]).kind).toBe('problems')
    const dir = tempDir()
    const dbPath = path.join(dir, 'ledger.sqlite')
    const ledger = openLedger(dbPath)
    ledgers.push(ledger)

    const bad = path.join(dir, '清单-有错.xlsx')
    const rows = COUNTY_ROWS.map((r) => [...r])
    rows[1]![2] = '路边听说'
    await writeProblemWorkbook(bad, rows)
    const blocked = await run(() => importCommand(ledger, bad, { dryRun: false, json: true }))
    expect(blocked.code).toBe(1)
    expect(blocked.json).toMatchObject({ kind: 'problems', problems: { new: 2 }, issues: expect.arrayContaining([expect.objectContaining({ sheet: '问题清单', row: 5, column: '反馈来源', severity: 'error' })]) })
    expect(ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_problems').pluck().get()).toBe(0)

    const file = path.join(dir, '清单.xlsx')
    const closed = COUNTY_ROWS.map((r) => [...r])
    // 已销号 needs a 销号日期: an error, nothing written, even with --dry-run.
    closed[3]![14] = '已销号'
    await writeProblemWorkbook(file, closed)
    const noDate = await run(() => importCommand(ledger, file, { dryRun: true, json: true }))
    expect(noDate).toMatchObject({ code: 1, json: { issues: expect.arrayContaining([expect.objectContaining({ row: 7, severity: 'error', code: 'closed_without_date' })]) } })

    await writeProblemWorkbook(file)
    const dry = await run(() => importCommand(ledger, file, { dryRun: true, json: true }))
    expect(dry).toMatchObject({ code: 0, json: { kind: 'problems', problems: { new: 3, changed: 0, unchanged: 0, missing: 0 } } })
    expect(ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_problems').pluck().get()).toBe(0)
    const done = await run(() => importCommand(ledger, file, { dryRun: false, json: true }))
    expect(done).toMatchObject({ code: 0, json: { kind: 'problems', problems: { new: 3 } } })
    expect(ledger.sqlite.prepare("SELECT COUNT(*) FROM import_batches WHERE kind = 'rectification'").pluck().get()).toBe(1)
    expect((await run(() => importCommand(ledger, file, { dryRun: false, json: true }))).json).toMatchObject({ problems: { new: 0, changed: 0, unchanged: 3 } })

    ledger.write.run({ actor: 'test' }, (w) => {
      const id = ledger.sqlite.prepare("SELECT id FROM rectification_problems WHERE problem_no = 'XC-2026-03'").pluck().get() as number
      w.update('rectification_problems', id, { status: '已销号', rectified_date: '2026-03-20', closed_date: '2026-03-25', closed_by: '县乡村振兴局' })
    })
    // As of 2026-05-10: XC-2026-01 (due 04-30) is overdue, XC-2026-02 (due 05-31) is not, XC-2026-03 is closed.
    expect(ledgerInfo(ledger, dbPath, '2026-05-10').rectification).toEqual({ problems: 3, open: 2, overdue: 1, closed: 1 })
    const info = await run(() => infoCommand(ledger, dbPath, { json: true }))
    expect(info.json).toMatchObject({ rectification: { problems: 3, open: 2, closed: 1 } })
  })
})
