/** The 问题清单 keeps the original's merges, widths, number formats and frozen panes; ID and phone columns stay text (issue 13, item 9). */
import fs from 'node:fs'
import path from 'node:path'
import * as XLSX from '@e965/xlsx'
import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { idCheckChar } from '../../../../shared/domain/id-number'
import { writeIssuesReport } from '../../../../electron/core/households/import/issues-report'
import { parseRosterFile } from '../../../../electron/core/households/import/parse'
import { planRosterImport } from '../../../../electron/core/households/import/plan'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'
import { workbookOf } from '../../spreadsheets/xls-fixtures'

const { setup } = importHarness()
const ctx = { progress: () => undefined, checkCancelled: () => undefined }

it('keeps the title merge and the frozen header; ID and phone cells are text, the damaged ID flagged', async () => {
  const { core } = setup()
  const dir = tempDir()
  const src = path.join(dir, 'county.xlsx')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.getCell('A1').value = '样例县花名册'
  ws.mergeCells(1, 1, 1, 6)
  ws.getRow(2).values = ['行政村', '户编号', '姓名', '证件号码', '与户主关系', '联系电话']
  const good = '41980119800101001' + idCheckChar('41980119800101001')
  ws.getRow(3).values = ['岩门村', '419801000001', '张一', good, '户主', 13912345678]
  // Excel kept 15 digits of an ID typed as a number.
  ws.getRow(4).values = ['岩门村', '419801000002', '王二', 419801198202020000, '户主', 13812345678]
  await wb.xlsx.writeFile(src)

  const roster = await parseRosterFile(core.ledger, { path: src, fileName: 'county.xlsx' }, ctx)
  const plan = planRosterImport(core.ledger, roster)
  expect(plan.issues.some((i) => i.row === 4 && i.column === '证件号码' && i.severity === 'error')).toBe(true)
  const out = path.join(dir, '问题清单.xlsx')
  await writeIssuesReport(src, roster, plan.issues, out, ctx)

  const back = new ExcelJS.Workbook()
  await back.xlsx.readFile(out)
  const sheet = back.worksheets[0]!
  expect(sheet.getCell('F1').isMerged).toBe(true)
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
  expect(sheet.getCell('D3').value).toBe(good)
  expect(sheet.getCell('D3').numFmt).toBe('@')
  expect(sheet.getCell('F3').value).toBe('13912345678')
  expect(sheet.getCell('F3').numFmt).toBe('@')
  expect(sheet.getCell('D4').numFmt).toBe('@')
  expect(typeof sheet.getCell('D4').value).toBe('string')
  expect(String(sheet.getCell('G4').value)).toContain('证件号码')
})

/** A county roster sheet with widths, number formats and frozen panes of its own. */
function styledRows(good: string) {
  return [
    ['行政村', '户编号', '姓名', '证件号码', '与户主关系', '联系电话', '出生日期', '人均纯收入'],
    ['岩门村', '419801000001', '张一', good, '户主', 13912345678, new Date(Date.UTC(1980, 0, 1)), 12345.5],
    ['岩门村', '419801000002', '王二', 419801198202020000, '户主', 13812345678, new Date(Date.UTC(1982, 1, 2)), 8000],
  ]
}

async function reportOf(src: string) {
  const { core } = setup()
  const roster = await parseRosterFile(core.ledger, { path: src, fileName: path.basename(src) }, ctx)
  const plan = planRosterImport(core.ledger, roster)
  const out = path.join(path.dirname(src), `问题清单-${path.basename(src)}.xlsx`)
  await writeIssuesReport(src, roster, plan.issues, out, ctx)
  const back = new ExcelJS.Workbook()
  await back.xlsx.readFile(out)
  return back.worksheets[0]!
}

it('keeps the original\'s column widths, number formats and frozen panes (.xlsx)', async () => {
  const dir = tempDir()
  const src = path.join(dir, 'styled.xlsx')
  const good = '41980119800101001' + idCheckChar('41980119800101001')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册', { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] })
  ws.getCell('A1').value = '样例县花名册（单位：元）'
  ws.mergeCells(1, 1, 1, 8)
  styledRows(good).forEach((r, i) => (ws.getRow(i + 2).values = r))
  const widths = [11, 15, 9.5, 23, 10, 14, 16, 12.5]
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  for (const r of [3, 4]) {
    ws.getCell(`G${r}`).numFmt = 'yyyy"年"m"月"d"日"'
    ws.getCell(`H${r}`).numFmt = '#,##0.00'
  }
  ws.getCell('A1').numFmt = '@'
  await wb.xlsx.writeFile(src)

  const sheet = await reportOf(src)
  expect(widths.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(widths)
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 2 })
  expect(sheet.getCell('H1').isMerged).toBe(true)
  expect(sheet.getCell('G3').value).toEqual(new Date(Date.UTC(1980, 0, 1)))
  expect(sheet.getCell('G3').numFmt).toBe('yyyy"年"m"月"d"日"')
  expect(sheet.getCell('G4').numFmt).toBe('yyyy"年"m"月"d"日"')
  expect(sheet.getCell('H3').value).toBe(12345.5)
  expect(sheet.getCell('H3').numFmt).toBe('#,##0.00')
  // ID and phone columns stay text whatever the original said.
  for (const ref of ['D3', 'D4', 'F3', 'F4']) {
    expect(sheet.getCell(ref).numFmt, ref).toBe('@')
    expect(typeof sheet.getCell(ref).value, ref).toBe('string')
  }
  expect(sheet.getCell('F3').value).toBe('13912345678')
})

it('keeps an .xls original\'s column widths, number formats and title merge; the header frozen', async () => {
  const dir = tempDir()
  const src = path.join(dir, 'styled.xls')
  const good = '41980119800101001' + idCheckChar('41980119800101001')
  const rows = styledRows(good).map((r) => r.map((v) => (v instanceof Date ? (v.getTime() / 86_400_000 + 25569) : v)))
  const wb = workbookOf([
    {
      name: '花名册',
      rows: [['样例县花名册'], ...rows],
      merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } }],
      formats: { G3: 'yyyy"年"m"月"d"日"', G4: 'yyyy"年"m"月"d"日"', H3: '#,##0.00', H4: '#,##0.00' },
    },
  ])
  const widths = [11, 15, 9.5, 23, 10, 14, 16, 12]
  wb.Sheets['花名册']!['!cols'] = widths.map((width) => ({ width }))
  fs.writeFileSync(src, XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer)

  const sheet = await reportOf(src)
  expect(widths.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(widths)
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
  expect(sheet.getCell('H1').isMerged).toBe(true)
  expect(sheet.getCell('G3').value).toEqual(new Date(Date.UTC(1980, 0, 1)))
  expect(sheet.getCell('G3').numFmt).toBe('yyyy"年"m"月"d"日"')
  expect(sheet.getCell('H4').numFmt).toBe('#,##0.00')
  for (const ref of ['D3', 'D4', 'F3', 'F4']) {
    expect(sheet.getCell(ref).numFmt, ref).toBe('@')
    expect(typeof sheet.getCell(ref).value, ref).toBe('string')
  }
})
