/** 公益性岗位 records: posts, holdings, the monthly payroll and the reminders, all writes through the audited write path. */
import type { z } from 'zod'
import type {
  HolderRow, HouseholdPosts, MemberChoice, PayrollRow, PostDetail, PostFields, PostMonthTotal, PostReminders, PostRow,
} from '../../../shared/api/posts'
import { LedgerError } from '../../../shared/api/result'
import { maskIdNumber } from '../../../shared/domain/id-number'
import { formatYuan } from '../../../shared/domain/money'
import {
  DEFAULT_POST_END_DAYS, daysUntilEnd, holdsIn, isStudent, monthOf, typeLabel, yuanToFen, type FundingSource, type PostStatus, type PostType,
} from '../../../shared/domain/posts'
import type { Ledger } from '../db/ledger'

type Fields = z.output<typeof PostFields>
type Value = string | number | null

interface PostDbRow {
  id: number
  post_type: PostType
  type_note: string | null
  name: string | null
  village_id: number | null
  village: string | null
  pay_fen: number
  funding: FundingSource
  funding_note: string | null
  capacity: number
  closed_month: string | null
  note: string | null
  paid_fen: number
}

interface HoldingDbRow {
  id: number
  post_id: number
  member_id: number
  household_id: number
  start_month: string
  end_month: string | null
  note: string | null
  name: string
  id_number: string | null
  school_status: string | null
  member_removed: string | null
  member_removed_date: string | null
  member_household: number
  household_removed: string | null
  household_no: string | null
  village: string | null
  head_name: string | null
  paid_fen: number
  paid_months: number
}

const POST_SELECT = `SELECT p.*, v.name AS village, (SELECT IFNULL(SUM(r.amount_fen), 0) FROM post_payroll r JOIN post_holdings hd ON hd.id = r.holding_id WHERE hd.post_id = p.id) AS paid_fen
  FROM posts p LEFT JOIN villages v ON v.id = p.village_id`

const HOLDING_SELECT = `SELECT hd.*, m.name, m.id_number, m.school_status, m.removed_reason AS member_removed, m.removed_date AS member_removed_date,
    m.household_id AS member_household, h.removed_reason AS household_removed, h.household_no, v.name AS village,
    (SELECT hm.name FROM members hm WHERE hm.household_id = h.id AND hm.relation = '户主' AND hm.removed_reason IS NULL ORDER BY hm.sort_order LIMIT 1) AS head_name,
    (SELECT IFNULL(SUM(r.amount_fen), 0) FROM post_payroll r WHERE r.holding_id = hd.id) AS paid_fen,
    (SELECT COUNT(*) FROM post_payroll r WHERE r.holding_id = hd.id) AS paid_months
  FROM post_holdings hd JOIN members m ON m.id = hd.member_id JOIN households h ON h.id = hd.household_id LEFT JOIN villages v ON v.id = h.village_id`

/** Why the holding needs the clerk, in words: left the household or the ledger, a student, or its months running out. */
function holdingFlags(r: HoldingDbRow, today: string, endDays: number): { moved: string | null; student: string | null; ending: number | null } {
  const current = holdsIn({ startMonth: r.start_month, endMonth: r.end_month }, monthOf(today))
  let moved: string | null = null
  if (current) {
    if (r.household_removed) moved = `所在户已移出台账（${r.household_removed}）`
    else if (r.member_removed) moved = `已于 ${r.member_removed_date ?? ''} 移出本户（${r.member_removed}）`
    else if (r.member_household !== r.household_id) moved = '已迁入其他户'
  }
  return {
    moved,
    student: current && !moved && isStudent(r.school_status) ? `户籍花名册上为在校生（${r.school_status}）` : null,
    ending: daysUntilEnd(r.end_month, today, endDays),
  }
}

function toHolder(r: HoldingDbRow, today: string, endDays: number): HolderRow {
  const f = holdingFlags(r, today, endDays)
  const flags = [f.moved, f.student, f.ending !== null ? `聘用期 ${r.end_month} 结束，还有 ${f.ending} 天` : null].filter((x): x is string => x !== null)
  return {
    holdingId: r.id,
    postId: r.post_id,
    memberId: r.member_id,
    householdId: r.household_id,
    name: r.name,
    idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
    village: r.village,
    householdNo: r.household_no,
    headName: r.head_name,
    startMonth: r.start_month,
    endMonth: r.end_month,
    current: holdsIn({ startMonth: r.start_month, endMonth: r.end_month }, monthOf(today)),
    flags,
    paidFen: r.paid_fen,
    paidMonths: r.paid_months,
    note: r.note,
  }
}

