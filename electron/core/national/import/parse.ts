/**
 * Reads one of the national exports (户信息, 已外出务工信息, 计划外出务工信息, 行政村信息) into rows:
 * the kind told from the header (a file of another kind is refused, saying what it looks like and
 * where it goes), every cell kept as written by its header, the known columns normalised into the
 * record's fields, and the problems as issues naming sheet, row and column.
 */
import type { ImportIssueView } from '../../../../shared/api/households-import'
import type { NationalColumnView } from '../../../../shared/api/national'
import { LedgerError } from '../../../../shared/api/result'
import { cellToText, columnLetter, isBlankCell, type CellValue, type Grid } from '../../../../shared/import/cells'
import { NATIONAL_FIELDS, matchNationalField, type NationalCellKind, type NationalField } from '../../../../shared/import/national-fields'
import { NATIONAL_KINDS, SHEET_KIND_LABELS, describeLook, recogniseSheet, wrongKindMessage, type NationalKind } from '../../../../shared/import/national-kinds'
import { normaliseCode, normaliseDecimal, normaliseInt, normaliseMoneyFen, normalisePhone, normaliseYear, normaliseYesNo, parseYuanToFen, readIdCell } from '../../../../shared/import/normalise'
import { cleanCell } from '../../../../shared/import/text'
import type { JobContext } from '../../jobs'
import { headerSignature, sha256File } from '../../spreadsheets/hash'
import { listSheets, readMergedRanges, readSheetView, type MergedRange } from '../../spreadsheets/read'
import { readSheetRows } from '../../spreadsheets/read/threaded'

export type Value = string | number | null

export interface NationalParseInput {
  path: string
  fileName: string
  sheet?: string
  /** Column index → field key (null: keep as written), the clerk's correction. */
  mapping?: Record<string, string | null>
}

export interface NationalRow {
  excelRow: number
  /** Every non-blank cell as text, by header (a header given twice gets 「#2」). */
  cells: Record<string, string>
  /** The known columns, normalised (record columns and match keys). */
  values: Record<string, Value>
}

export interface ParsedNational {
  kind: NationalKind
  fileName: string
  sha256: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  /** The rows above the header, as text, to write them back. */
  titleRows: string[][]
  /** The header cells as in the file, in order (cells_json keys). */
  headers: string[]
  /** The header cells exactly as written (to write them back). */
  headerTexts: string[]
  /** Merged ranges of the title and header rows (0-based, inclusive), to merge them again on export. */
  headerMerges?: MergedRange[]
  /** Column widths of the sheet (Excel character units, 0-based column ranges). */
  columnWidths?: { first: number; last: number; width: number }[]
  columns: NationalColumnView[]
  signature: string
  rememberedMapping: boolean
  rows: NationalRow[]
  issues: ImportIssueView[]
}

const SCAN_ROWS = 15

/** 「2021年08月」, 2021年8月, 202108, 2021-08, 2021.08, 2021/8, a date cell → 'YYYY-MM'. */
export function normaliseMonth(v: CellValue): { value: string | null; problem?: string } {
  if (isBlankCell(v)) return { value: null }
  if (v instanceof Date) return { value: `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}` }
  const t = cleanCell(cellToText(v), 'code')
  if (t === '' || t === '/' || t === '-') return { value: null }
  const m = /^(\d{4})(?:年|[-./])?(\d{1,2})(?:月)?(?:(?:[-./]\d{1,2}|\d{2}日?)?(?:\d{1,2}:\d{2}(?::\d{2})?)?)?$/.exec(t)
  if (m) {
    const mo = Number(m[2])
    if (mo >= 1 && mo <= 12) return { value: `${m[1]}-${String(mo).padStart(2, '0')}` }
  }
  return { value: t, problem: 'bad_month' }
}

/** Formats a 'YYYY-MM' the way a source cell wrote its month. */
export function formatMonthLike(month: string, sample: string | undefined): string {
  const [y, mo] = month.split('-') as [string, string]
  if (!sample || /^\d{4}年\d{2}月$/.test(sample)) return `${y}年${mo}月`
  if (/^\d{4}年\d{1}月$/.test(sample)) return `${y}年${Number(mo)}月`
  if (/^\d{6}$/.test(sample)) return `${y}${mo}`
  if (/^\d{4}\.\d{2}$/.test(sample)) return `${y}.${mo}`
  return month
}

/** 万元 text → 分 (exact: 1.2345 万元 = 12345 元). */
export function wanToFen(text: string): number | null {
  const t = text.replace(/,/g, '').replace(/万元$|万$/, '')
  const m = /^(-)?(\d*)(?:\.(\d{0,6}))?$/.exec(t)
  if (!m || (m[2] === '' && !m[3])) return null
  const dec = (m[3] ?? '').padEnd(6, '0')
  const fen = Number(m[2] || '0') * 1_000_000 + Number(dec)
  return Number.isSafeInteger(fen) ? (m[1] ? -fen : fen) : null
}

