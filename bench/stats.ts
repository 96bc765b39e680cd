/**
 * `npm run bench:stats`: the 统计 dashboard's queries on a generated ledger of about 100 000
 * members (the demo generator at county size, plus status histories, monitoring, work fields,
 * helpers, pairings and visits). Prints p50/p95 per query; the last line is the worst p95.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLedger, type Ledger } from '../electron/core/db/open'
import { loadDemo } from '../electron/core/demo/load'
import { listHouseholds } from '../electron/core/households/queries'
import { clearSnapshotCache } from '../electron/core/stats/snapshot'
import { helpersStats, householdsOverview, monitoringStats, projectsStats, villageStats, workStats } from '../electron/core/stats/figures'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const AS_OF = '2025-06-30'

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** The demo township at county size plus what a working ledger has beyond the demo. */
function build(ledger: Ledger): void {
  loadDemo(ledger, Math.round(MEMBERS / 3.4), { actor: 'bench', progress: () => undefined, checkCancelled: () => undefined })
  // What a working ledger has beyond the demo: histories for every household, a fifth monitored,
  // work fields on a third of the members, a helper for every tenth household, visits.
  let seed = 7
  const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32)
  const day = (y0: number, y1: number) => `${y0 + Math.floor(r() * (y1 - y0 + 1))}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`
  const households = ledger.sqlite.prepare('SELECT id FROM households').pluck().all() as number[]
  const members = ledger.sqlite.prepare('SELECT id FROM members').pluck().all() as number[]
  ledger.write.run({ actor: 'bench' }, (w) => {
    const events: Record<string, string | number | null>[] = []
    for (const id of households) {
      events.push({ household_id: id, kind: '识别', event_date: day(2014, 2015), actor: 'bench' }, { household_id: id, kind: '脱贫', event_date: day(2016, 2020), actor: 'bench' })
      if (r() < 0.2) {
        events.push({ household_id: id, kind: '纳入监测', event_date: day(2021, 2023), monitoring_category: '边缘易致贫户', risks: '["因病"]', actor: 'bench' })
        if (r() < 0.5) events.push({ household_id: id, kind: '风险消除', event_date: day(2024, 2025), elimination_method: '帮扶消除', actor: 'bench' })
      }
    }
    w.insertMany('household_status_events', events)
    const unit = w.insert('assisting_units', { name: '示例县农业农村局（测试）' })
    const helpers = Array.from({ length: Math.ceil(households.length / 30) }, (_, i) => w.insert('helpers', { name: `帮扶人${i}`, unit_id: unit }))
    w.insertMany('pairings', households.filter((_, i) => i % 10 === 0).map((id, i) => ({ helper_id: helpers[i % helpers.length]!, household_id: id, start_date: '2022-01-01' })))
    w.insertMany('visits', households.filter((_, i) => i % 5 === 0).map((id) => ({ household_id: id, visit_date: day(2025, 2025).replace(/^2025-(0[7-9]|1[0-2])/, '2025-06'), visitor: '帮扶人' })))
  })
  const provinces = ['浙江省杭州市', '广东省深圳市', '江苏省苏州市', '福建省厦门市']
  const setWork = ledger.sqlite.prepare('UPDATE members SET work_status = ?, extra_json = ? WHERE id = ?')
  ledger.sqlite.transaction(() => {
    for (const id of members) if (r() < 0.33) setWork.run('省外务工', JSON.stringify({ 务工所在地: provinces[Math.floor(r() * 4)], 就业渠道: '自主务工', 务工月收入: '4500' }), id)
  })()
}

async function main(): Promise<void> {
  // BENCH_DB=FILE keeps the generated ledger there and reuses it on the next run (for profiling).
  const kept = process.env.BENCH_DB
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-stats-'))
  try {
    const reuse = kept !== undefined && fs.existsSync(kept)
    const ledger = openLedger(kept ?? path.join(dir, 'ledger.sqlite'))
    const t0 = performance.now()
    if (!reuse) build(ledger)
    const households = ledger.sqlite.prepare('SELECT count(*) FROM households').pluck().get() as number
    const memberCount = ledger.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number
    console.log(`ledger: ${households} households, ${memberCount} members (${reuse ? 'reused' : `built in ${((performance.now() - t0) / 1000).toFixed(1)} s`})`)
    const kinds: [string, () => unknown][] = [
      ['stats.households (types, status, incidence, gaps, income)', () => householdsOverview(ledger, AS_OF)],
      ['stats.monitoring (category, risk, months, days)', () => monitoringStats(ledger, AS_OF)],
      ['stats.work (province, channel, income)', () => workStats(ledger, AS_OF)],
      ['stats.projects (sources, status, villages, 滞后)', () => projectsStats(ledger, AS_OF, '2024')],
      ['stats.helpers (per helper, 30/90-day coverage)', () => helpersStats(ledger, AS_OF)],
      ['stats.villages (村级统计)', () => villageStats(ledger, AS_OF)],
      ['list behind a figure (未消除风险, page 1)', () => listHouseholds(ledger, { stats: { asOf: AS_OF, figure: 'open' }, page: 1, pageSize: 50 })],
    ]
    let worst = 0
    for (const [label, run] of kinds) {
      await run() // warm the statement cache
      const times: number[] = []
      const cpu: number[] = []
      for (let i = 0; i < RUNS; i++) {
        // Cold: the snapshot the dashboard's queries share is built afresh every time.
        clearSnapshotCache(ledger)
        const t = performance.now()
        const c = process.cpuUsage()
        await run()
        const used = process.cpuUsage(c)
        times.push(performance.now() - t)
        cpu.push((used.user + used.system) / 1000)
      }
      times.sort((a, b) => a - b)
      cpu.sort((a, b) => a - b)
      const p95 = percentile(times, 95)
      worst = Math.max(worst, p95)
      // CPU time as well: on a shared machine the wall time mostly measures waiting for a core.
      console.log(
        `${label.padEnd(58)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   cpu p95 ${percentile(cpu, 95).toFixed(1).padStart(7)} ms`,
      )
    }
    // Warm: the dashboard's six queries of one date in a row, as the page asks them.
    const page: number[] = []
    for (let i = 0; i < RUNS; i++) {
      clearSnapshotCache(ledger)
      const t = performance.now()
      for (const [, run] of kinds.slice(0, 6)) await run()
      page.push(performance.now() - t)
    }
    page.sort((a, b) => a - b)
    console.log(`${'whole dashboard (six queries, one snapshot)'.padEnd(58)} p50 ${percentile(page, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(page, 95).toFixed(1).padStart(6)} ms`)
    await ledger.close()
    console.log(`stats p95 ms: ${worst.toFixed(1)}`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
