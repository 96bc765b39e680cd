import { afterEach, describe, expect, it } from 'vitest'
import type { OpName, OpResult } from '../../../shared/api/contract'
import { dispatch } from '../../../electron/core/dispatch'
import type { CoreContext } from '../../../electron/core/context'
import path from 'node:path'
import type { LedgerEvent } from '../../../shared/api/jobs'
import { createCore } from '../../../electron/core/create-core'
import { jobEnd, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'
import { maskIdNumber } from '../../../shared/domain/id-number'

const open: CoreContext[] = []
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})

async function setup(households = 120) {
  const t = testCore()
  open.push(t.core)
  const call = async <K extends OpName>(name: K, input: unknown): Promise<OpResult<K>> => {
    const r = await dispatch(t.core, name, input)
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.value as OpResult<K>
  }
  const started = await call('demo.load', { households })
  const end = await jobEnd(t.events, started.jobId)
  expect(end).toMatchObject({ type: 'job.done', result: { households } })
  return { ...t, call }
}

const head = (core: CoreContext, where = '1 = 1') =>
  core.ledger.sqlite
    .prepare(`SELECT m.name, m.id_number, m.household_id, h.household_no FROM members m JOIN households h ON h.id = m.household_id WHERE m.relation = '户主' AND ${where} ORDER BY m.id LIMIT 1`)
    .get() as { name: string; id_number: string; household_id: number; household_no: string }