interface Read {
  value: Value
  problem?: string
}

/** A cell read as a field of this kind reads it (also used to tell whether a corrected value still means what the file's cell said). */
export function readNationalCell(kind: NationalCellKind, v: CellValue): Read {
  switch (kind) {
    case 'month':
      return normaliseMonth(v)
    case 'money':
      return normaliseMoneyFen(v)
    case 'wan': {
      if (isBlankCell(v)) return { value: null }
      const fen = wanToFen(cleanCell(cellToText(v), 'code'))
      return fen === null ? { value: null, problem: 'bad_number' } : { value: fen }
    }
    case 'int':
      return normaliseInt(v)
    case 'decimal':
      return normaliseDecimal(v)
    case 'yesno':
      return normaliseYesNo(v)
    case 'phone':
      return normalisePhone(v)
    case 'year':
      return normaliseYear(v)
    case 'code':
      return normaliseCode(v)
    case 'id': {
      const id = readIdCell(v)
      return id.problem ? { value: id.value, problem: id.problem } : { value: id.value }
    }
    case 'name':
      return { value: isBlankCell(v) ? null : cleanCell(cellToText(v), 'name') || null }
    default:
      return { value: isBlankCell(v) ? null : cleanCell(cellToText(v), 'text') || null }
  }
}

const PROBLEM_TEXT: Record<string, string> = {
  bad_month: '不是年月，应写成「2021年08月」或 202108',
  bad_number: '不是数字',
  bad_phone: '不像电话号码',
  unknown_enum: '应填「是」或「否」',
  bad_date: '不是年份',
  code_number_cell: '是数字格式，后几位已被 Excel 改成 0，请把这一列设成文本格式后从原系统重新导出',
  id_number_cell: '是数字格式，后几位已被 Excel 改掉，请把这一列设成文本格式后从原系统重新导出',
  scientific_notation: '是科学计数法（如 4.1E+17），号码已丢失，请从原系统重新导出',
}

/** Problems that make the row's value wrong (errors); the rest are warnings. */
const BLOCKING = new Set(['bad_month', 'bad_number', 'code_number_cell', 'id_number_cell', 'scientific_notation'])

function cellIssue(sheet: string, row: number, column: string, problem: string, text: string): ImportIssueView {
  const what = PROBLEM_TEXT[problem] ?? '格式不对（证件号码位数或校验位不对）'
  return {
    sheet,
    row,
    column,
    severity: BLOCKING.has(problem) ? 'error' : 'warning',
    code: problem,
    message: `第 ${row} 行「${column}」的值「${text.slice(0, 40)}」${what}。请在原表中改正后重新导入。`,
  }
}

/** The kind of a file from its first rows; used by the roster import and the CLI to route or refuse. */
export async function recogniseFile(path: string, sheet?: string): Promise<{ head: Grid; sheet: string; kind: ReturnType<typeof recogniseSheet> }> {
  const sheets = await listSheets(path)
  const chosen = sheet ?? sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name ?? ''
  const head: Grid = []
  for await (const { rowNumber, cells } of readSheetRows(path, { sheet: chosen })) {
    if (rowNumber > SCAN_ROWS) break
    while (head.length < rowNumber - 1) head.push([])
    head[rowNumber - 1] = cells
  }
  return { head, sheet: chosen, kind: recogniseSheet(head, SCAN_ROWS) }
}

export async function parseNationalFile(
  input: NationalParseInput,
  ctx: Pick<JobContext, 'progress' | 'checkCancelled'>,
  recall?: (kind: NationalKind, signature: string) => Record<string, string | null> | undefined,
): Promise<ParsedNational> {
  ctx.progress(0, 1, '正在读取文件…')
  const sheets = await listSheets(input.path)
  const sha256 = await sha256File(input.path)
  const chosen = input.sheet ?? sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name
  if (chosen === undefined || !sheets.some((s) => s.name === chosen)) {
    throw new LedgerError('no_sheet', `文件「${input.fileName}」中没有名为「${input.sheet ?? ''}」的工作表。请重新选择工作表。`)
  }
  const grid: Grid = []
  for await (const { rowNumber, cells } of readSheetRows(input.path, { sheet: chosen })) {
    while (grid.length < rowNumber - 1) grid.push([])
    grid[rowNumber - 1] = cells
    if (rowNumber % 1000 === 0) {
      ctx.checkCancelled()
      ctx.progress(0, 1, `已读取 ${rowNumber} 行`)
    }
  }
  const found = recogniseSheet(grid, SCAN_ROWS)
  if (!(NATIONAL_KINDS as readonly string[]).includes(found.kind)) {
    if (found.kind === 'unknown') {
      throw new LedgerError(
        'unknown_kind',
        `「${input.fileName}」的工作表「${chosen}」不是台账认识的表格（${describeLook(grid, SCAN_ROWS)}），没有导入任何内容。` +
          '国家系统的表格应有「户信息」「已外出务工信息」「计划外出务工信息」「行政村信息」的表头（如「开始时间」「结束时间」「行政区划代码」）。请确认选对了文件和工作表。',
      )
    }
    throw new LedgerError('wrong_kind', wrongKindMessage(input.fileName, found, '国家系统的户信息、务工或行政村表格'))
  }
  const kind = found.kind as NationalKind
  const parsed = analyseNationalGrid(grid, kind, found.headerRowIndex, {
    fileName: input.fileName,
    sha256,
    sheet: chosen,
    sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
    mapping: input.mapping,
    recall,
  })
  // The title and header block's merges and the column widths, so the national-layout export looks like the file.
  const merges = (await readMergedRanges(input.path, chosen)) ?? []
  parsed.headerMerges = merges.filter((m) => m.top <= found.headerRowIndex && m.bottom <= found.headerRowIndex)
  const view = await readSheetView(input.path, chosen)
  if (view?.widths.length) parsed.columnWidths = view.widths
  return parsed
}

