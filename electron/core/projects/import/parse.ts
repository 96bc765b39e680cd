/**
 * Reads a county project list (项目库 / 年度项目计划表) into projects and issues: header found under
 * title rows with the project dictionary (funds under a merged 「资金来源（万元）」 group), cells
 * normalised, money read exactly in 万元 or 元, the row rules applied. A township's list has
 * hundreds of rows, so the sheet is read whole and analysed in one pass.
 */
import type { ImportIssueView } from '../../../../shared/api/households-import'
import { LedgerError } from '../../../../shared/api/result'
import { PROJECT_CATEGORIES, PROJECT_NATURES, amountText, orderSources, wanTextToFen } from '../../../../shared/domain/projects'
import { cellToText, isBlankCell, type CellValue, type Grid } from '../../../../shared/import/cells'
import { detectHeader, type HeaderDetection } from '../../../../shared/import/header-detect'
import { normaliseDate, normaliseInt, normalisePhone, normaliseYear, parseYuanToFen } from '../../../../shared/import/normalise'
import {
  fundSourceOf,
  fundSourceOfHeader,
  isFundKey,
  isProjectFieldKey,
  matchProjectField,
  projectFieldByKey,
  statedUnit,
  type MoneyUnit,
  type ProjectFieldKey,
} from '../../../../shared/import/projects-fields'
import { cleanCell } from '../../../../shared/import/text'
import type { JobContext } from '../../jobs'
import { listSheets } from '../../spreadsheets/read'
import { readSheetRows } from '../../spreadsheets/read/threaded'
import { headerSignature, sha256File } from '../../spreadsheets/hash'
import type { ParsedProject, ParsedProjectList, ProjectColumn } from './types'

/** The clerk's corrections of how a file is read: column → field (null: keep as written) and the unit where the file states none. */
export interface ProjectReading {
  mapping?: Record<string, string | null>
  assumedUnit?: MoneyUnit
}

export interface ProjectParseInput extends ProjectReading {
  path: string
  fileName: string
  sheet?: string
}

/** Finds the reading remembered for a header layout (by its signature), when the clerk gave none. */
export type RecallReading = (signature: string) => ProjectReading | undefined

const HEADER_SCAN_ROWS = 15
const SAMPLES = 3
const PLACEHOLDERS = new Set(['/', '\\', '-', '--', '—', '——', '空', '无'])
/** Lines under the table: totals, signatures, notes. */
const FOOTER = /合计|小计|总计|填表|制表|审核|负责人[:：]|说明|注[:：]|备注[:：]|盖章|签字|日期[:：]/
/** Section lines of a list grouped by category: '一', '一、产业发展类项目'. */
const SECTION = /^[一二三四五六七八九十]+[、.．]?/

const empty = (v: CellValue | undefined): boolean => isBlankCell(v ?? null) || (typeof v === 'string' && PLACEHOLDERS.has(cleanCell(v, 'code')))

export async function parseProjectFile(
  input: ProjectParseInput,
  ctx: Pick<JobContext, 'progress' | 'checkCancelled'>,
  recall?: RecallReading,
): Promise<ParsedProjectList> {
  ctx.progress(0, 1, '正在读取文件…')
  // Reading the sheet list first gives the clerk's message for a missing, locked or unreadable file.
  const sheets = await listSheets(input.path, input.fileName)
  const sha256 = await sha256File(input.path)
  const chosen = input.sheet ?? sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name
  if (chosen === undefined || !sheets.some((s) => s.name === chosen)) {
    throw new LedgerError('no_sheet', `文件「${input.fileName}」中没有名为「${input.sheet ?? ''}」的工作表。请重新选择工作表。`)
  }
  const grid: Grid = []
  for await (const { rowNumber, cells } of readSheetRows(input.path, { sheet: chosen })) {
    while (grid.length < rowNumber - 1) grid.push([])
    grid[rowNumber - 1] = cells
    if (rowNumber % 500 === 0) {
      ctx.checkCancelled()
      ctx.progress(0, 1, `已读取 ${rowNumber} 行`)
    }
  }
  return analyseProjectGrid(
    grid,
    { fileName: input.fileName, sha256, sheet: chosen, sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden })) },
    input.mapping || input.assumedUnit ? input : undefined,
    recall,
  )
}

