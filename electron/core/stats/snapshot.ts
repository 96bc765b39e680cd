/**
 * Every household of the working list as it stood on a date: 户类型, 脱贫状态 and monitoring from
 * its status history (纳入监测 / 风险消除 are written there by the county's approval of a
 * monitoring case), falling back to the roster's columns for households whose history says
 * nothing; 三保障 and 人均纯收入 as they stood that day (the change history: the old value of each
 * field's first change after the date); persons counted over the members not removed by then. Figures and the lists behind
 * them are both computed from this one snapshot, so a list always holds what its figure counted.
 */
import type { GapKey } from '../../../shared/domain/stats'
import type { Database } from 'better-sqlite3'
import type { Ledger } from '../db/open'

export interface HouseholdFact {
  id: number
  villageId: number
  persons: number
  /** 户类型 on the date. */
  type: string
  /** 脱贫状态 on the date, null when unknown. */
  exit: string | null
  /** 监测对象: monitored at some time by the date. */
  monitored: boolean
  /** 未消除风险 on the date. */
  open: boolean
  /** The open case's category, else the last one's. */
  category: string | null
  risks: string[]
  /** 整户无劳动能力兜底保障户. */
  doudi: boolean
  gaps: Record<GapKey, boolean>
  perCapitaFen: number | null
  /** Months (YYYY-MM) of 纳入监测 and 风险消除 by the date. */
  identifiedMonths: string[]
  eliminatedMonths: string[]
  /** Days from 纳入监测 to each 风险消除 by the date. */
  eliminationDays: number[]
}

export interface VillageInfo {
  id: number
  name: string
  township: string
  county: string
  population: number | null
}

export interface Snapshot {
  asOf: string
  households: HouseholdFact[]
  /** The same households by id. */
  byId: ReadonlyMap<number, HouseholdFact>
  villages: VillageInfo[]
  lineFen: number | null
  lineYear: number | null
}

const YES = /^(是|1|Y|y|√)$/

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000

/** The 监测线 of the date's year, or of the latest year before it that has one. */
export function lineFor(ledger: Ledger, asOf: string): { lineFen: number | null; lineYear: number | null } {
  const r = ledger.sqlite
    .prepare('SELECT year, line_fen FROM monitoring_settings WHERE year <= ? ORDER BY year DESC LIMIT 1')
    .get(Number(asOf.slice(0, 4))) as { year: number; line_fen: number } | undefined
  return { lineFen: r?.line_fen ?? null, lineYear: r?.year ?? null }
}

export function villagesOf(ledger: Ledger): VillageInfo[] {
  return (
    ledger.sqlite.prepare('SELECT id, name, township, county, total_population FROM villages ORDER BY id').all() as {
      id: number
      name: string
      township: string
      county: string
      total_population: number | null
    }[]
  ).map((v) => ({ id: v.id, name: v.name, township: v.township, county: v.county, population: v.total_population }))
}

/**
 * The last snapshot (and the last work figures) built, kept while nothing changed: this
 * connection's total_changes() moves with every write of this process, PRAGMA data_version with
 * every commit of another connection. The dashboard asks several figures of one date in a row;
 * they share one snapshot.
 */
const cache = new WeakMap<Ledger, Map<string, { key: string; value: unknown }>>()

export function clearSnapshotCache(ledger: Ledger): void {
  cache.delete(ledger)
}

/** What `cachedWhileUnchanged()` holds for this ledger, date and name, if the ledger is unchanged since. */
export function cachedIfFresh<T>(ledger: Ledger, name: string, asOf: string): T | undefined {
  const hit = cache.get(ledger)?.get(name)
  return hit?.key === versionKey(ledger, asOf) ? (hit.value as T) : undefined
}

const versionKey = (ledger: Ledger, asOf: string) =>
  `${asOf}|${(ledger.sqlite.prepare('SELECT total_changes() AS t').get() as { t: number }).t}|${String(ledger.sqlite.pragma('data_version', { simple: true }))}`

/** `build(asOf)`, or what it returned last for this ledger, date and name while the ledger is unchanged. */
export function cachedWhileUnchanged<T>(ledger: Ledger, name: string, asOf: string, build: () => T): T {
  const key = versionKey(ledger, asOf)
  let byName = cache.get(ledger)
  if (!byName) cache.set(ledger, (byName = new Map()))
  const hit = byName.get(name)
  if (hit?.key === key) return hit.value as T
  const value = build()
  byName.set(name, { key, value })
  return value
}

export function householdSnapshot(ledger: Ledger, asOf: string): Snapshot {
  return cachedWhileUnchanged(ledger, 'snapshot', asOf, () => buildSnapshot(ledger, asOf))
}

