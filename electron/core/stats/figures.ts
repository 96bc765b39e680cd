/** The dashboard's figures and the per-village table, each from the snapshot of its date. */
import { EXIT_STATUSES, HOUSEHOLD_TYPES, MONITORING_CATEGORIES } from '../../../shared/domain/enums'
import { MONITORING_RISKS } from '../../../shared/domain/households-status'
import { isLagging, orderSources, projectStatus, PROJECT_STATUSES, ratePercent, type MilestoneFact } from '../../../shared/domain/projects'
import {
  GAP_KEYS, INCOME_BANDS, incomeBand, type Count, type HelpersStats, type HelperStatsRow, type HouseholdsOverview, type HP, type MonitoringStats,
  type ProjectsStats, type VillageStats, type VillageStatsRow, type WorkStats,
} from '../../../shared/domain/stats'
import type { Ledger } from '../db/open'
import { householdSnapshot, type HouseholdFact, type Snapshot } from './snapshot'
import { workFacts, workingAway } from './work'

const hp = (list: readonly HouseholdFact[]): HP => ({ households: list.length, persons: list.reduce((n, f) => n + f.persons, 0) })

/** ISO date `days` before `iso`. */
export function daysBefore(iso: string, days: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) - days))
  return d.toISOString().slice(0, 10)
}

/** Counts by a key, the known values first in their order, then any other value as written. */
function countBy(list: readonly HouseholdFact[], key: (f: HouseholdFact) => string, order: readonly string[]): Count[] {
  const m = new Map<string, HouseholdFact[]>()
  for (const f of list) {
    const k = key(f)
    const l = m.get(k)
    if (l) l.push(f)
    else m.set(k, [f])
  }
  const keys = [...order.filter((k) => m.has(k)), ...[...m.keys()].filter((k) => !order.includes(k)).sort()]
  return keys.map((k) => ({ key: k, ...hp(m.get(k)!) }))
}

export function householdsOverview(ledger: Ledger, asOf: string, snap = householdSnapshot(ledger, asOf)): HouseholdsOverview {
  const all = snap.households
  const byVillage = new Map<number, HouseholdFact[]>()
  for (const f of all) {
    const l = byVillage.get(f.villageId)
    if (l) l.push(f)
    else byVillage.set(f.villageId, [f])
  }
  const incidence = snap.villages
    .filter((v) => byVillage.has(v.id))
    .map((v) => {
      const poorPersons = hp(byVillage.get(v.id)!.filter(isPoor)).persons
      const population = v.population && v.population > 0 ? v.population : null
      return { villageId: v.id, village: v.name, poorPersons, population, rate: population ? Math.round((poorPersons * 10_000) / population) / 100 : null }
    })
  const income = INCOME_BANDS.map((b) => ({ key: b.key, households: all.filter((f) => incomeBand(f.perCapitaFen, snap.lineFen) === b.key).length }))
  return {
    asOf,
    total: hp(all),
    byType: countBy(all, (f) => f.type, [...HOUSEHOLD_TYPES]),
    byExit: countBy(all, (f) => f.exit ?? '未填', [...EXIT_STATUSES]),
    incidence,
    gaps: GAP_KEYS.map((key) => ({ key, households: all.filter((f) => f.gaps[key]).length })),
    gapAny: all.filter(hasGap).length,
    lineFen: snap.lineFen,
    lineYear: snap.lineYear,
    income,
  }
}

export const isPoor = (f: HouseholdFact) => f.exit === '未脱贫' || f.exit === '返贫'
export const hasGap = (f: HouseholdFact) => GAP_KEYS.some((k) => f.gaps[k])

/** The twelve months up to the date's month, oldest first. */
export function monthsUpTo(asOf: string): string[] {
  const y = Number(asOf.slice(0, 4))
  const m = Number(asOf.slice(5, 7))
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i)
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
  })
}

