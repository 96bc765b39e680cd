/**
 * Status history of a household (识别, 脱贫, 返贫, 纳入监测, 风险消除) and the state it implies on a
 * given date. Pure: the core stores the events and keeps households.exit_status /
 * monitoring_category equal to deriveStatus(events, today).
 */
import { MONITORING_CATEGORIES } from './enums'

export const STATUS_EVENT_KINDS = ['识别', '脱贫', '返贫', '纳入监测', '风险消除'] as const
export type StatusEventKind = (typeof STATUS_EVENT_KINDS)[number]

/** 致贫/返贫风险 of the monitoring system; 其他 needs a note. */
export const MONITORING_RISKS = [
  '因病', '因学', '因残', '因自然灾害', '因意外事故', '因产业项目失败', '因务工就业不稳', '缺劳动力',
  '因安全住房', '因安全饮水', '其他',
] as const

export const ELIMINATION_METHODS = ['帮扶消除', '自然消除'] as const

export interface StatusEvent {
  id: number
  kind: StatusEventKind
  /** ISO YYYY-MM-DD. */
  date: string
  monitoringCategory: string | null
  risks: string[]
  riskNote: string | null
  eliminationMethod: string | null
  note: string | null
  actor: string
  createdAt: string
}

/** What a new event carries (before it has an id). */
export type StatusEventInput = Omit<StatusEvent, 'id' | 'actor' | 'createdAt'>

export interface MonitoringState {
  category: string | null
  risks: string[]
  riskNote: string | null
  since: string
}

export interface DerivedStatus {
  /** 未脱贫 / 已脱贫(享受政策) / 返贫, or null when no event says anything about it. */
  exitStatus: string | null
  exitYear: string | null
  identifiedDate: string | null
  /** The open 纳入监测 on that date, or null. */
  monitoring: MonitoringState | null
  /** Whether any monitoring event happened by that date (so the column must be derived). */
  everMonitored: boolean
}

/** Events in the order they happened: by date, then in the order they were recorded. */
export function sortEvents<T extends Pick<StatusEvent, 'date' | 'id'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))
}

/** The household's state on asOfDate (inclusive), from its events. */
export function deriveStatus(events: readonly StatusEvent[], asOfDate: string): DerivedStatus {
  const out: DerivedStatus = { exitStatus: null, exitYear: null, identifiedDate: null, monitoring: null, everMonitored: false }
  for (const e of sortEvents(events)) {
    if (e.date > asOfDate) break
    switch (e.kind) {
      case '识别':
        out.exitStatus = '未脱贫'
        out.identifiedDate ??= e.date
        out.exitYear = null
        break
      case '脱贫':
        out.exitStatus = '已脱贫(享受政策)'
        out.exitYear = e.date.slice(0, 4)
        break
      case '返贫':
        out.exitStatus = '返贫'
        break
      case '纳入监测':
        out.everMonitored = true
        out.monitoring = { category: e.monitoringCategory, risks: e.risks, riskNote: e.riskNote, since: e.date }
        break
      case '风险消除':
        out.everMonitored = true
        out.monitoring = null
        break
    }
  }
  return out
}

/** Whether the household was under monitoring on any day of [from, to] (inclusive ISO dates). */
export function monitoredDuring(events: readonly StatusEvent[], from: string, to: string): boolean {
  if (deriveStatus(events, from).monitoring) return true
  return events.some((e) => e.kind === '纳入监测' && e.date >= from && e.date <= to)
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Checks one new event against the household's history (and the first identification date the
 * roster gives, 'YYYY' / 'YYYY-MM' / 'YYYY-MM-DD'). Returns the clerk's message, or null.
 */
