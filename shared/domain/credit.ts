/** 扶贫小额信贷: credit grades, loan use, repayment kinds, and how a loan's balance and status follow from its records. */

export const CREDIT_GRADES = ['AAA', 'AA', 'A', '未评级'] as const
export type CreditGrade = (typeof CREDIT_GRADES)[number]

export const LOAN_USES = ['户贷户用', '户贷企用'] as const
export type LoanUse = (typeof LOAN_USES)[number]

export const REPAYMENT_KINDS = ['还款', '展期'] as const
export type RepaymentKind = (typeof REPAYMENT_KINDS)[number]

/** 未到期, 已到期未还 (逾期), 已结清, 展期 (extended and not yet past the new due date). */
export const LOAN_STATUSES = ['未到期', '逾期', '已结清', '展期'] as const
export type LoanStatus = (typeof LOAN_STATUSES)[number]

/** Days before the due date from which an open loan is on the 即将到期 reminder. */
export const DUE_SOON_DAYS = 30

const DAY = 86_400_000
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY)
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from)

/** The due date `months` after `from` (the same day of month, or the month's last day). */
export function addMonthsIso(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export interface LoanFacts {
  amountFen: number
  dueDate: string
  repayments: readonly { kind: RepaymentKind; date: string; amountFen: number | null; newDueDate: string | null }[]
}

export interface LoanState {
  repaidFen: number
  balanceFen: number
  /** The due date in force: the last 展期's new due date, else the contract's. */
  currentDueDate: string
  extended: boolean
  status: LoanStatus
  /** Days to the due date in force (negative when overdue); null when settled. */
  daysLeft: number | null
  /** Open and due within DUE_SOON_DAYS (today included). */
  dueSoon: boolean
}

/** Balance and status on `today`: repayments as recorded by then, the latest extension's due date. */
export function loanState(loan: LoanFacts, today: string): LoanState {
  const upTo = loan.repayments.filter((r) => r.date <= today)
  const repaidFen = upTo.reduce((s, r) => s + (r.kind === '还款' ? (r.amountFen ?? 0) : 0), 0)
  const balanceFen = Math.max(0, loan.amountFen - repaidFen)
  const extensions = upTo.filter((r) => r.kind === '展期' && r.newDueDate).sort((a, b) => a.date.localeCompare(b.date) || a.newDueDate!.localeCompare(b.newDueDate!))
  const currentDueDate = extensions.length ? extensions[extensions.length - 1]!.newDueDate! : loan.dueDate
  const extended = extensions.length > 0
  if (balanceFen === 0) return { repaidFen, balanceFen, currentDueDate, extended, status: '已结清', daysLeft: null, dueSoon: false }
  const daysLeft = daysBetween(today, currentDueDate)
  const status: LoanStatus = daysLeft < 0 ? '逾期' : extended ? '展期' : '未到期'
  return { repaidFen, balanceFen, currentDueDate, extended, status, daysLeft, dueSoon: daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS }
}