export function monitoringStats(ledger: Ledger, asOf: string, snap = householdSnapshot(ledger, asOf)): MonitoringStats {
  const monitored = snap.households.filter((f) => f.monitored)
  const open = monitored.filter((f) => f.open)
  const eliminated = monitored.filter((f) => !f.open)
  const categories = [...MONITORING_CATEGORIES, ...new Set(monitored.map((f) => f.category ?? '未填').filter((c) => !(MONITORING_CATEGORIES as readonly string[]).includes(c)))]
  const days = monitored.flatMap((f) => f.eliminationDays)
  const risks = [...MONITORING_RISKS, ...new Set(open.flatMap((f) => f.risks).filter((r) => !(MONITORING_RISKS as readonly string[]).includes(r)))]
  return {
    asOf,
    monitored: hp(monitored),
    open: hp(open),
    eliminated: hp(eliminated),
    openNotDoudi: hp(open.filter((f) => !f.doudi)),
    byCategory: categories.map((category) => ({
      category,
      open: open.filter((f) => (f.category ?? '未填') === category).length,
      eliminated: eliminated.filter((f) => (f.category ?? '未填') === category).length,
    })),
    byRisk: risks.map((risk) => ({ risk, households: open.filter((f) => f.risks.includes(risk)).length })),
    months: monthsUpTo(asOf).map((month) => ({
      month,
      identified: monitored.reduce((n, f) => n + f.identifiedMonths.filter((x) => x === month).length, 0),
      eliminated: monitored.reduce((n, f) => n + f.eliminatedMonths.filter((x) => x === month).length, 0),
    })),
    averageDaysToElimination: days.length ? Math.round((days.reduce((a, b) => a + b, 0) * 10) / days.length) / 10 : null,
    eliminationsCounted: days.length,
  }
}

export function workStats(ledger: Ledger, asOf: string): WorkStats {
  const work = workFacts(ledger, asOf)
  const group = (key: (w: (typeof work)[number]) => string) => {
    const m = new Map<string, number>()
    for (const w of work) m.set(key(w), (m.get(key(w)) ?? 0) + 1)
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  }
  const incomes = work.map((w) => w.monthlyIncomeFen).filter((x): x is number => x !== null)
  return {
    asOf,
    source: '家庭成员的务工状况、务工所在地、就业渠道、务工月收入',
    persons: work.length,
    households: new Set(work.map((w) => w.householdId)).size,
    byProvince: group((w) => w.province).map(([province, persons]) => ({ province, persons })),
    byChannel: group((w) => w.channel).map(([channel, persons]) => ({ channel, persons })),
    averageMonthlyIncomeFen: incomes.length ? Math.round(incomes.reduce((a, b) => a + b, 0) / incomes.length) : null,
    withIncome: incomes.length,
  }
}

export interface ProjectFact {
  id: number
  name: string
  villageId: number | null
  village: string
  category: string | null
  implementer: string | null
  plannedEnd: string | null
  bySource: Map<string, number>
  plannedFen: number
  paidFen: number
  status: string
  lagging: boolean
}

/** The year's projects as they stood on the date: budget lines, disbursements paid by then, milestones reached by then. */
export function projectFacts(ledger: Ledger, asOf: string, year: string): ProjectFact[] {
  const db = ledger.sqlite
  const projects = db
    .prepare(
      `SELECT p.id, p.name, p.village_id, v.name AS village, p.category, p.implementer, p.planned_end
         FROM projects p LEFT JOIN villages v ON v.id = p.village_id WHERE p.year = ? ORDER BY p.village_id, p.id`,
    )
    .all(year) as { id: number; name: string; village_id: number | null; village: string | null; category: string | null; implementer: string | null; planned_end: string | null }[]
  const budget = db
    .prepare('SELECT b.project_id, b.source, b.amount_fen FROM project_budget_lines b JOIN projects p ON p.id = b.project_id WHERE p.year = ?')
    .all(year) as { project_id: number; source: string; amount_fen: number }[]
  const paid = db
    .prepare(
      'SELECT d.project_id, sum(d.amount_fen) AS fen FROM project_disbursements d JOIN projects p ON p.id = d.project_id WHERE p.year = ? AND d.paid_date <= ? GROUP BY d.project_id',
    )
    .all(year, asOf) as { project_id: number; fen: number }[]
  const miles = db
    .prepare(
      'SELECT m.project_id, m.kind, m.milestone_date AS date, m.result FROM project_milestones m JOIN projects p ON p.id = m.project_id WHERE p.year = ? AND m.milestone_date <= ?',
    )
    .all(year, asOf) as (MilestoneFact & { project_id: number })[]
  const paidOf = new Map(paid.map((r) => [r.project_id, Number(r.fen)]))
  return projects.map((p) => {
    const bySource = new Map<string, number>()
    for (const b of budget) if (b.project_id === p.id) bySource.set(b.source, (bySource.get(b.source) ?? 0) + b.amount_fen)
    const status = projectStatus(miles.filter((m) => m.project_id === p.id))
    return {
      id: p.id,
      name: p.name,
      villageId: p.village_id,
      village: p.village ?? '（未填村）',
      category: p.category,
      implementer: p.implementer,
      plannedEnd: p.planned_end,
      bySource,
      plannedFen: [...bySource.values()].reduce((a, b) => a + b, 0),
      paidFen: paidOf.get(p.id) ?? 0,
      status,
      lagging: isLagging(p.planned_end, status, asOf),
    }
  })
}

