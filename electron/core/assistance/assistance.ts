/**
 * Helpers and pairings, visits, aid and wishes: every write through the
 * audited write path, every rule (one active pairing per helper and
 * household, an end after the start, exact money) checked here.
 */
import { LedgerError } from '../../../shared/api/result'
import { KeptCells } from '../../../shared/import/kept-cells'
import {
  yuanTextToFen,
  type AidTotals,
  type HelperHouseholdView,
  type HelperView,
  type HouseholdAssistance,
  type OpenWishView,
  type UnitView,
} from '../../../shared/domain/assistance'
import type { Ledger } from '../db/open'
import type { WriteScope } from '../db/write'
import type Database from 'better-sqlite3'

type Row = Record<string, string | number | null>

function householdExists(ledger: Ledger, id: number): void {
  if (!ledger.sqlite.prepare('SELECT 1 FROM households WHERE id = ?').get(id)) {
    throw new LedgerError('not_found', `找不到编号为 ${id} 的户，可能已被删除。请返回列表刷新。`)
  }
}

export function householdAssistance(ledger: Ledger, householdId: number): HouseholdAssistance {
  const db = ledger.sqlite
  const pairings = db
    .prepare(
      `SELECT p.id, p.helper_id, h.name AS helper_name, u.name AS unit_name, h.title, h.phone, p.start_date, p.end_date
       FROM pairings p JOIN helpers h ON h.id = p.helper_id LEFT JOIN assisting_units u ON u.id = h.unit_id
       WHERE p.household_id = ? ORDER BY p.end_date IS NOT NULL, p.start_date DESC, p.id DESC`,
    )
    .all(householdId) as Row[]
  return {
    pairings: pairings.map((p) => ({
      id: Number(p.id),
      helperId: Number(p.helper_id),
      helperName: String(p.helper_name),
      unitName: (p.unit_name as string | null) ?? null,
      title: (p.title as string | null) ?? null,
      phone: (p.phone as string | null) ?? null,
      startDate: String(p.start_date),
      endDate: (p.end_date as string | null) ?? null,
    })),
    visits: (db.prepare('SELECT * FROM visits WHERE household_id = ? ORDER BY visit_date DESC, id DESC').all(householdId) as Row[]).map((v) => ({
      id: Number(v.id),
      date: String(v.visit_date),
      visitor: String(v.visitor),
      findings: (v.findings as string | null) ?? null,
      actions: (v.actions as string | null) ?? null,
    })),
    aid: (db.prepare('SELECT * FROM aid WHERE household_id = ? ORDER BY aid_date DESC, id DESC').all(householdId) as Row[]).map((a) => ({
      id: Number(a.id),
      date: String(a.aid_date),
      kind: String(a.kind),
      description: String(a.description),
      amountFen: (a.amount_fen as number | null) ?? null,
      source: (a.source as string | null) ?? null,
    })),
    wishes: (db.prepare('SELECT * FROM wishes WHERE household_id = ? ORDER BY resolved_date IS NOT NULL, raised_date DESC, id DESC').all(householdId) as Row[]).map((w) => ({
      id: Number(w.id),
      raisedDate: String(w.raised_date),
      content: String(w.content),
      takenBy: (w.taken_by as string | null) ?? null,
      resolvedDate: (w.resolved_date as string | null) ?? null,
      resolution: (w.resolution as string | null) ?? null,
    })),
  }
}

