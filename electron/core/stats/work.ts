/**
 * Who works away (外出务工), where and through which channel. A member with work spells (已外出务工信息,
 * work_spells) works away on a date when one of them is open then (started by that month, not ended
 * before it), with that spell's province, channel and income. A member without any spell is read from
 * the roster: 务工状况 as a column, and 务工所在地 / 务工所在省, 就业渠道 and 务工月收入 as its other
 * columns (members.extra_json). Every statistic of work goes through workFacts(), or workingAway()
 * where only the count per household is needed (the same rule; a unit test holds them equal).
 */
import type { Ledger } from '../db/open'
import { cachedIfFresh, cachedWhileUnchanged, cell, orNull, packedCells } from './snapshot'

export interface WorkFact {
  memberId: number
  householdId: number
  /** 务工所在省, '未填' when not given. */
  province: string
  /** 就业渠道, '未填' when not given. */
  channel: string
  /** 务工月收入 in 分, when given. */
  monthlyIncomeFen: number | null
}

const NOT_AWAY = /^(否|无|未|没有|在家|乡内|本乡|乡镇内|未务工|无务工)/
const AWAY = /外出|省外|县外|乡外|市外|境外|出省|务工|打工/

/** What 务工状况 alone says: away, not away, or nothing (then a place given decides). */
function statusSays(workStatus: string | null): boolean | null {
  const status = workStatus?.trim() ?? ''
  if (status && NOT_AWAY.test(status)) return false
  if (status && AWAY.test(status)) return true
  return null
}

/** Whether a member's 务工 fields say the person works away, and where. Pure, for the tests. */
export function memberWork(r: { workStatus: string | null; province: string | null }): boolean {
  return statusSays(r.workStatus) ?? Boolean(r.province?.trim())
}

/** '浙江省杭州市' → '浙江省'; '上海市浦东新区' → '上海市'; anything else as written. */
export function provinceOf(place: string | null): string {
  const s = place?.trim().replace(/\s+/g, '') ?? ''
  if (!s) return '未填'
  const m = /^(北京|天津|上海|重庆)市?/.exec(s)
  if (m) return `${m[1]}市`
  const p = /^(.+?(?:省|自治区|特别行政区))/.exec(s)
  return p ? p[1]! : s
}

/** '4500' / '4,500.5' 元 → 分; null when not a number. */
function yuanToFen(v: string | number | null): number | null {
  if (v === null || v === '') return null
  const s = String(v).replace(/[,，\s元]/g, '')
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null
  const [int, dec = ''] = s.split('.')
  return Number(int) * 100 + Number(dec.padEnd(2, '0'))
}

/** `f` remembering its result per argument. */
function memo<A, R>(f: (a: A) => R): (a: A) => R {
  const seen = new Map<A, R>()
  return (a) => {
    if (seen.has(a)) return seen.get(a)!
    const r = f(a)
    seen.set(a, r)
    return r
  }
}

/** Persons working away on the date: members not removed by then whose 务工 fields say so. */
export function workFacts(ledger: Ledger, asOf: string): WorkFact[] {
  return cachedWhileUnchanged(ledger, 'work', asOf, () => buildWorkFacts(ledger, asOf))
}

/**
 * The same persons as workFacts() counted per household (household id → persons away), without
 * where and how they work — what a count per village or the list of their households needs — and
 * without leaving out removed households: the caller counts over the snapshot's households. A
 * member's place (in the roster's other columns) is read only where 务工状况 alone does not decide.
 */
export function workingAway(ledger: Ledger, asOf: string): ReadonlyMap<number, number> {
  const facts = cachedIfFresh<WorkFact[]>(ledger, 'work', asOf)
  return facts ? perHousehold(facts.map((w) => w.householdId)) : cachedWhileUnchanged(ledger, 'workingAway', asOf, () => buildWorkingAway(ledger, asOf))
}

function perHousehold(householdIds: Iterable<number>): Map<number, number> {
  const m = new Map<number, number>()
  for (const id of householdIds) m.set(id, (m.get(id) ?? 0) + 1)
  return m
}

/** The members a roster says work away or might (the partial index members_stats_work's WHERE, word for word). */
const CANDIDATE = `m.work_status IS NOT NULL OR instr(m.extra_json, '务工') > 0`
const CANDIDATES = `FROM members m JOIN households h ON h.id = m.household_id
  WHERE h.removed_reason IS NULL AND (m.removed_reason IS NULL OR m.removed_date > ?) AND (${CANDIDATE})`
const PLACE = `CASE WHEN m.extra_json IS NULL THEN NULL ELSE coalesce(json_extract(m.extra_json, '$."务工所在省"'), json_extract(m.extra_json, '$."务工所在地"')) END`

/** A spell is open in a month it started by and did not end before. */
const spellOpen = (start: string | null, end: string | null, month: string) => start !== null && start !== '' && start <= month && (end === null || end >= month)

/**
 * Each member of packed spell cells (`width` a row: member id, household id, start, end, …; ordered
 * by member and start month) with the first index of its latest spell open in the month, or -1.
 */
function eachMemberSpell(cells: string[], width: number, month: string, visit: (memberId: number, open: number) => void): void {
  for (let i = 0; i < cells.length; ) {
    const member = cells[i]
    let open = -1
    for (; i < cells.length && cells[i] === member; i += width) if (spellOpen(orNull(cells[i + 2]), orNull(cells[i + 3]), month)) open = i
    visit(Number(member), open)
  }
}

