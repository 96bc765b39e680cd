import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { jobEnd, opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

describe('调整村组', () => {
  it('moves a household to another village and a new 组, audited with the names', async () => {
    const { core, events } = testCore()
    cores.push(core)
    const { call, raw } = opCaller(core)
    await jobEnd(events, (await call('demo.load', { households: 12 })).jobId)
    const db = core.ledger.sqlite
    const [from, to] = db.prepare('SELECT id, name FROM villages ORDER BY id LIMIT 2').all() as { id: number; name: string }[]
    const household = db.prepare('SELECT id FROM households WHERE village_id = ? LIMIT 1').pluck().get(from!.id) as number
    const before = (await call('households.get', { id: household })).groupName

    expect(await call('households.move', { id: household, villageId: to!.id, groupName: ' 9组 ' })).toEqual({ changed: ['village_id', 'group_id'] })
    const moved = await call('households.get', { id: household })
    expect([moved.villageName, moved.groupName]).toEqual([to!.name, '9组'])
    expect(db.prepare('SELECT count(*) FROM village_groups WHERE village_id = ? AND name = ?').pluck().get(to!.id, '9组')).toBe(1)
    // The same 组 again is reused; no change, no audit rows.
    expect(await call('households.move', { id: household, villageId: to!.id, groupName: '9组' })).toEqual({ changed: [] })

    const history = (await call('households.changes', { id: household })).filter((c) => c.field === 'village_id' || c.field === 'group_id')
    expect(history.map((c) => [c.fieldLabel, c.oldValue, c.newValue])).toEqual(
      expect.arrayContaining([
        ['行政村', from!.name, to!.name],
        ['组', before, '9组'],
      ]),
    )
    expect(await raw('households.move', { id: household, villageId: 99_999, groupName: null })).toMatchObject({ ok: false, error: { field: 'villageId' } })
  })
})
