/**
 * `npm run bench:import`: a county-size roster (100 000 member rows) read by
 * (a) exceljs's streaming parser alone (bench/exceljs-parse.ts), (b) a full
 * import into an empty ledger and (c) a re-import of the same file (everything
 * unchanged), (b) and (c) by the built CLI exactly as shipped. Each phase runs
 * in its own process so its peak memory is its own. Prints rows/s, peak RSS and
 * the throughput ratios of (b) and (c) over (a); for comparison also the app's
 * own sheet reader alone, which is what (b) and (c) read with.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSheetRows } from '../electron/core/spreadsheets/read'
import { exceljsParse } from './exceljs-parse'
import ExcelJS from 'exceljs'
import { generateCounty, LAYOUT_COLUMNS } from '../test/fixtures/county-layouts'
import { legacyRosterRows, writeRosterWorkbook } from '../test/fixtures/roster-workbook'

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)

interface PhaseResult {
  rows: number
  ms: number
  peakMb: number
  /** User + system CPU time of the phase's process, s (the figure to compare on a shared machine). */
  cpuS?: number
  /** The import inside its process (LEDGER_TRACE's time of 导入完成): without Node's start, loading the bundle, opening and closing the ledger. */
  insideMs?: number
}

/** (a) exceljs, or the app's own reader, alone in this process. */
async function parsePhase(file: string, reader: 'exceljs' | 'app'): Promise<PhaseResult> {
  const t0 = performance.now()
  let rows = 0
  if (reader === 'exceljs') rows = await exceljsParse(file)
  else for await (const _row of openSheetRows(file)) rows++
  const cpu = process.cpuUsage()
  return { rows, ms: performance.now() - t0, peakMb: process.resourceUsage().maxRSS / 1024, cpuS: (cpu.user + cpu.system) / 1e6 }
}

/** (b) and (c): the shipped CLI (out/main/cli.js), as a clerk's or a script's import runs. */
function importPhase(file: string, db: string, rows = ROWS): PhaseResult {
  const cli = path.resolve(__dirname, '../out/main/cli.js')
  const timed = fs.existsSync('/usr/bin/time')
  const [cmd, args] = timed ? ['/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, cli]] : [process.execPath, [cli]]
  const t0 = performance.now()
  const r = spawnSync(cmd, [...args, 'import', file, '--db', db, '--json', '--no-checks'], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, LEDGER_TRACE: '1' } })
  const ms = performance.now() - t0
  if (r.status !== 0) throw new Error(`import exited ${r.status}: ${r.stderr}`)
  const rss = /maxrss=(\d+)/.exec(r.stderr)
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr)
  const inside = /\[(\d+) ms\] 导入完成/.exec(r.stderr)
  return { rows, ms, peakMb: rss ? Number(rss[1]) / 1024 : NaN, cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, ...(inside ? { insideMs: Number(inside[1]) } : {}) }
}

