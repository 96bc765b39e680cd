/**
 * Entry point for reading a spreadsheet the clerk picked: the format is decided
 * by content (sniffFile), then rows stream from the xlsx or CSV reader, or come from the .xls reader.
 */
import { basename, extname } from 'node:path'
import { readCsvRows } from './csv'
import { sniffFile } from './sniff'
import type { ReadOptions, SheetInfo, SheetRow, SheetView } from './types'
import { listXlsSheets, readXlsMergedRanges, readXlsRows, readXlsSheetView } from './xls'
import { listXlsxSheets, readXlsxMergedRanges, readXlsxRows, readXlsxSheetView, type MergedRange, type MergedRangesOptions } from './xlsx'

export type { AbortLike, ReadOptions, ReadProgress, SheetInfo, SheetRow, SheetView } from './types'
export { MAX_CELL_CHARS, MAX_COLUMNS } from './types'
export { sniffFile, type FileFormat } from './sniff'
export type { MergedRange, MergedRangesOptions } from './xlsx'

/** Rows of the chosen sheet (CSV has one sheet, so `sheet` is ignored there). Throws LedgerError for unreadable files. */
export async function* openSheetRows(path: string, opts: ReadOptions = {}): AsyncGenerator<SheetRow> {
  const { format } = await sniffFile(path)
  if (format === 'xlsx') yield* readXlsxRows(path, opts)
  else if (format === 'xls') yield* readXlsRows(path, opts)
  else yield* readCsvRows(path, { signal: opts.signal, onProgress: opts.onProgress, onBytes: opts.onBytes })
}

/**
 * The sheets to choose from; a CSV file is one sheet named after the file as the clerk named it
 * (`fileName`), never after the temporary name an upload is stored under.
 */
export async function listSheets(path: string, fileName?: string): Promise<SheetInfo[]> {
  const { format } = await sniffFile(path)
  if (format === 'xlsx') return listXlsxSheets(path)
  if (format === 'xls') return listXlsSheets(path)
  const shown = basename(fileName ?? path)
  return [{ name: basename(shown, extname(shown)) || '工作表1', index: 0, hidden: false }]
}

/** The sheet's merged ranges (.xlsx and .xls); null where the format has none to tell (CSV). The options apply to .xlsx. */
export async function readMergedRanges(path: string, sheet?: string | number, opts?: MergedRangesOptions): Promise<MergedRange[] | null> {
  const { format } = await sniffFile(path)
  if (format === 'xlsx') return readXlsxMergedRanges(path, sheet, opts)
  if (format === 'xls') return readXlsMergedRanges(path, sheet)
  return null
}

/** The sheet's column widths and frozen panes; null where the format has none (CSV). */
export async function readSheetView(path: string, sheet?: string | number): Promise<SheetView | null> {
  const { format } = await sniffFile(path)
  if (format === 'xlsx') return readXlsxSheetView(path, sheet)
  if (format === 'xls') return readXlsSheetView(path, sheet)
  return null
}
