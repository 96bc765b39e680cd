import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listSheets, openSheetRows } from '../../../electron/core/spreadsheets/read'
import { caught, collect, encodeGbk, fakeId, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())
const ID = fakeId('41010219900101123')
let xlsx: string

beforeAll(async () => {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('说明', { state: 'veryHidden' }).getCell('A1').value = '隐藏'
  const ws = wb.addWorksheet('花名册')
  ws.addRow(['姓名', '证件号码'])
  ws.addRow(['张三', ID])
  wb.addWorksheet('汇总').getCell('A1').value = '合计'
  xlsx = tmp.file('示例村.xlsx')
  await wb.xlsx.writeFile(xlsx)
})

describe('listSheets', () => {
  it('lists an xlsx workbook with hidden sheets flagged', async () => {
    expect(await listSheets(xlsx)).toEqual([
      { name: '说明', index: 0, hidden: true },
      { name: '花名册', index: 1, hidden: false },
      { name: '汇总', index: 2, hidden: false },
    ])
  })

  it('gives a CSV file one sheet named after the file', async () => {
    const file = tmp.file('示例村花名册.csv')
    fs.writeFileSync(file, '姓名\n')
    expect(await listSheets(file)).toEqual([{ name: '示例村花名册', index: 0, hidden: false }])
  })

  it('names a CSV stored under a temporary upload name after the file the clerk chose (issue 18, item 14)', async () => {
    const file = tmp.file('5b0c2a7e-0d1f-4c55-9a8e-3f2b1c0d9e8a-示例村花名册.csv')
    fs.writeFileSync(file, '姓名\n')
    expect(await listSheets(file, '示例村花名册.csv')).toEqual([{ name: '示例村花名册', index: 0, hidden: false }])
  })
})

describe('openSheetRows', () => {
  it('reads the first visible sheet of an xlsx, or the one asked for', async () => {
    expect(await collect(openSheetRows(xlsx))).toEqual([
      { rowNumber: 1, cells: ['姓名', '证件号码'] },
      { rowNumber: 2, cells: ['张三', ID] },
    ])
    expect(await collect(openSheetRows(xlsx, { sheet: '汇总' }))).toEqual([{ rowNumber: 1, cells: ['合计'] }])
  })

  it('reads a GBK CSV named .xls, ignoring the sheet option', async () => {
    const file = tmp.file('export.xls')
    fs.writeFileSync(file, encodeGbk(`姓名\t证件号码\r\n张三\t${ID}\r\n`))
    expect(await collect(openSheetRows(file, { sheet: '花名册' }))).toEqual([
      { rowNumber: 1, cells: ['姓名', '证件号码'] },
      { rowNumber: 2, cells: ['张三', ID] },
    ])
  })

  it('rejects what it cannot read before yielding anything', async () => {
    const file = tmp.file('page.xls')
    fs.writeFileSync(file, '<html><body><table><tr><td>姓名</td></tr></table></body></html>')
    expect((await caught(() => collect(openSheetRows(file)))).code).toBe('file_unsupported')
  })
})
