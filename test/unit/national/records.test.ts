/**
 * The national records edited and given back (issue 15 §5): planned work, 行政村信息 and 户信息
 * imported from generated files of varied layout (title rows, a merged group-header row, header
 * suffixes, blank rows), one record corrected through its handler, exported in the national
 * layout, re-read — every cell as the file had it except the corrected one; a record added in the
 * ledger is written in the layout too. Validation names the field. A work spell entered by hand
 * with every field the national export has draws no work.* finding.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { NationalPreview } from '../../../shared/api/national'
import { cleanHousehold, EXAMPLE_AS_OF, emptyLedger } from '../../../electron/core/checks/examples'
import { generateCounty, writeLayout } from '../../fixtures/county-layouts'
import { householdInfoSheet, plannedWorkSheet, villageSheet, workSpellSheet, type LedgerPerson, type NationalSheet } from '../../fixtures/national-exports'
import { seedLedger } from '../../helpers/checks-seed'
import { importHarness } from '../../helpers/import'
import { tempDir } from '../../helpers/temp'

const { setup } = importHarness()

interface Variant {
  titles: string[]
  /** A merged group-header row over the header: [label, columns] runs. */
  groups?: [string, number][]
  /** Header renames (suffixes and the national system's other spellings). */
  rename?: Record<string, string>
  /** A blank row after every n-th data row. */
  blankEvery?: number
}

/** Writes a sheet in the variant's layout; returns the header as written. */
async function writeVaried(file: string, sheet: NationalSheet, v: Variant): Promise<string[]> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('导出数据')
  for (const t of v.titles) ws.addRow([t])
  if (v.groups) {
    const row = ws.addRow([])
    let col = 1
    for (const [label, n] of v.groups) {
      row.getCell(col).value = label
      if (n > 1) ws.mergeCells(row.number, col, row.number, col + n - 1)
      col += n
    }
  }
  const headers = sheet.headers.map((h) => v.rename?.[h] ?? h)
  ws.addRow(headers)
  sheet.rows.forEach((r, i) => {
    ws.addRow(r)
    if (v.blankEvery && i % v.blankEvery === v.blankEvery - 1) ws.addRow([])
  })
  await wb.xlsx.writeFile(file)
  return headers
}

/** Every non-blank row of the first sheet as text; a merged range's other cells read blank (as the file stores them). */
async function readRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]!
  const out: string[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c)
      const v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value
      cells.push(v === null || v === undefined ? '' : String(v))
    }
    while (cells.length && cells[cells.length - 1] === '') cells.pop()
    if (cells.length) out.push(cells)
  })
  return out
}

async function ledgerWithRoster(seed: number) {
  const h = setup()
  const dir = tempDir()
  const county = generateCounty(seed, { legacy: 8 })
  const roster = path.join(dir, 'roster.xlsx')
  await writeLayout(roster, 'legacy', county.legacy)
  await h.job('households.importCommit', { fileId: h.file(roster) })
  const people = h.sql<LedgerPerson>(
    `SELECT v.county, v.township, v.name AS village, h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type
     FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id ORDER BY m.id`,
  )
  const exported = async (layout: string) => h.core.files.get((await h.job<{ fileId: string }>('national.export', { layout })).fileId).path
  return { ...h, dir, people, exported }
}

/** The rows differ only in these [row, column] cells (row: index among non-blank rows). */
function differences(a: string[][], b: string[][]): [number, number][] {
  const out: [number, number][] = []
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    const x = a[r] ?? []
    const y = b[r] ?? []
    for (let c = 0; c < Math.max(x.length, y.length); c++) if ((x[c] ?? '') !== (y[c] ?? '')) out.push([r, c])
  }
  return out
}

