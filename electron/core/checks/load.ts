/**
 * Reads the ledger into the checks' plain records (data.ts) in a handful of statements: villages,
 * households, members (with their raw national cells), approved monitoring cases with their measures,
 * pairings, visits, aid, projects' beneficiaries; settings from the monitoring year settings and the
 * checks' own settings (settings table, key checks.settings).
 */
import type { CheckSettingsInput } from '../../../shared/api/checks'
import type { Ledger } from '../db/open'
import { villageCellsForChecks, workRecordsForChecks } from '../national'
import type { CaseData, CheckSettings, HouseholdData, LedgerData } from './data'

type Row = Record<string, unknown>
const SETTINGS_KEY = 'checks.settings'

export const DEFAULT_CHECK_SETTINGS: CheckSettingsInput = {
  maxHouseholdsPerHelper: 5,
  visitWithinDays: 90,
  premiumSubsidyFrom: '202210',
  premiumSubsidyTo: '202303',
  premiumSubsidyEndsFrom: '202304',
  homeCounty: null,
}

export function readCheckSettings(ledger: Ledger): CheckSettingsInput {
  const raw = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY) as string | undefined
  return { ...DEFAULT_CHECK_SETTINGS, ...(raw ? (JSON.parse(raw) as Partial<CheckSettingsInput>) : {}) }
}

/** Saved like the backup folder setting: one row of settings, audited as table settings, record 0, field = the key. */
export function saveCheckSettings(ledger: Ledger, actor: string, input: CheckSettingsInput): void {
  const value = JSON.stringify(input)
  ledger.write.run({ actor }, () => {
    const old = (ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY) as string | undefined) ?? null
    if (old === value) return
    ledger.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, value)
    ledger.sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, table_name, record_id, field, old_value, new_value, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), actor, old === null ? 'insert' : 'update', 'settings', 0, SETTINGS_KEY, old, value, null)
  })
}

const parseExtra = (json: unknown): Record<string, string> => (typeof json === 'string' && json ? (JSON.parse(json) as Record<string, string>) : {})

function settingsFor(ledger: Ledger, asOf: string): CheckSettings {
  const rows = ledger.sqlite.prepare('SELECT * FROM monitoring_settings ORDER BY year').all() as Row[]
  const year = Number(asOf.slice(0, 4))
  const current = [...rows].reverse().find((r) => Number(r.year) <= year) ?? rows[0]
  const own = readCheckSettings(ledger)
  return {
    lineFenByYear: new Map(rows.map((r) => [Number(r.year), Number(r.line_fen)])),
    minMonthsBeforeElimination: current ? Number(current.min_months_before_elimination) : 6,
    reminderDaysWithoutMeasure: current ? Number(current.reminder_days_without_measure) : 30,
    premiumSubsidy: { from: own.premiumSubsidyFrom, to: own.premiumSubsidyTo, endsFrom: own.premiumSubsidyEndsFrom },
    maxHouseholdsPerHelper: own.maxHouseholdsPerHelper,
    visitWithinDays: own.visitWithinDays,
    homeCounty: own.homeCounty,
  }
}

