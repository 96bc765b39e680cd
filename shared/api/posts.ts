/** The posts area (公益性岗位): posts, their holders, the monthly payroll, reminders, import, export and print. */
import { z } from 'zod'
import { FUNDING_SOURCES, POST_STATUSES, POST_TYPES, type FundingSource, type PostStatus, type PostType } from '../domain/posts'
import type { ProducedFile } from './files'
import type { CountSet, ImportIssueView } from './households-import'
import type { JobStarted } from './jobs'
import { fileId, id, isoDate, op } from './op'

const optText = (max: number) => z.string().trim().max(max).nullable().optional()
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请填写年月，如 2026-03')
/** 元 as typed: 800 or 1234.56. */
const yuan = z.string().trim().regex(/^\d[\d,]{0,12}(?:\.\d{1,2})?$/, '请填写金额（元），如 800 或 666.67')

export const PostFields = z.object({
  postType: z.enum(POST_TYPES),
  typeNote: optText(40),
  name: optText(60),
  villageId: id.nullable().optional(),
  pay: yuan,
  funding: z.enum(FUNDING_SOURCES),
  fundingNote: optText(60),
  capacity: z.number().int().min(1).max(200),
  note: optText(500),
})
export type PostFieldsInput = z.input<typeof PostFields>

export interface HolderRow {
  holdingId: number
  postId: number
  memberId: number
  householdId: number
  name: string
  /** Masked (110***********1234). */
  idNumberMasked: string | null
  village: string | null
  householdNo: string | null
  headName: string | null
  startMonth: string
  endMonth: string | null
  /** Holds the post this month. */
  current: boolean
  /** Why the holding needs the clerk: 在校生, left the household or the ledger, months running out. */
  flags: string[]
  paidFen: number
  paidMonths: number
  note: string | null
}

export interface PostRow {
  id: number
  postType: PostType
  typeNote: string | null
  /** 「护林员」, 「其他（水管员）」. */
  typeLabel: string
  name: string | null
  villageId: number | null
  village: string | null
  payFen: number
  funding: FundingSource
  fundingNote: string | null
  capacity: number
  closedMonth: string | null
  note: string | null
  status: PostStatus
  holders: HolderRow[]
  /** Paid on this post, all months. */
  paidFen: number
}

export interface PayrollRow {
  id: number
  holdingId: number
  month: string
  days: number | null
  attendance: string | null
  amountFen: number
  note: string | null
}

export interface PostDetail extends PostRow {
  /** Every holding, past ones too, newest first. */
  history: HolderRow[]
  payroll: PayrollRow[]
}

export interface PostMonthTotal {
  month: string
  holders: number
  amountFen: number
}

export interface PostReminder {
  kind: 'ending' | 'student' | 'moved'
  holdingId: number
  postId: number
  householdId: number
  name: string
  village: string | null
  postLabel: string
  detail: string
  /** Days to the end of the end month (ending); null for the others. */
  days: number | null
}

export interface PostReminders {
  /** The window used (the year's monitoring setting, or 30 when not entered). */
  endDays: number
  endDaysFromSettings: boolean
  ending: PostReminder[]
  student: PostReminder[]
  moved: PostReminder[]
}

export interface HouseholdPosts {
  holdings: (HolderRow & { postLabel: string; payFen: number; funding: string; village: string | null })[]
  /** 工资性收入 from posts: payroll rows of the year. */
  year: number
  yearPaidFen: number
  /** The roster's own 工资性收入 (typed or imported), for comparison. */
  rosterWageFen: number | null
}

export interface MemberChoice {
  memberId: number
  name: string
  idNumberMasked: string | null
  householdId: number
  village: string
  headName: string | null
  /** Why the member cannot take a post (在校生), shown beside the name. */
  blocked: string | null
}

export interface PostImportPreview {
  fileName: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  rows: number
  columns: { index: number; letter: string; header: string; field: string | null; label: string | null; samples: string[] }[]
  holdings: CountSet
  /** Rows whose person is not on the roster (by ID number): reported, not imported. */
  notInLedger: number
  errorCount: number
  warningCount: number
  issues: ImportIssueView[]
  newHoldings: { row: number; name: string; village: string | null; postLabel: string; pay: string; startMonth: string; endMonth: string | null }[]
  changedHoldings: { row: number; name: string; postLabel: string; fields: string[] }[]
  notInLedgerRows: { row: number; name: string; idNumberMasked: string; village: string | null }[]
}