describe('national records corrected and exported in the file’s own layout', () => {
  it('计划外出务工信息: a merged group row over the header, suffixed headers, blank rows — only the corrected cell differs; a record added in the ledger follows in the layout', async () => {
    const { job, call, file, dir, people, sql, exported } = await ledgerWithRoster(61)
    const sheet = plannedWorkSheet(people, 5)
    const p = path.join(dir, 'planned.xlsx')
    const headers = await writeVaried(p, sheet, {
      titles: ['（自定义）计划外出务工信息', '导出时间：2026-11-30'],
      groups: [['人员信息', 13], ['计划务工情况', sheet.headers.length - 13]],
      rename: { 证件号码: '身份证号码', 计划务工所在县: ' 计划务工所在县 ' },
      blankEvery: 3,
    })
    const preview = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
    expect(preview.kind).toBe('plannedWork')
    expect(preview.errorCount).toBe(0)
    expect(preview.headerRow).toBe(4)
    await job('national.importCommit', { fileId: file(p) })
    const given = await readRows(p)
    const untouched = await readRows(await exported('plannedWork'))
    expect(differences(given, untouched)).toEqual([])

    const first = sql<{ id: number; member_id: number; planned_month: string; province: string; city: string; county_at: string; industry: string; service_need: string }>(
      'SELECT * FROM planned_work ORDER BY id LIMIT 1',
    )[0]!
    await call('national.savePlannedWork', {
      id: first.id, memberId: first.member_id, planned: '是', plannedMonth: first.planned_month, province: first.province, city: first.city,
      countyAt: '余杭区', industry: first.industry, serviceNeed: first.service_need,
    })
    const corrected = await readRows(await exported('plannedWork'))
    const col = headers.indexOf(' 计划务工所在县 ')
    expect(differences(given, corrected)).toEqual([[4, col]])
    expect(corrected[4]![col]).toBe('余杭区')
    // The kept cells carry the correction too (the checks read them).
    expect(JSON.parse(sql<{ cells_json: string }>('SELECT cells_json FROM planned_work WHERE id = ?', first.id)[0]!.cells_json)['计划务工所在县']).toBe('余杭区')

    // A person without planned work gets a record in the ledger: it follows the file's rows, in its columns.
    const taken = new Set(sql<{ member_id: number }>('SELECT member_id FROM planned_work').map((r) => r.member_id))
    const other = sql<{ id: number; name: string; id_number: string }>('SELECT id, name, id_number FROM members WHERE id_number IS NOT NULL ORDER BY id').find((m) => !taken.has(m.id))!
    await expect(call('national.savePlannedWork', { memberId: other.id, planned: '是', plannedMonth: null, province: null, city: null, countyAt: null, industry: null, serviceNeed: null }))
      .rejects.toThrow(/计划务工时间/)
    await call('national.savePlannedWork', { memberId: other.id, planned: '是', plannedMonth: '2027-04', province: '广东省', city: '佛山市', countyAt: '顺德区', industry: '制造业', serviceNeed: '职业介绍' })
    await expect(call('national.savePlannedWork', { memberId: other.id, planned: '否', plannedMonth: null, province: null, city: null, countyAt: null, industry: null, serviceNeed: null }))
      .rejects.toThrow(/已有一条计划外出务工记录/)
    const withNew = await readRows(await exported('plannedWork'))
    expect(withNew.length).toBe(given.length + 1)
    const added = withNew.at(-1)!
    const at = (h: string) => added[headers.indexOf(h)]
    expect([at('姓名'), at('身份证号码'), at('计划务工时间'), at(' 计划务工所在县 '), at('就业服务需求')]).toEqual([other.name, other.id_number, '2027年04月', '顺德区', '职业介绍'])
    // Re-importing the export finds the ledger as it is.
    const p2 = path.join(dir, 'planned-back.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(await exported('plannedWork'))
    await wb.xlsx.writeFile(p2)
    expect((await job<NationalPreview>('national.importPreview', { fileId: file(p2) })).counts).toMatchObject({ new: 0, changed: 0, missing: 0 })
  })

  it('行政村信息: one title row, 县(市、区、旗), 万元 kept as written — the corrected 总户数 and 村级集体经济收入 differ, nothing else; a village entered by hand is added; figures that cannot be are refused by field', async () => {
    const { job, call, file, dir, sql, exported } = await ledgerWithRoster(62)
    const villages = sql<{ id: number; county: string; township: string; name: string }>('SELECT id, county, township, name FROM villages ORDER BY id')
    const sheet = villageSheet(villages.slice(0, -1), 9)
    const p = path.join(dir, 'villages.xlsx')
    const headers = await writeVaried(p, sheet, { titles: ['行政村信息（2026年度）'], rename: { 县: '县(市、区、旗)', '村级集体经济收入（万元）': '村级集体经济收入（万元）' } })
    await job('national.importCommit', { fileId: file(p) })
    const given = await readRows(p)
    expect(differences(given, await readRows(await exported('villages')))).toEqual([])

    const rows = await call('national.villageFigures', {})
    expect(rows).toHaveLength(villages.length)
    const target = rows.find((r) => r.statistics)!
    expect(target.statistics!.values.collective_income_fen).toBe(sheet.rows[0]![headers.indexOf('村级集体经济收入（万元）')]!.replace(/0+$/, '').replace(/\.$/, ''))
    const values = { ...target.statistics!.values, total_households: '333', collective_income_fen: '12.3456' }
    await expect(call('national.saveVillageStatistics', { villageId: target.villageId, values: { ...values, total_households: '三百' } })).rejects.toThrow(/「总户数」填的是「三百」，应填整数/)
    await expect(call('national.saveVillageStatistics', { villageId: target.villageId, values: { ...values, exited_households: '400' } })).rejects.toThrow(/「脱贫户数」400 大于「总户数」333/)
    await expect(call('national.saveVillageStatistics', { villageId: target.villageId, values: { ...values, name: 'x' } })).rejects.toThrow(/不能在这里修改/)
    await call('national.saveVillageStatistics', { villageId: target.villageId, values })
    expect(sql<{ collective_income_fen: number }>('SELECT collective_income_fen FROM village_statistics WHERE village_id = ?', target.villageId)[0]!.collective_income_fen).toBe(12_345_600)
    const corrected = await readRows(await exported('villages'))
    const h = (x: string) => headers.indexOf(x)
    expect(differences(given, corrected)).toEqual([[2, h('总户数')], [2, h('村级集体经济收入（万元）')]].sort((a, b) => a[1]! - b[1]!))
    expect(corrected[2]![h('总户数')]).toBe('333')
    expect(corrected[2]![h('村级集体经济收入（万元）')]).toBe('12.3456')

    // The village the file lacked: entered by hand, written in the file's columns with the ledger's names.
    const last = villages.at(-1)!
    await call('national.saveVillageStatistics', { villageId: last.id, values: { total_households: '210', total_population: '700', exited: '否', collective_income_fen: '3.5' } })
    const withNew = await readRows(await exported('villages'))
    const added = withNew.at(-1)!
    expect([added[h('县(市、区、旗)')], added[h('村')], added[h('总户数')], added[h('村级集体经济收入（万元）')], added[h('是否出列')], added[h('行政区划代码')]]).toEqual([
      last.county, last.name, '210', '3.5', '否', '',
    ])
  })

  it('户信息: the household page’s columns corrected — only that cell differs; a household without 户信息 gets one', async () => {
    const { job, call, file, dir, sql, exported } = await ledgerWithRoster(63)
    const heads = sql<LedgerPerson & { group: string | null; hid: number }>(
      `SELECT v.county, v.township, v.name AS village, g.name AS "group", h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type, h.id AS hid
       FROM households h JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id JOIN members m ON m.household_id = h.id AND m.relation = '户主' ORDER BY h.id`,
    )
    const sheet = householdInfoSheet(heads.slice(0, -1), 4, 0)
    const p = path.join(dir, 'info.xlsx')
    const headers = await writeVaried(p, sheet, { titles: [], rename: { '住房面积（平方米）': '住房面积', 是否危房: '是否危房户' }, blankEvery: 4 })
    const preview = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
    expect(preview.headerRow).toBe(1)
    await job('national.importCommit', { fileId: file(p) })
    const given = await readRows(p)
    expect(differences(given, await readRows(await exported('householdInfo')))).toEqual([])

    const first = heads[1]!
    const view = await call('national.household', { householdId: first.hid })
    expect(view.infoValues).not.toBeNull()
    await expect(call('national.saveHouseholdInfo', { householdId: first.hid, values: { ...view.infoValues, broadband: '也许' } })).rejects.toThrow(/「是否通宽带」填的是「也许」，应填「是」或「否」/)
    await expect(call('national.saveHouseholdInfo', { householdId: first.hid, values: { ...view.infoValues, sanitary_toilet: '否' } })).rejects.toThrow(/是否有卫生厕所/)
    await call('national.saveHouseholdInfo', { householdId: first.hid, values: { ...view.infoValues, energy: '太阳能' } })
    const col = headers.indexOf('主要生活能源')
    const corrected = await readRows(await exported('householdInfo'))
    expect(differences(given, corrected)).toEqual([[2, col]])
    expect(corrected[2]![col]).toBe('太阳能')
    expect((await call('national.household', { householdId: first.hid })).info).toEqual(expect.arrayContaining([{ label: '主要生活能源', value: '太阳能' }]))

    // A household the file lacked: its 户信息 entered by hand, written in the file's columns with the ledger's number and householder.
    const last = heads.at(-1)!
    await call('national.saveHouseholdInfo', { householdId: last.hid, values: { housing_structure: '砖混', sanitary_toilet: '是', toilet_type: '三格化粪池式', tap_water: '是' } })
    const withNew = await readRows(await exported('householdInfo'))
    const added = withNew.at(-1)!
    expect([added[headers.indexOf('户编号')], added[headers.indexOf('户主姓名')], added[headers.indexOf('证件号码')], added[headers.indexOf('住房结构')], added[headers.indexOf('卫生厕所类型')]])
      .toEqual([last.household_no, last.name, last.id_number, '砖混', '三格化粪池式'])
  })
})

describe('a work spell corrected', () => {
  it('gives 是否点对点输送 and 年度交通费补助 back in their own cells; nothing else changes', async () => {
    const { job, call, file, dir, people, sql, exported } = await ledgerWithRoster(64)
    const sheet = workSpellSheet(people, 3, 0)
    const p = path.join(dir, 'spells.xlsx')
    const headers = await writeVaried(p, sheet, { titles: ['已外出务工信息'], rename: { 务工月收入: '务工月收入(元)' } })
    await job('national.importCommit', { fileId: file(p) })
    const given = await readRows(p)
    const s = sql<Record<string, string | number | null>>('SELECT * FROM work_spells ORDER BY id LIMIT 1')[0]!
    const yuan = (fen: unknown) => (fen === null ? null : String(Number(fen) / 100))
    await call('national.saveWorkSpell', {
      id: s.id, memberId: s.member_id, startMonth: s.start_month, endMonth: s.end_month, province: s.province, city: s.city, countyAt: s.county_at, channel: s.channel,
      employer: s.employer, industry: s.industry, monthlyIncome: yuan(s.monthly_income_fen), pointToPoint: s.point_to_point === '是' ? '否' : '是', travelSubsidy: '750',
    })
    const corrected = await readRows(await exported('workSpells'))
    const col = (h: string) => headers.indexOf(h)
    expect(differences(given, corrected)).toEqual([[2, col('是否点对点输送')], [2, col('年度交通费补助')]].sort((a, b) => a[1]! - b[1]!))
    expect(corrected[2]![col('年度交通费补助')]).toBe('750')
  })
})

describe('a work spell entered by hand', () => {
  it('with every field of the national 已外出务工信息 draws no work.* finding', async () => {
    const h = setup()
    const data = emptyLedger()
    for (let i = 1; i <= 3; i++) data.households.push(cleanHousehold(i, i))
    const { memberIds } = seedLedger(h.core.ledger, data)
    const memberId = memberIds.get(data.households[0]!.members[0]!.id)!
    await h.call('national.saveWorkSpell', {
      memberId, startMonth: '2024-03', endMonth: null, province: '浙江省', city: '宁波市', countyAt: '北仑区', channel: '企业招聘', employer: '某电子厂',
      industry: '制造业', monthlyIncome: '4500', working: '是', pointToPoint: '否', travelSubsidy: '0', jobSubsidy: '否',
    })
    const stored = h.sql<{ point_to_point: string; travel_subsidy_fen: number; job_subsidy: string; working: string }>('SELECT * FROM work_spells')[0]!
    expect(stored).toMatchObject({ point_to_point: '否', travel_subsidy_fen: 0, job_subsidy: '否', working: '是' })
    await h.call('checks.run', { asOf: EXAMPLE_AS_OF })
    const work = (await h.call('checks.findings', { status: 'all' })).items.filter((f) => f.rule.startsWith('work.'))
    expect(work.map((f) => `${f.rule}: ${f.message}`)).toEqual([])
    await expect(h.call('national.saveWorkSpell', {
      memberId, startMonth: '2024-03', endMonth: null, province: null, city: null, countyAt: null, channel: null, employer: null, industry: null, monthlyIncome: null, working: '否',
    })).rejects.toThrow(/「是否已务工」为「否」时请填写「结束时间」/)
  })
})
