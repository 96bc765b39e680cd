/**
 * The 公示 and the 帮扶单位交接表 as .xlsx laid out for A4: ruled cells,
 * title rows repeated on every printed page, fitted to the page width, a print
 * area and 「第 x 页 共 y 页」 in the footer. Money as numbers (元, two decimals)
 * so the county can add them up.
 */
import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import { cellText, cellTexts } from '../spreadsheets/cell-text'
import type { UnitContribution } from '../../../shared/api/projects'
import { handoverStatement, type BeneficiaryNotice, type NoticeFooter, type ProjectNotice } from '../../../shared/api/forms'

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
const FONT = '宋体'
const MONEY = '#,##0.00'

type Cell = string | number | null

interface Sheet {
  sheet: ExcelJS.Worksheet
  /** Adds a ruled row; numbers given as 分 are written as 元. */
  row(values: Cell[], opts?: { bold?: boolean; money?: number[]; height?: number }): ExcelJS.Row
  /** A row of text across all columns (merged), not ruled. */
  line(text: string, opts?: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right'; height?: number }): ExcelJS.Row
}

function sheetFor(workbook: ExcelJS.Workbook, name: string, widths: number[], landscape: boolean): Sheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  })
  sheet.columns = widths.map((width) => ({ width }))
  const n = widths.length
  return {
    sheet,
    row(values, opts = {}) {
      const row = sheet.addRow(cellTexts(values.map((v, i) => (typeof v === 'number' && opts.money?.includes(i) ? v / 100 : v))))
      for (let c = 1; c <= n; c++) {
        const cell = row.getCell(c)
        cell.border = THIN
        cell.font = { name: FONT, size: 10, bold: opts.bold ?? false }
        cell.alignment = { vertical: 'middle', horizontal: typeof values[c - 1] === 'number' ? 'right' : 'center', wrapText: true }
        if (opts.money?.includes(c - 1)) cell.numFmt = MONEY
      }
      if (opts.height) row.height = opts.height
      return row
    },
    line(text, opts = {}) {
      const row = sheet.addRow([cellText(text)])
      sheet.mergeCells(row.number, 1, row.number, n)
      const cell = row.getCell(1)
      cell.font = { name: FONT, size: opts.size ?? 10, bold: opts.bold ?? false }
      cell.alignment = { vertical: 'middle', horizontal: opts.align ?? 'left', wrapText: true }
      if (opts.height) row.height = opts.height
      return row
    },
  }
}

/** Print area over the used columns, and the title rows repeated on each page. */
function finish(s: Sheet, columns: number, titleRows: string): void {
  const lastCol = s.sheet.getColumn(columns).letter
  s.sheet.pageSetup.printArea = `A1:${lastCol}${s.sheet.rowCount}`
  s.sheet.pageSetup.printTitlesRow = titleRows
}

const footerLine = (footer: NoticeFooter) =>
  `公示期：${footer.from} 至 ${footer.to}。公示期内如有异议，请向乡镇人民政府或村委会反映。监督举报电话：${footer.phone || '＿＿＿＿＿＿'}`

/** 实施期限: 2021-04-01 至 2021-10-31. */
export const periodText = (from: string | null, to: string | null) => (from || to ? `${from ?? '—'} 至 ${to ?? '—'}` : '')

export async function writeProjectNoticeXlsx(notice: ProjectNotice, footer: NoticeFooter, outputPath: string): Promise<void> {
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const fixed = ['序号', '项目名称', '实施地点', '建设内容', '实施期限', '绩效目标', '联农带农机制']
  const tail = ['合计', '受益户数', '受益人数', '实施单位', '责任人']
  const widths = [6, 22, 14, 30, 13, 26, 26, ...notice.sources.map(() => 12), 13, 9, 9, 16, 10]
  const s = sheetFor(workbook, `${notice.year}年项目公示`, widths, true)
  s.line(`${notice.township}${notice.year}年度衔接资金项目公示`, { bold: true, size: 16, align: 'center', height: 30 })
  s.line('单位：元', { align: 'right' })
  const header = s.row([...fixed, ...notice.sources.map((x) => `${x}`), ...tail], { bold: true, height: 30 })
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }))
  const moneyCols = [...notice.sources.map((_, i) => fixed.length + i), fixed.length + notice.sources.length]
  notice.rows.forEach((r, i) => {
    const row = s.row(
      [i + 1, r.name, r.place, r.content, periodText(r.plannedStart, r.plannedEnd), r.goals, r.farmerLink, ...notice.sources.map((x) => r.bySource[x] ?? 0), r.totalFen, r.households, r.persons, r.implementer, r.responsiblePerson],
      { money: moneyCols },
    )
    row.getCell(2).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true }
    for (const c of [4, 6, 7]) row.getCell(c).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true }
  })
  s.row(['合计', `${notice.rows.length} 个项目`, '', '', '', '', '', ...notice.sources.map((x) => notice.totals.bySource[x] ?? 0), notice.totals.totalFen, notice.totals.households, notice.totals.persons, '', ''], {
    bold: true,
    money: moneyCols,
  })
  s.line('')
  s.line(footerLine(footer), { height: 30 })
  s.line(`${notice.township}人民政府（盖章）          ${footer.from}`, { align: 'right', height: 24 })
  finish(s, widths.length, '1:3')
  await workbook.xlsx.writeFile(outputPath)
}

