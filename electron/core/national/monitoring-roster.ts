/**
 * The monitoring roster's (监测对象信息) monitoring columns as the household's monitoring case: category,
 * risks 1–5 and the note, how it was found, household size and income at identification, 是否返贫 /
 * 是否致贫, the procedure dates (识别监测时间, 纳入监测审批时间) and opinions, measures by kind with their
 * items, and — when 风险是否已消除 = 是 — the elimination and its 13 indicators. Written in the roster
 * import's own transaction (the same batch, so 撤销本次导入 takes it back); the case of the same
 * identification month is updated, never duplicated. The cells stay in the members' kept columns, so
 * the file still round-trips in its own layout.
 */
import { MONITORING_CATEGORIES } from '../../../shared/domain/enums'
import { ELIMINATION_METHODS, FOUND_BY, INDICATORS, MONITORING_RISKS } from '../../../shared/domain/monitoring'
import { MEASURE_KINDS } from '../../../shared/domain/monitoring-measures'
import { KeptCells } from '../../../shared/import/kept-cells'
import { normaliseHeaderText } from '../../../shared/import/text'
import type Database from 'better-sqlite3'
import type { Ledger } from '../db/open'
import type { WriteScope } from '../db/write'
import { normaliseMonth, yuanToFen } from './import/parse'

type Value = string | number | null
const BY = '国家系统导入'

/** Headers that say a roster carries the monitoring columns. */
export const MONITORING_ROSTER_HEADERS = ['风险是否已消除', '致贫/返贫风险1', '监测对象识别方式', '识别时家庭纯收入']

export function isMonitoringRoster(extraKeys: readonly string[]): boolean {
  const keys = new Set(extraKeys.map(normaliseHeaderText))
  return MONITORING_ROSTER_HEADERS.filter((h) => keys.has(normaliseHeaderText(h))).length >= 2
}

/** The household's monitoring cells: the first non-blank value of each column over its members' rows. */
export function householdCells(rows: readonly (Record<string, string> | KeptCells)[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const r of rows) {
    if (r instanceof KeptCells) {
      // The sheet's keys normalised once, not once per cell of every row.
      const normalised = r.keys.memo(householdCells, (list) => list.map(normaliseHeaderText))
      r.forEach((_, v, column) => {
        const k = normalised[column]!
        if (v.trim() && !out.has(k)) out.set(k, v.trim())
      })
    } else for (const [k, v] of Object.entries(r)) if (v.trim() && !out.has(normaliseHeaderText(k))) out.set(normaliseHeaderText(k), v.trim())
  }
  return out
}

const cell = (cells: Map<string, string>, header: string) => cells.get(normaliseHeaderText(header)) ?? null
const monthStart = (v: string | null): string | null => {
  const m = v ? normaliseMonth(v).value : null
  return m && /^\d{4}-\d{2}$/.test(m) ? `${m}-01` : null
}
const dayOf = (v: string | null): string | null => {
  if (!v) return null
  const t = v.trim().replace(/[年月/.]/g, '-').replace(/日$/, '')
  const d = /^(\d{4})-?(\d{1,2})-?(\d{1,2})/.exec(t)
  if (d) return `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`
  return monthStart(v)
}
const fen = (v: string | null): number | null => (v === null ? null : yuanToFen(v.replace(/元$/, '')))
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null => (v && (list as readonly string[]).includes(v) ? (v as T) : null)

export interface RosterCase {
  values: Record<string, Value>
  measures: { kind: string; items: string[]; other_note: string | null }[]
}

