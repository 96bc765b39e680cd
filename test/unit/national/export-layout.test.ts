/**
 * The national-layout export looks like the file it came from (issue 15 §5): a title merged across
 * all columns, a 「单位：」 line, a two-level header with groups merged over their sub-columns and a
 * column merged down, a header with trailing blanks, a blank column and the column widths — all
 * four kinds, merges and every header cell as in the source, every data cell given back.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { NationalCommitResult } from '../../../shared/api/national'
import { generateCounty, writeLayout } from '../../fixtures/county-layouts'
import {
  householdInfoSheet, plannedWorkSheet, readSheetText, villageSheet, workSpellSheet, type LedgerPerson, type NationalSheet,
} from '../../fixtures/national-exports'
import { importHarness } from '../../helpers/import'
import { tempDir } from '../../helpers/temp'

const { setup } = importHarness()

type Cell = string | number | null

/**
 * The sheet in a county's two-level layout: title (merged A1 across), 单位 line (merged over the
 * first half) with the export time beside it, a group row, the header row. A 「备注」 column merged
 * down from the group row is put second, a blank column fourth; `group` sub-columns get a
 * group header merged over them; `suffix` pads one header with blanks.
 */
async function writeCountySheet(file: string, title: string, sheet: NationalSheet, group: { name: string; from: string; count: number }, suffix: string) {
  const headers: Cell[] = [...sheet.headers]
  const rows: Cell[][] = sheet.rows.map((r) => [...r])
  headers.splice(1, 0, null)
  rows.forEach((r, k) => r.splice(1, 0, k % 2 ? `备注${k}` : null))
  headers.splice(3, 0, null)
  rows.forEach((r) => r.splice(3, 0, null))
  const padded = headers.indexOf(suffix)
  headers[padded] = `${suffix}  `
  const width = headers.length
  const start = headers.indexOf(group.from)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  ws.getRow(1).getCell(1).value = title
  ws.mergeCells(1, 1, 1, width)
  ws.getRow(2).getCell(1).value = '单位：样例县乡村振兴局'
  ws.mergeCells(2, 1, 2, Math.floor(width / 2))
  ws.getRow(2).getCell(width - 1).value = '导出时间：2026-11-30'
  ws.getRow(3).getCell(2).value = '备注'
  ws.mergeCells(3, 2, 4, 2)
  ws.getRow(3).getCell(start + 1).value = group.name
  ws.mergeCells(3, start + 1, 3, start + group.count)
  headers.forEach((h, c) => {
    if (h !== null) ws.getRow(4).getCell(c + 1).value = h
  })
  rows.forEach((r, k) => r.forEach((v, c) => {
    if (v !== null) ws.getRow(5 + k).getCell(c + 1).value = v
  }))
  ws.getColumn(1).width = 9
  ws.getColumn(2).width = 31
  ws.getColumn(start + 1).width = 17
  await wb.xlsx.writeFile(file)
  return { rows: rows.length }
}

async function mergesAndWidths(file: string, width: number) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]!
  const merges = [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort()
  const widths = Array.from({ length: width }, (_, c) => ws.getColumn(c + 1).width ?? null)
  return { merges, widths }
}

describe('the national-layout export re-creates the source layout', () => {
  it('merges, header cells, column widths and data cells of all four kinds equal the source', async () => {
    const h = setup()
    const dir = tempDir()
    const county = generateCounty(11, { legacy: 10 })
    const roster = path.join(dir, 'roster.xlsx')
    await writeLayout(roster, 'legacy', county.legacy)
    await h.job('households.importCommit', { fileId: h.file(roster) })
    const people = h.sql<LedgerPerson>(
      `SELECT v.county, v.township, v.name AS village, h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type
       FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id ORDER BY m.id`,
    )
    const heads = h.sql<LedgerPerson & { group: string | null }>(
      `SELECT v.county, v.township, v.name AS village, g.name AS "group", h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type
       FROM households h JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id JOIN members m ON m.household_id = h.id AND m.relation = '户主' ORDER BY h.id`,
    )
    const villages = h.sql<{ county: string; township: string; name: string }>('SELECT county, township, name FROM villages ORDER BY id')
    const cases = [
      ['workSpells', '已外出务工信息', workSpellSheet(people, 5, 0), { name: '务工地点', from: '务工所在省', count: 3 }, '联系电话'],
      ['plannedWork', '计划外出务工信息', plannedWorkSheet(people, 6), { name: '计划务工地点', from: '计划务工所在省', count: 3 }, '联系电话'],
      ['villages', '行政村信息', villageSheet(villages, 7), { name: '人口情况', from: '总户数', count: 4 }, '是否出列'],
      ['householdInfo', '户信息', householdInfoSheet(heads, 8, 0), { name: '住房情况', from: '住房结构', count: 3 }, '联系电话'],
    ] as const
    for (const [kind, title, sheet, group, suffix] of cases) {
      expect(sheet.rows.length, kind).toBeGreaterThan(0)
      const src = path.join(dir, `${kind}.xlsx`)
      const { rows } = await writeCountySheet(src, `${title}（样例县）`, sheet, group, suffix)
      const done = await h.job<NationalCommitResult>('national.importCommit', { fileId: h.file(src) })
      expect(done.counts.new, kind).toBe(rows)
      const exported = await h.job<{ fileId: string }>('national.export', { layout: kind })
      const out = h.core.files.get(exported.fileId).path
      const width = sheet.headers.length + 2
      const given = await mergesAndWidths(src, width)
      const produced = await mergesAndWidths(out, width)
      expect(given.merges.length, kind).toBe(4)
      expect(produced, kind).toEqual(given)
      const givenText = await readSheetText(src)
      const producedText = await readSheetText(out)
      // Title, 单位 line, group row and header exactly as written (the padded header too).
      expect(producedText.slice(0, 4), kind).toEqual(givenText.slice(0, 4))
      expect(producedText[3]![sheet.headers.indexOf(suffix) + 2], kind).toBe(`${suffix}  `)
      // Every data cell given back, the 备注 column merged down in the header and the blank column included.
      expect(producedText.slice(4), kind).toEqual(givenText.slice(4, 4 + rows))
    }
  })
})
