/**
 * `npm run bench:import`: a county-size roster (100 000 member rows) read by
 * (a) the streaming parser alone, (b) a full import into an empty ledger and
 * (c) a re-import of the same file (everything unchanged). Each phase runs in
 * its own process so its peak memory is its own. Prints rows/s, peak RSS and
 * the throughput ratios of (b) and (c) over (a).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLedger } from '../electron/core/db/open'
import { openSheetRows } from '../electron/core/import/read'
import { importCommand } from '../electron/cli/import-command'
import { legacyRosterRows, writeRosterWorkbook } from '../test/fixtures/roster-workbook'

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)

interface PhaseResult {
  rows: number
  ms: number
  peakMb: number
}

async function phase(name: string, file: string, db: string): Promise<PhaseResult> {
  const t0 = performance.now()
  let rows = 0
  if (name === 'parse') {
    for await (const _row of openSheetRows(file)) rows++
  } else {
    const ledger = openLedger(db)
    const log = console.log
    console.log = () => undefined // importCommand reports on stdout; the bench prints its own lines
    try {
      const code = await importCommand(ledger, file, { dryRun: false, json: true })
      if (code !== 0) throw new Error(`import exited ${code}`)
    } finally {
      console.log = log
      await ledger.close()
    }
    rows = ROWS
  }
  return { rows, ms: performance.now() - t0, peakMb: process.resourceUsage().maxRSS / 1024 }
}

async function main(): Promise<void> {
  const [, , mode, name, file, db] = process.argv
  if (mode === '--phase') {
    process.stdout.write(JSON.stringify(await phase(name!, file!, db!)))
    return
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'))
  try {
    const file = path.join(dir, 'county-roster.xlsx')
    // Whole households until the row count is reached.
    const all = legacyRosterRows(Math.ceil(ROWS / 3))
    const rows = all.slice(0, ROWS)
    const households = new Set(rows.map((r) => r[5])).size
    await writeRosterWorkbook(file, rows)
    console.log(`roster: ${rows.length} member rows, ${households} households, ${rows[0]!.length} columns, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`)
    const db = path.join(dir, 'ledger.sqlite')
    const run = (name: string): PhaseResult =>
      JSON.parse(execFileSync(process.execPath, [...process.execArgv, __filename, '--phase', name, file, db], { encoding: 'utf8', maxBuffer: 1 << 20 })) as PhaseResult
    const results: Record<string, PhaseResult> = {}
    for (const [key, label] of [['parse', '(a) streaming parse'], ['import', '(b) import into empty ledger'], ['reimport', '(c) re-import, all unchanged']] as const) {
      const r = run(key === 'reimport' ? 'import' : key)
      results[key] = r
      console.log(`${label.padEnd(32)} ${(r.rows / (r.ms / 1000)).toFixed(0).padStart(8)} rows/s  ${(r.ms / 1000).toFixed(2).padStart(7)} s  peak ${r.peakMb.toFixed(0)} MB`)
    }
    const thr = (r: PhaseResult) => r.rows / r.ms
    console.log(`ratios: import/parse=${(thr(results.import!) / thr(results.parse!)).toFixed(2)} reimport/parse=${(thr(results.reimport!) / thr(results.parse!)).toFixed(2)}`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