export function listHelpers(ledger: Ledger, onlyId?: number): HelperView[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT h.id, h.name, u.name AS unit_name, h.title, h.phone,
              (SELECT count(*) FROM pairings p WHERE p.helper_id = h.id AND p.end_date IS NULL) AS households
       FROM helpers h LEFT JOIN assisting_units u ON u.id = h.unit_id
       ${onlyId === undefined ? '' : 'WHERE h.id = ?'} ORDER BY u.name, h.name`,
    )
    .all(...(onlyId === undefined ? [] : [onlyId])) as Row[]
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    unitName: (r.unit_name as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    households: Number(r.households),
  }))
}

/** A helper of a unit; the unit is created on first use of its name. */
export function addHelper(ledger: Ledger, actor: string, input: { name: string; unitName: string; title?: string; phone?: string }): number {
  checkPhone(input.phone)
  const unitId = ledger.sqlite.prepare('SELECT id FROM assisting_units WHERE name = ?').pluck().get(input.unitName) as number | undefined
  if (unitId !== undefined) {
    const same = ledger.sqlite.prepare('SELECT 1 FROM helpers WHERE name = ? AND unit_id = ?').get(input.name, unitId)
    if (same) throw new LedgerError('duplicate', `${input.unitName} 已有帮扶责任人「${input.name}」，无需重复新增；如是同名的另一人，请在姓名后注明以示区分。`, 'name')
  }
  return ledger.write.run({ actor }, (w) =>
    w.insert('helpers', {
      name: input.name,
      unit_id: unitId ?? w.insert('assisting_units', { name: input.unitName }),
      title: input.title ?? null,
      phone: input.phone ?? null,
    }),
  )
}

function checkPhone(phone: string | undefined): void {
  if (phone && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone)) {
    throw new LedgerError('invalid_input', `联系电话「${phone}」不是有效的手机号或座机号，请核对。`, 'phone')
  }
}

/** One helper with their unit; not_found when the id is unknown. */
export function getHelper(ledger: Ledger, helperId: number): HelperView {
  const h = listHelpers(ledger, helperId)[0]
  if (!h) throw new LedgerError('not_found', `找不到编号为 ${helperId} 的帮扶责任人，请返回「帮扶力量」刷新。`)
  return h
}

export function listUnits(ledger: Ledger): UnitView[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT u.id, u.name, u.kind, u.contact,
              (SELECT count(*) FROM helpers h WHERE h.unit_id = u.id) AS helpers,
              (SELECT count(DISTINCT p.household_id) FROM pairings p JOIN helpers h ON h.id = p.helper_id
                WHERE h.unit_id = u.id AND p.end_date IS NULL) AS households
       FROM assisting_units u ORDER BY u.name`,
    )
    .all() as Row[]
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    kind: (r.kind as string | null) ?? null,
    contact: (r.contact as string | null) ?? null,
    helpers: Number(r.helpers),
    households: Number(r.households),
  }))
}

export function addUnit(ledger: Ledger, actor: string, input: { unitName: string; unitKind?: string; contact?: string }): number {
  if (ledger.sqlite.prepare('SELECT 1 FROM assisting_units WHERE name = ?').get(input.unitName)) {
    throw new LedgerError('duplicate', `帮扶单位「${input.unitName}」已经登记过了，无需重复新增。`, 'unitName')
  }
  return ledger.write.run({ actor }, (w) => w.insert('assisting_units', { name: input.unitName, kind: input.unitKind ?? null, contact: input.contact ?? null }))
}

export function pair(ledger: Ledger, actor: string, input: { helperId: number; householdId: number; startDate: string }): number {
  householdExists(ledger, input.householdId)
  const helper = ledger.sqlite.prepare('SELECT name FROM helpers WHERE id = ?').pluck().get(input.helperId) as string | undefined
  if (!helper) throw new LedgerError('not_found', '找不到这位帮扶责任人，请刷新后重试。')
  const active = ledger.sqlite.prepare('SELECT start_date FROM pairings WHERE helper_id = ? AND household_id = ? AND end_date IS NULL').pluck().get(input.helperId, input.householdId) as
    | string
    | undefined
  if (active) throw new LedgerError('already_paired', `${helper} 自 ${active} 起已经结对帮扶这一户，无需重复结对。`)
  return ledger.write.run({ actor }, (w) => w.insert('pairings', { helper_id: input.helperId, household_id: input.householdId, start_date: input.startDate }))
}

/**
 * Pairs many households with one helper in one transaction (the list's selected rows). A household
 * already paired with this helper is skipped and named in the result; a missing one refuses the whole batch.
 */
export function pairMany(ledger: Ledger, actor: string, input: { helperId: number; householdIds: readonly number[]; startDate: string }): { paired: number; skipped: string[] } {
  const helper = ledger.sqlite.prepare('SELECT name FROM helpers WHERE id = ?').pluck().get(input.helperId) as string | undefined
  if (!helper) throw new LedgerError('not_found', '找不到这位帮扶责任人，请刷新后重试。', 'helperId')
  const household = ledger.sqlite.prepare(
    `SELECT h.household_no, v.name AS village, (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL LIMIT 1) AS head
     FROM households h JOIN villages v ON v.id = h.village_id WHERE h.id = ?`,
  )
  const active = ledger.sqlite.prepare('SELECT start_date FROM pairings WHERE helper_id = ? AND household_id = ? AND end_date IS NULL').pluck()
  const ids = [...new Set(input.householdIds)]
  const toPair: number[] = []
  const skipped: string[] = []
  for (const hid of ids) {
    const h = household.get(hid) as { household_no: string; village: string; head: string | null } | undefined
    if (!h) throw new LedgerError('not_found', `所选的户中有一户（编号 ${hid}）已不存在，可能已被删除。请刷新列表后重新选择，未结对任何一户。`)
    const since = active.get(input.helperId, hid) as string | undefined
    if (since) skipped.push(`${h.village} ${h.head ?? '（无户主）'}户（户编号 ${h.household_no}）自 ${since} 起已与${helper}结对`)
    else toPair.push(hid)
  }
  ledger.write.run({ actor }, (w) => {
    for (const hid of toPair) w.insert('pairings', { helper_id: input.helperId, household_id: hid, start_date: input.startDate })
  })
  return { paired: toPair.length, skipped }
}

