import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { readSheetGrid } from '../../../electron/core/spreadsheets/sheet-grid'
import { caught, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('readSheetGrid', () => {
  it('reads the first visible sheet (or the one asked for) into a grid by Excel row, with blank rows kept and a missing sheet refused', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明', { state: 'hidden' }).getCell('A1').value = '隐藏'
    const ws = wb.addWorksheet('名单')
    ws.getCell('A1').value = '示例镇名单'
    ws.getCell('A3').value = '姓名'
    ws.getCell('B3').value = '行政村'
    ws.getCell('A4').value = '张三'
    ws.getCell('B4').value = '示例一村'
    wb.addWorksheet('汇总').getCell('B2').value = 5
    const file = tmp.file('示例名单.xlsx')
    await wb.xlsx.writeFile(file)
    const steps: string[] = []
    const ctx = { progress: (_d: number, _t: number, m: string) => steps.push(m), checkCancelled: () => undefined }

    const { grid, source } = await readSheetGrid({ path: file, fileName: '示例名单.xlsx' }, ctx)
    expect(source).toMatchObject({ fileName: '示例名单.xlsx', sheet: '名单', sheets: [{ name: '说明', hidden: true }, { name: '名单', hidden: false }, { name: '汇总', hidden: false }] })
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(grid[0]?.[0]).toBe('示例镇名单')
    expect(grid[1]?.filter((v) => v !== null && v !== undefined && v !== '')).toEqual([])
    expect(grid[3]?.slice(0, 2)).toEqual(['张三', '示例一村'])
    expect(steps).toEqual(['正在读取文件…'])

    const other = await readSheetGrid({ path: file, fileName: '示例名单.xlsx', sheet: '汇总' }, ctx)
    expect(other.source.sheet).toBe('汇总')
    expect(other.grid[1]?.[1]).toBe(5)

    const refused = await caught(() => readSheetGrid({ path: file, fileName: '示例名单.xlsx', sheet: '没有' }, ctx))
    expect(refused.code).toBe('no_sheet')
    expect(refused.message).toContain('没有名为「没有」的工作表')
  })
})