function statusOf(p: PostDbRow, holders: HolderRow[], today: string): PostStatus {
  if (p.closed_month && p.closed_month <= monthOf(today)) return '已撤岗'
  return holders.filter((h) => h.current).length >= p.capacity ? '在岗' : '空缺'
}

function toPost(p: PostDbRow, all: HolderRow[], today: string): PostRow {
  const holders = all.filter((h) => h.current)
  return {
    id: p.id,
    postType: p.post_type,
    typeNote: p.type_note,
    typeLabel: typeLabel(p.post_type, p.type_note),
    name: p.name,
    villageId: p.village_id,
    village: p.village,
    payFen: p.pay_fen,
    funding: p.funding,
    fundingNote: p.funding_note,
    capacity: p.capacity,
    closedMonth: p.closed_month,
    note: p.note,
    status: statusOf(p, all, today),
    holders,
    paidFen: p.paid_fen,
  }
}

/** The year's window for holdings running out: the monitoring setting, or 30 days when not entered. */
export function postEndDays(ledger: Ledger, year: number): { days: number; fromSettings: boolean } {
  const v = ledger.sqlite.prepare('SELECT post_end_days FROM monitoring_settings WHERE year = ?').pluck().get(year) as number | null | undefined
  return v ? { days: v, fromSettings: true } : { days: DEFAULT_POST_END_DAYS, fromSettings: false }
}

export interface ListFilter {
  today: string
  villageId?: number | undefined
  postType?: PostType | undefined
  status?: PostStatus | undefined
  q?: string | undefined
}

