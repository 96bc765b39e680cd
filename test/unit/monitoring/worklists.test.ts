/**
 * 监测预警 against a real SQLite file: each worklist fires on what it is meant to and not on its
 * neighbours, counts the year's settings (never constants) and reads cases as of the date asked.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { OpInput } from '../../../shared/api/contract'
import type { WorklistKey, Worklists } from '../../../shared/domain/monitoring-worklists'
import { endedWithoutNewSpell } from '../../../shared/domain/monitoring-worklists'
import type { CoreContext } from '../../../electron/core/context'
import { opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

function setup() {
  const { core } = testCore()
  cores.push(core)
  const { call } = opCaller(core)
  const ledger = core.ledger
  const villageId = ledger.write.run({ actor: 'test' }, (w) => w.insert('villages', { county: '示例县', township: '示例镇', name: '青山村', is_demo: 0 }))
  let n = 0
  const household = (h: Record<string, string | number | null> = {}, size = 3) =>
    ledger.write.run({ actor: 'test' }, (w) => {
      n++
      const id = w.insert('households', {
        village_id: villageId, household_no: `52000000000${String(n).padStart(4, '0')}`, household_type: '一般农户', safe_drinking_water: '是', dilapidated_house: '否',
        per_capita_net_income_fen: 1_200_000, ...h,
      })
      for (let i = 0; i < size; i++) w.insert('members', { household_id: id, sort_order: i, name: `户${n}成员${i}`, relation: i === 0 ? '户主' : '之子' })
      return id
    })
  const settings = (over: Partial<OpInput<'monitoring.saveSettings'>> = {}) =>
    call('monitoring.saveSettings', {
      year: 2026, line: '7300', publicityDays: 5, minMonthsBeforeElimination: 6, reminderDaysWithoutMeasure: 30,
      stepDeadlineDays: 10, identificationDeadlineDays: 15, workGapDays: 60, ...over,
    })
  const open = async (householdId: number, over: Partial<OpInput<'monitoring.openCase'>> = {}) =>
    (await call('monitoring.openCase', {
      householdId, category: '边缘易致贫户', risks: ['因病'], foundBy: '基层干部排查', reportDate: '2026-03-01', reportBy: '王专干',
      sizeAtIdentification: 3, incomeAtIdentification: '18000', ...over,
    })).id
  const step = (caseId: number, s: OpInput<'monitoring.recordStep'>['step'], date: string, over: Partial<OpInput<'monitoring.recordStep'>> = {}) =>
    call('monitoring.recordStep', { caseId, step: s, date, by: '李干部', ...over })
  /** 申报 03-01 → 评议 03-05 → 公示 03-06…03-10 → 审核 03-11 → 审定 03-15. */
  const identify = async (caseId: number) => {
    await step(caseId, 'review', '2026-03-05')
    await step(caseId, 'publicity', '2026-03-06', { endDate: '2026-03-10' })
    await step(caseId, 'township', '2026-03-11', { opinion: '同意纳入' })
    await step(caseId, 'county', '2026-03-15', { opinion: '同意纳入监测' })
  }
  const measure = (caseId: number, kind: OpInput<'monitoring.addMeasure'>['kind'], items: string[], date = '2026-04-01') =>
    call('monitoring.addMeasure', { caseId, kind, items, date, responsible: '镇卫生院' })
  const lists = (asOf: string) => call('monitoring.worklists', { asOf })
  const list = (w: Worklists, key: WorklistKey) => w.lists.find((l) => l.key === key)!
  const ids = async (asOf: string, key: WorklistKey) => list(await lists(asOf), key).items.map((i) => i.householdId)
  return { core, call, ledger, household, settings, open, step, identify, measure, lists, list, ids }
}