/** The cell separator and the null marker of the packed query results (see packedCells()). */
const US = '\x1f'
const NUL = '\x02'
const EXIT_KINDS = `('识别', '脱贫', '返贫')`
const MONITORING_KINDS = `('纳入监测', '风险消除')`
const EXIT_OF: Record<string, string> = { 识别: '未脱贫', 脱贫: '已脱贫(享受政策)', 返贫: '返贫' }

/**
 * Every cell of a query's rows, row after row in one flat array (`cols.length` cells a row; `rest`
 * is the query from FROM on). SQLite joins them into one string (group_concat) that is split once
 * here: handing 30 000 rows of a dozen cells to JavaScript one cell at a time, or splitting each row
 * into an array of its own, costs far more than the query itself. A cell never holds the separator
 * (control characters; JSON escapes them); `cell()` marks a NULL.
 */
export function packedCells(db: Database, cols: readonly string[], rest: string, params: unknown): string[] {
  const sql = `SELECT group_concat(r, char(31)) FROM (SELECT ${cols.map((c) => `(${c})`).join(' || char(31) || ')} AS r ${rest})`
  const s = db.prepare(sql).pluck().get(params) as string | null
  return s ? s.split(US) : []
}
export const orNull = (v: string | undefined): string | null => (v === undefined || v === NUL ? null : v)
export const cell = (expr: string) => `ifnull(${expr}, char(2))`

/** Shared, frozen: most households have no months, days or risks; the snapshot is only read. */
const NONE = Object.freeze([]) as unknown as never[]
const GAPS = Array.from({ length: 16 }, (_, g) =>
  Object.freeze({ education: (g & 1) !== 0, medical: (g & 2) !== 0, housing: (g & 4) !== 0, water: (g & 8) !== 0 }),
) as Record<GapKey, boolean>[]

/** The household columns behind 三保障 and income that a past date reads from the change history. */
const HISTORY_FIELDS = [
  'guarantee_education', 'guarantee_medical', 'guarantee_housing', 'dilapidated_house', 'guarantee_water', 'safe_drinking_water', 'per_capita_net_income_fen',
] as const
type HistoryField = (typeof HISTORY_FIELDS)[number]

/** The four gaps as a bit set (education 1, medical 2, housing 4, water 8): the same tests as the snapshot's query. */
export function gapBits(h: Partial<Record<HistoryField, string | number | null>>): number {
  const is = (v: string | number | null | undefined, x: string) => (v ?? '') === x
  return (
    (is(h.guarantee_education, '有短板') ? 1 : 0) |
    (is(h.guarantee_medical, '有短板') ? 2 : 0) |
    (is(h.guarantee_housing, '有短板') || is(h.dilapidated_house, '是') ? 4 : 0) |
    (is(h.guarantee_water, '有短板') || is(h.safe_drinking_water, '否') ? 8 : 0)
  )
}

/** The first moment after the date (local midnight, as the audit trail's UTC timestamps write it). */
export function endOfDay(asOf: string): string {
  return new Date(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10)) + 1).toISOString()
}

/**
 * 三保障 and 人均纯收入 as the ledger held them on the date: for every field changed after it, the value
 * before its first change after it (the audit trail's old value); the other fields as they are now.
 */
