/**
 * Reads a county's problem list (问题整改清单 .xlsx/.xls/.csv): header found under title rows with the
 * problem dictionary, source and status words normalised, dates read, each row checked. Pure from
 * the grid on (analyseProblemGrid), so unit tests need no file.
 */
import type { ImportIssueView } from '../../../../shared/api/households-import'
import { LedgerError } from '../../../../shared/api/result'
import type { ProblemSource, ProblemStatus } from '../../../../shared/domain/rectification'
import { cellToText, isBlankCell, type CellValue, type Grid } from '../../../../shared/import/cells'
import { detectHeader, type HeaderColumn } from '../../../../shared/import/header-detect'
import { recogniseSheet, wrongKindMessage } from '../../../../shared/import/national-kinds'
import { normaliseDate } from '../../../../shared/import/normalise'
import {
  isProblemFieldKey, matchProblemField, normaliseSource, normaliseStatus, problemFieldLabel, type ProblemFieldKey,
} from '../../../../shared/import/rectification-fields'
import { cleanCell } from '../../../../shared/import/text'
import type { JobContext } from '../../jobs'
import { readSheetGrid } from '../../spreadsheets/sheet-grid'
import { headerSignature } from '../../spreadsheets/hash'

export interface ParsedProblem {
  excelRow: number
  problemNo: string | null
  source: ProblemSource
  batchNo: string | null
  foundDate: string
  description: string
  village: string | null
  household: string | null
  project: string | null
  leader: string | null
  unit: string | null
  person: string | null
  measures: string | null
  deadline: string | null
  progress: string | null
  status: ProblemStatus
  rectifiedDate: string | null
  closedDate: string | null
  closedBy: string | null
  similar: string | null
}

export interface ParsedProblemList {
  fileName: string
  sha256: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  columns: HeaderColumn<ProblemFieldKey>[]
  problems: ParsedProblem[]
  /** Rows with an error: reported, never written. */
  rejectedRows: number
  /** First values of each column (by index), for the 列对应 tab. */
  samples: Record<number, string[]>
  issues: Omit<ImportIssueView, 'sheet'>[]
  /** Identifies the header layout (its header texts), to remember the clerk's column mapping for files like this one. */
  signature: string
  /** The mapping applied came from an earlier import of a file with this header. */
  rememberedMapping: boolean
  /** The clerk's mapping applied (given now or remembered), what a commit remembers; absent when the dictionary's reading stood. */
  mapping?: ProblemMapping
}

/** Column index (as a string) → field key, or null: the column is not imported. */
export type ProblemMapping = Record<string, string | null>

/** The clerk's mapping for this read, and the one remembered for a header layout (by its signature). */
export interface ProblemReading {
  mapping?: ProblemMapping
  recall?(signature: string): ProblemMapping | undefined
}

const HEADER_SCAN_ROWS = 15
/** Lines under the table: signatures, notes. */
const FOOTER = /^(合计|小计|填表|制表|审核|负责人|说明|注[:：]|备注[:：])/

export async function parseProblemFile(
  input: { path: string; fileName: string; sheet?: string; mapping?: ProblemMapping },
  ctx: Pick<JobContext, 'progress' | 'checkCancelled'>,
  recall?: ProblemReading['recall'],
): Promise<ParsedProblemList> {
  const { grid, source } = await readSheetGrid(input, ctx)
  return analyseProblemGrid(grid, source, { mapping: input.mapping, recall })
}

