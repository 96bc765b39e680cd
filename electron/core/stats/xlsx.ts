/**
 * A report table as .xlsx laid out for A4 landscape: the title, 填报单位 / 日期 / 单位, the
 * two-level header repeated on every printed page, ruled cells fitted to the page width, a print
 * area, 负责人 / 填表人 lines and 「第 x 页 共 y 页」 in the footer. Counts and money as numbers
 * (money in 万元, four decimals) so the county can add them up.
 */
import type ExcelJS from 'exceljs'
import { cellText, cellTexts } from '../spreadsheets/cell-text'
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import type { ReportTable } from '../../../shared/domain/stats'

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }
const FONT = '宋体'

const cnDate = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

export async function writeReportXlsx(t: ReportTable, outputPath: string): Promise<void> {
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const n = t.kinds.length
  const sheet = workbook.addWorksheet(t.title.slice(0, 31), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  })
  sheet.columns = t.widths.map((w) => ({ width: Math.max(4, Math.round(w * 1.6)) }))
  const merged = (text: string, opts: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right'; height?: number } = {}) => {
    const row = sheet.addRow([cellText(text)])
    sheet.mergeCells(row.number, 1, row.number, n)
    const cell = row.getCell(1)
    cell.font = { name: FONT, size: opts.size ?? 10, bold: opts.bold ?? false }
    cell.alignment = { vertical: 'middle', horizontal: opts.align ?? 'left', wrapText: true }
    if (opts.height) row.height = opts.height
    return row
  }
  merged(t.title, { bold: true, size: 16, align: 'center', height: 30 })
  // 填报单位 left, 日期 in the middle, 单位 right: three merged parts of one row.
  const meta = sheet.addRow([])
  const third = Math.max(1, Math.floor(n / 3))
  const parts: [number, number, string, 'left' | 'center' | 'right'][] = [
    [1, third, `填报单位：${t.unit}`, 'left'],
    [third + 1, n - third, `日期：${cnDate(t.asOf)}`, 'center'],
    [n - third + 1, n, t.measure, 'right'],
  ]
  for (const [from, to, text, align] of parts) {
    if (to > from) sheet.mergeCells(meta.number, from, meta.number, to)
    const cell = meta.getCell(from)
    cell.value = cellText(text)
    cell.font = { name: FONT, size: 10 }
    cell.alignment = { vertical: 'middle', horizontal: align }
  }
  // The header: rowSpan / colSpan laid into a grid, each cell merged over its span.
  const headerStart = sheet.rowCount + 1
  const taken = new Set<string>()
  t.header.forEach((cells, r) => {
    const row = sheet.getRow(headerStart + r)
    row.height = 28
    let c = 1
    for (const h of cells) {
      while (taken.has(`${r}:${c}`)) c++
      const rs = h.rowSpan ?? 1
      const cs = h.colSpan ?? 1
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) taken.add(`${r + i}:${c + j}`)
      row.getCell(c).value = cellText(h.text)
      if (rs > 1 || cs > 1) sheet.mergeCells(headerStart + r, c, headerStart + r + rs - 1, c + cs - 1)
      c += cs
    }
  })
  const headerEnd = headerStart + t.header.length - 1
  for (let r = headerStart; r <= headerEnd; r++) {
    for (let c = 1; c <= n; c++) {
      const cell = sheet.getRow(r).getCell(c)
      cell.border = THIN
      cell.font = { name: FONT, size: 10, bold: true }
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
    }
  }
  const body = (values: (string | number | null)[], bold: boolean) => {
    const row = sheet.addRow(
      cellTexts(values.map((v, i) => (typeof v === 'number' && t.kinds[i] === 'wan' ? Math.round(v / 100) / 10_000 : v === null ? '' : v))),
    )
    for (let c = 1; c <= n; c++) {
      const cell = row.getCell(c)
      const kind = t.kinds[c - 1]
      cell.border = THIN
      cell.font = { name: FONT, size: 10, bold }
      cell.alignment = { vertical: 'middle', horizontal: typeof values[c - 1] === 'number' ? 'right' : c === 1 ? 'center' : 'left', wrapText: true }
      if (kind === 'wan') cell.numFmt = '0.0000'
      if (kind === 'pct' && typeof values[c - 1] === 'number') {
        cell.value = (values[c - 1] as number) / 100
        cell.numFmt = '0.0%'
      }
    }
  }
  for (const r of t.rows) body(r, false)
  if (t.total) body(t.total, true)
  if (t.note) merged(`说明：${t.note}`, { height: 24 })
  merged('')
  merged('负责人：＿＿＿＿＿＿            填表人：＿＿＿＿＿＿            联系电话：＿＿＿＿＿＿            填报日期：' + cnDate(t.asOf), { height: 24 })
  const lastCol = sheet.getColumn(n).letter
  sheet.pageSetup.printArea = `A1:${lastCol}${sheet.rowCount}`
  sheet.pageSetup.printTitlesRow = `${headerStart}:${headerEnd}`
  sheet.views = [{ state: 'frozen', ySplit: headerEnd }]
  await workbook.xlsx.writeFile(outputPath)
}
