/**
 * The roster written back to .xlsx, one row per person with the household
 * columns repeated, ID numbers as text, with the streaming writer:
 * - 'standard': every field of the column dictionary, then the unknown
 *   columns kept from imported files;
 * - 'source': the layout of the last roster the county sent — same columns,
 *   order, header row, unknown columns given back, dates written the way the
 *   source wrote them — so the county gets its own sheet back.
 * ID numbers and phones are masked unless the clerk asked for a full export.
 */
import { normaliseHeaderText } from '../../../shared/import/text'
import { caseCorrections } from '../national'
import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import { cellText } from '../spreadsheets/cell-text'
import { LedgerError } from '../../../shared/api/result'
import { maskIdNumber, maskPhone } from '../../../shared/domain/id-number'
import { fenToYuanText } from '../../../shared/domain/money'
import { fieldByKey, ROSTER_FIELDS, type FieldDef, type FieldKey } from '../../../shared/import/households-fields'
import { formatDate, type DateFormat } from '../../../shared/import/normalise'
import type { Ledger } from '../db/open'
import { memberCells, parseCells, type Cells } from './member-cells'

/** The standard columns: every stored field (no virtual ones), in dictionary order. */
export const STANDARD_FIELDS: readonly FieldDef[] = ROSTER_FIELDS.filter((f) => !f.virtual)

export interface RosterExportOptions {
  layout: 'standard' | 'source'
  /** Only these households (the current filter); all active ones when absent. */
  householdIds?: number[]
  masked: boolean
}

interface Column {
  header: string
  /** The group cell above this column in a two-level source header; `header` is then 'group/child'. */
  group?: string
  /** A dictionary field, or an unknown column read from extra_json, or the running 序号. */
  field: FieldKey | null
  extra?: string
}

interface SourceLayout {
  headerRow: number
  /** Absent in layouts recorded before it was kept: one row. */
  headerRowCount?: 1 | 2
  columns: { index: number; header: string; field: FieldKey | null; group?: string }[]
  dateFormats: Record<string, DateFormat>
}

type Row = Record<string, string | number | null>

export async function exportRoster(
  ledger: Ledger,
  outputPath: string,
  options: RosterExportOptions,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<{ households: number; members: number }> {
  const db = ledger.sqlite
  const source = options.layout === 'source' ? sourceLayout(ledger) : null
  const columns: Column[] = source
    ? source.columns.map((c): Column => ({
        header: c.header,
        field: c.field,
        ...(c.field ? {} : { extra: c.header }),
        ...(c.group !== undefined && c.header.startsWith(`${c.group}/`) ? { group: c.group } : {}),
      }))
    : [...STANDARD_FIELDS.map((f) => ({ header: f.label, field: f.key })), ...extraKeys(ledger).map((k) => ({ header: k, field: null, extra: k }))]

  const where = 'm.removed_reason IS NULL AND h.removed_reason IS NULL' + (options.householdIds ? ' AND h.id IN (SELECT value FROM json_each(?))' : '')
  const params = options.householdIds ? [JSON.stringify(options.householdIds)] : []
  const total = db.prepare(`SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id WHERE ${where}`).pluck().get(...params) as number

  const excel = await loadExcelJS()

  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: outputPath, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet('花名册')
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.field && ['id', 'code'].includes(fieldKind(c.field)) ? 22 : 12))
  const headerRow = writeHeader(sheet, columns, source)

  // A source layout of one row per household (its head's columns, no 姓名 or 与户主关系 of each
  // person) gets one row per household: a row per member would repeat the head as many times.
  const has = (k: FieldKey) => columns.some((c) => c.field === k)
  const perHousehold = source !== null && ((!has('name') && (has('head_name') || has('head_id_number'))) || !has('relation'))
  const head = db.prepare("SELECT name, id_number FROM members WHERE household_id = ? AND relation = '户主' AND removed_reason IS NULL ORDER BY sort_order LIMIT 1")
  const rows = db
    .prepare(
      `SELECT v.county, v.township, v.name AS village, g.name AS "group", h.*, m.*, h.extra_json AS household_extra_json
       FROM members m
       JOIN households h ON h.id = m.household_id
       JOIN villages v ON v.id = h.village_id
       LEFT JOIN village_groups g ON g.id = h.group_id
       WHERE ${where}
       ORDER BY v.id, h.household_no, h.id, m.sort_order, m.id`,
    )
    .iterate(...params) as Iterable<Row>
  // The monitoring roster's own layout carries the clerk's corrections of the monitoring cases.
  const withCase = new Set(source ? (db.prepare('SELECT DISTINCT household_id FROM monitoring_cases').pluck().all() as number[]) : [])
  const extrasOf = db.prepare('SELECT extra_json FROM members WHERE household_id = ? AND removed_reason IS NULL ORDER BY sort_order, id').pluck()
  let corrections = new Map<string, string | null>()
  let storedOnHousehold: Cells | null = null
  let members = 0
  const households = new Set<unknown>()
  let headOf: { household: unknown; name: string | null; id_number: string | null; written: boolean } = { household: null, name: null, id_number: null, written: false }
  for (const r of rows) {
    if (headOf.household !== r.household_id) {
      const h = head.get(r.household_id) as { name: string; id_number: string | null } | undefined
      headOf = { household: r.household_id, name: h?.name ?? null, id_number: h?.id_number ?? null, written: false }
      const hid = Number(r.household_id)
      storedOnHousehold = parseCells(r.household_extra_json)
      corrections = withCase.has(hid)
        ? caseCorrections(ledger, hid, (extrasOf.all(hid) as (string | null)[]).map((j) => memberCells(storedOnHousehold, j)), {
            category: r.monitoring_category ?? null,
            identified: r.first_identified ?? null,
            size: Number(r.declared_size ?? 0),
          })
        : new Map()
    }
    if (perHousehold && (headOf.written || (headOf.name !== null && r.relation !== '户主'))) continue
    headOf.written = true
    members++
    households.add(r.household_id)
    const extra = memberCells(storedOnHousehold, r.extra_json)
    const record: Row = { ...r, seq: members, head_name: headOf.name, head_id_number: headOf.id_number }
    const row = sheet.getRow(headerRow + members)
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1)
      const corrected = c.extra !== undefined && corrections.size ? corrections.get(normaliseHeaderText(c.extra)) : undefined
      const value = c.extra !== undefined ? (corrected !== undefined ? corrected : (extra[c.extra] ?? null)) : c.field ? cellValue(c.field, record[c.field] ?? null, options.masked, source) : null
      if (value !== null) cell.value = cellText(value)
      if (c.field && ['id', 'code', 'phone'].includes(fieldKind(c.field))) cell.numFmt = '@'
    })
    row.commit()
    if (members % 2000 === 0) progress(members, total)
  }
  sheet.commit()
  await workbook.commit()
  progress(total, total)
  return { households: households.size, members }
}

