/** 扶贫小额信贷台账 to .xlsx in the layout the import reads: a title row, the standard headers (money in 元), one loan a row, the total. */
import type { LoanRow } from '../../../shared/api/credit'
import { fenToYuanText } from '../../../shared/domain/money'
import { CREDIT_FIELDS, type CreditFieldKey } from '../../../shared/import/credit-fields'
import type { Ledger } from '../db/ledger'
import { cellTexts } from '../spreadsheets/cell-text'
import { loadExcelJS } from '../spreadsheets/load-exceljs'

const WIDTHS: Partial<Record<CreditFieldKey, number>> = { id_number: 21, contract_no: 20, bank: 16, purpose: 16, enterprise: 18, village: 12 }
const header = (label: string, money?: boolean) => (money ? `${label}（元）` : label)

function cell(key: CreditFieldKey, l: LoanRow, full: { idNumber: string | null; creditLimitFen: number | null }, seq: number): string | number | null {
  const yuan = (fen: number | null) => (fen === null ? null : Number(fenToYuanText(fen)))
  switch (key) {
    case 'seq': return seq
    case 'village': return l.village
    case 'borrower': return l.borrower
    case 'id_number': return full.idNumber
    case 'grade': return l.grade
    case 'credit_limit': return yuan(full.creditLimitFen)
    case 'bank': return l.bank
    case 'contract_no': return l.contractNo
    case 'amount': return yuan(l.amountFen)
    case 'loan_date': return l.loanDate
    case 'term': return l.termMonths
    case 'due_date': return l.currentDueDate
    case 'purpose': return l.purpose
    case 'use': return l.use
    case 'enterprise': return l.enterprise
    case 'balance': return yuan(l.balanceFen)
    case 'subsidy': return yuan(l.subsidyFen)
    case 'status': return l.status
  }
}

export async function exportLoans(ledger: Ledger, loans: LoanRow[], outputPath: string, title: string, unmasked: boolean): Promise<{ loans: number }> {
  const idOf = ledger.sqlite.prepare(
    `SELECT COALESCE(bm.id_number, (SELECT m.id_number FROM members m WHERE m.household_id = l.household_id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1)) AS idNumber,
       (SELECT credit_limit_fen FROM credit_ratings r WHERE r.household_id = l.household_id) AS creditLimitFen
     FROM credit_loans l LEFT JOIN members bm ON bm.id = l.member_id WHERE l.id = ?`,
  )
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('小额信贷台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  })
  sheet.columns = CREDIT_FIELDS.map((f) => ({ width: WIDTHS[f.key] ?? 12 }))
  sheet.addRow([title])
  sheet.mergeCells(1, 1, 1, CREDIT_FIELDS.length)
  sheet.getRow(1).font = { bold: true, size: 16 }
  sheet.getRow(1).alignment = { horizontal: 'center' }
  const head = sheet.addRow(CREDIT_FIELDS.map((f) => header(f.label, f.money)))
  head.font = { bold: true }
  const idCol = CREDIT_FIELDS.findIndex((f) => f.key === 'id_number') + 1
  loans.forEach((l, i) => {
    const full = idOf.get(l.id) as { idNumber: string | null; creditLimitFen: number | null }
    const row = sheet.addRow(cellTexts(CREDIT_FIELDS.map((f) => cell(f.key, l, { ...full, idNumber: unmasked ? full.idNumber : l.idNumberMasked }, i + 1))))
    row.getCell(idCol).numFmt = '@'
  })
  const sum = (f: (l: LoanRow) => number) => Number(fenToYuanText(loans.reduce((s, l) => s + f(l), 0)))
  const total = CREDIT_FIELDS.map((f) => (f.key === 'seq' ? '合计' : f.key === 'amount' ? sum((l) => l.amountFen) : f.key === 'balance' ? sum((l) => l.balanceFen) : f.key === 'subsidy' ? sum((l) => l.subsidyFen) : null))
  sheet.addRow(total).font = { bold: true }
  for (const f of CREDIT_FIELDS) if (f.money) sheet.getColumn(CREDIT_FIELDS.indexOf(f) + 1).numFmt = '0.00'
  await workbook.xlsx.writeFile(outputPath)
  return { loans: loans.length }
}