/** Ends a pairing; the record stays, so the history shows who helped when. */
export function endPairing(ledger: Ledger, actor: string, input: { pairingId: number; endDate: string }): void {
  const p = ledger.sqlite.prepare('SELECT start_date, end_date FROM pairings WHERE id = ?').get(input.pairingId) as { start_date: string; end_date: string | null } | undefined
  if (!p) throw new LedgerError('not_found', '找不到这条结对记录，请刷新后重试。')
  if (p.end_date) throw new LedgerError('already_ended', `这条结对已于 ${p.end_date} 结束。`)
  if (input.endDate < p.start_date) throw new LedgerError('invalid_input', `结束日期 ${input.endDate} 早于开始日期 ${p.start_date}，请核对。`, 'endDate')
  ledger.write.run({ actor }, (w) => w.update('pairings', input.pairingId, { end_date: input.endDate }))
}

export function addVisit(
  ledger: Ledger,
  actor: string,
  input: { householdId: number; date: string; visitor: string; findings?: string; actions?: string; wish?: { content: string; takenBy?: string } },
): number {
  householdExists(ledger, input.householdId)
  return ledger.write.run({ actor }, (w) => {
    const id = w.insert('visits', {
      household_id: input.householdId,
      visit_date: input.date,
      visitor: input.visitor,
      findings: input.findings ?? null,
      actions: input.actions ?? null,
    })
    if (input.wish) {
      w.insert('wishes', { household_id: input.householdId, visit_id: id, raised_date: input.date, content: input.wish.content, taken_by: input.wish.takenBy ?? null })
    }
    return id
  })
}

export function addAid(ledger: Ledger, actor: string, input: AidValues & { householdId: number }): number {
  householdExists(ledger, input.householdId)
  const row = aidRow(input)
  return ledger.write.run({ actor }, (w) => w.insert('aid', { household_id: input.householdId, ...row }))
}

export function resolveWish(ledger: Ledger, actor: string, input: { wishId: number; date: string; resolution: string }): void {
  const wish = ledger.sqlite.prepare('SELECT raised_date, resolved_date FROM wishes WHERE id = ?').get(input.wishId) as { raised_date: string; resolved_date: string | null } | undefined
  if (!wish) throw new LedgerError('not_found', '找不到这条心愿，请刷新后重试。')
  if (wish.resolved_date) throw new LedgerError('already_resolved', `这条心愿已于 ${wish.resolved_date} 办结。`)
  if (input.date < wish.raised_date) throw new LedgerError('invalid_input', `办结日期 ${input.date} 早于提出日期 ${wish.raised_date}，请核对。`, 'date')
  ledger.write.run({ actor }, (w) => w.update('wishes', input.wishId, { resolved_date: input.date, resolution: input.resolution }))
}

/** Headers of county rosters that name the household's helper (kept as unknown columns by the reader). */
const UNIT_HEADERS = ['帮扶单位', '帮扶单位名称', '结对帮扶单位']
const HELPER_HEADERS = ['帮扶责任人', '帮扶人', '帮扶责任人姓名', '结对帮扶责任人']
const PHONE_HEADERS = ['帮扶责任人电话', '帮扶责任人联系电话', '帮扶人电话', '帮扶人联系电话']

export interface HelperFromRoster {
  unit: string
  helper: string
  phone: string | null
}

