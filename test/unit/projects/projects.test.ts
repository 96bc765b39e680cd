import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import type { ProjectFieldsInput } from '../../../shared/api/projects'
import { jobEnd, opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

async function setup(households = 0) {
  const { core, events } = testCore()
  cores.push(core)
  const { raw, call } = opCaller(core)
  if (households > 0) await jobEnd(events, (await call('demo.load', { households })).jobId)
  const create = async (fields: Partial<ProjectFieldsInput> = {}) => (await call('projects.create', { projectName: '村道硬化工程', year: '2024', ...fields })).id
  return { core, raw, call, create }
}

describe('project records and money', () => {
  it('keeps budget and disbursements in exact 分 and computes totals, balance and 拨付率', async () => {
    const { call, create } = await setup()
    const id = await create({ plannedStart: '2024-03-01', plannedEnd: '2024-10-31' })
    await call('projects.addRecord', { projectId: id, record: { kind: 'budget', source: '中央衔接资金', amount: '1000.10' } })
    await call('projects.addRecord', { projectId: id, record: { kind: 'budget', source: '中央衔接资金', amount: '2000.20' } })
    await call('projects.addRecord', { projectId: id, record: { kind: 'budget', source: '县级', amount: '0.7' } })
    await call('projects.addRecord', { projectId: id, record: { kind: 'disbursement', date: '2024-05-01', amount: '1500.5', source: '中央衔接资金', docNo: '县财〔2024〕12号' } })
    const d = await call('projects.get', { id, today: '2024-06-01' })
    expect(d.totals).toMatchObject({ budgetFen: 300_100, disbursedFen: 150_050, balanceFen: 150_050, disbursedRate: 50, overDisbursed: false })
    expect(d.totals.bySource['中央衔接资金']).toBe(300_030)
    expect(d.totals.bySource['县级']).toBe(70)
    expect(d.disbursements[0]).toMatchObject({ date: '2024-05-01', amountFen: 150_050, docNo: '县财〔2024〕12号' })
    // Over-disbursed is allowed (money already paid) but flagged.
    await call('projects.addRecord', { projectId: id, record: { kind: 'disbursement', date: '2024-06-01', amount: '2000' } })
    const over = await call('projects.get', { id, today: '2024-06-01' })
    expect(over.totals.overDisbursed).toBe(true)
    expect(over.warnings).toContain('已拨付金额超过项目预算，请核对拨付记录和资金来源。')
  })

  it('warns per source when a source is paid beyond its own budget, before the project as a whole is over', async () => {
    const { call, create } = await setup()
    const id = await create()
    await call('projects.addRecord', { projectId: id, record: { kind: 'budget', source: '中央衔接资金', amount: '300000' } })
    await call('projects.addRecord', { projectId: id, record: { kind: 'budget', source: '县级', amount: '200000' } })
    await call('projects.addRecord', { projectId: id, record: { kind: 'disbursement', date: '2024-05-01', amount: '340000', source: '中央衔接资金' } })
    const d = await call('projects.get', { id, today: '2024-06-01' })
    expect(d.totals.overDisbursed).toBe(false)
    expect(d.sourceOverruns).toEqual([{ source: '中央衔接资金', budgetFen: 30_000_000, disbursedFen: 34_000_000 }])
    expect(d.warnings).toContain('「中央衔接资金」已拨付 340,000.00 元，超过该来源预算 300,000.00 元，请核对拨付记录的资金来源。')
    // A source with no budget line at all is over as soon as anything is paid from it.
    await call('projects.addRecord', { projectId: id, record: { kind: 'disbursement', date: '2024-05-02', amount: '10', source: '市级' } })
    expect((await call('projects.get', { id, today: '2024-06-01' })).sourceOverruns.map((o) => o.source)).toEqual(['中央衔接资金', '市级'])
  })

  it('refuses bad input with the field named, and 帮扶单位资金 without the unit', async () => {
    const { raw, create } = await setup()
    const id = await create()
    expect(await raw('projects.addRecord', { projectId: id, record: { kind: 'budget', source: '中央衔接资金', amount: '12.345' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'record.amount' },
    })
    expect(await raw('projects.addRecord', { projectId: id, record: { kind: 'budget', source: '帮扶单位资金', amount: '500' } })).toMatchObject({
      ok: false,
      error: { field: 'unitName', message: '资金来源为「帮扶单位资金」时，请填写出资的帮扶单位名称。' },
    })
    expect(await raw('projects.create', { projectName: '道路', plannedStart: '2024-05-01', plannedEnd: '2024-04-01' })).toMatchObject({
      ok: false,
      error: { field: 'plannedEnd' },
    })
    expect(await raw('projects.create', { projectName: '' })).toMatchObject({ ok: false, error: { message: '「项目名称」至少需要 1 个字符。请修改后重试。' } })
  })

  it('refuses a second project with the same 项目编号', async () => {
    const { raw, create } = await setup()
    await create({ projectNo: 'XM-2024-001' })
    expect(await raw('projects.create', { projectName: '另一个', projectNo: 'XM-2024-001' })).toMatchObject({ ok: false, error: { code: 'duplicate', field: 'projectNo' } })
  })
})

describe('lifecycle', () => {
  it('no acceptance before completion, no handover before a passed acceptance, re-acceptance after 不合格', async () => {
    const { call, raw, create } = await setup()
    const id = await create({ plannedEnd: '2024-10-31' })
    const milestone = (m: Record<string, unknown>) => raw('projects.addRecord', { projectId: id, record: { kind: 'milestone', ...m } })
    expect(await milestone({ milestone: '验收', date: '2024-11-01', result: '合格' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: '项目尚未竣工，不能验收。请先登记竣工日期。' },
    })
    expect(await milestone({ milestone: '资产移交', date: '2024-11-01' })).toMatchObject({ ok: false, error: { message: '项目验收合格后才能办理资产移交。请先登记合格的验收。' } })
    await call('projects.addRecord', { projectId: id, record: { kind: 'milestone', milestone: '开工', date: '2024-04-01' } })
    expect((await call('projects.get', { id, today: '2024-06-01' })).status).toBe('在建')
    expect(await milestone({ milestone: '竣工', date: '2024-03-01' })).toMatchObject({ ok: false, error: { message: '竣工日期 2024-03-01 早于开工日期 2024-04-01，请核对。' } })
    await call('projects.addRecord', { projectId: id, record: { kind: 'milestone', milestone: '竣工', date: '2024-10-20' } })
    expect(await milestone({ milestone: '验收', date: '2024-10-01', result: '合格' })).toMatchObject({ ok: false, error: { message: '验收日期 2024-10-01 早于竣工日期 2024-10-20，请核对。' } })
    expect(await milestone({ milestone: '验收', date: '2024-11-01', result: '不合格' })).toMatchObject({ ok: false, error: { field: 'note' } })
    await call('projects.addRecord', { projectId: id, record: { kind: 'milestone', milestone: '验收', date: '2024-11-01', result: '不合格', note: '排水沟未完成' } })
    expect((await call('projects.get', { id })).status).toBe('验收不合格')
    expect(await milestone({ milestone: '资产移交', date: '2024-11-05' })).toMatchObject({ ok: false })
    await call('projects.addRecord', { projectId: id, record: { kind: 'milestone', milestone: '验收', date: '2024-11-20', result: '合格' } })
    expect((await call('projects.get', { id })).status).toBe('已验收')
    await call('projects.addRecord', { projectId: id, record: { kind: 'milestone', milestone: '资产移交', date: '2024-12-01' } })
    const d = await call('projects.get', { id })
    expect(d.status).toBe('已移交')
    expect(d.milestones.map((m) => `${m.kind}${m.result ?? ''}`)).toEqual(['开工', '竣工', '验收不合格', '验收合格', '资产移交'])
    // Taking back the only passed acceptance under a handover is refused.
    const passed = d.milestones.find((m) => m.result === '合格')!
    expect(await raw('projects.deleteRecord', { id: passed.id, kind: 'milestone' })).toMatchObject({ ok: false, error: { code: 'rule' } })
  })

  it('flags a project past its planned end and not complete as 滞后, in the list and its filter', async () => {
    const { call, create } = await setup()
    const late = await create({ projectName: '滞后的项目', plannedEnd: '2024-06-30' })
    const done = await create({ projectName: '按期完工', plannedEnd: '2024-06-30' })
    await create({ projectName: '未到期', plannedEnd: '2025-06-30' })
    await call('projects.addRecord', { projectId: done, record: { kind: 'milestone', milestone: '竣工', date: '2024-06-20' } })
    const list = await call('projects.list', { today: '2024-07-01', lagging: true })
    expect(list.items.map((p) => p.id)).toEqual([late])
    expect((await call('projects.get', { id: late, today: '2024-07-01' })).warnings).toContain('已过计划完工日期 2024-06-30 仍未竣工（滞后），请登记进度和滞后原因。')
    expect((await call('projects.get', { id: late, today: '2024-06-30' })).lagging).toBe(false)
  })
})

describe('list filters and totals', () => {
  it('totals budget by source and disbursed over every matching project', async () => {
    const { call, create } = await setup()
    const a = await create({ projectName: '产业园', year: '2023', category: '产业发展' })
    const b = await create({ projectName: '饮水工程', year: '2024', category: '基础设施' })
    await call('projects.addRecord', { projectId: a, record: { kind: 'budget', source: '省级衔接资金', amount: '100000' } })
    await call('projects.addRecord', { projectId: b, record: { kind: 'budget', source: '帮扶单位资金', unitName: '县交通运输局', amount: '20000' } })
    await call('projects.addRecord', { projectId: b, record: { kind: 'disbursement', date: '2024-03-01', amount: '5000' } })
    const all = await call('projects.list', {})
    expect(all.total).toBe(2)
    expect(all.years).toEqual(['2024', '2023'])
    expect(all.totals).toMatchObject({ budgetFen: 12_000_000, disbursedFen: 500_000, disbursedRate: 4.2 })
    expect((await call('projects.list', { source: '帮扶单位资金' })).items.map((p) => p.name)).toEqual(['饮水工程'])
    expect((await call('projects.list', { year: '2023' })).totals.budgetFen).toBe(10_000_000)
    expect((await call('projects.list', { search: '饮水' })).items).toHaveLength(1)
    expect((await call('projects.list', { status: '未开工', category: '产业发展' })).items.map((p) => p.id)).toEqual([a])
  })
})

describe('beneficiaries and assets', () => {
  it('links households by id, ID number or 户编号, counts households and persons, and the declared counts stand alone', async () => {
    const { core, call, create } = await setup(12)
    const id = await create({ declaredHouseholds: 30, declaredPersons: 96 })
    expect((await call('projects.get', { id })).beneficiaryCounts).toMatchObject({ households: 30, persons: 96 })
    const db = core.ledger.sqlite
    const [h1, h2, h3] = db.prepare('SELECT id FROM households ORDER BY id LIMIT 3').pluck().all() as number[]
    const idNumber = db.prepare("SELECT id_number FROM members WHERE household_id = ? AND relation = '户主'").pluck().get(h2) as string
    const householdNo = db.prepare('SELECT household_no FROM households WHERE id = ?').pluck().get(h3) as string
    const r = await call('projects.addBeneficiaries', { projectId: id, householdIds: [h1!], keys: [idNumber.toLowerCase(), householdNo, '000000000000000000'] })
    expect(r).toEqual({ added: 3, already: 0, notFound: ['000000000000000000'] })
    expect(await call('projects.addBeneficiaries', { projectId: id, householdIds: [h1!] })).toEqual({ added: 0, already: 1, notFound: [] })
    const d = await call('projects.get', { id })
    const persons = db.prepare(`SELECT count(*) FROM members WHERE household_id IN (?, ?, ?) AND removed_reason IS NULL`).pluck().get(h1, h2, h3) as number
    expect(d.beneficiaryCounts.households).toBe(3)
    expect(d.beneficiaryCounts.persons).toBe(persons)
    const monitored = db.prepare(`SELECT count(*) FROM households WHERE id IN (?, ?, ?) AND (household_type = '监测户' OR monitoring_category IS NOT NULL)`).pluck().get(h1, h2, h3)
    expect(d.beneficiaryCounts.monitoredHouseholds).toBe(monitored)
    await call('projects.removeBeneficiary', { id: d.beneficiaries[0]!.id })
    expect((await call('projects.get', { id })).beneficiaryCounts.households).toBe(2)
  })

  it('registers assets, requires the household of a 到户类 asset, lists the township asset ledger and exports it', async () => {
    const { core, call, raw, create } = await setup(12)
    const village = core.ledger.sqlite.prepare('SELECT id FROM villages ORDER BY id LIMIT 1').pluck().get() as number
    const id = await create({ villageId: village })
    await call('projects.addRecord', {
      projectId: id,
      record: { kind: 'asset', assetName: '村级光伏电站', category: '经营性', quantity: '100', unit: 'kW', originalValue: '650000', owner: '村集体', custodian: '村委会', custodianPerson: '张会计' },
    })
    expect(await raw('projects.addRecord', { projectId: id, record: { kind: 'asset', assetName: '能繁母牛', category: '到户类' } })).toMatchObject({
      ok: false,
      error: { field: 'householdId' },
    })
    // The demo township may carry projects of its own: look at this one's village and project.
    const assets = (await call('projects.assets', { villageId: village })).filter((a) => a.projectId === id)
    expect(assets).toHaveLength(1)
    expect(assets[0]).toMatchObject({ name: '村级光伏电站', originalValueFen: 65_000_000, projectName: '村道硬化工程' })
    expect(await call('projects.assets', { category: '公益性', projectId: id })).toEqual([])
    const file = await call('projects.exportAssets', {})
    expect(file.name).toMatch(/^资产台账-.*\.xlsx$/)
  })

  it('deletes a project with its records, each deletion in the audit trail', async () => {
    const { core, call, create } = await setup()
    const id = await create()
    await call('projects.addRecord', { projectId: id, record: { kind: 'budget', source: '县级', amount: '10' } })
    await call('projects.delete', { id })
    const audit = core.ledger.sqlite.prepare(`SELECT table_name FROM audit_log WHERE action = 'delete' ORDER BY id`).pluck().all()
    expect(audit).toEqual(['project_budget_lines', 'projects'])
    expect(core.ledger.sqlite.prepare('SELECT count(*) FROM project_budget_lines').pluck().get()).toBe(0)
  })
})

describe('assisting-unit contribution', () => {
  it('splits funds obtained (recorded as such, never a project\'s allocations) from funds raised (its own budget lines and its aid)', async () => {
    const { core, call, create } = await setup(12)
    const db = core.ledger.sqlite
    const village = db.prepare('SELECT id FROM villages ORDER BY id LIMIT 1').pluck().get() as number
    const household = db.prepare('SELECT id FROM households WHERE village_id = ? LIMIT 1').pluck().get(village) as number
    const unit = '县交通运输局'
    const road = await create({ projectName: '通组路', villageId: village, assistingUnit: unit, plannedStart: '2024-03-01' })
    await call('projects.addRecord', { projectId: road, record: { kind: 'budget', source: '中央衔接资金', amount: '300000' } })
    await call('projects.addRecord', { projectId: road, record: { kind: 'budget', source: '县级', amount: '50000' } })
    await call('projects.addRecord', { projectId: road, record: { kind: 'budget', source: '群众自筹', amount: '8000' } })
    const lamp = await create({ projectName: '太阳能路灯', villageId: village, plannedStart: '2024-06-01' })
    await call('projects.addRecord', { projectId: lamp, record: { kind: 'budget', source: '帮扶单位资金', unitName: unit, amount: '40000' } })
    await call('projects.addRecord', { projectId: lamp, record: { kind: 'budget', source: '县级', amount: '10000' } })
    await call('assistance.addAid', { householdId: household, date: '2024-02-01', aidKind: '现金', description: '春节慰问金', amount: '300', source: unit })
    await call('assistance.addAid', { householdId: household, date: '2025-02-01', aidKind: '现金', description: '春节慰问金', amount: '300', source: unit })
    // The road's 中央/县级 allocations are the project's budget, not funds the unit obtained.
    expect((await call('projects.unitContribution', { unitName: unit, villageId: village })).obtained).toEqual([])
    await call('projects.addObtainedFund', { unitName: unit, villageId: village, date: '2024-04-01', amount: '350000', grantor: '县财政局', purpose: '争取通组路建设资金', projectId: road })
    await call('projects.addObtainedFund', { unitName: unit, villageId: village, date: '2023-04-01', amount: '1000', grantor: '县财政局', purpose: '上年度' })
    const c = await call('projects.unitContribution', { unitName: unit, villageId: village, from: '2024-01-01', to: '2024-12-31' })
    expect(c.obtained).toEqual([
      { id: expect.any(Number), unitName: unit, villageId: village, date: '2024-04-01', amountFen: 35_000_000, grantor: '县财政局', purpose: '争取通组路建设资金', projectId: road, projectName: '通组路', note: null },
    ])
    expect(c.villageProjects).toEqual([{ projectId: lamp, projectName: '太阳能路灯', year: '2024', amountFen: 4_000_000 }])
    expect(c.householdAid).toEqual([{ date: '2024-02-01', description: '春节慰问金', households: 1, amountFen: 30_000 }])
    expect(c).toMatchObject({ obtainedFen: 35_000_000, villageProjectsFen: 4_000_000, householdAidFen: 30_000, raisedFen: 4_030_000, totalFen: 39_030_000 })
    // The statement's figures: nothing paid yet, so all is 结余, both projects unfinished, the lamp pledge unpaid.
    expect(c.balanceFen).toBe(35_800_000 + 5_000_000)
    expect(c.unfinished.map((u) => u.projectName)).toEqual(['通组路', '太阳能路灯'])
    expect(c.unpaid).toEqual([{ projectId: lamp, projectName: '太阳能路灯', pledgedFen: 4_000_000, paidFen: 0, unpaidFen: 4_000_000 }])
    const all = await call('projects.unitContribution', { unitName: unit, villageId: village })
    expect(all.householdAidFen).toBe(60_000)
    expect(await call('projects.units', {})).toContain(unit)
  })
})

describe('validation messages', () => {
  it('labels a field by what it means in the operation', async () => {
    const { raw } = await setup()
    expect(await raw('backups.restore', { name: '' })).toMatchObject({ error: { message: expect.stringContaining('「备份文件」') } })
    expect(await raw('assistance.addHelper', { name: '', unitName: '县医院' })).toMatchObject({ error: { message: expect.stringContaining('「姓名」') } })
    expect(await raw('projects.addRecord', { projectId: 1, record: { kind: 'asset', assetName: '', category: '公益性' } })).toMatchObject({
      error: { message: expect.stringContaining('「资产名称」') },
    })
  })
})
