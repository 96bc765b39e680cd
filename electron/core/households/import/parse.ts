/**
 * Reads a roster file into households and issues, one row at a time: header
 * detection on the first rows, the column mapping (the clerk's correction, or
 * one remembered for this header), normalisation, row and household rules.
 */
import fs from 'node:fs'
import type { ImportIssueView } from '../../../../shared/api/households-import'
import { LedgerError } from '../../../../shared/api/result'
import { blanksFromId } from '../../../../shared/domain/id-number'
import { cellToText, isBlankCell, type CellValue } from '../../../../shared/import/cells'
import { fieldByKey, ROSTER_FIELDS, type FieldKey } from '../../../../shared/import/households-fields'
import { detectHeader, type HeaderDetection } from '../../../../shared/import/header-detect'
import { KeptCells } from '../../../../shared/import/kept-cells'
import { describeLook, recogniseSheet, wrongKindMessage } from '../../../../shared/import/national-kinds'
import { createHouseholdGrouper, createRowReader, householdValues, rosterShape, type HouseholdGroup } from '../../../../shared/import/rows'
import { DuplicateIdTracker, headerIssues, validateHousehold, validateMemberRow, type ImportIssue } from '../../../../shared/import/rules'
import type { Ledger } from '../../db/open'
import type { JobContext } from '../../jobs'
import { headerSignature, sha256File } from '../../spreadsheets/hash'
import { listSheets, readMergedRanges, sniffFile, type MergedRange, type SheetRow } from '../../spreadsheets/read'
import { readSheetRows } from '../../spreadsheets/read/threaded'
import { LedgerSnapshot } from './snapshot'
import { pinyinKey } from '../../db/pinyin-key'
import type { ParsedHousehold, ParsedMember, ParsedRoster, Value } from './types'

export interface ParseInput {
  path: string
  fileName: string
  sheet?: string
  /** Column index → field key (or null: keep as an unknown column), from the preview. */
  mapping?: Record<string, string | null>
}

const HEADER_SCAN_ROWS = 15
/**
 * Rows held while the merged ranges are still being found (≈ 0.5 s of reading on a county file);
 * past this the read waits for them, so a slow pass cannot pile up the whole sheet.
 */
const HOLD_ROWS = 20_000
/** Held rows worked off per row read: the backlog shrinks by one each time. */
const HELD_PER_ROW = 2
const SAMPLES = 3
const KNOWN_FIELDS = new Set<string>(ROSTER_FIELDS.map((f) => f.key))

function applyMapping(layout: HeaderDetection, mapping: Record<string, string | null>): void {
  for (const c of layout.columns) {
    if (!(String(c.index) in mapping)) continue
    const f = mapping[String(c.index)]
    c.field = f && KNOWN_FIELDS.has(f) ? (f as FieldKey) : null
    delete c.duplicateOf
  }
}

