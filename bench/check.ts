/**
 * `npm run bench:check`: every rule over a generated ledger of about 100 000 members (the fictional
 * demo township at county size, with its monitoring cases), plus a work spell for every third adult
 * (the ledger keeps no work records yet, so the spells are added to the loaded records). Prints the
 * load, the rules' total and the ten slowest rules, then a whole run as the page starts it (load,
 * rules, findings written), and the peak memory.
 */
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

function firstPass(ledger: ReturnType<typeof openLedger>): { loaded: number; rules: number; cpu: NodeJS.CpuUsage; found: number } {
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
  const cpu = process.cpuUsage(c1)
  console.log(`load ${s(loaded)}; ${CATALOGUE.length} rules ${s(rules)}; ${findings.length} findings; peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  console.log('ten slowest rules:')
  for (const [code, ms] of [...timings].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${code.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms`)
  return { loaded, rules, cpu, found: findings.length }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-check-'))
  try {
    const ledger = openLedger(path.join(dir, 'ledger.sqlite'))
    const t0 = performance.now()
    loadDemo(ledger, Math.round(MEMBERS / 3.4), { actor: 'bench', progress: () => undefined, checkCancelled: () => undefined })
    const count = (sql: string) => ledger.sqlite.prepare(sql).pluck().get() as number
    console.log(`ledger: ${count('SELECT count(*) FROM households')} households, ${count('SELECT count(*) FROM members')} members, ` +
      `${count('SELECT count(*) FROM monitoring_cases')} monitoring cases (built in ${s(performance.now() - t0)})`)

    const rssBuilt = process.resourceUsage().maxRSS / 1024
    // The first pass in its own function, so that nothing it held (records, views, findings) outlives it.
    const { loaded, rules, cpu, found } = firstPass(ledger)
    const rssBefore = process.resourceUsage().maxRSS / 1024
    const t3 = performance.now()
    const c3 = process.cpuUsage()
    const run = runLedgerChecks(ledger, 'bench', AS_OF)
    const whole = performance.now() - t3
    const wholeCpu = process.cpuUsage(c3)
    const rss = process.resourceUsage().maxRSS / 1024
    console.log(`whole run (load, rules, ${run.run.open} findings written): ${s(whole)} wall, ${s((wholeCpu.user + wholeCpu.system) / 1000)} CPU`)
    console.log(`peak RSS ${rss.toFixed(0)} MB (${rssBuilt.toFixed(0)} MB after building the ledger, ${rssBefore.toFixed(0)} MB after the first pass; ${found} findings in it)`)
    console.log(`total ${s(loaded + rules)} wall, ${s((cpu.user + cpu.system) / 1000)} CPU (load + every rule; the CPU time is what the machine's other load does not inflate), goal ≤ 10 s, ≤ 500 MB`)
    await ledger.close()
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main()
