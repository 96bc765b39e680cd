/**
 * Compares a parsed roster with the ledger: which households and members are
 * new, changed (field by field), unchanged, or in the ledger but absent from
 * the file. Pure reads, synchronous (runs inside a job's worker thread).
 */
import type { CountSet, FieldDiff, HouseholdChangeView, ImportIssueView, MissingView } from '../../../../shared/api/households-import'
import { fieldByKey, type FieldKey } from '../../../../shared/import/households-fields'
import type { KeptCells } from '../../../../shared/import/kept-cells'
import type { Ledger } from '../../db/open'
import { memberCells, parseCells, type Cells } from '../member-cells'
import { householdColumns, type HouseholdColumns } from './household-columns'
import { VillageIndex } from './villages'
import { type ExistingHousehold, type ExistingMember, LedgerSnapshot } from './snapshot'
import type { ParsedHousehold, ParsedMember, ParsedRoster, Value } from './types'

export interface PlannedMember {
  parsed: ParsedMember
  existingId: number | null
  changes: Record<string, Value>
}

export interface PlannedHousehold {
  parsed: ParsedHousehold
  existingId: number | null
  /** Village/group resolution happens at commit; these say whether they differ. */
  villageKey: string
  /** The ledger's village this household's row names, when it exists (the household's own first). */
  villageId: number | null
  changes: Record<string, Value>
  members: PlannedMember[]
  /** Existing members of this household absent from the file. */
  missingMembers: ExistingMember[]
  /** A household marked 移出 earlier that the file lists again. */
  reinstated: boolean
  /** Matches the same ledger household as an earlier household of the file (never written twice). */
  twice?: boolean
  /**
   * A household whose columns an earlier import stored once (households.extra_json) and whose cells
   * this file changes or adds a member to: the household's cells go back onto each member, so that
   * no member reads a cell its row no longer has. Each of these members' full cells; the members
   * `changes` rewrite anyway are not listed.
   */
  unsplit?: { id: number; extra_json: string | null }[]
}

export interface RosterPlan {
  households: PlannedHousehold[]
  /** The file's columns stored once per new household (household-columns.ts), or null. */
  householdColumns: HouseholdColumns | null
  missingHouseholds: ExistingHousehold[]
  issues: ImportIssueView[]
  counts: { households: CountSet; members: CountSet }
}

const villageKey = (county: string, township: string, village: string) => `${county}\u0000${township}\u0000${village}`
const same = (a: Value | undefined, b: Value | undefined) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '')

