/**
 * Writes a planned roster import in one transaction through the audited
 * write path, recording the batch (file, hash, sheet, mapping, counts) so it
 * can be undone and exported back in its own layout.
 */
import { LedgerError } from '../../../../shared/api/result'
import type { CountSet, RosterCommitResult } from '../../../../shared/api/households-import'
import type { Ledger } from '../../db/open'
import type { WriteScope } from '../../db/write'
import { keepIssuesPlan, type RosterPlan } from './plan'
import type { ParsedRoster, Value } from './types'
import { normaliseHeaderText } from '../../../../shared/import/text'
import { VillageIndex } from './villages'
import { applyHelperFromRoster, helperFromRoster } from '../../assistance'
import { caseFromCells, householdCells, isMonitoringRoster, writeRosterCase } from '../../national'

const CATEGORY = normaliseHeaderText('监测对象类别')

/** New households and members written per statement: few enough that their rows and extra_json die young (not promoted, then collected late). */
const CHUNK = 250

export interface Removal {
  reason: string
  date: string
}

export interface CommitOptions {
  actor: string
  /** Leave households with an error row untouched and import the rest. */
  skipBlocked: boolean
  /** 全部导入，错误记为疑点: write every household and member the file identifies, errors included. */
  keepIssues?: boolean
  /** 移出 decisions for households and members absent from the file; the rest are kept. */
  removeHouseholds: Record<number, Removal>
  removeMembers: Record<number, Removal>
  /** A mapping the clerk corrected, remembered for files with the same header. */
  rememberMapping?: { signature: string; mapping: Record<number, string | null> }
  checkCancelled(): void
  progress(done: number, total: number, message: string): void
}

