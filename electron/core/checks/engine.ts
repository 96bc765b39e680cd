/** Runs the catalogue's rules over record views and returns one finding per record a rule fires on. */
import type { LedgerData } from './data'
import { CATALOGUE } from './rules/catalogue'
import type { RecordKind, RecordViews, RuleDef } from './rules/types'
import { HelperView, ProjectView, RunContext, VillageView, type HouseholdView, type PersonView } from './views'

/**
 * One record a rule fired on. Holds what the findings table and the CLI read (key, record, field, value,
 * message); the columns the rule read (`cells`, for the workbook) are read from the record when asked,
 * not kept per finding.
 */
export class Finding {
  constructor(
    readonly rule: string,
    /** Stable across runs and re-imports: the rule and the record's national identity (证件号码, 户编号, 村). */
    readonly key: string,
    readonly householdId: number | null,
    readonly memberId: number | null,
    readonly villageId: number | null,
    readonly village: string | null,
    readonly householdNo: string | null,
    readonly person: string | null,
    readonly idNumber: string | null,
    readonly field: string,
    readonly value: string | null,
    readonly message: string,
    private readonly def: RuleDef,
    private readonly rec: RecordViews[RecordKind],
  ) {}

  /** Every column the rule read, as the record holds it. */
  get cells(): Record<string, string | null> {
    return cellsOf(this.def, this.rec)
  }
}

function cellsOf(rule: RuleDef, rec: RecordViews[RecordKind]): Record<string, string | null> {
  const cells: Record<string, string | null> = {}
  switch (rec.kind) {
    case 'person':
      for (const c of rule.fields) cells[c] = rec.get(c)
      return cells
    case 'household': {
      const h = rec
      const head = h.head ?? h.members[0] ?? null
      for (const c of rule.fields) cells[c] = head?.get(c) ?? h.get(c)
      return cells
    }
    case 'village':
      for (const c of rule.fields) cells[c] = rec.get(c)
      return cells
    case 'helper':
      return { 帮扶责任人: rec.label, 结对户数: String(rec.current.length) }
    case 'project':
      return { 项目名称: rec.label }
  }
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

function findingOf(rule: RuleDef, rec: RecordViews[RecordKind], ctx: RunContext, messages: Map<string, string>): Finding {
  const field = rule.field ?? rule.fields[0] ?? ''
  // Most of a rule's findings share a handful of messages: one string each.
  const text = rule.message(rec as never, ctx)
  let message = messages.get(text)
  if (message === undefined) messages.set(text, (message = text))
  const code = rule.code
  if (rec.kind === 'person') {
    const p = rec as PersonView
    const h = p.household
    const idNumber = p.m.id_number
    const key = `${code}|${idNumber ?? `${h.h.household_no ?? h.h.id}/${p.m.name}`}`
    return new Finding(code, key, h.h.id, p.m.id, h.h.village_id, h.village?.name ?? null, h.h.household_no, p.m.name, idNumber, field, p.get(field), message, rule, rec)
  }
  if (rec.kind === 'household') {
    const h = rec as HouseholdView
    const head = h.head ?? h.members[0] ?? null
    const key = `${code}|${h.h.household_no ? `户${h.h.household_no}` : `hh${h.h.id}`}`
    return new Finding(code, key, h.h.id, null, h.h.village_id, h.village?.name ?? null, h.h.household_no, head?.m.name ?? null, head?.m.id_number ?? null,
      field, h.get(field), message, rule, rec)
  }
  if (rec.kind === 'village') {
    const v = rec as VillageView
    return new Finding(code, `${code}|村${v.v.county}/${v.v.township}/${v.v.name}`, null, null, v.v.id, v.v.name, null, null, null, field, v.get(field), message, rule, rec)
  }
  if (rec.kind === 'helper') {
    const h = rec as HelperView
    return new Finding(code, `${code}|帮扶责任人${h.helper.id}`, null, null, null, null, null, h.label, null, field, String(h.current.length), message, rule, rec)
  }
  const p = rec as ProjectView
  return new Finding(code, `${code}|项目${p.project.id}`, null, null, null, null, null, null, null, field, p.label, message, rule, rec)
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
    const messages = new Map<string, string>()
    for (const rec of recs) if (rule.test(rec as never, ctx)) findings.push(findingOf(rule, rec, ctx, messages))
    timings.set(rule.code, performance.now() - started)
  }
  return { findings, timings }
}
