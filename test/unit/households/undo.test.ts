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
  const id = core.ledger.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 1').pluck().get() as number
  return { db: core.ledger.sqlite, call, raw, id }
}

describe('households.undoChange', () => {
  it('writes the old value back through the audited path, so the undo shows in 修改记录', async () => {
    const { db, call, id } = await setup()
    const before = db.prepare('SELECT phone, wage_income_fen FROM households WHERE id = ?').get(id) as { phone: string | null; wage_income_fen: number | null }
    await call('households.update', { id, patch: { phone: '13911112222' } })
    await call('households.update', { id, patch: { wage_income_fen: '12345.67' }, replaceRosterIncome: true })
    const changes = await call('households.changes', { id })
    const wage = changes.find((c) => c.field === 'wage_income_fen')!
    const phone = changes.find((c) => c.field === 'phone')!
    expect(wage).toMatchObject({ undoable: true, newValue: '12345.67' })
    expect(phone.undoable).toBe(true)
    await call('households.undoChange', { changeId: wage.id })
    const after = db.prepare('SELECT wage_income_fen, typeof(wage_income_fen) AS t FROM households WHERE id = ?').get(id) as { wage_income_fen: number | null; t: string }
    expect(after.wage_income_fen).toBe(before.wage_income_fen)
    if (before.wage_income_fen !== null) expect(after.t).toBe('integer')
    // The undo is itself in 修改记录 (with 人均纯收入 following the income parts again).
    const latest = (await call('households.changes', { id })).find((c) => c.field === 'wage_income_fen')!
    expect(latest.id).toBeGreaterThan(wage.id)
    expect(latest).toMatchObject({ field: 'wage_income_fen', oldValue: '12345.67', action: 'update', undoable: true })
    // The undone change is no longer the newest one of its field.
    expect((await call('households.changes', { id })).find((c) => c.id === wage.id)?.undoable).toBe(false)
    await call('households.undoChange', { changeId: phone.id })
    expect(db.prepare('SELECT phone FROM households WHERE id = ?').pluck().get(id)).toBe(before.phone)
  })

  it('undoes a member change and refuses when the field changed since, the record is gone, or the row is not a field change', async () => {
    const { db, call, raw, id } = await setup()
    const m = db.prepare("SELECT id, name FROM members WHERE household_id = ? AND relation <> '户主' AND removed_reason IS NULL LIMIT 1").get(id) as { id: number; name: string }
    await call('households.updateMember', { memberId: m.id, patch: { name: '改名甲' } })
    await call('households.updateMember', { memberId: m.id, patch: { name: '改名乙' } })
    const names = (await call('households.changes', { id })).filter((c) => c.field === 'name')
    const [second, first] = names
    expect(second).toMatchObject({ newValue: '改名乙', undoable: true })
    expect(first).toMatchObject({ newValue: '改名甲', undoable: false })
    expect(await raw('households.undoChange', { changeId: first!.id })).toMatchObject({
      ok: false,
      error: { code: 'cannot_undo', message: expect.stringContaining('此后又被修改过') },
    })
    await call('households.undoChange', { changeId: second!.id })
    expect(db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(m.id)).toBe('改名甲')

    // Changed outside the write path (no audit row): the value is not what the change left.
    await call('households.updateMember', { memberId: m.id, patch: { name: '改名丙' } })
    const third = (await call('households.changes', { id })).find((c) => c.field === 'name')!
    db.prepare('UPDATE members SET name = ? WHERE id = ?').run('外部改动', m.id)
    expect(await raw('households.undoChange', { changeId: third.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('现在的值与这次修改后的值不同') } })
    // The record is gone.
    db.prepare('UPDATE members SET name = ? WHERE id = ?').run('改名丙', m.id)
    db.pragma('foreign_keys = OFF')
    db.prepare('DELETE FROM members WHERE id = ?').run(m.id)
    db.pragma('foreign_keys = ON')
    expect(await raw('households.undoChange', { changeId: third.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('已不存在') } })
    const insert = db.prepare("SELECT id FROM audit_log WHERE action = 'insert' AND table_name = 'households' AND record_id = ?").pluck().get(id) as number
    expect(await raw('households.undoChange', { changeId: insert })).toMatchObject({ ok: false, error: { code: 'cannot_undo' } })
    expect(await raw('households.undoChange', { changeId: 99999999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
