/**
 * The monitoring forms' data against a real SQLite file: the village 公示 lists the cases between
 * 民主评议 and 县级审定 with ID numbers and phones masked in the core; the 审批表 carry the case; the
 * 一户一策 plan lists measures done and what each risk still wants.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

const ID = '410101199001011234'
const PHONE = '13812345678'

async function setup() {
  const { core } = testCore()
  cores.push(core)
  const { call, raw } = opCaller(core)
  const ledger = core.ledger
  const villageId = ledger.write.run({ actor: 'test' }, (w) => w.insert('villages', { county: '示例县', township: '示例镇', name: '青山村', is_demo: 0 }))
  const h = ledger.write.run({ actor: 'test' }, (w) => {
    const id = w.insert('households', { village_id: villageId, household_no: '520000000000001', household_type: '一般农户', phone: PHONE })
    w.insert('members', { household_id: id, sort_order: 0, name: '张三', relation: '户主', id_number: ID })
    w.insert('members', { household_id: id, sort_order: 1, name: '张小', relation: '之子', id_number: '410101201001011238' })
    return id
  })
  await call('monitoring.saveSettings', { year: 2026, line: '7300', publicityDays: 5, minMonthsBeforeElimination: 0, reminderDaysWithoutMeasure: 30 })
  const { id: caseId } = await call('monitoring.openCase', {
    householdId: h, category: '边缘易致贫户', risks: ['因病', '因学'], foundBy: '农户自主申报', reportDate: '2026-03-01', reportBy: '王专干',
    sizeAtIdentification: 2, incomeAtIdentification: '12000',
  })
  return { call, raw, villageId, h, caseId }
}

describe('monitoring forms', () => {
  it('village 公示 of new monitoring objects: after 民主评议 and before 县级审定, masked; refused in Chinese when nobody is due', async () => {
    const t = await setup()
    let r = await t.raw('forms.monitoringNotice', { villageId: t.villageId, kind: 'identify' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/青山村目前没有已经村级民主评议、尚未县级审定的拟纳入监测对象.*登记「村级民主评议」/)
    await t.call('monitoring.recordStep', { caseId: t.caseId, step: 'review', date: '2026-03-05', by: '村民代表会议' })
    await t.call('monitoring.recordStep', { caseId: t.caseId, step: 'publicity', date: '2026-03-06', endDate: '2026-03-10', by: '村委会' })
    const n = await t.call('forms.monitoringNotice', { villageId: t.villageId, kind: 'identify' })
    expect(n).toMatchObject({ village: '青山村', township: '示例县示例镇', period: { from: '2026-03-06', to: '2026-03-10' }, publicityDays: 5 })
    expect(n.rows).toEqual([{
      caseId: t.caseId, group: null, headName: '张三', idMasked: '4101**********1234', phoneMasked: '138****5678', size: 2, category: '边缘易致贫户',
      risks: '因病、因学', how: '农户自主申报', reviewDate: '2026-03-05',
    }])
    expect(JSON.stringify(n)).not.toContain(ID)
    expect(JSON.stringify(n)).not.toContain(PHONE)
    // Nobody is due for the elimination notice yet.
    r = await t.raw('forms.monitoringNotice', { villageId: t.villageId, kind: 'eliminate' })
    expect(r.ok).toBe(false)
  })

  it('审批表: the case with full numbers for the county; 风险消除审批表 refused before 县级审定', async () => {
    const t = await setup()
    const a = await t.call('forms.monitoringApproval', { caseId: t.caseId, kind: 'identify' })
    expect(a).toMatchObject({ kind: 'identify', township: '示例县示例镇', lineFen: 730_000, lineYear: 2026, case: { id: t.caseId, category: '边缘易致贫户' } })
    expect(a.household.members.find((m) => m.relation === '户主')?.idNumber).toBe(ID)
    const r = await t.raw('forms.monitoringApproval', { caseId: t.caseId, kind: 'eliminate' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/还没有县级审定纳入监测，不能打印风险消除审批表/)
  })

  it('一户一策: measures done, then a planned row for each risk without its kind; masked numbers', async () => {
    const t = await setup()
    await t.call('monitoring.recordStep', { caseId: t.caseId, step: 'review', date: '2026-03-05', by: '村民代表会议' })
    await t.call('monitoring.recordStep', { caseId: t.caseId, step: 'publicity', date: '2026-03-06', endDate: '2026-03-10', by: '村委会' })
    await t.call('monitoring.recordStep', { caseId: t.caseId, step: 'township', date: '2026-03-11', by: '乡村振兴办', opinion: '同意' })
    await t.call('monitoring.recordStep', { caseId: t.caseId, step: 'county', date: '2026-03-15', by: '县乡村振兴局', opinion: '同意' })
    await t.call('monitoring.addMeasure', { caseId: t.caseId, kind: '健康帮扶', items: ['医疗救助'], date: '2026-04-01', amount: '800', responsible: '镇卫生院' })
    const p = await t.call('forms.householdPlan', { householdId: t.h })
    expect(p.case?.id).toBe(t.caseId)
    expect(p.rows).toEqual([
      { kind: '健康帮扶', content: '医疗救助', date: '2026-04-01', amountFen: 80_000, responsible: '镇卫生院', state: '已落实' },
      { kind: '义务教育保障 / 教育帮扶 / 社会帮扶', content: '针对「因学」风险落实义务教育保障', date: null, amountFen: null, responsible: null, state: '计划' },
    ])
    expect(JSON.stringify(p)).not.toContain(ID)
  })
})