type Issue = Omit<ImportIssueView, 'sheet'>

/** The whole sheet → projects and issues. Pure: no ledger, no file. */
export function analyseProjectGrid(
  grid: Grid,
  source: { fileName: string; sha256: string; sheet: string; sheets: { name: string; hidden?: boolean }[] },
  reading?: ProjectReading,
  recall?: RecallReading,
): ParsedProjectList {
  const layout = detectHeader(grid, { maxScanRows: HEADER_SCAN_ROWS, match: matchProjectField })
  if (layout) findOwnSources(layout)
  const signature = layout ? headerSignature(layout.columns) : ''
  // What the clerk gives now wins, part by part: a unit chosen for a file read with a remembered
  // mapping keeps that mapping, and the reverse.
  const remembered = reading?.mapping && reading.assumedUnit ? undefined : recall?.(signature)
  const applied: ProjectReading = { mapping: reading?.mapping ?? remembered?.mapping, assumedUnit: reading?.assumedUnit ?? remembered?.assumedUnit }
  const recalled = remembered !== undefined && ((!reading?.mapping && remembered.mapping !== undefined) || (!reading?.assumedUnit && remembered.assumedUnit !== undefined))
  if (layout && applied.mapping) applyMapping(layout, applied.mapping)
  // Without a 项目名称 column, only a header with what only project lists have (建设内容, a source of funds) is one to map by hand.
  const projectLike = layout !== null && (layout.columns.some((c) => c.field === 'name') || layout.columns.some((c) => c.field === 'content' || isFundKey(c.field) || c.field === 'fund_total'))
  if (!layout || !projectLike) {
    throw new LedgerError(
      'not_project_list',
      `「${source.fileName}」的工作表「${source.sheet}」前 ${HEADER_SCAN_ROWS} 行中没有找到项目清单的表头（至少要有「项目名称」列，以及「建设内容」「资金来源」等列）。请确认选对了文件和工作表。`,
    )
  }
  const issues: Issue[] = []
  const headerRow = layout.headerRowIndex + 1
  // A header found without a 项目名称 the dictionary knows: the clerk maps it in 列对应; nothing imports until then.
  const noName = !layout.columns.some((c) => c.field === 'name')
  if (noName) {
    issues.push({
      row: headerRow,
      column: '',
      severity: 'error',
      code: 'no_name_column',
      message: `第${headerRow}行的表头中没有认出「项目名称」列。请在「列对应」中把写项目名称的那一列对应为「项目名称」，再点「按修改后的对应重新检查」。`,
    })
  }
  const hasSources = layout.columns.some((c) => isFundKey(c.field))
  const extraKeys = new Set<string>()
  const title = titleText(grid, layout)
  const titleUnit = statedUnit(title.unitText)
  const isMoney = (c: { field: ProjectFieldKey | null }) => c.field !== null && projectFieldByKey(c.field).kind === 'money'
  const unstated = layout.columns.filter((c) => isMoney(c) && columnUnit(c, titleUnit) === null)
  const assumedUnit = unstated.length ? (applied.assumedUnit ?? guessUnit(grid, layout, unstated)) : null
  const columns: ProjectColumn[] = layout.columns.map((c) => {
    const col: ProjectColumn = { ...c, samples: [] }
    // 合计 alone, without a column per source, is kept as written: there is nothing to check it against.
    if (col.field === 'fund_total' && !hasSources) col.field = null
    if (isMoney(col)) {
      const stated = columnUnit(col, titleUnit)
      col.unit = stated?.unit ?? assumedUnit!
      col.unitFrom = stated?.from ?? 'assumed'
    }
    if (!col.field) {
      let key = col.header || `${col.letter}列`
      if (extraKeys.has(key)) key = `${key}(${col.letter}列)`
      extraKeys.add(key)
      col.extraKey = key
    }
    return col
  })
  for (const d of layout.duplicates) {
    const first = columns[d.duplicateOf!.index]!
    issues.push({
      row: headerRow,
      column: d.header,
      severity: 'warning',
      code: 'duplicate_column',
      message: `${d.letter} 列「${d.header}」与 ${first.letter} 列「${first.header}」是同一项，已按 ${first.letter} 列导入，${d.letter} 列原样保留。`,
    })
  }

  const mapped = columns.filter((c) => c.field !== null && c.field !== 'seq')
  const seqColumn = columns.find((c) => c.field === 'seq')
  const fundSources = orderSources(columns.filter((c) => isFundKey(c.field)).map((c) => fundSourceOf(c.field as `fund:${string}`)))
  const totalColumn = columns.find((c) => c.field === 'fund_total')
  const fields = new Set<string>()
  for (const c of mapped) {
    const def = projectFieldByKey(c.field!)
    if (def.column) fields.add(def.column)
    if (c.field === 'village') fields.add('location')
    // 实施期限 may hold start and end: then it carries the start too.
  }
  const dateFormats: Record<string, string> = {}
  const projects: ParsedProject[] = []
  const numbers = new Map<string, number>()
  let rows = 0

  for (let r = layout.firstDataRowIndex; r < grid.length; r++) {
    const cells = grid[r] ?? []
    const excelRow = r + 1
    for (const c of columns) {
      const v = cells[c.index]
      if (!empty(v) && c.samples.length < SAMPLES) c.samples.push(cellToText(v ?? null).trim().slice(0, 40))
    }
    if (cells.every((v) => empty(v))) continue
    if (noName) {
      rows++
      continue
    }
    const text = cells.map((v) => cellToText(v ?? null)).join('')
    const seq = seqColumn ? cleanCell(cellToText(cells[seqColumn.index] ?? null), 'code') : ''
    const project: ParsedProject = { excelRow, values: {}, budget: {}, performance: null, extra: {} }
    const rowIssues: Issue[] = []
    const problem = (col: ProjectColumn, severity: Issue['severity'], code: string, message: string) =>
      rowIssues.push({ row: excelRow, column: col.header, severity, code, message })
    let totalFen: number | null = null
    let badMoney = false

    for (const col of columns) {
      const v = cells[col.index] ?? null
      if (col.field === null) {
        if (!empty(v)) project.extra[col.extraKey!] = cellToText(v).trim()
        continue
      }
      if (isFundKey(col.field) && empty(v)) project.budget[fundSourceOf(col.field)] = 0
      if (col.field === 'seq' || empty(v)) continue
      const def = projectFieldByKey(col.field)
      const raw = cellToText(v).trim()
      const cell = `${col.letter}${excelRow}`
      const keep = () => (project.extra[col.extraKey ?? col.header] = raw)
      switch (def.kind) {
        case 'text': {
          const s = cleanCell(raw, 'text')
          if (!s) break
          if (col.field === 'village') project.values.location = s
          else if (col.field === 'performance') project.performance = s
          else if (col.field === 'category') project.values.category = canonical(s, PROJECT_CATEGORIES)
          else if (col.field === 'nature') project.values.nature = canonical(s, PROJECT_NATURES)
          else project.values[def.column!] = s
          break
        }
        case 'code':
          project.values[def.column!] = typeof v === 'number' ? String(v) : cleanCell(raw, 'code')
          break
        case 'year': {
          const y = normaliseYear(v)
          if (y.problem || y.value === null) {
            problem(col, 'warning', 'bad_date', `第${excelRow}行「${col.header}」的「${raw}」不是年度，该项未导入（原样保留）。请改为四位年份，如 2024。`)
            keep()
          } else project.values.year = y.value
          break
        }
        case 'start':
        case 'end': {
          const d = readPeriod(v, def.kind)
          if (!d) {
            problem(col, 'warning', 'bad_date', `第${excelRow}行「${col.header}」的「${raw}」不是日期，该项未导入（原样保留）。请写成 2024-03-01 或 2024年3月 这样的日期。`)
            keep()
            break
          }
          if (d.start !== undefined) {
            project.values.planned_start = d.start
            fields.add('planned_start')
          }
          project.values[def.column!] = d.value
          dateFormats[col.field] ??= d.format
          break
        }
        case 'int': {
          const n = normaliseInt(v)
          if (n.problem || n.value === null || n.value < 0) {
            problem(col, 'warning', 'bad_number', `第${excelRow}行「${col.header}」的「${raw}」不是整数，该项未导入（原样保留）。`)
            keep()
          } else project.values[def.column!] = n.value
          break
        }
        case 'phone': {
          const p = normalisePhone(v)
          if (p.problem) problem(col, 'warning', 'bad_phone', `第${excelRow}行「${col.header}」的「${raw}」不像电话号码（手机 11 位，座机带区号），已按原样导入，请核对。`)
          if (p.value !== null) project.values[def.column!] = p.value
          break
        }
        case 'money': {
          const fen = readMoney(v, col.unit ?? 'yuan')
          if (fen === null) {
            badMoney = true
            const unit = col.unit === 'wan' ? '万元' : '元'
            problem(col, 'error', 'bad_money', `单元格 ${cell}（「${col.header}」）的「${raw}」不是有效金额。请改为以${unit}为单位的数字，如 ${col.unit === 'wan' ? '12.5' : '125000'}；没有这项资金请留空。`)
          } else if (col.field === 'fund_total') totalFen = fen
          else project.budget[fundSourceOf(col.field as `fund:${string}`)] = fen
          break
        }
        case 'derived':
          break
      }
    }

    const name = project.values.name
    if (typeof name !== 'string' || name === '') {
      // Totals, signatures, section lines and notes under the table are not projects.
      if (FOOTER.test(text) || SECTION.test(seq)) continue
      rows++
      rowIssues.push({ row: excelRow, column: columns.find((c) => c.field === 'name')!.header, severity: 'error', code: 'missing_name', message: `第${excelRow}行没有项目名称。请补上项目名称；如这一行不是项目，请删除它。` })
      issues.push(...rowIssues)
      continue
    }
    if (/^(合计|小计|总计|共计)/.test(name) || (SECTION.test(seq) && !/^\d/.test(seq)) || /^[一二三四五六七八九十]+[、.．]/.test(name)) continue
    rows++

    if (project.values.year === undefined && title.year) {
      project.values.year = title.year
      fields.add('year')
    }
    const start = project.values.planned_start
    const end = project.values.planned_end
    if (typeof start === 'string' && typeof end === 'string' && end < start) {
      const col = columns.find((c) => c.field === 'planned_end') ?? columns.find((c) => c.field === 'planned_start')!
      rowIssues.push({ row: excelRow, column: col.header, severity: 'error', code: 'end_before_start', message: `第${excelRow}行计划完工时间 ${end} 早于计划开工时间 ${start}，请核对。` })
    }
    const no = project.values.project_no
    if (typeof no === 'string') {
      const earlier = numbers.get(no)
      if (earlier !== undefined) {
        const col = columns.find((c) => c.field === 'project_no')!
        rowIssues.push({ row: excelRow, column: col.header, severity: 'error', code: 'duplicate_project_no', message: `第${excelRow}行的项目编号「${no}」与第${earlier}行重复。同一编号只能对应一个项目，请核对编号。` })
      } else numbers.set(no, excelRow)
    }
    if (totalColumn && totalFen !== null && fundSources.length && !badMoney) {
      const sum = fundSources.reduce((n, s) => n + (project.budget[s] ?? 0), 0)
      if (sum !== totalFen) {
        const show = (fen: number) => amountText(fen, totalColumn.unit ?? 'yuan')
        rowIssues.push({
          row: excelRow,
          column: totalColumn.header,
          severity: 'warning',
          code: 'total_mismatch',
          message: `第${excelRow}行「${totalColumn.header}」为 ${show(totalFen)}，各资金来源之和为 ${show(sum)}，两者不一致。已按各来源导入，请核对。`,
        })
      }
    }
    if (columns.some((c) => c.field === 'performance') && project.performance === null) {
      const col = columns.find((c) => c.field === 'performance')!
      rowIssues.push({ row: excelRow, column: col.header, severity: 'warning', code: 'no_performance', message: `第${excelRow}行「${name}」没有填写绩效目标：没有绩效目标的项目不能入库，请补上。` })
    }
    issues.push(...rowIssues)
    projects.push(project)
  }

  return {
    fileName: source.fileName,
    sha256: source.sha256,
    sheet: source.sheet,
    sheets: source.sheets,
    headerRow,
    headerRowCount: layout.headerRowCount,
    columns,
    fields: [...fields],
    fundSources,
    hasVillage: columns.some((c) => c.field === 'village'),
    hasYear: columns.some((c) => c.field === 'year') || title.year !== null,
    hasPerformance: columns.some((c) => c.field === 'performance'),
    extraKeys: [...extraKeys],
    projects,
    issues: issues.sort((a, b) => a.row - b.row).map((i) => ({ sheet: source.sheet, ...i })),
    rows,
    dateFormats,
    signature,
    rememberedReading: recalled,
    reading: { ...(applied.mapping && { mapping: applied.mapping }), ...(applied.assumedUnit && { assumedUnit: applied.assumedUnit }) },
    assumedUnit,
  }
}

