/**
 * 「问题说明」 report: the sheet written back as it was read — its merged cells, column widths,
 * number formats and frozen header — plus a column explaining each row's problems and the
 * offending cells filled red, so the clerk can correct the file in Excel and import it again.
 * ID, phone and code columns are written as text (numFmt '@', string cells), so a number typed in
 * to correct one keeps every digit.
 */
import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../../spreadsheets/load-exceljs'
import { cellText } from '../../spreadsheets/cell-text'
import type { ImportIssueView } from '../../../../shared/api/households-import'
import type { JobContext } from '../../jobs'
import { openSheetRows, readMergedRanges, readSheetView } from '../../spreadsheets/read'
import { fieldByKey } from '../../../../shared/import/households-fields'
import type { ParsedRoster } from './types'

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }
const AMBER: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } }

export async function writeIssuesReport(
  sourcePath: string,
  roster: ParsedRoster,
  issues: ImportIssueView[],
  outputPath: string,
  ctx: Pick<JobContext, 'progress' | 'checkCancelled'>,
): Promise<void> {
  const byRow = new Map<number, ImportIssueView[]>()
  for (const i of issues) {
    const list = byRow.get(i.row) ?? []
    list.push(i)
    byRow.set(i.row, list)
  }
  const columnOf = new Map(roster.columns.map((c) => [c.header, c.index]))
  const width = Math.max(...roster.columns.map((c) => c.index + 1), 1)
  const noteColumn = width + 1

  const excel = await loadExcelJS()
  const view = await readSheetView(sourcePath, roster.sheet)

  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: outputPath, useStyles: true, useSharedStrings: false })
  // The panes the county's sheet froze; where it froze none (or cannot tell), the header stays in view.
  const frozen = view?.frozen ?? { rows: roster.headerRow, columns: 0 }
  const sheet = workbook.addWorksheet(roster.sheet.slice(0, 31) || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: frozen.rows, ...(frozen.columns ? { xSplit: frozen.columns } : {}) }],
  })
  const widths = new Map<number, number>()
  for (const w of view?.widths ?? []) for (let i = w.first; i <= w.last && i < width; i++) widths.set(i, w.width)
  for (const [i, w] of widths) sheet.getColumn(i + 1).width = w
  sheet.getColumn(noteColumn).width = 60
  // ID, phone and code columns stay text, so a number typed in to correct it keeps every digit.
  const textColumns = new Set(
    roster.columns.filter((c) => c.field && ['id', 'phone', 'code'].includes(fieldByKey(c.field).kind)).map((c) => c.index),
  )
  for (const i of textColumns) {
    sheet.getColumn(i + 1).numFmt = '@'
    sheet.getColumn(i + 1).width = widths.get(i) ?? 22
  }
  // The original's merged cells (title, two-level header, cells merged down).
  for (const m of (await readMergedRanges(sourcePath, roster.sheet)) ?? []) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1)
  for await (const { rowNumber, cells, formats } of openSheetRows(sourcePath, { sheet: roster.sheet, formats: true })) {
    if (rowNumber % 2000 === 0) {
      ctx.checkCancelled()
      ctx.progress(rowNumber, roster.rows + roster.headerRow, `正在生成问题清单：第 ${rowNumber} 行`)
    }
    const row = sheet.getRow(rowNumber)
    cells.forEach((v, i) => {
      if (v === null) return
      const cell = row.getCell(i + 1)
      const text = textColumns.has(i) && rowNumber > roster.headerRow
      cell.value = text && typeof v === 'number' ? String(v) : cellText(v)
      // The cell's own number format (dates as the county wrote them, 0.00 for money); ID and phone cells text.
      if (text) cell.numFmt = '@'
      else if (formats?.[i]) cell.numFmt = formats[i]!
    })
    if (rowNumber === roster.headerRow) {
      row.getCell(noteColumn).value = '问题说明'
      row.getCell(noteColumn).font = { bold: true, color: { argb: 'FFC00000' } }
    }
    const rowIssues = byRow.get(rowNumber)
    if (rowIssues) {
      row.getCell(noteColumn).value = rowIssues.map((i) => `【${i.severity === 'error' ? '错误' : '提醒'}】${i.message}`).join('\n')
      row.getCell(noteColumn).alignment = { wrapText: true, vertical: 'top' }
      for (const i of rowIssues) {
        const col = columnOf.get(i.column)
        if (col !== undefined) row.getCell(col + 1).fill = i.severity === 'error' ? RED : AMBER
      }
    }
    row.commit()
  }
  sheet.commit()
  await workbook.commit()
}