function applyFieldHistory(ledger: Ledger, asOf: string, facts: Map<number, HouseholdFact>): void {
  const after = endOfDay(asOf)
  // Today (or later): nothing can have changed after the date, and the trail need not be read.
  if (after > new Date().toISOString()) return
  const db = ledger.sqlite
  const fields = `(${HISTORY_FIELDS.map((f) => `'${f}'`).join(', ')})`
  const changes = db
    .prepare(
      `SELECT a.record_id, a.field, a.old_value FROM audit_log a
        WHERE a.id IN (SELECT min(id) FROM audit_log INDEXED BY audit_log_household_updates WHERE table_name = 'households' AND action = 'update' AND field IN ${fields} AND at >= ?
                        GROUP BY record_id, field)`,
    )
    .raw()
    .all(after) as [number, HistoryField, string | null][]
  if (changes.length === 0) return
  const then = new Map<number, Partial<Record<HistoryField, string | null>>>()
  for (const [hid, field, old] of changes) {
    if (!facts.has(hid)) continue
    let t = then.get(hid)
    if (!t) then.set(hid, (t = {}))
    t[field] = old
  }
  const now = db.prepare(`SELECT id, ${HISTORY_FIELDS.join(', ')} FROM households WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...then.keys()])) as ({
    id: number
  } & Record<HistoryField, string | number | null>)[]
  for (const row of now) {
    const values = { ...row, ...then.get(row.id) }
    const f = facts.get(row.id)!
    f.gaps = GAPS[gapBits(values)]!
    const income = values.per_capita_net_income_fen
    f.perCapitaFen = income === null || income === '' ? null : Number(income)
  }
}

/**
 * A lookup into packed cells of `width` cells a row whose first cell is a household id, ascending:
 * asked for ascending ids, it answers the row's first index, or -1 when the household has no row.
 */
function byHousehold(cells: string[], width: number): (hid: number) => number {
  let i = 0
  return (hid) => {
    while (i < cells.length && Number(cells[i]) < hid) i += width
    return i < cells.length && Number(cells[i]) === hid ? i : -1
  }
}

function buildSnapshot(ledger: Ledger, asOf: string): Snapshot {
  const db = ledger.sqlite
  // Three queries, each in household order, merged here: joining the two aggregates in SQL costs
  // more (each materialised, then indexed) than the three queries together.
  // The households: their roster columns and the four gaps as one bit set.
  const H = [
    'h.id', 'h.village_id', cell('h.household_type'), cell('h.exit_status'), cell('h.monitoring_category'), cell('h.per_capita_net_income_fen'),
    `(h.guarantee_education IS '有短板') + 2 * (h.guarantee_medical IS '有短板')
      + 4 * (h.guarantee_housing IS '有短板' OR h.dilapidated_house IS '是') + 8 * (h.guarantee_water IS '有短板' OR h.safe_drinking_water IS '否')`,
  ]
  const hc = packedCells(db, H, 'FROM households h WHERE h.removed_reason IS NULL ORDER BY h.id', {})
  // Their members on the date: persons, and those unable to work.
  const M = ['household_id', 'count(*)', `count(*) FILTER (WHERE labour_skill IN ('丧失劳动力', '无劳动力'))`]
  const mc = packedCells(db, M, 'FROM members WHERE removed_reason IS NULL OR removed_date > @asOf GROUP BY household_id ORDER BY household_id', { asOf })
  // What the status history says in aggregate: any 识别/脱贫/返贫 (bit 1), any 纳入监测 / 风险消除 (bit 2),
  // and the last 识别/脱贫/返贫 by the date (by date, then id: the id as a fixed-width number).
  const E = [
    'household_id',
    `sum(DISTINCT CASE kind WHEN '识别' THEN 1 WHEN '脱贫' THEN 1 WHEN '返贫' THEN 1 WHEN '纳入监测' THEN 2 WHEN '风险消除' THEN 2 ELSE 0 END)`,
    cell(`substr(max(CASE WHEN event_date <= @asOf AND kind IN ${EXIT_KINDS} THEN event_date || (1000000000000 + id) || kind END), 24)`),
  ]
  const ec = packedCells(db, E, 'FROM household_status_events GROUP BY household_id ORDER BY household_id', { asOf })
  const membersOf = byHousehold(mc, M.length)
  const historyOf = byHousehold(ec, E.length)
  const facts = new Map<number, HouseholdFact>()
  // Households with a status history (ascending ids), and those among them with 纳入监测 / 风险消除.
  const withHistory: HouseholdFact[] = []
  const withMonitoring = new Set<number>()
  for (let i = 0; i < hc.length; i += H.length) {
    const hid = Number(hc[i])
    const c = orNull(hc[i + 4])
    const income = orNull(hc[i + 5])
    const m = membersOf(hid)
    const n = m < 0 ? 0 : Number(mc[m + 1])
    facts.set(hid, {
      id: hid,
      villageId: Number(hc[i + 1]),
      persons: n,
      type: orNull(hc[i + 2]) ?? '未填',
      exit: orNull(hc[i + 3]),
      monitored: c !== null,
      open: c !== null,
      category: c,
      risks: NONE,
      // A household where nobody can work; the roster's own flag below.
      doudi: n > 0 && Number(mc[m + 2]) === n,
      gaps: GAPS[Number(hc[i + 6])]!,
      perCapitaFen: income === null ? null : Number(income),
      identifiedMonths: NONE,
      eliminatedMonths: NONE,
      eliminationDays: NONE,
    })
    const e = historyOf(hid)
    if (e >= 0) {
      const f = facts.get(hid)!
      withHistory.push(f)
      // 脱贫状态 from the last 识别/脱贫/返贫 by the date (none by then: unknown).
      const kinds = Number(ec[e + 1])
      if (kinds & 1) f.exit = EXIT_OF[ec[e + 2]!] ?? null
      if (kinds & 2) withMonitoring.add(hid)
    }
  }
  applyFieldHistory(ledger, asOf, facts)
  // The roster's own 整户无劳动能力兜底保障户, 风险是否已消除 and 致贫/返贫风险 columns where imported: stored
  // on the household (households/member-cells.ts), or on its members' rows (the WHEREs repeat the
  // partial indexes households_stats_extras and members_stats_extras word for word).
  const riskPaths = [1, 2, 3, 4, 5].map((i) => `json_extract(extra_json, '$."致贫/返贫风险${i}"')`).join(', ')
  const cells = `json_extract(extra_json, '$."整户无劳动能力兜底保障户"'), json_extract(extra_json, '$."风险是否已消除"'), json_array(${riskPaths})`
  const speaks = `extra_json IS NOT NULL AND (instr(extra_json, '兜底') > 0 OR instr(extra_json, '风险') > 0)`
  type Extras = [number, string | null, string | null, string][]
  const extras = [
    ...(db.prepare(`SELECT id, ${cells} FROM households WHERE ${speaks}`).raw().all() as Extras),
    ...(db.prepare(`SELECT household_id, ${cells} FROM members WHERE ${speaks} AND (removed_reason IS NULL OR removed_date > ?)`).raw().all(asOf) as Extras),
  ]
  const imported = new Map<number, { eliminated: boolean; risks: string[]; doudi: boolean }>()
  for (const [hid, doudi, eliminated, risks] of extras) {
    if (!facts.has(hid)) continue
    let i = imported.get(hid)
    if (!i) imported.set(hid, (i = { eliminated: false, risks: [], doudi: false }))
    if (doudi !== null && YES.test(String(doudi).trim())) i.doudi = true
    if (eliminated !== null && YES.test(String(eliminated).trim())) i.eliminated = true
    if (i.risks.length === 0) {
      i.risks = (JSON.parse(risks) as (string | null)[]).filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    }
  }
  for (const [hid, i] of imported) {
    const f = facts.get(hid)!
    if (i.doudi) f.doudi = true
    if (f.monitored) {
      f.open = !i.eliminated
      f.risks = i.risks
    }
  }
  // The status history decides wherever it speaks: 脱贫状态 from the last 识别/脱贫/返贫 by the date
  // (above), monitoring replayed from the 纳入监测 / 风险消除 events by the date.
  const V = ['household_id', 'kind', 'event_date', cell('monitoring_category'), cell('risks')]
  const vc = packedCells(db, V, `FROM household_status_events WHERE kind IN ${MONITORING_KINDS} AND event_date <= ? ORDER BY household_id, event_date, id`, asOf)
  const eventsAt = byHousehold(vc, V.length)
  for (const f of withHistory) {
    if (withMonitoring.has(f.id)) replayMonitoring(f, vc, V.length, eventsAt(f.id))
    typeFromHistory(f)
  }
  // Risks of a case approved by the county where the history's event carries none.
  const cases = db
    .prepare('SELECT household_id, risks FROM monitoring_cases WHERE county_date IS NOT NULL AND county_date <= ? ORDER BY county_date, id')
    .all(asOf) as { household_id: number; risks: string }[]
  for (const c of cases) {
    const f = facts.get(c.household_id)
    if (f && f.monitored && f.risks.length === 0) f.risks = JSON.parse(c.risks) as string[]
  }
  return { asOf, households: [...facts.values()], byId: facts, villages: villagesOf(ledger), ...lineFor(ledger, asOf) }
}

/**
 * Monitoring on the date, replayed from a household's 纳入监测 / 风险消除 events by then: the packed
 * cells of `width` a row from index `start` while they are the household's (none: `start` is -1).
 */
function replayMonitoring(f: HouseholdFact, cells: string[], width: number, start: number): void {
  let monitored = false
  let open = false
  let category: string | null = null
  let risks: string[] = NONE
  let since: string | null = null
  let identifiedMonths: string[] = NONE
  let eliminatedMonths: string[] = NONE
  let days: number[] = NONE
  const id = String(f.id)
  for (let i = start; i >= 0 && i < cells.length && cells[i] === id; i += width) {
    const date = cells[i + 2]!
    if (cells[i + 1] === '纳入监测') {
      monitored = true
      open = true
      category = orNull(cells[i + 3])
      const r = orNull(cells[i + 4])
      risks = r ? (JSON.parse(r) as string[]) : NONE
      since = date
      identifiedMonths = [...identifiedMonths, date.slice(0, 7)]
    } else {
      monitored = true
      if (open && since) days = [...days, dayNumber(date) - dayNumber(since)]
      open = false
      since = null
      eliminatedMonths = [...eliminatedMonths, date.slice(0, 7)]
    }
  }
  f.monitored = monitored
  f.open = open
  f.category = monitored ? category : null
  f.risks = monitored ? risks : NONE
  f.identifiedMonths = identifiedMonths
  f.eliminatedMonths = eliminatedMonths
  f.eliminationDays = days
}

/** 户类型 follows the history: out of poverty (or back in it) → 脱贫户; monitored, never poor → 监测户. */
function typeFromHistory(f: HouseholdFact): void {
  if (f.exit !== null && (f.exit.startsWith('已脱贫') || f.exit === '返贫')) f.type = '脱贫户'
  else if (f.monitored && f.exit === null && f.type !== '脱贫户') f.type = '监测户'
}
