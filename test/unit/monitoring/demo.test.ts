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
})