export function checkNewEvent(
  history: readonly StatusEvent[],
  event: StatusEventInput,
  context: { today: string; firstIdentified: string | null },
): { message: string; field: string } | null {
  const fail = (field: string, message: string) => ({ message, field })
  if (!ISO_DATE.test(event.date)) return fail('date', `「${event.kind}」需要填写日期（如 2023-06-30）。`)
  if (event.date > context.today) return fail('date', `「${event.kind}」的日期 ${event.date} 晚于今天，不能登记将来的事件。请核对日期。`)
  const before = deriveStatus(history, event.date)
  const identified = sortEvents(history).find((e) => e.kind === '识别')?.date ?? context.firstIdentified
  switch (event.kind) {
    case '识别':
      if (before.exitStatus === '未脱贫' || before.exitStatus === '返贫')
        return fail('kind', `该户在 ${event.date} 已是「${before.exitStatus}」，不能重复登记识别。`)
      break
    case '脱贫':
      // The roster's 识别时间 may be only a year or a month: compare at its precision.
      if (identified && event.date.slice(0, identified.length) < identified)
        return fail('date', `脱贫日期 ${event.date} 早于识别时间 ${identified}。脱贫不能早于识别，请核对日期。`)
      if (before.exitStatus === '已脱贫(享受政策)' || before.exitStatus === '已脱贫(不再享受政策)')
        return fail('kind', `该户在 ${event.date} 已是「已脱贫」，不能重复登记脱贫。`)
      break
    case '返贫':
      if (before.exitStatus !== '已脱贫(享受政策)' && before.exitStatus !== '已脱贫(不再享受政策)')
        return fail('kind', `该户在 ${event.date} 还不是已脱贫户，不能登记返贫。请先登记脱贫，或核对日期。`)
      break
    case '纳入监测': {
      if (!event.monitoringCategory || !(MONITORING_CATEGORIES as readonly string[]).includes(event.monitoringCategory))
        return fail('monitoringCategory', `纳入监测需要选择「监测对象类别」：${MONITORING_CATEGORIES.join('、')}。`)
      if (event.risks.length < 1 || event.risks.length > 5)
        return fail('risks', `纳入监测需要选择 1 至 5 项「致贫返贫风险」（现为 ${event.risks.length} 项）。`)
      const unknown = event.risks.find((r) => !(MONITORING_RISKS as readonly string[]).includes(r))
      if (unknown) return fail('risks', `「${unknown}」不是标准的致贫返贫风险。标准选项：${MONITORING_RISKS.join('、')}。`)
      if (new Set(event.risks).size !== event.risks.length) return fail('risks', '「致贫返贫风险」中有重复的项，请去掉重复项。')
      if (event.risks.includes('其他') && !event.riskNote?.trim())
        return fail('riskNote', '致贫返贫风险选了「其他」，请在「风险说明」中写明是什么风险。')
      if (before.monitoring)
        return fail('kind', `该户自 ${before.monitoring.since} 起已在监测中（${before.monitoring.category ?? ''}），不能重复纳入监测。风险消除后才能再次纳入。`)
      break
    }
    case '风险消除':
      if (!before.monitoring)
        return fail('kind', `该户在 ${event.date} 没有处于监测中的记录，不能登记风险消除。请先登记「纳入监测」，或核对日期。`)
      if (!event.eliminationMethod || !(ELIMINATION_METHODS as readonly string[]).includes(event.eliminationMethod))
        return fail('eliminationMethod', `风险消除需要选择「消除方式」：${ELIMINATION_METHODS.join('、')}。`)
      break
  }
  // An event dated before later ones must not break them: replay the later events.
  const later = sortEvents(history).filter((e) => e.date > event.date)
  if (later.length > 0) {
    const withNew = [...history.filter((e) => e.date <= event.date), { ...event, id: Number.MAX_SAFE_INTEGER, actor: '', createdAt: '' }]
    let acc: StatusEvent[] = withNew
    for (const e of later) {
      const { id: _id, actor: _a, createdAt: _c, ...input } = e
      const problem = checkNewEvent(acc, input, { today: '9999-12-31', firstIdentified: context.firstIdentified })
      if (problem)
        return fail('date', `在 ${event.date} 登记「${event.kind}」会与之后 ${e.date} 的「${e.kind}」矛盾：${problem.message}`)
      acc = [...acc, e]
    }
  }
  return null
}

/** One household's state as of a date (households.statusAt). */
export interface HouseholdStatusAt {
  householdId: number
  exitStatus: string | null
  /** Under monitoring on the date, or — when a period was given — on any day of it. */
  monitored: boolean
  monitoringCategory: string | null
}
