/**
 * The 小额信贷 ledger: ratings, loans, repayments and extensions, 贴息; each loan's balance and status
 * derived on the day asked (never stored), the per-village totals and the reminders.
 */
import type { z } from 'zod'
import type {
  CreditLedger, CreditListFilter, CreditReminders, HouseholdCredit, LoanDetail, LoanFields, LoanRow, RatingFields, RatingView, RepaymentView, SubsidyView,
  VillageCreditTotal,
} from '../../../shared/api/credit'
import { LedgerError } from '../../../shared/api/result'
import { yuanTextToFen } from '../../../shared/domain/assistance'
import { addMonthsIso, loanState, type CreditGrade, type LoanUse, type RepaymentKind } from '../../../shared/domain/credit'
import { maskIdNumber } from '../../../shared/domain/id-number'
import type { Ledger } from '../db/ledger'

type Value = string | number | null

const refuse = (message: string, field?: string): never => {
  throw new LedgerError('invalid', message, field)
}

export function fenOf(text: string, label: string): number {
  return yuanTextToFen(text) ?? refuse(`「${label}」不是金额：${text}。请填写元，如 50000 或 1234.56。`, label)
}

interface LoanDbRow {
  id: number
  household_id: number
  member_id: number | null
  bank: string
  contract_no: string | null
  amount_fen: number
  loan_date: string
  term_months: number | null
  due_date: string
  purpose: string | null
  use_mode: LoanUse
  enterprise: string | null
  note: string | null
  household_no: string | null
  village: string
  village_id: number
  borrower: string | null
  id_number: string | null
  grade: CreditGrade | null
  subsidy_fen: number
}

const SELECT = `
  SELECT l.*, h.household_no, v.name AS village, v.id AS village_id,
    COALESCE(bm.name, (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1)) AS borrower,
    COALESCE(bm.id_number, (SELECT m.id_number FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1)) AS id_number,
    r.grade,
    (SELECT IFNULL(SUM(s.amount_fen), 0) FROM credit_subsidies s WHERE s.loan_id = l.id) AS subsidy_fen
  FROM credit_loans l
  JOIN households h ON h.id = l.household_id
  JOIN villages v ON v.id = h.village_id
  LEFT JOIN members bm ON bm.id = l.member_id
  LEFT JOIN credit_ratings r ON r.household_id = l.household_id`

interface RepaymentDbRow {
  id: number
  loan_id: number
  kind: RepaymentKind
  repay_date: string
  amount_fen: number | null
  new_due_date: string | null
  note: string | null
}

const toRepayment = (r: RepaymentDbRow): RepaymentView => ({ id: r.id, kind: r.kind, date: r.repay_date, amountFen: r.amount_fen, newDueDate: r.new_due_date, note: r.note })

function repaymentsOf(ledger: Ledger, loanIds: number[]): Map<number, RepaymentDbRow[]> {
  const rows = ledger.sqlite
    .prepare('SELECT * FROM credit_repayments WHERE loan_id IN (SELECT value FROM json_each(?)) ORDER BY repay_date, id')
    .all(JSON.stringify(loanIds)) as RepaymentDbRow[]
  const by = new Map<number, RepaymentDbRow[]>()
  for (const r of rows) by.set(r.loan_id, [...(by.get(r.loan_id) ?? []), r])
  return by
}

function toRow(r: LoanDbRow, repayments: RepaymentDbRow[], today: string): LoanRow {
  const state = loanState({ amountFen: r.amount_fen, dueDate: r.due_date, repayments: repayments.map(toRepayment) }, today)
  return {
    id: r.id,
    householdId: r.household_id,
    householdNo: r.household_no,
    village: r.village,
    villageId: r.village_id,
    borrower: r.borrower,
    memberId: r.member_id,
    idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
    bank: r.bank,
    contractNo: r.contract_no,
    amountFen: r.amount_fen,
    loanDate: r.loan_date,
    termMonths: r.term_months,
    dueDate: r.due_date,
    currentDueDate: state.currentDueDate,
    purpose: r.purpose,
    use: r.use_mode,
    enterprise: r.enterprise,
    note: r.note,
    repaidFen: state.repaidFen,
    balanceFen: state.balanceFen,
    subsidyFen: r.subsidy_fen,
    status: state.status,
    daysLeft: state.daysLeft,
    dueSoon: state.dueSoon,
    grade: r.grade,
  }
}

function loadRows(ledger: Ledger, where: string, params: Value[], today: string): LoanRow[] {
  const rows = ledger.sqlite.prepare(`${SELECT}${where ? ` WHERE ${where}` : ''} ORDER BY v.name, h.household_no, l.loan_date, l.id`).all(...params) as LoanDbRow[]
  const repayments = repaymentsOf(ledger, rows.map((r) => r.id))
  return rows.map((r) => toRow(r, repayments.get(r.id) ?? [], today))
}

