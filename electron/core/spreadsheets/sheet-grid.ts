import { LedgerError } from '../../../shared/api/result'
import type { Grid } from '../../../shared/import/cells'
import { sha256File } from './hash'
import { listSheets } from './read'
import { readSheetRows } from './read/threaded'

/** What a ledger import says about the file it read: its name, hash, the sheet read and the sheets offered. */
export interface SheetSource {
  fileName: string
  sha256: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
}

/**
 * Reads one sheet of a county list into a grid (row n of Excel at index n-1, blank rows kept empty):
 * the sheet asked for, else the first visible one. A sheet the file lacks is refused in words.
 */
export async function readSheetGrid(
  input: { path: string; fileName: string; sheet?: string | undefined },
  ctx: { progress(done: number, total: number, message: string): void; checkCancelled(): void },
): Promise<{ grid: Grid; source: SheetSource }> {
  ctx.progress(0, 1, '正在读取文件…')
  const sheets = await listSheets(input.path)
  const sha256 = await sha256File(input.path)
  const chosen = input.sheet ?? sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name
  if (chosen === undefined || !sheets.some((s) => s.name === chosen)) {
    throw new LedgerError('no_sheet', `文件「${input.fileName}」中没有名为「${input.sheet ?? ''}」的工作表。请重新选择工作表。`)
  }
  const grid: Grid = []
  for await (const { rowNumber, cells } of readSheetRows(input.path, { sheet: chosen })) {
    while (grid.length < rowNumber - 1) grid.push([])
    grid[rowNumber - 1] = cells
    if (rowNumber % 500 === 0) ctx.checkCancelled()
  }
  return { grid, source: { fileName: input.fileName, sha256, sheet: chosen, sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden })) } }
}
