/**
 * The national records as 疑点核查 reads them: each work spell and planned-work row with its export's
 * columns by header, and each village's 行政村信息 columns. A record's cells are the file's as given, with
 * the ledger's own values (the clerk's corrections, or rows the clerk entered) written over the headers
 * they fill, so a check sees what the ledger holds now.
 */
import { NATIONAL_FIELDS } from '../../../shared/import/national-fields'
import type { NationalKind } from '../../../shared/import/national-kinds'
import { fenToYuanText } from '../../../shared/domain/money'
import type { Ledger } from '../db/open'

type Row = Record<string, string | number | null>

export interface WorkRecordForChecks {
  id_number: string
  planned: boolean
  /** YYYY-MM, null when blank. */
  start: string | null
  end: string | null
  cells: Record<string, string>
}

function cellsOf(kind: NationalKind, r: Row): Record<string, string> {
  const cells = JSON.parse(String(r.cells_json ?? '{}')) as Record<string, string>
  for (const f of NATIONAL_FIELDS[kind]) {
    if (f.match) continue
    const v = r[f.key]
    if (v === null || v === undefined) continue
    cells[f.label] = f.kind === 'money' ? fenToYuanText(Number(v)).replace(/\.00$/, '') : f.kind === 'wan' ? String(Number(v) / 1_000_000) : String(v)
  }
  return cells
}

/**
 * Work spells and planned work of the given households (all when omitted); null while the ledger holds
 * no work records at all, so that work checks decide nothing instead of finding everyone not working.
 */
export function workRecordsForChecks(ledger: Ledger, householdIds?: readonly number[]): WorkRecordForChecks[] | null {
  const db = ledger.sqlite
  const any = db.prepare('SELECT (SELECT count(*) FROM work_spells) + (SELECT count(*) FROM planned_work) AS n').get() as { n: number }
  if (!any.n) return null
  const only = householdIds ? ` WHERE s.household_id IN (${householdIds.map(() => '?').join(',')})` : ''
  const p = householdIds ?? []
  const out: WorkRecordForChecks[] = []
  for (const r of db.prepare(`SELECT s.*, m.id_number FROM work_spells s JOIN members m ON m.id = s.member_id${only}`).iterate(...p) as Iterable<Row>) {
    if (!r.id_number) continue
    out.push({ id_number: String(r.id_number), planned: false, start: r.start_month as string | null, end: r.end_month as string | null, cells: cellsOf('workSpells', r) })
  }
  for (const r of db.prepare(`SELECT s.*, m.id_number FROM planned_work s JOIN members m ON m.id = s.member_id${only}`).iterate(...p) as Iterable<Row>) {
    if (!r.id_number) continue
    out.push({ id_number: String(r.id_number), planned: true, start: r.planned_month as string | null, end: null, cells: cellsOf('plannedWork', r) })
  }
  return out
}

/** Each village's 行政村信息 columns by header (villages without statistics are absent). */
export function villageCellsForChecks(ledger: Ledger): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>()
  for (const r of ledger.sqlite.prepare('SELECT * FROM village_statistics').iterate() as Iterable<Row>) out.set(Number(r.village_id), cellsOf('villages', r))
  return out
}
