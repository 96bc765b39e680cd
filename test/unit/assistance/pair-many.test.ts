import { afterEach, describe, expect, it } from 'vitest'
import type { OpName, OpResult } from '../../../shared/api/contract'
import type { CoreContext } from '../../../electron/core/context'
import { dispatch } from '../../../electron/core/dispatch'
import { jobEnd, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

async function setup() {
  const { core, events } = testCore()
  cores.push(core)
  const raw = (name: OpName, input: unknown) => dispatch(core, name, input)
  const call = async <K extends OpName>(name: K, input: unknown): Promise<OpResult<K>> => {
    const r = await raw(name, input)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as OpResult<K>
  }
  await jobEnd(events, (await call('demo.load', { households: 10 })).jobId)
  const ids = core.ledger.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 4').pluck().all() as number[]
  return { core, call, raw, ids }
}

describe('assistance.pairMany', () => {
  it('pairs the selected households in one audited transaction and names those already paired as skipped', async () => {
    const { core, call, ids } = await setup()
    const db = core.ledger.sqlite
    const { id: helperId } = await call('assistance.addHelper', { name: '周结对', unitName: '县水利局' })
    await call('assistance.pair', { helperId, householdId: ids[1], startDate: '2025-03-01' })
    const auditBefore = db.prepare("SELECT count(*) FROM audit_log WHERE table_name = 'pairings'").pluck().get() as number
    const r = await call('assistance.pairMany', { helperId, householdIds: [...ids, ids[0]], startDate: '2026-01-05' })
    expect(r.paired).toBe(3)
    const h = db.prepare('SELECT household_no FROM households WHERE id = ?').pluck().get(ids[1]) as string
    expect(r.skipped).toHaveLength(1)
    expect(r.skipped[0]).toContain(`户编号 ${h}`)
    expect(r.skipped[0]).toContain('自 2025-03-01 起已与周结对结对')
    const rows = db.prepare('SELECT household_id, start_date FROM pairings WHERE helper_id = ? AND end_date IS NULL ORDER BY household_id').all(helperId)
    expect(rows).toEqual(ids.map((id) => ({ household_id: id, start_date: id === ids[1] ? '2025-03-01' : '2026-01-05' })))
    const audited = db.prepare("SELECT count(*) FROM audit_log WHERE table_name = 'pairings' AND action = 'insert'").pluck().get() as number
    expect(audited - auditBefore).toBe(3)
    expect((await call('assistance.helpers', {})).find((x) => x.id === helperId)?.households).toBe(4)
    // All already paired: nothing written, each named.
    const again = await call('assistance.pairMany', { helperId, householdIds: ids.slice(0, 2), startDate: '2026-02-01' })
    expect(again).toMatchObject({ paired: 0 })
    expect(again.skipped).toHaveLength(2)
  })

  it('refuses the whole batch when a household or the helper is gone', async () => {
    const { core, call, raw, ids } = await setup()
    const { id: helperId } = await call('assistance.addHelper', { name: '吴结对', unitName: '县教育局' })
    expect(await raw('assistance.pairMany', { helperId, householdIds: [ids[0], 999999], startDate: '2026-01-05' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('编号 999999') },
    })
    expect(core.ledger.sqlite.prepare('SELECT count(*) FROM pairings WHERE helper_id = ?').pluck().get(helperId)).toBe(0)
    expect(await raw('assistance.pairMany', { helperId: 999999, householdIds: ids, startDate: '2026-01-05' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: '找不到这位帮扶责任人，请刷新后重试。' },
    })
    expect(await raw('assistance.pairMany', { helperId, householdIds: [], startDate: '2026-01-05' })).toMatchObject({ ok: false })
  })
})
