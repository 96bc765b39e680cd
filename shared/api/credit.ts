/** The credit area (扶贫小额信贷): household ratings and credit limits, loans, repayments and extensions, 贴息, reminders, per-village totals, import, export. */
import { z } from 'zod'
import { CREDIT_GRADES, LOAN_STATUSES, LOAN_USES, REPAYMENT_KINDS, type CreditGrade, type LoanStatus, type LoanUse, type RepaymentKind } from '../domain/credit'
import type { ProducedFile } from './files'
import type { CountSet, ImportIssueView } from './households-import'
import type { JobStarted } from './jobs'
import { fileId, id, isoDate, op } from './op'

const text = (max: number) => z.string().trim().min(1).max(max)
const optText = (max: number) => z.string().trim().max(max).nullable().optional()
/** 元 as typed by the clerk: '50000', '1,234.56'. */
export const yuan = z.string().trim().regex(/^\d[\d,]{0,15}(?:\.\d{1,2})?$/, '请填写金额（元），如 50000 或 1234.56')

export const LoanFields = z.object({
  householdId: id,
  /** The member who signed; the 户主 when not given. */
  memberId: id.nullable().optional(),
  bank: text(60),
  contractNo: optText(60),
  amount: yuan,
  loanDate: isoDate,
  termMonths: z.number().int().min(1).max(120).nullable().optional(),
  /** Blank: the loan date plus the term. */
  dueDate: isoDate.nullable().optional(),
  purpose: optText(100),
  use: z.enum(LOAN_USES),
  enterprise: optText(100),
  note: optText(500),
})
export type LoanFieldsInput = z.input<typeof LoanFields>

export const RatingFields = z.object({
  householdId: id,
  grade: z.enum(CREDIT_GRADES),
  ratedBy: optText(60),
  ratedDate: isoDate.nullable().optional(),
  creditLimit: yuan.nullable().optional(),
  creditDate: isoDate.nullable().optional(),
  note: optText(500),
})

export interface RatingView {
  grade: CreditGrade
  ratedBy: string | null
  ratedDate: string | null
  creditLimitFen: number | null
  creditDate: string | null
  note: string | null
}

export interface LoanRow {
  id: number
  householdId: number
  householdNo: string | null
  village: string
  villageId: number
  /** The borrower (the member who signed, else the 户主). */
  borrower: string | null
  memberId: number | null
  /** The borrower's ID number with the middle hidden. */
  idNumberMasked: string | null
  bank: string
  contractNo: string | null
  amountFen: number
  loanDate: string
  termMonths: number | null
  dueDate: string
  currentDueDate: string
  purpose: string | null
  use: LoanUse
  enterprise: string | null
  note: string | null
  repaidFen: number
  balanceFen: number
  subsidyFen: number
  status: LoanStatus
  daysLeft: number | null
  dueSoon: boolean
  grade: CreditGrade | null
}

export interface RepaymentView {
  id: number
  kind: RepaymentKind
  date: string
  amountFen: number | null
  newDueDate: string | null
  note: string | null
}

export interface SubsidyView {
  id: number
  period: string
  date: string | null
  amountFen: number
  note: string | null
}

export interface LoanDetail extends LoanRow {
  repayments: RepaymentView[]
  subsidies: SubsidyView[]
  /** Monitoring measures (金融帮扶 / 小额信贷) that name this loan. */
  measures: { id: number; caseId: number; date: string }[]
}

export interface VillageCreditTotal {
  villageId: number | null
  village: string
  /** Households with a loan. */
  households: number
  loans: number
  amountFen: number
  balanceFen: number
  overdueLoans: number
  overdueFen: number
}

export interface CreditLedger {
  loans: LoanRow[]
  villages: VillageCreditTotal[]
  total: VillageCreditTotal
  banks: string[]
}

export interface CreditReminders {
  dueSoon: LoanRow[]
  overdue: LoanRow[]
}

export interface HouseholdCredit {
  rating: RatingView | null
  loans: LoanRow[]
}

export interface CreditImportPreview {
  fileName: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  rows: number
  columns: { index: number; letter: string; header: string; field: string | null; label: string | null; samples: string[]; unit: 'wan' | 'yuan' | null }[]
  loans: CountSet
  /** Rows whose borrower's ID is not on the roster: listed, not imported. */
  notInLedger: { row: number; name: string | null; idNumberMasked: string | null }[]
  errorCount: number
  warningCount: number
  issues: ImportIssueView[]
  newLoans: { row: number; borrower: string; village: string; bank: string; contractNo: string | null; amountFen: number; loanDate: string }[]
  changedLoans: { row: number; borrower: string; contractNo: string | null; fields: string[] }[]
  /** Each money column's total as read (分), for checking against the file's own 合计. */
  amountFen: number
}

export interface CreditImportResult {
  batchId: number
  loans: CountSet
  notInLedger: number
}

const listFilter = z.object({
  today: isoDate,
  villageId: id.optional(),
  status: z.enum(LOAN_STATUSES).optional(),
  bank: z.string().trim().max(60).optional(),
  /** 'dueSoon' or 'overdue' only. */
  reminder: z.enum(['dueSoon', 'overdue']).optional(),
  q: z.string().trim().max(60).optional(),
})
export type CreditListFilter = z.output<typeof listFilter>

const importInput = z.object({
  fileId,
  sheet: z.string().max(100).optional(),
  /** Column index → field key (null: not imported); remembered for the header layout on commit. */
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(40).nullable()).optional(),
})

export const creditOps = {
  'credit.list': op<CreditLedger>()(listFilter, 'read'),
  'credit.get': op<LoanDetail>()(z.object({ id, today: isoDate }), 'read'),
  'credit.household': op<HouseholdCredit>()(z.object({ householdId: id, today: isoDate }), 'read'),
  'credit.setRating': op<{ changed: string[] }>()(RatingFields),
  'credit.create': op<{ id: number }>()(LoanFields),
  'credit.update': op<{ changed: string[] }>()(z.object({ id, fields: LoanFields })),
  'credit.delete': op<{ deleted: true }>()(z.object({ id })),
  /** 还款 (partial or whole, not above the balance) or 展期 (a new due date later than the one in force). */
  'credit.addRepayment': op<{ id: number }>()(
    z.object({ loanId: id, kind: z.enum(REPAYMENT_KINDS), date: isoDate, amount: yuan.nullable().optional(), newDueDate: isoDate.nullable().optional(), note: optText(200) }),
  ),
  'credit.deleteRepayment': op<{ deleted: true }>()(z.object({ id })),
  'credit.addSubsidy': op<{ id: number }>()(z.object({ loanId: id, period: text(40), date: isoDate.nullable().optional(), amount: yuan, note: optText(200) })),
  'credit.deleteSubsidy': op<{ deleted: true }>()(z.object({ id })),
  'credit.reminders': op<CreditReminders>()(z.object({ today: isoDate }), 'read'),
  /** The bank's or county's loan list (.xlsx): a job whose result is a CreditImportPreview. */
  'credit.importPreview': op<JobStarted>()(importInput, 'read'),
  /** The same file written in one transaction as an import batch (undo through imports.undo): a CreditImportResult. */
  'credit.importCommit': op<JobStarted>()(importInput),
  /** The ledger in the import's layout (.xlsx); ID numbers masked unless `unmasked` (logged in the access log). */
  'credit.export': op<ProducedFile>()(listFilter.omit({ today: true }).extend({ unmasked: z.boolean().optional() }), 'read'),
}