export function analyseNationalGrid(
  grid: Grid,
  kind: NationalKind,
  headerRowIndex: number,
  file: {
    fileName: string
    sha256: string
    sheet: string
    sheets: { name: string; hidden?: boolean }[]
    mapping?: Record<string, string | null>
    recall?: (kind: NationalKind, signature: string) => Record<string, string | null> | undefined
  },
): ParsedNational {
  const headerCells = grid[headerRowIndex] ?? []
  let width = headerCells.length
  while (width > 0 && isBlankCell(headerCells[width - 1] ?? null)) width--
  const headers: string[] = []
  const headerTexts: string[] = []
  const seen = new Map<string, number>()
  for (let c = 0; c < width; c++) {
    headerTexts.push(cellToText(headerCells[c] ?? null))
    const raw = cellToText(headerCells[c] ?? null).replace(/[\r\n]+/g, '')
    const base = raw.trim() || `（第 ${columnLetter(c)} 列）`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    headers.push(n === 1 ? base : `${base}#${n}`)
  }
  const signature = headerSignature(headers.map((header) => ({ header })))
  const mapping = file.mapping ?? file.recall?.(kind, signature)
  const fields: (NationalField | null)[] = headers.map((header, c) => {
    if (mapping && String(c) in mapping) {
      const key = mapping[String(c)]
      return key ? (NATIONAL_FIELDS[kind].find((x) => x.key === key) ?? null) : null
    }
    return header.includes('#') ? null : matchNationalField(kind, header)
  })
  // A field named twice: the first column fills it, the other is kept as written.
  const taken = new Set<string>()
  fields.forEach((fd, c) => {
    if (!fd) return
    if (taken.has(fd.key)) fields[c] = null
    else taken.add(fd.key)
  })

  const issues: ImportIssueView[] = []
  const rows: NationalRow[] = []
  const samples = headers.map(() => [] as string[])
  for (let r = headerRowIndex + 1; r < grid.length; r++) {
    const line = grid[r] ?? []
    if (line.every((v) => isBlankCell(v))) continue
    const excelRow = r + 1
    const first = cleanCell(cellToText(line.find((v) => !isBlankCell(v)) ?? null))
    // Lines under the table: totals and signatures.
    if (/^(合计|总计|小计|填表人|制表人|审核人|负责人)/.test(first) && line.filter((v) => !isBlankCell(v)).length <= 3) continue
    const cells: Record<string, string> = {}
    const values: Record<string, Value> = {}
    for (let c = 0; c < headers.length; c++) {
      const v = line[c] ?? null
      if (!isBlankCell(v)) {
        const text = cellToText(v)
        cells[headers[c]!] = text
        if (samples[c]!.length < 3) samples[c]!.push(text.slice(0, 40))
      }
      const fd = fields[c]
      if (!fd) continue
      const read = readNationalCell(fd.kind, v)
      values[fd.key] = read.value
      if (read.problem) issues.push(cellIssue(file.sheet, excelRow, headers[c]!, read.problem, cellToText(v)))
    }
    rows.push({ excelRow, cells, values })
  }
  const titleRows = grid.slice(0, headerRowIndex).map((row) => (row ?? []).map((v) => cellToText(v)))
  return {
    kind,
    fileName: file.fileName,
    sha256: file.sha256,
    sheet: file.sheet,
    sheets: file.sheets,
    headerRow: headerRowIndex + 1,
    titleRows,
    headers,
    headerTexts,
    columns: headers.map((header, c) => ({
      index: c,
      letter: columnLetter(c),
      header,
      field: fields[c]?.key ?? null,
      label: fields[c]?.label ?? null,
      samples: samples[c]!,
    })),
    signature,
    rememberedMapping: !file.mapping && mapping !== undefined,
    rows,
    issues,
  }
}

export const kindLabel = (kind: NationalKind) => SHEET_KIND_LABELS[kind]

/** 元 text typed by the clerk → 分. */
export const yuanToFen = (text: string): number | null => parseYuanToFen(text.replace(/,/g, ''))