export function listPosts(ledger: Ledger, f: ListFilter): PostRow[] {
  const where: string[] = []
  const params: Value[] = []
  if (f.villageId) {
    where.push('p.village_id = ?')
    params.push(f.villageId)
  }
  if (f.postType) {
    where.push('p.post_type = ?')
    params.push(f.postType)
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`
    where.push(`(IFNULL(p.name,'') LIKE ? OR IFNULL(p.type_note,'') LIKE ? OR p.id IN (SELECT hd.post_id FROM post_holdings hd JOIN members m ON m.id = hd.member_id WHERE m.name LIKE ?))`)
    params.push(like, like, like)
  }
  const posts = ledger.sqlite.prepare(`${POST_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY v.name, p.post_type, p.id`).all(...params) as PostDbRow[]
  const endDays = postEndDays(ledger, Number(f.today.slice(0, 4))).days
  const holdings = ledger.sqlite.prepare(`${HOLDING_SELECT} ORDER BY hd.start_month, hd.id`).all() as HoldingDbRow[]
  const byPost = new Map<number, HolderRow[]>()
  for (const h of holdings) {
    const list = byPost.get(h.post_id) ?? []
    list.push(toHolder(h, f.today, endDays))
    byPost.set(h.post_id, list)
  }
  const rows = posts.map((p) => toPost(p, byPost.get(p.id) ?? [], f.today))
  return f.status ? rows.filter((r) => r.status === f.status) : rows
}

function postRow(ledger: Ledger, id: number): PostDbRow {
  const r = ledger.sqlite.prepare(`${POST_SELECT} WHERE p.id = ?`).get(id) as PostDbRow | undefined
  if (!r) throw new LedgerError('not_found', `找不到这个公益性岗位（#${id}），可能已被删除。请刷新后重试。`)
  return r
}

function holdingRow(ledger: Ledger, id: number): HoldingDbRow {
  const r = ledger.sqlite.prepare(`${HOLDING_SELECT} WHERE hd.id = ?`).get(id) as HoldingDbRow | undefined
  if (!r) throw new LedgerError('not_found', `找不到这条上岗记录（#${id}），可能已被删除。请刷新后重试。`)
  return r
}

export function getPost(ledger: Ledger, id: number, today: string): PostDetail {
  const p = postRow(ledger, id)
  const endDays = postEndDays(ledger, Number(today.slice(0, 4))).days
  const all = (ledger.sqlite.prepare(`${HOLDING_SELECT} WHERE hd.post_id = ? ORDER BY hd.start_month DESC, hd.id DESC`).all(id) as HoldingDbRow[]).map((h) => toHolder(h, today, endDays))
  const payroll = ledger.sqlite
    .prepare(
      `SELECT r.id, r.holding_id AS holdingId, r.month, r.days, r.attendance, r.amount_fen AS amountFen, r.note
         FROM post_payroll r JOIN post_holdings hd ON hd.id = r.holding_id WHERE hd.post_id = ? ORDER BY r.month DESC, r.holding_id`,
    )
    .all(id) as PayrollRow[]
  return { ...toPost(p, all, today), history: all, payroll }
}

function fen(pay: string, field: string): number {
  const v = yuanToFen(pay)
  if (v === null) throw new LedgerError('invalid', `「${pay}」不是金额，请填写元，如 800 或 666.67。`, field)
  return v
}

function postColumns(ledger: Ledger, f: Fields): Record<string, Value> {
  if (f.villageId && ledger.sqlite.prepare('SELECT 1 FROM villages WHERE id = ?').get(f.villageId) === undefined) {
    throw new LedgerError('invalid', '所选的村不存在，请重新选择「所在村」。', 'villageId')
  }
  if (f.postType === '其他' && !f.typeNote) throw new LedgerError('invalid', '岗位类型为「其他」时，请在「岗位说明」中写明是什么岗位（如：水管员）。', 'typeNote')
  if (f.funding === '其他' && !f.fundingNote) throw new LedgerError('invalid', '资金来源为「其他」时，请写明资金来源（如：村集体经济收益）。', 'fundingNote')
  const payFen = fen(f.pay, 'pay')
  if (payFen <= 0) throw new LedgerError('invalid', '岗位补贴（元/月）应大于 0。', 'pay')
  return {
    post_type: f.postType,
    type_note: f.postType === '其他' ? (f.typeNote ?? null) : null,
    name: f.name ?? null,
    village_id: f.villageId ?? null,
    pay_fen: payFen,
    funding: f.funding,
    funding_note: f.funding === '其他' ? (f.fundingNote ?? null) : null,
    capacity: f.capacity,
    note: f.note ?? null,
  }
}

export function createPost(ledger: Ledger, actor: string, f: Fields): number {
  const values = postColumns(ledger, f)
  return ledger.write.run({ actor }, (w) => w.insert('posts', values))
}

export function updatePost(ledger: Ledger, actor: string, id: number, f: Fields): string[] {
  postRow(ledger, id)
  const values = postColumns(ledger, f)
  const current = ledger.sqlite.prepare(`SELECT COUNT(*) FROM post_holdings WHERE post_id = ? AND end_month IS NULL`).pluck().get(id) as number
  if (current > f.capacity) throw new LedgerError('invalid', `这个岗位现有 ${current} 人在岗（未填聘用结束月份），岗位人数不能少于 ${current}。`, 'capacity')
  return ledger.write.run({ actor }, (w) => w.update('posts', id, values))
}

/** 撤岗 from a month: holdings still open then end the month before. Null reopens the post. */
export function closePost(ledger: Ledger, actor: string, id: number, month: string | null): string[] {
  postRow(ledger, id)
  return ledger.write.run({ actor }, (w) => {
    const changed = w.update('posts', id, { closed_month: month })
    if (month) {
      const open = ledger.sqlite.prepare('SELECT id, start_month FROM post_holdings WHERE post_id = ? AND (end_month IS NULL OR end_month >= ?)').all(id, month) as { id: number; start_month: string }[]
      for (const h of open) {
        if (h.start_month >= month) throw new LedgerError('invalid', `有人从 ${h.start_month} 起才上岗，撤岗月份不能早于或等于它。请先删除或调整这条上岗记录。`, 'month')
        const prev = prevMonth(month)
        w.update('post_holdings', h.id, { end_month: prev })
      }
    }
    return changed
  })
}

const prevMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

export function deletePost(ledger: Ledger, actor: string, id: number): void {
  postRow(ledger, id)
  const paid = ledger.sqlite.prepare('SELECT COUNT(*) FROM post_payroll r JOIN post_holdings hd ON hd.id = r.holding_id WHERE hd.post_id = ?').pluck().get(id) as number
  if (paid) throw new LedgerError('invalid', `这个岗位已有 ${paid} 条工资发放记录，不能删除（发放记录需要留档）。如已不再设岗，请用「撤岗」。`)
  ledger.write.run({ actor }, (w) => {
    w.deleteWhere('post_holdings', 'post_id = ?', [id])
    w.delete('posts', id)
  })
}

function checkMonths(start: string, end: string | null | undefined): void {
  if (end && end < start) throw new LedgerError('invalid', `聘用结束月份（${end}）不能早于上岗月份（${start}）。`, 'endMonth')
}

/** Places taken in a month range by others, over the post's capacity: the first month that would be over. */
function overCapacity(ledger: Ledger, post: PostDbRow, start: string, end: string | null, exceptHolding: number | null): string | null {
  const others = ledger.sqlite.prepare('SELECT start_month, end_month FROM post_holdings WHERE post_id = ? AND id <> ?').all(post.id, exceptHolding ?? 0) as { start_month: string; end_month: string | null }[]
  const months = new Set([start, ...others.map((o) => o.start_month).filter((m) => m >= start && (end === null || m <= end))])
  for (const m of [...months].sort()) {
    const taken = others.filter((o) => holdsIn({ startMonth: o.start_month, endMonth: o.end_month }, m)).length
    if (taken >= post.capacity) return m
  }
  return null
}

export function assignHolder(ledger: Ledger, actor: string, input: { postId: number; memberId: number; startMonth: string; endMonth?: string | null | undefined; note?: string | null | undefined }): number {
  const post = postRow(ledger, input.postId)
  checkMonths(input.startMonth, input.endMonth)
  if (post.closed_month && (input.endMonth ?? '9999-12') >= post.closed_month) {
    throw new LedgerError('invalid', `这个岗位已于 ${post.closed_month} 撤岗，聘用期不能延续到撤岗之后。`, 'endMonth')
  }
  const member = ledger.sqlite.prepare(`SELECT m.id, m.name, m.household_id, m.removed_reason, m.school_status, h.removed_reason AS h_removed FROM members m JOIN households h ON h.id = m.household_id WHERE m.id = ?`).get(input.memberId) as
    | { id: number; name: string; household_id: number; removed_reason: string | null; school_status: string | null; h_removed: string | null }
    | undefined
  if (!member) throw new LedgerError('invalid', '所选的人不在户籍花名册中，请重新选择。', 'memberId')
  if (member.removed_reason || member.h_removed) throw new LedgerError('invalid', `「${member.name}」已移出（${member.removed_reason ?? member.h_removed}），不能安排上岗。`, 'memberId')
  if (isStudent(member.school_status)) throw new LedgerError('invalid', `「${member.name}」在户籍花名册上是在校生（${member.school_status}），不能安排公益性岗位。如已毕业，请先在户页面修改在校生状况。`, 'memberId')
  const overlap = ledger.sqlite.prepare(
    `SELECT p.post_type, p.type_note, hd.start_month, hd.end_month FROM post_holdings hd JOIN posts p ON p.id = hd.post_id
      WHERE hd.member_id = ? AND hd.start_month <= ? AND (hd.end_month IS NULL OR hd.end_month >= ?) LIMIT 1`,
  ).get(input.memberId, input.endMonth ?? '9999-12', input.startMonth) as { post_type: string; type_note: string | null; start_month: string; end_month: string | null } | undefined
  if (overlap) {
    throw new LedgerError('invalid', `「${member.name}」在 ${overlap.start_month} 至 ${overlap.end_month ?? '今'} 已在「${typeLabel(overlap.post_type, overlap.type_note)}」岗位，一人同一时间只能在一个公益性岗位。`, 'startMonth')
  }
  const full = overCapacity(ledger, post, input.startMonth, input.endMonth ?? null, null)
  if (full) throw new LedgerError('invalid', `这个岗位设 ${post.capacity} 人，${full} 已满员。请先填写在岗人员的聘用结束月份，或调整岗位人数。`, 'postId')
  return ledger.write.run({ actor }, (w) =>
    w.insert('post_holdings', {
      post_id: input.postId, member_id: input.memberId, household_id: member.household_id, start_month: input.startMonth, end_month: input.endMonth ?? null, note: input.note ?? null,
    }),
  )
}

export function updateHolding(ledger: Ledger, actor: string, input: { id: number; startMonth: string; endMonth?: string | null | undefined; note?: string | null | undefined }): string[] {
  const h = holdingRow(ledger, input.id)
  checkMonths(input.startMonth, input.endMonth)
  const outside = ledger.sqlite.prepare('SELECT MIN(month) AS first, MAX(month) AS last FROM post_payroll WHERE holding_id = ?').get(input.id) as { first: string | null; last: string | null }
  if (outside.first && (outside.first < input.startMonth || (input.endMonth && outside.last! > input.endMonth))) {
    throw new LedgerError('invalid', `已登记 ${outside.first} 至 ${outside.last} 的工资，聘用期须包含这些月份。`, 'endMonth')
  }
  const full = overCapacity(ledger, postRow(ledger, h.post_id), input.startMonth, input.endMonth ?? null, input.id)
  if (full) throw new LedgerError('invalid', `这个岗位 ${full} 已满员，聘用期不能这样调整。`, 'startMonth')
  return ledger.write.run({ actor }, (w) => w.update('post_holdings', input.id, { start_month: input.startMonth, end_month: input.endMonth ?? null, note: input.note ?? null }))
}

export function removeHolding(ledger: Ledger, actor: string, id: number): void {
  const h = holdingRow(ledger, id)
  if (h.paid_months) throw new LedgerError('invalid', `「${h.name}」已有 ${h.paid_months} 个月的工资发放记录，不能删除这条上岗记录。如已离岗，请填写聘用结束月份。`)
  ledger.write.run({ actor }, (w) => {
    // A measure that recorded this holding keeps its own items and amount; only the link goes (audited).
    for (const m of ledger.sqlite.prepare('SELECT id FROM monitoring_measures WHERE post_holding_id = ?').pluck().all(id) as number[]) w.update('monitoring_measures', m, { post_holding_id: null })
    w.delete('post_holdings', id)
  })
}

export interface PayrollEntryInput {
  holdingId: number
  days?: number | null | undefined
  attendance?: string | null | undefined
  amount: string
  note?: string | null | undefined
}

/** One month's payroll for the post: each entry's holder must hold the post that month; the month's rows are replaced. */
export function savePayroll(ledger: Ledger, actor: string, postId: number, month: string, entries: PayrollEntryInput[]): number {
  const post = postRow(ledger, postId)
  const holdings = new Map((ledger.sqlite.prepare(`${HOLDING_SELECT} WHERE hd.post_id = ?`).all(postId) as HoldingDbRow[]).map((h) => [h.id, h]))
  const seen = new Set<number>()
  const rows = entries.map((e) => {
    const h = holdings.get(e.holdingId)
    if (!h) throw new LedgerError('invalid', `第 ${entries.indexOf(e) + 1} 行的人不在这个岗位上，请刷新后重新填写。`, 'entries')
    if (seen.has(e.holdingId)) throw new LedgerError('invalid', `「${h.name}」填了两次，请只保留一行。`, 'entries')
    seen.add(e.holdingId)
    if (!holdsIn({ startMonth: h.start_month, endMonth: h.end_month }, month)) {
      throw new LedgerError('invalid', `「${h.name}」的聘用期是 ${h.start_month} 至 ${h.end_month ?? '今'}，${month} 不在岗，不能登记这个月的工资。`, 'entries')
    }
    const amountFen = fen(e.amount, 'entries')
    if (amountFen > post.pay_fen * 3) {
      throw new LedgerError('invalid', `「${h.name}」${month} 的发放金额 ${formatYuan(amountFen)} 超过岗位月补贴 ${formatYuan(post.pay_fen)} 的 3 倍，请核对（补发多个月请分月登记）。`, 'entries')
    }
    return { holding_id: e.holdingId, month, days: e.days ?? null, attendance: e.attendance ?? null, amount_fen: amountFen, note: e.note ?? null }
  })
  const existing = ledger.sqlite.prepare('SELECT r.id, r.holding_id FROM post_payroll r JOIN post_holdings hd ON hd.id = r.holding_id WHERE hd.post_id = ? AND r.month = ?').all(postId, month) as { id: number; holding_id: number }[]
  return ledger.write.run({ actor }, (w) => {
    const byHolding = new Map(existing.map((r) => [r.holding_id, r.id]))
    for (const r of rows) {
      const id = byHolding.get(r.holding_id)
      if (id) {
        w.update('post_payroll', id, r)
        byHolding.delete(r.holding_id)
      } else w.insert('post_payroll', r)
    }
    for (const id of byHolding.values()) w.delete('post_payroll', id)
    return rows.length
  })
}

export function deletePayroll(ledger: Ledger, actor: string, id: number): void {
  if (ledger.sqlite.prepare('SELECT 1 FROM post_payroll WHERE id = ?').get(id) === undefined) throw new LedgerError('not_found', '找不到这条工资发放记录，可能已被删除。请刷新后重试。')
  ledger.write.run({ actor }, (w) => w.delete('post_payroll', id))
}

export function monthTotals(ledger: Ledger, f: { year: number; villageId?: number | undefined; postType?: PostType | undefined }): PostMonthTotal[] {
  const where = ['r.month LIKE ?']
  const params: Value[] = [`${f.year}-%`]
  if (f.villageId) {
    where.push('p.village_id = ?')
    params.push(f.villageId)
  }
  if (f.postType) {
    where.push('p.post_type = ?')
    params.push(f.postType)
  }
  return ledger.sqlite
    .prepare(
      `SELECT r.month, COUNT(DISTINCT r.holding_id) AS holders, SUM(r.amount_fen) AS amountFen
         FROM post_payroll r JOIN post_holdings hd ON hd.id = r.holding_id JOIN posts p ON p.id = hd.post_id
        WHERE ${where.join(' AND ')} GROUP BY r.month ORDER BY r.month`,
    )
    .all(...params) as PostMonthTotal[]
}

/** Holdings running out within the window, held by a 在校生, or by someone who left the household or the ledger. */
export function postReminders(ledger: Ledger, today: string): PostReminders {
  const window = postEndDays(ledger, Number(today.slice(0, 4)))
  const posts = new Map((ledger.sqlite.prepare('SELECT id, post_type, type_note FROM posts').all() as { id: number; post_type: string; type_note: string | null }[]).map((p) => [p.id, typeLabel(p.post_type, p.type_note)]))
  const rows = ledger.sqlite.prepare(`${HOLDING_SELECT} WHERE hd.end_month IS NULL OR hd.end_month >= ? ORDER BY hd.end_month, v.name, hd.id`).all(monthOf(today)) as HoldingDbRow[]
  const out: PostReminders = { endDays: window.days, endDaysFromSettings: window.fromSettings, ending: [], student: [], moved: [] }
  for (const r of rows) {
    const f = holdingFlags(r, today, window.days)
    const base = { holdingId: r.id, postId: r.post_id, householdId: r.household_id, name: r.name, village: r.village, postLabel: posts.get(r.post_id) ?? '' }
    if (f.ending !== null) out.ending.push({ ...base, kind: 'ending', detail: `${r.name}（${base.postLabel}）聘用期 ${r.end_month} 结束，还有 ${f.ending} 天`, days: f.ending })
    if (f.student) out.student.push({ ...base, kind: 'student', detail: `${r.name}（${base.postLabel}）${f.student}，请核实是否离岗`, days: null })
    if (f.moved) out.moved.push({ ...base, kind: 'moved', detail: `${r.name}（${base.postLabel}）${f.moved}，请核实是否离岗`, days: null })
  }
  return out
}

export function householdHoldings(ledger: Ledger, householdId: number, today: string): HouseholdPosts['holdings'] {
  const endDays = postEndDays(ledger, Number(today.slice(0, 4))).days
  const rows = ledger.sqlite
    .prepare(
      `${HOLDING_SELECT.replace('FROM post_holdings hd', ', p.post_type, p.type_note, p.pay_fen, p.funding, p.funding_note, pv.name AS post_village FROM post_holdings hd')}
       JOIN posts p ON p.id = hd.post_id LEFT JOIN villages pv ON pv.id = p.village_id
       WHERE hd.household_id = ? OR m.household_id = ? ORDER BY hd.start_month DESC, hd.id DESC`,
    )
    .all(householdId, householdId) as (HoldingDbRow & { post_type: string; type_note: string | null; pay_fen: number; funding: string; funding_note: string | null; post_village: string | null })[]
  return rows.map((r) => ({
    ...toHolder(r, today, endDays),
    postLabel: typeLabel(r.post_type, r.type_note),
    payFen: r.pay_fen,
    funding: r.funding === '其他' && r.funding_note ? r.funding_note : r.funding,
    village: r.post_village ?? r.village,
  }))
}

/** 工资性收入 from posts in a year: the payroll rows of the household's holdings. */
export function postWageFen(ledger: Ledger, householdId: number, year: number): number {
  return ledger.sqlite
    .prepare(`SELECT IFNULL(SUM(r.amount_fen), 0) FROM post_payroll r JOIN post_holdings hd ON hd.id = r.holding_id WHERE hd.household_id = ? AND r.month LIKE ?`)
    .pluck()
    .get(householdId, `${year}-%`) as number
}

export function householdPosts(ledger: Ledger, householdId: number, year: number, today: string): HouseholdPosts {
  const roster = ledger.sqlite.prepare('SELECT wage_income_fen FROM households WHERE id = ?').pluck().get(householdId) as number | null | undefined
  if (roster === undefined) throw new LedgerError('not_found', `找不到这一户（#${householdId}），可能已被删除。`)
  return { holdings: householdHoldings(ledger, householdId, today), year, yearPaidFen: postWageFen(ledger, householdId, year), rosterWageFen: roster }
}

export function payslip(ledger: Ledger, f: { month: string; postId?: number | undefined; villageId?: number | undefined }) {
  const where = ['r.month = ?']
  const params: Value[] = [f.month]
  if (f.postId) {
    where.push('p.id = ?')
    params.push(f.postId)
  }
  if (f.villageId) {
    where.push('p.village_id = ?')
    params.push(f.villageId)
  }
  const rows = ledger.sqlite
    .prepare(
      `SELECT r.id, r.holding_id AS holdingId, r.month, r.days, r.attendance, r.amount_fen AS amountFen, r.note, m.name, m.id_number, pv.name AS village, p.post_type, p.type_note
         FROM post_payroll r JOIN post_holdings hd ON hd.id = r.holding_id JOIN posts p ON p.id = hd.post_id JOIN members m ON m.id = hd.member_id
         LEFT JOIN villages pv ON pv.id = p.village_id WHERE ${where.join(' AND ')} ORDER BY pv.name, p.post_type, p.id, m.name`,
    )
    .all(...params) as (PayrollRow & { name: string; id_number: string | null; village: string | null; post_type: string; type_note: string | null })[]
  const out = rows.map(({ id_number, post_type, type_note, ...r }) => ({ ...r, idNumberMasked: id_number ? maskIdNumber(id_number) : null, postLabel: typeLabel(post_type, type_note) }))
  const [y, m] = f.month.split('-')
  return { title: `${township(ledger)}公益性岗位人员${y}年${Number(m)}月工资发放表`, month: f.month, rows: out, totalFen: out.reduce((s, r) => s + r.amountFen, 0) }
}

export function findMembers(ledger: Ledger, q: string, villageId?: number): MemberChoice[] {
  const like = `%${q.replace(/[%_]/g, '')}%`
  const rows = ledger.sqlite
    .prepare(
      `SELECT m.id, m.name, m.id_number, m.school_status, m.household_id, v.name AS village,
         (SELECT hm.name FROM members hm WHERE hm.household_id = h.id AND hm.relation = '户主' AND hm.removed_reason IS NULL ORDER BY hm.sort_order LIMIT 1) AS head_name
         FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
        WHERE m.removed_reason IS NULL AND h.removed_reason IS NULL AND (m.name LIKE ? OR IFNULL(m.name_pinyin, '') LIKE ? OR IFNULL(m.id_number, '') LIKE ?)
          ${villageId ? 'AND h.village_id = ?' : ''}
        ORDER BY v.name, m.name LIMIT 30`,
    )
    .all(like, `%|${q.toLowerCase().replace(/[%_|]/g, '')}%`, `%${q.replace(/[%_]/g, '')}`, ...(villageId ? [villageId] : [])) as {
    id: number; name: string; id_number: string | null; school_status: string | null; household_id: number; village: string; head_name: string | null
  }[]
  return rows.map((r) => ({
    memberId: r.id, name: r.name, idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null, householdId: r.household_id, village: r.village, headName: r.head_name,
    blocked: isStudent(r.school_status) ? `在校生（${r.school_status}）` : null,
  }))
}

/** 「示例县示例镇」. */
export function township(ledger: Ledger): string {
  const t = ledger.sqlite.prepare('SELECT county, township FROM villages ORDER BY is_demo, id LIMIT 1').get() as { county: string; township: string } | undefined
  return t ? `${t.county}${t.township}` : ''
}
