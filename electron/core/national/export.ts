/**
 * The national records out again (issue 15 §5): work spells in the national layout of the last
 * imported 已外出务工信息 file — its title rows, its headers in its order, every column it had — with
 * the ledger's corrections written over the cells they concern (in the file's own way of writing
 * them); and all four kinds as the standard workbook. ID numbers are written as text.
 */
import { fenToYuanText } from '../../../shared/domain/money'
import { parseYuanToFen } from '../../../shared/import/normalise'
import { NATIONAL_FIELDS, matchNationalField, recordKeys } from '../../../shared/import/national-fields'
import type { NationalKind } from '../../../shared/import/national-kinds'
import type { Ledger } from '../db/open'
import { logAccess } from '../households'
import { cellText } from '../spreadsheets/cell-text'
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import { formatMonthLike, normaliseMonth, wanToFen } from './import/parse'
import { TABLE_OF } from './import/plan'

type Row = Record<string, string | number | null>

interface Layout {
  headerRow: number
  titleRows: string[][]
  headers: string[]
  fields: Record<string, string | null>
}

function lastLayout(ledger: Ledger, kind: NationalKind): Layout | null {
  const rows = ledger.sqlite.prepare("SELECT layout_json, mapping_json FROM import_batches WHERE kind = 'national' AND undone_at IS NULL ORDER BY id DESC").all() as {
    layout_json: string
    mapping_json: string
  }[]
  for (const r of rows) {
    const layout = JSON.parse(r.layout_json) as { nationalKind?: string; headerRow: number; titleRows: string[][]; headers: string[] }
    if (layout.nationalKind !== kind) continue
    const mapping = JSON.parse(r.mapping_json) as { header: string; field: string | null }[]
    return { ...layout, fields: Object.fromEntries(mapping.map((m) => [m.header, m.field])) }
  }
  return null
}

/** The text a ledger value takes in a cell that used to say `original`. */
function asCell(kind: NationalKind, field: string, value: string | number | null, original: string | undefined): string | null {
  if (value === null || value === undefined) return null
  const def = NATIONAL_FIELDS[kind].find((f) => f.key === field)
  if (def?.kind === 'month') {
    if (original !== undefined && normaliseMonth(original).value === value) return original
    return formatMonthLike(String(value), original)
  }
  if (def?.kind === 'money') {
    const yuan = fenToYuanText(Number(value)).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1')
    if (original !== undefined && parseYuanToFen(original.replace(/[,元\s]/g, '')) === Number(value)) return original
    return yuan
  }
  if (def?.kind === 'wan') {
    if (original !== undefined && wanToFen(original) === Number(value)) return original
    return String(Number(value) / 1_000_000)
  }
  return String(value)
}

/** Person and place columns, from the ledger (the roster's corrections reach the export too). */
const PERSON_SQL = `SELECT m.name, m.id_number, m.person_no, m.sex, m.labour_skill, h.household_no, h.household_type, h.monitoring_category, h.phone,
  v.county, v.township, v.name AS village FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id WHERE m.id = ?`

/** Who the row is about, from the ledger (a name or number corrected in the roster reaches the export too); other cells as the file had them. */
const PERSON_HEADERS: Record<string, string> = { 姓名: 'name', 证件号码: 'id_number', 人编号: 'person_no', 户编号: 'household_no', 性别: 'sex' }
const PERSON_FIELDS = new Set(['name', 'id_number', 'person_no', 'household_no'])

