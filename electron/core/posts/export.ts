/**
 * 公益性岗位人员名单 to .xlsx in the layout the import reads: a title row, a unit row, the standard
 * headers, one holding a row. Full ID numbers (the import finds people by them), so the export is
 * written to the access log like the roster's.
 */
import { fenToYuanText } from '../../../shared/domain/money'
import { POST_FIELDS, type PostFieldKey } from '../../../shared/import/posts-fields'
import type { Ledger } from '../db/ledger'
import { logAccess } from '../households'
import { cellTexts } from '../spreadsheets/cell-text'
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import { township } from './posts'

interface ExportRow {
  post_type: string
  type_note: string | null
  name: string
  id_number: string | null
  village: string | null
  pay_fen: number
  start_month: string
  end_month: string | null
  funding: string
  funding_note: string | null
  note: string | null
}

const HEADERS: Record<PostFieldKey, string> = {
  seq: '序号', post_type: '岗位类型', name: '姓名', id_number: '身份证号', village: '所在村', pay: '月补贴（元）', start: '上岗时间', end: '聘用结束',
  funding: '资金来源', phone: '联系电话', note: '备注',
}
const COLUMNS = POST_FIELDS.filter((f) => f.key !== 'phone').map((f) => f.key)
const WIDTHS: Partial<Record<PostFieldKey, number>> = { seq: 6, id_number: 22, post_type: 14, note: 24, funding: 14 }

function cell(key: PostFieldKey, r: ExportRow, seq: number): string | number | null {
  switch (key) {
    case 'seq': return seq
    case 'post_type': return r.post_type === '其他' && r.type_note ? r.type_note : r.post_type
    case 'name': return r.name
    case 'id_number': return r.id_number
    case 'village': return r.village
    case 'pay': return fenToYuanText(r.pay_fen)
    case 'start': return r.start_month
    case 'end': return r.end_month
    case 'funding': return r.funding === '其他' && r.funding_note ? r.funding_note : r.funding
    case 'phone': return null
    case 'note': return r.note
  }
}

export async function exportHoldings(ledger: Ledger, actor: string, outputPath: string, today: string): Promise<{ rows: number }> {
  const rows = ledger.sqlite
    .prepare(
      `SELECT p.post_type, p.type_note, m.name, m.id_number, COALESCE(pv.name, v.name) AS village, p.pay_fen, hd.start_month, hd.end_month, p.funding, p.funding_note, hd.note
         FROM post_holdings hd JOIN posts p ON p.id = hd.post_id JOIN members m ON m.id = hd.member_id JOIN households h ON h.id = hd.household_id
         LEFT JOIN villages v ON v.id = h.village_id LEFT JOIN villages pv ON pv.id = p.village_id
        WHERE hd.end_month IS NULL OR hd.end_month >= ? ORDER BY village, p.post_type, hd.start_month, m.name`,
    )
    .all(today.slice(0, 7)) as ExportRow[]
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('公益性岗位人员', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' } })
  sheet.columns = COLUMNS.map((k) => ({ width: WIDTHS[k] ?? 12 }))
  sheet.addRow([`${township(ledger)}公益性岗位人员名单`])
  sheet.mergeCells(1, 1, 1, COLUMNS.length)
  sheet.getRow(1).font = { bold: true, size: 16 }
  sheet.getRow(1).alignment = { horizontal: 'center' }
  sheet.addRow([`截至 ${today}`, ...Array<string>(COLUMNS.length - 2).fill(''), '单位：元'])
  const header = sheet.addRow(COLUMNS.map((k) => HEADERS[k]))
  header.font = { bold: true }
  rows.forEach((r, i) => sheet.addRow(cellTexts(COLUMNS.map((k) => cell(k, r, i + 1)))))
  sheet.getColumn(COLUMNS.indexOf('id_number') + 1).numFmt = '@'
  await workbook.xlsx.writeFile(outputPath)
  logAccess(ledger, actor, 'export_unmasked', `公益性岗位人员名单：${rows.length} 人`)
  return { rows: rows.length }
}
