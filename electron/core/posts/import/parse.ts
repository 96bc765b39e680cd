/**
 * Reads a township or county 公益性岗位 list (.xlsx/.xls/.csv): header found under title and unit rows
 * with the post dictionary, post types normalised, months and 元 read, each row checked. Pure from the
 * grid on (analysePostGrid), so unit tests need no file.
 */
import type { ImportIssueView } from '../../../../shared/api/households-import'
import { LedgerError } from '../../../../shared/api/result'
import { parseIdNumber } from '../../../../shared/domain/id-number'
import { normaliseFunding, normalisePostType, type FundingSource, type PostType } from '../../../../shared/domain/posts'
import { cellToText, isBlankCell, type CellValue, type Grid } from '../../../../shared/import/cells'
import { detectHeader, type HeaderColumn } from '../../../../shared/import/header-detect'
import { normaliseDate, normaliseMoneyFen } from '../../../../shared/import/normalise'
import { matchPostField, postFieldLabel, type PostFieldKey } from '../../../../shared/import/posts-fields'
import { cleanCell } from '../../../../shared/import/text'
import type { JobContext } from '../../jobs'
import { readSheetGrid } from '../../spreadsheets/sheet-grid'

export interface ParsedHolding {
  excelRow: number
  postType: PostType
  /** What the file wrote when the type is 其他 (or a name beyond the type: 「村庄保洁员」). */
  typeNote: string | null
  name: string
  idNumber: string
  village: string | null
  payFen: number | null
  startMonth: string
  endMonth: string | null
  funding: FundingSource | null
  fundingNote: string | null
  note: string | null
}

export interface ParsedPostList {
  fileName: string
  sha256: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  columns: HeaderColumn<PostFieldKey>[]
  holdings: ParsedHolding[]
  rejectedRows: number
  samples: Record<number, string[]>
  issues: Omit<ImportIssueView, 'sheet'>[]
}

const HEADER_SCAN_ROWS = 15
const FOOTER = /^(合计|小计|总计|填表|制表|审核|负责人|说明|注[:：]|备注[:：])/

export async function parsePostFile(input: { path: string; fileName: string; sheet?: string | undefined }, ctx: Pick<JobContext, 'progress' | 'checkCancelled'>): Promise<ParsedPostList> {
  const { grid, source } = await readSheetGrid(input, ctx)
  return analysePostGrid(grid, source)
}

