/**
 * The national records out again (issue 15 §5): each kind in the national layout of its last
 * imported file — its title rows, its headers in their order, every column it had — with the
 * ledger's values (the clerk's corrections, and records added in the ledger) written over the cells
 * they concern in the file's own way of writing them; and all four kinds as the standard workbook.
 * A kind never imported gets the national system's usual columns. ID numbers are written as text.
 */
import type ExcelJS from 'exceljs'
import type { NationalExportLayout } from '../../../shared/api/national'
import { HOUSEHOLD_INFO_TO_HOUSEHOLD, NATIONAL_FIELDS, recordKeys } from '../../../shared/import/national-fields'
import type { NationalKind } from '../../../shared/import/national-kinds'
import type { Ledger } from '../db/open'
import { logAccess } from '../households'
import { cellText } from '../spreadsheets/cell-text'
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import { asCell, fieldOfHeader, lastLayout, type NationalLayout } from './cells'

type Row = Record<string, string | number | null>

export const NATIONAL_EXPORT_NAMES: Record<NationalExportLayout, string> = {
  workSpells: '已外出务工信息（国家系统格式）',
  plannedWork: '计划外出务工信息（国家系统格式）',
  villages: '行政村信息（国家系统格式）',
  householdInfo: '户信息（国家系统格式）',
  standard: '国家系统表格（标准格式）',
}

const SHEET_TITLES: Record<NationalKind, string> = {
  workSpells: '已外出务工信息',
  plannedWork: '计划外出务工信息',
  villages: '行政村信息',
  householdInfo: '户信息',
}

/** The national system's usual columns of a kind, for a kind the ledger never imported. */
const DEFAULT_HEADERS: Record<NationalKind, string[]> = {
  workSpells: ['市', '县', '乡', '行政村', '户编号', '人编号', '姓名', '性别', '证件号码', '户类型', '监测对象类别', '劳动技能', '联系电话',
    ...NATIONAL_FIELDS.workSpells.filter((f) => !f.match).map((f) => f.label)],
  plannedWork: ['市', '县', '乡', '行政村', '户编号', '人编号', '姓名', '性别', '证件号码', '户类型', '监测对象类别', '劳动技能', '联系电话',
    ...NATIONAL_FIELDS.plannedWork.filter((f) => !f.match).map((f) => f.label)],
  villages: ['县', '乡', '村', ...NATIONAL_FIELDS.villages.filter((f) => !f.match).map((f) => f.label)],
  householdInfo: NATIONAL_FIELDS.householdInfo.map((f) => f.label),
}

/** Who and where each record is, from the ledger (a name or number corrected in the roster reaches the export too). */
const RECORD_SQL: Record<NationalKind, string> = {
  workSpells: `SELECT s.*, m.name, m.id_number, m.person_no, m.sex, m.labour_skill, h.household_no, h.household_type, h.monitoring_category, h.phone,
    v.county, v.township, v.name AS village FROM work_spells s JOIN members m ON m.id = s.member_id JOIN households h ON h.id = s.household_id
    JOIN villages v ON v.id = h.village_id ORDER BY s.id`,
  plannedWork: `SELECT s.*, m.name, m.id_number, m.person_no, m.sex, m.labour_skill, h.household_no, h.household_type, h.monitoring_category, h.phone,
    v.county, v.township, v.name AS village FROM planned_work s JOIN members m ON m.id = s.member_id JOIN households h ON h.id = s.household_id
    JOIN villages v ON v.id = h.village_id ORDER BY s.id`,
  villages: 'SELECT s.*, v.county, v.township, v.name AS village FROM village_statistics s JOIN villages v ON v.id = s.village_id ORDER BY s.id',
  householdInfo: `SELECT i.*, v.county, v.township, v.name AS village, g.name AS group_name, h.household_no, h.household_type, h.monitoring_category,
    h.declared_size, h.phone, h.housing_area, h.dilapidated_house,
    (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' ORDER BY removed_reason IS NOT NULL, id LIMIT 1) AS head_name,
    (SELECT id_number FROM members WHERE household_id = h.id AND relation = '户主' ORDER BY removed_reason IS NOT NULL, id LIMIT 1) AS id_number
    FROM household_info i JOIN households h ON h.id = i.household_id JOIN villages v ON v.id = h.village_id LEFT JOIN village_groups g ON g.id = h.group_id ORDER BY i.id`,
}

/** Person and household fields the ledger itself holds: always written from the ledger. */
const LEDGER_FIELDS = new Set(['name', 'id_number', 'person_no', 'household_no', 'head_name'])
/** Columns outside the dictionaries that the ledger can fill for a record it added (the file's cell wins otherwise). */
const LEDGER_HEADERS: Record<string, string> = { 性别: 'sex', 户类型: 'household_type', 监测对象类别: 'monitoring_category', 劳动技能: 'labour_skill', 联系电话: 'phone' }
/** Written from the ledger whatever the file said (the roster's corrections reach the export). */
const ALWAYS_FROM_LEDGER = new Set(['性别'])

const show = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? null : String(v))

