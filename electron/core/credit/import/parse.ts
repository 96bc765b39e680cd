/**
 * Reads a bank's or county's 小额信贷 loan list (.xlsx/.xls/.csv): the header under title rows with the
 * credit dictionary (or the clerk's remembered mapping), each money column's unit from its header, its
 * group header or a title row (「单位：万元」), dates and amounts read exactly, each row checked. Pure
 * from the grid on (analyseCreditGrid), so unit tests need no file.
 */
import type { ImportIssueView } from '../../../../shared/api/households-import'
import { LedgerError } from '../../../../shared/api/result'
import { wanTextToFen } from '../../../../shared/domain/projects'
import { cellToText, isBlankCell, type CellValue, type Grid } from '../../../../shared/import/cells'
import {
  creditField, creditFieldLabel, isCreditFieldKey, matchCreditField, normaliseGrade, normaliseUse, type CreditFieldKey,
} from '../../../../shared/import/credit-fields'
import { detectHeader, type HeaderColumn } from '../../../../shared/import/header-detect'
import { normaliseDate, parseYuanToFen } from '../../../../shared/import/normalise'
import { statedUnit, type MoneyUnit } from '../../../../shared/import/projects-fields'
import { cleanCell } from '../../../../shared/import/text'
import type { JobContext } from '../../jobs'
import { readSheetGrid } from '../../spreadsheets/sheet-grid'

export interface ParsedLoan {
  excelRow: number
  village: string | null
  borrower: string | null
  idNumber: string
  grade: 'AAA' | 'AA' | 'A' | '未评级' | null
  creditLimitFen: number | null
  bank: string
  contractNo: string | null
  amountFen: number
  loanDate: string
  termMonths: number | null
  dueDate: string | null
  purpose: string | null
  use: '户贷户用' | '户贷企用'
  enterprise: string | null
  balanceFen: number | null
  subsidyFen: number | null
}

export type CreditMapping = Record<string, string | null>

export interface ParsedCreditList {
  fileName: string
  sha256: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  /** The header texts in order: the key the mapping is remembered under. */
  signature: string
  columns: HeaderColumn<CreditFieldKey>[]
  /** Each money column's unit (by column index). */
  units: Record<number, MoneyUnit>
  loans: ParsedLoan[]
  rejectedRows: number
  samples: Record<number, string[]>
  issues: Omit<ImportIssueView, 'sheet'>[]
}

const HEADER_SCAN_ROWS = 15
const FOOTER = /^(合计|小计|总计|填表|制表|审核|负责人|说明|注[:：]|备注[:：])/

export async function parseCreditFile(
  input: { path: string; fileName: string; sheet?: string; mapping?: CreditMapping },
  ctx: Pick<JobContext, 'progress' | 'checkCancelled'>,
  recall: (signature: string) => CreditMapping | undefined,
): Promise<ParsedCreditList> {
  const { grid, source } = await readSheetGrid(input, ctx)
  return analyseCreditGrid(grid, source, input.mapping, recall)
}

/** A money cell → 分, exactly (万元 parsed as text, a formula's float noise cut at the 分); null when not money. */
export function readMoneyCell(v: CellValue, unit: MoneyUnit): number | null {
  const places = unit === 'wan' ? 6 : 2
  let t: string
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return null
    t = String(v)
    if (/e/i.test(t) || (t.split('.')[1]?.length ?? 0) > places) t = v.toFixed(places)
  } else if (typeof v === 'string') {
    t = cleanCell(v, 'code').replace(/^[¥￥]/, '').replace(/(万元|万|元)$/, '').replace(/[,，\s]/g, '')
  } else return null
  if (!/^\d+(\.\d+)?$/.test(t)) return null
  if (unit === 'wan') return wanTextToFen(t)
  return /^\d+(\.\d{1,2})?$/.test(t) ? parseYuanToFen(t) : null
}

