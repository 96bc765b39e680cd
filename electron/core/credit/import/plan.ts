/**
 * Compares a parsed loan list with the ledger: each row's borrower found on the roster by ID number
 * (a row whose person the ledger lacks is reported by row, not imported), each loan new, changed
 * (field by field) or unchanged; a lower 余额 in the file becomes a repayment, a higher 贴息 a 贴息 row.
 */
import type { CountSet, ImportIssueView } from '../../../../shared/api/households-import'
import type { CreditImportPreview } from '../../../../shared/api/credit'
import { addMonthsIso } from '../../../../shared/domain/credit'
import { maskIdNumber } from '../../../../shared/domain/id-number'
import { creditFieldLabel, type CreditFieldKey } from '../../../../shared/import/credit-fields'
import type { Ledger } from '../../db/ledger'
import type { ParsedCreditList, ParsedLoan } from './parse'

type Value = string | number | null

export interface PlannedLoan {
  parsed: ParsedLoan
  householdId: number
  memberId: number
  borrower: string
  village: string
  existingId: number | null
  values: Record<string, Value>
  changed: string[]
  /** 还款 to record so the ledger's balance meets the file's. */
  repaymentFen: number
  /** 贴息 to record so the ledger's total meets the file's. */
  subsidyFen: number
  rating: { id: number | null; values: Record<string, Value>; changed: string[] } | null
}

export interface CreditPlan {
  loans: PlannedLoan[]
  counts: CountSet
  notInLedger: CreditImportPreview['notInLedger']
  issues: Omit<ImportIssueView, 'sheet'>[]
}

const COLUMN_LABELS: Record<string, string> = {
  member_id: '借款人', bank: '贷款银行', contract_no: '合同编号', amount_fen: '贷款金额', loan_date: '放款日期', term_months: '期限（月）',
  due_date: '到期日期', purpose: '贷款用途', use_mode: '使用方式', enterprise: '企业名称', household_id: '借款户',
  balance: '贷款余额', subsidy: '贴息金额', grade: '信用等级', credit_limit_fen: '授信额度',
}
export const creditColumnLabel = (c: string) => COLUMN_LABELS[c] ?? c

const fmt = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')} 元`