/** The case the cells describe, or null when the household is not a monitored one (no 识别监测时间 or category). */
export function caseFromCells(cells: Map<string, string>, household: { category: Value; identified: Value; size: number }): RosterCase | null {
  const category = oneOf(MONITORING_CATEGORIES, typeof household.category === 'string' ? household.category : cell(cells, '监测对象类别'))
  const report = monthStart(cell(cells, '识别监测时间') ?? (typeof household.identified === 'string' ? household.identified : null))
  if (!category || !report) return null
  const risks: string[] = []
  for (let i = 1; i <= 5; i++) {
    for (const r of (cell(cells, `致贫/返贫风险${i}`) ?? '').split(/[,，、]/)) {
      const risk = oneOf(MONITORING_RISKS, r.trim())
      if (risk && !risks.includes(risk)) risks.push(risk)
    }
  }
  const approved = dayOf(cell(cells, '纳入监测审批时间')) ?? report
  const eliminated = cell(cells, '风险是否已消除') === '是'
  const elimDate = eliminated ? (monthStart(cell(cells, '消除监测时间')) ?? approved) : null
  const values: Record<string, Value> = {
    category,
    risks: JSON.stringify(risks.length ? risks : ['其他']),
    risk_note: cell(cells, '致贫/返贫风险其他备注'),
    found_by: oneOf(FOUND_BY, cell(cells, '监测对象识别方式')) ?? '基层干部排查',
    size_at_identification: Number(cell(cells, '识别时家庭人口数')) || household.size,
    income_at_identification_fen: fen(cell(cells, '识别时家庭纯收入')) ?? 0,
    returned_to_poverty: oneOf(['是', '否'] as const, cell(cells, '是否返贫')),
    fell_into_poverty: oneOf(['是', '否'] as const, cell(cells, '是否致贫')),
    report_date: report,
    report_by: cell(cells, '信息采集人') ?? BY,
    review_date: approved, review_by: BY,
    publicity_date: approved, publicity_by: BY,
    township_date: approved, township_by: BY, township_opinion: cell(cells, '乡镇审核意见'),
    county_date: approved, county_by: BY, county_opinion: cell(cells, '县级审定意见'),
    elimination_method: eliminated ? (oneOf(ELIMINATION_METHODS, cell(cells, '风险消除方式')) ?? '帮扶消除') : null,
    elim_review_date: elimDate, elim_review_by: elimDate && BY,
    elim_publicity_date: elimDate, elim_publicity_by: elimDate && BY,
    elim_township_date: elimDate, elim_township_by: elimDate && BY,
    elim_county_date: elimDate, elim_county_by: elimDate && BY,
  }
  for (const i of INDICATORS) {
    const v = eliminated ? cell(cells, i.label) : null
    values[i.key] = i.kind === 'yesno' ? oneOf(['是', '否'] as const, v) : fen(v)
  }
  const measures: RosterCase['measures'] = []
  for (const kind of MEASURE_KINDS) {
    const items = (cell(cells, kind) ?? '').split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean)
    if (items.length) measures.push({ kind, items, other_note: cell(cells, `${kind}其他备注`) })
  }
  return { values, measures }
}

export type CaseOutcome = 'new' | 'changed' | 'unchanged'

const queries = new WeakMap<Ledger['sqlite'], { existing: Database.Statement; measures: Database.Statement }>()
/** writeRosterCase's reads, prepared once per database (an import writes thousands of cases). */
function caseQueries(ledger: Ledger): { existing: Database.Statement; measures: Database.Statement } {
  let q = queries.get(ledger.sqlite)
  if (!q) {
    q = {
      existing: ledger.sqlite.prepare('SELECT * FROM monitoring_cases WHERE household_id = ? AND substr(report_date, 1, 7) = ? ORDER BY id LIMIT 1'),
      measures: ledger.sqlite.prepare('SELECT id, kind, items, other_note FROM monitoring_measures WHERE case_id = ?'),
    }
    queries.set(ledger.sqlite, q)
  }
  return q
}

/** Writes the case (and its measures) for one household; the case of the same identification month is updated. */
export function writeRosterCase(ledger: Ledger, w: WriteScope, householdId: number, found: RosterCase, responsible: string | null): CaseOutcome {
  const q = caseQueries(ledger)
  const existing = q.existing
    .get(householdId, String(found.values.report_date).slice(0, 7)) as (Record<string, Value> & { id: number }) | undefined
  let caseId: number
  let outcome: CaseOutcome
  if (!existing) {
    caseId = w.insert('monitoring_cases', { ...found.values, household_id: householdId })
    outcome = 'new'
  } else {
    caseId = existing.id
    const patch: Record<string, Value> = {}
    for (const [k, v] of Object.entries(found.values)) {
      // A step the clerk recorded by hand stays as recorded; the file fills what is blank and its own columns.
      if (/_(date|by)$/.test(k) && existing[k] !== null && k !== 'report_date') continue
      if (String(existing[k] ?? '') !== String(v ?? '')) patch[k] = v
    }
    outcome = Object.keys(patch).length && w.update('monitoring_cases', caseId, patch).length ? 'changed' : 'unchanged'
  }
  const date = String(found.values.county_date ?? found.values.report_date)
  const have = q.measures.all(caseId) as { id: number; kind: string; items: string; other_note: string | null }[]
  for (const m of found.measures) {
    const items = JSON.stringify(m.items)
    const same = have.find((h) => h.kind === m.kind)
    if (!same) {
      w.insert('monitoring_measures', { case_id: caseId, kind: m.kind, items, other_note: m.other_note, measure_date: date, amount_fen: null, responsible: responsible ?? BY, note: null })
      if (outcome === 'unchanged') outcome = 'changed'
    } else if (same.items !== items || (same.other_note ?? null) !== m.other_note) {
      w.update('monitoring_measures', same.id, { items, other_note: m.other_note })
      if (outcome === 'unchanged') outcome = 'changed'
    }
  }
  return outcome
}