/** Members with work spells (已外出务工信息), and for each with a spell open on the date the latest such spell. */
function spellFacts(ledger: Ledger, asOf: string): { withSpells: Set<number>; away: WorkFact[] } {
  const S = ['s.member_id', 's.household_id', cell('s.start_month'), cell('s.end_month'), cell('s.province'), cell('s.channel'), cell('s.monthly_income_fen')]
  // In the order of the index work_spells_member (a descending start would sort them all again):
  // the last open spell of a member is the latest.
  const sc = packedCells(
    ledger.sqlite,
    S,
    `FROM work_spells s JOIN members m ON m.id = s.member_id JOIN households h ON h.id = s.household_id
      WHERE h.removed_reason IS NULL AND (m.removed_reason IS NULL OR m.removed_date > ?)
      ORDER BY s.member_id, s.start_month`,
    asOf,
  )
  const month = asOf.slice(0, 7)
  const withSpells = new Set<number>()
  const away: WorkFact[] = []
  const province = memo(provinceOf)
  eachMemberSpell(sc, S.length, month, (memberId, open) => {
    withSpells.add(memberId)
    if (open < 0) return
    const channel = orNull(sc[open + 5])?.trim()
    const fen = orNull(sc[open + 6])
    away.push({
      memberId,
      householdId: Number(sc[open + 1]),
      province: province(orNull(sc[open + 4])),
      channel: channel ? channel : '未填',
      monthlyIncomeFen: fen === null ? null : Number(fen),
    })
  })
  return { withSpells, away }
}

function buildWorkFacts(ledger: Ledger, asOf: string): WorkFact[] {
  const W = [
    'm.id', 'm.household_id', cell('m.work_status'), cell(PLACE),
    cell(`CASE WHEN m.extra_json IS NULL THEN NULL ELSE coalesce(json_extract(m.extra_json, '$."就业渠道"'), json_extract(m.extra_json, '$."就业渠道（易地搬迁后扶使用）"')) END`),
    cell(`CASE WHEN m.extra_json IS NULL THEN NULL ELSE json_extract(m.extra_json, '$."务工月收入"') END`),
  ]
  const wc = packedCells(ledger.sqlite, W, CANDIDATES, asOf)
  const { withSpells, away: out } = spellFacts(ledger, asOf)
  // A county's 40 000 work rows hold a few dozen distinct statuses, places, channels and incomes:
  // each is read once.
  const says = memo(statusSays)
  const province = memo(provinceOf)
  const channel = memo((c: string | null) => (c === null || c.trim() === '' ? '未填' : c.trim()))
  const income = memo(yuanToFen)
  for (let i = 0; i < wc.length; i += W.length) {
    const memberId = Number(wc[i])
    if (withSpells.has(memberId)) continue
    const place = orNull(wc[i + 3])
    // memberWork(), its status part remembered.
    if (!(says(orNull(wc[i + 2])) ?? Boolean(place?.trim()))) continue
    out.push({ memberId, householdId: Number(wc[i + 1]), province: province(place), channel: channel(orNull(wc[i + 4])), monthlyIncomeFen: income(orNull(wc[i + 5])) })
  }
  return out
}

function buildWorkingAway(ledger: Ledger, asOf: string): Map<number, number> {
  const db = ledger.sqlite
  // Both queries read the indexes of migration 025; households removed are the caller's to leave
  // out (the snapshot has only the others), members removed by the date are left out here.
  const W = ['m.id', 'm.household_id', cell('m.work_status')]
  const wc = packedCells(db, W, `FROM members m WHERE (m.removed_reason IS NULL OR m.removed_date > ?) AND (${CANDIDATE})`, asOf)
  const S = ['s.member_id', 's.household_id', cell('s.start_month'), cell('s.end_month')]
  const sc = packedCells(db, S, 'FROM work_spells s ORDER BY s.member_id, s.start_month', {})
  const removed = new Set(db.prepare('SELECT id FROM members WHERE removed_reason IS NOT NULL AND NOT (removed_date > ?)').pluck().all(asOf) as number[])
  const month = asOf.slice(0, 7)
  const out = new Map<number, number>()
  const count = (householdId: number) => out.set(householdId, (out.get(householdId) ?? 0) + 1)
  const withSpells = new Set<number>()
  eachMemberSpell(sc, S.length, month, (memberId, open) => {
    if (removed.has(memberId)) return
    withSpells.add(memberId)
    if (open >= 0) count(Number(sc[open + 1]))
  })
  const says = memo(statusSays)
  const undecided = new Map<number, number>()
  for (let i = 0; i < wc.length; i += W.length) {
    const memberId = Number(wc[i])
    if (withSpells.has(memberId)) continue
    const v = says(orNull(wc[i + 2]))
    if (v === true) count(Number(wc[i + 1]))
    else if (v === null) undecided.set(memberId, Number(wc[i + 1]))
  }
  if (undecided.size > 0) {
    const places = db
      .prepare(`SELECT m.id, ${PLACE} FROM members m WHERE m.id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(JSON.stringify([...undecided.keys()])) as [number, string | number | null][]
    for (const [memberId, place] of places) if (place !== null && String(place).trim()) count(undecided.get(memberId)!)
  }
  return out
}