export function commitRosterImport(ledger: Ledger, roster: ParsedRoster, plan: RosterPlan, options: CommitOptions): RosterCommitResult {
  const errors = plan.issues.filter((i) => i.severity === 'error').length
  if (errors && !options.skipBlocked && !options.keepIssues) {
    throw new LedgerError('blocked', `表中有 ${errors} 处错误，为避免写入错误数据，本次没有导入任何内容。请按「问题」列表修改原表后重新导入，或选择「跳过有错误的户，导入其余」。`)
  }
  const keep = options.keepIssues ? keepIssuesPlan(plan, roster.sheet) : null
  const todo = keep ? keep.households : plan.households.filter((p) => !(options.skipBlocked && p.parsed.blocked))
  const today = new Date().toISOString().slice(0, 10)
  const counts = { households: zero(), members: zero() }
  let markedRemoved = 0
  const cases = zero()

  const batchId = ledger.write.run({ actor: options.actor }, (w) => {
    const batchId = w.insert('import_batches', {
      kind: 'roster',
      file_name: roster.fileName,
      sha256: roster.sha256,
      sheet: roster.sheet,
      mapping_json: JSON.stringify(roster.columns.map((c) => ({ index: c.index, header: c.header, field: c.field }))),
      layout_json: JSON.stringify({
        headerRow: roster.headerRow,
        headerRowCount: roster.headerRowCount,
        columns: roster.columns.map((c) => ({ index: c.index, header: c.header, field: c.field, ...(c.group !== undefined ? { group: c.group } : {}) })),
        dateFormats: roster.dateFormats,
      }),
      counts_json: '{}',
      actor: options.actor,
    })
    w.setBatch(`import:${batchId}`)
    const villages = new VillageIndex(ledger.sqlite)
    const groupIds = new Map<string, number>()
    const findGroup = ledger.sqlite.prepare('SELECT id FROM village_groups WHERE village_id = ? AND name = ?').pluck()
    const villageId = (county: string, township: string, name: string) => {
      const found = villages.find(county, township, name)
      if (found) return found.id
      const id = w.insert('villages', { county, township, name })
      villages.add({ id, county, township, name })
      return id
    }
    const groupId = (vid: number, name: string | null) => {
      if (!name) return null
      const key = `${vid}/${name}`
      let id = groupIds.get(key) ?? (findGroup.get(vid, name) as number | undefined)
      if (id === undefined) id = w.insert('village_groups', { village_id: vid, name })
      groupIds.set(key, id)
      return id
    }

    // A new household's own columns are stored on it once; its members keep the rest (household-columns.ts).
    const split = plan.householdColumns
    // New households, then new members, are each written by one statement and audited in one go.
    const householdIds: number[] = []
    // Written in chunks too (each with its stored columns): every chunk names the same columns.
    const freshColumns = ['village_id', 'group_id', 'import_batch_id', 'extra_json']
    for (const k of new Set(todo.flatMap((p) => (p.existingId === null ? Object.keys(p.parsed.values) : [])))) freshColumns.push(k)
    let fresh: Record<string, Value>[] = []
    let freshAt: number[] = []
    const writeFresh = () => {
      w.insertMany('households', fresh, freshColumns).forEach((id, k) => (householdIds[freshAt[k]!] = id))
      fresh = []
      freshAt = []
    }
    todo.forEach((p, i) => {
      if (i % 500 === 0) {
        options.checkCancelled()
        options.progress(i, todo.length, `正在写入第 ${i + 1} / ${todo.length} 户`)
      }
      const h = p.parsed
      const vid = p.villageId ?? villageId(h.county, h.township, h.village)
      if (p.existingId === null) {
        const extra_json = split ? h.members[0]!.kept.toJson(split.household) : null
        fresh.push({ ...h.values, village_id: vid, group_id: groupId(vid, h.group), import_batch_id: batchId, ...(extra_json ? { extra_json } : {}) })
        freshAt.push(i)
        if (fresh.length >= CHUNK) writeFresh()
        counts.households.new++
        return
      }
      householdIds[i] = p.existingId
      if (p.unsplit) {
        w.update('households', p.existingId, { extra_json: null })
        for (const m of p.unsplit) w.update('members', m.id, { extra_json: m.extra_json })
      }
      const patch: Record<string, Value> = {}
      for (const [field, value] of Object.entries(p.changes)) {
        if (field === 'village') patch.village_id = vid
        else if (field === 'group') patch.group_id = groupId(vid, h.group)
        else patch[field] = value
      }
      if ('village' in p.changes && !('group' in p.changes)) patch.group_id = groupId(vid, h.group)
      // An unchanged household (the usual case of a re-import) costs no read.
      const updated = Object.keys(patch).length > 0 && w.update('households', p.existingId, patch).length > 0
      const changed = updated || p.members.some((m) => m.existingId === null || Object.keys(m.changes).length)
      if (changed) counts.households.changed++
      else counts.households.unchanged++
    })
    if (fresh.length) writeFresh()
    todo.forEach((p, i) => {
      const householdId = householdIds[i]!
      p.members.forEach((m) => {
        if (m.existingId === null) {
          counts.members.new++
        } else if (Object.keys(m.changes).length) {
          w.update('members', m.existingId, m.changes)
          counts.members.changed++
        } else counts.members.unchanged++
      })
      // A roster that names the household's helper (帮扶单位 / 帮扶责任人 columns) fills the pairing.
      const named = p.parsed.members.map((m) => helperFromRoster(m.kept)).find((x) => x !== null)
      if (named) applyHelperFromRoster(ledger, w, householdId, named, today)
      for (const missing of p.missingMembers) {
        counts.members.missing++
        const removal = options.removeMembers[missing.id]
        if (removal) markedRemoved += markRemoved(w, 'members', missing.id, removal)
      }
    })
    options.progress(todo.length, todo.length, `正在写入 ${counts.members.new} 名新成员`)
    // New members are written in chunks: each row's extra_json (≈ 150 kept cells of a national roster)
    // exists only until its chunk is written. Every chunk names the same columns (a column any new
    // member has, NULL where one has none), as one statement over all of them would.
    const named = new Set<string>()
    for (const p of todo) for (const m of p.members) if (m.existingId === null) for (const k in m.parsed.values) named.add(k)
    const memberColumns = [...named]
    // A member's parsed values are written as they are (under its household, order and kept cells), not copied.
    let newMembers: Record<string, Value>[] = []
    let newValues: Record<string, Value>[] = []
    todo.forEach((p, i) => {
      p.members.forEach((m, order) => {
        if (m.existingId !== null) return
        const extra_json = split && p.existingId === null ? m.parsed.kept.toJson(split.member) : m.parsed.kept.toJson()
        newMembers.push({ household_id: householdIds[i]!, sort_order: order, extra_json })
        newValues.push(m.parsed.values)
        if (newMembers.length >= CHUNK) {
          w.insertMany('members', newMembers, memberColumns, newValues)
          newMembers = []
          newValues = []
        }
      })
    })
    if (newMembers.length) w.insertMany('members', newMembers, memberColumns, newValues)
    // A monitoring roster (监测对象信息) also gives each monitored household its case, measures and elimination.
    if (isMonitoringRoster(roster.extraKeys)) {
      // Without a 监测对象类别 (its field, or a kept column) a household has no case: its cells need not be gathered.
      const categoryKept = roster.extraKeys.some((k) => normaliseHeaderText(k) === CATEGORY)
      todo.forEach((p, i) => {
        if (!categoryKept && typeof p.parsed.values.monitoring_category !== 'string') return
        const cells = householdCells(p.parsed.members.map((m) => m.kept))
        const found = caseFromCells(cells, { category: p.parsed.values.monitoring_category ?? null, identified: p.parsed.values.first_identified ?? null, size: p.parsed.members.length })
        if (found) cases[writeRosterCase(ledger, w, householdIds[i]!, found, cells.get('帮扶责任人姓名') ?? null)]++
      })
    }
    for (const h of plan.missingHouseholds) {
      counts.households.missing++
      const removal = options.removeHouseholds[h.id]
      if (removal) markedRemoved += markRemoved(w, 'households', h.id, removal)
    }
    if (options.rememberMapping) {
      const existing = ledger.sqlite.prepare("SELECT id FROM import_mappings WHERE kind = 'roster' AND signature = ?").pluck().get(options.rememberMapping.signature) as number | undefined
      const mapping_json = JSON.stringify(options.rememberMapping.mapping)
      if (existing) w.update('import_mappings', existing, { mapping_json })
      else w.insert('import_mappings', { kind: 'roster', signature: options.rememberMapping.signature, mapping_json })
    }
    w.update('import_batches', batchId, { counts_json: JSON.stringify(cases.new + cases.changed + cases.unchanged ? { ...counts, monitoringCases: cases } : counts) })
    return batchId
  })
  options.progress(todo.length, todo.length, '导入完成')
  return { batchId, households: counts.households, members: counts.members, markedRemoved, skipped: plan.households.length - todo.length,
    ...(keep ? { keptIssues: keep.kept.length, leftOut: keep.leftOut } : {}), ...(cases.new + cases.changed + cases.unchanged ? { monitoringCases: cases } : {}) }
}

function markRemoved(w: WriteScope, table: 'households' | 'members', id: number, removal: Removal): number {
  return w.update(table, id, { removed_reason: removal.reason, removed_date: removal.date }).length ? 1 : 0
}

function zero(): CountSet {
  return { new: 0, changed: 0, unchanged: 0, missing: 0 }
}