export async function writeBeneficiaryNoticeXlsx(notice: BeneficiaryNotice, footer: NoticeFooter, outputPath: string): Promise<void> {
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const widths = [6, 12, 24, 12, 24, 9, 10]
  const s = sheetFor(workbook, '受益户公示', widths, false)
  const p = notice.project
  s.line(`${p.name}受益户公示`, { bold: true, size: 16, align: 'center', height: 30 })
  s.line(`项目编号：${p.projectNo ?? ''}    实施地点：${p.place}    实施单位：${p.implementer ?? ''}`)
  s.line(`建设内容：${p.content ?? ''}`, { height: 30 })
  const header = s.row(['序号', '户主姓名', '证件号码', '行政村', '户编号', '家庭人数', '类别'], { bold: true, height: 22 })
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }))
  notice.rows.forEach((r, i) => s.row([i + 1, r.headName, r.idMasked, r.village, r.householdNo, r.persons, r.kind]))
  s.row(['合计', `${notice.households} 户`, '', '', '', notice.persons, ''], { bold: true })
  s.line('')
  s.line(footerLine(footer), { height: 30 })
  s.line(`${notice.township}人民政府（盖章）          ${footer.from}`, { align: 'right', height: 24 })
  finish(s, widths.length, '1:4')
  await workbook.xlsx.writeFile(outputPath)
}

export async function writeUnitHandoverXlsx(c: UnitContribution, township: string, statement: string | undefined, outputPath: string): Promise<void> {
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const widths = [6, 40, 10, 22, 16]
  const s = sheetFor(workbook, '帮扶单位交接表', widths, false)
  const period = c.from || c.to ? `${c.from ?? '—'} 至 ${c.to ?? '—'}` : '全部'
  s.line(`${township}${c.village}帮扶单位交接表`, { bold: true, size: 16, align: 'center', height: 30 })
  s.line(`帮扶单位：${c.unitName}    帮扶村：${c.village}    帮扶期间：${period}    单位：元`)
  const header = s.row(['序号', '项目（事项）', '年度', '资金来源 / 受益户数', '金额（元）'], { bold: true, height: 22 })
  // 争取的资金 are listed with whom they came from; a project's own allocations are not the unit's.
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }))
  const block = (title: string, items: Cell[][], subtotal: number) => {
    const head = s.row([title, '', '', '', ''], { bold: true })
    s.sheet.mergeCells(head.number, 1, head.number, 5)
    head.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' }
    if (items.length === 0) s.row(['', '（无）', '', '', 0], { money: [4] })
    items.forEach((it, i) => {
      const row = s.row([i + 1, ...it], { money: [4] })
      row.getCell(2).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true }
    })
    s.row(['', '小计', '', '', subtotal], { bold: true, money: [4] })
  }
  block('一、争取的资金', c.obtained.map((o) => [`${o.purpose}${o.projectName ? `（${o.projectName}）` : ''}`, o.date.slice(0, 4), o.grantor, o.amountFen]), c.obtainedFen)
  block('二、帮村项目（单位自筹资金）', c.villageProjects.map((v) => [v.projectName, v.year, '帮扶单位资金', v.amountFen]), c.villageProjectsFen)
  block('三、帮户项目（单位自筹资金）', c.householdAid.map((a) => [`${a.date} ${a.description}`, a.date.slice(0, 4), `${a.households} 户`, a.amountFen]), c.householdAidFen)
  s.row(['', '总计', '', '', c.totalFen], { bold: true, money: [4] })
  s.row(['', '其中：争取的资金', '', '', c.obtainedFen], { money: [4] })
  s.row(['', '　　　自筹资金（帮村＋帮户）', '', '', c.raisedFen], { money: [4] })
  s.line('')
  s.line(statement?.trim() || handoverStatement(c), { height: 48 })
  s.line('')
  s.line('帮扶单位（盖章）：                乡镇（盖章）：                村委会（盖章）：', { height: 24 })
  s.line('负责人（签字）：                  负责人（签字）：                负责人（签字）：', { height: 24 })
  s.line('日期：    年  月  日              日期：    年  月  日              日期：    年  月  日', { height: 24 })
  finish(s, widths.length, '1:3')
  await workbook.xlsx.writeFile(outputPath)
}
