/**
 * The project ledger written to .xlsx:
 * - 'standard': every project field, funds by source in 万元 under a merged 「资金来源（万元）」
 *   group, then 已拨付 and 拨付率, then the unknown columns kept from imported lists;
 * - 'source': the layout of the last project list the county sent — same columns, order, header
 *   rows, units (万元 or 元), dates written the way it wrote them, unknown columns given back —
 *   so the county gets its own sheet back and the file imports again unchanged.
 */
import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../spreadsheets/load-exceljs'
import { cellText } from '../spreadsheets/cell-text'
import { LedgerError } from '../../../shared/api/result'
import { fenToYuanText } from '../../../shared/domain/money'
import { FUND_SOURCES, orderSources, fenToWanText, projectStatus, ratePercent, type FundSource } from '../../../shared/domain/projects'
import { formatDate, type DateFormat } from '../../../shared/import/normalise'
import { fundSourceOf, isFundKey, statedUnit, PROJECT_FIELDS, projectFieldByKey, type ProjectFieldKey } from '../../../shared/import/projects-fields'
import type { Ledger } from '../db/open'
import { IMPORTED_INDICATOR } from './import/plan'
import type { ProjectSourceLayout } from './import/commit'

export interface ProjectExportOptions {
  layout: 'standard' | 'source'
}

type Value = string | number | null
type Cell = string | number | Date | null

interface ProjectData {
  row: Record<string, Value>
  village: string | null
  budget: Map<string, number>
  budgetFen: number
  disbursedFen: number
  status: string
  performance: string | null
  extra: Record<string, string>
}

interface Column {
  /** The merged group cell above this column, in a two-level header. */
  group: string | null
  header: string
  width: number
  get(p: ProjectData, index: number): Cell
}

export const STANDARD_FUND_GROUP = '资金来源（万元）'