describe('household list and search', () => {
  it('lists every household, paged, with head, size and status', async () => {
    const { call, core } = await setup()
    const page1 = await call('households.list', { page: 1, pageSize: 50 })
    expect(page1.total).toBe(120)
    expect(page1.items).toHaveLength(50)
    const page3 = await call('households.list', { page: 3, pageSize: 50 })
    expect(page3.items).toHaveLength(20)
    const ids = new Set([...page1.items, ...page3.items].map((i) => i.id))
    expect(ids.size).toBe(70)
    const h = head(core)
    const item = [...page1.items, ...page3.items, ...(await call('households.list', { page: 2, pageSize: 50 })).items].find((i) => i.id === h.household_id)!
    expect(item).toMatchObject({ headName: h.name, headIdNumber: maskIdNumber(h.id_number), householdNo: h.household_no })
    const size = core.ledger.sqlite.prepare('SELECT count(*) AS n FROM members WHERE household_id = ?').get(h.household_id) as { n: number }
    expect(item.memberCount).toBe(size.n)
  })

  it('finds by name, by the whole ID or its last digits, by 户编号 and by phone', async () => {
    const { call, core } = await setup()
    const h = head(core)
    const byName = await call('households.list', { search: h.name })
    expect(byName.items.map((i) => i.id)).toContain(h.household_id)
    for (const i of byName.items) {
      const names = core.ledger.sqlite.prepare('SELECT name FROM members WHERE household_id = ?').all(i.id) as { name: string }[]
      expect(names.some((n) => n.name.includes(h.name))).toBe(true)
    }
    expect((await call('households.list', { search: h.id_number })).items.map((i) => i.id)).toEqual([h.household_id])
    const tail = h.id_number.slice(-6)
    const byTail = await call('households.list', { search: tail })
    expect(byTail.items.map((i) => i.id)).toContain(h.household_id)
    expect((await call('households.list', { search: h.household_no })).items.map((i) => i.id)).toEqual([h.household_id])
    const phone = core.ledger.sqlite.prepare('SELECT phone FROM households WHERE id = ?').get(h.household_id) as { phone: string }
    expect((await call('households.list', { search: phone.phone })).items.map((i) => i.id)).toContain(h.household_id)
    expect((await call('households.list', { search: '没有这个人' })).total).toBe(0)
    // LIKE wildcards typed by a clerk match literally.
    expect((await call('households.list', { search: '%' })).total).toBe(0)
  })

  it('finds members by pinyin: initials, full pinyin, or its beginning', async () => {
    const { call, core } = await setup()
    const { pinyinKey } = await import('../../../electron/core/db/pinyin-key')
    const h = head(core)
    const key = pinyinKey(h.name)!
    const [, full, initials] = key.split('|')
    for (const q of [initials!, full!, full!.slice(0, Math.max(2, full!.length - 2)), initials!.toUpperCase()]) {
      const found = await call('households.list', { search: q, pageSize: 500 })
      expect(found.items.map((i) => i.id)).toContain(h.household_id)
      for (const i of found.items) {
        const keys = core.ledger.sqlite.prepare('SELECT name_pinyin FROM members WHERE household_id = ?').pluck().all(i.id) as string[]
        expect(keys.some((k) => k.includes(`|${q.toLowerCase()}`))).toBe(true)
      }
    }
    expect(pinyinKey('张三丰')).toBe('|zhangsanfeng|zsf|')
    expect(pinyinKey('曾小贤')).toBe('|zengxiaoxian|zxx|')
    // Renaming keeps the key in step.
    const memberId = core.ledger.sqlite.prepare("SELECT id FROM members WHERE household_id = ? AND relation = '户主'").pluck().get(h.household_id) as number
    core.ledger.write.run({ actor: 't' }, (w) => w.update('members', memberId, { name: '张三丰' }))
    expect((await call('households.list', { search: 'zsf' })).items.map((i) => i.id)).toContain(h.household_id)
    const audit = core.ledger.sqlite.prepare("SELECT field FROM audit_log WHERE record_id = ? AND table_name = 'members' AND action = 'update'").pluck().all(memberId)
    expect(audit).toEqual(['name'])
  })

  it('filters by group, 户类型, 致贫原因, 监测对象类别, helper and 三保障 gap, and leaves out households marked 移出', async () => {
    const { call, core } = await setup()
    const count = (where: string, ...p: unknown[]) => core.ledger.sqlite.prepare(`SELECT count(*) FROM households WHERE ${where}`).pluck().get(...p) as number
    const villages = await call('households.villages', {})
    const group = villages[0]!.groups[0]!
    expect((await call('households.list', { groupId: group.id })).total).toBe(count('group_id = ?', group.id))
    expect((await call('households.list', { householdType: '监测户' })).total).toBe(count("household_type = '监测户'"))
    expect((await call('households.list', { mainCause: '因病' })).total).toBe(count("main_cause = '因病'"))
    expect((await call('households.list', { monitoringCategory: '边缘易致贫户' })).total).toBe(count("monitoring_category = '边缘易致贫户'"))
    // By helper (current pairings only) and by a 两不愁三保障 gap.
    const [x, y] = core.ledger.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 2').pluck().all() as [number, number]
    const { id: helper } = await call('assistance.addHelper', { name: '王帮扶', unitName: '县农业农村局' })
    await call('assistance.pair', { helperId: helper, householdId: x, startDate: '2024-01-01' })
    const ended = await call('assistance.pair', { helperId: helper, householdId: y, startDate: '2024-01-01' })
    await call('assistance.endPairing', { pairingId: ended.id, endDate: '2025-01-01' })
    expect((await call('households.list', { helperId: helper })).items.map((i) => i.id)).toEqual([x])
    core.ledger.write.run({ actor: 't' }, (w) => w.update('households', y, { guarantee_housing: '有短板', guarantee_housing_note: 'C级危房' }))
    expect((await call('households.list', { guaranteeGap: true })).items.map((i) => i.id)).toEqual([y])
    const first = head(core)
    core.ledger.write.run({ actor: 't' }, (w) => w.update('households', first.household_id, { removed_reason: '迁出', removed_date: '2026-11-01' }))
    expect((await call('households.list', { pageSize: 500 })).items.map((i) => i.id)).not.toContain(first.household_id)
  })

  it('filters by village and exit status, combined with search', async () => {
    const { call, core } = await setup()
    const villages = await call('households.villages', {})
    expect(villages).toHaveLength(6)
    expect(villages.every((v) => v.isDemo && v.householdCount === 20)).toBe(true)
    const v = villages[0]!
    const inVillage = await call('households.list', { villageId: v.id, pageSize: 500 })
    expect(inVillage.total).toBe(20)
    expect(inVillage.items.every((i) => i.villageName === v.name)).toBe(true)
    const expected = core.ledger.sqlite.prepare("SELECT count(*) AS n FROM households WHERE village_id = ? AND exit_status = '未脱贫'").get(v.id) as { n: number }
    const filtered = await call('households.list', { villageId: v.id, exitStatus: '未脱贫' })
    expect(filtered.total).toBe(expected.n)
    expect(filtered.items.every((i) => i.exitStatus === '未脱贫')).toBe(true)
  })

  it('returns one household with its members, head first', async () => {
    const { call, core } = await setup()
    const h = head(core)
    const detail = await call('households.get', { id: h.household_id })
    expect(detail.householdNo).toBe(h.household_no)
    expect(detail.isDemo).toBe(true)
    expect(detail.members[0]).toMatchObject({ name: h.name, relation: '户主', idNumber: maskIdNumber(h.id_number) })
    const r = await dispatch(core, 'households.get', { id: 999_999 })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('privacy', () => {
  it('reveals a full ID number on request and logs who looked', async () => {
    const { call, core } = await setup(10)
    const m = core.ledger.sqlite.prepare('SELECT id, name, id_number FROM members LIMIT 1').get() as { id: number; name: string; id_number: string }
    expect(await call('households.revealId', { memberId: m.id })).toEqual({ idNumber: m.id_number })
    const log = core.ledger.sqlite.prepare('SELECT actor, action, detail FROM access_log').all()
    expect(log).toEqual([{ actor: '本机用户', action: 'reveal_id', detail: `${m.name} ${m.id_number.slice(0, 4)}**********${m.id_number.slice(-4)}` }])
  })
})

describe('the dispatcher at the boundary', () => {
  it('answers bad input with a Chinese message naming the field, and unknown operations', async () => {
    const { core } = testCore()
    open.push(core)
    expect(await dispatch(core, 'households.list', { pageSize: 'many' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'pageSize', message: '「每页条数」类型不对（应为数字）。请修改后重试。' },
    })
    expect(await dispatch(core, 'households.list', { pageSize: 10_000 })).toMatchObject({ ok: false, error: { message: '「每页条数」不能大于 500。请修改后重试。' } })
    expect(await dispatch(core, 'households.list', { exitStatus: '已经好了' })).toMatchObject({ ok: false, error: { field: 'exitStatus', message: expect.stringContaining('只能是：未脱贫') } })
    expect(await dispatch(core, 'households.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } })
    expect(await dispatch(core, 'app.info', undefined)).toMatchObject({ ok: true, value: { householdCount: 0, hasDemo: false } })
  })
})

describe('the demo township', () => {
  it('has valid, unique IDs, consistent sexes, and is marked as demo', async () => {
    const { core } = await setup(200)
    const { parseIdNumber } = await import('../../../shared/domain/id-number')
    const members = core.ledger.sqlite.prepare('SELECT id_number, sex, birth_date FROM members').all() as { id_number: string; sex: string; birth_date: string }[]
    expect(new Set(members.map((m) => m.id_number)).size).toBe(members.length)
    for (const m of members) {
      const info = parseIdNumber(m.id_number)
      expect(info.problem).toBeUndefined()
      expect(info.sex).toBe(m.sex)
      expect(info.birthDate).toBe(m.birth_date)
    }
    const heads = core.ledger.sqlite.prepare("SELECT household_id, count(*) AS n FROM members WHERE relation = '户主' GROUP BY household_id HAVING n <> 1").all()
    expect(heads).toEqual([])
  })

  it('can be removed, leaving other villages alone, with audit rows', async () => {
    const { call, core } = await setup(30)
    core.ledger.write.run({ actor: 't' }, (w) => w.insert('villages', { name: '真实村', county: '甲县', township: '乙镇' }))
    expect(await call('demo.remove', {})).toEqual({ households: 30 })
    expect(await call('households.villages', {})).toEqual([expect.objectContaining({ name: '真实村', isDemo: false })])
    expect(core.ledger.sqlite.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 })
    const deletes = core.ledger.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'delete' AND table_name = 'households'").get()
    expect(deletes).toEqual({ n: 30 })
  })

  it('loading again replaces the demo instead of doubling it', async () => {
    const { call, events } = await setup(30)
    const again = await call('demo.load', { households: 40 })
    await jobEnd(events, again.jobId)
    expect((await call('app.info', {})).householdCount).toBe(40)
  })

  it('a cancelled load writes nothing', async () => {
    // Inline jobs run synchronously, so cancel from the progress event itself:
    // the flag is read inside the transaction, as a worker would see it.
    const events: LedgerEvent[] = []
    let cancelled = false
    const core: CoreContext = createCore({
      dbPath: path.join(tempDir(), 'ledger.sqlite'),
      appVersion: 'test',
      jobMode: 'inline',
      emit: (e) => {
        events.push(e)
        if (e.type === 'job.progress' && e.done >= 100 && !cancelled) cancelled = core.jobs.cancel(e.jobId)
      },
    })
    open.push(core)
    const started = await dispatch(core, 'demo.load', { households: 1000 })
    if (!started.ok) throw new Error(started.error.message)
    const end = await jobEnd(events, (started.value as { jobId: string }).jobId)
    expect(cancelled).toBe(true)
    expect(end.type).toBe('job.cancelled')
    expect(core.ledger.sqlite.prepare('SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM audit_log) AS n').get()).toEqual({ n: 0 })
  })
})