export function planRosterImport(ledger: Ledger, roster: ParsedRoster): RosterPlan {
  const db = ledger.sqlite
  const snapshot = (roster.snapshot ?? new LedgerSnapshot(db, roster.householdFields, roster.memberFields)).complete()
  const { households, byHouseholdNo, byHouseholdId, membersOf, byIdNumber } = snapshot
  const villages = new VillageIndex(db)
  const groups = new Map<number, string>()
  for (const g of db.prepare('SELECT id, name FROM village_groups').iterate() as Iterable<{ id: number; name: string }>) groups.set(g.id, g.name)

  const issues = [...roster.issues]
  const planned: PlannedHousehold[] = []
  const matchedHouseholds = new Set<number>()
  const touchedVillages = new Set<number>()
  const counts = { households: zero(), members: zero() }

  for (const parsed of roster.households) {
    const key = villageKey(parsed.county, parsed.township, parsed.village)
    const existing = matchHousehold(parsed, byHouseholdNo, byIdNumber, byHouseholdId)
    const village = villages.find(parsed.county, parsed.township, parsed.village, existing?.village_id)
    if (village) touchedVillages.add(village.id)
    if (existing && matchedHouseholds.has(existing.id)) {
      issues.push({
        sheet: roster.sheet,
        row: parsed.firstRow,
        column: '',
        severity: 'error',
        code: 'household_twice',
        message: `第 ${parsed.firstRow} 行：这一户与表中前面的另一户对应台账里的同一户（户编号 ${existing.household_no ?? '无'}）。请检查户编号或户主证件号码是否重复。`,
      })
      parsed.blocked = true
    }
    const twice = Boolean(existing && matchedHouseholds.has(existing.id))
    if (existing) matchedHouseholds.add(existing.id)

    const changes: Record<string, Value> = {}
    if (existing) {
      for (const f of roster.householdFields) if (!same(existing[f], parsed.values[f])) changes[f] = parsed.values[f] ?? null
      if (village?.id !== existing.village_id) changes.village = parsed.village
      const g = existing.group_id === null ? null : (groups.get(existing.group_id) ?? null)
      if (roster.hasGroupColumn && (g ?? '') !== (parsed.group ?? '')) changes.group = parsed.group
    }

    const existingMembers = existing ? (membersOf.get(existing.id) ?? []) : []
    const storedHousehold = parseCells(existing?.extra_json)
    const usedMembers = new Set<number>()
    const members: PlannedMember[] = parsed.members.map((m) => {
      const idNumber = typeof m.values.id_number === 'string' ? m.values.id_number : null
      const elsewhere = idNumber ? byIdNumber.get(idNumber) : undefined
      if (elsewhere && elsewhere.household_id !== existing?.id && !elsewhere.removed_reason) {
        const other = byHouseholdId.get(elsewhere.household_id)
        issues.push({
          sheet: roster.sheet,
          row: m.excelRow,
          column: '证件号码',
          severity: 'error',
          code: 'id_in_other_household',
          message:
            `第 ${m.excelRow} 行「证件号码」${idNumber}：台账中此人（${elsewhere.name}）属于另一户（户编号 ${other?.household_no ?? '无'}）。` +
            '若此人已迁入本户，请先在台账中把他从原户移出；否则请核对证件号码。',
        })
        parsed.blocked = true
      }
      const match =
        existingMembers.find((e) => !usedMembers.has(e.id) && idNumber && e.id_number === idNumber) ??
        existingMembers.find((e) => !usedMembers.has(e.id) && m.values.person_no && e.person_no === m.values.person_no) ??
        existingMembers.find((e) => !usedMembers.has(e.id) && e.name === m.values.name && (!idNumber || !e.id_number))
      if (!match) return { parsed: m, existingId: null, changes: {} }
      usedMembers.add(match.id)
      const memberChanges: Record<string, Value> = {}
      for (const f of roster.memberFields) if (!same(match[f], m.values[f])) memberChanges[f] = m.values[f] ?? null
      // A file without a 性别 / 出生日期 column still fills a stored blank from the ID number.
      for (const f of ['sex', 'birth_date'] as const) {
        if (!roster.memberFields.includes(f) && (match[f] === null || match[f] === undefined || match[f] === '') && m.values[f]) memberChanges[f] = m.values[f]
      }
      // Compared as the member's row reads (the household's stored columns with its own), written whole.
      const cells = memberCells(storedHousehold, match.extra_json)
      const stored = storedHousehold ? extraJson(cells) : (match.extra_json ?? null)
      const extra = mergeExtra(cells, m.kept, roster.extraKeys)
      if (!same(stored, extra)) memberChanges.extra_json = extra
      if (match.removed_reason) Object.assign(memberChanges, { removed_reason: null, removed_date: null })
      return { parsed: m, existingId: match.id, changes: memberChanges }
    })
    // A file of household heads only cannot list the other members: none of them is missing from it.
    const missingMembers = roster.onlyHeads ? [] : existingMembers.filter((e) => !usedMembers.has(e.id) && !e.removed_reason)
    const reinstated = Boolean(existing?.removed_reason)
    if (reinstated) Object.assign(changes, { removed_reason: null, removed_date: null })

    const rewritten = new Set(members.filter((m) => m.existingId !== null && 'extra_json' in m.changes).map((m) => m.existingId))
    const unsplit =
      storedHousehold && (rewritten.size > 0 || members.some((m) => m.existingId === null))
        ? existingMembers.filter((e) => !rewritten.has(e.id)).map((e) => ({ id: e.id, extra_json: extraJson(memberCells(storedHousehold, e.extra_json)) }))
        : null
    planned.push({
      parsed, existingId: existing?.id ?? null, villageKey: key, villageId: village?.id ?? null, changes, members, missingMembers, reinstated,
      ...(twice ? { twice } : {}), ...(unsplit ? { unsplit } : {}),
    })
  }

  // Households of the villages this file covers that it no longer lists.
  const missingHouseholds = households.filter(
    (h) => !matchedHouseholds.has(h.id) && !h.removed_reason && touchedVillages.has(h.village_id),
  )

  for (const p of planned) {
    if (p.existingId === null) counts.households.new++
    else if (Object.keys(p.changes).length || p.members.some((m) => m.existingId === null || Object.keys(m.changes).length)) counts.households.changed++
    else counts.households.unchanged++
    for (const m of p.members) {
      if (m.existingId === null) counts.members.new++
      else if (Object.keys(m.changes).length) counts.members.changed++
      else counts.members.unchanged++
    }
    counts.members.missing += p.missingMembers.length
  }
  counts.households.missing = missingHouseholds.length
  for (const h of missingHouseholds) counts.members.missing += (membersOf.get(h.id) ?? []).filter((m) => !m.removed_reason).length

  return { households: planned, householdColumns: householdColumns(roster.households), missingHouseholds, issues, counts }
}