/** The clerk's mapping: column index → field key, null to keep the column as written. */
function applyMapping(layout: HeaderDetection<ProjectFieldKey>, mapping: Record<string, string | null>): void {
  for (const c of layout.columns) {
    if (!(String(c.index) in mapping)) continue
    const f = mapping[String(c.index)]
    c.field = f && (isProjectFieldKey(f) || isFundKey(f)) ? (f as ProjectFieldKey) : null
    delete c.duplicateOf
  }
  layout.duplicates = layout.duplicates.filter((d) => d.duplicateOf !== undefined)
}

/**
 * Every fund column the file has is a source: one the dictionary does not know (「涉农整合资金」, a
 * child of 资金来源 such as 「专项债券」) by its own name, and a second column taken for a source an
 * earlier one already has (「省级财政资金」 beside 「省级衔接资金」) as a source of its own unless both
 * name it the same way — two columns are never merged into one.
 */
function findOwnSources(layout: HeaderDetection<ProjectFieldKey>): void {
  const taken = new Set(layout.columns.map((c) => c.field).filter(isFundKey))
  const child = (c: { header: string; group?: string }) => (c.group && c.header.startsWith(`${c.group}/`) ? c.header.slice(c.group.length + 1) : c.header)
  for (const c of layout.columns) {
    if (c.field !== null) continue
    const first = c.duplicateOf
    if (first && !isFundKey(first.field)) continue
    const name = fundSourceOfHeader(child(c), c.group ?? null)
    if (!name || (first && name === fundSourceOf(first.field as `fund:${string}`))) continue
    const key = `fund:${name}` as const
    if (taken.has(key)) continue
    taken.add(key)
    c.field = key
    delete c.duplicateOf
  }
  layout.duplicates = layout.duplicates.filter((d) => d.duplicateOf !== undefined)
}

