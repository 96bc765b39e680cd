import { afterEach, describe, expect, it } from 'vitest'
import type { OpName, OpResult } from '../../../shared/api/contract'
import type { CoreContext } from '../../../electron/core/context'
import { dispatch } from '../../../electron/core/dispatch'
import { aidTotalsByUnit, applyHelperFromRoster, helperFromRoster } from '../../../electron/core/assistance/assistance'
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
  const db = core.ledger.sqlite
  // Two households of one village and one of another, for the per-village totals.
  const villages = db.prepare('SELECT DISTINCT village_id FROM households ORDER BY village_id LIMIT 2').pluck().all() as number[]
  const inVillage = (v: number) => db.prepare('SELECT id FROM households WHERE village_id = ? ORDER BY id').pluck().all(v) as number[]
  const [a, b] = inVillage(villages[0]!)
  const [c] = inVillage(villages[1]!)
  const head = (h: number) => db.prepare("SELECT name FROM members WHERE household_id = ? AND relation = '户主'").pluck().get(h) as string
  const villageName = (v: number) => db.prepare('SELECT name FROM villages WHERE id = ?').pluck().get(v) as string
  return { core, call, raw, a: a!, b: b!, c: c!, v1: villages[0]!, v2: villages[1]!, head, villageName }
}

