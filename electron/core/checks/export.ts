/**
 * Out: the county-style workbook (汇总, then one sheet per rule with its records, every column the
 * rule read and 问题说明), our waiver list, and the county's waiver list in.
 */
import { LedgerError } from '../../../shared/api/result'
import type { WaiverImportResult } from '../../../shared/api/checks'
import { cellTexts } from '../spreadsheets/cell-text'
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import type { Ledger } from '../db/open'
import { CATALOGUE, rulesCovering, ruleByCode } from './rules/catalogue'
import { CATEGORY_LABELS } from './rules/types'
import { allFindings, allWaivers, waive } from './store'

/** A sheet name Excel accepts (≤ 31 characters, none of : \ / ? * [ ]), unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, '').slice(0, 28)
  let name = base
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 26)}${i}`
  taken.add(name)
  return name
}

export async function exportChecksWorkbook(ledger: Ledger, outputPath: string, options: { includeWaived: boolean; asOf: string | null }): Promise<number> {
  const excel = await loadExcelJS()
  const wb = new excel.Workbook()
  const findings = allFindings(ledger, options.includeWaived)
  const byRule = new Map<string, typeof findings>()
  for (const f of findings) {
    const list = byRule.get(f.rule)
    if (list) list.push(f)
    else byRule.set(f.rule, [f])
  }
  const summary = wb.addWorksheet('汇总', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' } })
  summary.addRow([`疑点核查汇总${options.asOf ? `（核查日期 ${options.asOf}）` : ''}`]).font = { bold: true, size: 14 }
  summary.columns = [{ width: 6 }, { width: 34 }, { width: 36 }, { width: 12 }, { width: 8 }, { width: 28 }, { width: 10 }, { width: 10 }]
  summary.addRow(['序号', '规则编号', '规则名称', '类别', '等级', '对应县级规则', '疑点数', '已豁免']).font = { bold: true }
  const taken = new Set(['汇总'])
  let n = 0
  for (const rule of CATALOGUE) {
    const items = byRule.get(rule.code) ?? []
    if (items.length === 0) continue
    const open = items.filter((f) => f.waiver === null).length
    summary.addRow(cellTexts([++n, rule.code, rule.title, CATEGORY_LABELS[rule.category], rule.severity, rule.covers.join('、'), open, items.length - open]))
    const sheet = wb.addWorksheet(sheetName(rule.title, taken), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' } })
    const cols = rule.fields.filter((c) => !['村', '户编号', '姓名', '证件号码'].includes(c))
    const header = ['序号', '行政村', '户编号', '姓名', '证件号码', ...cols, '问题说明', ...(options.includeWaived ? ['豁免理由'] : [])]
    sheet.columns = header.map((h) => ({ header: h, width: h === '问题说明' ? 60 : Math.max(10, Math.min(24, h.length * 2 + 2)) }))
    sheet.getRow(1).font = { bold: true }
    items.forEach((f, i) => {
      const row = sheet.addRow(cellTexts([i + 1, f.village, f.householdNo, f.person, f.fullIdNumber, ...cols.map((c) => f.cells[c] ?? null), f.message,
        ...(options.includeWaived ? [f.waiver?.reason ?? null] : [])]))
      row.getCell(header.indexOf('问题说明') + 1).alignment = { wrapText: true, vertical: 'top' }
    })
  }
  if (n === 0) summary.addRow(['', '本次核查没有发现疑点'])
  await wb.xlsx.writeFile(outputPath)
  return findings.length
}

const WAIVER_HEADER = ['规则编号', '县级规则编号', '规则名称', '对象', '豁免理由', '豁免人', '豁免日期', '有效期至', '来源']

export async function exportWaivers(ledger: Ledger, outputPath: string): Promise<void> {
  const excel = await loadExcelJS()
  const wb = new excel.Workbook()
  const sheet = wb.addWorksheet('豁免清单')
  sheet.columns = WAIVER_HEADER.map((h) => ({ header: h, width: h === '豁免理由' ? 40 : 18 }))
  sheet.getRow(1).font = { bold: true }
  for (const w of allWaivers(ledger)) {
    const rule = ruleByCode(String(w.rule))
    sheet.addRow(cellTexts([String(w.rule), rule?.covers.join('、') ?? '', rule?.title ?? '', String(w.subject), String(w.reason), String(w.waived_by),
      String(w.waived_on), (w.expires as string | null) ?? null, String(w.source)]))
  }
  await wb.xlsx.writeFile(outputPath)
}

const text = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in (v as object)) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('').trim()
  if (typeof v === 'object' && 'result' in (v as object)) return String((v as { result: unknown }).result ?? '').trim()
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return String(v).trim()
}

/**
 * A 豁免清单: ours (规则编号 = our code, 对象) or a county's (规则编号 = its checks.tsv number; 证件号码 or
 * 户编号; 豁免理由 / 理由 / 备注; optional 有效期至). Rows that name no rule or no record are reported.
 */
