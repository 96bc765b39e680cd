/**
 * `npm run bench:check`: every rule over a generated ledger of about 100 000 members (the fictional
 * demo township at county size, with its monitoring cases), plus a work spell for every third adult
 * (the ledger keeps no work records yet, so the spells are added to the loaded records). Prints the
 * load, the rules' total and the ten slowest rules, then a whole run as the page starts it (load,
 * rules, findings written), and the peak memory.
 *
 * The ledger is built by this process; each pass then runs in a fresh process of its own (this file
 * again, with `--pass first|whole FILE`), so that its CPU time and peak RSS are the check's alone, not
 * the generator's or the other pass's.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLedger } from '../electron/core/db/open'
import { loadDemo } from '../electron/core/demo/load'
import { runRules } from '../electron/core/checks/engine'
import { loadLedgerData } from '../electron/core/checks/load'
import { runLedgerChecks } from '../electron/core/checks/store'
import { CATALOGUE } from '../electron/core/checks/rules/catalogue'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000)
const AS_OF = '2026-06-30'
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000
const peakMb = () => process.resourceUsage().maxRSS / 1024

/** Load + every rule, as one run does before it writes. */
function firstPass(file: string): void {
  const ledger = openLedger(file)
  const c1 = process.cpuUsage()
  const t1 = performance.now()
  const data = loadLedgerData(ledger, AS_OF)
  const loaded = performance.now() - t1
  let i = 0
  data.workSpells = data.households.flatMap((h) => h.members).filter((m) => m.id_number && i++ % 3 === 0).map((m, k) => ({
    id_number: m.id_number!, planned: k % 10 === 0, start: `20${20 + (k % 6)}-0${1 + (k % 9)}`, end: k % 4 === 0 ? '2025-12' : null,
    cells: { 是否已务工: '是', 务工所在县: k % 5 ? '宁波市北仑区' : '', 就业渠道: k % 7 ? '企业招聘' : '公益岗位', 务工月收入: String(800 + (k % 50) * 100), 年度交通费补助: k % 3 ? '0' : '500' },
  }))
  console.log(`work spells: ${data.workSpells.length}`)
  const t2 = performance.now()
  const { findings, timings } = runRules(data, AS_OF)
  const rules = performance.now() - t2
  const cpu = cpuMs(process.cpuUsage(c1))
  console.log(`load ${s(loaded)}; ${CATALOGUE.length} rules ${s(rules)}; ${findings.length} findings`)
  console.log('ten slowest rules:')
  for (const [code, ms] of [...timings].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${code.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms`)
  console.log(`total ${s(loaded + rules)} wall, ${s(cpu)} CPU (load + every rule; the CPU time is what the machine's other load does not inflate), ` +
    `peak RSS ${peakMb().toFixed(0)} MB; goal ≤ 10 s, ≤ 500 MB`)
}

/** A whole run as the page starts it: load, rules, findings written in one transaction. */
function wholeRun(file: string): void {
  const ledger = openLedger(file)
  const c = process.cpuUsage()
  const t = performance.now()
  const run = runLedgerChecks(ledger, 'bench', AS_OF)
  console.log(`whole run (load, rules, ${run.run.open} findings written): ${s(performance.now() - t)} wall, ${s(cpuMs(process.cpuUsage(c)))} CPU, ` +
    `peak RSS ${peakMb().toFixed(0)} MB`)
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-check-'))
  try {
    const file = path.join(dir, 'ledger.sqlite')
    const ledger = openLedger(file)
    const t0 = performance.now()
    loadDemo(ledger, Math.round(MEMBERS / 3.4), { actor: 'bench', progress: () => undefined, checkCancelled: () => undefined })
    const count = (sql: string) => ledger.sqlite.prepare(sql).pluck().get() as number
    console.log(`ledger: ${count('SELECT count(*) FROM households')} households, ${count('SELECT count(*) FROM members')} members, ` +
      `${count('SELECT count(*) FROM monitoring_cases')} monitoring cases (built in ${s(performance.now() - t0)}, peak RSS ${peakMb().toFixed(0)} MB)`)
    await ledger.close()
    for (const pass of ['first', 'whole']) {
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--pass', pass, file], { stdio: 'inherit' })
      if (child.status !== 0) throw new Error(`the ${pass} pass failed (exit ${child.status})`)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const at = process.argv.indexOf('--pass')
if (at >= 0) (process.argv[at + 1] === 'first' ? firstPass : wholeRun)(process.argv[at + 2]!)
else void main()