describe('assisting units', () => {
  it('adds a unit with kind and contact, refuses the same name twice, and counts helpers and paired households', async () => {
    const { call, raw, a, b } = await setup()
    const { id } = await call('assistance.addUnit', { unitName: '县交通运输局', unitKind: '机关', contact: '0851-1234567' })
    expect(await raw('assistance.addUnit', { unitName: ' 县交通运输局 ' })).toEqual({
      ok: false,
      error: { code: 'duplicate', message: '帮扶单位「县交通运输局」已经登记过了，无需重复新增。', field: 'unitName' },
    })
    expect(await raw('assistance.addUnit', { unitName: '' })).toMatchObject({ ok: false, error: { field: 'unitName', message: '「帮扶单位」至少需要 1 个字符。请修改后重试。' } })
    const { id: h1 } = await call('assistance.addHelper', { name: '周帮扶', unitName: '县交通运输局', title: '副局长', phone: '13900002222' })
    const { id: h2 } = await call('assistance.addHelper', { name: '吴帮扶', unitName: '县交通运输局' })
    expect(await raw('assistance.addHelper', { name: '周帮扶', unitName: '县交通运输局' })).toMatchObject({ ok: false, error: { code: 'duplicate', field: 'name' } })
    await call('assistance.pair', { helperId: h1, householdId: a, startDate: '2025-01-01' })
    await call('assistance.pair', { helperId: h2, householdId: a, startDate: '2025-01-01' })
    const p = await call('assistance.pair', { helperId: h2, householdId: b, startDate: '2025-01-01' })
    await call('assistance.endPairing', { pairingId: p.id, endDate: '2025-12-31' })
    expect(await call('assistance.units', {})).toEqual([{ id, name: '县交通运输局', kind: '机关', contact: '0851-1234567', helpers: 2, households: 1 }])
    expect(await call('assistance.helper', { helperId: h1 })).toEqual({ id: h1, name: '周帮扶', unitName: '县交通运输局', title: '副局长', phone: '13900002222', households: 1 })
    expect(await raw('assistance.helper', { helperId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe("a helper's households", () => {
  it('lists current pairings first, then ended ones with their end date', async () => {
    const { call, raw, a, b, c, head } = await setup()
    const { id: helper } = await call('assistance.addHelper', { name: '郑帮扶', unitName: '县人民医院' })
    const pa = await call('assistance.pair', { helperId: helper, householdId: a, startDate: '2023-03-01' })
    await call('assistance.pair', { helperId: helper, householdId: b, startDate: '2024-05-01' })
    await call('assistance.pair', { helperId: helper, householdId: c, startDate: '2022-01-01' })
    await call('assistance.endPairing', { pairingId: pa.id, endDate: '2024-12-31' })
    expect(await raw('assistance.endPairing', { pairingId: pa.id, endDate: '2025-01-31' })).toMatchObject({
      ok: false,
      error: { code: 'already_ended', message: '这条结对已于 2024-12-31 结束。' },
    })
    const list = await call('assistance.helperHouseholds', { helperId: helper })
    expect(list.map((r) => [r.householdId, r.headName, r.startDate, r.endDate])).toEqual([
      [b, head(b), '2024-05-01', null],
      [c, head(c), '2022-01-01', null],
      [a, head(a), '2023-03-01', '2024-12-31'],
    ])
    expect((await call('assistance.helper', { helperId: helper })).households).toBe(2)
    // The household list's helper filter follows current pairings only.
    const filtered = await call('households.list', { helperId: helper })
    expect(filtered.items.map((h) => h.id).sort((x, y) => x - y)).toEqual([b, c].sort((x, y) => x - y))
  })
})

describe('visits, aid and wishes: edit and delete', () => {
  it('updates and deletes with exact stored values, keeping wishes of a deleted visit', async () => {
    const { call, raw, core, a } = await setup()
    const db = core.ledger.sqlite
    const { id: visit } = await call('assistance.addVisit', { householdId: a, date: '2026-03-05', visitor: '王帮扶', wish: { content: '想学电焊' } })
    await call('assistance.updateVisit', { visitId: visit, date: '2026-03-06', visitor: '王帮扶、村支书', findings: '长子在家待业', actions: '报名县技能培训' })
    expect(db.prepare('SELECT visit_date, visitor, findings, actions FROM visits WHERE id = ?').get(visit)).toEqual({
      visit_date: '2026-03-06',
      visitor: '王帮扶、村支书',
      findings: '长子在家待业',
      actions: '报名县技能培训',
    })
    const { id: aid } = await call('assistance.addAid', { householdId: a, date: '2026-01-20', aidKind: '现金', description: '春节慰问金', amount: '0.07' })
    expect(db.prepare('SELECT amount_fen FROM aid WHERE id = ?').pluck().get(aid)).toBe(7)
    await call('assistance.updateAid', { aidId: aid, date: '2026-01-21', aidKind: '物资', description: '米 1 袋、油 1 桶', amount: '19,999.99', source: '县人民医院' })
    expect(db.prepare('SELECT aid_date, kind, description, amount_fen, source FROM aid WHERE id = ?').get(aid)).toEqual({
      aid_date: '2026-01-21',
      kind: '物资',
      description: '米 1 袋、油 1 桶',
      amount_fen: 1999999,
      source: '县人民医院',
    })
    expect(await raw('assistance.updateAid', { aidId: aid, date: '2026-01-21', aidKind: '物资', description: 'x', amount: '1.005' })).toMatchObject({
      ok: false,
      error: { field: 'amount', message: '金额「1.005」不是有效的数字（单位：元，最多两位小数），请重新填写。' },
    })
    expect(await raw('assistance.addAid', { householdId: a, date: '2026-01-21', aidKind: '贷款', description: 'x' })).toMatchObject({
      ok: false,
      error: { field: 'aidKind', message: '「帮户类别」只能是：现金、物资、服务。请修改后重试。' },
    })
    // Amount left blank is stored as NULL (a service), not 0.
    await call('assistance.updateAid', { aidId: aid, date: '2026-01-21', aidKind: '服务', description: '代办医保报销' })
    expect(db.prepare('SELECT amount_fen FROM aid WHERE id = ?').pluck().get(aid)).toBeNull()

    const { id: wish2 } = await call('assistance.addWish', { householdId: a, date: '2026-04-01', content: '安装路灯', takenBy: '村委' })
    await call('assistance.updateWish', { wishId: wish2, content: '村口安装路灯', takenBy: '县交通运输局' })
    expect(db.prepare('SELECT content, taken_by, visit_id, raised_date FROM wishes WHERE id = ?').get(wish2)).toEqual({
      content: '村口安装路灯',
      taken_by: '县交通运输局',
      visit_id: null,
      raised_date: '2026-04-01',
    })

    await call('assistance.deleteVisit', { visitId: visit })
    await call('assistance.deleteAid', { aidId: aid })
    await call('assistance.deleteWish', { wishId: wish2 })
    const left = await call('assistance.household', { householdId: a })
    expect(left.visits).toEqual([])
    expect(left.aid).toEqual([])
    expect(left.wishes.map((w) => [w.content, w.raisedDate])).toEqual([['想学电焊', '2026-03-05']])
    expect(db.prepare("SELECT table_name, action, field FROM audit_log WHERE action = 'delete' OR field = 'visit_id' ORDER BY id").all()).toEqual([
      { table_name: 'wishes', action: 'update', field: 'visit_id' },
      { table_name: 'visits', action: 'delete', field: null },
      { table_name: 'aid', action: 'delete', field: null },
      { table_name: 'wishes', action: 'delete', field: null },
    ])
    expect(await raw('assistance.deleteVisit', { visitId: visit })).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到这条走访记录，可能已被删除。请刷新后重试。' } })
  })
})

describe('open wishes across the township', () => {
  it('lists unresolved wishes oldest first, per village on request', async () => {
    const { call, a, b, c, v2, head, villageName, core } = await setup()
    const { id: w1 } = await call('assistance.addWish', { householdId: b, date: '2026-02-01', content: '危房改造' })
    await call('assistance.addWish', { householdId: c, date: '2026-01-15', content: '孩子上学交通', takenBy: '乡教育办' })
    const { id: w3 } = await call('assistance.addWish', { householdId: a, date: '2025-12-01', content: '已办的心愿' })
    await call('assistance.resolveWish', { wishId: w3, date: '2026-01-02', resolution: '已办' })
    const vc = core.ledger.sqlite.prepare('SELECT village_id FROM households WHERE id = ?').pluck().get(c) as number
    expect(await call('assistance.openWishes', {})).toEqual([
      { id: expect.any(Number), householdId: c, householdNo: expect.any(String), headName: head(c), village: villageName(vc), raisedDate: '2026-01-15', content: '孩子上学交通', takenBy: '乡教育办' },
      { id: w1, householdId: b, householdNo: expect.any(String), headName: head(b), village: expect.any(String), raisedDate: '2026-02-01', content: '危房改造', takenBy: null },
    ])
    expect((await call('assistance.openWishes', { villageId: v2 })).map((w) => w.content)).toEqual(['孩子上学交通'])
  })
})

describe('aid totals per assisting unit', () => {
  it('sums 分 exactly per village, within dates, counting only aid from that unit', async () => {
    const { call, core, a, b, c, v1, v2, villageName } = await setup()
    const add = (householdId: number, date: string, amount: string | undefined, source: string) =>
      call('assistance.addAid', { householdId, date, aidKind: amount ? '现金' : '服务', description: '帮户', amount, source })
    await add(a, '2025-01-20', '300', '县交通运输局')
    await add(b, '2025-06-01', '0.10', '县交通运输局')
    await add(b, '2025-06-02', '0.20', '县交通运输局')
    await add(b, '2025-07-01', undefined, '县交通运输局')
    await add(c, '2026-02-01', '1,000', '县交通运输局')
    await add(a, '2025-03-01', '999', '县人民医院')
    expect(aidTotalsByUnit(core.ledger, '县交通运输局')).toEqual({
      unitName: '县交通运输局',
      villages: [
        { villageId: v1, village: villageName(v1), items: 4, households: 2, totalFen: 30030 },
        { villageId: v2, village: villageName(v2), items: 1, households: 1, totalFen: 100000 },
      ].sort((x, y) => (x.village < y.village ? -1 : 1)),
      items: 5,
      totalFen: 130030,
    })
    expect(aidTotalsByUnit(core.ledger, '县交通运输局', v1, '2025-06-01', '2025-06-30')).toEqual({
      unitName: '县交通运输局',
      villages: [{ villageId: v1, village: villageName(v1), items: 2, households: 1, totalFen: 30 }],
      items: 2,
      totalFen: 30,
    })
    expect(aidTotalsByUnit(core.ledger, '县农业农村局')).toEqual({ unitName: '县农业农村局', villages: [], items: 0, totalFen: 0 })
  })
})

describe('roster columns naming the helper', () => {
  it('maps the header variants to unit, helper and phone', () => {
    expect(helperFromRoster({ 帮扶单位: ' 县交通运输局 ', 帮扶责任人: '周帮扶', 帮扶责任人联系电话: '13900002222' })).toEqual({
      unit: '县交通运输局',
      helper: '周帮扶',
      phone: '13900002222',
    })
    expect(helperFromRoster({ 结对帮扶单位: '县人民医院', 帮扶人: '郑帮扶', 帮扶人电话: '0851-7654321' })).toEqual({ unit: '县人民医院', helper: '郑帮扶', phone: '0851-7654321' })
    expect(helperFromRoster({ 帮扶单位: '县人民医院', 帮扶责任人: '郑帮扶' })).toEqual({ unit: '县人民医院', helper: '郑帮扶', phone: null })
    expect(helperFromRoster({ 帮扶单位: '县人民医院', 帮扶责任人: '  ' })).toBeNull()
    expect(helperFromRoster({ 备注: '无' })).toBeNull()
  })

  it('creates the unit and helper once and one active pairing per household', async () => {
    const { core, call, a, b } = await setup()
    const info = { unit: '县交通运输局', helper: '周帮扶', phone: '13900002222' }
    const apply = (householdId: number) => core.ledger.write.run({ actor: '导入' }, (w) => applyHelperFromRoster(core.ledger, w, householdId, info, '2026-05-01'))
    apply(a)
    apply(b)
    apply(a) // a second import of the same file changes nothing
    const db = core.ledger.sqlite
    expect(db.prepare('SELECT name FROM assisting_units').all()).toEqual([{ name: '县交通运输局' }])
    expect(db.prepare('SELECT name, phone FROM helpers').all()).toEqual([{ name: '周帮扶', phone: '13900002222' }])
    expect(db.prepare('SELECT household_id, start_date, end_date FROM pairings ORDER BY household_id').all()).toEqual([
      { household_id: a, start_date: '2026-05-01', end_date: null },
      { household_id: b, start_date: '2026-05-01', end_date: null },
    ])
    expect((await call('assistance.helpers', {}))[0]).toMatchObject({ name: '周帮扶', households: 2 })
  })
})
