import { describe, expect, it } from 'vitest'
import { fenToWanText, fundTotals, isLagging, milestoneRefusal, projectStatus, ratePercent, wanTextToFen } from '../../../shared/domain/projects'

describe('万元 money', () => {
  it('adds 0.1 万元 and 0.2 万元 to exactly 3000 元', () => {
    expect(wanTextToFen('0.1')! + wanTextToFen('0.2')!).toBe(300_000)
    expect(fenToWanText(wanTextToFen('0.1')! + wanTextToFen('0.2')!)).toBe('0.3')
  })
  it('reads 万元 text down to the 分 and refuses what is not a number', () => {
    expect(wanTextToFen('1,234.567891')).toBe(1_234_567_891)
    expect(wanTextToFen('12')).toBe(12_000_000)
    expect(wanTextToFen('1.2345678')).toBeNull()
    expect(wanTextToFen('一万')).toBeNull()
    expect(fenToWanText(12_000_000)).toBe('12')
    expect(fenToWanText(-1)).toBe('-0.000001')
  })
  it('computes 拨付率 on integers', () => {
    expect(ratePercent(1, 3)).toBe(33.3)
    expect(ratePercent(2, 3)).toBe(66.7)
    expect(ratePercent(5, 0)).toBeNull()
    const t = fundTotals([{ source: '中央衔接资金', amountFen: 10 }, { source: '不认识的来源', amountFen: 5 }], [{ amountFen: 15 }])
    // A source the standard list does not have keeps its own name: it is never folded into 其他.
    expect(t.bySource['不认识的来源']).toBe(5)
    expect(t.bySource['其他']).toBe(0)
    expect(t).toMatchObject({ budgetFen: 15, balanceFen: 0, disbursedRate: 100, overDisbursed: false })
  })
})

describe('lifecycle rules', () => {
  const m = (kind: string, date: string, result: string | null = null) => ({ kind, date, result })
  it('derives the status from the milestones', () => {
    expect(projectStatus([])).toBe('未开工')
    expect(projectStatus([m('开工', '2024-01-01')])).toBe('在建')
    expect(projectStatus([m('竣工', '2024-05-01')])).toBe('已竣工')
    expect(projectStatus([m('竣工', '2024-05-01'), m('验收', '2024-06-01', '合格'), m('验收', '2024-05-20', '不合格')])).toBe('已验收')
    expect(projectStatus([m('竣工', '2024-05-01'), m('验收', '2024-06-01', '不合格')])).toBe('验收不合格')
  })
  it('needs a passed acceptance for the handover', () => {
    expect(milestoneRefusal([m('竣工', '2024-05-01'), m('验收', '2024-06-01', '不合格')], m('资产移交', '2024-07-01'))).toMatch(/验收合格后/)
    expect(milestoneRefusal([m('竣工', '2024-05-01'), m('验收', '2024-06-01', '合格')], m('资产移交', '2024-07-01'))).toBeNull()
  })
  it('is lagging only past the planned end and before completion', () => {
    expect(isLagging('2024-06-30', '在建', '2024-07-01')).toBe(true)
    expect(isLagging('2024-06-30', '已竣工', '2024-07-01')).toBe(false)
    expect(isLagging(null, '未开工', '2030-01-01')).toBe(false)
  })
})
