/**
 * Compares a national export with the ledger: each row is matched to its person (work spells,
 * planned work: 证件号码, then 人编号), household (户信息: 户编号, then the householder's 证件号码) or
 * village (县/乡/村 name or 行政区划代码), then found new, changed (field by field) or unchanged;
 * records of the ledger absent from the file are missing (kept). A row whose person or household
 * the ledger lacks is an issue naming its row, never dropped silently. Pure reads.
 */
import type { ImportIssueView } from '../../../../shared/api/households-import'
import type { NationalCounts, NationalRecordView } from '../../../../shared/api/national'
import { HOUSEHOLD_TYPES, MONITORING_CATEGORIES } from '../../../../shared/domain/enums'
import { HOUSEHOLD_INFO_TO_HOUSEHOLD, nationalFieldByKey, recordKeys } from '../../../../shared/import/national-fields'
import type { NationalKind } from '../../../../shared/import/national-kinds'
import type { Ledger } from '../../db/open'
import type { NationalRow, ParsedNational, Value } from './parse'

export const TABLE_OF: Record<NationalKind, 'work_spells' | 'planned_work' | 'village_statistics' | 'household_info'> = {
  workSpells: 'work_spells',
  plannedWork: 'planned_work',
  villages: 'village_statistics',
  householdInfo: 'household_info',
}

export interface PlannedRecord {
  row: NationalRow
  /** Member (work spells, planned work), household (户信息) or village id; null: a village to create. */
  targetId: number | null
  householdId: number | null
  /** The village to create (villages kind, not in the ledger). */
  newVillage?: { county: string; township: string; name: string }
  existingId: number | null
  /** Record columns to write (all of them for a new record; the changed ones otherwise). */
  values: Record<string, Value>
  changes: Record<string, Value>
  /** 户信息: the household's own fields that change. */
  householdChanges: Record<string, Value>
  subject: string
  detail: string
  diffs: NationalRecordView['diffs']
}

export interface NationalPlan {
  kind: NationalKind
  records: PlannedRecord[]
  missing: { id: number; subject: string; detail: string }[]
  issues: ImportIssueView[]
  counts: NationalCounts
}

type Row = Record<string, Value>
const same = (a: Value | undefined, b: Value | undefined) => String(a ?? '') === String(b ?? '')
const show = (v: Value | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v))

function subjectOf(values: Row): string {
  const who = [values.name ?? values.head_name, values.id_number].filter(Boolean).join(' ')
  return `${who || '（无姓名）'}${values.household_no ? `（户编号 ${values.household_no}）` : ''}`
}

