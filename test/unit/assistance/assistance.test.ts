import { afterEach, describe, expect, it } from 'vitest'
import type { OpName, OpResult } from '../../../shared/api/contract'
import { yuanTextToFen } from '../../../shared/domain/assistance'
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
  await jobEnd(events, (await call('demo.load', { households: 12 })).jobId)
  const [a, b] = core.ledger.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 2').pluck().all() as number[]
  return { core, call, raw, a: a!, b: b! }
}

describe('helpers and pairings', () => {
  it('pairs, refuses a second active pairing, keeps history when a pairing ends, and allows pairing again', async () => {
    const { call, raw, a, b } = await setup()
    const { id: helper } = await call('assistance.addHelper', { name: '王帮扶', unitName: '县农业农村局', title: '科长', phone: '13800001111' })
    const first = await call('assistance.pair', { helperId: helper, householdId: a, startDate: '2024-01-01' })
    await call('assistance.pair', { helperId: helper, householdId: b, startDate: '2024-02-01' })
    expect(await raw('assistance.pair', { helperId: helper, householdId: a, startDate: '2024-05-01' })).toMatchObject({
      ok: false,
      error: { code: 'already_paired', message: '王帮扶 自 2024-01-01 起已经结对帮扶这一户，无需重复结对。' },
    })
    expect(await raw('assistance.endPairing', { pairingId: first.id, endDate: '2023-12-31' })).toMatchObject({ ok: false, error: { field: 'endDate' } })
    await call('assistance.endPairing', { pairingId: first.id, endDate: '2025-06-30' })
    expect((await call('assistance.helpers', {}))[0]).toMatchObject({ name: '王帮扶', unitName: '县农业农村局', households: 1 })
    await call('assistance.pair', { helperId: helper, householdId: a, startDate: '2026-01-01' })
    const history = (await call('assistance.household', { householdId: a })).pairings
    expect(history.map((p) => [p.startDate, p.endDate])).toEqual([
      ['2026-01-01', null],
      ['2024-01-01', '2025-06-30'],
    ])
    // A second helper of the same unit reuses the unit.
    await call('assistance.addHelper', { name: '李帮扶', unitName: '县农业农村局' })
    expect(await raw('assistance.addHelper', { name: '赵帮扶', unitName: '县医院', phone: '12345' })).toMatchObject({ ok: false, error: { field: 'phone' } })
  })
})

describe('visits, aid and wishes', () => {
  it('records a visit with a wish, aid in exact 分, resolves the wish, and audits every write', async () => {
    const { call, raw, core, a } = await setup()
    await call('assistance.addVisit', { householdId: a, date: '2026-11-20', visitor: '王帮扶', findings: '屋顶漏雨', actions: '联系村委维修', wish: { content: '修缮屋顶', takenBy: '村委' } })
    await call('assistance.addAid', { householdId: a, date: '2026-02-01', aidKind: '现金', description: '春节慰问金', amount: '300', source: '县农业农村局' })
    await call('assistance.addAid', { householdId: a, date: '2026-03-01', aidKind: '物资', description: '化肥', amount: '1,234.5', source: '产业项目' })
    expect(await raw('assistance.addAid', { householdId: a, date: '2026-03-01', aidKind: '物资', description: '种子', amount: '三百' })).toMatchObject({ ok: false, error: { field: 'amount' } })
    const d = await call('assistance.household', { householdId: a })
    expect(d.visits).toEqual([{ id: expect.any(Number), date: '2026-11-20', visitor: '王帮扶', findings: '屋顶漏雨', actions: '联系村委维修' }])
    expect(d.aid.map((x) => [x.date, x.kind, x.amountFen])).toEqual([
      ['2026-03-01', '物资', 123450],
      ['2026-02-01', '现金', 30000],
    ])
    expect(d.wishes).toEqual([expect.objectContaining({ content: '修缮屋顶', takenBy: '村委', resolvedDate: null })])
    const wishId = d.wishes[0]!.id
    expect(await raw('assistance.resolveWish', { wishId, date: '2026-11-01', resolution: '已修缮' })).toMatchObject({ ok: false, error: { field: 'date' } })
    await call('assistance.resolveWish', { wishId, date: '2026-11-22', resolution: '村委已组织修缮' })
    expect(await raw('assistance.resolveWish', { wishId, date: '2026-11-23', resolution: 'x' })).toMatchObject({ ok: false, error: { code: 'already_resolved' } })
    const audit = core.ledger.sqlite.prepare("SELECT table_name, action, field FROM audit_log WHERE table_name IN ('visits', 'aid', 'wishes') AND batch IS NOT 'demo' ORDER BY id").all()
    expect(audit).toEqual([
      { table_name: 'visits', action: 'insert', field: null },
      { table_name: 'wishes', action: 'insert', field: null },
      { table_name: 'aid', action: 'insert', field: null },
      { table_name: 'aid', action: 'insert', field: null },
      { table_name: 'wishes', action: 'update', field: 'resolved_date' },
      { table_name: 'wishes', action: 'update', field: 'resolution' },
    ])
  })

  it('reads yuan amounts exactly', () => {
    expect(yuanTextToFen('0.1')).toBe(10)
    expect(yuanTextToFen('1,000.05')).toBe(100005)
    expect(yuanTextToFen('12.345')).toBeNull()
    expect(yuanTextToFen('-5')).toBeNull()
  })
})