/** The helper a roster row names, from its unknown columns (by header, or a row's kept cells); null when it names none. */
export function helperFromRoster(extra: Record<string, string> | KeptCells): HelperFromRoster | null {
  const at = extra instanceof KeptCells ? (h: string) => extra.get(h) : (h: string) => extra[h]
  const pick = (headers: string[]) => headers.map((h) => at(h)?.trim()).find((v) => v) ?? null
  const helper = pick(HELPER_HEADERS)
  const unit = pick(UNIT_HEADERS)
  if (!helper || !unit) return null
  return { unit, helper, phone: pick(PHONE_HEADERS) }
}

const helperQueries = new WeakMap<Ledger['sqlite'], { unit: Database.Statement; helper: Database.Statement; active: Database.Statement }>()

/**
 * Inside an import's transaction: the unit and helper the file names exist
 * afterwards, and the household has an active pairing with that helper.
 */
export function applyHelperFromRoster(ledger: Ledger, w: WriteScope, householdId: number, info: HelperFromRoster, startDate: string): void {
  // Prepared once per database: an import calls this for every household (tens of thousands).
  let q = helperQueries.get(ledger.sqlite)
  if (!q) {
    const db = ledger.sqlite
    q = {
      unit: db.prepare('SELECT id FROM assisting_units WHERE name = ?').pluck(),
      helper: db.prepare('SELECT id FROM helpers WHERE name = ? AND unit_id = ?').pluck(),
      active: db.prepare('SELECT 1 FROM pairings WHERE helper_id = ? AND household_id = ? AND end_date IS NULL'),
    }
    helperQueries.set(db, q)
  }
  const unitId = (q.unit.get(info.unit) as number | undefined) ?? w.insert('assisting_units', { name: info.unit })
  const helperId = (q.helper.get(info.helper, unitId) as number | undefined) ?? w.insert('helpers', { name: info.helper, unit_id: unitId, phone: info.phone })
  const active = q.active.get(helperId, householdId)
  if (!active) w.insert('pairings', { helper_id: helperId, household_id: householdId, start_date: startDate })
}

