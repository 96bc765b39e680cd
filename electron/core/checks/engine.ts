/** Runs the catalogue's rules over record views and returns one finding per record a rule fires on. */
import type { LedgerData } from './data'
import { CATALOGUE } from './rules/catalogue'
import type { RecordKind, RecordViews, RuleDef } from './rules/types'
import { HelperView, ProjectView, RunContext, VillageView, type HouseholdView, type PersonView } from './views'

export interface Finding {
  rule: string
  /** Stable across runs and re-imports: the rule and the record's national identity (证件号码, 户编号, 村). */
  key: string
  householdId: number | null
  memberId: number | null
  villageId: number | null
  village: string | null
  householdNo: string | null
  person: string | null
  idNumber: string | null
  field: string
  value: string | null
  message: string
  /** Every column the rule read, as the record holds it. */
  cells: Record<string, string | null>
}

export interface RunResult {
  findings: Finding[]
  /** Milliseconds per rule. */
  timings: Map<string, number>
}

/** A rule reads the whole ledger (an index over every record), so a one-household run cannot decide it. */
export const isGlobal = (r: RuleDef) => r.record === 'village' || r.record === 'helper' || r.record === 'project' || GLOBAL.has(r.code)
const GLOBAL = new Set(['identity.duplicate-id', 'phone.shared-across-households', 'ledger.same-person-two-households'])

function recordsOf(kind: RecordKind, ctx: RunContext, only: ReadonlySet<number> | null): RecordViews[RecordKind][] {
  const hh = only ? ctx.households.filter((h) => only.has(h.h.id)) : ctx.households
  switch (kind) {
    case 'person': return hh.flatMap((h) => h.members)
    case 'household': return hh
    case 'departed': return ctx.departed.filter((h) => !only || only.has(h.h.id))
    case 'village': return ctx.data.villages.map((v) => new VillageView(v, ctx))
    case 'helper': {
      const by = new Map<number, typeof ctx.data.pairings>()
      for (const p of ctx.data.pairings) by.set(p.helper_id, [...(by.get(p.helper_id) ?? []), p])
      return ctx.data.helpers.map((h) => new HelperView(h, by.get(h.id) ?? [], ctx))
    }
    case 'project': return ctx.data.projects.map((p) => new ProjectView(p, ctx))
  }
}

function findingOf(rule: RuleDef, rec: RecordViews[RecordKind], ctx: RunContext): Finding {
  const field = rule.field ?? rule.fields[0] ?? ''
  const message = rule.message(rec as never, ctx)
  const base = { rule: rule.code, field, message }
  const cellsOf = (get: (c: string) => string | null) => Object.fromEntries(rule.fields.map((c) => [c, get(c)]))
  if (rec.kind === 'person') {
    const p = rec as PersonView
    const h = p.household
    const idNumber = p.m.id_number
    return {
      ...base, key: `${rule.code}|${idNumber ?? `${h.h.household_no ?? h.h.id}/${p.m.name}`}`,
      householdId: h.h.id, memberId: p.m.id, villageId: h.h.village_id, village: h.village?.name ?? null, householdNo: h.h.household_no,
      person: p.m.name, idNumber, value: p.get(field), cells: cellsOf((c) => p.get(c)),
    }
  }
  if (rec.kind === 'household') {
    const h = rec as HouseholdView
    const head = h.head ?? h.members[0] ?? null
    return {
      ...base, key: `${rule.code}|${h.h.household_no ? `户${h.h.household_no}` : `hh${h.h.id}`}`,
      householdId: h.h.id, memberId: null, villageId: h.h.village_id, village: h.village?.name ?? null, householdNo: h.h.household_no,
      person: head?.m.name ?? null, idNumber: head?.m.id_number ?? null, value: h.get(field), cells: cellsOf((c) => head?.get(c) ?? h.get(c)),
    }
  }
  if (rec.kind === 'village') {
    const v = rec as VillageView
    return {
      ...base, key: `${rule.code}|村${v.v.county}/${v.v.township}/${v.v.name}`, householdId: null, memberId: null, villageId: v.v.id, village: v.v.name,
      householdNo: null, person: null, idNumber: null, value: v.get(field), cells: cellsOf((c) => v.get(c)),
    }
  }
  if (rec.kind === 'helper') {
    const h = rec as HelperView
    return {
      ...base, key: `${rule.code}|帮扶责任人${h.helper.id}`, householdId: null, memberId: null, villageId: null, village: null, householdNo: null,
      person: h.label, idNumber: null, value: String(h.current.length), cells: { 帮扶责任人: h.label, 结对户数: String(h.current.length) },
    }
  }
  const p = rec as ProjectView
  return {
    ...base, key: `${rule.code}|项目${p.project.id}`, householdId: null, memberId: null, villageId: null, village: null, householdNo: null,
    person: null, idNumber: null, value: p.label, cells: { 项目名称: p.label },
  }
}

/** Extra findings a rule yields per record beyond the one (a project with several beneficiaries out of the roster yields one per household). */
export function runRules(
  data: LedgerData,
  asOf: string,
  options: { rules?: readonly RuleDef[]; households?: ReadonlySet<number> } = {},
): RunResult {
  const ctx = new RunContext(data, asOf)
  const only = options.households ?? null
  const rules = (options.rules ?? CATALOGUE).filter((r) => !only || !isGlobal(r))
  const findings: Finding[] = []
  const timings = new Map<string, number>()
  const byKind = new Map<RecordKind, RecordViews[RecordKind][]>()
  for (const rule of rules) {
    const started = performance.now()
    let recs = byKind.get(rule.record)
    if (!recs) byKind.set(rule.record, (recs = recordsOf(rule.record, ctx, only)))
    for (const rec of recs) if (rule.test(rec as never, ctx)) findings.push(findingOf(rule, rec, ctx))
    timings.set(rule.code, performance.now() - started)
  }
  return { findings, timings }
}
