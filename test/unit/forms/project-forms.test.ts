import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { DEMO_UNIT } from '../../../electron/core/demo/projects'
import { DEFAULT_HANDOVER_STATEMENT, handoverStatement } from '../../../shared/api/forms'
import { jobEnd, opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

async function demo(households = 360) {
  const { core, events } = testCore()
  cores.push(core)
  const { call, raw } = opCaller(core)
  const started = await call('demo.load', { households })
  await jobEnd(events, started.jobId)
  const villageId = (name: string) => core.ledger.sqlite.prepare('SELECT id FROM villages WHERE name = ?').pluck().get(name) as number
  return { core, events, call, raw, villageId }
}

const yuan = (v: number) => v * 100

describe('demo projects', () => {
  it('gives the demo township a dozen projects with every kind of record, removed with the demo', async () => {
    const { core, call } = await demo(60)
    const list = await call('projects.list', { pageSize: 100, today: '2026-11-28' })
    expect(list.total).toBe(12)
    const statuses = list.items.map((p) => p.status)
    expect(statuses).toContain('已移交')
    expect(statuses).toContain('验收不合格')
    expect(statuses).toContain('在建')
    expect(list.items.filter((p) => p.lagging).map((p) => p.name)).toEqual(['石桥村农产品初加工车间'])
    const failed = list.items.find((p) => p.status === '验收不合格')!
    const detail = await call('projects.get', { id: failed.id })
    expect(detail.rectification).toMatch(/整改/)
    expect(detail.milestones.find((m) => m.kind === '验收')).toMatchObject({ result: '不合格' })
    const assets = await call('projects.assets', {})
    expect(new Set(assets.map((a) => a.category))).toEqual(new Set(['经营性', '公益性', '到户类']))
    expect(assets.filter((a) => a.category === '到户类').every((a) => a.householdId !== null)).toBe(true)
    expect(await call('projects.units', {})).toContain(DEMO_UNIT)

    // A project of a real village stays when the demo goes.
    const real = core.ledger.write.run({ actor: 't' }, (w) => w.insert('villages', { name: '真实村', county: '甲县', township: '乙镇' }))
    await call('projects.create', { projectName: '真实村道路', villageId: real })
    await call('demo.remove', {})
    const left = await call('projects.list', {})
    expect(left.items.map((p) => p.name)).toEqual(['真实村道路'])
    const db = core.ledger.sqlite
    expect(db.prepare('SELECT (SELECT count(*) FROM aid) + (SELECT count(*) FROM project_assets) + (SELECT count(*) FROM project_beneficiaries) AS n').get()).toEqual({ n: 0 })
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'delete' AND table_name = 'projects'").pluck().get()).toBe(12)
  })
})

describe('帮扶单位交接表 data', () => {
  it('lists funds the unit obtained as recorded, never a project\'s own allocations; subtotals per block and the split total', async () => {
    const { call, villageId } = await demo()
    const c = await call('projects.unitContribution', { unitName: DEMO_UNIT, villageId: villageId('南坪村') })
    expect(c.obtained.map((o) => [o.date, o.grantor, o.purpose, o.projectName, o.amountFen])).toEqual([
      ['2021-02-25', '示例市财政局', '争取市级产业路建设补助资金', '南坪村产业路硬化工程', yuan(300_000)],
      ['2023-05-16', '示例省农业农村厅', '争取省级乡村振兴示范村奖补资金', null, yuan(200_000)],
    ])
    expect(c.obtainedFen).toBe(yuan(500_000))
    expect(c.villageProjects.map((v) => [v.projectName, v.amountFen])).toEqual([
      ['南坪村产业路硬化工程', yuan(50_000)],
      ['南坪村村级光伏电站', yuan(150_000)],
    ])
    expect(c.villageProjectsFen).toBe(yuan(200_000))
    expect(c.householdAid.map((a) => [a.date, a.households, a.amountFen])).toEqual([
      ['2022-01-20', 8, yuan(2_400)],
      ['2023-04-12', 6, yuan(3_600)],
      ['2024-09-01', 3, yuan(3_000)],
      ['2025-06-18', 10, yuan(2_000)],
    ])
    expect(c.householdAidFen).toBe(yuan(11_000))
    expect(c.raisedFen).toBe(c.villageProjectsFen + c.householdAidFen)
    expect(c.totalFen).toBe(c.obtainedFen + c.raisedFen)
    expect(c.totalFen).toBe(yuan(711_000))
  })

  it('builds the closing statement from the figures: 结余, unfinished projects, unpaid pledges', async () => {
    const { call, villageId } = await demo()
    const c = await call('projects.unitContribution', { unitName: DEMO_UNIT, villageId: villageId('南坪村') })
    expect(c.balances.map((b) => [b.projectName, b.balanceFen])).toEqual([
      ['南坪村产业路硬化工程', yuan(11_400)],
      ['南坪村村级光伏电站', yuan(4_000)],
      ['南坪村高标准农田水利配套', yuan(210_000)],
    ])
    expect(c.balanceFen).toBe(yuan(225_400))
    expect(c.unfinished).toEqual([{ projectId: expect.any(Number), projectName: '南坪村高标准农田水利配套', status: '在建' }])
    expect(c.unpaid).toEqual([])
    const text = handoverStatement(c)
    // Never 「无结余资金」 while the ledger shows 结余.
    expect(text).not.toContain('无结余')
    expect(text).toContain('项目结余资金共 225,400.00 元（南坪村产业路硬化工程 11,400.00 元；南坪村村级光伏电站 4,000.00 元；南坪村高标准农田水利配套 210,000.00 元）')
    expect(text).toContain('尚未完成的事项：南坪村高标准农田水利配套（在建）')
    // An unpaid pledge of the unit is named; nothing left over gives the default statement.
    expect(handoverStatement({ ...c, unpaid: [{ projectId: 1, projectName: '某村道路', pledgedFen: yuan(50_000), paidFen: yuan(20_000), unpaidFen: yuan(30_000) }], unpaidFen: yuan(30_000) }))
      .toContain('帮扶单位承诺尚未拨付的资金共 30,000.00 元（某村道路 30,000.00 元）')
    expect(handoverStatement({ balances: [], balanceFen: 0, unfinished: [], unpaid: [], unpaidFen: 0 })).toBe(DEFAULT_HANDOVER_STATEMENT)
  })

  it('counts only the records of the period; records and deletes 争取的资金 through the audited write path', async () => {
    const { call, raw, core, villageId } = await demo()
    const nanping = villageId('南坪村')
    const c = await call('projects.unitContribution', { unitName: DEMO_UNIT, villageId: nanping, from: '2022-01-01', to: '2024-12-31' })
    expect(c.obtained.map((o) => o.date)).toEqual(['2023-05-16'])
    expect(c.villageProjectsFen).toBe(yuan(150_000))
    expect(c.householdAid.map((a) => a.date)).toEqual(['2022-01-20', '2023-04-12', '2024-09-01'])
    expect(c.totalFen).toBe(yuan(200_000 + 150_000 + 9_000))
    // Another village of the same unit: nothing.
    const other = await call('projects.unitContribution', { unitName: DEMO_UNIT, villageId: villageId('石桥村') })
    expect(other.totalFen).toBe(0)
    const { id } = await call('projects.addObtainedFund', { unitName: DEMO_UNIT, villageId: villageId('石桥村'), date: '2024-06-01', amount: '80000', grantor: '示例县财政局', purpose: '争取县级道路养护资金' })
    expect((await call('projects.unitContribution', { unitName: DEMO_UNIT, villageId: villageId('石桥村') })).obtainedFen).toBe(yuan(80_000))
    expect(await raw('projects.addObtainedFund', { unitName: DEMO_UNIT, villageId: nanping, date: '2024-06-01', amount: '12.345', grantor: '县', purpose: '路' })).toMatchObject({
      ok: false,
      error: { field: 'amount' },
    })
    await call('projects.deleteObtainedFund', { id })
    expect(await call('projects.obtainedFunds', { unitName: DEMO_UNIT, villageId: villageId('石桥村') })).toEqual([])
    const audited = core.ledger.sqlite.prepare("SELECT action FROM audit_log WHERE table_name = 'unit_obtained_funds' AND record_id = ? ORDER BY id").pluck().all(id)
    expect(audited).toEqual(['insert', 'delete'])
  })

  it('writes the .xlsx for A4 with the three blocks, the split total and the statement', async () => {
    const { call, core, villageId } = await demo()
    const c = await call('projects.unitContribution', { unitName: DEMO_UNIT, villageId: villageId('南坪村') })
    const file = await call('forms.unitHandoverXlsx', { unitName: DEMO_UNIT, villageId: villageId('南坪村') })
    expect(file.name).toBe(`南坪村-${DEMO_UNIT}-帮扶单位交接表.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(fs.readFileSync(core.files.get(file.fileId).path) as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]!
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 })
    expect(sheet.pageSetup.printArea).toMatch(/^A1:E\d+$/)
    const text = sheet.getSheetValues().flat().map(String).join('|')
    for (const s of ['一、争取的资金', '二、帮村项目', '三、帮户项目', '小计', '总计', '其中：争取的资金', handoverStatement(c), '示例市财政局', '南坪村产业路硬化工程']) {
      expect(text).toContain(s)
    }
    expect(text).not.toContain('中央衔接资金')
    expect(text).toContain('711000') // total 711,000 元 as a number cell
  })
})

describe('公示 data', () => {
  it('lists a year\'s projects with funds by source, beneficiaries and totals', async () => {
    const { call } = await demo()
    const n = await call('forms.projectNotice', { year: '2025' })
    expect(n.township).toBe('示例县示例镇')
    expect(n.rows.map((r) => r.name).sort()).toEqual(['柳河村就业帮扶车间', '石桥村农产品初加工车间', '南坪村高标准农田水利配套'].sort())
    expect(n.sources).toEqual(['中央衔接资金', '县级', '帮扶单位资金'])
    expect(n.totals.bySource['中央衔接资金']).toBe(yuan(800_000))
    expect(n.totals.totalFen).toBe(yuan(400_000 + 300_000 + 230_000))
    expect(n.totals.households).toBe(20 + 45 + 20)
    expect(n.rows.every((r) => r.totalFen === Object.values(r.bySource).reduce((a, b) => a + b, 0))).toBe(true)
    // What a 公示 must show besides the money: 实施期限, 绩效目标, 联农带农机制, 责任人; the place without the village twice.
    const workshop = n.rows.find((r) => r.name === '石桥村农产品初加工车间')!
    expect(workshop).toMatchObject({
      plannedStart: '2025-04-01',
      plannedEnd: '2025-10-31',
      goals: '新建车间面积 600平方米；带动务工人数 ≥15人',
      farmerLink: '车间建成后出租，租金用于脱贫户分红，优先吸纳本村脱贫劳动力务工。',
      responsiblePerson: '吴春花',
    })
    expect(workshop.place).toMatch(/^示例镇石桥村(?!石桥村)/)
    // The 监督举报电话 is a setting, audited.
    expect(await call('forms.settings', {})).toEqual({ noticePhone: '' })
    expect(await call('forms.saveSettings', { noticePhone: '0371-6666 8888' })).toEqual({ noticePhone: '0371-6666 8888' })
    expect(await call('forms.settings', {})).toEqual({ noticePhone: '0371-6666 8888' })
  })

  it('masks every ID number on the beneficiary notice', async () => {
    const { call, core } = await demo()
    const project = (await call('projects.list', { search: '光伏' })).items[0]!
    const n = await call('forms.beneficiaryNotice', { projectId: project.id })
    expect(n.households).toBe(30)
    expect(n.persons).toBe(n.rows.reduce((a, r) => a + r.persons, 0))
    const full = core.ledger.sqlite.prepare("SELECT id_number FROM members WHERE relation = '户主'").pluck().all() as string[]
    for (const r of n.rows) {
      expect(r.idMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
      expect(full).not.toContain(r.idMasked)
    }
    expect(JSON.stringify(n)).not.toMatch(/\d{18}|\d{17}X/)
    const file = await call('forms.noticeXlsx', { kind: 'beneficiaries', projectId: project.id, from: '2026-11-01', to: '2026-11-10', phone: '0371-1234567' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(fs.readFileSync(core.files.get(file.fileId).path) as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]!
    expect(sheet.pageSetup.printTitlesRow).toBe('1:4')
    const text = sheet.getSheetValues().flat().map(String).join('|')
    expect(text).toContain(n.rows[0]!.idMasked)
    expect(text).toContain('监督举报电话：0371-1234567')
    expect(text).not.toMatch(/\d{18}|\d{17}X/)
  })

  it('refuses a beneficiary notice of a project without beneficiaries, in Chinese', async () => {
    const { raw, call } = await demo()
    const project = (await call('projects.list', { search: '中药材' })).items[0]!
    expect(await raw('forms.beneficiaryNotice', { projectId: project.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('还没有登记受益户') } })
  })
})

describe('batch 户卡', () => {
  it('builds a village\'s cards as a job with progress', async () => {
    const { call, events, villageId } = await demo(120)
    const started = await call('forms.householdCardsJob', { filter: { villageId: villageId('南坪村') } })
    const end = await jobEnd(events, started.jobId)
    expect(end).toMatchObject({ type: 'job.done' })
    const cards = (end as { result: { cards: unknown[] } }).result.cards
    expect(cards).toHaveLength(20)
    const progress = events.filter((e) => e.type === 'job.progress' && e.jobId === started.jobId)
    expect(progress.length).toBeGreaterThanOrEqual(3)
    expect(progress.at(-1)).toMatchObject({ done: 20, total: 20 })
  })
})