export function planNationalImport(ledger: Ledger, parsed: ParsedNational): NationalPlan {
  const db = ledger.sqlite
  const kind = parsed.kind
  const keys = recordKeys(kind)
  const issues = [...parsed.issues]
  const counts: NationalCounts = { new: 0, changed: 0, unchanged: 0, missing: 0, notInLedger: 0 }
  const records: PlannedRecord[] = []
  const table = TABLE_OF[kind]
  const existingRows = db.prepare(`SELECT * FROM ${table}`).all() as (Row & { id: number })[]
  const matched = new Set<number>()
  const notFound = (row: NationalRow, what: string, column: string) => {
    counts.notInLedger++
    issues.push({
      sheet: parsed.sheet,
      row: row.excelRow,
      column,
      severity: 'warning',
      code: 'not_in_ledger',
      message: `第 ${row.excelRow} 行：${what}，这一行没有导入。请先导入包含此${kind === 'householdInfo' ? '户' : '人'}的花名册，或核对「${column}」。`,
    })
  }

  const memberById = db.prepare("SELECT id, household_id, name FROM members WHERE id_number = ? AND removed_reason IS NULL ORDER BY id LIMIT 1")
  const memberByNo = db.prepare("SELECT id, household_id, name FROM members WHERE person_no = ? AND removed_reason IS NULL ORDER BY id LIMIT 1")
  const householdByNo = db.prepare('SELECT id FROM households WHERE household_no = ? ORDER BY id LIMIT 1').pluck()
  const householdOfMember = db.prepare('SELECT household_id FROM members WHERE id_number = ? ORDER BY id LIMIT 1').pluck()
  const householdRow = db.prepare('SELECT * FROM households WHERE id = ?')
  const villages = db.prepare('SELECT id, county, township, name FROM villages').all() as { id: number; county: string; township: string; name: string }[]
  const statsByCode = new Map<string, number>()
  for (const s of existingRows) if (kind === 'villages' && s.admin_code) statsByCode.set(String(s.admin_code), Number(s.village_id))

  // Existing records by their key in the file's terms.
  const existingByKey = new Map<string, Row & { id: number }>()
  for (const e of existingRows) {
    const key = kind === 'workSpells' ? `${e.member_id}/${e.start_month ?? ''}` : kind === 'plannedWork' ? `${e.member_id}` : kind === 'villages' ? `${e.village_id}` : `${e.household_id}`
    if (!existingByKey.has(key)) existingByKey.set(key, e)
  }
  const seenKeys = new Map<string, number>()

  for (const row of parsed.rows) {
    const v = row.values
    let targetId: number | null = null
    let householdId: number | null = null
    let newVillage: PlannedRecord['newVillage']
    if (kind === 'workSpells' || kind === 'plannedWork') {
      const idNumber = typeof v.id_number === 'string' ? v.id_number : null
      const m = ((idNumber && memberById.get(idNumber)) || (v.person_no && memberByNo.get(v.person_no)) || undefined) as
        | { id: number; household_id: number; name: string }
        | undefined
      if (!m) {
        notFound(row, `${subjectOf(v)}在台账中没有找到此人`, idNumber ? '证件号码' : '人编号')
        continue
      }
      targetId = m.id
      householdId = m.household_id
    } else if (kind === 'householdInfo') {
      const idNumber = typeof v.id_number === 'string' ? v.id_number : null
      const hid = ((v.household_no && householdByNo.get(v.household_no)) || (idNumber && householdOfMember.get(idNumber)) || undefined) as number | undefined
      if (!hid) {
        notFound(row, `户主${subjectOf(v)}在台账中没有找到这一户`, v.household_no ? '户编号' : '证件号码')
        continue
      }
      targetId = hid
      householdId = hid
    } else {
      const name = String(v.village ?? '')
      if (!name) {
        issues.push({ sheet: parsed.sheet, row: row.excelRow, column: '村', severity: 'error', code: 'no_village', message: `第 ${row.excelRow} 行没有填写「村」。请在原表中补上村名后重新导入。` })
        continue
      }
      const byCode = v.admin_code ? statsByCode.get(String(v.admin_code)) : undefined
      const sameName = villages.filter((x) => x.name === name && (!v.township || !x.township || x.township === v.township) && (!v.county || !x.county || x.county === v.county))
      targetId = byCode ?? sameName[0]?.id ?? null
      if (targetId === null) newVillage = { county: String(v.county ?? ''), township: String(v.township ?? ''), name }
    }

    const key = kind === 'workSpells' ? `${targetId}/${v.start_month ?? ''}` : targetId === null ? `new/${newVillage!.county}/${newVillage!.township}/${newVillage!.name}` : String(targetId)
    const earlier = seenKeys.get(key)
    if (earlier !== undefined) {
      issues.push({
        sheet: parsed.sheet,
        row: row.excelRow,
        column: kind === 'workSpells' ? '开始时间' : kind === 'villages' ? '村' : '证件号码',
        severity: 'error',
        code: 'record_twice',
        message: `第 ${row.excelRow} 行与第 ${earlier} 行是同一${kind === 'workSpells' ? '人同一开始时间的务工经历' : kind === 'villages' ? '个村' : kind === 'householdInfo' ? '户' : '人'}。请删去重复的一行后重新导入。`,
      })
      continue
    }
    seenKeys.set(key, row.excelRow)

    const values: Row = {}
    for (const k of keys) values[k] = v[k] ?? null
    values.cells_json = JSON.stringify(row.cells)
    const existing = targetId === null ? undefined : existingByKey.get(key)
    const changes: Row = {}
    const diffs: NationalRecordView['diffs'] = []
    if (existing) {
      matched.add(existing.id)
      for (const k of keys) {
        if (!same(existing[k], values[k])) {
          changes[k] = values[k] ?? null
          diffs.push({ field: k, label: nationalFieldByKey(kind, k)?.label ?? k, before: show(existing[k]), after: show(values[k]) })
        }
      }
      if (!same(existing.cells_json, values.cells_json)) changes.cells_json = values.cells_json
    }
    const householdChanges: Row = {}
    if (kind === 'householdInfo' && householdId !== null) {
      const h = householdRow.get(householdId) as Row
      for (const k of HOUSEHOLD_INFO_TO_HOUSEHOLD) {
        const value = v[k]
        if (value === null || value === undefined) continue
        if (k === 'household_type' && !(HOUSEHOLD_TYPES as readonly string[]).includes(String(value))) continue
        if (k === 'monitoring_category') {
          if (!(MONITORING_CATEGORIES as readonly string[]).includes(String(value))) continue
          const type = v.household_type ?? h.household_type
          if (value === '脱贫不稳定户' && type !== '脱贫户' && type !== '监测户') {
            issues.push({
              sheet: parsed.sheet, row: row.excelRow, column: '监测对象类别', severity: 'warning', code: 'category_type',
              message: `第 ${row.excelRow} 行：只有脱贫户才能是「脱贫不稳定户」，这一户的户类型是「${String(type ?? '')}」。监测对象类别没有改动，请核对。`,
            })
            continue
          }
        }
        if (!same(h[k], value)) {
          householdChanges[k] = value
          diffs.push({ field: k, label: nationalFieldByKey(kind, k)?.label ?? k, before: show(h[k]), after: show(value) })
        }
      }
    }
    const isNew = !existing
    if (isNew) counts.new++
    else if (Object.keys(changes).some((k) => k !== 'cells_json') || Object.keys(householdChanges).length) counts.changed++
    else counts.unchanged++
    records.push({
      row,
      targetId,
      householdId,
      newVillage,
      existingId: existing?.id ?? null,
      values,
      changes,
      householdChanges,
      subject: kind === 'villages' ? [v.county, v.township, v.village].filter(Boolean).join(' ') : subjectOf(v),
      detail: kind === 'workSpells' ? `${v.start_month ?? ''} 至 ${v.end_month ?? '今'}` : '',
      diffs,
    })
  }

  const missing = existingRows.filter((e) => !matched.has(e.id)).map((e) => ({ id: e.id, subject: describeExisting(ledger, kind, e), detail: kind === 'workSpells' ? `${e.start_month ?? ''} 至 ${e.end_month ?? '今'}` : '' }))
  counts.missing = missing.length
  return { kind, records, missing, issues, counts }
}

function describeExisting(ledger: Ledger, kind: NationalKind, e: Row): string {
  const db = ledger.sqlite
  if (kind === 'villages') {
    const v = db.prepare('SELECT county, township, name FROM villages WHERE id = ?').get(e.village_id) as { county: string; township: string; name: string } | undefined
    return v ? [v.county, v.township, v.name].filter(Boolean).join(' ') : `行政村 #${e.village_id}`
  }
  if (kind === 'householdInfo') {
    const h = db.prepare("SELECT h.household_no, (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' LIMIT 1) AS head FROM households h WHERE h.id = ?").get(e.household_id) as
      | { household_no: string | null; head: string | null }
      | undefined
    return `${h?.head ?? '（户主不详）'}（户编号 ${h?.household_no ?? '无'}）`
  }
  const m = db.prepare('SELECT name, id_number FROM members WHERE id = ?').get(e.member_id) as { name: string; id_number: string | null } | undefined
  return m ? `${m.name} ${m.id_number ?? ''}`.trim() : `人 #${e.member_id}`
}

export function isChanged(r: PlannedRecord): boolean {
  return r.existingId === null || Object.keys(r.changes).length > 0 || Object.keys(r.householdChanges).length > 0
}
