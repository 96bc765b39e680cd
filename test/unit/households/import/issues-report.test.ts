/** The 问题清单 keeps the original's merges and frozen header; ID and phone columns stay text (issue 13, item 9). */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { idCheckChar } from '../../../../shared/domain/id-number'
import { writeIssuesReport } from '../../../../electron/core/households/import/issues-report'
import { parseRosterFile } from '../../../../electron/core/households/import/parse'
import { planRosterImport } from '../../../../electron/core/households/import/plan'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'

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
