/**
 * Compares a parsed post list with the ledger: each row's person found on the roster by ID number,
 * then which holdings are new, changed (field by field) or unchanged, which rows name someone not in
 * the ledger, and which current holdings the file does not list. New holdings fill a matching post
 * with a free place or get a post of their own.
 */
import type { CountSet, ImportIssueView } from '../../../../shared/api/households-import'
import type { PostImportPreview } from '../../../../shared/api/posts'
import { maskIdNumber } from '../../../../shared/domain/id-number'
import { fenToYuanText } from '../../../../shared/domain/money'
import { holdsIn, typeLabel } from '../../../../shared/domain/posts'
import { postFieldLabel, type PostFieldKey } from '../../../../shared/import/posts-fields'
import type { Ledger } from '../../db/ledger'
import type { ParsedHolding, ParsedPostList } from './parse'

type Value = string | number | null

export interface PlannedHolding {
  parsed: ParsedHolding
  memberId: number
  householdId: number
  villageId: number | null
  /** An existing holding of this person in a post of this type. */
  existingId: number | null
  existingPostId: number | null
  /** The post a new holding takes: an existing one, or -k for the k-th post this import creates. */
  postRef: number
  holdingChanges: Record<string, Value>
  postChanges: Record<string, Value>
  changed: string[]
}

export interface NewPost {
  ref: number
  values: Record<string, Value>
}

export interface PostPlan {
  holdings: PlannedHolding[]
  newPosts: NewPost[]
  counts: CountSet
  notInLedger: { row: number; name: string; idNumberMasked: string; village: string | null }[]
  issues: Omit<ImportIssueView, 'sheet'>[]
}

export function planPostImport(ledger: Ledger, list: ParsedPostList, today: string): PostPlan {
  const db = ledger.sqlite
  const villages = new Map((db.prepare('SELECT id, name FROM villages').all() as { id: number; name: string }[]).map((v) => [v.name, v.id]))
  const villageOf = (name: string) => villages.get(name) ?? villages.get(name.replace(/村$/, '')) ?? villages.get(`${name}村`) ?? null
  const memberById = db.prepare(
    `SELECT m.id, m.name, m.household_id, h.village_id FROM members m JOIN households h ON h.id = m.household_id
      WHERE upper(m.id_number) = ? AND m.removed_reason IS NULL AND h.removed_reason IS NULL LIMIT 1`,
  )
  const holdingOf = db.prepare(
    `SELECT hd.*, p.pay_fen, p.funding, p.funding_note, p.village_id FROM post_holdings hd JOIN posts p ON p.id = hd.post_id
      WHERE hd.member_id = ? AND p.post_type = ? AND IFNULL(p.type_note, '') = ? ORDER BY hd.start_month DESC, hd.id DESC LIMIT 1`,
  )
  const openPosts = db.prepare(
    `SELECT p.id, p.capacity FROM posts p WHERE p.post_type = ? AND IFNULL(p.type_note,'') = ? AND p.village_id IS ? AND p.pay_fen = ? AND p.funding = ? AND p.closed_month IS NULL ORDER BY p.id`,
  )
  const holdingsOfPost = db.prepare('SELECT start_month, end_month FROM post_holdings WHERE post_id = ?')
  const header = (k: PostFieldKey) => list.columns.find((c) => c.field === k && !c.duplicateOf)?.header ?? postFieldLabel(k)
  const issues: PostPlan['issues'] = []
  const warn = (row: number, k: PostFieldKey, code: string, message: string) => issues.push({ row, column: header(k), severity: 'warning', code, message: `第${row}行「${header(k)}」：${message}` })
  const err = (row: number, k: PostFieldKey, code: string, message: string) => issues.push({ row, column: header(k), severity: 'error', code, message: `第${row}行「${header(k)}」：${message}` })
  const counts: CountSet = { new: 0, changed: 0, unchanged: 0, missing: 0 }
  const notInLedger: PostPlan['notInLedger'] = []
  const newPosts: NewPost[] = []
  /** Places this import takes in posts (existing or new), for capacity. */
  const taken = new Map<number, { start_month: string; end_month: string | null }[]>()
  const seen = new Map<string, number>()
  const holdings: PlannedHolding[] = []
  const listed = new Set<number>()
  for (const p of list.holdings) {
    const m = memberById.get(p.idNumber) as { id: number; name: string; household_id: number; village_id: number } | undefined
    if (!m) {
      notInLedger.push({ row: p.excelRow, name: p.name, idNumberMasked: maskIdNumber(p.idNumber), village: p.village })
      warn(p.excelRow, 'id_number', 'not_in_ledger', `户籍花名册中没有身份证号为 ${maskIdNumber(p.idNumber)} 的人（${p.name}），这一行不导入。请先把这个人录入户籍花名册，或核对身份证号。`)
      continue
    }
    if (m.name !== p.name) warn(p.excelRow, 'name', 'name_differs', `表中姓名「${p.name}」与户籍花名册中同一身份证号的「${m.name}」不一致，已按身份证号对应到「${m.name}」，请核对。`)
    const key = `${m.id}|${p.postType}|${p.typeNote ?? ''}`
    if (seen.has(key)) warn(p.excelRow, 'id_number', 'duplicate_row', `与第${seen.get(key)}行是同一人的同一岗位，后一行的内容会覆盖前一行。`)
    seen.set(key, p.excelRow)
    let villageId: number | null = m.village_id
    if (p.village) {
      const v = villageOf(p.village)
      if (v === null) warn(p.excelRow, 'village', 'village_unknown', `本乡镇没有名为「${p.village}」的村，岗位按此人户籍所在村登记，请核对村名。`)
      else villageId = v
    }
    const existing = holdingOf.get(m.id, p.postType, p.typeNote ?? '') as (Record<string, Value> & { id: number; post_id: number }) | undefined
    if (existing) {
      listed.add(existing.id)
      const holdingChanges: Record<string, Value> = {}
      const postChanges: Record<string, Value> = {}
      const changed: string[] = []
      if (existing.start_month !== p.startMonth) {
        holdingChanges.start_month = p.startMonth
        changed.push('上岗时间')
      }
      if ((existing.end_month ?? null) !== p.endMonth) {
        holdingChanges.end_month = p.endMonth
        changed.push('聘用结束')
      }
      if (p.payFen !== null && existing.pay_fen !== p.payFen) {
        postChanges.pay_fen = p.payFen
        changed.push('月补贴')
      }
      if (p.funding && (existing.funding !== p.funding || (existing.funding_note ?? null) !== p.fundingNote)) {
        postChanges.funding = p.funding
        postChanges.funding_note = p.fundingNote
        changed.push('资金来源')
      }
      if (changed.length) counts.changed++
      else counts.unchanged++
      holdings.push({ parsed: p, memberId: m.id, householdId: m.household_id, villageId, existingId: existing.id, existingPostId: existing.post_id, postRef: existing.post_id, holdingChanges, postChanges, changed })
      continue
    }
    if (p.payFen === null) {
      err(p.excelRow, 'pay', 'required', '这是新上岗的人员，需要月补贴（元）才能建立岗位。请在表中填写月补贴。')
      continue
    }
    const funding = p.funding ?? '衔接资金'
    if (!p.funding) warn(p.excelRow, 'funding', 'funding_default', '没有资金来源，新岗位按「衔接资金」登记，导入后可在岗位页面修改。')
    const fits = (slots: { start_month: string; end_month: string | null }[], capacity: number) =>
      slots.filter((s) => holdsIn({ startMonth: s.start_month, endMonth: s.end_month }, p.startMonth) || (s.start_month >= p.startMonth && (p.endMonth === null || s.start_month <= p.endMonth))).length < capacity
    let postRef: number | null = null
    for (const post of openPosts.all(p.postType, p.typeNote ?? '', villageId, p.payFen, funding) as { id: number; capacity: number }[]) {
      const slots = [...(holdingsOfPost.all(post.id) as { start_month: string; end_month: string | null }[]), ...(taken.get(post.id) ?? [])]
      if (fits(slots, post.capacity)) {
        postRef = post.id
        break
      }
    }
    if (postRef === null) {
      postRef = -(newPosts.length + 1)
      newPosts.push({
        ref: postRef,
        values: { post_type: p.postType, type_note: p.typeNote, village_id: villageId, pay_fen: p.payFen, funding, funding_note: funding === '其他' ? p.fundingNote : null, capacity: 1 },
      })
    }
    taken.set(postRef, [...(taken.get(postRef) ?? []), { start_month: p.startMonth, end_month: p.endMonth }])
    counts.new++
    holdings.push({ parsed: p, memberId: m.id, householdId: m.household_id, villageId, existingId: null, existingPostId: null, postRef, holdingChanges: {}, postChanges: {}, changed: [] })
  }
  const month = today.slice(0, 7)
  const current = db.prepare('SELECT id, start_month, end_month FROM post_holdings').all() as { id: number; start_month: string; end_month: string | null }[]
  counts.missing = current.filter((h) => holdsIn({ startMonth: h.start_month, endMonth: h.end_month }, month) && !listed.has(h.id)).length
  return { holdings, newPosts, counts, notInLedger, issues }
}