export function analysePostGrid(grid: Grid, source: { fileName: string; sha256: string; sheet: string; sheets: { name: string; hidden?: boolean }[] }): ParsedPostList {
  const layout = detectHeader(grid, { maxScanRows: HEADER_SCAN_ROWS, match: matchPostField })
  if (!layout || !layout.columns.some((c) => c.field === 'id_number') || !layout.columns.some((c) => c.field === 'post_type')) {
    throw new LedgerError(
      'not_post_list',
      `「${source.fileName}」的工作表「${source.sheet}」前 ${HEADER_SCAN_ROWS} 行中没有找到公益性岗位人员名单的表头（至少要有「岗位类型」或「岗位名称」列和「身份证号」或「证件号码」列）。请确认选对了文件和工作表。`,
    )
  }
  const issues: ParsedPostList['issues'] = []
  const headerRow = layout.headerRowIndex + 1
  const col = new Map<PostFieldKey, HeaderColumn<PostFieldKey>>()
  for (const c of layout.columns) if (c.field && !c.duplicateOf) col.set(c.field, c)
  for (const d of layout.duplicates) {
    issues.push({ row: headerRow, column: d.header, severity: 'warning', code: 'duplicate_column', message: `第${headerRow}行：${d.letter} 列「${d.header}」与前面的列是同一项，已按前面的列导入，这一列未导入。` })
  }
  for (const need of ['name', 'start'] as const) {
    if (!col.has(need)) {
      throw new LedgerError('missing_column', `「${source.fileName}」缺少「${postFieldLabel(need)}」列。每个上岗人员都要有姓名和上岗时间，请在原表中补上这一列后重新导入。`)
    }
  }
  const holdings: ParsedHolding[] = []
  let rejectedRows = 0
  for (let r = layout.firstDataRowIndex; r < grid.length; r++) {
    const row = grid[r] ?? []
    const excelRow = r + 1
    const raw = (k: PostFieldKey): CellValue => {
      const c = col.get(k)
      return c ? (row[c.index] ?? null) : null
    }
    const text = (k: PostFieldKey, max = 200): string | null => {
      const v = raw(k)
      if (isBlankCell(v)) return null
      const t = cleanCell(cellToText(v), 'text')
      return t === '' ? null : t.slice(0, max)
    }
    const filled = layout.columns.filter((c) => c.field !== 'seq' && !isBlankCell(row[c.index] ?? null))
    if (filled.length === 0) continue
    const first = cleanCell(cellToText(row.find((v) => !isBlankCell(v ?? null)) ?? null), 'text')
    if (FOOTER.test(first) && !text('id_number')) continue
    // A repeated header row (a list pasted from several villages' sheets).
    if (text('id_number') && matchPostField(text('id_number')!) === 'id_number') continue
    const rowIssues: typeof issues = []
    const header = (k: PostFieldKey) => col.get(k)?.header ?? postFieldLabel(k)
    const err = (k: PostFieldKey, code: string, message: string) => rowIssues.push({ row: excelRow, column: header(k), severity: 'error', code, message: `第${excelRow}行「${header(k)}」：${message}` })
    const warn = (k: PostFieldKey, code: string, message: string) => rowIssues.push({ row: excelRow, column: header(k), severity: 'warning', code, message: `第${excelRow}行「${header(k)}」：${message}` })
    const month = (k: PostFieldKey, required: boolean): string | null => {
      const v = raw(k)
      const n = normaliseDate(v)
      if (n.value === null && !n.problem) {
        if (required) err(k, 'required', '不能为空，请填写年月（如 2026-03 或 2026年3月）。')
        return null
      }
      if (n.problem || n.value === null || /^\d{4}$/.test(n.value)) {
        err(k, 'bad_month', `「${cellToText(v)}」不是年月，请写成 2026-03、2026年3月或 2026-03-01。`)
        return null
      }
      return n.value.slice(0, 7)
    }
    const name = text('name', 40)
    if (!name) err('name', 'required', '姓名不能为空。')
    const idText = text('id_number', 40)?.replace(/\s+/g, '').toUpperCase() ?? null
    if (!idText) err('id_number', 'required', '身份证号不能为空：要凭身份证号在户籍花名册中找到这个人。')
    else {
      const id = parseIdNumber(idText)
      if (id.problem === 'scientific_notation') err('id_number', 'scientific_notation', `「${idText}」被 Excel 显示成了科学计数法，后几位已丢失。请把这一列设为「文本」格式后重新填写身份证号。`)
      else if (id.problem) err('id_number', 'bad_id', `「${idText}」不是有效的身份证号，请核对。`)
    }
    const typeText = text('post_type', 60)
    const postType = typeText ? normalisePostType(typeText) : null
    if (!typeText) err('post_type', 'required', '岗位类型不能为空，请填写如「护林员」「保洁员」「护路员」。')
    else if (!postType) warn('post_type', 'other_type', `「${typeText}」不是常见的岗位类型，已记为「其他（${typeText}）」。`)
    const start = month('start', true)
    const end = month('end', false)
    if (start && end && end < start) err('end', 'end_before_start', `聘用结束 ${end} 早于上岗时间 ${start}，请核对。`)
    let payFen: number | null = null
    if (!isBlankCell(raw('pay'))) {
      const n = normaliseMoneyFen(raw('pay'))
      if (n.problem || n.value === null || n.value <= 0) err('pay', 'bad_money', `「${cellToText(raw('pay'))}」不是金额，请填写每月补贴的元数（如 800）。`)
      else payFen = n.value
    } else if (col.has('pay')) err('pay', 'required', '月补贴不能为空，请填写每月补贴的元数（如 800）。')
    const fundingText = text('funding', 60)
    const funding = fundingText ? normaliseFunding(fundingText) : null
    issues.push(...rowIssues)
    if (rowIssues.some((i) => i.severity === 'error')) {
      rejectedRows++
      continue
    }
    holdings.push({
      excelRow,
      postType: postType ?? '其他',
      typeNote: postType === '其他' || !postType ? typeText : null,
      name: name!,
      idNumber: idText!,
      village: text('village', 60),
      payFen,
      startMonth: start!,
      endMonth: end,
      funding: funding?.funding ?? null,
      fundingNote: funding?.note ?? null,
      note: text('note', 200),
    })
  }
  const samples: Record<number, string[]> = {}
  for (const c of layout.columns) {
    const seen: string[] = []
    for (let r = layout.firstDataRowIndex; r < grid.length && seen.length < 3; r++) {
      const t = cellToText(grid[r]?.[c.index] ?? null).trim()
      if (t && !seen.includes(t) && t !== c.header) seen.push(c.field === 'id_number' && t.length > 8 ? `${t.slice(0, 4)}…${t.slice(-4)}` : t)
    }
    samples[c.index] = seen
  }
  return { ...source, headerRow, columns: layout.columns, holdings, rejectedRows, issues, samples }
}