/** The whole ledger, or (householdIds) those households only, for a one-household run. */
export function loadLedgerData(ledger: Ledger, asOf: string, householdIds?: readonly number[]): LedgerData {
  const db = ledger.sqlite
  const only = householdIds ? ` WHERE id IN (${householdIds.map(() => '?').join(',')})` : ''
  const onlyHh = householdIds ? ` AND household_id IN (${householdIds.map(() => '?').join(',')})` : ''
  const p = householdIds ?? []
  const villageCells = villageCellsForChecks(ledger)
  const villages = (db.prepare('SELECT id, county, township, name, exit_year, total_households, total_population FROM villages').all() as Row[]).map((v) => ({
    id: Number(v.id), county: String(v.county), township: String(v.township), name: String(v.name), exit_year: (v.exit_year as string | null) ?? null,
    total_households: (v.total_households as number | null) ?? null, total_population: (v.total_population as number | null) ?? null, extra: villageCells.get(Number(v.id)) ?? {},
  }))
  // Rows as arrays, each record built as one literal: far cheaper than better-sqlite3's keyed rows.
  const households = new Map<number, HouseholdData>()
  const householdSql = `SELECT id, village_id, household_no, declared_size, household_type, monitoring_category, first_identified, phone,
    wage_income_fen, business_income_fen, property_income_fen, transfer_income_fen, business_expense_fen, net_income_fen,
    per_capita_net_income_fen, arable_land_area, housing_area, dilapidated_house, safe_drinking_water, removed_reason, removed_date,
    extra_json FROM households${only}`
  // Coded columns (性别, 民族, 户类型, 是否危房户 …) hold a handful of values: one string each for the whole run.
  const codes = new Map<unknown, string>()
  const code = (v: unknown): string | null => {
    if (typeof v !== 'string') return v as null
    const known = codes.get(v)
    if (known !== undefined) return known
    codes.set(v, v)
    return v
  }
  for (const r of db.prepare(householdSql).raw().iterate(...p) as Iterable<unknown[]>) {
    const id = Number(r[0])
    households.set(id, {
      id, village_id: Number(r[1]), household_no: r[2] as string | null, declared_size: r[3] as number | null,
      household_type: code(r[4]), monitoring_category: code(r[5]), first_identified: r[6] as string | null, phone: r[7] as string | null,
      wage_income_fen: r[8] as number | null, business_income_fen: r[9] as number | null, property_income_fen: r[10] as number | null,
      transfer_income_fen: r[11] as number | null, business_expense_fen: r[12] as number | null, net_income_fen: r[13] as number | null,
      per_capita_net_income_fen: r[14] as number | null, arable_land_area: r[15] as string | null, housing_area: r[16] as string | null,
      dilapidated_house: code(r[17]), safe_drinking_water: code(r[18]), removed_reason: code(r[19]),
      removed_date: r[20] as string | null, extra: parseExtra(r[21]), members: [], cases: [],
    })
  }
  const memberSql = `SELECT id, household_id, person_no, name, sex, birth_date, id_type, id_number, relation, ethnicity, education, school_status,
    health, labour_skill, work_status, work_months, serious_illness_insurance, medical_insurance, pension_insurance, low_income_support,
    special_support, disability_category, extra_json FROM members WHERE removed_reason IS NULL${onlyHh} ORDER BY household_id, sort_order, id`
  type Cell = string | null
  for (const r of db.prepare(memberSql).raw().iterate(...p) as Iterable<unknown[]>) {
    const h = households.get(Number(r[1]))
    if (!h) continue
    h.members.push({
      id: Number(r[0]), person_no: r[2] as Cell, name: r[3] as string, sex: code(r[4]), birth_date: r[5] as Cell, id_type: code(r[6]),
      id_number: r[7] as Cell, relation: code(r[8]), ethnicity: code(r[9]), education: code(r[10]), school_status: code(r[11]),
      health: code(r[12]), labour_skill: code(r[13]), work_status: code(r[14]), work_months: code(r[15]),
      serious_illness_insurance: code(r[16]), medical_insurance: code(r[17]), pension_insurance: code(r[18]),
      low_income_support: code(r[19]), special_support: code(r[20]), disability_category: code(r[21]), extra: parseExtra(r[22]),
    })
  }
  const cases = new Map<number, CaseData>()
  for (const r of db.prepare(`SELECT * FROM monitoring_cases WHERE county_date IS NOT NULL${onlyHh}`).iterate(...p) as Iterable<Row>) {
    const h = households.get(Number(r.household_id))
    if (!h) continue
    const indicators: Record<string, string | number | null> = {}
    for (const k of Object.keys(r)) if (k.startsWith('after_')) indicators[k] = r[k] as string | number | null
    const c: CaseData = {
      id: Number(r.id), category: String(r.category), risks: JSON.parse(String(r.risks)) as string[], risk_note: r.risk_note as string | null,
      report_date: String(r.report_date), county_date: r.county_date as string | null, elimination_method: r.elimination_method as string | null,
      elim_county_date: r.elim_county_date as string | null, indicators, measures: [],
    }
    cases.set(c.id, c)
    h.cases.push(c)
  }
  if (cases.size) {
    for (const r of db.prepare('SELECT case_id, kind, items, measure_date FROM monitoring_measures').iterate() as Iterable<Row>) {
      cases.get(Number(r.case_id))?.measures.push({ kind: String(r.kind), items: JSON.parse(String(r.items)) as string[], date: String(r.measure_date) })
    }
  }
  const whereHh = householdIds ? ` WHERE household_id IN (${householdIds.map(() => '?').join(',')})` : ''
  return {
    villages,
    households: [...households.values()],
    helpers: (db.prepare('SELECT h.id, h.name, u.name AS unit FROM helpers h LEFT JOIN assisting_units u ON u.id = h.unit_id').all() as Row[]).map((r) => ({ id: Number(r.id), name: String(r.name), unit: (r.unit as string | null) ?? null })),
    pairings: (householdIds ? db.prepare(`SELECT * FROM pairings${whereHh}`).all(...p) : db.prepare('SELECT * FROM pairings').all()) as never,
    visits: db.prepare(`SELECT household_id, visit_date FROM visits${whereHh}`).all(...p) as never,
    aid: db.prepare(`SELECT id, household_id, aid_date, description, amount_fen FROM aid${whereHh}`).all(...p) as never,
    projects: householdIds ? [] : projectsOf(ledger),
    workSpells: workRecordsForChecks(ledger, householdIds),
    settings: settingsFor(ledger, asOf),
  }
}

function projectsOf(ledger: Ledger): LedgerData['projects'] {
  const by = new Map<number, { id: number; name: string; beneficiaries: number[] }>()
  for (const r of ledger.sqlite.prepare('SELECT p.id, p.name, b.household_id FROM projects p LEFT JOIN project_beneficiaries b ON b.project_id = p.id').iterate() as Iterable<Row>) {
    const id = Number(r.id)
    const p = by.get(id) ?? { id, name: String(r.name), beneficiaries: [] }
    if (r.household_id !== null) p.beneficiaries.push(Number(r.household_id))
    by.set(id, p)
  }
  return [...by.values()]
}
