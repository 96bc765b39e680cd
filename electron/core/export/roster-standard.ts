/**
 * The roster in the standard layout: one row per person with the household
 * columns repeated, every field of the column dictionary, ID numbers as text.
 * Importing this file into the same ledger reports everything unchanged.
 */
import ExcelJS from 'exceljs'
import { fenToYuanText } from '../../../shared/domain/money'
import { ROSTER_FIELDS, type FieldDef } from '../../../shared/import/fields'
import type { Ledger } from '../db/open'

/** The standard columns: every stored field (no virtual ones), in dictionary order. */
export const STANDARD_FIELDS: readonly FieldDef[] = ROSTER_FIELDS.filter((f) => !f.virtual)

export async function exportRosterStandard(
  ledger: Ledger,
  outputPath: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<{ households: number; members: number }> {
  const db = ledger.sqlite
  const total = (db.prepare('SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id WHERE m.removed_reason IS NULL AND h.removed_reason IS NULL').pluck().get() as number) || 0
  // Columns the dictionary does not know, kept from imported files, are given back after the standard ones.
  const extraKeys = new Set<string>()
  for (const json of db.prepare('SELECT DISTINCT extra_json FROM members WHERE extra_json IS NOT NULL').pluck().iterate() as Iterable<string>) {
    for (const k of Object.keys(JSON.parse(json) as Record<string, string>)) extraKeys.add(k)
  }
  const extras = [...extraKeys]
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outputPath, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet('花名册')
  sheet.columns = [
    ...STANDARD_FIELDS.map((f) => ({ header: f.label, key: f.key, width: f.kind === 'id' || f.kind === 'code' ? 22 : 12 })),
    ...extras.map((k) => ({ header: k, key: `extra:${k}`, width: 14 })),
  ]
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()

  const rows = db
    .prepare(
      `SELECT v.county, v.township, v.name AS village, g.name AS "group", h.*, m.*
       FROM members m
       JOIN households h ON h.id = m.household_id
       JOIN villages v ON v.id = h.village_id
       LEFT JOIN village_groups g ON g.id = h.group_id
       WHERE m.removed_reason IS NULL AND h.removed_reason IS NULL
       ORDER BY v.id, h.household_no, h.id, m.sort_order, m.id`,
    )
    .iterate() as Iterable<Record<string, string | number | null>>
  let members = 0
  const households = new Set<unknown>()
  for (const r of rows) {
    members++
    households.add(r.household_id)
    const values = STANDARD_FIELDS.map((f) => {
      const v = r[f.key] ?? null
      if (v === null) return null
      if (f.kind === 'money') return Number(fenToYuanText(Number(v)))
      // Text, so Excel keeps every digit of IDs and codes.
      return typeof v === 'number' && f.kind !== 'int' ? String(v) : v
    })
    const extra = r.extra_json ? (JSON.parse(String(r.extra_json)) as Record<string, string>) : {}
    const row = sheet.addRow([...values, ...extras.map((k) => extra[k] ?? null)])
    STANDARD_FIELDS.forEach((f, i) => {
      if (f.kind === 'id' || f.kind === 'code' || f.kind === 'phone') row.getCell(i + 1).numFmt = '@'
    })
    row.commit()
    if (members % 2000 === 0) progress(members, total)
  }
  sheet.commit()
  await workbook.commit()
  progress(total, total)
  return { households: households.size, members }
}
