/**
 * Runs kept, findings kept, waivers. A whole-ledger run replaces every open finding; a one-household
 * run replaces that household's findings of the rules it can decide alone (engine.isGlobal). A finding
 * keeps the run that first saw it (new since the last run = first seen by it or later). Findings are
 * derived from the ledger and rewritten on every run, so they are written straight in the run's
 * transaction, not field by field into the audit trail; the run itself and every waiver go through the
 * audited write path.
 */
import { LedgerError } from '../../../shared/api/result'
import type {
  CheckFindingView, CheckRunResult, CheckRunView, ChecksOverview, CheckSeverity, CheckSettingsInput,
} from '../../../shared/api/checks'
import { maskIdNumber, maskPhone } from '../../../shared/domain/id-number'
import type { Ledger } from '../db/open'
import { localToday } from '../households'
import { isGlobal, runRules, type Finding } from './engine'
import { loadLedgerData, readCheckSettings } from './load'
import { CATALOGUE, ruleByCode } from './rules/catalogue'
import { CATEGORIES, CATEGORY_LABELS, type Category } from './rules/types'

type Row = Record<string, unknown>

const latestLedgerRun = (ledger: Ledger): number =>
  (ledger.sqlite.prepare("SELECT max(id) FROM check_runs WHERE scope = 'ledger'").pluck().get() as number | null) ?? 0

function activeWaivers(ledger: Ledger, today: string): Set<string> {
  return new Set(ledger.sqlite.prepare('SELECT key FROM check_waivers WHERE expires IS NULL OR expires >= ?').pluck().all(today) as string[])
}