/** A money column's stated unit: its own header first, then its group, then the title or note rows above the header. */
function columnUnit(c: { header: string; group?: string }, titleUnit: MoneyUnit | null): { unit: MoneyUnit; from: 'header' | 'group' | 'title' } | null {
  const own = c.group && c.header.startsWith(`${c.group}/`) ? c.header.slice(c.group.length + 1) : c.header
  const fromHeader = statedUnit(own)
  if (fromHeader) return { unit: fromHeader, from: 'header' }
  const fromGroup = c.group ? statedUnit(c.group) : null
  if (fromGroup) return { unit: fromGroup, from: 'group' }
  return titleUnit ? { unit: titleUnit, from: 'title' } : null
}

/**
 * The rows above the header: the title (「2024年度××镇衔接资金项目计划表」) gives the year when no
 * column does, and a title or note cell may state the unit (「单位：万元」).
 */
function titleText(grid: Grid, layout: HeaderDetection<ProjectFieldKey>): { unitText: string; year: string | null } {
  const cells: string[] = []
  for (let r = 0; r <= layout.headerRowIndex - layout.headerRowCount; r++) {
    for (const v of grid[r] ?? []) if (!isBlankCell(v ?? null)) cells.push(cellToText(v ?? null).trim())
  }
  const unitCell = cells.find((t) => statedUnit(t) !== null) ?? ''
  const year = /((?:19|20)\d{2})\s*年/.exec(cells.join(' '))?.[1] ?? null
  return { unitText: unitCell, year }
}