export async function parseRosterFile(ledger: Ledger, input: ParseInput, ctx: Pick<JobContext, 'progress' | 'checkCancelled'>): Promise<ParsedRoster> {
  ctx.progress(0, 1, '正在读取文件…')
  // Reading the sheet list first gives the clerk's message for a missing, locked or unreadable file.
  const sheets = await listSheets(input.path, input.fileName)
  const chosen = input.sheet ?? sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name
  if (chosen === undefined || !sheets.some((s) => s.name === chosen)) {
    throw new LedgerError('no_sheet', `文件「${input.fileName}」中没有名为「${input.sheet ?? ''}」的工作表。请重新选择工作表。`)
  }
  // The hash is only recorded with the batch: it runs beside the read instead of before it.
  const hashing = sha256File(input.path)
  hashing.catch(() => {})
  const totalBytes = fs.statSync(input.path).size
  // Merged cells are filled from their top-left cell; nothing else is filled down (xlsx knows them, CSV does not).
  // The ranges follow the rows in the sheet's XML, so finding them inflates the whole part: that pass runs
  // on this thread beside the row read, and rows arriving before it ends are held as read. It checks the
  // part's CRC for both (no row is used before it has), sparing the reader thread, the slower of the two.
  const stopMerges = { aborted: false }
  const merging = readMergedRanges(input.path, chosen, { wholePart: true, signal: stopMerges })
  let merged: MergedRange[] | null | undefined
  merging.then(
    (m) => (merged = m),
    () => {},
  )
  // An .xls is parsed whole by both passes: one after the other, as two at once would double the peak.
  if ((await sniffFile(input.path)).format !== 'xlsx') merged = await merging

  const head: CellValue[][] = []
  let layout: HeaderDetection | null = null
  let reader: ReturnType<typeof createRowReader> | null = null
  let grouper: ReturnType<typeof createHouseholdGrouper> | null = null
  const tracker = new DuplicateIdTracker()
  const issues: ImportIssue[] = []
  // Households are kept in their compact form only: a county file has 100 000 rows.
  const households: ParsedHousehold[] = []
  const extraKeys = new Set<string>()
  const complete = (g: HouseholdGroup) => {
    issues.push(...validateHousehold(g))
    for (const r of g.rows) {
      if (r.kept) r.kept.forEach((k) => extraKeys.add(k))
      else for (const k of Object.keys(r.extra)) extraKeys.add(k)
    }
    households.push(toHousehold(g))
  }
  const dateFormats: Record<string, string> = {}
  const samples = new Map<number, string[]>()
  let rememberedMapping = false
  let signature = ''
  let rows = 0
  let householdFields: string[] = []
  let memberFields: string[] = []
  let snapshot: LedgerSnapshot | undefined

  // The columns (of the `width` seen so far) still short of their samples, in order.
  const unsampled: number[] = []
  let width = 0
  const consume = (cells: readonly CellValue[], rowIndex: number) => {
    for (; width < cells.length; width++) unsampled.push(width)
    // A column with its samples costs nothing more (a county file has 100 000 rows × 180 columns).
    let kept = 0
    for (let j = 0; j < unsampled.length; j++) {
      const i = unsampled[j]!
      if (i < cells.length && !isBlankCell(cells[i])) {
        const text = cellToText(cells[i]).trim().slice(0, 40)
        const list = samples.get(i)
        if (list) list.push(text)
        else samples.set(i, [text])
        if (samples.get(i)!.length >= SAMPLES) continue
      }
      unsampled[kept++] = i
    }
    unsampled.length = kept
    const row = reader!.read(cells, rowIndex)
    if (!row) return
    rows++
    for (const [k, f] of Object.entries(row.sourceFormats)) dateFormats[k] ??= f
    issues.push(...validateMemberRow(row))
    for (const hit of tracker.check(row)) issues.push(hit.issue)
    for (const g of grouper!.push(row)) complete(g)
  }

  const start = () => {
    // A national export other than the monitoring roster, or a project list, is not a roster:
    // read as one, a work-spell file would list every household not in it as gone.
    const kind = recogniseSheet(head, HEADER_SCAN_ROWS)
    if (kind.kind !== 'roster' && kind.kind !== 'monitoringRoster' && kind.kind !== 'unknown') {
      throw new LedgerError('wrong_kind', wrongKindMessage(input.fileName, kind, '花名册'))
    }
    layout = detectHeader(head, { maxScanRows: HEADER_SCAN_ROWS })
    if (!layout) {
      throw new LedgerError(
        'not_roster',
        `「${input.fileName}」的工作表「${chosen}」前 ${HEADER_SCAN_ROWS} 行中没有找到花名册的表头（如「姓名」「证件号码」「与户主关系」）；这张表${describeLook(head, HEADER_SCAN_ROWS)}。请确认选对了文件和工作表，或把表头放在前几行后重新导入。`,
      )
    }
    signature = headerSignature(layout.columns)
    if (input.mapping) applyMapping(layout, input.mapping)
    else {
      const saved = ledger.sqlite.prepare("SELECT mapping_json FROM import_mappings WHERE kind = 'roster' AND signature = ?").pluck().get(signature) as string | undefined
      if (saved) {
        applyMapping(layout, JSON.parse(saved) as Record<string, string | null>)
        rememberedMapping = true
      }
    }
    issues.push(...headerIssues(layout))
    const found = layout
    const levelFields = (level: 'household' | 'member') =>
      [...new Set(found.columns.map((c) => c.field).filter((f): f is FieldKey => f !== null && !fieldByKey(f).virtual && fieldByKey(f).level === level))]
    householdFields = levelFields('household')
    memberFields = memberFieldsOf(found, levelFields('member'))
    snapshot = new LedgerSnapshot(ledger.sqlite, householdFields, memberFields)
    reader = createRowReader(layout, { merged })
    grouper = createHouseholdGrouper(layout)
    for (let r = layout.firstDataRowIndex; r < head.length; r++) consume(head[r] ?? [], r)
  }

  // While the reader is behind: the ledger's snapshot first, then the pinyin keys of the names read so
  // far (the write path derives them for every new member; its memo then has them).
  let warmed = 0
  const warmPinyin = (): boolean => {
    for (let n = 0; warmed < households.length && n < 50; warmed++, n++) for (const m of households[warmed]!.members) pinyinKey(typeof m.values.name === 'string' ? m.values.name : null)
    return warmed < households.length
  }
  const take = ({ rowNumber, cells }: SheetRow, bytes: number) => {
    if (!layout) {
      while (head.length < rowNumber - 1) head.push([])
      head[rowNumber - 1] = cells
      if (head.length >= HEADER_SCAN_ROWS) start()
      return
    }
    consume(cells, rowNumber - 1)
    if (rows % 1000 === 0) {
      ctx.checkCancelled()
      ctx.progress(bytes, totalBytes, `已读取 ${rows} 行`)
    }
  }
  // Rows read before the merged ranges were known (with the progress figure each arrived at), from
  // `next` on. They are worked off a few per row read, not at once: meanwhile the reader would wait.
  const held: ({ row: SheetRow; bytes: number } | null)[] = []
  let next = 0
  const release = (n: number) => {
    for (const end = Math.min(held.length, next + n); next < end; next++) {
      const { row, bytes } = held[next]!
      // Let a row's cells go once it is taken (the backlog's array lives on until it is empty).
      held[next] = null
      take(row, bytes)
    }
    if (next === held.length) held.length = next = 0
  }
  let bytes = 0
  const read = readSheetRows(input.path, {
    sheet: chosen,
    skipSheetCrc: true,
    onBytes: (n: number) => (bytes = n),
    onIdle: () => (snapshot?.step() ?? false) || warmPinyin(),
  })
  try {
    for await (const row of read) {
      if (merged === undefined) {
        if (held.length < HOLD_ROWS) {
          if (held.push({ row, bytes }) % 1000 === 0) ctx.checkCancelled()
          continue
        }
        merged = await merging
      }
      if (!held.length) take(row, bytes)
      else {
        held.push({ row, bytes })
        release(HELD_PER_ROW)
      }
    }
    if (merged === undefined) merged = await merging
    release(held.length)
    if (!layout) start()
  } catch (err) {
    stopMerges.aborted = true
    snapshot?.close()
    throw err
  }
  const sha256 = await hashing
  for (const g of grouper!.flush()) complete(g)
  const finalLayout = layout as unknown as HeaderDetection

  // A duplicate ID found late can block a household completed early: mark them at the end.
  const errorRows = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.row))
  for (const h of households) h.blocked = h.members.some((m) => errorRows.has(m.excelRow))
  const columns = finalLayout.columns.map((c) => ({ ...c, samples: samples.get(c.index) ?? [] }))

  return {
    fileName: input.fileName,
    sha256,
    sheet: chosen,
    sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
    headerRow: finalLayout.headerRowIndex + 1,
    headerRowCount: finalLayout.headerRowCount,
    columns,
    rememberedMapping,
    signature,
    householdFields,
    memberFields,
    hasGroupColumn: finalLayout.columns.some((c) => c.field === 'group'),
    onlyHeads: rosterShape(finalLayout) === 'per_household',
    extraKeys: [...extraKeys],
    households,
    issues: issues.sort((a, b) => a.row - b.row).map((i) => view(chosen, i)),
    rows,
    dateFormats,
    snapshot,
  }
}