export function projectsStats(ledger: Ledger, asOf: string, year = asOf.slice(0, 4)): ProjectsStats {
  const list = projectFacts(ledger, asOf, year)
  const plannedFen = list.reduce((n, p) => n + p.plannedFen, 0)
  const paidFen = list.reduce((n, p) => n + p.paidFen, 0)
  const sources = orderSources(new Set(list.flatMap((p) => [...p.bySource.keys()])))
  const villages = new Map<string, { villageId: number | null; village: string; projects: number; plannedFen: number; paidFen: number }>()
  for (const p of list) {
    const k = String(p.villageId)
    const v = villages.get(k) ?? { villageId: p.villageId, village: p.village, projects: 0, plannedFen: 0, paidFen: 0 }
    v.projects++
    v.plannedFen += p.plannedFen
    v.paidFen += p.paidFen
    villages.set(k, v)
  }
  const years = (ledger.sqlite.prepare('SELECT DISTINCT year FROM projects WHERE year IS NOT NULL ORDER BY year DESC').all() as { year: string }[]).map((r) => r.year)
  return {
    asOf,
    year,
    years,
    projects: list.length,
    plannedFen,
    paidFen,
    paidRate: ratePercent(paidFen, plannedFen),
    bySource: sources.map((source) => ({ source, plannedFen: list.reduce((n, p) => n + (p.bySource.get(source) ?? 0), 0) })).filter((s) => s.plannedFen !== 0),
    byStatus: PROJECT_STATUSES.map((status) => ({ status, projects: list.filter((p) => p.status === status).length })),
    byVillage: [...villages.values()],
    lagging: list.filter((p) => p.lagging).length,
  }
}

export interface PairingFacts {
  /** helper id → households paired on the date. */
  byHelper: Map<number, number[]>
  /** household id → its visit dates by the date (newest first). */
  visits: Map<number, string[]>
}

export function pairingFacts(ledger: Ledger, asOf: string): PairingFacts {
  const db = ledger.sqlite
  const pairs = db
    .prepare(
      `SELECT DISTINCT p.helper_id, p.household_id FROM pairings p JOIN households h ON h.id = p.household_id
        WHERE h.removed_reason IS NULL AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?) ORDER BY p.helper_id, p.household_id`,
    )
    .all(asOf, asOf) as { helper_id: number; household_id: number }[]
  const byHelper = new Map<number, number[]>()
  for (const p of pairs) {
    const l = byHelper.get(p.helper_id)
    if (l) l.push(p.household_id)
    else byHelper.set(p.helper_id, [p.household_id])
  }
  const from = `${asOf.slice(0, 4)}-01-01` < daysBefore(asOf, 90) ? `${asOf.slice(0, 4)}-01-01` : daysBefore(asOf, 90)
  const rows = db
    .prepare('SELECT household_id, visit_date FROM visits WHERE visit_date <= ? AND visit_date >= ? ORDER BY visit_date DESC')
    .all(asOf, from) as { household_id: number; visit_date: string }[]
  const visits = new Map<number, string[]>()
  for (const r of rows) {
    const l = visits.get(r.household_id)
    if (l) l.push(r.visit_date)
    else visits.set(r.household_id, [r.visit_date])
  }
  return { byHelper, visits }
}

/** Whether the household was visited within the `days` days up to the date (the date included). */
export const visitedWithin = (pf: PairingFacts, householdId: number, asOf: string, days: number) =>
  (pf.visits.get(householdId)?.[0] ?? '') > daysBefore(asOf, days)

