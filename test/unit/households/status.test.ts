import { describe, expect, it } from 'vitest'
import { type StatusEvent, checkNewEvent, deriveStatus, monitoredDuring } from '../../../shared/domain/households-status'

let next = 1
const ev = (kind: StatusEvent['kind'], date: string, extra: Partial<StatusEvent> = {}): StatusEvent => ({
  id: next++, kind, date, monitoringCategory: null, risks: [], riskNote: null, eliminationMethod: null, note: null,
  actor: 't', createdAt: '', ...extra,
})

describe('deriveStatus', () => {
  const history = [
    ev('识别', '2015-03-10'),
    ev('脱贫', '2019-12-01'),
    ev('纳入监测', '2022-04-01', { monitoringCategory: '脱贫不稳定户', risks: ['因病'] }),
    ev('风险消除', '2023-09-30', { eliminationMethod: '帮扶消除' }),
    ev('返贫', '2024-02-01'),
  ]
  it('gives the state on each date, inclusive', () => {
    expect(deriveStatus(history, '2015-03-09')).toEqual({ exitStatus: null, exitYear: null, identifiedDate: null, monitoring: null, everMonitored: false })
    expect(deriveStatus(history, '2015-03-10')).toMatchObject({ exitStatus: '未脱贫', identifiedDate: '2015-03-10', monitoring: null })
    expect(deriveStatus(history, '2019-12-01')).toMatchObject({ exitStatus: '已脱贫(享受政策)', exitYear: '2019' })
    expect(deriveStatus(history, '2023-01-01')).toEqual({
      exitStatus: '已脱贫(享受政策)', exitYear: '2019', identifiedDate: '2015-03-10', everMonitored: true,
      monitoring: { category: '脱贫不稳定户', risks: ['因病'], riskNote: null, since: '2022-04-01' },
    })
    expect(deriveStatus(history, '2023-09-30')).toMatchObject({ monitoring: null, everMonitored: true })
    expect(deriveStatus(history, '2025-01-01')).toMatchObject({ exitStatus: '返贫', exitYear: '2019', monitoring: null })
  })
  it('orders by date whatever order the events come in', () => {
    expect(deriveStatus([...history].reverse(), '2020-01-01').exitStatus).toBe('已脱贫(享受政策)')
  })
  it('answers who was monitored during a year', () => {
    expect(monitoredDuring(history, '2023-01-01', '2023-12-31')).toBe(true)
    expect(monitoredDuring(history, '2024-01-01', '2024-12-31')).toBe(false)
    expect(monitoredDuring(history, '2021-01-01', '2021-12-31')).toBe(false)
    expect(monitoredDuring(history, '2022-01-01', '2022-12-31')).toBe(true)
  })
})

describe('checkNewEvent refusals', () => {
  const ctx = { today: '2024-06-30', firstIdentified: null }
  const input = (kind: StatusEvent['kind'], date: string, extra: Partial<StatusEvent> = {}) => {
    const { id: _i, actor: _a, createdAt: _c, ...rest } = ev(kind, date, extra)
    return rest
  }
  it('脱贫 cannot precede 识别, nor the roster 首次识别时间 at its precision', () => {
    expect(checkNewEvent([ev('识别', '2016-05-01')], input('脱贫', '2016-04-30'), ctx)?.message)
      .toBe('脱贫日期 2016-04-30 早于识别时间 2016-05-01。脱贫不能早于识别，请核对日期。')
    expect(checkNewEvent([], input('脱贫', '2016-04-30'), { ...ctx, firstIdentified: '2016-05' })?.message)
      .toBe('脱贫日期 2016-04-30 早于识别时间 2016-05。脱贫不能早于识别，请核对日期。')
    expect(checkNewEvent([], input('脱贫', '2016-05-01'), { ...ctx, firstIdentified: '2016-05' })).toBeNull()
  })
  it('needs a valid date, not in the future', () => {
    expect(checkNewEvent([], input('脱贫', ''), ctx)).toEqual({ field: 'date', message: '「脱贫」需要填写日期（如 2023-06-30）。' })
    expect(checkNewEvent([], input('识别', '2024-07-01'), ctx)?.message).toBe('「识别」的日期 2024-07-01 晚于今天，不能登记将来的事件。请核对日期。')
  })
  it('风险消除 needs an open 纳入监测 and a method', () => {
    expect(checkNewEvent([], input('风险消除', '2023-01-01', { eliminationMethod: '自然消除' }), ctx)?.message)
      .toBe('该户在 2023-01-01 没有处于监测中的记录，不能登记风险消除。请先登记「纳入监测」，或核对日期。')
    const open = [ev('纳入监测', '2022-01-01', { monitoringCategory: '边缘易致贫户', risks: ['因学'] })]
    expect(checkNewEvent(open, input('风险消除', '2023-01-01'), ctx)?.field).toBe('eliminationMethod')
    expect(checkNewEvent(open, input('风险消除', '2023-01-01', { eliminationMethod: '自然消除' }), ctx)).toBeNull()
  })
  it('纳入监测 needs a category, 1–5 known risks, a note for 其他, and no open monitoring', () => {
    expect(checkNewEvent([], input('纳入监测', '2023-01-01', { risks: ['因病'] }), ctx)?.field).toBe('monitoringCategory')
    const c = { monitoringCategory: '突发严重困难户' }
    expect(checkNewEvent([], input('纳入监测', '2023-01-01', { ...c, risks: [] }), ctx)?.message).toBe('纳入监测需要选择 1 至 5 项「致贫返贫风险」（现为 0 项）。')
    expect(checkNewEvent([], input('纳入监测', '2023-01-01', { ...c, risks: ['因病', '因学', '因残', '缺劳动力', '因安全住房', '因安全饮水'] }), ctx)?.field).toBe('risks')
    expect(checkNewEvent([], input('纳入监测', '2023-01-01', { ...c, risks: ['因赌'] }), ctx)?.message).toMatch(/^「因赌」不是标准的致贫返贫风险。/)
    expect(checkNewEvent([], input('纳入监测', '2023-01-01', { ...c, risks: ['其他'] }), ctx)?.message).toBe('致贫返贫风险选了「其他」，请在「风险说明」中写明是什么风险。')
    expect(checkNewEvent([], input('纳入监测', '2023-01-01', { ...c, risks: ['其他'], riskNote: '房屋被洪水冲毁' }), ctx)).toBeNull()
    const open = [ev('纳入监测', '2022-01-01', { ...c, risks: ['因病'] })]
    expect(checkNewEvent(open, input('纳入监测', '2023-01-01', { ...c, risks: ['因病'] }), ctx)?.message)
      .toBe('该户自 2022-01-01 起已在监测中（突发严重困难户），不能重复纳入监测。风险消除后才能再次纳入。')
  })
  it('返贫 needs an exit first; a back-dated event may not contradict later ones', () => {
    expect(checkNewEvent([ev('识别', '2015-01-01')], input('返贫', '2020-01-01'), ctx)?.message)
      .toBe('该户在 2020-01-01 还不是已脱贫户，不能登记返贫。请先登记脱贫，或核对日期。')
    const h = [ev('识别', '2015-01-01'), ev('脱贫', '2019-01-01'), ev('返贫', '2021-01-01')]
    // A second 脱贫 before the 返贫 would be a repeat exit.
    expect(checkNewEvent(h, input('脱贫', '2018-01-01'), ctx)?.message).toBe('在 2018-01-01 登记「脱贫」会与之后 2019-01-01 的「脱贫」矛盾：该户在 2019-01-01 已是「已脱贫」，不能重复登记脱贫。')
  })
})