export async function exportProjects(ledger: Ledger, outputPath: string, options: ProjectExportOptions): Promise<{ projects: number }> {
  const projects = loadProjects(ledger)
  const source = options.layout === 'source' ? lastSourceLayout(ledger) : null
  const columns = source ? sourceColumns(source) : standardColumns(projects)
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet(source ? source.sheet.slice(0, 31) || '项目清单' : '项目清单', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  const twoLevel = columns.some((c) => c.group !== null)
  const headerRow = source ? Math.max(source.headerRow, twoLevel ? 2 : 1) : twoLevel ? 3 : 2
  if (headerRow - (twoLevel ? 1 : 0) > 1) {
    const title = sheet.getRow(1)
    title.getCell(1).value = `${source ? '项目清单' : '项目台账'}（由乡镇帮扶台账导出，${new Date().toISOString().slice(0, 10)}）`
    title.font = { bold: true, size: 14 }
  }
  writeHeader(sheet, columns, headerRow, twoLevel)
  projects.forEach((p, i) => {
    const row = sheet.getRow(headerRow + 1 + i)
    columns.forEach((c, j) => {
      const v = c.get(p, i)
      if (v === null || v === '') return
      const cell = row.getCell(j + 1)
      cell.value = cellText(v)
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd'
    })
  })
  columns.forEach((c, j) => (sheet.getColumn(j + 1).width = c.width))
  await workbook.xlsx.writeFile(outputPath)
  return { projects: projects.length }
}

function writeHeader(sheet: ExcelJS.Worksheet, columns: Column[], headerRow: number, twoLevel: boolean): void {
  const bottom = sheet.getRow(headerRow)
  const top = twoLevel ? sheet.getRow(headerRow - 1) : null
  let groupStart = -1
  columns.forEach((c, j) => {
    const col = j + 1
    bottom.getCell(col).value = c.header
    if (!top) return
    if (c.group === null) {
      top.getCell(col).value = c.header
      bottom.getCell(col).value = null
      sheet.mergeCells(headerRow - 1, col, headerRow, col)
      return
    }
    if (j === 0 || columns[j - 1]!.group !== c.group) {
      top.getCell(col).value = c.group
      groupStart = col
    }
    const next = columns[j + 1]
    if ((!next || next.group !== c.group) && col > groupStart) sheet.mergeCells(headerRow - 1, groupStart, headerRow - 1, col)
  })
  for (const r of top ? [top, bottom] : [bottom]) {
    r.font = { bold: true }
    r.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  }
}

function loadProjects(ledger: Ledger): ProjectData[] {
  const db = ledger.sqlite
  const rows = db.prepare('SELECT p.*, v.name AS village_name FROM projects p LEFT JOIN villages v ON v.id = p.village_id ORDER BY p.id').all() as Record<string, Value>[]
  const budget = new Map<number, Map<string, number>>()
  for (const b of db.prepare('SELECT project_id, source, sum(amount_fen) AS fen FROM project_budget_lines GROUP BY project_id, source').all() as {
    project_id: number
    source: string
    fen: number
  }[]) {
    const m = budget.get(b.project_id) ?? new Map<string, number>()
    m.set(b.source, b.fen)
    budget.set(b.project_id, m)
  }
  const paid = new Map<number, number>()
  for (const d of db.prepare('SELECT project_id, sum(amount_fen) AS fen FROM project_disbursements GROUP BY project_id').all() as { project_id: number; fen: number }[]) {
    paid.set(d.project_id, d.fen)
  }
  const milestones = new Map<number, { kind: string; date: string; result: string | null }[]>()
  for (const m of db.prepare('SELECT project_id, kind, milestone_date AS date, result FROM project_milestones').all() as {
    project_id: number
    kind: string
    date: string
    result: string | null
  }[]) {
    milestones.set(m.project_id, [...(milestones.get(m.project_id) ?? []), m])
  }
  // The imported 绩效目标 first, else the first indicator written by hand.
  const performance = new Map<number, string>()
  for (const i of db
    .prepare('SELECT project_id, indicator, (level1 = ? AND level2 = ?) AS imported FROM project_indicators ORDER BY imported, id DESC')
    .all(IMPORTED_INDICATOR.level1, IMPORTED_INDICATOR.level2) as { project_id: number; indicator: string }[]) {
    performance.set(i.project_id, i.indicator)
  }
  return rows.map((row) => {
    const id = Number(row.id)
    const lines = budget.get(id) ?? new Map<string, number>()
    return {
      row,
      village: row.village_name === null ? null : String(row.village_name),
      budget: lines,
      budgetFen: [...lines.values()].reduce((n, f) => n + f, 0),
      disbursedFen: paid.get(id) ?? 0,
      status: projectStatus(milestones.get(id) ?? []),
      performance: performance.get(id) ?? null,
      extra: row.extra ? (JSON.parse(String(row.extra)) as Record<string, string>) : {},
    }
  })
}

const money = (fen: number, unit: 'wan' | 'yuan'): number | null => (fen ? Number(unit === 'wan' ? fenToWanText(fen) : fenToYuanText(fen)) : null)

/** A known field's value as the ledger holds it (dates ISO, funds in the given unit). */
function fieldValue(field: ProjectFieldKey, p: ProjectData, index: number, unit: 'wan' | 'yuan'): Value {
  if (isFundKey(field)) return money(p.budget.get(fundSourceOf(field)) ?? 0, unit)
  switch (field) {
    case 'seq':
      return index + 1
    case 'village':
      return p.row.location ?? p.village
    case 'performance':
      return p.performance
    case 'fund_total':
      return money(p.budgetFen, unit)
    case 'disbursed':
      return money(p.disbursedFen, unit)
    case 'disbursed_rate':
      return ratePercent(p.disbursedFen, p.budgetFen)
    case 'status':
      return p.status
    default: {
      const column = projectFieldByKey(field).column
      return column ? (p.row[column] ?? null) : null
    }
  }
}

function standardColumns(projects: ProjectData[]): Column[] {
  const plain = PROJECT_FIELDS.filter((f) => f.kind !== 'money' && f.kind !== 'derived')
  const wide = new Set(['name', 'content', 'farmer_link', 'performance', 'implementer', 'responsible_unit'])
  const columns: Column[] = plain.map((f) => ({
    group: null,
    header: f.key === 'village' ? '实施地点' : f.label,
    width: wide.has(f.key) ? 28 : f.key === 'project_no' ? 18 : 12,
    get: (p, i) => fieldValue(f.key, p, i, 'wan'),
  }))
  const sources = orderSources([...FUND_SOURCES, ...projects.flatMap((p) => [...p.budget.keys()])])
  for (const key of ['fund_total', ...sources.map((s): `fund:${FundSource}` => `fund:${s}`)] as ProjectFieldKey[]) {
    columns.push({ group: STANDARD_FUND_GROUP, header: projectFieldByKey(key).label, width: 10, get: (p, i) => fieldValue(key, p, i, 'wan') })
  }
  columns.push(
    { group: null, header: '已拨付（万元）', width: 10, get: (p, i) => fieldValue('disbursed', p, i, 'wan') },
    { group: null, header: '拨付率（%）', width: 8, get: (p, i) => fieldValue('disbursed_rate', p, i, 'wan') },
    { group: null, header: '项目状态', width: 10, get: (p, i) => fieldValue('status', p, i, 'wan') },
  )
  const extraKeys = [...new Set(projects.flatMap((p) => Object.keys(p.extra)))]
  for (const k of extraKeys) columns.push({ group: null, header: k, width: 14, get: (p) => p.extra[k] ?? null })
  return columns
}

function lastSourceLayout(ledger: Ledger): ProjectSourceLayout {
  const json = ledger.sqlite
    .prepare("SELECT layout_json FROM import_batches WHERE kind = 'projects' AND undone_at IS NULL ORDER BY id DESC LIMIT 1")
    .pluck()
    .get() as string | undefined
  if (!json) throw new LedgerError('no_source_layout', '台账中还没有导入过县里的项目清单，无法按原表格式导出。请选择「标准格式」。')
  return JSON.parse(json) as ProjectSourceLayout
}

/** A date the way the source wrote it: a date cell, or text in its pattern; 'range:…' gives 开工至完工. */
function sourceDate(iso: Value, format: string | undefined, start: Value): Cell {
  if (typeof iso !== 'string') return null
  const one = (d: string, f: string | undefined): Cell => {
    if (!f || f === 'date' || f === 'serial') return new Date(`${d}T00:00:00Z`)
    const out = formatDate(d, f as DateFormat)
    return typeof out === 'number' ? new Date(`${d}T00:00:00Z`) : out
  }
  if (format?.startsWith('range:')) {
    const f = format.slice(6)
    const text = (d: string) => (!f || f === 'date' || f === 'serial' ? d : String(formatDate(d, f as DateFormat)))
    return typeof start === 'string' ? `${text(start)}至${text(iso)}` : text(iso)
  }
  return one(iso, format)
}

function sourceColumns(layout: ProjectSourceLayout): Column[] {
  const out: Column[] = []
  const last = Math.max(...layout.columns.map((c) => c.index), -1)
  const byIndex = new Map(layout.columns.map((c) => [c.index, c]))
  for (let index = 0; index <= last; index++) {
    const c = byIndex.get(index)
    if (!c) {
      out.push({ group: null, header: '', width: 8, get: () => null })
      continue
    }
    const header = c.group && c.header.startsWith(`${c.group}/`) ? c.header.slice(c.group.length + 1) : c.header
    const field = c.field as ProjectFieldKey | null
    const kept = c.extraKey ?? c.header
    let get: Column['get']
    if (field === null) get = (p) => p.extra[kept] ?? null
    else {
      const def = projectFieldByKey(field)
      const unit = c.unit ?? statedUnit(c.header) ?? 'yuan'
      get = (p, i) => {
        let v: Cell
        if (def.kind === 'start' || def.kind === 'end') v = sourceDate(fieldValue(field, p, i, unit), layout.dateFormats[field], p.row.planned_start ?? null)
        else v = fieldValue(field, p, i, unit)
        // A cell that could not be read was kept as written: give it back.
        return v ?? p.extra[kept] ?? null
      }
    }
    out.push({ group: layout.headerRowCount === 2 ? c.group : null, header, width: field === 'name' || field === 'content' ? 28 : 12, get })
  }
  return out
}
