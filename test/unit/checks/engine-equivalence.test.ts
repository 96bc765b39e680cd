/**
 * The engine's run (one context for every rule, per-record reads not kept, findings that read their
 * columns from the record when asked) against a straightforward evaluation: every rule over every
 * record of its kind with a fresh context of its own, the key and the columns built here from the
 * record. A generated demo township (a few hundred households, with work spells added as the bench
 * adds them) must give the same findings, in the same order; the per-rule counts are pinned so that a
 * change in what a rule finds shows up here.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { runRules } from '../../../electron/core/checks/engine'
import type { LedgerData } from '../../../electron/core/checks/data'
import { loadLedgerData } from '../../../electron/core/checks/load'
import { CATALOGUE } from '../../../electron/core/checks/rules/catalogue'
import type { RecordKind, RecordViews, RuleDef } from '../../../electron/core/checks/rules/types'
import { runLedgerChecks } from '../../../electron/core/checks/store'
import { HelperView, ProjectView, RunContext, VillageView, type HouseholdView, type PersonView } from '../../../electron/core/checks/views'
import { loadDemo } from '../../../electron/core/demo/load'
import { testCore } from '../../helpers/core'

const AS_OF = '2026-06-30'
const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

function township(): { core: CoreContext; data: LedgerData } {
  const { core } = testCore()
  cores.push(core)
  loadDemo(core.ledger, 100, { actor: 'test', progress: () => undefined, checkCancelled: () => undefined })
  const data = loadLedgerData(core.ledger, AS_OF)
  let i = 0
  data.workSpells = data.households.flatMap((h) => h.members).filter((m) => m.id_number && i++ % 3 === 0).map((m, k) => ({
    id_number: m.id_number!, planned: k % 10 === 0, start: `20${20 + (k % 6)}-0${1 + (k % 9)}`, end: k % 4 === 0 ? '2025-12' : null,
    cells: { 是否已务工: '是', 务工所在县: k % 5 ? '宁波市北仑区' : '', 就业渠道: k % 7 ? '企业招聘' : '公益岗位', 务工月收入: String(800 + (k % 50) * 100), 年度交通费补助: k % 3 ? '0' : '500' },
  }))
  return { core, data }
}

function recordsOf(kind: RecordKind, ctx: RunContext): RecordViews[RecordKind][] {
  switch (kind) {
    case 'person': return ctx.households.flatMap((h) => h.members)
    case 'household': return ctx.households
    case 'departed': return ctx.departed
    case 'village': return ctx.data.villages.map((v) => new VillageView(v, ctx))
    case 'helper': return ctx.data.helpers.map((h) => new HelperView(h, ctx.data.pairings.filter((p) => p.helper_id === h.id), ctx))
    case 'project': return ctx.data.projects.map((p) => new ProjectView(p, ctx))
  }
}

/** One line per finding: rule, key, record, field, value, message and every column the rule read. */
function expected(rule: RuleDef, rec: RecordViews[RecordKind], ctx: RunContext): string {
  const field = rule.field ?? rule.fields[0] ?? ''
  const cols = (get: (c: string) => string | null) => rule.fields.map((c) => [c, get(c)])
  let who: unknown[]
  if (rec.kind === 'person') {
    const p = rec as PersonView
    const h = p.household.h
    who = [`${rule.code}|${p.m.id_number ?? `${h.household_no ?? h.id}/${p.m.name}`}`, h.id, p.m.id, p.m.name, p.m.id_number, p.get(field), cols((c) => p.get(c))]
  } else if (rec.kind === 'household') {
    const h = rec as HouseholdView
    const head = h.members.find((m) => m.m.relation === '户主') ?? h.members[0] ?? null
    who = [`${rule.code}|${h.h.household_no ? `户${h.h.household_no}` : `hh${h.h.id}`}`, h.h.id, null, head?.m.name ?? null, head?.m.id_number ?? null, h.get(field),
      cols((c) => head?.get(c) ?? h.get(c))]
  } else if (rec.kind === 'village') {
    const v = rec as VillageView
    who = [`${rule.code}|村${v.v.county}/${v.v.township}/${v.v.name}`, null, null, null, null, v.get(field), cols((c) => v.get(c))]
  } else if (rec.kind === 'helper') {
    const h = rec as HelperView
    who = [`${rule.code}|帮扶责任人${h.helper.id}`, null, null, h.label, null, String(h.current.length), [['帮扶责任人', h.label], ['结对户数', String(h.current.length)]]]
  } else {
    const p = rec as ProjectView
    who = [`${rule.code}|项目${p.project.id}`, null, null, null, null, p.label, [['项目名称', p.label]]]
  }
  return JSON.stringify([rule.code, field, rule.message(rec as never, ctx), ...who])
}

describe('the engine over a generated township', () => {
  it('finds exactly what every rule finds record by record, in the same order', () => {
    const { core, data } = township()
    const straight: string[] = []
    for (const rule of CATALOGUE) {
      const ctx = new RunContext(data, AS_OF)
      for (const rec of recordsOf(rule.record, ctx)) if (rule.test(rec as never, ctx)) straight.push(expected(rule, rec, ctx))
    }
    const { findings } = runRules(data, AS_OF)
    const engine = findings.map((f) => JSON.stringify([f.rule, f.field, f.message, f.key, f.householdId, f.memberId, f.person, f.idNumber, f.value, Object.entries(f.cells)]))
    expect(engine.length).toBe(straight.length)
    expect(engine).toEqual(straight)

    const counts: Record<string, number> = {}
    for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1
    expect(counts).toMatchSnapshot()

    // The store writes one row per key, with the columns the finding read.
    const run = runLedgerChecks(core.ledger, 'test', AS_OF)
    const rows = core.ledger.sqlite.prepare('SELECT key, cells_json FROM check_findings').raw().all() as [string, string][]
    expect(rows.length).toBe(run.run.open)
    const byKey = new Map(run.findings.map((f) => [f.key, f]))
    for (const [key, cells] of rows) expect(JSON.parse(cells)).toEqual(byKey.get(key)!.cells)
  })
})