export function analyseCreditGrid(
  grid: Grid,
  source: { fileName: string; sha256: string; sheet: string; sheets: { name: string; hidden?: boolean }[] },
  given?: CreditMapping,
  recall: (signature: string) => CreditMapping | undefined = () => undefined,
): ParsedCreditList {
  const layout = detectHeader(grid, { maxScanRows: HEADER_SCAN_ROWS, match: matchCreditField })
  if (!layout || !layout.columns.some((c) => c.field === 'amount' || c.field === 'id_number')) {
    throw new LedgerError(
      'not_credit_list',
      `「${source.fileName}」的工作表「${source.sheet}」前 ${HEADER_SCAN_ROWS} 行中没有找到小额信贷名单的表头（至少要有「借款人」「身份证号码」「贷款金额」等列）。请确认选对了文件和工作表。`,
    )
  }
  const issues: ParsedCreditList['issues'] = []
  const headerRow = layout.headerRowIndex + 1
  const signature = layout.columns.map((c) => c.header).join('|')
  const mapping = given ?? recall(signature)
  let columns = layout.columns
  if (mapping) {
    columns = layout.columns.map((c) => {
      const m = mapping[String(c.index)]
      if (m === undefined) return c
      return { ...c, field: m && isCreditFieldKey(m) ? m : null, duplicateOf: undefined }
    })
  }
  const col = new Map<CreditFieldKey, HeaderColumn<CreditFieldKey>>()
  for (const c of columns) {
    if (!c.field) continue
    if (col.has(c.field) || c.duplicateOf) {
      issues.push({ row: headerRow, column: c.header, severity: 'warning', code: 'duplicate_column', message: `第${headerRow}行：${c.letter} 列「${c.header}」与前面的列是同一项，已按前面的列导入，这一列未导入。` })
      continue
    }
    col.set(c.field, c)
  }
  for (const need of ['id_number', 'amount', 'loan_date', 'bank'] as const) {
    if (!col.has(need)) {
      throw new LedgerError(
        'missing_column',
        `「${source.fileName}」缺少「${creditFieldLabel(need)}」列（表头在第 ${headerRow} 行）。每笔贷款都要有借款人的身份证号码、贷款金额、放款日期和贷款银行；请在原表中补上这一列，或在「列对应」中指定是哪一列。`,
      )
    }
  }
  // Units: the column's header, its group header, else a title or note row above the header.
  let sheetUnit: MoneyUnit | null = null
  for (let r = 0; r < layout.headerRowIndex - (layout.headerRowCount - 1) && !sheetUnit; r++) {
    for (const v of grid[r] ?? []) {
      const u = statedUnit(cellToText(v ?? null))
      if (u) {
        sheetUnit = u
        break
      }
    }
  }
  const units: Record<number, MoneyUnit> = {}
  const unstated: HeaderColumn<CreditFieldKey>[] = []
  for (const c of col.values()) {
    if (!creditField(c.field!).money) continue
    const u = statedUnit(c.header.split('/').pop() ?? c.header) ?? (c.group ? statedUnit(c.group) : null) ?? sheetUnit
    if (u) units[c.index] = u
    else unstated.push(c)
  }
  const dataRows = grid.slice(layout.firstDataRowIndex)
  for (const c of unstated) {
    // No unit written anywhere: a 5 万元 loan written as 5 is 万元; amounts in the thousands are 元.
    const values = dataRows.map((row) => readMoneyCell(row?.[c.index] ?? null, 'yuan')).filter((v): v is number => v !== null && v > 0)
    const max = values.length ? Math.max(...values) : 0
    units[c.index] = max > 0 && max < 100_000 ? 'wan' : 'yuan'
    issues.push({
      row: headerRow, column: c.header, severity: 'warning', code: 'unit_assumed',
      message: `第${headerRow}行「${c.header}」：表头和标题都没有注明金额单位，已按${units[c.index] === 'wan' ? '万元' : '元'}读取（最大值 ${(max / 100).toString()}）。如不对，请在表头写明「（元）」或「（万元）」后重新导入。`,
    })
  }
  const loans: ParsedLoan[] = []
  let rejectedRows = 0
  for (let r = layout.firstDataRowIndex; r < grid.length; r++) {
    const row = grid[r] ?? []
    const excelRow = r + 1
    const raw = (k: CreditFieldKey): CellValue => {
      const c = col.get(k)
      return c ? (row[c.index] ?? null) : null
    }
    const text = (k: CreditFieldKey, max = 200): string | null => {
      const v = raw(k)
      if (isBlankCell(v)) return null
      const t = cleanCell(cellToText(v), 'text').trim()
      return t === '' ? null : t.slice(0, max)
    }
    const filled = [...col.values()].filter((c) => c.field !== 'seq' && !isBlankCell(row[c.index] ?? null))
    if (filled.length === 0) continue
    const first = cleanCell(cellToText(row.find((v) => !isBlankCell(v ?? null)) ?? null), 'text')
    if (FOOTER.test(first.replace(/\s+/g, ''))) continue
    if ([...col.values()].filter((c) => matchCreditField(cellToText(row[c.index] ?? null)) === c.field).length >= 2) continue
    const rowIssues: typeof issues = []
    const headerOf = (k: CreditFieldKey) => col.get(k)?.header ?? creditFieldLabel(k)
    const err = (k: CreditFieldKey, code: string, message: string) =>
      rowIssues.push({ row: excelRow, column: headerOf(k), severity: 'error', code, message: `第${excelRow}行「${headerOf(k)}」：${message}` })
    const warn = (k: CreditFieldKey, code: string, message: string) =>
      rowIssues.push({ row: excelRow, column: headerOf(k), severity: 'warning', code, message: `第${excelRow}行「${headerOf(k)}」：${message}` })
    const date = (k: CreditFieldKey, required: boolean): string | null => {
      const v = raw(k)
      const n = normaliseDate(v)
      if (n.value === null && !n.problem) {
        if (required) err(k, 'required', '不能为空，请填写日期（如 2026-03-15）。')
        return null
      }
      if (n.problem || n.value === null || !/^\d{4}-\d{2}-\d{2}$/.test(n.value)) {
        err(k, 'bad_date', `「${cellToText(v)}」不是日期，请写成年-月-日（如 2026-03-15）。`)
        return null
      }
      return n.value
    }
    const money = (k: CreditFieldKey, required: boolean): number | null => {
      const c = col.get(k)
      const v = raw(k)
      if (!c || isBlankCell(v)) {
        if (required) err(k, 'required', '不能为空，请填写金额。')
        return null
      }
      const fen = readMoneyCell(v, units[c.index] ?? 'yuan')
      if (fen === null) err(k, 'bad_money', `「${cellToText(v)}」不是金额，请填写数字（单位${units[c.index] === 'wan' ? '万元' : '元'}），如 ${units[c.index] === 'wan' ? '5' : '50000'}。`)
      return fen
    }
    const idText = text('id_number', 30)
    const idNumber = idText ? cleanCell(idText, 'code').replace(/\s+/g, '').toUpperCase() : null
    if (!idNumber) err('id_number', 'required', '借款人的身份证号码不能为空（按证件号码与户台账对应）。')
    else if (!/^\d{17}[\dX]$|^\d{15}$/.test(idNumber)) err('id_number', 'id_number_cell', `「${idText}」不是 18 位身份证号码。请检查是否被 Excel 改成了科学计数法（把这一列设为文本后重新录入）。`)
    const amountFen = money('amount', true)
    if (amountFen === 0) err('amount', 'zero_amount', '贷款金额为 0，请核对。')
    const loanDate = date('loan_date', true)
    const dueDate = date('due_date', false)
    const termText = text('term', 20)
    let termMonths: number | null = null
    if (termText) {
      const m = /^(\d{1,3})(?:\.0+)?\s*(个月|月)?$/.exec(termText) ?? null
      const y = /^(\d{1,2})\s*年$/.exec(termText)
      if (m) termMonths = Number(m[1])
      else if (y) termMonths = Number(y[1]) * 12
      else err('term', 'bad_term', `「${termText}」不是贷款期限，请写成月数（如 36）。`)
      if (termMonths === 0) err('term', 'bad_term', '贷款期限为 0，请核对。')
    }
    if (!dueDate && !termMonths && !rowIssues.some((i) => i.code === 'bad_date' || i.code === 'bad_term')) err(col.has('due_date') ? 'due_date' : 'term', 'no_due_date', '没有到期日期，也没有贷款期限，请至少填写一项。')
    if (loanDate && dueDate && dueDate <= loanDate) err('due_date', 'due_before_loan', `到期日期 ${dueDate} 不晚于放款日期 ${loanDate}，请核对。`)
    const bank = text('bank', 60)
    if (!bank) err('bank', 'required', '贷款银行不能为空。')
    const useText = text('use', 20)
    let use = useText ? normaliseUse(useText, headerOf('use')) : null
    if (use === undefined) {
      err('use', 'bad_use', `「${useText}」不是可识别的使用方式，请写成「户贷户用」或「户贷企用」。`)
      use = null
    }
    const enterprise = text('enterprise', 100)
    if (use === null) use = enterprise ? '户贷企用' : '户贷户用'
    if (use === '户贷企用' && !enterprise) warn('enterprise', 'no_enterprise', '「户贷企用」的贷款没有写明用款企业，导入后请在贷款页面补填。')
    const gradeText = text('grade', 20)
    let grade = gradeText ? normaliseGrade(gradeText) : null
    if (grade === undefined) {
      warn('grade', 'bad_grade', `「${gradeText}」不是可识别的信用等级（AAA、AA、A、未评级），这一项没有导入。`)
      grade = null
    }
    const creditLimitFen = money('credit_limit', false)
    const balanceFen = money('balance', false)
    const subsidyFen = money('subsidy', false)
    if (amountFen !== null && balanceFen !== null && balanceFen > amountFen) err('balance', 'balance_over_amount', '贷款余额大于贷款金额，请核对。')
    issues.push(...rowIssues)
    if (rowIssues.some((i) => i.severity === 'error')) {
      rejectedRows++
      continue
    }
    loans.push({
      excelRow,
      village: text('village', 60),
      borrower: text('borrower', 40),
      idNumber: idNumber!,
      grade,
      creditLimitFen,
      bank: bank!,
      contractNo: text('contract_no', 60),
      amountFen: amountFen!,
      loanDate: loanDate!,
      termMonths,
      dueDate,
      purpose: text('purpose', 100),
      use,
      enterprise: use === '户贷企用' ? enterprise : null,
      balanceFen,
      subsidyFen,
    })
  }
  const samples: Record<number, string[]> = {}
  for (const c of columns) {
    const seen: string[] = []
    for (let r = layout.firstDataRowIndex; r < grid.length && seen.length < 3; r++) {
      const t = cellToText(grid[r]?.[c.index] ?? null).trim()
      if (t && !seen.includes(t) && t !== c.header) seen.push(c.field === 'id_number' && t.length > 8 ? `${t.slice(0, 4)}…${t.slice(-4)}` : t)
    }
    samples[c.index] = seen
  }
  return { ...source, headerRow, signature, columns, units, loans, rejectedRows, issues, samples }
}