/** The loans the filter picks (the demo's and removed households' loans included: a loan outlives its household's removal). */
export function listLoans(ledger: Ledger, f: CreditListFilter): LoanRow[] {
  const where: string[] = []
  const params: Value[] = []
  if (f.villageId) {
    where.push('v.id = ?')
    params.push(f.villageId)
  }
  if (f.bank) {
    where.push('l.bank = ?')
    params.push(f.bank)
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`
    where.push(`(IFNULL(l.contract_no,'') LIKE ? OR IFNULL(h.household_no,'') LIKE ? OR IFNULL(l.purpose,'') LIKE ? OR IFNULL(l.enterprise,'') LIKE ?
      OR EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.name LIKE ?))`)
    params.push(like, like, like, like, like)
  }
  let rows = loadRows(ledger, where.join(' AND '), params, f.today)
  if (f.status) rows = rows.filter((r) => r.status === f.status)
  if (f.reminder === 'overdue') rows = rows.filter((r) => r.status === '逾期')
  if (f.reminder === 'dueSoon') rows = rows.filter((r) => r.dueSoon)
  return rows
}

/** 户数 (households with a loan), 金额, 余额 and 逾期 per village, and their total. */
export function villageTotals(rows: readonly LoanRow[]): { villages: VillageCreditTotal[]; total: VillageCreditTotal } {
  const empty = (villageId: number | null, village: string): VillageCreditTotal & { hh: Set<number> } => ({
    villageId, village, households: 0, loans: 0, amountFen: 0, balanceFen: 0, overdueLoans: 0, overdueFen: 0, hh: new Set(),
  })
  const by = new Map<number, ReturnType<typeof empty>>()
  const total = empty(null, '合计')
  for (const r of rows) {
    const v = by.get(r.villageId) ?? empty(r.villageId, r.village)
    by.set(r.villageId, v)
    for (const t of [v, total]) {
      t.hh.add(r.householdId)
      t.loans++
      t.amountFen += r.amountFen
      t.balanceFen += r.balanceFen
      if (r.status === '逾期') {
        t.overdueLoans++
        t.overdueFen += r.balanceFen
      }
    }
  }
  const done = ({ hh, ...t }: ReturnType<typeof empty>): VillageCreditTotal => ({ ...t, households: hh.size })
  return { villages: [...by.values()].sort((a, b) => a.village.localeCompare(b.village, 'zh')).map(done), total: done(total) }
}

export function creditLedger(ledger: Ledger, f: CreditListFilter): CreditLedger {
  const loans = listLoans(ledger, f)
  const banks = ledger.sqlite.prepare('SELECT DISTINCT bank FROM credit_loans ORDER BY bank').pluck().all() as string[]
  return { loans, ...villageTotals(loans), banks }
}

function loanRow(ledger: Ledger, id: number): LoanDbRow {
  const r = ledger.sqlite.prepare(`${SELECT} WHERE l.id = ?`).get(id) as LoanDbRow | undefined
  return r ?? refuse(`找不到这笔贷款（#${id}），可能已被删除。请刷新后重试。`)
}

export function getLoan(ledger: Ledger, id: number, today: string): LoanDetail {
  const r = loanRow(ledger, id)
  const repayments = repaymentsOf(ledger, [id]).get(id) ?? []
  const subsidies = (ledger.sqlite.prepare('SELECT * FROM credit_subsidies WHERE loan_id = ? ORDER BY period, id').all(id) as {
    id: number; period: string; paid_date: string | null; amount_fen: number; note: string | null
  }[]).map((s): SubsidyView => ({ id: s.id, period: s.period, date: s.paid_date, amountFen: s.amount_fen, note: s.note }))
  const measures = ledger.sqlite
    .prepare('SELECT id, case_id AS caseId, measure_date AS date FROM monitoring_measures WHERE credit_loan_id = ? ORDER BY measure_date, id')
    .all(id) as LoanDetail['measures']
  return { ...toRow(r, repayments, today), repayments: repayments.map(toRepayment), subsidies, measures }
}

export function householdCredit(ledger: Ledger, householdId: number, today: string): HouseholdCredit {
  const r = ledger.sqlite.prepare('SELECT * FROM credit_ratings WHERE household_id = ?').get(householdId) as
    | { grade: CreditGrade; rated_by: string | null; rated_date: string | null; credit_limit_fen: number | null; credit_date: string | null; note: string | null }
    | undefined
  const rating: RatingView | null = r
    ? { grade: r.grade, ratedBy: r.rated_by, ratedDate: r.rated_date, creditLimitFen: r.credit_limit_fen, creditDate: r.credit_date, note: r.note }
    : null
  return { rating, loans: loadRows(ledger, 'l.household_id = ?', [householdId], today) }
}

