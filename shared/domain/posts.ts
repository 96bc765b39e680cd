/** 公益性岗位: post types, funding sources, months of a holding and the reminder rules. Pure. */

export const POST_TYPES = ['护林员', '保洁员', '护路员', '护河员', '保绿员', '孝老助餐员', '其他'] as const
export type PostType = (typeof POST_TYPES)[number]

export const FUNDING_SOURCES = ['衔接资金', '生态补偿资金', '其他'] as const
export type FundingSource = (typeof FUNDING_SOURCES)[number]

/** A post: 在岗 (every place filled this month), 空缺 (a place free), 已撤岗 (closed). */
export const POST_STATUSES = ['在岗', '空缺', '已撤岗'] as const
export type PostStatus = (typeof POST_STATUSES)[number]

/** Days before a holding's end month runs out when the year's monitoring settings name none. */
export const DEFAULT_POST_END_DAYS = 30

/** The item of the measure 公益岗位帮扶 (the national list) that a post type is. */
export function measureItemOf(type: PostType): string {
  if (type === '护林员') return '生态护林员'
  if (type === '护路员' || type === '保洁员') return type
  return '乡村公益性岗位'
}

/** 「生态护林员」→ 护林员, 「村庄保洁员」→ 保洁员, 「河道管护员」→ 护河员 …; unknown → null. */
export function normalisePostType(raw: string): PostType | null {
  const s = raw.replace(/\s+/g, '')
  if (!s) return null
  if ((POST_TYPES as readonly string[]).includes(s)) return s as PostType
  if (/护林|林管|管护林/.test(s)) return '护林员'
  if (/保洁|清洁|环卫/.test(s)) return '保洁员'
  if (/护路|道路|公路/.test(s)) return '护路员'
  if (/护河|河道|河长|水利|护渠|巡河/.test(s)) return '护河员'
  if (/保绿|绿化|护绿/.test(s)) return '保绿员'
  if (/孝老|助餐|食堂|养老/.test(s)) return '孝老助餐员'
  if (/其他|其它/.test(s)) return '其他'
  return null
}

/** 「衔接资金」「财政衔接推进乡村振兴补助资金」→ 衔接资金, 「生态补偿」→ 生态补偿资金, anything else → 其他 (kept as the note). */
export function normaliseFunding(raw: string): { funding: FundingSource; note: string | null } {
  const s = raw.replace(/\s+/g, '')
  if (/衔接/.test(s)) return { funding: '衔接资金', note: null }
  if (/生态|补偿|护林/.test(s)) return { funding: '生态补偿资金', note: null }
  return { funding: '其他', note: s || null }
}

export const typeLabel = (type: string, note: string | null) => (type === '其他' && note ? `其他（${note}）` : type)

// ---- months ('YYYY-MM') ----

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7)
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

export function addMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const t = y * 12 + (m - 1) + n
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`
}

/** Months from start to end, both counted (2026-01 … 2026-03 = 3). */
export function monthsBetween(start: string, end: string): number {
  const [y1, m1] = start.split('-').map(Number) as [number, number]
  const [y2, m2] = end.split('-').map(Number) as [number, number]
  return (y2 - y1) * 12 + (m2 - m1) + 1
}

const DAY = 86_400_000
export const daysFromTo = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY)

/** A holding covers a month when it has started and not yet ended. */
export const holdsIn = (h: { startMonth: string; endMonth: string | null }, month: string) => h.startMonth <= month && (h.endMonth === null || h.endMonth >= month)

/**
 * Days until the holding's end month is over (its last day), when that is within `days` of today
 * and not yet past; null otherwise (no end month, already over, or further off).
 */
export function daysUntilEnd(endMonth: string | null, today: string, days: number): number | null {
  if (!endMonth) return null
  const left = daysFromTo(today, lastDayOf(endMonth))
  return left >= 0 && left <= days ? left : null
}

/**
 * A 在校生 on the roster: a school status that is a school grade (学龄前儿童 and 非在校生 are not).
 * A student cannot hold a post: the reminder asks the clerk to end the holding.
 */
export function isStudent(schoolStatus: string | null): boolean {
  if (!schoolStatus) return false
  const s = schoolStatus.replace(/\s+/g, '')
  if (!s || /^(非在校生|学龄前儿童|学龄前|无|否|不在校|辍学|毕业|已毕业)$/.test(s)) return false
  return /学|年级|研究生|中职|高职|高中|初中|技师/.test(s)
}

/** 元 text to 分 (exact, two decimals at most); null when not an amount. */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/[,，\s元]/g, '')
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null
  const [whole, frac = ''] = t.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}