/** A helper's households, current pairings first, then the ended ones. */
export function helperHouseholds(ledger: Ledger, helperId: number): HelperHouseholdView[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT p.id AS pairing_id, h.id AS household_id, h.household_no, v.name AS village, p.start_date, p.end_date,
              (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL LIMIT 1) AS head
       FROM pairings p JOIN households h ON h.id = p.household_id JOIN villages v ON v.id = h.village_id
       WHERE p.helper_id = ? ORDER BY p.end_date IS NOT NULL, p.start_date DESC, p.id DESC`,
    )
    .all(helperId) as Row[]
  return rows.map((r) => ({
    pairingId: Number(r.pairing_id),
    householdId: Number(r.household_id),
    householdNo: (r.household_no as string | null) ?? null,
    headName: (r.head as string | null) ?? null,
    village: String(r.village),
    startDate: String(r.start_date),
    endDate: (r.end_date as string | null) ?? null,
  }))
}

function existing(ledger: Ledger, table: 'visits' | 'aid' | 'wishes', id: number, what: string): Row {
  const row = ledger.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined
  if (!row) throw new LedgerError('not_found', `找不到这条${what}，可能已被删除。请刷新后重试。`)
  return row
}

export interface VisitValues {
  date: string
  visitor: string
  findings?: string
  actions?: string
}

export function updateVisit(ledger: Ledger, actor: string, input: VisitValues & { visitId: number }): void {
  existing(ledger, 'visits', input.visitId, '走访记录')
  ledger.write.run({ actor }, (w) =>
    w.update('visits', input.visitId, { visit_date: input.date, visitor: input.visitor, findings: input.findings ?? null, actions: input.actions ?? null }),
  )
}

/** Deletes a visit; wishes raised on it stay with the household (their link is cleared, audited). */
export function deleteVisit(ledger: Ledger, actor: string, input: { visitId: number }): void {
  existing(ledger, 'visits', input.visitId, '走访记录')
  const wishIds = ledger.sqlite.prepare('SELECT id FROM wishes WHERE visit_id = ?').pluck().all(input.visitId) as number[]
  ledger.write.run({ actor }, (w) => {
    for (const id of wishIds) w.update('wishes', id, { visit_id: null })
    w.delete('visits', input.visitId)
  })
}

export interface AidValues {
  date: string
  aidKind: string
  description: string
  amount?: string
  source?: string
}

function aidRow(input: AidValues): Record<string, string | number | null> {
  const amountFen = input.amount ? yuanTextToFen(input.amount) : null
  if (input.amount && amountFen === null) {
    throw new LedgerError('invalid_input', `金额「${input.amount}」不是有效的数字（单位：元，最多两位小数），请重新填写。`, 'amount')
  }
  return { aid_date: input.date, kind: input.aidKind, description: input.description, amount_fen: amountFen, source: input.source ?? null }
}

export function updateAid(ledger: Ledger, actor: string, input: AidValues & { aidId: number }): void {
  existing(ledger, 'aid', input.aidId, '帮户记录')
  const row = aidRow(input)
  ledger.write.run({ actor }, (w) => w.update('aid', input.aidId, row))
}

export function deleteAid(ledger: Ledger, actor: string, input: { aidId: number }): void {
  existing(ledger, 'aid', input.aidId, '帮户记录')
  ledger.write.run({ actor }, (w) => w.delete('aid', input.aidId))
}

/** A wish raised outside a recorded visit (e.g. by phone). */
export function addWish(ledger: Ledger, actor: string, input: { householdId: number; date: string; content: string; takenBy?: string }): number {
  householdExists(ledger, input.householdId)
  return ledger.write.run({ actor }, (w) =>
    w.insert('wishes', { household_id: input.householdId, raised_date: input.date, content: input.content, taken_by: input.takenBy ?? null }),
  )
}

export function updateWish(ledger: Ledger, actor: string, input: { wishId: number; content: string; takenBy?: string }): void {
  existing(ledger, 'wishes', input.wishId, '心愿')
  ledger.write.run({ actor }, (w) => w.update('wishes', input.wishId, { content: input.content, taken_by: input.takenBy ?? null }))
}

export function deleteWish(ledger: Ledger, actor: string, input: { wishId: number }): void {
  existing(ledger, 'wishes', input.wishId, '心愿')
  ledger.write.run({ actor }, (w) => w.delete('wishes', input.wishId))
}

/** Wishes not yet resolved, across the township (or one village), the longest waiting first. */
export function openWishes(ledger: Ledger, villageId?: number): OpenWishView[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT w.id, w.household_id, w.raised_date, w.content, w.taken_by, h.household_no, v.name AS village,
              (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL LIMIT 1) AS head
       FROM wishes w JOIN households h ON h.id = w.household_id JOIN villages v ON v.id = h.village_id
       WHERE w.resolved_date IS NULL ${villageId === undefined ? '' : 'AND h.village_id = ?'}
       ORDER BY w.raised_date, w.id`,
    )
    .all(...(villageId === undefined ? [] : [villageId])) as Row[]
  return rows.map((r) => ({
    id: Number(r.id),
    householdId: Number(r.household_id),
    householdNo: (r.household_no as string | null) ?? null,
    headName: (r.head as string | null) ?? null,
    village: String(r.village),
    raisedDate: String(r.raised_date),
    content: String(r.content),
    takenBy: (r.taken_by as string | null) ?? null,
  }))
}

/**
 * Aid whose source is the named unit, in 分, per village and in total — the
 * 帮户项目 block of the assisting-unit handover form. Dates are inclusive
 * ISO dates; the village filter is the household's village.
 */
export function aidTotalsByUnit(ledger: Ledger, unitName: string, villageId?: number, from?: string, to?: string): AidTotals {
  const where = ['trim(a.source) = ?']
  const params: (string | number)[] = [unitName.trim()]
  const add = (cond: string, value: string | number) => {
    where.push(cond)
    params.push(value)
  }
  if (villageId !== undefined) add('h.village_id = ?', villageId)
  if (from) add('a.aid_date >= ?', from)
  if (to) add('a.aid_date <= ?', to)
  const rows = ledger.sqlite
    .prepare(
      `SELECT v.id AS village_id, v.name AS village, count(*) AS items, count(DISTINCT a.household_id) AS households,
              coalesce(sum(a.amount_fen), 0) AS total_fen
       FROM aid a JOIN households h ON h.id = a.household_id JOIN villages v ON v.id = h.village_id
       WHERE ${where.join(' AND ')} GROUP BY v.id ORDER BY v.name`,
    )
    .all(...params) as Row[]
  const villages = rows.map((r) => ({
    villageId: Number(r.village_id),
    village: String(r.village),
    items: Number(r.items),
    households: Number(r.households),
    totalFen: Number(r.total_fen),
  }))
  return {
    unitName: unitName.trim(),
    villages,
    items: villages.reduce((n, v) => n + v.items, 0),
    totalFen: villages.reduce((n, v) => n + v.totalFen, 0),
  }
}