export function planCreditImport(ledger: Ledger, list: ParsedCreditList): CreditPlan {
  const db = ledger.sqlite
  const person = db.prepare(
    `SELECT m.id, m.name, m.household_id, v.name AS village FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
      WHERE m.id_number = ? ORDER BY (m.removed_reason IS NULL) DESC, (h.removed_reason IS NULL) DESC, m.id DESC LIMIT 1`,
  )
  const byContract = db.prepare('SELECT * FROM credit_loans WHERE contract_no = ?')
  const byFacts = db.prepare('SELECT * FROM credit_loans WHERE contract_no IS NULL AND household_id = ? AND loan_date = ? AND amount_fen = ? AND bank = ?')
  const repaid = db.prepare("SELECT IFNULL(SUM(amount_fen), 0) FROM credit_repayments WHERE loan_id = ? AND kind = '还款'").pluck()
  const subsidised = db.prepare('SELECT IFNULL(SUM(amount_fen), 0) FROM credit_subsidies WHERE loan_id = ?').pluck()
  const ratingOf = db.prepare('SELECT * FROM credit_ratings WHERE household_id = ?')
  const headerOf = (k: CreditFieldKey) => list.columns.find((c) => c.field === k)?.header ?? creditFieldLabel(k)
  const issues: CreditPlan['issues'] = []
  const warn = (row: number, k: CreditFieldKey, code: string, message: string) =>
    issues.push({ row, column: headerOf(k), severity: 'warning', code, message: `第${row}行「${headerOf(k)}」：${message}` })
  const counts: CountSet = { new: 0, changed: 0, unchanged: 0, missing: 0 }
  const notInLedger: CreditPlan['notInLedger'] = []
  const seen = new Set<string>()
  const ratingsSeen = new Set<number>()
  const loans: PlannedLoan[] = []
  for (const p of list.loans) {
    const who = person.get(p.idNumber) as { id: number; name: string; household_id: number; village: string } | undefined
    if (!who) {
      notInLedger.push({ row: p.excelRow, name: p.borrower, idNumberMasked: maskIdNumber(p.idNumber) })
      warn(p.excelRow, 'id_number', 'not_in_ledger', `户台账中没有证件号码为 ${maskIdNumber(p.idNumber)} 的人${p.borrower ? `（借款人「${p.borrower}」）` : ''}，这一行没有导入。请先在户台账中登记此人，或核对证件号码。`)
      continue
    }
    if (p.borrower && p.borrower !== who.name) warn(p.excelRow, 'borrower', 'name_differs', `表中姓名「${p.borrower}」与户台账中该证件号码的「${who.name}」不一致，已按证件号码对应到「${who.name}」，请核对。`)
    if (p.village && p.village !== who.village && p.village.replace(/村$/, '') !== who.village.replace(/村$/, '')) {
      warn(p.excelRow, 'village', 'village_differs', `表中为「${p.village}」，户台账中「${who.name}」在「${who.village}」，已按户台账记入。`)
    }
    const values: Record<string, Value> = {
      household_id: who.household_id,
      member_id: who.id,
      bank: p.bank,
      contract_no: p.contractNo,
      amount_fen: p.amountFen,
      loan_date: p.loanDate,
      term_months: p.termMonths,
      due_date: p.dueDate ?? addMonthsIso(p.loanDate, p.termMonths!),
      purpose: p.purpose,
      use_mode: p.use,
      enterprise: p.enterprise,
    }
    const key = p.contractNo ?? `${who.household_id}|${p.loanDate}|${p.amountFen}|${p.bank}`
    if (seen.has(key)) warn(p.excelRow, p.contractNo ? 'contract_no' : 'amount', 'duplicate_row', '与上面某一行是同一笔贷款，后一行的内容会覆盖前一行。')
    seen.add(key)
    const existing = (p.contractNo ? byContract.get(p.contractNo) : byFacts.get(who.household_id, p.loanDate, p.amountFen, p.bank)) as Record<string, Value> | undefined
    // Only what the file says: a blank purpose or term in the file leaves the ledger's as it is.
    const given = Object.keys(values).filter((c) => values[c] !== null || !existing)
    const changed = existing ? given.filter((c) => (existing[c] ?? null) !== (values[c] ?? null)) : []
    const existingId = existing ? Number(existing.id) : null
    let repaymentFen = 0
    let subsidyFen = 0
    const ledgerRepaid = existingId ? (repaid.get(existingId) as number) : 0
    if (p.balanceFen !== null) {
      const ledgerBalance = p.amountFen - ledgerRepaid
      if (p.balanceFen < ledgerBalance) repaymentFen = ledgerBalance - p.balanceFen
      else if (p.balanceFen > ledgerBalance) warn(p.excelRow, 'balance', 'balance_above_ledger', `表中余额 ${fmt(p.balanceFen)} 高于台账（已登记还款后余额 ${fmt(ledgerBalance)}），台账中的还款记录没有改动，请核对。`)
    }
    if (p.subsidyFen !== null) {
      const ledgerSubsidy = existingId ? (subsidised.get(existingId) as number) : 0
      if (p.subsidyFen > ledgerSubsidy) subsidyFen = p.subsidyFen - ledgerSubsidy
      else if (p.subsidyFen < ledgerSubsidy) warn(p.excelRow, 'subsidy', 'subsidy_below_ledger', `表中贴息 ${fmt(p.subsidyFen)} 少于台账已登记的 ${fmt(ledgerSubsidy)}，台账中的贴息记录没有改动，请核对。`)
    }
    let rating: PlannedLoan['rating'] = null
    if ((p.grade || p.creditLimitFen !== null) && !ratingsSeen.has(who.household_id)) {
      ratingsSeen.add(who.household_id)
      const r = ratingOf.get(who.household_id) as Record<string, Value> | undefined
      const rv: Record<string, Value> = {}
      if (p.grade) rv.grade = p.grade
      else if (!r) rv.grade = '未评级'
      if (p.creditLimitFen !== null) {
        rv.credit_limit_fen = p.creditLimitFen
        if (!r?.credit_date) rv.credit_date = p.loanDate
      }
      const rc = r ? Object.keys(rv).filter((c) => (r[c] ?? null) !== rv[c]) : Object.keys(rv)
      if (rc.length) rating = { id: r ? Number(r.id) : null, values: rv, changed: rc }
    }
    const allChanged = [...changed, ...(repaymentFen ? ['balance'] : []), ...(subsidyFen ? ['subsidy'] : []), ...(rating?.changed ?? [])]
    if (!existing) counts.new++
    else if (allChanged.length) counts.changed++
    else counts.unchanged++
    loans.push({ parsed: p, householdId: who.household_id, memberId: who.id, borrower: who.name, village: who.village, existingId, values, changed: allChanged, repaymentFen, subsidyFen, rating })
  }
  // 台账有、表中没有: a bank's list covers that bank's loans still owed, so a loan of a bank the file lists,
  // not repaid and not in the file, is missing from it (the import leaves it as it is).
  const banks = [...new Set(list.loans.map((p) => p.bank).filter(Boolean))]
  if (banks.length) {
    const matched = new Set(loans.map((l) => l.existingId).filter((id): id is number => id !== null))
    const owed = db
      .prepare(
        `SELECT l.id FROM credit_loans l WHERE l.bank IN (${banks.map(() => '?').join(',')})
           AND l.amount_fen > IFNULL((SELECT SUM(r.amount_fen) FROM credit_repayments r WHERE r.loan_id = l.id AND r.kind = '还款'), 0)`,
      )
      .pluck()
      .all(...banks) as number[]
    counts.missing = owed.filter((id) => !matched.has(id)).length
  }
  return { loans, counts, notInLedger, issues }
}

export function buildCreditPreview(list: ParsedCreditList, plan: CreditPlan): CreditImportPreview {
  const issues = [...list.issues, ...plan.issues].sort((a, b) => a.row - b.row).map((i) => ({ ...i, sheet: list.sheet }))
  return {
    fileName: list.fileName,
    sheet: list.sheet,
    sheets: list.sheets,
    headerRow: list.headerRow,
    rows: list.loans.length + list.rejectedRows,
    columns: list.columns.map((c) => ({
      index: c.index, letter: c.letter, header: c.header, field: c.field, label: c.field ? creditFieldLabel(c.field) : null,
      samples: list.samples[c.index] ?? [], unit: list.units[c.index] ?? null,
    })),
    loans: plan.counts,
    notInLedger: plan.notInLedger,
    errorCount: issues.filter((i) => i.severity === 'error').length,
    warningCount: issues.filter((i) => i.severity === 'warning').length,
    issues,
    newLoans: plan.loans.filter((l) => l.existingId === null).map((l) => ({
      row: l.parsed.excelRow, borrower: l.borrower, village: l.village, bank: l.parsed.bank, contractNo: l.parsed.contractNo, amountFen: l.parsed.amountFen, loanDate: l.parsed.loanDate,
    })),
    changedLoans: plan.loans.filter((l) => l.existingId !== null && l.changed.length).map((l) => ({
      row: l.parsed.excelRow, borrower: l.borrower, contractNo: l.parsed.contractNo, fields: l.changed.map(creditColumnLabel),
    })),
    amountFen: list.loans.reduce((s, l) => s + l.amountFen, 0),
  }
}
