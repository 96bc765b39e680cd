/**
 * `npm run cli -- import FILE` routes a file by its header, through the CLI's own entry functions
 * (importCommand, infoCommand) on generated files: the monitoring roster to the roster import, the
 * four other national exports each to its own import, a project list refused; `info --json` counts them.
 */
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { importCommand } from '../../../electron/cli/import-command'
import { infoCommand } from '../../../electron/cli/info-command'
import { openLedger, type Ledger } from '../../../electron/core/db/open'
import { generateCounty, writeLayout } from '../../fixtures/county-layouts'
import { householdInfoSheet, plannedWorkSheet, villageSheet, workSpellSheet, writeNationalSheet, type LedgerPerson } from '../../fixtures/national-exports'
import { writeProjectWorkbook } from '../../fixtures/project-workbook'
import { tempDir } from '../../helpers/temp'

const ledgers: Ledger[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const l of ledgers.splice(0)) await l.close()
})

/** Runs a CLI entry function, giving its exit code and its one JSON line. */
async function run(fn: () => Promise<number> | number): Promise<{ code: number; json: Record<string, unknown> }> {
  const out: string[] = []
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)))
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const code = await fn()
  vi.restoreAllMocks()
  return { code, json: JSON.parse(out.join('\n')) as Record<string, unknown> }
}

describe('cli import: one command for every kind of file', () => {
  it('imports the monitoring roster as a roster and each other national export as itself, refuses a project list, and info --json counts them', async () => {
    const dir = tempDir()
    const dbPath = path.join(dir, 'ledger.sqlite')
    const ledger = openLedger(dbPath)
    ledgers.push(ledger)
    const json = { dryRun: false, json: true }

    const roster = path.join(dir, '监测对象信息.xlsx')
    await writeLayout(roster, 'national', generateCounty(5, { national: 4 }).national)
    const r = await run(() => importCommand(ledger, roster, json))
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({ households: { new: 4 }, issues: expect.any(Array) })
    expect(r.json.kind).toBeUndefined()

    const people = ledger.sqlite
      .prepare(
        `SELECT v.county, v.township, v.name AS village, h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type, m.relation
         FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id ORDER BY m.id`,
      )
      .all() as (LedgerPerson & { relation: string })[]
    const heads = people.filter((p) => p.relation === '户主').map((p) => ({ ...p, group: null }))
    const villages = ledger.sqlite.prepare('SELECT county, township, name FROM villages').all() as { county: string; township: string; name: string }[]
    const files = [
      ['已外出务工信息', 'workSpells', workSpellSheet(people, 1)],
      ['计划外出务工信息', 'plannedWork', plannedWorkSheet(people, 2)],
      ['行政村信息', 'villages', villageSheet(villages, 3)],
      ['户信息', 'householdInfo', householdInfoSheet(heads, 4)],
    ] as const
    const imported: Record<string, number> = {}
    for (const [title, kind, sheet] of files) {
      const file = path.join(dir, `${title}.xlsx`)
      await writeNationalSheet(file, `（自定义）${title}`, sheet)
      const dry = await run(() => importCommand(ledger, file, { dryRun: true, json: true }))
      expect(dry).toMatchObject({ code: 0, json: { kind, records: { new: expect.any(Number), changed: 0, unchanged: 0, missing: 0, notInLedger: expect.any(Number) } } })
      const done = await run(() => importCommand(ledger, file, json))
      expect(done.code).toBe(0)
      expect(done.json).toMatchObject({ kind, records: { new: (dry.json.records as { new: number }).new } })
      imported[kind] = (done.json.records as { new: number }).new
      // The rows of people or households the ledger lacks are issues naming their row.
      if ((done.json.records as { notInLedger: number }).notInLedger) expect((done.json.issues as { row: number }[]).length).toBeGreaterThan(0)
      expect((await run(() => importCommand(ledger, file, json))).json).toMatchObject({ kind, records: { new: 0, changed: 0 } })
    }
    expect(imported.workSpells).toBeGreaterThan(0)

    const projects = path.join(dir, '项目库.xlsx')
    await writeProjectWorkbook(projects)
    const refused = await run(() => importCommand(ledger, projects, json))
    expect(refused.code).toBe(2)
    expect((refused.json.error as { message: string }).message).toContain('import-projects')

    const info = await run(() => infoCommand(ledger, dbPath, { json: true }))
    expect(info.code).toBe(0)
    expect(info.json).toMatchObject({
      households: 4,
      monitoring: { households: expect.any(Number), open: expect.any(Number), eliminated: expect.any(Number), byCategory: expect.any(Object) },
      workSpells: imported.workSpells,
      plannedWork: imported.plannedWork,
      villages: imported.villages,
      rectification: { problems: 0, open: 0, overdue: 0, closed: 0 },
    })
    expect((info.json.monitoring as { households: number }).households).toBeGreaterThan(0)
  })
})