export function helpersStats(ledger: Ledger, asOf: string): HelpersStats {
  const pf = pairingFacts(ledger, asOf)
  const helpers = ledger.sqlite
    .prepare('SELECT h.id, h.name, h.title, u.name AS unit FROM helpers h LEFT JOIN assisting_units u ON u.id = h.unit_id ORDER BY u.name, h.name, h.id')
    .all() as { id: number; name: string; title: string | null; unit: string | null }[]
  const heads = new Map(
    (ledger.sqlite.prepare(`SELECT household_id, name FROM members WHERE relation = '户主' AND removed_reason IS NULL`).all() as { household_id: number; name: string }[]).map(
      (r) => [r.household_id, r.name],
    ),
  )
  const year = asOf.slice(0, 4)
  const rows: HelperStatsRow[] = helpers
    .filter((h) => pf.byHelper.has(h.id))
    .map((h) => {
      const hs = pf.byHelper.get(h.id)!
      const dates = hs.flatMap((id) => pf.visits.get(id) ?? [])
      return {
        helperId: h.id,
        name: h.name,
        unit: h.unit,
        title: h.title,
        households: hs.length,
        visitsThisYear: dates.filter((d) => d.startsWith(year)).length,
        lastVisit: dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null,
        visited30: hs.filter((id) => visitedWithin(pf, id, asOf, 30)).length,
        visited90: hs.filter((id) => visitedWithin(pf, id, asOf, 90)).length,
        heads: hs.map((id) => heads.get(id) ?? '').filter(Boolean),
      }
    })
  const paired = [...new Set([...pf.byHelper.values()].flat())]
  const v30 = paired.filter((id) => visitedWithin(pf, id, asOf, 30)).length
  const v90 = paired.filter((id) => visitedWithin(pf, id, asOf, 90)).length
  return {
    asOf,
    helpers: rows.length,
    pairedHouseholds: paired.length,
    visited30: v30,
    visited90: v90,
    coverage30: ratePercent(v30, paired.length),
    coverage90: ratePercent(v90, paired.length),
    rows,
  }
}

const emptyRow = (villageId: number | null, village: string): VillageStatsRow => ({
  villageId,
  village,
  households: 0,
  persons: 0,
  tuopin: { households: 0, persons: 0 },
  monitored: { households: 0, persons: 0 },
  monitoredByCategory: Object.fromEntries(MONITORING_CATEGORIES.map((c) => [c, { households: 0, persons: 0 }])),
  open: { households: 0, persons: 0 },
  openNotDoudi: { households: 0, persons: 0 },
  gaps: { education: 0, medical: 0, housing: 0, water: 0 },
  workingAway: 0,
  projects: 0,
  plannedFen: 0,
  paidFen: 0,
  agriculturalPopulation: null,
  poorPersons: 0,
})

const addHP = (to: HP, f: { persons: number }) => {
  to.households++
  to.persons += f.persons
}

/** 村级统计: one row per village (every village of the ledger) and the total. */
export function villageStats(ledger: Ledger, asOf: string, year = asOf.slice(0, 4), snap: Snapshot = householdSnapshot(ledger, asOf)): VillageStats {
  const rows = new Map<number, VillageStatsRow>()
  for (const v of snap.villages) rows.set(v.id, { ...emptyRow(v.id, v.name), agriculturalPopulation: v.population })
  const total = emptyRow(null, '合计')
  for (const f of snap.households) {
    const t = rows.get(f.villageId)!
    addHP(t, f)
    if (f.type === '脱贫户') addHP(t.tuopin, f)
    if (f.monitored) {
      addHP(t.monitored, f)
      const c = f.category ?? '未填'
      t.monitoredByCategory[c] ??= { households: 0, persons: 0 }
      addHP(t.monitoredByCategory[c]!, f)
    }
    if (f.open) addHP(t.open, f)
    if (f.open && !f.doudi) addHP(t.openNotDoudi, f)
    for (const k of GAP_KEYS) if (f.gaps[k]) t.gaps[k]++
    if (isPoor(f)) t.poorPersons += f.persons
  }
  for (const [householdId, persons] of workingAway(ledger, asOf)) {
    const f = snap.byId.get(householdId)
    if (f) rows.get(f.villageId)!.workingAway += persons
  }
  // The total adds up the villages' rows.
  const add = (to: HP, from: HP) => {
    to.households += from.households
    to.persons += from.persons
  }
  for (const r of rows.values()) {
    for (const k of ['tuopin', 'monitored', 'open', 'openNotDoudi'] as const) add(total[k], r[k])
    add(total, r)
    for (const [c, n] of Object.entries(r.monitoredByCategory)) add((total.monitoredByCategory[c] ??= { households: 0, persons: 0 }), n)
    for (const k of GAP_KEYS) total.gaps[k] += r.gaps[k]
    total.poorPersons += r.poorPersons
    total.workingAway += r.workingAway
  }
  for (const p of projectFacts(ledger, asOf, year)) {
    for (const t of [p.villageId === null ? undefined : rows.get(p.villageId), total]) {
      if (!t) continue
      t.projects++
      t.plannedFen += p.plannedFen
      t.paidFen += p.paidFen
    }
  }
  const villages = [...rows.values()]
  total.agriculturalPopulation = villages.every((v) => v.agriculturalPopulation !== null) && villages.length
    ? villages.reduce((n, v) => n + (v.agriculturalPopulation ?? 0), 0)
    : null
  const first = snap.villages[0]
  return { asOf, township: first ? `${first.county}${first.township}` : '', villages, total }
}