/**
 * Where the file states no unit: 万元 when its amounts look like 万元 (most below 1 000, the way
 * project plans write 58.4), else 元. The preview says which was assumed and the clerk can change it.
 */
function guessUnit(grid: Grid, layout: HeaderDetection<ProjectFieldKey>, columns: { index: number }[]): MoneyUnit {
  const amounts: number[] = []
  for (let r = layout.firstDataRowIndex; r < grid.length && amounts.length < 2000; r++) {
    for (const c of columns) {
      const v = grid[r]?.[c.index]
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(cleanCell(v, 'code').replace(/,/g, '')) : NaN
      if (Number.isFinite(n) && n > 0) amounts.push(n)
    }
  }
  if (!amounts.length) return 'wan'
  amounts.sort((a, b) => a - b)
  return amounts[Math.floor(amounts.length / 2)]! < 1000 ? 'wan' : 'yuan'
}

/** '产业发展类', '产业发展项目' → '产业发展'; anything else as written. */
function canonical(s: string, values: readonly string[]): string {
  if (values.includes(s)) return s
  const bare = s.replace(/(类项目|项目|类|工程)$/, '')
  return values.find((v) => v === bare) ?? s
}

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** A month or a year alone is widened to its first day (start) or its last day (end). */
function widen(iso: string, kind: 'start' | 'end'): string {
  const [y, m] = iso.split('-').map(Number) as [number, number | undefined]
  if (m === undefined) return kind === 'start' ? `${y}-01-01` : `${y}-12-31`
  if (iso.length === 7) return kind === 'start' ? `${iso}-01` : `${iso}-${pad(lastDay(y, m))}`
  return iso
}