function fieldKind(field: FieldKey): string {
  return fieldByKey(field).kind
}

function cellValue(field: FieldKey, v: string | number | null, masked: boolean, source: SourceLayout | null): string | number | null {
  if (v === null) return null
  const kind = fieldKind(field)
  if (kind === 'money') return Number(fenToYuanText(Number(v)))
  if (masked && kind === 'id') return maskIdNumber(String(v))
  if (masked && kind === 'phone') return maskPhone(String(v))
  const format = source?.dateFormats[field]
  if (kind === 'date' && format) return formatDate(String(v), format)
  // Text, so Excel keeps every digit of IDs and codes.
  return typeof v === 'number' && kind !== 'int' ? String(v) : v
}

/**
 * The header rows, each written once and in order (the streaming writer cannot go back to a
 * committed row). The standard layout has one header row with the names as stored. The source
 * layout puts the header on the rows the source had it, with a title above: two rows only when
 * the source had two (a group merged across its children, single cells merged down); a 「/」
 * inside a one-row header is part of the name ('致贫/返贫风险1').
 */
function writeHeader(sheet: ExcelJS.Worksheet, columns: Column[], source: SourceLayout | null): number {
  const rowCount = source?.headerRowCount === 2 && columns.some((c) => c.group) ? 2 : 1
  const headerRow = source ? Math.max(source.headerRow, rowCount + 1) : 1
  const bold = { bold: true }
  if (source) {
    const title = sheet.getRow(1)
    title.getCell(1).value = `花名册（由乡镇帮扶台账导出，${new Date().toISOString().slice(0, 10)}）`
    title.commit()
  }
  if (rowCount === 1) {
    const row = sheet.getRow(headerRow)
    columns.forEach((c, i) => {
      row.getCell(i + 1).value = cellText(c.header)
      row.getCell(i + 1).font = bold
    })
    row.commit()
    return headerRow
  }
  const top = sheet.getRow(headerRow - 1)
  const bottom = sheet.getRow(headerRow)
  let runStart = -1
  const closeRun = (end: number) => {
    if (runStart >= 0 && end > runStart) sheet.mergeCells(headerRow - 1, runStart + 1, headerRow - 1, end + 1)
    runStart = -1
  }
  columns.forEach((c, i) => {
    if (c.group) {
      if (runStart < 0 || columns[runStart]!.group !== c.group) {
        closeRun(i - 1)
        runStart = i
        top.getCell(i + 1).value = cellText(c.group)
        top.getCell(i + 1).font = bold
      }
      bottom.getCell(i + 1).value = cellText(c.header.slice(c.group.length + 1))
      bottom.getCell(i + 1).font = bold
    } else {
      closeRun(i - 1)
      top.getCell(i + 1).value = cellText(c.header)
      top.getCell(i + 1).font = bold
      sheet.mergeCells(headerRow - 1, i + 1, headerRow, i + 1)
    }
  })
  closeRun(columns.length - 1)
  top.commit()
  bottom.commit()
  return headerRow
}

function sourceLayout(ledger: Ledger): SourceLayout {
  const json = ledger.sqlite
    .prepare("SELECT layout_json FROM import_batches WHERE kind = 'roster' AND undone_at IS NULL ORDER BY id DESC LIMIT 1")
    .pluck()
    .get() as string | undefined
  if (!json) throw new LedgerError('no_source_layout', '台账中还没有导入过县里的花名册，无法按原表格式导出。请选择「标准格式」。')
  const layout = JSON.parse(json) as SourceLayout
  layout.columns.sort((a, b) => a.index - b.index)
  return layout
}

/** The kept columns' headers: the members' own, then those stored on households (member-cells.ts). */
function extraKeys(ledger: Ledger): string[] {
  const keys = new Set<string>()
  for (const table of ['members', 'households']) {
    for (const json of ledger.sqlite.prepare(`SELECT DISTINCT extra_json FROM ${table} WHERE extra_json IS NOT NULL`).pluck().iterate() as Iterable<string>) {
      for (const k of Object.keys(JSON.parse(json) as Cells)) keys.add(k)
    }
  }
  return [...keys]
}
