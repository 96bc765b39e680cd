/**
 * exceljs takes about half a second to load, and only writing a spreadsheet
 * needs it: it is loaded on first use instead of at every start of the app,
 * the CLI and each job thread (an import reads with its own parser).
 */
import type ExcelJS from 'exceljs'

let loading: Promise<typeof ExcelJS> | null = null

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS)
  return loading
}