const filled = (v: Value | undefined) => v !== null && v !== undefined && String(v).trim() !== ''

export interface KeptPlan {
  /** What 「全部导入，错误记为疑点」 writes: every household and member the file identifies, errors included. */
  households: PlannedHousehold[]
  /** Rows left out: neither 证件号码 nor 户编号 (or a household the file gives twice). */
  leftOut: ImportIssueView[]
  /** Error issues on the rows that are written: each is kept as an open 疑点 of its check. */
  kept: ImportIssueView[]
}

/**
 * The households and members an import that keeps its errors writes: a row is identified by its
 * 证件号码 or its household's 户编号; one with neither is reported by row and left out, as is a
 * household matching the same ledger household as an earlier one. Values are written as the file
 * has them (a blank 姓名 as blank), so the checks find each error again.
 */
export function keepIssuesPlan(plan: RosterPlan, sheet: string): KeptPlan {
  const leftOut: ImportIssueView[] = []
  const households: PlannedHousehold[] = []
  const written = new Set<number>()
  for (const p of plan.households) {
    if (p.twice) {
      for (const m of p.parsed.members) leftOut.push(leftOutIssue(sheet, m.excelRow, '这一户与表中前面的另一户对应台账里的同一户，没有导入。请核对户编号或户主证件号码。'))
      continue
    }
    const hasNo = filled(p.parsed.values.household_no)
    const known = (m: ParsedMember) => hasNo || filled(m.values.id_number)
    for (const m of p.parsed.members) if (!known(m)) leftOut.push(leftOutIssue(sheet, m.excelRow, '既没有「证件号码」也没有「户编号」，无法确定是谁，没有导入。请补上证件号码或户编号后再导入。'))
    const members = p.members.filter((m) => known(m.parsed)).map((m) => (filled(m.parsed.values.name) ? m : blankName(m)))
    if (members.length === 0) continue
    for (const m of members) written.add(m.parsed.excelRow)
    written.add(p.parsed.firstRow)
    households.push({ ...p, members, parsed: { ...p.parsed, members: members.map((m) => m.parsed) } })
  }
  const kept = plan.issues.filter((i) => i.severity === 'error' && written.has(i.row))
  return { households, leftOut, kept }
}

/** A member row without 姓名 is written with a blank name (the column cannot hold none). */
function blankName(m: PlannedMember): PlannedMember {
  const changes = 'name' in m.changes ? { ...m.changes, name: '' } : m.changes
  return { ...m, changes, parsed: { ...m.parsed, values: { ...m.parsed.values, name: '' } } }
}

function leftOutIssue(sheet: string, row: number, what: string): ImportIssueView {
  return { sheet, row, column: '', severity: 'error', code: 'unidentified', message: `第 ${row} 行${what}` }
}

/**
 * Whether committing would change any household or member (besides recording
 * the batch). A re-import of an unchanged file needs no pre-import backup: it
 * would only push a useful copy out of the rotation.
 */
