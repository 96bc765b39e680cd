/**
 * Status history: recording events and keeping households.exit_status / exit_year /
 * monitoring_category equal to what the history says today, in the same transaction.
 */
import type Database from 'better-sqlite3'
import { LedgerError } from '../../../shared/api/result'
import {
  type HouseholdStatusAt, type StatusEvent, type StatusEventInput, type StatusEventKind, checkNewEvent, deriveStatus, monitoredDuring,
} from '../../../shared/domain/households-status'
import { checkCategory } from '../../../shared/domain/monitoring'
import type { Selectable } from 'kysely'
import type { Ledger } from '../db/open'
import type { HouseholdStatusEventsTable } from '../db/schema'
import type { WriteScope } from '../db/write'

type EventRow = Selectable<HouseholdStatusEventsTable>

const toEvent = (r: EventRow): StatusEvent => ({
  id: r.id,
  kind: r.kind as StatusEventKind,
  date: r.event_date,
  monitoringCategory: r.monitoring_category,
  risks: r.risks ? (JSON.parse(r.risks) as string[]) : [],
  riskNote: r.risk_note,
  eliminationMethod: r.elimination_method,
  note: r.note,
  actor: r.actor,
  createdAt: r.created_at,
})

/** Local calendar date (the clerk's day), YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

export function statusEvents(sqlite: Database.Database, householdId: number): StatusEvent[] {
  const rows = sqlite
    .prepare('SELECT * FROM household_status_events WHERE household_id = ? ORDER BY event_date, id')
    .all(householdId) as EventRow[]
  return rows.map(toEvent)
}

/** Writes the current state the history implies into the household's status columns. */
function syncStatusColumns(w: WriteScope, householdId: number, events: StatusEvent[], today: string): void {
  const s = deriveStatus(events, today)
  const patch: Record<string, string | null> = {}
  if (s.exitStatus !== null) {
    patch.exit_status = s.exitStatus
    patch.exit_year = s.exitStatus === '已脱贫(享受政策)' ? s.exitYear : s.exitStatus === '未脱贫' ? null : s.exitYear
  }
  if (s.everMonitored) patch.monitoring_category = s.monitoring?.category ?? null
  if (s.identifiedDate) {
    const first = events.find((e) => e.kind === '识别')
    if (first) patch.first_identified = first.date
  }
  if (Object.keys(patch).length > 0) w.update('households', householdId, patch)
}

export function recordStatusEvent(
  ledger: Ledger, actor: string, householdId: number, input: StatusEventInput, today = localToday(),
): StatusEvent {
  return ledger.write.run({ actor }, (w) => {
    const h = ledger.sqlite.prepare('SELECT id, first_identified, household_type, exit_status FROM households WHERE id = ?').get(householdId) as
      | { id: number; first_identified: string | null; household_type: string | null; exit_status: string | null }
      | undefined
    if (!h) throw new LedgerError('not_found', `找不到编号为 ${householdId} 的户，可能已被删除。请返回列表刷新。`)
    const history = statusEvents(ledger.sqlite, householdId)
    const event: StatusEventInput = {
      ...input,
      monitoringCategory: input.kind === '纳入监测' ? input.monitoringCategory : null,
      risks: input.kind === '纳入监测' ? input.risks : [],
      riskNote: input.kind === '纳入监测' && input.risks.includes('其他') ? input.riskNote?.trim() || null : null,
      eliminationMethod: input.kind === '风险消除' ? input.eliminationMethod : null,
      note: input.note?.trim() || null,
    }
    // A 识别 event in the history is the household's identification; else the roster's 首次识别时间.
    const problem = checkNewEvent(history, event, { today, firstIdentified: history.some((e) => e.kind === '识别') ? null : h.first_identified })
    if (problem) throw new LedgerError('invalid_status', problem.message, problem.field)
    // 监测对象类别 against 户类型: a 脱贫户 can only be 脱贫不稳定户, and only a 脱贫户 can be.
    const categoryProblem = event.kind === '纳入监测' && event.monitoringCategory ? checkCategory(h.household_type ?? (h.exit_status ? '脱贫户' : null), event.monitoringCategory) : null
    if (categoryProblem) throw new LedgerError('invalid_status', categoryProblem, 'monitoringCategory')
    const id = w.insert('household_status_events', {
      household_id: householdId,
      kind: event.kind,
      event_date: event.date,
      monitoring_category: event.monitoringCategory,
      risks: event.risks.length ? JSON.stringify(event.risks) : null,
      risk_note: event.riskNote,
      elimination_method: event.eliminationMethod,
      note: event.note,
      actor,
    })
    const events = statusEvents(ledger.sqlite, householdId)
    syncStatusColumns(w, householdId, events, today)
    // A 一般农户 taken in as 边缘易致贫户 / 突发严重困难户 becomes a 监测户.
    if (event.kind === '纳入监测' && event.monitoringCategory !== '脱贫不稳定户' && h.household_type !== '监测户') {
      w.update('households', householdId, { household_type: '监测户' })
    }
    return events.find((e) => e.id === id)!
  })
}

/** Deletes a wrongly recorded event (the latest of the household only, so the history stays consistent). */
export function deleteStatusEvent(ledger: Ledger, actor: string, eventId: number, today = localToday()): void {
  ledger.write.run({ actor }, (w) => {
    const row = ledger.sqlite.prepare('SELECT * FROM household_status_events WHERE id = ?').get(eventId) as EventRow | undefined
    if (!row) throw new LedgerError('not_found', '要删除的状态记录不存在，可能已被删除。请刷新后重试。')
    const history = statusEvents(ledger.sqlite, row.household_id)
    const last = history[history.length - 1]
    if (last && last.id !== eventId) {
      throw new LedgerError('invalid_status', `只能删除最近的一条状态记录（${last.date}「${last.kind}」）。请先删除它，再删除更早的记录。`)
    }
    w.delete('household_status_events', eventId)
    syncStatusColumns(w, row.household_id, statusEvents(ledger.sqlite, row.household_id), today)
  })
}


/**
 * Every household with a status history, as of a date (or monitored at any time of a period):
 * answers "who was monitored in 2023".
 */
export function householdStatusAt(
  ledger: Ledger, input: { asOf: string; periodStart?: string | undefined; householdIds?: number[] | undefined },
): HouseholdStatusAt[] {
  const rows = ledger.sqlite.prepare('SELECT * FROM household_status_events ORDER BY household_id, event_date, id').all() as EventRow[]
  const byHousehold = new Map<number, StatusEvent[]>()
  for (const r of rows) {
    if (input.householdIds && !input.householdIds.includes(r.household_id)) continue
    const list = byHousehold.get(r.household_id) ?? []
    list.push(toEvent(r))
    byHousehold.set(r.household_id, list)
  }
  const out: HouseholdStatusAt[] = []
  for (const [householdId, events] of byHousehold) {
    const s = deriveStatus(events, input.asOf)
    const monitored = input.periodStart ? monitoredDuring(events, input.periodStart, input.asOf) : s.monitoring !== null
    const category = s.monitoring?.category ?? (monitored ? [...events].reverse().find((e) => e.kind === '纳入监测' && e.date <= input.asOf)?.monitoringCategory ?? null : null)
    out.push({ householdId, exitStatus: s.exitStatus, monitored, monitoringCategory: category })
  }
  return out
}