const INSERT = `INSERT INTO check_findings (key, rule, household_id, member_id, village_id, village, household_no, person, id_number, field, value,
  message, cells_json, first_run_id, last_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/** Findings whose key repeats (a rule over a person listed twice): the first is kept. */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)))
}

function insertFindings(ledger: Ledger, findings: Finding[], firstRun: Map<string, number>, runId: number, newRunId: number) {
  const stmt = ledger.sqlite.prepare(INSERT)
  for (const f of findings) {
    stmt.run(f.key, f.rule, f.householdId, f.memberId, f.villageId, f.village, f.householdNo, f.person, f.idNumber, f.field, f.value, f.message,
      JSON.stringify(f.cells), firstRun.get(f.key) ?? newRunId, runId)
  }
}

function runView(r: Row): CheckRunView {
  return {
    id: Number(r.id), scope: String(r.scope), asOf: String(r.as_of), actor: String(r.actor), at: String(r.created_at),
    open: Number(r.open_count), waived: Number(r.waived_count), new: Number(r.new_count), durationMs: Number(r.duration_ms),
  }
}

/** Every rule over the whole ledger for the as-of date; the run and its counts are kept. */
export function runLedgerChecks(ledger: Ledger, actor: string, asOf = localToday()): CheckRunResult & { findings: Finding[]; timings: Map<string, number> } {
  const started = performance.now()
  const data = loadLedgerData(ledger, asOf)
  const { findings: all, timings } = runRules(data, asOf)
  const findings = unique(all)
  const firstRun = new Map(ledger.sqlite.prepare('SELECT key, first_run_id FROM check_findings').raw().all() as [string, number][])
  const waived = activeWaivers(ledger, localToday())
  const counts: Record<string, { open: number; waived: number; new: number }> = {}
  let open = 0
  let waivedCount = 0
  let fresh = 0
  for (const f of findings) {
    const c = (counts[f.rule] ??= { open: 0, waived: 0, new: 0 })
    if (waived.has(f.key)) {
      c.waived++
      waivedCount++
    } else {
      c.open++
      open++
      if (!firstRun.has(f.key)) {
        c.new++
        fresh++
      }
    }
  }
  const notes = data.settings.lineFenByYear.size === 0 ? ['尚未填写任何年度的监测线（「监测设置」），与监测线比较的规则本次未检查。'] : []
  const runId = ledger.write.run({ actor }, (w) => {
    const id = w.insert('check_runs', {
      scope: 'ledger', as_of: asOf, actor, counts_json: JSON.stringify(counts), open_count: open, waived_count: waivedCount, new_count: fresh,
      duration_ms: Math.round(performance.now() - started),
    })
    ledger.sqlite.prepare('DELETE FROM check_findings').run()
    insertFindings(ledger, findings, firstRun, id, id)
    return id
  })
  const run = runView(ledger.sqlite.prepare('SELECT * FROM check_runs WHERE id = ?').get(runId) as Row)
  return { run, notes, findings, timings }
}

/** One household's rules re-run (after an edit): its findings of those rules replaced. */
export function runHouseholdChecks(ledger: Ledger, householdId: number, asOf = localToday()): void {
  const exists = ledger.sqlite.prepare('SELECT 1 FROM households WHERE id = ?').get(householdId)
  if (!exists) throw new LedgerError('not_found', `找不到编号为 ${householdId} 的户，可能已被删除。请返回列表刷新。`)
  const data = loadLedgerData(ledger, asOf, [householdId])
  const { findings } = runRules(data, asOf, { households: new Set([householdId]) })
  const local = CATALOGUE.filter((r) => !isGlobal(r)).map((r) => r.code)
  const latest = latestLedgerRun(ledger)
  const tx = ledger.sqlite.transaction(() => {
    const marks = local.map(() => '?').join(',')
    const firstRun = new Map(
      ledger.sqlite.prepare(`SELECT key, first_run_id FROM check_findings WHERE household_id = ? AND rule IN (${marks})`).raw().all(householdId, ...local) as [string, number][],
    )
    ledger.sqlite.prepare(`DELETE FROM check_findings WHERE household_id = ? AND rule IN (${marks})`).run(householdId, ...local)
    const taken = new Set(ledger.sqlite.prepare('SELECT key FROM check_findings WHERE household_id = ?').pluck().all(householdId) as string[])
    insertFindings(ledger, unique(findings).filter((f) => !taken.has(f.key)), firstRun, latest, latest + 1)
  })
  tx()
}

const maskValue = (field: string, v: string | null) => {
  if (v === null) return null
  if (field.includes('证件号码') || field.includes('残疾人证号')) return maskIdNumber(v)
  if (field.includes('电话')) return maskPhone(v)
  return v
}

function findingView(r: Row, latest: number, today: string): CheckFindingView {
  const rule = ruleByCode(String(r.rule))
  const field = String(r.field)
  const waived = r.w_reason !== null && r.w_reason !== undefined && (r.w_expires === null || String(r.w_expires) >= today)
  return {
    key: String(r.key), rule: String(r.rule), title: rule?.title ?? String(r.rule), category: rule?.category ?? '', severity: (rule?.severity ?? '疑点') as CheckSeverity,
    village: (r.village as string | null) ?? null, householdId: (r.household_id as number | null) ?? null, householdNo: (r.household_no as string | null) ?? null,
    person: (r.person as string | null) ?? null, idNumber: r.id_number ? maskIdNumber(String(r.id_number)) : null, field,
    value: maskValue(field, (r.value as string | null) ?? null), message: String(r.message), isNew: Number(r.first_run_id) >= latest && latest > 0,
    waiver: waived ? { reason: String(r.w_reason), by: String(r.w_by), on: String(r.w_on), expires: (r.w_expires as string | null) ?? null, source: String(r.w_source) } : null,
  }
}

const SELECT = `SELECT f.*, w.reason AS w_reason, w.waived_by AS w_by, w.waived_on AS w_on, w.expires AS w_expires, w.source AS w_source
  FROM check_findings f LEFT JOIN check_waivers w ON w.key = f.key`

export interface FindingFilter {
  status: 'open' | 'new' | 'waived' | 'all'
  rule?: string
  village?: string
  category?: string
  severity?: string
  householdId?: number
  offset: number
  limit: number
}

export function listFindings(ledger: Ledger, filter: FindingFilter): { total: number; items: CheckFindingView[] } {
  const today = localToday()
  const latest = latestLedgerRun(ledger)
  const where: string[] = []
  const params: unknown[] = []
  const codes = CATALOGUE.filter((r) => (!filter.category || r.category === filter.category) && (!filter.severity || r.severity === filter.severity) && (!filter.rule || r.code === filter.rule)).map((r) => r.code)
  if (filter.category || filter.severity || filter.rule) {
    where.push(`f.rule IN (${codes.map(() => '?').join(',') || "''"})`)
    params.push(...codes)
  }
  if (filter.village) {
    where.push('f.village = ?')
    params.push(filter.village)
  }
  if (filter.householdId !== undefined) {
    where.push('f.household_id = ?')
    params.push(filter.householdId)
  }
  const active = '(w.key IS NOT NULL AND (w.expires IS NULL OR w.expires >= ?))'
  if (filter.status === 'waived') {
    where.push(active)
    params.push(today)
  } else if (filter.status === 'open' || filter.status === 'new') {
    where.push(`NOT ${active}`)
    params.push(today)
    if (filter.status === 'new') {
      where.push('f.first_run_id >= ? AND ? > 0')
      params.push(latest, latest)
    }
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM (${SELECT}${clause})`).pluck().get(...params) as number
  const rows = ledger.sqlite.prepare(`${SELECT}${clause} ORDER BY f.rule, f.village, f.household_no, f.person LIMIT ? OFFSET ?`).all(...params, filter.limit, filter.offset) as Row[]
  return { total, items: rows.map((r) => findingView(r, latest, today)) }
}

