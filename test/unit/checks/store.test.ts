/**
 * Checks against a real SQLite ledger: a clean township read back from the database draws nothing;
 * planted defects are found, kept per run (new / open / waived), waived several at once and still
 * waived after the records are rewritten, cleared on the household's own re-run once fixed, and the
 * workbook and waiver list round-trip.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { cleanCase, cleanHousehold, EXAMPLE_AS_OF, emptyLedger } from '../../../electron/core/checks/examples'
import { loadExcelJS } from '../../../electron/core/spreadsheets/load-exceljs'
import { seedLedger } from '../../helpers/checks-seed'
import { opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

function township(n = 12) {
  const data = emptyLedger()
  for (let i = 1; i <= n; i++) {
    const h = cleanHousehold(i, i)
    if (i % 3 === 0) {
      h.household_type = '监测户'
      h.monitoring_category = '脱贫不稳定户'
      h.cases = [cleanCase(i)]
    }
    data.households.push(h)
  }
  return data
}

function setup(data = township()) {
  const { core } = testCore()
  cores.push(core)
  const ids = seedLedger(core.ledger, data)
  return { core, ...opCaller(core), ...ids }
}

describe('checks over the ledger', () => {
  it('finds nothing in a clean township read back from the database', async () => {
    const { call } = setup()
    const { run } = await call('checks.run', { asOf: EXAMPLE_AS_OF })
    const { items } = await call('checks.findings', { status: 'all' })
    expect(items.map((f) => `${f.rule}: ${f.message}`)).toEqual([])
    expect(run).toMatchObject({ open: 0, waived: 0, new: 0, asOf: EXAMPLE_AS_OF, scope: 'ledger' })
  })

  it('keeps runs, counts new, waives several at once, and clears a fixed record on its household run', async () => {
    const data = township()
    const badId = data.households[0]!.members[1]!.id_number!.slice(0, 17) + (data.households[0]!.members[1]!.id_number!.endsWith('1') ? '2' : '1')
    data.households[0]!.members[1]!.id_number = badId
    data.households[1]!.members[0]!.relation = '之子'
    data.households[2]!.members[0]!.ethnicity = null
    data.households[4]!.members[0]!.ethnicity = null
    const { call, core, householdIds, memberIds } = setup(data)

    const first = await call('checks.run', { asOf: EXAMPLE_AS_OF })
    expect(first.run.open).toBeGreaterThanOrEqual(4)
    expect(first.run.new).toBe(first.run.open)
    const overview = await call('checks.overview', {})
    const checkChar = overview.rules.find((r) => r.code === 'identity.check-character')!
    expect(checkChar).toMatchObject({ open: 1, new: 1, covers: ['1_01_003', '1_12_002', '1_12_003'] })
    const { items } = await call('checks.findings', { status: 'open', rule: 'identity.check-character' })
    expect(items[0]).toMatchObject({ village: '青山村', field: '证件号码', severity: '错误' })
    expect(items[0]!.idNumber).toContain('*')
    expect(items[0]!.message).toContain('校验位')

    const ethnic = await call('checks.findings', { status: 'open', rule: 'identity.ethnicity-blank' })
    expect(ethnic.total).toBe(2)
    await call('checks.waive', { keys: ethnic.items.map((f) => f.key), reason: '少数民族身份待公安核实', expires: null })

    const second = await call('checks.run', { asOf: EXAMPLE_AS_OF })
    expect(second.run).toMatchObject({ new: 0, waived: 2 })
    expect(second.run.open).toBe(first.run.open - 2)
    expect((await call('checks.findings', { status: 'waived' })).items.map((f) => f.waiver?.reason)).toEqual(['少数民族身份待公安核实', '少数民族身份待公安核实'])
    expect((await call('checks.overview', {})).runs).toHaveLength(2)

    // Fix the ID on the household: its own run clears the finding, the others stay.
    const hid = householdIds.get(1)!
    core.ledger.write.run({ actor: 'test' }, (w) => w.update('members', memberIds.get(data.households[0]!.members[1]!.id)!, { id_number: cleanHousehold(1, 1).members[1]!.id_number }))
    const before = (await call('checks.household', { householdId: hid })).items
    expect(before.map((f) => f.rule)).not.toContain('identity.check-character')
    expect((await call('checks.findings', { status: 'open', rule: 'household.no-head' })).total).toBe(1)

    // Waivers survive rewriting the records (a re-import replaces the values; the waiver is keyed by the ID number).
    core.ledger.write.run({ actor: 'test' }, (w) => w.update('members', memberIds.get(data.households[2]!.members[0]!.id)!, { name: '王建军' }))
    const third = await call('checks.run', { asOf: EXAMPLE_AS_OF })
    expect(third.run.waived).toBe(2)
  })

  it('writes the county-style workbook and round-trips the waiver list', async () => {
    const data = township()
    data.households[0]!.members[0]!.ethnicity = null
    data.households[1]!.phone = '123'
    const { call, core } = setup(data)
    await call('checks.run', { asOf: EXAMPLE_AS_OF })
    const file = await call('checks.exportWorkbook', { includeWaived: false })
    const excel = await loadExcelJS()
    const wb = new excel.Workbook()
    await wb.xlsx.readFile(core.files.get(file.fileId).path)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '民族为空', '户联系电话为空或不是 11 位'])
    const sheet = wb.getWorksheet('民族为空')!
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['序号', '行政村', '户编号', '姓名', '证件号码', '民族', '问题说明']))
    expect(String(sheet.getRow(2).getCell(5).value)).toBe(data.households[0]!.members[0]!.id_number)

    const { items } = await call('checks.findings', { status: 'open' })
    await call('checks.waive', { keys: items.map((f) => f.key), reason: '已核实无误', expires: '2099-12-31' })
    const list = await call('checks.exportWaivers', {})
    const listPath = core.files.get(list.fileId).path
    await call('checks.unwaive', { keys: items.map((f) => f.key) })
    expect((await call('checks.findings', { status: 'waived' })).total).toBe(0)
    const dir = path.dirname(listPath)
    const upload = path.join(dir, 'county.xlsx')
    fs.copyFileSync(listPath, upload)
    const fileId = core.files.register(upload).id
    const result = await call('checks.importWaivers', { fileId })
    expect(result).toMatchObject({ added: items.length, skipped: [] })
    expect((await call('checks.findings', { status: 'waived' })).total).toBe(items.length)
  })
})