/** A one-row-per-household sheet names its person in 户主 columns: those fill name and ID. */
function memberFieldsOf(layout: HeaderDetection, fields: string[]): string[] {
  const set = new Set(fields)
  if (layout.columns.some((c) => c.field === 'head_name')) set.add('name')
  if (layout.columns.some((c) => c.field === 'head_id_number')) set.add('id_number')
  if (!set.has('relation') && !layout.columns.some((c) => c.field === 'relation')) set.add('relation')
  return [...set]
}

function toHousehold(g: HouseholdGroup): ParsedHousehold {
  const first = g.rows[0]!
  // The household's village is the first one its rows give (a blank on its other rows is the same household's).
  const level = (k: 'county' | 'township' | 'village' | 'group') => g.rows.map((r) => r.village[k]).find((v) => v != null) ?? null
  const { values } = householdValues(g)
  const household: Record<string, Value> = {}
  for (const [k, v] of Object.entries(values)) if (!fieldByKey(k as FieldKey).virtual) household[k] = v ?? null
  return {
    firstRow: first.excelRow,
    county: level('county') ?? '',
    township: level('township') ?? '',
    village: level('village') ?? '',
    group: level('group'),
    values: household,
    // 性别 and 出生日期 left blank (or without a column) are read off the ID number.
    members: g.rows.map((r) => new Member(r.excelRow, { ...r.member, ...blanksFromId(r.member) } as Record<string, Value>, r.kept ?? KeptCells.fromRecord(r.extra))),
    blocked: false,
  }
}

/** A member row as kept until the commit: its unknown columns compact, as an object only when asked. */
class Member implements ParsedMember {
  constructor(
    public excelRow: number,
    public values: Record<string, Value>,
    public kept: KeptCells,
  ) {}

  get extra(): Record<string, string> {
    return this.kept.toRecord()
  }
}

function view(sheet: string, i: ImportIssue): ImportIssueView {
  return { sheet, row: i.row, column: i.column, severity: i.severity, code: i.code, message: i.message }
}