/** Every finding (export, CLI), full ID numbers kept: the caller masks or logs. */
export function allFindings(ledger: Ledger, includeWaived: boolean): (CheckFindingView & { fullIdNumber: string | null; cells: Record<string, string | null> })[] {
  const today = localToday()
  const latest = latestLedgerRun(ledger)
  const rows = ledger.sqlite.prepare(`${SELECT} ORDER BY f.rule, f.village, f.household_no, f.person`).all() as Row[]
  return rows
    .map((r) => ({ ...findingView(r, latest, today), fullIdNumber: (r.id_number as string | null) ?? null, cells: JSON.parse(String(r.cells_json)) as Record<string, string | null> }))
    .filter((f) => includeWaived || f.waiver === null)
}

export function checksOverview(ledger: Ledger, coverage: { covered: number; total: number }): ChecksOverview {
  const today = localToday()
  const latest = latestLedgerRun(ledger)
  const counts = new Map(
    (ledger.sqlite.prepare(`SELECT f.rule AS rule,
        sum(CASE WHEN w.key IS NOT NULL AND (w.expires IS NULL OR w.expires >= ?) THEN 0 ELSE 1 END) AS open,
        sum(CASE WHEN w.key IS NOT NULL AND (w.expires IS NULL OR w.expires >= ?) THEN 1 ELSE 0 END) AS waived,
        sum(CASE WHEN (w.key IS NULL OR (w.expires IS NOT NULL AND w.expires < ?)) AND f.first_run_id >= ? AND ? > 0 THEN 1 ELSE 0 END) AS fresh
      FROM check_findings f LEFT JOIN check_waivers w ON w.key = f.key GROUP BY f.rule`).all(today, today, today, latest, latest) as Row[]).map((r) => [String(r.rule), r]),
  )
  const runs = (ledger.sqlite.prepare("SELECT * FROM check_runs WHERE scope = 'ledger' ORDER BY id DESC LIMIT 20").all() as Row[]).map(runView)
  return {
    lastRun: runs[0] ?? null,
    runs,
    rules: CATALOGUE.map((r) => {
      const c = counts.get(r.code)
      return {
        code: r.code, title: r.title, category: r.category, categoryLabel: CATEGORY_LABELS[r.category], severity: r.severity, covers: [...r.covers], fields: [...r.fields],
        open: Number(c?.open ?? 0), waived: Number(c?.waived ?? 0), new: Number(c?.fresh ?? 0),
      }
    }),
    villages: ledger.sqlite.prepare('SELECT DISTINCT village FROM check_findings WHERE village IS NOT NULL ORDER BY village').pluck().all() as string[],
    categories: CATEGORIES.map((c: Category) => ({ value: c, label: CATEGORY_LABELS[c] })),
    settings: readCheckSettings(ledger) as CheckSettingsInput,
    coverage,
  }
}

const subjectOf = (key: string) => key.slice(key.indexOf('|') + 1)

/** Waives findings by key (several at once); a waiver already there gets the new reason and expiry. */
export function waive(ledger: Ledger, actor: string, input: { keys: string[]; reason: string; expires?: string | null }, source = '本乡镇'): { added: number; updated: number } {
  const today = localToday()
  let added = 0
  let updated = 0
  ledger.write.run({ actor }, (w) => {
    const find = ledger.sqlite.prepare('SELECT id FROM check_waivers WHERE key = ?').pluck()
    for (const key of new Set(input.keys)) {
      const rule = key.slice(0, key.indexOf('|'))
      if (!ruleByCode(rule)) throw new LedgerError('invalid_input', `豁免项「${key}」不是已知规则的疑点，请刷新后重试`)
      const values = { reason: input.reason, waived_by: actor, waived_on: today, expires: input.expires ?? null, source }
      const id = find.get(key) as number | undefined
      if (id === undefined) {
        w.insert('check_waivers', { key, rule, subject: subjectOf(key), ...values })
        added++
      } else {
        w.update('check_waivers', id, values)
        updated++
      }
    }
  })
  return { added, updated }
}

export function unwaive(ledger: Ledger, actor: string, keys: string[]): number {
  let n = 0
  ledger.write.run({ actor }, (w) => {
    const find = ledger.sqlite.prepare('SELECT id FROM check_waivers WHERE key = ?').pluck()
    for (const key of new Set(keys)) {
      const id = find.get(key) as number | undefined
      if (id !== undefined) {
        w.delete('check_waivers', id)
        n++
      }
    }
  })
  return n
}

export function allWaivers(ledger: Ledger): Row[] {
  return ledger.sqlite.prepare('SELECT * FROM check_waivers ORDER BY rule, subject').all() as Row[]
}