export function setRating(ledger: Ledger, actor: string, f: z.output<typeof RatingFields>): string[] {
  if (!ledger.sqlite.prepare('SELECT 1 FROM households WHERE id = ?').get(f.householdId)) refuse('找不到这一户，可能已被删除。请刷新后重试。')
  const values: Record<string, Value> = {
    grade: f.grade,
    rated_by: f.ratedBy ?? null,
    rated_date: f.ratedDate ?? null,
    credit_limit_fen: f.creditLimit ? fenOf(f.creditLimit, '授信额度') : null,
    credit_date: f.creditDate ?? null,
    note: f.note ?? null,
  }
  if (values.credit_limit_fen !== null && !values.credit_date) refuse('填写了授信额度，请同时填写授信日期。', 'creditDate')
  const existing = ledger.sqlite.prepare('SELECT id FROM credit_ratings WHERE household_id = ?').pluck().get(f.householdId) as number | undefined
  return ledger.write.run({ actor }, (w) => {
    if (existing) return w.update('credit_ratings', existing, values)
    w.insert('credit_ratings', { household_id: f.householdId, ...values })
    return Object.keys(values)
  })
}

type LoanInput = z.output<typeof LoanFields>

/** The checked columns of a loan: the borrower belongs to the household, the due date follows from the term when blank. */
export function loanColumns(ledger: Ledger, f: LoanInput): Record<string, Value> {
  const hh = ledger.sqlite.prepare('SELECT id FROM households WHERE id = ?').get(f.householdId)
  if (!hh) refuse('所选的户不存在，请重新选择借款户。', 'householdId')
  if (f.memberId) {
    const m = ledger.sqlite.prepare('SELECT household_id FROM members WHERE id = ?').get(f.memberId) as { household_id: number } | undefined
    if (!m || m.household_id !== f.householdId) refuse('所选的借款人不是这一户的成员，请重新选择。', 'memberId')
  }
  const amount = fenOf(f.amount, '贷款金额')
  if (amount <= 0) refuse('贷款金额要大于 0。', 'amount')
  const due = f.dueDate ?? (f.termMonths ? addMonthsIso(f.loanDate, f.termMonths) : null)
  if (!due) refuse('请填写到期日期或贷款期限（月）。', 'dueDate')
  if (due! <= f.loanDate) refuse(`到期日期（${due}）要晚于放款日期（${f.loanDate}）。`, 'dueDate')
  if (f.use === '户贷企用' && !f.enterprise) refuse('「户贷企用」的贷款请填写用款企业的名称。', 'enterprise')
  return {
    household_id: f.householdId,
    member_id: f.memberId ?? null,
    bank: f.bank,
    contract_no: f.contractNo ?? null,
    amount_fen: amount,
    loan_date: f.loanDate,
    term_months: f.termMonths ?? null,
    due_date: due!,
    purpose: f.purpose ?? null,
    use_mode: f.use,
    enterprise: f.use === '户贷企用' ? (f.enterprise ?? null) : null,
    note: f.note ?? null,
  }
}

function checkContractFree(ledger: Ledger, contractNo: string | null | undefined, exceptId: number | null): void {
  if (!contractNo) return
  const other = ledger.sqlite.prepare('SELECT id FROM credit_loans WHERE contract_no = ? AND id IS NOT ?').pluck().get(contractNo, exceptId) as number | undefined
  if (other) refuse(`合同编号「${contractNo}」已登记在另一笔贷款上（#${other}），请核对合同编号。`, 'contractNo')
}

export function createLoan(ledger: Ledger, actor: string, f: LoanInput): number {
  const values = loanColumns(ledger, f)
  checkContractFree(ledger, f.contractNo, null)
  return ledger.write.run({ actor }, (w) => w.insert('credit_loans', values))
}

export function updateLoan(ledger: Ledger, actor: string, id: number, f: LoanInput): string[] {
  loanRow(ledger, id)
  const values = loanColumns(ledger, f)
  checkContractFree(ledger, f.contractNo, id)
  const repaid = ledger.sqlite.prepare("SELECT IFNULL(SUM(amount_fen), 0) FROM credit_repayments WHERE loan_id = ? AND kind = '还款'").pluck().get(id) as number
  if (repaid > Number(values.amount_fen)) refuse(`已登记还款 ${(repaid / 100).toFixed(2)} 元，贷款金额不能小于已还金额。`, 'amount')
  return ledger.write.run({ actor }, (w) => w.update('credit_loans', id, values))
}

