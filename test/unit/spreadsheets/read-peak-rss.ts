/**
 * Child-process probe for the hostile-file tests: reads every row of one file with the readers the
 * import uses, keeps none of them, and prints how it ended and the process's peak resident memory.
 * Usage: node --import tsx read-peak-rss.ts FILE
 */
import { openSheetRows } from '../../../electron/core/spreadsheets/read'

async function main(): Promise<void> {
  const file = process.argv[2]!
  let rows = 0
  let outcome: { ok: true } | { ok: false; code: string; message: string } = { ok: true }
  try {
    for await (const _ of openSheetRows(file)) rows++
  } catch (e) {
    const err = e as { code?: string; message?: string }
    outcome = { ok: false, code: err.code ?? 'thrown', message: err.message ?? String(e) }
  }
  // maxRSS is in kilobytes.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  process.stdout.write(JSON.stringify({ ...outcome, rows, peakRssMb }))
}

void main()
