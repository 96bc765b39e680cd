import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportProjectsCommand, importProjectsCommand, type CliOutput } from '../../../../electron/cli/project-command'
import { openLedger, type Ledger } from '../../../../electron/core/db/open'
import { writeProjectWorkbook } from '../../../fixtures/project-workbook'
import { tempDir } from '../../../helpers/temp'

const root = path.resolve(__dirname, '../../../..')
const ledgers: Ledger[] = []
afterEach(async () => {
  for (const l of ledgers.splice(0)) await l.close()
})

function capture(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = []
  const errors: string[] = []
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) }
}

function ledgerIn(dir: string): Ledger {
  const l = openLedger(path.join(dir, 'ledger.sqlite'))
  ledgers.push(l)
  l.write.run({ actor: 'test' }, (w) => {
    w.insert('villages', { township: '某某镇', name: '红旗村' })
    w.insert('villages', { township: '某某镇', name: '青山村' })
  })
  return l
}

const count = (l: Ledger, table: string) => l.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('npm run cli -- import-projects / export-projects', () => {
  it('exit 0 with the JSON contract for a dry run and a real import; 1 when blocked (nothing written); 2 when not a project list', async () => {
    const dir = tempDir()
    const ledger = ledgerIn(dir)
    const good = path.join(dir, '项目库.xlsx')
    await writeProjectWorkbook(good)

    const dry = capture()
    expect(await importProjectsCommand(ledger, good, { dryRun: true, json: true }, dry)).toBe(0)
    expect(JSON.parse(dry.lines.join(''))).toEqual({
      projects: { new: 3, changed: 0, unchanged: 0, missing: 0 },
      issues: [
        {
          sheet: '2024年项目库',
          row: 7,
          column: '实施地点',
          severity: 'warning',
          code: 'unknown_village',
          message: '第7行的实施地点「白云村」在台账的行政村中找不到，已按文字保存，未关联到行政村。如是本乡镇的村，请核对村名。',
        },
      ],
    })
    expect(count(ledger, 'projects')).toBe(0)

    // As in the UI, a write is followed by a check run over the whole ledger.
    const runs = count(ledger, 'check_runs')
    const real = capture()
    expect(await importProjectsCommand(ledger, good, { dryRun: false, json: true }, real)).toBe(0)
    expect(JSON.parse(real.lines.join(''))).toMatchObject({ projects: { new: 3 }, checks: { open: expect.any(Number), new: expect.any(Number) } })
    expect(count(ledger, 'check_runs')).toBe(runs + 1)
    expect(count(ledger, 'projects')).toBe(3)
    expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.endsWith('-pre-import.sqlite'))).toBe(true)

    const again = capture()
    expect(await importProjectsCommand(ledger, good, { dryRun: false, json: false }, again)).toBe(0)
    expect(again.lines.at(-2)).toBe('已导入。项目：新增 0，变更 0，未变 3，表中没有 0。')
    expect(again.lines.at(-1)).toMatch(/^导入后已核查疑点：未处理 \d+ 条，其中本次新增 \d+ 条。$/)
    // --no-checks: no run, no checks in the output.
    const quiet = capture()
    expect(await importProjectsCommand(ledger, good, { dryRun: false, json: true, noChecks: true }, quiet)).toBe(0)
    expect(JSON.parse(quiet.lines.join(''))).not.toHaveProperty('checks')
    expect(count(ledger, 'check_runs')).toBe(runs + 2) // the real import and the one again, not this one

    const bad = path.join(dir, '项目库-有错误.xlsx')
    await writeProjectWorkbook(bad, { errors: true })
    const blocked = capture()
    expect(await importProjectsCommand(ledger, bad, { dryRun: false, json: true }, blocked)).toBe(1)
    const report = JSON.parse(blocked.lines.join('')) as { projects: unknown; issues: { row: number; code: string; severity: string }[] }
    expect(report.projects).toEqual({ new: 1, changed: 0, unchanged: 3, missing: 0 })
    expect(report.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [7, 'unknown_village', 'warning'],
      [8, 'bad_money', 'error'],
      [9, 'missing_name', 'error'],
    ])
    expect(count(ledger, 'projects')).toBe(3)
    expect(count(ledger, 'import_batches')).toBe(3) // the real import, the one again and the --no-checks one

    const text = path.join(dir, 'notes.csv')
    fs.writeFileSync(text, '姓名,证件号码\n张三,1\n')
    const unreadable = capture()
    expect(await importProjectsCommand(ledger, text, { dryRun: true, json: true }, unreadable)).toBe(2)
    expect(JSON.parse(unreadable.lines.join(''))).toMatchObject({ error: { code: 'not_project_list' } })
    expect(await importProjectsCommand(ledger, path.join(dir, 'missing.xlsx'), { dryRun: true, json: false }, capture())).toBe(2)

    const out = path.join(dir, '导出.xlsx')
    const exported = capture()
    expect(await exportProjectsCommand(ledger, out, { sourceLayout: true }, exported)).toBe(0)
    expect(exported.lines).toEqual([`已导出 3 个项目到 ${out}`])
    expect(fs.existsSync(out)).toBe(true)
  })

  it('runs as a command: node electron/cli/main.ts import-projects … --dry-run --json', async () => {
    const dir = tempDir()
    const file = path.join(dir, '项目库.xlsx')
    await writeProjectWorkbook(file)
    const db = path.join(dir, 'cli.sqlite')
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), 'import-projects', file, '--db', db, '--dry-run', '--json'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ projects: { new: 3, changed: 0, unchanged: 0, missing: 0 } })
  }, 60_000)
})