export function deleteLoan(ledger: Ledger, actor: string, id: number): void {
  loanRow(ledger, id)
  const linked = ledger.sqlite.prepare('SELECT COUNT(*) FROM monitoring_measures WHERE credit_loan_id = ?').pluck().get(id) as number
  if (linked) refuse(`这笔贷款已被 ${linked} 条监测帮扶措施（金融帮扶 / 小额信贷）引用，不能删除。请先在户页面「监测」中删除或改掉这些措施。`)
  ledger.write.run({ actor }, (w) => {
    w.deleteWhere('credit_repayments', 'loan_id = ?', [id])
    w.deleteWhere('credit_subsidies', 'loan_id = ?', [id])
    w.delete('credit_loans', id)
  })
}

export interface RepaymentInput {
  loanId: number
  kind: RepaymentKind
  date: string
  amount?: string | null
  newDueDate?: string | null
  note?: string | null
}

/** 还款: a partial or whole repayment up to the balance; 展期: a new due date after the one in force. */
export function addRepayment(ledger: Ledger, actor: string, input: RepaymentInput): number {
  const loan = getLoan(ledger, input.loanId, input.date)
  if (input.date < loan.loanDate) refuse(`日期（${input.date}）不能早于放款日期（${loan.loanDate}）。`, 'date')
  const values: Record<string, Value> = { loan_id: input.loanId, kind: input.kind, repay_date: input.date, note: input.note ?? null, amount_fen: null, new_due_date: null }
  if (input.kind === '还款') {
    if (!input.amount) refuse('请填写还款金额（元）。', 'amount')
    const fen = fenOf(input.amount!, '还款金额')
    if (fen <= 0) refuse('还款金额要大于 0。', 'amount')
    // The balance over every repayment recorded, later-dated ones included.
    const all = getLoan(ledger, input.loanId, '9999-12-31')
    if (fen > all.balanceFen) refuse(`还款金额 ${(fen / 100).toFixed(2)} 元超过贷款余额 ${(all.balanceFen / 100).toFixed(2)} 元，请核对。`, 'amount')
    values.amount_fen = fen
  } else {
    if (!input.newDueDate) refuse('展期请填写展期后的到期日期。', 'newDueDate')
    if (input.newDueDate! <= loan.currentDueDate) refuse(`展期后的到期日期（${input.newDueDate}）要晚于现在的到期日期（${loan.currentDueDate}）。`, 'newDueDate')
    if (loan.status === '已结清') refuse('这笔贷款已结清，不能展期。', 'kind')
    values.new_due_date = input.newDueDate!
  }
  return ledger.write.run({ actor }, (w) => w.insert('credit_repayments', values))
}

export function deleteRepayment(ledger: Ledger, actor: string, id: number): void {
  if (!ledger.sqlite.prepare('SELECT 1 FROM credit_repayments WHERE id = ?').get(id)) refuse('要删除的还款记录不存在，可能已被删除。请刷新后重试。')
  ledger.write.run({ actor }, (w) => w.delete('credit_repayments', id))
}

export function addSubsidy(ledger: Ledger, actor: string, input: { loanId: number; period: string; date?: string | null; amount: string; note?: string | null }): number {
  const loan = loanRow(ledger, input.loanId)
  const fen = fenOf(input.amount, '贴息金额')
  if (fen <= 0) refuse('贴息金额要大于 0。', 'amount')
  if (input.date && input.date < loan.loan_date) refuse(`贴息日期（${input.date}）不能早于放款日期（${loan.loan_date}）。`, 'date')
  return ledger.write.run({ actor }, (w) =>
    w.insert('credit_subsidies', { loan_id: input.loanId, period: input.period, paid_date: input.date ?? null, amount_fen: fen, note: input.note ?? null }),
  )
}

export function deleteSubsidy(ledger: Ledger, actor: string, id: number): void {
  if (!ledger.sqlite.prepare('SELECT 1 FROM credit_subsidies WHERE id = ?').get(id)) refuse('要删除的贴息记录不存在，可能已被删除。请刷新后重试。')
  ledger.write.run({ actor }, (w) => w.delete('credit_subsidies', id))
}

/** Open loans due within 30 days and loans past their due date, soonest / longest overdue first. */
export function creditReminders(ledger: Ledger, today: string): CreditReminders {
  const rows = listLoans(ledger, { today })
  return {
    dueSoon: rows.filter((r) => r.dueSoon).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0)),
    overdue: rows.filter((r) => r.status === '逾期').sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0)),
  }
}

/** 「示例县示例镇扶贫小额信贷台账」. */
export function creditTitle(ledger: Ledger): string {
  const t = ledger.sqlite.prepare('SELECT county, township FROM villages ORDER BY is_demo, id LIMIT 1').get() as { county: string; township: string } | undefined
  return `${t ? `${t.county}${t.township}` : ''}扶贫小额信贷台账`
}