export async function importWaivers(ledger: Ledger, actor: string, filePath: string): Promise<WaiverImportResult> {
  const excel = await loadExcelJS()
  const wb = new excel.Workbook()
  try {
    await wb.xlsx.readFile(filePath)
  } catch {
    throw new LedgerError('invalid_input', '豁免清单不是有效的 .xlsx 文件，请用 Excel 另存为 .xlsx 后再导入')
  }
  const sheet = wb.worksheets[0]
  if (!sheet) throw new LedgerError('invalid_input', '豁免清单里没有工作表')
  let headerRow = 0
  let cols: Record<string, number> = {}
  for (let r = 1; r <= Math.min(sheet.rowCount, 10) && !headerRow; r++) {
    const found: Record<string, number> = {}
    sheet.getRow(r).eachCell((c, i) => { found[text(c.value).replace(/\s/g, '')] = i })
    if (found['规则编号'] || found['规则'] || found['疑点编号']) {
      headerRow = r
      cols = found
    }
  }
  if (!headerRow) throw new LedgerError('invalid_input', '豁免清单前 10 行里没有找到「规则编号」列，请保留表头后再导入')
  const col = (...names: string[]) => names.map((n) => cols[n]).find((i) => i !== undefined)
  const ruleCol = col('规则编号', '规则', '疑点编号')!
  const subjectCol = col('对象')
  const idCol = col('证件号码', '身份证号码', '身份证号')
  const hhCol = col('户编号')
  const reasonCol = col('豁免理由', '理由', '豁免原因', '备注')
  const expiresCol = col('有效期至', '豁免有效期')
  const skipped: WaiverImportResult['skipped'] = []
  const groups = new Map<string, { keys: string[]; reason: string; expires: string | null }>()
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const ruleText = text(row.getCell(ruleCol).value)
    if (!ruleText) continue
    const rules = ruleByCode(ruleText) ? [ruleByCode(ruleText)!] : rulesCovering(ruleText)
    if (rules.length === 0) {
      skipped.push({ row: r, reason: `第${r}行「规则编号」${ruleText} 不是本台账的规则，也不是县级规则编号` })
      continue
    }
    const subject = subjectCol ? text(row.getCell(subjectCol).value) : ''
    const id = idCol ? text(row.getCell(idCol).value).toUpperCase() : ''
    const hh = hhCol ? text(row.getCell(hhCol).value) : ''
    const subj = subject || id || (hh ? `户${hh}` : '')
    if (!subj) {
      skipped.push({ row: r, reason: `第${r}行没有「证件号码」或「户编号」，不知道豁免哪一条` })
      continue
    }
    const reason = (reasonCol ? text(row.getCell(reasonCol).value) : '') || '县级豁免清单'
    const expiresRaw = expiresCol ? text(row.getCell(expiresCol).value) : ''
    const expires = /^\d{4}-\d{2}-\d{2}$/.test(expiresRaw) ? expiresRaw : null
    const g = groups.get(`${reason}|${expires}`) ?? { keys: [], reason, expires }
    for (const rule of rules) g.keys.push(`${rule.code}|${subj}`)
    groups.set(`${reason}|${expires}`, g)
  }
  let added = 0
  let updated = 0
  for (const g of groups.values()) {
    const res = waive(ledger, actor, g, '县级清单')
    added += res.added
    updated += res.updated
  }
  return { added, updated, skipped }
}
