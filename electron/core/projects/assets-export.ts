/** The township's asset ledger (资产台账) to .xlsx, in the columns of the 移交表. */
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import { cellTexts } from '../spreadsheets/cell-text'
import { fenToYuanText } from '../../../shared/domain/money'
import type { AssetView } from '../../../shared/domain/projects'

const COLUMNS: [string, number, (a: AssetView) => string | null][] = [
  ['资产编号', 12, (a) => a.assetNo],
  ['资产名称', 24, (a) => a.name],
  ['类别', 8, (a) => a.category],
  ['来源项目', 28, (a) => a.projectName],
  ['行政村', 12, (a) => a.village],
  ['建成时间', 12, (a) => a.builtDate],
  ['数量', 8, (a) => a.quantity],
  ['单位', 6, (a) => a.unit],
  ['资产原值（元）', 14, (a) => (a.originalValueFen === null ? null : fenToYuanText(a.originalValueFen))],
  ['所在位置', 20, (a) => a.location],
  ['所有权人', 16, (a) => a.owner],
  ['经营权人', 16, (a) => a.operator],
  ['管护主体', 16, (a) => a.custodian],
  ['管护责任人', 10, (a) => a.custodianPerson],
  ['收益分配方式', 24, (a) => a.incomeDistribution],
  ['受益户', 16, (a) => a.householdLabel],
]

export async function exportAssets(assets: AssetView[], outputPath: string): Promise<void> {
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('资产台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  })
  sheet.columns = COLUMNS.map(([header, width]) => ({ header, width }))
  sheet.getRow(1).font = { bold: true }
  for (const a of assets) {
    const row = sheet.addRow(cellTexts(COLUMNS.map(([, , get]) => get(a))))
    // Money as a number with two decimals so Excel can add it up.
    if (a.originalValueFen !== null) row.getCell(9).value = a.originalValueFen / 100
    row.getCell(9).numFmt = '#,##0.00'
  }
  const total = assets.reduce((acc, a) => acc + (a.originalValueFen ?? 0), 0)
  const last = sheet.addRow(['合计', `${assets.length} 项`])
  last.getCell(9).value = total / 100
  last.getCell(9).numFmt = '#,##0.00'
  last.font = { bold: true }
  await workbook.xlsx.writeFile(outputPath)
}
