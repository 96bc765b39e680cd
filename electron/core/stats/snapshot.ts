/**
 * Every household of the working list as it stood on a date: 户类型, 脱贫状态 and monitoring from
 * its status history (纳入监测 / 风险消除 are written there by the county's approval of a
 * monitoring case), falling back to the roster's columns for households whose history says
 * nothing; persons counted over the members not removed by then. Figures and the lists behind
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
 * The last snapshot built, kept while nothing changed: this connection's total_changes() moves
 * with every write of this process, PRAGMA data_version with every commit of another connection.
 * The dashboard asks several figures of one date in a row; they share one snapshot.
 */
const cache = new WeakMap<Ledger, { key: string; snapshot: Snapshot }>()

export function clearSnapshotCache(ledger: Ledger): void {
  cache.delete(ledger)
}

export function householdSnapshot(ledger: Ledger, asOf: string): Snapshot {
  const version = ledger.sqlite.prepare('SELECT total_changes() AS t').get() as { t: number }
  const key = `${asOf}|${version.t}|${String(ledger.sqlite.pragma('data_version', { simple: true }))}`
  const hit = cache.get(ledger)
  if (hit?.key === key) return hit.snapshot
  const snapshot = buildSnapshot(ledger, asOf)
  cache.set(ledger, { key, snapshot })
  return snapshot
}

function buildSnapshot(ledger: Ledger, asOf: string): Snapshot {
  const db = ledger.sqlite
  // Arrays, not objects, and the four gaps as one bit set: a county's 30 000 rows stay cheap.
  const rows = db
    .prepare(
      `SELECT id, village_id, household_type, exit_status, monitoring_category, per_capita_net_income_fen,
              (coalesce(guarantee_education, '') = '有短板')
              | ((coalesce(guarantee_medical, '') = '有短板') << 1)
              | ((coalesce(guarantee_housing, '') = '有短板' OR coalesce(dilapidated_house, '') = '是') << 2)
              | ((coalesce(guarantee_water, '') = '有短板' OR coalesce(safe_drinking_water, '') = '否') << 3)
         FROM households WHERE removed_reason IS NULL`,
    )
    .raw()
    .all() as [number, number, string | null, string | null, string | null, number | null, number][]
  const facts = new Map<number, HouseholdFact & { labour: number; imported: { eliminated: boolean; risks: string[]; doudi: boolean } }>()
  for (const [id, villageId, type, exit, category, perCapita, gaps] of rows) {
    facts.set(id, {
      id,
      villageId,
      persons: 0,
      type: type ?? '未填',
      exit,
      monitored: category !== null,
      open: category !== null,
      category,
      risks: [],
      doudi: false,
      gaps: { education: (gaps & 1) !== 0, medical: (gaps & 2) !== 0, housing: (gaps & 4) !== 0, water: (gaps & 8) !== 0 },
      perCapitaFen: perCapita,
      identifiedMonths: [],
      eliminatedMonths: [],
      eliminationDays: [],
      labour: 0,
      imported: { eliminated: false, risks: [], doudi: false },
    })
  }
  // Members on the date, counted per household in SQL: persons, and those able to work.
  const counts = db
    .prepare(
      `SELECT household_id, count(*), sum(labour_skill IS NULL OR labour_skill NOT IN ('丧失劳动力', '无劳动力'))
         FROM members WHERE removed_reason IS NULL OR removed_date > ? GROUP BY household_id`,
    )
    .raw()
    .all(asOf) as [number, number, number][]
  for (const [hid, persons, labour] of counts) {
    const f = facts.get(hid)
    if (!f) continue
    f.persons = persons
    f.labour = labour
  }
  // The roster's own 整户无劳动能力兜底保障户, 风险是否已消除 and 致贫/返贫风险 columns where imported.
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
  for (const [hid, doudi, eliminated, risks] of members) {
    const f = facts.get(hid)
    if (!f) continue
    if (doudi !== null && YES.test(String(doudi).trim())) f.imported.doudi = true
    if (eliminated !== null && YES.test(String(eliminated).trim())) f.imported.eliminated = true
    if (f.imported.risks.length === 0) {
      f.imported.risks = (JSON.parse(risks) as (string | null)[]).filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    }
  }
  for (const f of facts.values()) {
    // The roster's flag, else a household where nobody can work.
    f.doudi = f.imported.doudi || (f.persons > 0 && f.labour === 0)
    if (f.monitored) {
      f.open = !f.imported.eliminated
      f.risks = f.imported.risks
    }
  }
  // The status history decides wherever it speaks.
  const events = (
    db.prepare('SELECT household_id, kind, event_date, monitoring_category, risks FROM household_status_events ORDER BY household_id, event_date, id').raw().all() as [
      number, string, string, string | null, string | null,
    ][]
  ).map(([household_id, kind, event_date, monitoring_category, risks]): EventRow => ({ household_id, kind, event_date, monitoring_category, risks }))
  let i = 0
  while (i < events.length) {
    const hid = events[i]!.household_id
    let j = i
    while (j < events.length && events[j]!.household_id === hid) j++
    const f = facts.get(hid)
    if (f) applyHistory(f, events.slice(i, j), asOf)
    i = j
  }
  // Risks of a case approved by the county where the history's event carries none.
  const cases = db
    .prepare('SELECT household_id, risks FROM monitoring_cases WHERE county_date IS NOT NULL AND county_date <= ? ORDER BY county_date, id')
    .all(asOf) as { household_id: number; risks: string }[]
  for (const c of cases) {
    const f = facts.get(c.household_id)
    if (f && f.monitored && f.risks.length === 0) f.risks = JSON.parse(c.risks) as string[]
  }
  const households: HouseholdFact[] = []
  for (const f of facts.values()) {
    const { labour: _l, imported: _i, ...fact } = f
    households.push(fact)
  }
  return { asOf, households, villages: villagesOf(ledger), ...lineFor(ledger, asOf) }
}

function applyHistory(f: HouseholdFact, events: EventRow[], asOf: string): void {
  const exitEvents = events.some((e) => e.kind === '识别' || e.kind === '脱贫' || e.kind === '返贫')
  const monitoringEvents = events.some((e) => e.kind === '纳入监测' || e.kind === '风险消除')
  let exit: string | null = null
  let monitored = false
  let open = false
  let category: string | null = null
  let risks: string[] = []
  let since: string | null = null
  const identifiedMonths: string[] = []
  const eliminatedMonths: string[] = []
  const days: number[] = []
  for (const e of events) {
    if (e.event_date > asOf) break
    switch (e.kind) {
      case '识别':
        exit = '未脱贫'
        break
      case '脱贫':
        exit = '已脱贫(享受政策)'
        break
      case '返贫':
        exit = '返贫'
        break
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
  if (exitEvents) f.exit = exit
  if (monitoringEvents) {
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