export function planWrites(plan: RosterPlan, removals: number): boolean {
  const { households: h, members: m } = plan.counts
  return h.new + h.changed + m.new + m.changed + removals > 0
}

function matchHousehold(
  parsed: ParsedHousehold,
  byNo: Map<string, ExistingHousehold>,
  byIdNumber: Map<string, ExistingMember>,
  byId: Map<number, ExistingHousehold>,
): ExistingHousehold | undefined {
  const no = parsed.values.household_no
  if (typeof no === 'string' && no) return byNo.get(no)
  // Without 户编号, the head's ID number names the household.
  const head = parsed.members.find((m) => m.values.relation === '户主') ?? parsed.members[0]
  const id = head?.values.id_number
  const member = typeof id === 'string' ? byIdNumber.get(id) : undefined
  return member ? byId.get(member.household_id) : undefined
}

export function extraJson(extra: Record<string, string>): string | null {
  return Object.keys(extra).length ? JSON.stringify(extra) : null
}

/**
 * Unknown columns this file carries replace the stored ones of the same header
 * (a blank cell clears it); columns from other files are kept. Writes into `merged`, the stored cells.
 */
function mergeExtra(merged: Cells, fromFile: KeptCells, fileKeys: readonly string[]): string | null {
  for (const k of fileKeys) {
    const v = fromFile.get(k)
    if (v !== undefined) merged[k] = v
    else delete merged[k]
  }
  return extraJson(merged)
}

function zero(): CountSet {
  return { new: 0, changed: 0, unchanged: 0, missing: 0 }
}

const label = (field: string) => {
  if (field === 'village') return '行政村'
  if (field === 'group') return '组'
  if (field === 'extra_json') return '其他列'
  if (field === 'removed_reason') return '移出原因'
  if (field === 'removed_date') return '移出日期'
  try {
    return fieldByKey(field as FieldKey).label
  } catch {
    return field
  }
}

const show = (v: Value | undefined) => (v === null || v === undefined ? null : String(v))

/** A readable summary of one planned household for the preview. */
export function describeHousehold(p: PlannedHousehold, existingValue: (field: string, memberId?: number) => Value): HouseholdChangeView {
  const head = p.parsed.members.find((m) => m.values.relation === '户主') ?? p.parsed.members[0]
  const diffs: FieldDiff[] = Object.entries(p.changes).map(([field, after]) => ({
    field,
    label: label(field),
    before: show(existingValue(field)),
    after: show(after),
  }))
  for (const m of p.members) {
    if (m.existingId === null) continue
    for (const [field, after] of Object.entries(m.changes)) {
      diffs.push({ field, label: `${String(m.parsed.values.name ?? '')}：${label(field)}`, before: show(existingValue(field, m.existingId)), after: show(after) })
    }
  }
  return {
    householdNo: show(p.parsed.values.household_no),
    headName: show(head?.values.name),
    village: p.parsed.village,
    firstRow: p.parsed.firstRow,
    diffs,
    newMembers: p.existingId === null ? [] : p.members.filter((m) => m.existingId === null).map((m) => String(m.parsed.values.name ?? '')),
  }
}

export function missingViews(ledger: Ledger, plan: RosterPlan): MissingView[] {
  const villageName = ledger.sqlite.prepare('SELECT name FROM villages WHERE id = ?').pluck()
  const headName = ledger.sqlite.prepare("SELECT name FROM members WHERE household_id = ? AND relation = '户主' AND removed_reason IS NULL LIMIT 1").pluck()
  const views: MissingView[] = plan.missingHouseholds.map((h) => ({
    kind: 'household',
    id: h.id,
    householdNo: h.household_no,
    name: String(headName.get(h.id) ?? '（无户主）'),
    village: String(villageName.get(h.village_id) ?? ''),
  }))
  for (const p of plan.households) {
    for (const m of p.missingMembers) {
      views.push({ kind: 'member', id: m.id, householdNo: show(p.parsed.values.household_no), name: m.name, village: p.parsed.village })
    }
  }
  return views
}