export function buildPostPreview(list: ParsedPostList, plan: PostPlan): PostImportPreview {
  const issues = [...list.issues, ...plan.issues].sort((a, b) => a.row - b.row).map((i) => ({ ...i, sheet: list.sheet }))
  const label = (h: PlannedHolding) => typeLabel(h.parsed.postType, h.parsed.typeNote)
  return {
    fileName: list.fileName,
    sheet: list.sheet,
    sheets: list.sheets,
    headerRow: list.headerRow,
    rows: list.holdings.length + list.rejectedRows,
    columns: list.columns.map((c) => ({ index: c.index, letter: c.letter, header: c.header, field: c.field, label: c.field ? postFieldLabel(c.field) : null, samples: list.samples[c.index] ?? [] })),
    holdings: plan.counts,
    notInLedger: plan.notInLedger.length,
    errorCount: issues.filter((i) => i.severity === 'error').length,
    warningCount: issues.filter((i) => i.severity === 'warning').length,
    issues,
    newHoldings: plan.holdings.filter((h) => h.existingId === null).map((h) => ({
      row: h.parsed.excelRow, name: h.parsed.name, village: h.parsed.village, postLabel: label(h), pay: h.parsed.payFen === null ? '' : fenToYuanText(h.parsed.payFen),
      startMonth: h.parsed.startMonth, endMonth: h.parsed.endMonth,
    })),
    changedHoldings: plan.holdings.filter((h) => h.existingId !== null && h.changed.length).map((h) => ({ row: h.parsed.excelRow, name: h.parsed.name, postLabel: label(h), fields: h.changed })),
    notInLedgerRows: plan.notInLedger,
  }
}