describe('监测预警 worklists', () => {
  it('收入低于监测线未纳入: under the year\'s line and not monitored; not when monitored, in procedure, above the line or gone', async () => {
    const t = setup()
    const under = await t.household({ per_capita_net_income_fen: 600_000 })
    await t.household({ per_capita_net_income_fen: 800_000 })
    await t.household({ per_capita_net_income_fen: 600_000, monitoring_category: '边缘易致贫户' })
    const inProcedure = await t.household({ per_capita_net_income_fen: 600_000 })
    await t.open(inProcedure)
    await t.household({ per_capita_net_income_fen: 600_000, removed_reason: '整户消亡', removed_date: '2026-01-01' })
    await t.household({ per_capita_net_income_fen: null })
    // No settings for the year: the list says so, and lists nothing.
    let w = await t.lists('2026-06-01')
    expect(t.list(w, 'income_under_line')).toMatchObject({ count: 0, items: [] })
    expect(t.list(w, 'income_under_line').unavailable).toMatch(/还没有填写 2026 年的监测设置/)
    await t.settings()
    w = await t.lists('2026-06-01')
    const l = t.list(w, 'income_under_line')
    expect(l.unavailable).toBeNull()
    expect(l.items.map((i) => i.householdId)).toEqual([under])
    expect(l.items[0]).toMatchObject({ headName: '户1成员0', village: '青山村', householdNo: '520000000000001' })
    expect(l.items[0]!.detail).toBe('人均纯收入 6,000.00 元，低于 2026 年监测线 7,300.00 元')
    // The line is the year's: raised, it catches the 8000 household too; 2025 has no settings.
    await t.settings({ line: '8500' })
    expect(await t.ids('2026-06-01', 'income_under_line')).toHaveLength(2)
    expect(t.list(await t.lists('2025-06-01'), 'income_under_line').unavailable).toMatch(/2025 年/)
  })

  it('收入低于监测线未纳入 fires again for a household whose case was eliminated, as of after the elimination', async () => {
    const t = setup()
    await t.settings({ minMonthsBeforeElimination: 0 })
    const h = await t.household({ per_capita_net_income_fen: 600_000 })
    const c = await t.open(h)
    await t.identify(c)
    await t.measure(c, '健康帮扶', ['医疗救助'])
    await t.call('monitoring.setIndicators', {
      caseId: c,
      indicators: {
        after_dropout: '否', after_house_damaged: '否', after_uninsured: '否', after_water_damaged: '否', after_wage_fen: '20000', after_property_fen: '0',
        after_transfer_fen: '3000', after_business_fen: '5000', after_business_expense_fen: '1000', after_net_fen: '27000', after_per_capita_fen: '9000',
        after_claims_fen: '0', after_self_paid_fen: '800',
      },
    })
    await t.step(c, 'elim_review', '2026-05-04', { eliminationMethod: '帮扶消除' })
    await t.step(c, 'elim_publicity', '2026-05-05', { endDate: '2026-05-09' })
    await t.step(c, 'elim_township', '2026-05-10', { opinion: '同意消除' })
    await t.step(c, 'elim_county', '2026-05-15', { opinion: '同意风险消除' })
    expect(await t.ids('2026-05-14', 'income_under_line')).toEqual([])
    expect(await t.ids('2026-05-15', 'income_under_line')).toEqual([h])
  })

  it('三保障或饮水短板未纳入: a gap, a 危房 or unsafe water, each named; not once monitored', async () => {
    const t = setup()
    const medical = await t.household({ guarantee_medical: '有短板' })
    const house = await t.household({ dilapidated_house: '是' })
    const water = await t.household({ safe_drinking_water: '否', guarantee_education: '有短板' })
    await t.household({ guarantee_medical: '达标' })
    const monitored = await t.household({ guarantee_housing: '有短板' })
    await t.open(monitored)
    const w = await t.lists('2026-06-01')
    const l = t.list(w, 'guarantee_gap')
    // Needs no settings.
    expect(l.unavailable).toBeNull()
    expect(l.items.map((i) => [i.householdId, i.detail])).toEqual([
      [medical, '基本医疗保障有短板'], [house, '危房户'], [water, '义务教育保障有短板、饮水不安全'],
    ])
  })

  it('纳入后无帮扶措施: from 县级审定 plus the year\'s reminder days; gone once a measure is dated by then', async () => {
    const t = setup()
    await t.settings({ reminderDaysWithoutMeasure: 30 })
    const h = await t.household()
    const c = await t.open(h)
    expect(await t.ids('2026-06-01', 'no_measure')).toEqual([]) // not approved yet
    await t.identify(c)
    expect(await t.ids('2026-04-13', 'no_measure')).toEqual([]) // 29 days
    const w = await t.lists('2026-04-14')
    expect(t.list(w, 'no_measure').items).toMatchObject([{ householdId: h, since: '2026-03-15', days: 30 }])
    expect(t.list(w, 'no_measure').items[0]!.detail).toBe('2026-03-15 纳入监测，已 30 天没有登记帮扶措施（设置：30 天）')
    await t.measure(c, '产业帮扶', ['种植业'], '2026-04-20')
    expect(await t.ids('2026-04-19', 'no_measure')).toEqual([h]) // the measure came later
    expect(await t.ids('2026-04-20', 'no_measure')).toEqual([])
    await t.settings({ reminderDaysWithoutMeasure: 60 })
    expect(await t.ids('2026-04-19', 'no_measure')).toEqual([])
  })

  it('风险无对应措施: 因病 wants 健康帮扶 or 社会帮扶, 因学 wants 教育; a risk with no single matching kind is never listed', async () => {
    const t = setup()
    await t.settings({ reminderDaysWithoutMeasure: 30 })
    const h = await t.household()
    const c = await t.open(h, { risks: ['因病', '因学', '因自然灾害'] })
    await t.identify(c)
    await t.measure(c, '健康帮扶', ['医疗救助'])
    expect(await t.ids('2026-04-10', 'risk_without_measure')).toEqual([]) // within the window
    let l = t.list(await t.lists('2026-04-20'), 'risk_without_measure')
    expect(l.items.map((i) => i.detail)).toEqual(['风险「因学」没有义务教育保障或教育帮扶或社会帮扶措施'])
    await t.measure(c, '教育帮扶', ['雨露计划'], '2026-04-25')
    l = t.list(await t.lists('2026-04-25'), 'risk_without_measure')
    expect(l.items).toEqual([])
    const other = await t.household()
    await t.identify(await t.open(other, { risks: ['因自然灾害', '缺劳动力'] }))
    expect(await t.ids('2026-06-01', 'risk_without_measure')).toEqual([])
  })

  it('程序步骤超期: each step within the days after the one it rests on (a 公示 from its last day), identification within its own limit', async () => {
    const t = setup()
    const h = await t.household()
    const c = await t.open(h)
    await t.settings({ stepDeadlineDays: null, identificationDeadlineDays: null })
    expect(t.list(await t.lists('2026-06-01'), 'step_overdue').unavailable).toMatch(/没有填写「程序每步办理时限（天）」/)
    await t.settings({ stepDeadlineDays: 10, identificationDeadlineDays: 30 })
    expect(await t.ids('2026-03-11', 'step_overdue')).toEqual([]) // due on 03-11
    let l = t.list(await t.lists('2026-03-12'), 'step_overdue')
    expect(l.items).toMatchObject([{ householdId: h, since: '2026-03-11', days: 1 }])
    expect(l.items[0]!.detail).toBe('「村级民主评议」应于 2026-03-11 前登记，已超期 1 天（每步办理时限 10 天）')
    await t.step(c, 'review', '2026-03-05')
    await t.step(c, 'publicity', '2026-03-06', { endDate: '2026-03-10' })
    // 乡镇审核 rests on the end of the 公示: due 03-20.
    expect(await t.ids('2026-03-20', 'step_overdue')).toEqual([])
    expect(t.list(await t.lists('2026-03-21'), 'step_overdue').items[0]!.detail).toMatch(/^「乡镇审核」应于 2026-03-20 前登记/)
    // The whole identification: 申报 03-01 + 15 days, though each step was on time.
    await t.settings({ stepDeadlineDays: 10, identificationDeadlineDays: 15 })
    await t.step(c, 'township', '2026-03-11', { opinion: '同意纳入' })
    l = t.list(await t.lists('2026-03-17'), 'step_overdue')
    expect(l.items[0]!.detail).toBe('「县级审定」应于 2026-03-16 前登记，已超期 1 天（识别程序时限 15 天）')
    // As of a day before the 评议 was recorded, the case was still waiting for it.
    expect(t.list(await t.lists('2026-03-04'), 'step_overdue').items).toEqual([])
    await t.step(c, 'county', '2026-03-15', { opinion: '同意' })
    expect(await t.ids('2026-03-17', 'step_overdue')).toEqual([])
    // Approved and waiting for elimination is not overdue; an elimination begun is timed again.
    expect(await t.ids('2026-11-01', 'step_overdue')).toEqual([])
  })

  it('可开展风险消除评估: approved cases past the year\'s minimum months, until the elimination procedure begins', async () => {
    const t = setup()
    await t.settings({ minMonthsBeforeElimination: 6 })
    const h = await t.household()
    const c = await t.open(h)
    await t.identify(c)
    expect(await t.ids('2026-09-14', 'elimination_review')).toEqual([])
    const l = t.list(await t.lists('2026-09-15'), 'elimination_review')
    expect(l.items).toMatchObject([{ householdId: h, since: '2026-09-15', days: 0 }])
    expect(l.items[0]!.detail).toBe('2026-03-15 纳入监测，已满 6 个月（2026-09-15 起可评估），尚未开始风险消除程序')
    await t.measure(c, '健康帮扶', ['医疗救助'])
    await t.step(c, 'elim_review', '2026-09-20', { eliminationMethod: '帮扶消除' }).catch(() => undefined)
    // Refused (indicators blank), so the case is still waiting for its review.
    expect(await t.ids('2026-09-20', 'elimination_review')).toEqual([h])
  })

  it('务工结束未再就业: not available while the ledger holds no work spell; with some, the latest spell ended past the gap and no new one', async () => {
    const t = setup()
    await t.settings({ workGapDays: 60 })
    const a = await t.household()
    const b = await t.household()
    let l = t.list(await t.lists('2026-06-01'), 'work_ended')
    expect(l).toMatchObject({ count: 0, items: [] })
    expect(l.unavailable).toMatch(/还没有务工信息/)
    // Spells as the clerk enters them (national area, work_spells).
    const db = t.ledger.sqlite
    const member = (household: number, i: number) => db.prepare('SELECT id FROM members WHERE household_id = ? ORDER BY sort_order LIMIT 1 OFFSET ?').pluck().get(household, i) as number
    const blank = { province: null, city: null, countyAt: null, channel: null, employer: null, industry: null, monthlyIncome: null }
    const spell = (memberId: number, startMonth: string, endMonth: string | null) => t.call('national.saveWorkSpell', { memberId, startMonth, endMonth, ...blank })
    await spell(member(a, 1), '2025-03', '2025-12')
    await spell(member(a, 1), '2026-01', '2026-03') // ended 03-31
    await spell(member(b, 1), '2025-03', '2025-12')
    await spell(member(b, 1), '2026-02', null) // still working
    l = t.list(await t.lists('2026-05-30'), 'work_ended')
    expect(l.unavailable).toBeNull()
    expect(l.items).toEqual([]) // 60 days after 03-31
    l = t.list(await t.lists('2026-06-01'), 'work_ended')
    expect(l.items).toMatchObject([{ householdId: a, since: '2026-03-31', days: 62 }])
    expect(l.items[0]!.detail).toBe('户1成员1 的外出务工于 2026-03 结束，已 62 天没有新的务工记录')
  })

  it('counts each household once for the menu, and needs no settings for the gap list', async () => {
    const t = setup()
    await t.settings()
    const h = await t.household({ per_capita_net_income_fen: 500_000, guarantee_medical: '有短板' })
    await t.household({ guarantee_water: '有短板' })
    const w = await t.lists('2026-06-01')
    expect(t.list(w, 'income_under_line').items.map((i) => i.householdId)).toEqual([h])
    expect(t.list(w, 'guarantee_gap').count).toBe(2)
    expect(w.households).toBe(2)
    expect(w).toMatchObject({ asOf: '2026-06-01', year: 2026, settings: { lineFen: 730_000, stepDeadlineDays: 10 } })
  })
})

describe('endedWithoutNewSpell', () => {
  const s = (memberId: number, startMonth: string, endMonth: string | null) => ({ householdId: 1, memberId, memberName: `m${memberId}`, startMonth, endMonth })
  it('takes the latest spell of each member, counts from the end month\'s last day and skips members still working', () => {
    const out = endedWithoutNewSpell([s(1, '2025-01', '2025-06'), s(1, '2025-08', '2026-01'), s(2, '2025-01', '2025-02'), s(2, '2025-03', null)], '2026-04-01', 30)
    expect(out).toEqual([{ ...s(1, '2025-08', '2026-01'), endedOn: '2026-01-31', days: 60 }])
    expect(endedWithoutNewSpell([s(1, '2026-01', '2026-02')], '2026-03-30', 30)).toEqual([])
  })
})