const lastDayOfMonth = (ym: string) => {
  const [y, m] = ym.split('-').map(Number) as [number, number]
  return `${ym}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

export function analyseProblemGrid(
  grid: Grid,
  source: { fileName: string; sha256: string; sheet: string; sheets: { name: string; hidden?: boolean }[] },
  reading: ProblemReading = {},
): ParsedProblemList {
  const layout = detectHeader(grid, { maxScanRows: HEADER_SCAN_ROWS, match: matchProblemField })
  const signature = layout ? headerSignature(layout.columns) : ''
  // What the clerk gives now wins; else the mapping given last time for a file with this header.
  const remembered = reading.mapping || !layout ? undefined : reading.recall?.(signature)
  const mapping = reading.mapping ?? remembered
  if (layout && mapping) {
    for (const c of layout.columns) {
      if (!(String(c.index) in mapping)) continue
      const f = mapping[String(c.index)]
      c.field = f && isProblemFieldKey(f) ? f : null
      delete c.duplicateOf
    }
    // A field chosen for two columns: the first one is read, the later one is reported.
    const firstOf = new Map<ProblemFieldKey, number>()
    layout.duplicates = []
    for (const c of layout.columns) {
      if (!c.field) continue
      const first = firstOf.get(c.field)
      if (first === undefined) firstOf.set(c.field, c.index)
      else {
        c.duplicateOf = { index: first, field: c.field }
        layout.duplicates.push(c)
      }
    }
  }
  if (!layout || !layout.columns.some((c) => c.field === 'description')) {
    // A file of another kind the ledger knows (a roster, a national export, a project list): say what it is and where it goes.
    const kind = recogniseSheet(grid, HEADER_SCAN_ROWS)
    if (kind.kind !== 'unknown' && kind.kind !== 'problems') throw new LedgerError('wrong_kind', wrongKindMessage(source.fileName, kind, '问题整改清单'))
    throw new LedgerError(
      'not_problem_list',
      `「${source.fileName}」的工作表「${source.sheet}」前 ${HEADER_SCAN_ROWS} 行中没有找到问题整改清单的表头（至少要有「问题描述」列，以及「问题来源」「整改时限」等列）。请确认选对了文件和工作表。`,
    )
  }
  const issues: ParsedProblemList['issues'] = []
  const headerRow = layout.headerRowIndex + 1
  const col = new Map<ProblemFieldKey, HeaderColumn<ProblemFieldKey>>()
  for (const c of layout.columns) if (c.field && !c.duplicateOf) col.set(c.field, c)
  for (const d of layout.duplicates) {
    issues.push({ row: headerRow, column: d.header, severity: 'warning', code: 'duplicate_column', message: `第${headerRow}行：${d.letter} 列「${d.header}」与前面的列是同一项，已按前面的列导入，这一列未导入。` })
  }
  // Without a column the clerk can still choose it in 列对应: the preview says so and nothing imports until then.
  const lacking = (['source', 'found_date'] as const).filter((need) => !col.has(need))
  for (const need of lacking) {
    issues.push({
      row: headerRow, column: problemFieldLabel(need), severity: 'error', code: 'missing_column',
      message: `第${headerRow}行（表头）：没有找到「${problemFieldLabel(need)}」列。每个问题都要有来源和发现日期；如果表中有这一列但写法不同，请在「列对应」中为它选择「${problemFieldLabel(need)}」，否则请在原表中补上这一列后重新导入。`,
    })
  }
  const problems: ParsedProblem[] = []
  let rejectedRows = 0
  for (let r = layout.firstDataRowIndex; r < grid.length && lacking.length === 0; r++) {
    const row = grid[r] ?? []
    const excelRow = r + 1
    const raw = (k: ProblemFieldKey): CellValue => {
      const c = col.get(k)
      return c ? (row[c.index] ?? null) : null
    }
    const text = (k: ProblemFieldKey, max = 2000): string | null => {
      const v = raw(k)
      if (isBlankCell(v)) return null
      const t = cleanCell(cellToText(v), 'text')
      return t === '' ? null : t.slice(0, max)
    }
    const filled = layout.columns.filter((c) => c.field !== 'seq' && !isBlankCell(row[c.index] ?? null))
    if (filled.length === 0) continue
    const first = cleanCell(cellToText(row.find((v) => !isBlankCell(v ?? null)) ?? null), 'text')
    if (FOOTER.test(first) && !text('description')) continue
    // A repeated header row (a list pasted from several sheets).
    if (text('description') && matchProblemField(text('description')!) === 'description') continue
    const rowIssues: typeof issues = []
    const err = (k: ProblemFieldKey, code: string, message: string) =>
      rowIssues.push({ row: excelRow, column: col.get(k)?.header ?? problemFieldLabel(k), severity: 'error', code, message: `第${excelRow}行「${col.get(k)?.header ?? problemFieldLabel(k)}」：${message}` })
    const warn = (k: ProblemFieldKey, code: string, message: string) =>
      rowIssues.push({ row: excelRow, column: col.get(k)?.header ?? problemFieldLabel(k), severity: 'warning', code, message: `第${excelRow}行「${col.get(k)?.header ?? problemFieldLabel(k)}」：${message}` })
    const date = (k: ProblemFieldKey, required: boolean, monthEnd: boolean): string | null => {
      const v = raw(k)
      const n = normaliseDate(v)
      if (n.value === null && !n.problem) {
        if (required) err(k, 'required', '不能为空，请填写日期（如 2026-03-15）。')
        return null
      }
      if (n.problem || n.value === null || /^\d{4}$/.test(n.value)) {
        err(k, 'bad_date', `「${cellToText(v)}」不是日期，请写成年-月-日（如 2026-03-15）。`)
        return null
      }
      return /^\d{4}-\d{2}$/.test(n.value) ? (monthEnd ? lastDayOfMonth(n.value) : `${n.value}-01`) : n.value
    }
    const description = text('description')
    if (!description) err('description', 'required', '问题描述不能为空。')
    const sourceText = text('source')
    const src = sourceText ? normaliseSource(sourceText) : null
    if (!sourceText) err('source', 'required', '问题来源不能为空，请填写如「县巡视」「审计」「自查」。')
    else if (!src) err('source', 'bad_source', `「${sourceText}」不是可识别的问题来源。请写成：中央/省/市/县巡视、专项巡视、督查巡查、纪检监察、审计、考核、暗访、社会监督或自查。`)
    const foundDate = date('found_date', true, false)
    const deadline = date('deadline', false, true)
    const rectifiedDate = date('rectified_date', false, false)
    const closedDate = date('closed_date', false, false)
    if (foundDate && deadline && deadline < foundDate) err('deadline', 'deadline_before_found', `整改时限 ${deadline} 早于发现日期 ${foundDate}，请核对。`)
    const statusText = text('status')
    let status = statusText ? normaliseStatus(statusText) : null
    if (status === undefined) {
      err('status', 'bad_status', `「${statusText}」不是可识别的整改状态，请写成未整改、整改中、已整改或已销号。`)
      status = null
    }
    if (status === null) status = closedDate ? '已销号' : rectifiedDate ? '已整改' : text('progress') ? '整改中' : '未整改'
    const closedBy = text('closed_by', 40)
    if (status === '已销号' && !closedDate) err('closed_date', 'closed_without_date', '状态为「已销号」，但没有销号日期。请补填销号日期。')
    if (status === '已销号' && !closedBy) warn('closed_by', 'closed_without_approver', '状态为「已销号」，但没有写明销号审批单位或人员，导入后请补填。')
    issues.push(...rowIssues)
    if (rowIssues.some((i) => i.severity === 'error')) {
      rejectedRows++
      continue
    }
    problems.push({
      excelRow,
      problemNo: text('problem_no', 40),
      source: src!,
      batchNo: text('batch_no', 80),
      foundDate: foundDate!,
      description: description!,
      village: text('village', 60),
      household: text('household', 60),
      project: text('project', 200),
      leader: text('leader', 40),
      unit: text('unit', 80),
      person: text('person', 40),
      measures: text('measures'),
      deadline,
      progress: text('progress', 1000),
      status,
      rectifiedDate: status === '已整改' || status === '已销号' ? (rectifiedDate ?? closedDate) : null,
      closedDate: status === '已销号' ? closedDate : null,
      closedBy: status === '已销号' ? closedBy : null,
      similar: text('similar'),
    })
  }
  const samples: Record<number, string[]> = {}
  for (const c of layout.columns) {
    const seen: string[] = []
    for (let r = layout.firstDataRowIndex; r < grid.length && seen.length < 3; r++) {
      const t = cellToText(grid[r]?.[c.index] ?? null).trim()
      if (t && !seen.includes(t) && t !== c.header) seen.push(t)
    }
    samples[c.index] = seen
  }
  return {
    ...source, headerRow, columns: layout.columns, problems, rejectedRows, issues, samples, signature,
    rememberedMapping: remembered !== undefined, ...(mapping && { mapping }),
  }
}
