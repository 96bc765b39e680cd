/**
 * The national exports in and out (issue 15 §1, §5): each kind recognised from its header and
 * imported only as itself (the roster import refuses a work-spell, planned-work or village file;
 * a file of no known kind is refused with what it looks like), previewed as new / changed /
 * unchanged / missing, rows whose person or household the ledger lacks reported by row, one
 * transaction, undo, a remembered mapping, and the national layout given back cell by cell.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { NationalCommitResult, NationalPreview } from '../../../shared/api/national'
import type { RosterPreview } from '../../../shared/api/households-import'
import { recogniseSheet } from '../../../shared/import/national-kinds'
import { generateCounty, LAYOUTS, layoutRows, LAYOUT_COLUMNS, writeLayout } from '../../fixtures/county-layouts'
import {
  householdInfoSheet, plannedWorkSheet, readSheetText, villageSheet, workSpellSheet, writeNationalSheet, type LedgerPerson,
} from '../../fixtures/national-exports'
import { ledgerInfo } from '../../../electron/cli/info-command'
import { importHarness } from '../../helpers/import'
import { tempDir } from '../../helpers/temp'

const { setup } = importHarness()

async function ledgerWithRoster(seed: number) {
  const h = setup()
  const dir = tempDir()
  const county = generateCounty(seed, { legacy: 12 })
  const roster = path.join(dir, 'roster.xlsx')
  await writeLayout(roster, 'legacy', county.legacy)
  await h.job('households.importCommit', { fileId: h.file(roster) })
  const people = h.sql<LedgerPerson>(
    `SELECT v.county, v.township, v.name AS village, h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type
     FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id ORDER BY m.id`,
  )
  return { ...h, dir, people }
}

describe('recognising a sheet from its header', () => {
  it('tells every roster layout, the monitoring roster and the four other national exports apart', () => {
    const county = generateCounty(3, Object.fromEntries(LAYOUTS.map((l) => [l, 2])))
    for (const layout of LAYOUTS) {
      const header = LAYOUT_COLUMNS[layout].map((c) => c.header)
      const grid = [['标题'], header, ...layoutRows(layout, county[layout]).slice(0, 3)]
      const kind = recogniseSheet(grid as never).kind
      expect({ layout, kind: kind === 'monitoringRoster' ? 'roster' : kind }).toEqual({ layout, kind: 'roster' })
    }
    const people: LedgerPerson[] = [{ county: '县', township: '乡', village: '村', household_no: '1', person_no: '1', name: '甲', sex: '男', id_number: '110105194912310029', household_type: '脱贫户' }]
    const cases = [
      [workSpellSheet(people, 1), 'workSpells'],
      [plannedWorkSheet(people, 1), 'plannedWork'],
      [villageSheet([{ county: '县', township: '乡', name: '村' }], 1), 'villages'],
      [householdInfoSheet([{ ...people[0]!, group: '一组' }], 1), 'householdInfo'],
    ] as const
    for (const [sheet, kind] of cases) expect(recogniseSheet([['（自定义）'], ['导出时间'], sheet.headers, ...sheet.rows]).kind).toBe(kind)
    expect(recogniseSheet([['（自定义）监测对象信息'], ['导出时间'], LAYOUT_COLUMNS.national.map((c) => c.header)]).kind).toBe('monitoringRoster')
  })
})

describe('the national exports in and out', () => {
  it('refuses a work-spell, planned-work or village file in the roster import, saying what it is and where it goes; an unknown file says what it looks like', async () => {
    const { job, file, dir, people, sql } = await ledgerWithRoster(11)
    const before = sql<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]!.n
    const files = {
      spells: [workSpellSheet(people, 2), '已外出务工信息'],
      planned: [plannedWorkSheet(people, 2), '计划外出务工信息'],
      villages: [villageSheet([{ county: '样例县', township: '样例乡', name: '样例村' }], 2), '行政村信息'],
    } as const
    for (const [name, [sheet, label]] of Object.entries(files)) {
      const p = path.join(dir, `${name}.xlsx`)
      await writeNationalSheet(p, label, sheet)
      const err = await job<RosterPreview>('households.importPreview', { fileId: file(p) }).catch((e: Error & { code: string }) => e)
      expect(err).toBeInstanceOf(Error)
      expect((err as Error & { code: string }).code).toBe('wrong_kind')
      expect((err as Error).message).toContain(label)
      expect((err as Error).message).toContain('导入国家系统表格')
    }
    const odd = path.join(dir, 'odd.xlsx')
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('工资').addRows([['单位', '月份', '应发工资', '实发工资'], ['乡政府', '2026-10', '5000', '4600']])
    await wb.xlsx.writeFile(odd)
    const unknown = (await job('national.importPreview', { fileId: file(odd) }).catch((e: Error & { code: string }) => e)) as Error & { code: string }
    expect(unknown.code).toBe('unknown_kind')
    expect(unknown.message).toMatch(/4 列，开头几列是「单位」「月份」「应发工资」「实发工资」/)
    const roster = (await job('households.importPreview', { fileId: file(odd) }).catch((e: Error & { code: string }) => e)) as Error
    expect(roster.message).toMatch(/开头几列是「单位」/)
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]!.n).toBe(before)
  })

  for (const seed of [5, 77]) {
    it(`seed ${seed}: work spells — preview, a stranger reported by row, commit, re-import unchanged, corrections exported in the file's own layout cell by cell, undo`, async () => {
      const { job, call, file, dir, people, sql, core } = await ledgerWithRoster(seed)
      const pathOf = async (fileId: string) => core.files.get(fileId).path
      const sheet = workSpellSheet(people, seed, 2)
      const p = path.join(dir, 'spells.xlsx')
      await writeNationalSheet(p, '已外出务工信息', sheet)

      const preview = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
      expect(preview.kind).toBe('workSpells')
      expect(preview.errorCount).toBe(0)
      expect(preview.counts).toEqual({ new: sheet.rows.length - 2, changed: 0, unchanged: 0, missing: 0, notInLedger: 2 })
      const strangers = preview.issues.filter((i) => i.code === 'not_in_ledger')
      expect(strangers.map((i) => i.row)).toEqual([sheet.rows.length + 2, sheet.rows.length + 3])
      expect(strangers[0]!.message).toMatch(/外来人0.*没有找到此人，这一行没有导入/)

      const done = await job<NationalCommitResult>('national.importCommit', { fileId: file(p) })
      expect(done.counts.new).toBe(sheet.rows.length - 2)
      expect(sql<{ n: number }>('SELECT count(*) AS n FROM work_spells')[0]!.n).toBe(sheet.rows.length - 2)
      const again = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
      expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: sheet.rows.length - 2, missing: 0, notInLedger: 2 })

      // Untouched: the national-layout export gives back every cell of every imported row, in order.
      const exported = await job<{ fileId: string }>('national.export', { layout: 'workSpells' })
      const given = await readSheetText(p)
      const produced = await readSheetText(await pathOf(exported.fileId))
      expect(produced.slice(0, 3)).toEqual(given.slice(0, 3))
      expect(produced.slice(3)).toEqual(given.slice(3, 3 + sheet.rows.length - 2))

      // A correction in the ledger is written over its cell, in the file's way of writing months.
      const spell = sql<{ id: number; member_id: number; start_month: string }>('SELECT id, member_id, start_month FROM work_spells ORDER BY id LIMIT 1')[0]!
      await call('national.saveWorkSpell', {
        id: spell.id, memberId: spell.member_id, startMonth: spell.start_month, endMonth: '2026-10', province: '广东省', city: '东莞市', countyAt: '长安镇',
        channel: '企业招聘', employer: '样例五金厂', industry: '制造业', monthlyIncome: '5200',
      })
      const corrected = await readSheetText(await pathOf((await job<{ fileId: string }>('national.export', { layout: 'workSpells' })).fileId))
      const col = (h: string) => sheet.headers.indexOf(h)
      expect(corrected[3]![col('结束时间')]).toBe('2026年10月')
      expect(corrected[3]![col('务工所在市')]).toBe('东莞市')
      expect(corrected[3]![col('务工月收入')]).toBe('5200')
      expect(corrected[3]![col('证件号码')]).toBe(given[3]![col('证件号码')])
      // Re-importing the corrected export shows the ledger unchanged.
      const back = await job<NationalPreview>('national.importPreview', { fileId: file(await pathOf((await job<{ fileId: string }>('national.export', { layout: 'workSpells' })).fileId)) })
      expect(back.counts).toMatchObject({ new: 0, changed: 0, missing: 0 })

      // The standard workbook holds the spells too.
      const std = new ExcelJS.Workbook()
      await std.xlsx.readFile(await pathOf((await job<{ fileId: string }>('national.export', { layout: 'standard' })).fileId))
      expect(std.getWorksheet('已外出务工信息')!.rowCount).toBe(sheet.rows.length - 2 + 1)

      // Undo takes the import back (the corrected spell was changed later: undo refuses, naming it).
      const [batch] = await call('imports.list', { kind: 'national' })
      await expect(job('imports.undo', { batchId: batch!.id })).rejects.toThrow(/务工经历/)
      await call('national.deleteWorkSpell', { id: spell.id })
      const fresh = await ledgerWithRoster(seed)
      const p2 = path.join(fresh.dir, 'spells.xlsx')
      await writeNationalSheet(p2, '已外出务工信息', workSpellSheet(fresh.people, seed, 2))
      await fresh.job('national.importCommit', { fileId: fresh.file(p2) })
      const [b2] = await fresh.call('imports.list', { kind: 'national' })
      await fresh.job('imports.undo', { batchId: b2!.id })
      expect(fresh.sql<{ n: number }>('SELECT count(*) AS n FROM work_spells')[0]!.n).toBe(0)
    })
  }
})

describe('户信息, planned work and 行政村信息', () => {
  it('户信息 fills the household and keeps its 乡村建设 columns; a household not in the ledger is reported by row; undo restores the household', async () => {
    const { job, call, file, dir, sql } = await ledgerWithRoster(21)
    const heads = sql<LedgerPerson & { group: string | null; hid: number; phone: string | null }>(
      `SELECT v.county, v.township, v.name AS village, g.name AS "group", h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type, h.id AS hid, h.phone
       FROM households h JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id JOIN members m ON m.household_id = h.id AND m.relation = '户主' ORDER BY h.id`,
    )
    const sheet = householdInfoSheet(heads, 4, 1)
    const p = path.join(dir, 'info.xlsx')
    await writeNationalSheet(p, '户信息', sheet)
    const preview = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
    expect(preview.kind).toBe('householdInfo')
    expect(preview.counts).toMatchObject({ new: heads.length, notInLedger: 1 })
    expect(preview.issues.find((i) => i.code === 'not_in_ledger')).toMatchObject({ row: heads.length + 4, column: '户编号' })
    const areaCol = sheet.headers.indexOf('住房面积（平方米）')
    await job('national.importCommit', { fileId: file(p) })
    const first = sql<{ housing_area: string }>('SELECT housing_area FROM households WHERE id = ?', heads[0]!.hid)[0]!
    expect(first.housing_area).toBe(sheet.rows[0]![areaCol])
    const view = await call('national.household', { householdId: heads[0]!.hid })
    expect(view.info).toEqual(expect.arrayContaining([{ label: '住房结构', value: sheet.rows[0]![sheet.headers.indexOf('住房结构')]! }]))
    const [batch] = await call('imports.list', { kind: 'national' })
    await job('imports.undo', { batchId: batch!.id })
    expect(sql('SELECT * FROM household_info')).toEqual([])
  })

  it('planned work: one record per person, a corrected column mapping is remembered for files with the same header', async () => {
    const { job, file, dir, people, sql } = await ledgerWithRoster(33)
    const sheet = plannedWorkSheet(people, 8)
    const p = path.join(dir, 'planned.xlsx')
    await writeNationalSheet(p, '计划外出务工信息', sheet)
    const first = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
    expect(first.counts.new).toBe(sheet.rows.length)
    const needCol = first.columns.find((c) => c.header === '就业服务需求')!
    expect(needCol.field).toBe('service_need')
    // The clerk keeps 就业服务需求 as written (not a record column): remembered with the commit.
    await job('national.importCommit', { fileId: file(p), mapping: { [String(needCol.index)]: null } })
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM planned_work WHERE service_need IS NOT NULL')[0]!.n).toBe(0)
    const again = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
    expect(again.rememberedMapping).toBe(true)
    expect(again.columns.find((c) => c.header === '就业服务需求')!.field).toBeNull()
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: sheet.rows.length })
  })

  it('行政村信息: known villages updated, an unknown one created, money in 万元 kept exactly in 分; changed values listed field by field', async () => {
    const { job, file, dir, sql, core } = await ledgerWithRoster(44)
    const villages = sql<{ county: string; township: string; name: string }>('SELECT county, township, name FROM villages ORDER BY id')
    const sheet = villageSheet(villages, 3, ['新设村'])
    const p = path.join(dir, 'villages.xlsx')
    await writeNationalSheet(p, '行政村信息', sheet)
    const preview = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
    expect(preview.kind).toBe('villages')
    expect(preview.counts).toMatchObject({ new: villages.length + 1, notInLedger: 0 })
    await job('national.importCommit', { fileId: file(p) })
    expect(sql('SELECT count(*) AS n FROM villages')[0]).toEqual({ n: villages.length + 1 })
    // `cli info`: "villages" counts the 行政村信息 records, the roster's villages stay under "ledgerVillages".
    expect(ledgerInfo(core.ledger)).toMatchObject({ villages: sheet.rows.length, ledgerVillages: villages.length + 1, workSpells: 0, plannedWork: 0 })
    const income = sheet.rows[0]![sheet.headers.indexOf('村级集体经济收入（万元）')]!
    const stored = sql<{ collective_income_fen: number }>('SELECT collective_income_fen FROM village_statistics ORDER BY id LIMIT 1')[0]!
    expect(stored.collective_income_fen).toBe(Math.round(Number(income) * 1_000_000))
    // The next year's file: one village's 总户数 changed.
    const col = sheet.headers.indexOf('总户数')
    const next = { headers: sheet.headers, rows: sheet.rows.map((r, i) => (i === 0 ? r.map((c, k) => (k === col ? String(Number(c) + 5) : c)) : r)) }
    const p2 = path.join(dir, 'villages-2.xlsx')
    await writeNationalSheet(p2, '行政村信息', next)
    const changed = await job<NationalPreview>('national.importPreview', { fileId: file(p2) })
    expect(changed.counts).toMatchObject({ new: 0, changed: 1, unchanged: villages.length })
    expect(changed.changedRecords[0]!.diffs).toEqual([{ field: 'total_households', label: '总户数', before: sheet.rows[0]![col], after: String(Number(sheet.rows[0]![col]) + 5) }])
  })
})

describe('the demo township', () => {
  it('has work spells, planned work and village statistics, gives 脱贫不稳定户 only to 脱贫户, and takes them away with it', async () => {
    const { job, call, sql } = setup()
    await job('demo.load', { households: 120 })
    const n = (q: string) => sql<{ n: number }>(q)[0]!.n
    expect(n('SELECT count(*) AS n FROM work_spells')).toBeGreaterThan(20)
    expect(n('SELECT count(*) AS n FROM work_spells WHERE end_month IS NULL')).toBeGreaterThan(0)
    expect(n('SELECT count(*) AS n FROM work_spells WHERE end_month IS NOT NULL')).toBeGreaterThan(0)
    expect(n('SELECT count(*) AS n FROM planned_work')).toBeGreaterThan(0)
    expect(n('SELECT count(*) AS n FROM village_statistics')).toBe(n('SELECT count(*) AS n FROM villages'))
    expect(n("SELECT count(*) AS n FROM households WHERE monitoring_category = '脱贫不稳定户' AND household_type <> '脱贫户'")).toBe(0)
    const withSpell = sql<{ household_id: number }>('SELECT household_id FROM work_spells LIMIT 1')[0]!.household_id
    expect((await call('national.household', { householdId: withSpell })).workSpells.length).toBeGreaterThan(0)
    await call('demo.remove', {})
    expect(n('SELECT (SELECT count(*) FROM work_spells) + (SELECT count(*) FROM planned_work) + (SELECT count(*) FROM village_statistics) AS n')).toBe(0)
  })
})
