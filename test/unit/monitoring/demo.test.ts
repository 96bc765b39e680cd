/** The demo township's monitoring cases follow the rules and agree with the status history. */
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { jobEnd, opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

describe('demo township monitoring', () => {
  it('loads cases in every state, with their status events, and reloads without duplicates', async () => {
    const { core, events } = testCore()
    cores.push(core)
    const { call } = opCaller(core)
    const load = async () => jobEnd(events, (await call('demo.load', { households: 120 })).jobId)
    await load()
    await load()
    const db = core.ledger.sqlite
    const cases = db.prepare('SELECT household_id, category, county_date, elim_county_date FROM monitoring_cases ORDER BY id').all() as
      { household_id: number; category: string; county_date: string | null; elim_county_date: string | null }[]
    expect(cases.length).toBeGreaterThanOrEqual(3)
    const states = new Set((await Promise.all(cases.map(async (c) => (await call('monitoring.household', { householdId: c.household_id })).cases[0]!.state))))
    expect(states).toEqual(new Set(['已消除', '监测中', '识别中']))
    for (const c of cases) {
      const kinds = (await call('households.statusEvents', { id: c.household_id })).map((e) => e.kind)
      expect(kinds).toEqual([...(c.county_date ? ['纳入监测'] : []), ...(c.elim_county_date ? ['风险消除'] : [])])
      const type = db.prepare('SELECT household_type FROM households WHERE id = ?').pluck().get(c.household_id)
      expect(c.category === '脱贫不稳定户').toBe(type === '脱贫户')
    }
    expect((await call('monitoring.settings', {})).map((s) => s.year)).toEqual([2026, 2025, 2024, 2023])
  })

  it('移除示例数据 takes the demo\'s cases and its yearly settings, and keeps a year the clerk saved', async () => {
    const { core, events } = testCore()
    cores.push(core)
    const { call } = opCaller(core)
    await jobEnd(events, (await call('demo.load', { households: 120 })).jobId)
    expect((await call('monitoring.settings', {})).every((s) => s.isDemo)).toBe(true)
    // The clerk enters their province's 2025 figures over the demo's: the row becomes theirs.
    await call('monitoring.saveSettings', { year: 2025, line: '7650', publicityDays: 7, minMonthsBeforeElimination: 6, reminderDaysWithoutMeasure: 20 })
    await call('demo.remove', {})
    const db = core.ledger.sqlite
    expect(db.prepare('SELECT COUNT(*) FROM monitoring_cases').pluck().get()).toBe(0)
    expect(await call('monitoring.settings', {})).toMatchObject([{ year: 2025, lineFen: 765_000, publicityDays: 7, isDemo: false }])
    // Audited like the rest of the demo's removal.
    expect(db.prepare("SELECT COUNT(*) FROM audit_log WHERE table_name = 'monitoring_settings' AND action = 'delete'").pluck().get()).toBe(3)
  })
})
