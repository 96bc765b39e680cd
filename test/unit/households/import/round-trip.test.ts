/**
 * Round trips over ledgers built from every roster layout (issue 13): generated, seeded county
 * files of varied shape, several into one ledger, plus edits and the demo township. The standard
 * export and the source-layout export re-import with zero new, changed and missing households and
 * members; a national export written back in its own layout gives back every cell.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { RosterPreview } from '../../../../shared/api/households-import'
import { idCheckChar } from '../../../../shared/domain/id-number'
import { cellToText } from '../../../../shared/import/cells'
import { exportRoster } from '../../../../electron/core/households/export'
import { generateCounty, LAYOUTS, layoutRows, NATIONAL_HEADERS, rng, writeLayout, type LayoutName } from '../../../fixtures/county-layouts'
import { encodeGbk } from '../../../helpers/gbk'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'

const { setup } = importHarness()

const EXT: Record<LayoutName, string> = { legacy: 'xlsx', monitoring: 'xlsx', csv: 'csv', household: 'xlsx', wide: 'xlsx', xls: 'xls', national: 'xlsx' }
const ZERO = { new: 0, changed: 0, missing: 0 }
const drift = (p: RosterPreview) => ({
  households: { new: p.households.new, changed: p.households.changed, missing: p.households.missing },
  members: { new: p.members.new, changed: p.members.changed, missing: p.members.missing },
})
const changeList = (p: RosterPreview) => [
  ...p.changedHouseholds.slice(0, 5).map((c) => `${c.village} ${c.headName ?? ''}: ${c.diffs.map((d) => `${d.label} ${d.before ?? '（空）'}→${d.after ?? '（空）'}`).join('；')}`),
  ...p.newHouseholds.slice(0, 3).map((c) => `新 ${c.village} ${c.householdNo ?? ''} ${c.headName ?? ''}`),
  ...p.missing.slice(0, 3).map((m) => `缺 ${m.village} ${m.householdNo ?? ''} ${m.name}`),
]

describe('round trip over ledgers built from every layout', () => {
  for (const seed of [7, 1913, 20261201]) {
    it(`seed ${seed}: all layouts, the demo township and edits in one ledger; both exports re-import with zero differences`, async () => {
      const rand = rng(seed)
      const { job, call, file, core } = setup()
      const dir = tempDir()
      const sizes = Object.fromEntries(LAYOUTS.map((l) => [l, 3 + Math.floor(rand() * 6)])) as Record<LayoutName, number>
      const county = generateCounty(seed, sizes)
      const order = [...LAYOUTS].sort(() => rand() - 0.5)

      await job('demo.load', { households: 10 })
      for (const layout of order) {
        const p = path.join(dir, `${layout}.${EXT[layout]}`)
        await writeLayout(p, layout, county[layout])
        const preview = await job<RosterPreview>('households.importPreview', { fileId: file(p) })
        expect({ layout, errors: preview.issues.filter((i) => i.severity === 'error').map((i) => i.message) }).toEqual({ layout, errors: [] })
        expect({ layout, households: preview.households.new }).toEqual({ layout, households: county[layout].length })
        await job('households.importCommit', { fileId: file(p) })
      }
      const expected = 10 + LAYOUTS.reduce((n, l) => n + sizes[l], 0)
      expect(core.ledger.sqlite.prepare('SELECT count(*) FROM households').pluck().get()).toBe(expected)

      // Edits made in the ledger after the imports.
      const ids = core.ledger.sqlite.prepare('SELECT id FROM households ORDER BY id').pluck().all() as number[]
      const edited = ids[Math.floor(rand() * ids.length)]!
      await call('households.update', { id: edited, patch: { phone: '13912345678' } })
      const member = core.ledger.sqlite.prepare('SELECT id FROM members WHERE household_id = ? ORDER BY id LIMIT 1').pluck().get(ids[0]) as number
      await call('households.updateMember', { memberId: member, patch: { ethnicity: '土家族' } })

      for (const layout of ['standard', 'source'] as const) {
        const out = path.join(dir, `export-${layout}.xlsx`)
        const r = await exportRoster(core.ledger, out, { layout, masked: false })
        expect(r.households).toBe(expected)
        const again = await job<RosterPreview>('households.importPreview', { fileId: file(out) })
        expect({ layout, errors: again.errorCount, changes: changeList(again) }).toEqual({ layout, errors: 0, changes: [] })
        expect(drift(again)).toEqual({ households: ZERO, members: ZERO })
      }
    }, 60_000)
  }
})

describe('a source layout of one row per household', () => {
  it('the last file listed heads only: the source-layout export writes one row per household and re-imports with zero differences', async () => {
    const { job, file, core } = setup()
    const dir = tempDir()
    const county = generateCounty(42, { legacy: 5, household: 4 })
    for (const layout of ['legacy', 'household'] as const) {
      const p = path.join(dir, `${layout}.xlsx`)
      await writeLayout(p, layout, county[layout])
      await job('households.importCommit', { fileId: file(p) })
    }
    const out = path.join(dir, 'export-source.xlsx')
    const r = await exportRoster(core.ledger, out, { layout: 'source', masked: false })
    expect(r).toEqual({ households: 9, members: 9 })
    const again = await job<RosterPreview>('households.importPreview', { fileId: file(out) })
    expect({ errors: again.errorCount, changes: changeList(again) }).toEqual({ errors: 0, changes: [] })
    expect(drift(again)).toEqual({ households: ZERO, members: ZERO })
    expect(again.members.unchanged).toBe(9)
  })
})

describe('the national monitoring export', () => {
  for (const seed of [5, 808]) {
    it(`seed ${seed}: a clean export draws no warning, and written back in its own layout gives every cell back`, async () => {
      const { job, file, core } = setup()
      const dir = tempDir()
      const county = generateCounty(seed, { national: 12 })
      const src = path.join(dir, '监测对象信息.xlsx')
      await writeLayout(src, 'national', county.national)
      const preview = await job<RosterPreview>('households.importPreview', { fileId: file(src) })
      expect(preview.issues.map((i) => i.message)).toEqual([])
      await job('households.importCommit', { fileId: file(src) })

      const out = path.join(dir, 'back.xlsx')
      await exportRoster(core.ledger, out, { layout: 'source', masked: false })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(out)
      const sheet = wb.worksheets[0]!
      expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...NATIONAL_HEADERS])
      const given = layoutRows('national', county.national)
      const idColumn = NATIONAL_HEADERS.indexOf('证件号码')
      const back: (string | null)[][] = []
      for (let r = 0; r < given.length; r++) {
        const row = sheet.getRow(4 + r)
        expect(typeof row.getCell(idColumn + 1).value).toBe('string')
        back.push(NATIONAL_HEADERS.map((_, c) => {
          const v = row.getCell(c + 1).value as string | number | null
          return v === null || v === undefined ? null : cellToText(v)
        }))
      }
      expect(back).toEqual(given.map((row) => row.map((v) => (v === null ? null : String(v)))))
      expect(sheet.getRow(4 + given.length).values).toEqual([])
    }, 60_000)
  }
})

describe('fill-down and identity (issue 13, item 5)', () => {
  const id = (n: number, birth = '19800101') => {
    const first17 = `419801${birth}${String(n).padStart(3, '0')}`
    return first17 + idCheckChar(first17)
  }
  const headers = ['乡镇', '行政村', '组', '户编号', '姓名', '证件号码', '与户主关系']

  async function xlsx(file: string, rows: (string | null)[][], merges: [number, number, number, number][] = []): Promise<void> {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('花名册')
    ws.getRow(1).values = headers
    rows.forEach((r, i) => r.forEach((v, c) => v !== null && (ws.getCell(i + 2, c + 1).value = v)))
    for (const m of merges) ws.mergeCells(...m)
    await wb.xlsx.writeFile(file)
  }

  it('a blank 组 stays blank where the village changed; a merged 组 is filled from its top cell', async () => {
    const { job, file, sql } = setup()
    const p = path.join(tempDir(), 'groups.xlsx')
    await xlsx(p, [
      ['甲镇', '松林村', '2组', 'H001', '张一', id(1), '户主'],
      ['甲镇', '松林村', null, 'H001', '李一', id(2, '19820101'), '配偶'], // merged with the 2组 above
      ['甲镇', '岩门村', null, 'H002', '王二', id(3), '户主'], // not merged: no 组
      ['甲镇', '岩门村', '3组', 'H003', '赵三', id(4), '户主'],
      ['甲镇', '岩门村', null, 'H004', '钱四', id(5), '户主'], // merged with 3组 above
    ], [[2, 3, 3, 3], [5, 3, 6, 3]])
    await job('households.importCommit', { fileId: file(p) })
    expect(sql("SELECT h.household_no AS no, v.name AS village, g.name AS grp FROM households h JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id ORDER BY h.household_no")).toEqual([
      { no: 'H001', village: '松林村', grp: '2组' },
      { no: 'H002', village: '岩门村', grp: null },
      { no: 'H003', village: '岩门村', grp: '3组' },
      { no: 'H004', village: '岩门村', grp: '3组' },
    ])
  })

  it('in a CSV (no merged cells) a blank 组 is never carried into another household', async () => {
    const { job, file, sql } = setup()
    const p = path.join(tempDir(), 'groups.csv')
    fs.writeFileSync(p, encodeGbk([
      headers.join(','),
      `甲镇,松林村,2组,H001,张一,${id(1)},户主`,
      `,岩门村,,H002,王二,${id(3)},户主`,
      `,,,H003,赵三,${id(4)},户主`,
    ].join('\r\n')))
    await job('households.importCommit', { fileId: file(p) })
    expect(sql("SELECT h.household_no AS no, v.township, v.name AS village, g.name AS grp FROM households h JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id ORDER BY h.household_no")).toEqual([
      { no: 'H001', township: '甲镇', village: '松林村', grp: '2组' },
      { no: 'H002', township: '甲镇', village: '岩门村', grp: null },
      { no: 'H003', township: '甲镇', village: '岩门村', grp: null },
    ])
  })

  it('households without 户编号 stay apart on import and on re-importing the standard export', async () => {
    const { job, file, core } = setup()
    const dir = tempDir()
    const p = path.join(dir, 'no-number.xlsx')
    await xlsx(p, [
      ['甲镇', '松林村', '1组', 'H001', '张一', id(1), '户主'],
      ['甲镇', '松林村', '1组', null, '王二', id(3), '户主'],
      ['甲镇', '松林村', '1组', null, '王小二', id(6, '20100101'), '之子'],
      ['甲镇', '松林村', '1组', null, '赵三', id(4), '户主'],
    ])
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(p) })
    expect(preview.households.new).toBe(3)
    await job('households.importCommit', { fileId: file(p) })
    const out = path.join(dir, 'standard.xlsx')
    await exportRoster(core.ledger, out, { layout: 'standard', masked: false })
    const again = await job<RosterPreview>('households.importPreview', { fileId: file(out) })
    expect(drift(again)).toEqual({ households: ZERO, members: ZERO })
    expect(again.households.unchanged).toBe(3)
  })

  it('a file without a township column never moves a village to its namesake in another township', async () => {
    const { job, file, sql } = setup()
    const dir = tempDir()
    const a = path.join(dir, 'a.xlsx')
    await xlsx(a, [['甲镇', '岩门村', '1组', 'H001', '张一', id(1), '户主']])
    const b = path.join(dir, 'b.xlsx')
    await xlsx(b, [['乙镇', '岩门村', '2组', 'H002', '王二', id(3), '户主']])
    await job('households.importCommit', { fileId: file(a) })
    await job('households.importCommit', { fileId: file(b) })
    // The 乙镇 village's own list, without 乡镇 column.
    const c = path.join(dir, 'c.csv')
    fs.writeFileSync(c, encodeGbk(['行政村,组,户编号,姓名,证件号码,与户主关系', `岩门村,2组,H002,王二,${id(3)},户主`].join('\r\n')))
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(c) })
    expect(drift(preview)).toEqual({ households: ZERO, members: ZERO })
    await job('households.importCommit', { fileId: file(c) })
    expect(sql("SELECT h.household_no AS no, v.township FROM households h JOIN villages v ON v.id = h.village_id ORDER BY h.household_no")).toEqual([
      { no: 'H001', township: '甲镇' },
      { no: 'H002', township: '乙镇' },
    ])
  })
})
