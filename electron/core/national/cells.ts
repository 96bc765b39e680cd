/**
 * A national record's kept file cells and the layout they came in: the last imported file of a
 * kind (title rows, headers in order, which header fills which field), how a ledger value is
 * written in a cell that used to hold another way of writing it, and the cells of a record brought
 * up to date with the clerk's corrections (so the national-layout export and the checks read them).
 */
import { fenToYuanText } from '../../../shared/domain/money'
import { NATIONAL_FIELDS, matchNationalField, nationalFieldByKey } from '../../../shared/import/national-fields'
import type { NationalKind } from '../../../shared/import/national-kinds'
import type { Ledger } from '../db/open'
import { formatMonthLike, readNationalCell } from './import/parse'

export interface HeaderMerge {
  top: number
  left: number
  bottom: number
  right: number
}

export interface NationalLayout {
  headerRow: number
  titleRows: string[][]
  /** As parse.ts keys them: a header given twice carries 「#2」. */
  headers: string[]
  /** The header cells exactly as the file wrote them (older imports: absent). */
  headerTexts?: string[]
  /** Merged ranges of the title and header rows (0-based, inclusive; older imports: absent). */
  headerMerges?: HeaderMerge[]
  /** The file's column widths (0-based column ranges; older imports: absent). */
  columnWidths?: { first: number; last: number; width: number }[]
  /** Header → the field it filled (null: kept as written). */
  fields: Record<string, string | null>
}

/** The layout of the last imported (not undone) file of this kind, or null. */
export function lastLayout(ledger: Ledger, kind: NationalKind): NationalLayout | null {
  const rows = ledger.sqlite.prepare("SELECT layout_json, mapping_json FROM import_batches WHERE kind = 'national' AND undone_at IS NULL ORDER BY id DESC").all() as {
    layout_json: string
    mapping_json: string
  }[]
  for (const r of rows) {
    const layout = JSON.parse(r.layout_json) as { nationalKind?: string; headerRow: number; titleRows: string[][]; headers: string[]; headerTexts?: string[]; headerMerges?: HeaderMerge[]; columnWidths?: NationalLayout['columnWidths'] }
    if (layout.nationalKind !== kind) continue
    const mapping = JSON.parse(r.mapping_json) as { header: string; field: string | null }[]
    return {
      headerRow: layout.headerRow,
      titleRows: layout.titleRows,
      headers: layout.headers,
      ...(layout.headerTexts ? { headerTexts: layout.headerTexts } : {}),
      ...(layout.headerMerges ? { headerMerges: layout.headerMerges } : {}),
      ...(layout.columnWidths ? { columnWidths: layout.columnWidths } : {}),
      fields: Object.fromEntries(mapping.map((m) => [m.header, m.field])),
    }
  }
  return null
}

/** The field a header fills: by the file's mapping when there is one, else by the dictionary. */
export function fieldOfHeader(kind: NationalKind, layout: NationalLayout | null, header: string): string | null {
  if (layout) return layout.fields[header] ?? null
  return header.includes('#') ? null : (matchNationalField(kind, header)?.key ?? null)
}

/** The text a ledger value takes in a cell that used to say `original` (kept as it was when it means the same). */
export function asCell(kind: NationalKind, field: string, value: string | number | null | undefined, original: string | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  const def = nationalFieldByKey(kind, field)
  if (original !== undefined && def) {
    const read = readNationalCell(def.kind, original)
    if (!read.problem && read.value !== null && String(read.value) === String(value)) return original
  }
  if (def?.kind === 'month') return formatMonthLike(String(value), original)
  if (def?.kind === 'money') return fenToYuanText(Number(value)).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1')
  if (def?.kind === 'wan') return wanText(Number(value))
  return String(value)
}

/** 分 → 万元 text, exact ('12345' 元 → '1.2345'). */
export function wanText(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const a = Math.abs(fen)
  const whole = Math.floor(a / 1_000_000)
  const dec = String(a % 1_000_000).padStart(6, '0').replace(/0+$/, '')
  return `${sign}${whole}${dec ? `.${dec}` : ''}`
}

/**
 * A record's cells with `values` (record fields, in the ledger's terms) written over the headers
 * they fill in the kind's last layout — or under the field's own label when the kind was never
 * imported or the file had no such column; a value cleared removes its cell.
 */
export function correctedCells(kind: NationalKind, layout: NationalLayout | null, cellsJson: string | null | undefined, values: Record<string, string | number | null>): string {
  const cells = JSON.parse(cellsJson || '{}') as Record<string, string>
  for (const [field, value] of Object.entries(values)) {
    const def = NATIONAL_FIELDS[kind].find((f) => f.key === field)
    if (!def) continue
    const headers = layout ? layout.headers.filter((h) => layout.fields[h] === field) : []
    for (const h of headers.length ? headers : [def.label]) {
      const text = asCell(kind, field, value, cells[h])
      if (text === null) delete cells[h]
      else cells[h] = text
    }
  }
  return JSON.stringify(cells)
}
