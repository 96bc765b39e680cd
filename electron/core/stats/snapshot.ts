/**
 * Every household of the working list as it stood on a date: 户类型, 脱贫状态 and monitoring from
 * its status history (纳入监测 / 风险消除 are written there by the county's approval of a
 * monitoring case), falling back to the roster's columns for households whose history says
 * nothing; 三保障 and 人均纯收入 as they stood that day (the change history: the old value of each
 * field's first change after the date); persons counted over the members not removed by then. Figures and the lists behind
 * them are both computed from this one snapshot, so a list always holds what its figure counted.
 */
import type { GapKey } from '../../../shared/domain/stats'
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
  villages: VillageInfo[]
  lineFen: number | null
  lineYear: number | null
}

const YES = /^(是|1|Y|y|√)$/

interface EventRow {
  household_id: number
  kind: string
  event_date: string
  monitoring_category: string | null
  risks: string | null
}

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

/** `build(asOf)`, or what it returned last for this ledger, date and name while the ledger is unchanged. */
export function cachedWhileUnchanged<T>(ledger: Ledger, name: string, asOf: string, build: () => T): T {
  const version = ledger.sqlite.prepare('SELECT total_changes() AS t').get() as { t: number }
  const key = `${asOf}|${version.t}|${String(ledger.sqlite.pragma('data_version', { simple: true }))}`
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

/** Field and record separators and the null marker of the packed query results (see packed()). */
const US = '\x1f'
const RS = '\x1e'
const NUL = '\x02'
const EXIT_KINDS = `('识别', '脱贫', '返贫')`
const MONITORING_KINDS = `('纳入监测', '风险消除')`
const EXIT_OF: Record<string, string> = { 识别: '未脱贫', 脱贫: '已脱贫(享受政策)', 返贫: '返贫' }

/**
 * A query's rows as one string (group_concat in SQLite), split here: handing 30 000 rows of a dozen
 * cells to JavaScript one cell at a time costs far more than the query itself.
 */
export const packed = (sql: string) => `SELECT group_concat(r, char(30)) FROM (${sql})`
export const records = (s: string | null): string[][] => (s ? s.split(RS).map((r) => r.split(US)) : [])
export const orNull = (v: string | undefined): string | null => (v === undefined || v === NUL ? null : v)
export const cell = (expr: string) => `ifnull(${expr}, char(2))`

/** What the status history says of a household in aggregate (from the snapshot's query). */
interface HistorySummary {
  /** Any 识别/脱贫/返贫 event, and the last of them by the date. */
  exitHistory: boolean
  lastExit: string | null
  /** Any 纳入监测 / 风险消除 event. */
  monitoringHistory: boolean
}

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
        WHERE a.id IN (SELECT min(id) FROM audit_log WHERE table_name = 'households' AND action = 'update' AND field IN ${fields} AND at >= ?
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

function buildSnapshot(ledger: Ledger, asOf: string): Snapshot {
  const db = ledger.sqlite
  // One record per household: its roster columns, the four gaps as one bit set, its members on the
  // date (persons, and those able to work) and what its status history says in aggregate.
  const cols = [
    'h.id', 'h.village_id', cell('h.household_type'), cell('h.exit_status'), cell('h.monitoring_category'), cell('h.per_capita_net_income_fen'),
    `(coalesce(h.guarantee_education, '') = '有短板')
      | ((coalesce(h.guarantee_medical, '') = '有短板') << 1)
      | ((coalesce(h.guarantee_housing, '') = '有短板' OR coalesce(h.dilapidated_house, '') = '是') << 2)
      | ((coalesce(h.guarantee_water, '') = '有短板' OR coalesce(h.safe_drinking_water, '') = '否') << 3)`,
    'ifnull(mc.persons, 0)', 'ifnull(mc.labour, 0)', 'ev.household_id IS NOT NULL', 'ifnull(ev.exit_any, 0)', cell('ev.last_exit'), 'ifnull(ev.monitoring_any, 0)',
  ]
  const households = records(
    db
      .prepare(
        packed(`SELECT ${cols.map((c) => `(${c})`).join(' || char(31) || ')} AS r
           FROM households h
           LEFT JOIN (SELECT household_id, count(*) AS persons, sum(labour_skill IS NULL OR labour_skill NOT IN ('丧失劳动力', '无劳动力')) AS labour
                        FROM members WHERE removed_reason IS NULL OR removed_date > @asOf GROUP BY household_id) mc ON mc.household_id = h.id
           LEFT JOIN (SELECT household_id, max(kind IN ${EXIT_KINDS}) AS exit_any, max(kind IN ${MONITORING_KINDS}) AS monitoring_any,
                             substr(max(CASE WHEN kind IN ${EXIT_KINDS} AND event_date <= @asOf THEN event_date || printf('%012d', id) || kind END), 23) AS last_exit
                        FROM household_status_events GROUP BY household_id) ev ON ev.household_id = h.id
          WHERE h.removed_reason IS NULL ORDER BY h.id`),
      )
      .pluck()
      .get({ asOf }) as string | null,
  )
  const facts = new Map<number, HouseholdFact>()
  const histories = new Map<number, HistorySummary>()
  for (const [id, villageId, type, exit, category, perCapita, gaps, persons, labour, history, exitAny, lastExit, monitoringAny] of households) {
    const hid = Number(id)
    const c = orNull(category)
    const income = orNull(perCapita)
    const n = Number(persons)
    facts.set(hid, {
      id: hid,
      villageId: Number(villageId),
      persons: n,
      type: orNull(type) ?? '未填',
      exit: orNull(exit),
      monitored: c !== null,
      open: c !== null,
      category: c,
      risks: NONE,
      // A household where nobody can work; the roster's own flag below.
      doudi: n > 0 && labour === '0',
      gaps: GAPS[Number(gaps)]!,
      perCapitaFen: income === null ? null : Number(income),
      identifiedMonths: NONE,
      eliminatedMonths: NONE,
      eliminationDays: NONE,
    })
    if (history === '1') histories.set(hid, { exitHistory: exitAny === '1', lastExit: orNull(lastExit), monitoringHistory: monitoringAny === '1' })
  }
  applyFieldHistory(ledger, asOf, facts)
  // The roster's own 整户无劳动能力兜底保障户, 风险是否已消除 and 致贫/返贫风险 columns where imported
  // (the WHERE repeats the partial index members_stats_extras word for word).
  const riskPaths = [1, 2, 3, 4, 5].map((i) => `json_extract(extra_json, '$."致贫/返贫风险${i}"')`).join(', ')
  const members = db
    .prepare(
      `SELECT household_id, json_extract(extra_json, '$."整户无劳动能力兜底保障户"'), json_extract(extra_json, '$."风险是否已消除"'), json_array(${riskPaths})
         FROM members
        WHERE extra_json IS NOT NULL AND (instr(extra_json, '兜底') > 0 OR instr(extra_json, '风险') > 0)
          AND (removed_reason IS NULL OR removed_date > ?)`,
    )
    .raw()
    .all(asOf) as [number, string | null, string | null, string][]
  const imported = new Map<number, { eliminated: boolean; risks: string[]; doudi: boolean }>()
  for (const [hid, doudi, eliminated, risks] of members) {
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
  const byHousehold = new Map<number, EventRow[]>()
  const events = db
    .prepare(
      packed(`SELECT household_id || char(31) || kind || char(31) || event_date || char(31) || ${cell('monitoring_category')} || char(31) || ${cell('risks')} AS r
                FROM household_status_events WHERE kind IN ${MONITORING_KINDS} AND event_date <= ? ORDER BY household_id, event_date, id`),
    )
    .pluck()
    .get(asOf) as string | null
  for (const [hid, kind, date, category, risks] of records(events)) {
    const e: EventRow = { household_id: Number(hid), kind: kind!, event_date: date!, monitoring_category: orNull(category), risks: orNull(risks) }
    const l = byHousehold.get(e.household_id)
    if (l) l.push(e)
    else byHousehold.set(e.household_id, [e])
  }
  for (const [hid, h] of histories) applyHistory(facts.get(hid)!, h, byHousehold.get(hid) ?? [])
  // Risks of a case approved by the county where the history's event carries none.
  const cases = db
    .prepare('SELECT household_id, risks FROM monitoring_cases WHERE county_date IS NOT NULL AND county_date <= ? ORDER BY county_date, id')
    .all(asOf) as { household_id: number; risks: string }[]
  for (const c of cases) {
    const f = facts.get(c.household_id)
    if (f && f.monitored && f.risks.length === 0) f.risks = JSON.parse(c.risks) as string[]
  }
  return { asOf, households: [...facts.values()], villages: villagesOf(ledger), ...lineFor(ledger, asOf) }
}

/**
 * A household with a status history: 脱贫状态 from its last 识别/脱贫/返贫 event by the date (none by
 * then: unknown), monitoring replayed from its 纳入监测 / 风险消除 events by the date, 户类型 from both.
 */
function applyHistory(f: HouseholdFact, h: HistorySummary, events: EventRow[]): void {
  let monitored = false
  let open = false
  let category: string | null = null
  let risks: string[] = []
  let since: string | null = null
  const identifiedMonths: string[] = []
  const eliminatedMonths: string[] = []
  const days: number[] = []
  for (const e of events) {
    switch (e.kind) {
      case '纳入监测':
        monitored = true
        open = true
        category = e.monitoring_category
        risks = e.risks ? (JSON.parse(e.risks) as string[]) : []
        since = e.event_date
        identifiedMonths.push(e.event_date.slice(0, 7))
        break
      case '风险消除':
        monitored = true
        if (open && since) days.push(dayNumber(e.event_date) - dayNumber(since))
        open = false
        since = null
        eliminatedMonths.push(e.event_date.slice(0, 7))
        break
    }
  }
  if (h.exitHistory) f.exit = h.lastExit === null ? null : (EXIT_OF[h.lastExit] ?? null)
  if (h.monitoringHistory) {
    f.monitored = monitored
    f.open = open
    f.category = monitored ? category : null
    f.risks = monitored ? risks : []
    f.identifiedMonths = identifiedMonths
    f.eliminatedMonths = eliminatedMonths
    f.eliminationDays = days
  }
  // 户类型 follows the history: out of poverty (or back in it) → 脱贫户; monitored, never poor → 监测户.
  if (f.exit !== null && (f.exit.startsWith('已脱贫') || f.exit === '返贫')) f.type = '脱贫户'
  else if (f.monitored && f.exit === null && f.type !== '脱贫户') f.type = '监测户'
}