/**
 * A planned date cell → ISO. An end cell (实施期限) may hold the whole period: '2024.3-2024.10',
 * '2024年3月至2024年10月'; then the start comes with it.
 */
function readPeriod(v: CellValue, kind: 'start' | 'end'): { value: string; start?: string; format: string } | null {
  const whole = normaliseDate(v)
  if (!whole.problem || whole.problem === 'ambiguous_date') {
    return whole.value === null ? null : { value: widen(whole.value, kind), format: whole.format ?? 'date' }
  }
  if (kind !== 'end' || typeof v !== 'string') return null
  const text = cleanCell(v, 'code').replace(/[—–－~～]/g, '-')
  const parts = text.split(/至|到/)
  const candidates: [string, string][] = parts.length === 2 ? [[parts[0]!, parts[1]!]] : []
  for (let i = text.indexOf('-'); i > 0; i = text.indexOf('-', i + 1)) candidates.push([text.slice(0, i), text.slice(i + 1)])
  for (const [a, b] of candidates) {
    const from = normaliseDate(a)
    const to = normaliseDate(b)
    if (from.value && to.value && !from.problem && !to.problem) {
      return { value: widen(to.value, 'end'), start: widen(from.value, 'start'), format: `range:${to.format ?? 'date'}` }
    }
  }
  return null
}

/**
 * A money cell → 分, exactly: 万元 text is parsed as text (0.1 + 0.2 万元 is 3000 元); a number
 * cell's float noise from formulas (0.30000000000000004) is cut at the 分. Null when not money.
 */
export function readMoney(v: CellValue, unit: 'wan' | 'yuan'): number | null {
  const places = unit === 'wan' ? 6 : 2
  let text: string
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return null
    text = String(v)
    if (/e/i.test(text) || (text.split('.')[1]?.length ?? 0) > places) text = v.toFixed(places)
  } else if (typeof v === 'string') {
    text = cleanCell(v, 'code').replace(/^[¥￥]/, '').replace(/(万元|万|元)$/, '').replace(/,/g, '')
  } else return null
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  if (unit === 'wan') return wanTextToFen(text)
  return /^\d+(\.\d{1,2})?$/.test(text) ? parseYuanToFen(text) : null
}

