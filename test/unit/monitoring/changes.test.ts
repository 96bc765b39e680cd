/** Monitoring changes appear in the household's 修改记录, named as the 监测 tab names them, deleted records included. */
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

describe('修改记录 of monitoring', () => {
  it('lists the case, its steps, measures (also deleted ones) and a deleted case, only on its own household', async () => {
    const { core } = testCore()
    cores.push(core)
    const { call } = opCaller(core)
    const ledger = core.ledger
    const villageId = ledger.write.run({ actor: 'test' }, (w) => w.insert('villages', { county: '示例县', township: '示例镇', name: '青山村', is_demo: 0 }))
    const household = (no: string) =>
      ledger.write.run({ actor: 'test' }, (w) => {
        const id = w.insert('households', { village_id: villageId, household_no: no, household_type: '一般农户' })
        w.insert('members', { household_id: id, name: `户主${no}`, relation: '户主' })
        return id
      })
    const h = household('520000000000001')
    const other = household('520000000000002')
    const open = (householdId: number) =>
      call('monitoring.openCase', {
        householdId, category: '边缘易致贫户', risks: ['因病', '因学'], foundBy: '基层干部排查', reportDate: '2026-03-01', reportBy: '王专干',
        sizeAtIdentification: 3, incomeAtIdentification: '18000',
      })
    const { id: c } = await open(h)
    await call('monitoring.recordStep', { caseId: c, step: 'review', date: '2026-03-05', by: '村民代表会议' })
    await call('monitoring.recordStep', { caseId: c, step: 'publicity', date: '2026-03-06', endDate: '2026-03-10', by: '村委会' })
    const { id: m } = await call('monitoring.addMeasure', { caseId: c, kind: '健康帮扶', items: ['医疗救助', '家庭医生签约服务'], date: '2026-03-20', amount: '1,200.50', responsible: '镇卫生院' })
    await call('monitoring.deleteMeasure', { measureId: m })
    await open(other)
    const changes = (await call('households.changes', { id: h })).filter((x) => x.subject === '监测记录' || x.subject === '帮扶措施')
    const shown = changes.map((x) => [x.subject, x.fieldLabel, x.oldValue, x.newValue])
    expect(shown).toContainEqual(['监测记录', '登记', null, '2026-03-01 申报或排查：边缘易致贫户，风险 因病、因学'])
    expect(shown).toContainEqual(['监测记录', '村级民主评议日期', null, '2026-03-05'])
    expect(shown).toContainEqual(['监测记录', '村级公示结束日期', null, '2026-03-10'])
    expect(shown).toContainEqual(['帮扶措施', '登记', null, '2026-03-20 健康帮扶：医疗救助、家庭医生签约服务，1200.50 元'])
    expect(shown).toContainEqual(['帮扶措施', '删除', '2026-03-20 健康帮扶：医疗救助、家庭医生签约服务，1200.50 元', null])
    // The other household's case is not in this one's record.
    expect(changes.filter((x) => x.fieldLabel === '登记' && x.subject === '监测记录')).toHaveLength(1)

    // A case deleted (recorded by mistake) stays in the record with what it was.
    await call('monitoring.deleteCase', { caseId: c })
    const after = (await call('households.changes', { id: h })).map((x) => [x.subject, x.fieldLabel, x.oldValue, x.newValue])
    expect(after).toContainEqual(['监测记录', '删除', '2026-03-01 申报或排查：边缘易致贫户，风险 因病、因学', null])
    expect(after).toContainEqual(['监测记录', '登记', null, '2026-03-01 申报或排查：边缘易致贫户，风险 因病、因学'])
    expect(after).toContainEqual(['监测记录', '村级民主评议日期', null, '2026-03-05'])
  })
})
