/** Shapes shared by the spreadsheet readers, plus the caps that keep pathological files from blowing up. */
import type { CellValue } from '../../../../shared/import/cells'
import { LedgerError } from '../../../../shared/api/result'

/** Anything with an `aborted` flag: an AbortSignal, or a getter over the job's cancel flag. */
export interface AbortLike {
  readonly aborted: boolean
}

export interface SheetRow {
  /** Excel's 1-based row number (for CSV, the record number, which is the row Excel shows). */
  rowNumber: number
  /** Column A first; trailing empty cells are dropped, so rows have different lengths. */
  cells: CellValue[]
  /** Set when cells past MAX_COLUMNS were dropped or a text longer than MAX_CELL_CHARS was cut. */
  truncated?: true
  /** With ReadOptions.formats (.xlsx and .xls): each cell's number format code, null for General. */
  formats?: (string | null)[]
}

export interface ReadProgress {
  /** Bytes of the file (for xlsx: of the parts actually read) consumed so far. */
  bytesRead: number
  totalBytes: number
  /** Last row handed out. */
  rowNumber: number
  /** From the sheet's <dimension> for xlsx; null when unknown (CSV, or a writer that omits it). */
  totalRows: number | null
}

export interface ReadOptions {
  /** Sheet name, or 0-based position in listSheets(); default: the first visible sheet. Ignored for CSV. */
  sheet?: string | number
  signal?: AbortLike
  /** Called every few hundred rows; bytesRead / totalBytes is a fair fraction done. */
  onProgress?: (p: ReadProgress) => void
  /**
   * Bytes done on the scale of the whole file (fraction done × file size), so a caller can show
   * progress against fs.stat().size; called as rows are read.
   */
  onBytes?: (bytes: number) => void
  /** Give each row's number format codes too (for writing the sheet back as it looked). */
  formats?: boolean
  /**
   * .xlsx: leave the sheet part's CRC unchecked (its size still is). Only for a caller that reads the
   * same sheet's merged ranges with `wholePart` and fails when that pass does: it inflates the same
   * bytes and checks them, on another thread than the rows' parser.
   */
  skipSheetCrc?: boolean
}

export interface SheetInfo {
  name: string
  /** 0-based position among the workbook's worksheets (chart sheets are not listed). */
  index: number
  /** 'hidden' or 'veryHidden' in Excel: the clerk does not see this tab. */
  hidden: boolean
}

/** More columns than any roster has (monitoring exports run to ~150); values past it are dropped. */
export const MAX_COLUMNS = 1000
/** Excel's own limit for one cell's text. */
export const MAX_CELL_CHARS = 32_767

export function throwIfAborted(signal: AbortLike | undefined): void {
  if (signal?.aborted) throw new LedgerError('cancelled', '已取消读取文件。')
}

/** The file's bytes do not hold together: truncated download, interrupted copy, disk error. */
export function corruptFileError(cause?: unknown): LedgerError {
  const err = new LedgerError(
    'file_unreadable',
    '文件不完整或已损坏（可能没有下载完、复制时中断，或保存时出错），无法读取。请重新下载或从原系统重新导出后再导入；如果 Excel 或 WPS 还能打开它，也可以另存为一个新的 .xlsx 文件再导入。',
  )
  if (cause !== undefined) err.cause = cause
  return err
}

/** The fix for every format we cannot read: let Excel or WPS convert it. */
export const SAVE_AS_XLSX = '请用 Excel 或 WPS 打开它，点「文件 → 另存为」，保存类型选「Excel 工作簿（*.xlsx）」，再导入另存的文件。'

/** A file-system failure (missing file, locked file, no permission) as a clerk-facing error; LedgerErrors pass through. */
export function fileAccessError(e: unknown): LedgerError {
  if (e instanceof LedgerError) return e
  const code = (e as NodeJS.ErrnoException | null)?.code
  const message =
    code === 'ENOENT'
      ? '找不到这个文件，它可能已被移动、改名或删除。请重新选择文件。'
      : code === 'EISDIR'
        ? '选择的是一个文件夹，不是文件。请选择要导入的表格文件。'
        : '无法打开这个文件（可能正在 Excel 或 WPS 中打开，或没有读取权限）。请关闭该文件后重试，或把它复制到桌面再导入。'
  const err = new LedgerError('file_unreadable', message)
  err.cause = e
  return err
}

/** How a sheet looked, for writing it back: column widths and the frozen panes. */
export interface SheetView {
  /** Column widths in Excel's character units, for 0-based column ranges [first, last]. */
  widths: { first: number; last: number; width: number }[]
  /** Rows and columns frozen in view; null when none (or the format does not say). */
  frozen: { rows: number; columns: number } | null
}