/**
 * The clerk's corrections of a monitoring case, for the monitoring roster's own layout: header →
 * the text the ledger's case gives, only for the columns whose meaning differs from what the file
 * said (the others keep the file's cells exactly). Empty when the household has no case.
 */
export function caseCorrections(ledger: Ledger, householdId: number, rows: readonly Record<string, string>[], household: { category: Value; identified: Value; size: number }): Map<string, string | null> {
  const out = new Map<string, string | null>()
  const stored = ledger.sqlite.prepare('SELECT * FROM monitoring_cases WHERE household_id = ? ORDER BY report_date DESC, id DESC LIMIT 1').get(householdId) as Record<string, Value> | undefined
  if (!stored) return out
  const measures = ledger.sqlite.prepare('SELECT kind, items, other_note FROM monitoring_measures WHERE case_id = ? ORDER BY id').all(stored.id) as { kind: string; items: string; other_note: string | null }[]
  // Defaults for blank cells are the stored ones, so a blank cell is not taken for a correction.
  const cells = householdCells(rows)
  const fromFile = MONITORING_ROSTER_HEADERS.some((h) => cells.has(normaliseHeaderText(h)))
  const file = fromFile ? caseFromCells(cells, { ...household, size: Number(stored.size_at_identification) }) : null
  // Only a household the file gave as monitored carries the file's monitoring cells to correct; a case
  // recorded in the ledger alone leaves the file's (blank) cells as they were, so the roster round-trips.
  if (!file) return out
  const was = file.values
  const text = (v: Value) => (v === null || v === undefined ? null : String(v))
  const money = (v: Value) => (v === null || v === undefined ? null : (Number(v) / 100).toFixed(2).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1'))
  const differs = (k: string) => String(was[k] ?? '') !== String(stored[k] ?? '')
  if (differs('risks')) {
    const risks = JSON.parse(String(stored.risks ?? '[]')) as string[]
    for (let i = 1; i <= 5; i++) out.set(`致贫/返贫风险${i}`, risks[i - 1] ?? null)
  }
  const plain: [string, string, (v: Value) => string | null][] = [
    ['risk_note', '致贫/返贫风险其他备注', text], ['found_by', '监测对象识别方式', text], ['size_at_identification', '识别时家庭人口数', text],
    ['income_at_identification_fen', '识别时家庭纯收入', money], ['returned_to_poverty', '是否返贫', text], ['fell_into_poverty', '是否致贫', text],
    ['township_opinion', '乡镇审核意见', text], ['county_opinion', '县级审定意见', text], ['elimination_method', '风险消除方式', text],
  ]
  for (const [k, header, f] of plain) if (differs(k)) out.set(header, f(stored[k] ?? null))
  if (differs('elim_county_date')) {
    out.set('风险是否已消除', stored.elim_county_date ? '是' : '否')
    out.set('消除监测时间', stored.elim_county_date ? String(stored.elim_county_date).slice(0, 7).replace('-', '') : null)
  }
  for (const i of INDICATORS) if (differs(i.key)) out.set(i.label, i.kind === 'yesno' ? text(stored[i.key] ?? null) : money(stored[i.key] ?? null))
  const fileMeasures = new Map(file.measures.map((m) => [m.kind, m]))
  for (const kind of MEASURE_KINDS) {
    const now = measures.filter((m) => m.kind === kind).flatMap((m) => JSON.parse(m.items) as string[])
    const before = fileMeasures.get(kind)?.items ?? []
    if (now.join(',') !== before.join(',')) out.set(kind, now.length ? [...new Set(now)].join(',') : null)
  }
  return new Map([...out].map(([k, v]) => [normaliseHeaderText(k), v]))
}
