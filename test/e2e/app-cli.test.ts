import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { legacyRosterRows, writeRosterWorkbook } from '../fixtures/roster-workbook'

const root = path.resolve(__dirname, '../..')
const cli = path.join(root, 'out/main/cli.js')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cli-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const count = (db: string, table: string) => {
  const d = new Database(db, { readonly: true })
  try {
    return d.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  } finally {
    d.close()
  }
}

describe('npm run cli -- import / export', () => {
  it('dry-run reports without writing, import writes, re-import is unchanged, all with the JSON contract', async () => {
    const file = path.join(dir, 'roster.xlsx')
    const rows = legacyRosterRows(40)
    await writeRosterWorkbook(file, rows)
    const db = path.join(dir, 'a.sqlite')

    const dry = run('import', file, '--db', db, '--dry-run', '--json')
    expect(dry.code).toBe(0)
    const report = JSON.parse(dry.stdout) as Record<string, unknown>
    expect(report).toEqual({
      households: { new: 40, changed: 0, unchanged: 0, missing: 0 },
      members: { new: rows.length, changed: 0, unchanged: 0, missing: 0 },
      issues: [],
    })
    expect(count(db, 'members')).toBe(0)

    const real = run('import', file, '--db', db, '--json')
    expect(real.code).toBe(0)
    expect(JSON.parse(real.stdout)).toMatchObject({ households: { new: 40 }, members: { new: rows.length } })
    expect(count(db, 'members')).toBe(rows.length)
    expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.endsWith('-pre-import.sqlite'))).toBe(true)

    const again = run('import', file, '--db', db, '--json')
    expect(JSON.parse(again.stdout)).toMatchObject({ households: { new: 0, changed: 0, unchanged: 40 }, members: { unchanged: rows.length } })

    const out = path.join(dir, 'export.xlsx')
    const exported = run('export', out, '--db', db)
    expect(exported.code).toBe(0)
    const back = run('import', out, '--db', db, '--json')
    expect(back.code).toBe(0)
    expect(JSON.parse(back.stdout)).toMatchObject({ households: { new: 0, changed: 0, unchanged: 40, missing: 0 }, members: { new: 0, changed: 0, missing: 0 } })
  })

  it('exits 1 with the issues when the file has errors, writing nothing', async () => {
    const file = path.join(dir, 'bad.xlsx')
    const rows = legacyRosterRows(5)
    rows[1]![8] = Number(rows[1]![8]) // 证件号码 typed as a number
    await writeRosterWorkbook(file, rows)
    const db = path.join(dir, 'b.sqlite')
    const r = run('import', file, '--db', db, '--json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as { issues: { sheet: string; row: number; column: string; severity: string; code: string; message: string }[] }
    expect(report.issues).toContainEqual({ sheet: '花名册', row: 5, column: '证件号码', severity: 'error', code: 'id_number_cell', message: expect.stringContaining('第5行「证件号码」') })
    expect(count(db, 'households')).toBe(0)
  })

  it('exits 2 for files that are unreadable or not a roster', () => {
    const html = path.join(dir, 'fake.xls')
    fs.writeFileSync(html, '<html><body><table><tr><td>姓名</td></tr></table></body></html>')
    const notRoster = path.join(dir, 'notes.csv')
    fs.writeFileSync(notRoster, '会议纪要,时间\n安排工作,上午\n')
    for (const f of [html, notRoster, path.join(dir, 'missing.xlsx')]) {
      const r = run('import', f, '--db', path.join(dir, 'c.sqlite'), '--json')
      expect(r.code).toBe(2)
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
    }
  })
})

describe('crash safety of an import', () => {
  it('a process killed at random points of an import leaves the ledger intact: all of it or none of it', async () => {
    const file = path.join(dir, 'big.xlsx')
    const rows = legacyRosterRows(3000)
    await writeRosterWorkbook(file, rows)
    const households = 3000
    // How long a full import takes here, to spread the kills over it (the import alone: no check run after it).
    const timing = path.join(dir, 'timing.sqlite')
    const t0 = Date.now()
    expect(run('import', file, '--db', timing, '--no-checks').code).toBe(0)
    const full = Date.now() - t0

    const outcomes: number[] = []
    for (let i = 0; i < 12; i++) {
      const db = path.join(dir, `crash-${i}.sqlite`)
      const child = spawn(process.execPath, [cli, 'import', file, '--db', db, '--no-checks'], { stdio: 'ignore' })
      // Listen before killing: an import that finished first has already exited.
      const exited = new Promise((r) => child.on('exit', r))
      const delay = Math.round(full * (0.3 + 0.7 * Math.random()))
      await new Promise((r) => setTimeout(r, delay))
      child.kill('SIGKILL')
      await exited
      if (!fs.existsSync(db)) continue // killed before the file was created
      const d = new Database(db)
      expect(d.pragma('integrity_check', { simple: true })).toBe('ok')
      const n = d.prepare('SELECT count(*) FROM households').pluck().get() as number
      const m = d.prepare('SELECT count(*) FROM members').pluck().get() as number
      const batches = d.prepare('SELECT count(*) FROM import_batches').pluck().get() as number
      d.close()
      expect([0, households]).toContain(n)
      expect(m).toBe(n === 0 ? 0 : rows.length)
      expect(batches).toBe(n === 0 ? 0 : 1)
      outcomes.push(n)
      // The killed process left its lock behind: the next run takes it over and finishes the job.
      const retry = run('import', file, '--db', db, '--json')
      expect(retry.code).toBe(0)
      expect(count(db, 'households')).toBe(households)
    }
    expect(outcomes.length).toBeGreaterThan(6)
  })
})

describe('a report through a pipe', () => {
  it('`import --dry-run --json` of more than 1 MB arrives whole through a pipe, with its exit code', async () => {
    const file = path.join(dir, 'many-errors.xlsx')
    const rows = legacyRosterRows(1500)
    // Every ID shortened to 15 digits and typed as a number: an error for each person, so the report is long.
    for (const r of rows) r[8] = Number(String(r[8]).slice(0, 15))
    await writeRosterWorkbook(file, rows)
    const db = path.join(dir, 'pipe.sqlite')
    const child = spawn(process.execPath, [cli, 'import', file, '--db', db, '--dry-run', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    const code = await new Promise<number | null>((r) => child.on('close', r))
    const out = Buffer.concat(chunks)
    expect(out.length).toBeGreaterThan(1024 * 1024)
    const report = JSON.parse(out.toString('utf8')) as { members: { new: number }; issues: { severity: string; row: number }[] }
    expect(code).toBe(1)
    expect(report.members.new).toBe(rows.length)
    expect(new Set(report.issues.filter((i) => i.severity === 'error').map((i) => i.row)).size).toBeGreaterThan(rows.length * 0.8)
    // The same report written straight to a file (no pipe buffer in between) is byte for byte what came through the pipe.
    const reference = path.join(dir, 'report.json')
    const fd = fs.openSync(reference, 'w')
    const direct = spawnSync(process.execPath, [cli, 'import', file, '--db', db, '--dry-run', '--json'], { stdio: ['ignore', fd, 'pipe'] })
    fs.closeSync(fd)
    expect(direct.status).toBe(1)
    expect(out.equals(fs.readFileSync(reference))).toBe(true)
  }, 120_000)
})