export interface PostImportResult {
  batchId: number
  holdings: CountSet
  notInLedger: number
}

const listFilter = z.object({
  today: isoDate,
  villageId: id.optional(),
  postType: z.enum(POST_TYPES).optional(),
  status: z.enum(POST_STATUSES).optional(),
  q: z.string().trim().max(60).optional(),
})

const PayrollEntry = z.object({
  holdingId: id,
  days: z.number().int().min(0).max(31).nullable().optional(),
  attendance: optText(20),
  amount: yuan,
  note: optText(200),
})

const importInput = z.object({ fileId, sheet: z.string().max(100).optional() })

export const postsOps = {
  'posts.list': op<PostRow[]>()(listFilter, 'read'),
  'posts.get': op<PostDetail>()(z.object({ id, today: isoDate }), 'read'),
  'posts.create': op<{ id: number }>()(PostFields),
  'posts.update': op<{ changed: string[] }>()(z.object({ id, fields: PostFields })),
  /** 撤岗 from a month (holdings still open end the month before), or reopened with null. */
  'posts.close': op<{ changed: string[] }>()(z.object({ id, month: month.nullable() })),
  'posts.delete': op<{ deleted: true }>()(z.object({ id })),
  /** A roster member takes the post from a month (to an end month). */
  /** Roster members by name, pinyin initials or the last digits of the ID number, for 安排上岗. */
  'posts.findMembers': op<MemberChoice[]>()(z.object({ q: z.string().trim().min(1).max(30), villageId: id.optional() }), 'read'),
  'posts.assign': op<{ id: number }>()(z.object({ postId: id, memberId: id, startMonth: month, endMonth: month.nullable().optional(), note: optText(200) })),
  'posts.updateHolding': op<{ changed: string[] }>()(z.object({ id, startMonth: month, endMonth: month.nullable().optional(), note: optText(200) })),
  'posts.removeHolding': op<{ deleted: true }>()(z.object({ id })),
  /** One month's payroll for the post's holders, all at once (replaces what that month had). */
  'posts.savePayroll': op<{ saved: number }>()(z.object({ postId: id, month, entries: z.array(PayrollEntry).max(200) })),
  'posts.deletePayroll': op<{ deleted: true }>()(z.object({ id })),
  /** Paid per month over all posts (a village or type when given). */
  'posts.monthTotals': op<PostMonthTotal[]>()(z.object({ year: z.number().int().min(2000).max(2100), villageId: id.optional(), postType: z.enum(POST_TYPES).optional() }), 'read'),
  'posts.reminders': op<PostReminders>()(z.object({ today: isoDate }), 'read'),
  /** The household page's card: its members' posts and the year's pay beside the roster's 工资性收入. */
  'posts.household': op<HouseholdPosts>()(z.object({ householdId: id, year: z.number().int().min(2000).max(2100) }), 'read'),
  /** Holdings a 公益岗位帮扶 measure of this household may record. */
  'posts.householdHoldings': op<HouseholdPosts['holdings']>()(z.object({ householdId: id }), 'read'),
  /** 公益性岗位人员花名册 data: every post's current holders, as the print shows them. */
  'posts.roster': op<{ title: string; rows: PostRow[] }>()(z.object({ today: isoDate, villageId: id.optional() }), 'read'),
  /** 工资发放表 of one month: every holder paid (or to be paid) that month. */
  'posts.payslip': op<{ title: string; month: string; rows: (PayrollRow & { name: string; village: string | null; postLabel: string; idNumberMasked: string | null })[]; totalFen: number }>()(
    z.object({ month, postId: id.optional(), villageId: id.optional() }),
    'read',
  ),
  /** The county's post list (.xlsx): a job whose result is a PostImportPreview. */
  'posts.importPreview': op<JobStarted>()(importInput, 'read'),
  /** The same file written in one transaction as an import batch (undo through imports.undo): a PostImportResult. */
  'posts.importCommit': op<JobStarted>()(importInput),
  /** The holders in the import's layout (.xlsx). */
  'posts.export': op<ProducedFile>()(z.object({ today: isoDate }), 'read'),
}