export async function exportNational(ledger: Ledger, outputPath: string, layout: 'workSpells' | 'standard', actor: string): Promise<{ rows: number }> {
  const excel = await loadExcelJS()
  const wb = new excel.Workbook()
  const person = ledger.sqlite.prepare(PERSON_SQL)
  let rows = 0
  if (layout === 'workSpells') {
    const found = lastLayout(ledger, 'workSpells')
    const headers = found?.headers ?? ['县', '乡', '行政村', '户编号', '人编号', '姓名', '性别', '证件号码', '户类型', '监测对象类别', '劳动技能', '联系电话',
      ...NATIONAL_FIELDS.workSpells.filter((f) => !f.match).map((f) => f.label)]
    const fieldOf = (h: string) => (found ? (found.fields[h] ?? null) : (matchNationalField('workSpells', h)?.key ?? null))
    const ws = wb.addWorksheet('Sheet1')
    for (const t of found?.titleRows ?? [['已外出务工信息']]) ws.addRow(t.map((c) => cellText(c)))
    ws.addRow(headers)
    const spells = ledger.sqlite.prepare('SELECT * FROM work_spells ORDER BY id').all() as Row[]
    for (const s of spells) {
      const cells = JSON.parse(String(s.cells_json ?? '{}')) as Record<string, string>
      const p = person.get(s.member_id) as Row
      const out = headers.map((h) => {
        const field = fieldOf(h)
        const own = field && recordKeys('workSpells').includes(field) ? field : null
        if (own) return asCell('workSpells', own, s[own] ?? null, cells[h])
        const personKey = field && PERSON_FIELDS.has(field) ? field : PERSON_HEADERS[h]
        if (personKey && p && p[personKey] !== null && p[personKey] !== undefined) return String(p[personKey])
        return cells[h] ?? null
      })
      ws.addRow(out.map((c) => cellText(c)))
      rows++
    }
  } else {
    for (const kind of ['workSpells', 'plannedWork', 'villages', 'householdInfo'] as const) {
      const ws = wb.addWorksheet({ workSpells: '已外出务工信息', plannedWork: '计划外出务工信息', villages: '行政村信息', householdInfo: '户信息' }[kind])
      const own = NATIONAL_FIELDS[kind].filter((f) => recordKeys(kind).includes(f.key))
      const lead = kind === 'villages' ? ['县', '乡', '村'] : kind === 'householdInfo' ? ['县', '乡', '行政村', '户编号', '户主姓名', '证件号码'] : ['县', '乡', '行政村', '户编号', '人编号', '姓名', '证件号码']
      ws.addRow([...lead, ...own.map((f) => f.label)])
      const sql =
        kind === 'villages'
          ? 'SELECT s.*, v.county, v.township, v.name AS village FROM village_statistics s JOIN villages v ON v.id = s.village_id ORDER BY v.id'
          : kind === 'householdInfo'
            ? `SELECT i.*, v.county, v.township, v.name AS village, h.household_no, m.name AS head_name, m.id_number FROM household_info i JOIN households h ON h.id = i.household_id
               JOIN villages v ON v.id = h.village_id LEFT JOIN members m ON m.household_id = h.id AND m.relation = '户主' ORDER BY h.id`
            : `SELECT s.*, v.county, v.township, v.name AS village, h.household_no, m.person_no, m.name, m.id_number FROM ${TABLE_OF[kind]} s JOIN members m ON m.id = s.member_id
               JOIN households h ON h.id = s.household_id JOIN villages v ON v.id = h.village_id ORDER BY s.id`
      for (const r of ledger.sqlite.prepare(sql).all() as Row[]) {
        const leadKeys = kind === 'villages' ? ['county', 'township', 'village'] : kind === 'householdInfo' ? ['county', 'township', 'village', 'household_no', 'head_name', 'id_number'] : ['county', 'township', 'village', 'household_no', 'person_no', 'name', 'id_number']
        ws.addRow([...leadKeys.map((k) => (r[k] === null || r[k] === undefined ? null : String(r[k]))), ...own.map((f) => asCell(kind, f.key, r[f.key] ?? null, undefined))].map((c) => cellText(c)))
        rows++
      }
    }
  }
  await wb.xlsx.writeFile(outputPath)
  logAccess(ledger, actor, 'export_unmasked', `国家系统表格（${layout === 'workSpells' ? '已外出务工信息原表格式' : '标准格式'}）：${rows} 行`)
  return { rows }
}
