/**
 * `npm run bench:search`: list and search latency on a generated ledger of
 * about 100 000 members (the fictional demo generator at county size).
 * Prints p50/p95 per query kind; the last line is the worst p95.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLedger } from '../electron/core/db/open'
import { loadDemo } from '../electron/core/demo/load'
import { listHouseholds } from '../electron/core/households/queries'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000)
const RUNS = 40

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-search-'))
  try {
    const ledger = openLedger(path.join(dir, 'ledger.sqlite'))
    const t0 = performance.now()
    // The demo averages about 3.4 members a household.
    loadDemo(ledger, Math.round(MEMBERS / 3.4), { actor: 'bench', progress: () => undefined, checkCancelled: () => undefined })
    const members = ledger.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number
    const households = ledger.sqlite.prepare('SELECT count(*) FROM households').pluck().get() as number
    console.log(`ledger: ${households} households, ${members} members (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`)

    const sample = ledger.sqlite.prepare("SELECT name, id_number, name_pinyin FROM members ORDER BY random() LIMIT ?").all(RUNS) as {
      name: string
      id_number: string
      name_pinyin: string
    }[]
    const village = ledger.sqlite.prepare('SELECT id FROM villages LIMIT 1').pluck().get() as number
    const base = { page: 1, pageSize: 50 }
    const kinds: [string, (i: number) => Parameters<typeof listHouseholds>[1]][] = [
      ['first page, no filter', () => base],
      ['name', (i) => ({ ...base, search: sample[i]!.name })],
      ['ID tail (6 digits)', (i) => ({ ...base, search: sample[i]!.id_number.slice(-6) })],
      ['whole ID number', (i) => ({ ...base, search: sample[i]!.id_number })],
      ['pinyin initials', (i) => ({ ...base, search: sample[i]!.name_pinyin.split('|')[2]! })],
      ['filtered list (village + status + type)', (i) => ({ ...base, page: 1 + (i % 5), villageId: village, exitStatus: '已脱贫(享受政策)' as const, householdType: '脱贫户' })],
    ]
    let worst = 0
    for (const [label, input] of kinds) {
      await listHouseholds(ledger, input(0)) // warm the statement cache
      const times: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now()
        await listHouseholds(ledger, input(i))
        times.push(performance.now() - t)
      }
      times.sort((a, b) => a - b)
      const p95 = percentile(times, 95)
      worst = Math.max(worst, p95)
      console.log(`${label.padEnd(42)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`)
    }
    await ledger.close()
    console.log(`search p95 ms: ${worst.toFixed(1)}`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