/** The cells of one kind's records in the layout, row by row. */
function layoutRows(ledger: Ledger, kind: NationalKind, headers: string[], fieldOf: (h: string) => string | null): (string | null)[][] {
  const own = new Set(recordKeys(kind))
  const household = new Set<string>(kind === 'householdInfo' ? HOUSEHOLD_INFO_TO_HOUSEHOLD : [])
  const out: (string | null)[][] = []
  for (const r of ledger.sqlite.prepare(RECORD_SQL[kind]).iterate() as Iterable<Row>) {
    const cells = JSON.parse(String(r.cells_json ?? '{}')) as Record<string, string>
    // A row of the file (imported, maybe corrected since) keeps the cells it left blank blank; a record the ledger added is filled from the ledger.
    const added = r.import_batch_id === null || r.import_batch_id === undefined
    out.push(
      headers.map((h) => {
        const field = fieldOf(h)
        if (field && own.has(field)) return asCell(kind, field, r[field], cells[h])
        if (field && household.has(field)) return added || cells[h] !== undefined ? asCell(kind, field, r[field], cells[h]) : null
        if (field && LEDGER_FIELDS.has(field)) return show(r[field]) ?? cells[h] ?? null
        // Place columns: as the file wrote them (「样例县」 or a code), the ledger's names for a record it added.
        if (field) return cells[h] ?? (added ? show(r[field]) : null)
        const key = LEDGER_HEADERS[h.replace(/#\d+$/, '')]
        if (key && kind !== 'villages' && (ALWAYS_FROM_LEDGER.has(h) || (added && cells[h] === undefined))) return show(r[key]) ?? cells[h] ?? null
        return cells[h] ?? null
      }),
    )
  }
  return out
}

/**
 * The title and header block merged and sized as the imported file had it (a title across all
 * columns, 「收入情况」 over its sub-columns, a header merged down). Only ranges inside the rows
 * written from the file are merged, so rows or columns the ledger adds never fall into one.
 */
export function applyHeaderLayout(ws: ExcelJS.Worksheet, layout: Pick<NationalLayout, 'headerRow' | 'headerMerges' | 'columnWidths'>): void {
  for (const m of layout.headerMerges ?? []) {
    if (m.bottom >= layout.headerRow || (m.top === m.bottom && m.left === m.right)) continue
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1)
  }
  for (const w of layout.columnWidths ?? []) for (let c = w.first; c <= w.last && c < 16384; c++) ws.getColumn(c + 1).width = w.width
}

export interface NationalExportOptions {
  progress?(done: number, total: number, message: string): void
  /** Throws when the clerk cancelled. */
  checkCancelled?(): void
}

export async function exportNational(ledger: Ledger, outputPath: string, layout: NationalExportLayout, actor: string, options: NationalExportOptions = {}): Promise<{ rows: number }> {
  const excel = await loadExcelJS()
  const wb = new excel.Workbook()
  let rows = 0
  if (layout !== 'standard') {
    const kind = layout
    const found = lastLayout(ledger, kind)
    const headers = found?.headers ?? DEFAULT_HEADERS[kind]
    const ws = wb.addWorksheet('Sheet1')
    for (const t of found?.titleRows ?? [[SHEET_TITLES[kind]]]) ws.addRow(t.map((c) => cellText(c)))
    // The header as the file wrote it (a header given twice is keyed 「…#2」 in the ledger, a padded one trimmed).
    ws.addRow(found?.headerTexts ?? headers.map((h) => h.replace(/#\d+$/, '')))
    if (found) applyHeaderLayout(ws, found)
    const data = layoutRows(ledger, kind, headers, (h) => fieldOfHeader(kind, found, h))
    data.forEach((r, i) => {
      if (i % 1000 === 0) {
        options.checkCancelled?.()
        options.progress?.(i, data.length, `正在写入第 ${i + 1} / ${data.length} 行`)
      }
      ws.addRow(r.map((c) => cellText(c)))
    })
    rows = data.length
  } else {
    const kinds = ['workSpells', 'plannedWork', 'villages', 'householdInfo'] as const
    for (const [k, kind] of kinds.entries()) {
      options.progress?.(k, kinds.length, `正在写入「${SHEET_TITLES[kind]}」`)
      const ws = wb.addWorksheet(SHEET_TITLES[kind])
      const own = NATIONAL_FIELDS[kind].filter((f) => recordKeys(kind).includes(f.key))
      const lead = kind === 'villages' ? ['县', '乡', '村'] : kind === 'householdInfo' ? ['县', '乡', '行政村', '户编号', '户主姓名', '证件号码'] : ['县', '乡', '行政村', '户编号', '人编号', '姓名', '证件号码']
      const leadKeys = kind === 'villages' ? ['county', 'township', 'village'] : kind === 'householdInfo' ? ['county', 'township', 'village', 'household_no', 'head_name', 'id_number'] : ['county', 'township', 'village', 'household_no', 'person_no', 'name', 'id_number']
      ws.addRow([...lead, ...own.map((f) => f.label)])
      for (const r of ledger.sqlite.prepare(RECORD_SQL[kind]).all() as Row[]) {
        ws.addRow([...leadKeys.map((key) => show(r[key])), ...own.map((f) => asCell(kind, f.key, r[f.key], undefined))].map((c) => cellText(c)))
        rows++
      }
    }
  }
  options.progress?.(1, 1, '正在保存文件…')
  await wb.xlsx.writeFile(outputPath)
  logAccess(ledger, actor, 'export_unmasked', `国家系统表格（${NATIONAL_EXPORT_NAMES[layout]}）：${rows} 行`)
  return { rows }
}

