/**
 * The roster export after files with two-level headers and with 「/」 inside single column names
 * (issue 13, items 4 and 6).
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { RosterPreview } from '../../../../shared/api/households-import'
import { idCheckChar } from '../../../../shared/domain/id-number'
import { exportRoster } from '../../../../electron/core/households/export'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'

const { setup } = importHarness()
const validId = (first17: string) => first17 + idCheckChar(first17)

/** A per-person sheet under a merged two-level header (rows 1–2, no title), one group with an unknown child. */
async function twoLevelWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.getRow(1).values = ['行政村', '户编号', '姓名', '证件号码', '与户主关系', '收入情况', null, null]
  ws.getRow(2).values = [null, null, null, null, null, '人均纯收入', '工资性收入', '其他收入说明']
  for (const c of [1, 2, 3, 4, 5]) ws.mergeCells(1, c, 2, c)
  ws.mergeCells(1, 6, 1, 8)
  const rows = [
    ['青山村', '419901000001', '张三', validId('41990119800101001'), '户主', '8500.5', '3000', '低保金'],
    ['青山村', '419901000001', '李四', validId('41990119820202002'), '配偶', '8500.5', '3000', '低保金'],
    ['石桥村', '419901000002', '王五', validId('41990119700404004'), '户主', '12000', '0', null],
  ]
  rows.forEach((r, i) => (ws.getRow(3 + i).values = r))
  ws.getColumn(4).numFmt = '@'
  await wb.xlsx.writeFile(file)
}

describe('roster export after a two-level header', () => {
  it('the standard export succeeds, writes one header row with the names as stored, and re-imports unchanged', async () => {
    const { job, file, core } = setup()
    const dir = tempDir()
    const src = path.join(dir, 'two-level.xlsx')
    await twoLevelWorkbook(src)
    await job('households.importCommit', { fileId: file(src) })
    const out = path.join(dir, 'standard.xlsx')
    const r = await exportRoster(core.ledger, out, { layout: 'standard', masked: false })
    expect(r).toEqual({ households: 2, members: 3 })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)
    expect(header).toContain('收入情况/其他收入说明')
    const again = await job<RosterPreview>('households.importPreview', { fileId: file(out) })
    expect(again.households).toEqual({ new: 0, changed: 0, unchanged: 2, missing: 0 })
    expect(again.members).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 0 })
  })

  it('the source-layout export writes the two header rows (group merged across, single cells merged down) and re-imports unchanged', async () => {
    const { job, file, core } = setup()
    const dir = tempDir()
    const src = path.join(dir, 'two-level.xlsx')
    await twoLevelWorkbook(src)
    await job('households.importCommit', { fileId: file(src) })
    const out = path.join(dir, 'source.xlsx')
    await exportRoster(core.ledger, out, { layout: 'source', masked: false })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]!
    // The header keeps its two rows; a title row goes above it.
    expect((ws.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['行政村', '户编号', '姓名', '证件号码', '与户主关系', '收入情况'])
    expect((ws.getRow(3).values as unknown[]).slice(6)).toEqual(['人均纯收入', '工资性收入', '其他收入说明'])
    expect(ws.getCell('F2').isMerged && ws.getCell('H2').isMerged).toBe(true)
    expect(ws.getCell('A3').isMerged).toBe(true)
    expect(ws.getCell('H4').value).toBe('低保金')
    const again = await job<RosterPreview>('households.importPreview', { fileId: file(out) })
    expect(again.errorCount).toBe(0)
    expect(again.households).toEqual({ new: 0, changed: 0, unchanged: 2, missing: 0 })
    expect(again.members).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 0 })
  })
})

describe('a 「/」 inside a one-row header is part of the name', () => {
  it('「致贫/返贫风险1」… come back whole, on one header row, in the source layout', async () => {
    const { job, file, core } = setup()
    const dir = tempDir()
    const src = path.join(dir, 'monitor.xlsx')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Sheet1')
    ws.getRow(1).values = ['（自定义）监测对象信息']
    ws.getRow(2).values = ['导出时间：2024-05-06']
    const headers = ['村', '户编号', '姓名', '证件号码', '与户主关系', '致贫/返贫风险1', '致贫/返贫风险2', '致贫/返贫风险其他备注']
    ws.getRow(3).values = headers
    ws.getRow(4).values = ['青山村', '419901000001', '张三', validId('41990119800101001'), '户主', '因病', '因学', null]
    ws.getRow(5).values = ['青山村', '419901000001', '李四', validId('41990119820202002'), '配偶', '因病', '因学', '其他：说明']
    await wb.xlsx.writeFile(src)
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(src) })
    expect(preview.columns.map((c) => c.header)).toEqual(headers)
    await job('households.importCommit', { fileId: file(src) })
    const out = path.join(dir, 'back.xlsx')
    await exportRoster(core.ledger, out, { layout: 'source', masked: false })
    const back = new ExcelJS.Workbook()
    await back.xlsx.readFile(out)
    const sheet = back.worksheets[0]!
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(headers)
    expect(sheet.getRow(2).values).toEqual([])
    expect((sheet.getRow(5).values as unknown[]).slice(6)).toEqual(['因病', '因学', '其他：说明'])
    const again = await job<RosterPreview>('households.importPreview', { fileId: file(out) })
    expect(again.households).toEqual({ new: 0, changed: 0, unchanged: 1, missing: 0 })
    expect(again.members).toEqual({ new: 0, changed: 0, unchanged: 2, missing: 0 })
  })
})