async function main(): Promise<void> {
  const [, , mode, file] = process.argv
  if (mode === '--parse' || mode === '--read') {
    process.stdout.write(JSON.stringify(await parsePhase(file!, mode === '--parse' ? 'exceljs' : 'app')))
    return
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'))
  try {
    if (process.env.BENCH_ONLY !== 'monitoring') await legacyBench(dir)
    if (process.env.BENCH_ONLY !== 'legacy') await monitoringBench(dir)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The county-size monitoring roster (national 监测对象信息, ≈180 columns, every value as text): the app's
 * own bare read of the file against the full import by the shipped CLI (roster plus a monitoring
 * case for each monitored household). Written row by row with the streaming writer.
 */
async function monitoringBench(dir: string): Promise<void> {
  const file = path.join(dir, 'monitoring-roster.xlsx')
  const cols = LAYOUT_COLUMNS.national
  const households = generateCounty(20261202, { national: Math.ceil(ROWS / 3) + 200 }).national
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false })
  const ws = wb.addWorksheet('Sheet1')
  ws.addRow(['（自定义）监测对象信息']).commit()
  ws.addRow(['导出时间：2026-11-30 09:12:45']).commit()
  ws.addRow(cols.map((c) => c.header)).commit()
  let seq = 0
  let monitored = 0
  outer: for (const h of households) {
    if (h.household_type === '监测户') monitored++
    for (const m of h.members) {
      if (seq >= ROWS) break outer
      const s = ++seq
      ws.addRow(cols.map((c) => c.value(h, m, s))).commit()
    }
  }
  await wb.commit()
  console.log(`monitoring roster: ${seq} member rows, ${cols.length} columns, ${monitored} monitored households, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`)
  const read = JSON.parse(execFileSync(process.execPath, [...process.execArgv, __filename, '--read', file], { encoding: 'utf8', maxBuffer: 1 << 20 })) as PhaseResult
  const db = path.join(dir, 'monitoring.sqlite')
  const imported = importPhase(file, db, seq)
  for (const [label, r] of [["    the app's own reader alone", read], ['(d) monitoring roster import', imported]] as const) {
    const cpu = r.cpuS === undefined ? '' : `  cpu ${r.cpuS.toFixed(2)} s`
    console.log(`${label.padEnd(32)} ${(r.rows / (r.ms / 1000)).toFixed(0).padStart(8)} rows/s  ${(r.ms / 1000).toFixed(2).padStart(7)} s  peak ${r.peakMb.toFixed(0)} MB${cpu}`)
  }
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`)
  const cases = execFileSync(process.execPath, [path.resolve(__dirname, '../out/main/cli.js'), 'info', '--db', db, '--json'], { encoding: 'utf8' })
  console.log(`monitoring: ${JSON.stringify((JSON.parse(cases) as { monitoring: unknown }).monitoring)}`)
  console.log(`ratio: monitoring import/own read=${(imported.rows / imported.ms / (read.rows / read.ms)).toFixed(2)}`)
  // The bare read is timed inside its process: the import timed the same way, for a like-for-like figure.
  if (imported.insideMs !== undefined) {
    console.log(`    import inside its process ${(imported.insideMs / 1000).toFixed(2)} s: ratio ${(read.ms / imported.insideMs).toFixed(2)}`)
  }
}

async function legacyBench(dir: string): Promise<void> {
  {
    const file = path.join(dir, 'county-roster.xlsx')
    // Whole households until the row count is reached.
    const all = legacyRosterRows(Math.ceil(ROWS / 3))
    const rows = all.slice(0, ROWS)
    const households = new Set(rows.map((r) => r[5])).size
    await writeRosterWorkbook(file, rows)
    console.log(`roster: ${rows.length} member rows, ${households} households, ${rows[0]!.length} columns, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`)
    const db = path.join(dir, 'ledger.sqlite')
    const run = (name: string): PhaseResult =>
      name === 'parse' || name === 'read'
        ? (JSON.parse(execFileSync(process.execPath, [...process.execArgv, __filename, `--${name}`, file], { encoding: 'utf8', maxBuffer: 1 << 20 })) as PhaseResult)
        : importPhase(file, db)
    const results: Record<string, PhaseResult> = {}
    const phases = [
      ['parse', '(a) exceljs streaming parse'],
      ['read', "    the app's own reader alone"],
      ['import', '(b) import into empty ledger'],
      ['reimport', '(c) re-import, all unchanged'],
    ] as const
    for (const [key, label] of phases) {
      const r = run(key)
      results[key] = r
      console.log(`${label.padEnd(32)} ${(r.rows / (r.ms / 1000)).toFixed(0).padStart(8)} rows/s  ${(r.ms / 1000).toFixed(2).padStart(7)} s  peak ${r.peakMb.toFixed(0)} MB`)
    }
    const thr = (r: PhaseResult) => r.rows / r.ms
    console.log(`ratios: import/parse=${(thr(results.import!) / thr(results.parse!)).toFixed(2)} reimport/parse=${(thr(results.reimport!) / thr(results.parse!)).toFixed(2)}`)
  }
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
