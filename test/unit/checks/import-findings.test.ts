/**
 * Errors come in as findings: a roster with planted defects imported with 「全部导入，错误记为疑点」
 * (keepIssues) writes every identifiable row, and each error is then an open finding of the check
 * that reports the same defect; rows with neither 证件号码 nor 户编号 are reported and left out; the
 * default still blocks; the preview's would-add counts equal the findings the import run found new.
 */
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { ChecksOverview, ImportCheckRun } from '../../../shared/api/checks'
import type { RosterCommitResult, RosterPreview } from '../../../shared/api/households-import'
import type { NationalCommitResult, NationalPreview } from '../../../shared/api/national'
import { idCheckChar } from '../../../shared/domain/id-number'
import { importCommand } from '../../../electron/cli/import-command'
import { IMPORT_ISSUE_RULES } from '../../../electron/core/checks'
import { openLedger } from '../../../electron/core/db/open'
import { generateCounty, writeLayout } from '../../fixtures/county-layouts'
import { workSpellSheet, writeNationalSheet, type LedgerPerson } from '../../fixtures/national-exports'
import { LEGACY_HEADERS, legacyRosterRows, writeRosterWorkbook, type RosterRow } from '../../fixtures/roster-workbook'
import { importHarness } from '../../helpers/import'
import { tempDir } from '../../helpers/temp'

const { setup } = importHarness()
const col = (name: (typeof LEGACY_HEADERS)[number]) => LEGACY_HEADERS.indexOf(name)
const FIRST_DATA_ROW = 4 // two title rows, then the header

/** A generated roster with one of each defect the importer calls an error, on distinct households. */
function plantedRows(): { rows: RosterRow[]; planted: Record<string, number> } {
  const rows = legacyRosterRows(12, 7)
  const byHousehold = new Map<string, number[]>()
  rows.forEach((r, i) => byHousehold.set(String(r[col('户编号')]), [...(byHousehold.get(String(r[col('户编号')])) ?? []), i]))
  const families = [...byHousehold.values()].filter((ix) => ix.length >= 3)
  const planted: Record<string, number> = {}
  const member = (k: number, j: number) => families[k]![j]!
  // A wrong check character.
  const a = member(0, 1)
  const id = String(rows[a]![col('证件号码')])
  rows[a]![col('证件号码')] = id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
  planted.bad_check_char = a
  // A birth date that does not exist (month 13), with a right check character.
  const b = member(1, 1)
  const first17 = `${String(rows[b]![col('证件号码')]).slice(0, 10)}13${String(rows[b]![col('证件号码')]).slice(12, 17)}`
  rows[b]![col('证件号码')] = first17 + idCheckChar(first17)
  planted.bad_id_birth_date = b
  // The same ID number in two households.
  const c = member(2, 2)
  rows[c]![col('证件号码')] = rows[member(3, 2)]![col('证件号码')]!
  planted.duplicate_id = c
  // No 姓名.
  const d = member(4, 1)
  rows[d]![col('姓名')] = null
  planted.missing_name = d
  // Two 户主.
  const e = member(5, 2)
  rows[e]![col('与户主关系')] = '户主'
  planted.two_heads = e
  // No 户主 (the head called 其他).
  const f = member(6, 0)
  rows[f]![col('与户主关系')] = '其他'
  planted.no_head = f
  // Excel's scientific notation.
  const g = member(7, 1)
  rows[g]![col('证件号码')] = '5.22729E+17'
  planted.scientific_notation = g
  return { rows, planted }
}

type FindingRow = { rule: string; household_no: string | null; person: string | null; id_number: string | null }

describe('importing with the errors kept as 疑点', () => {
  it('blocks by default; keeps every error as an open finding of its rule; the preview foretold the findings', async () => {
    const { job, call, file, sql } = setup()
    const xlsx = path.join(tempDir(), '花名册-有错误.xlsx')
    const { rows, planted } = plantedRows()
    await writeRosterWorkbook(xlsx, rows)

    // The default is as before: an error blocks the whole file.
    await expect(job('households.importCommit', { fileId: file(xlsx) })).rejects.toMatchObject({ code: 'blocked' })
    expect(sql('SELECT id FROM households')).toHaveLength(0)

    await call('checks.run', {})
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    expect(preview.headerRow).toBe(FIRST_DATA_ROW - 1)
    const errors = preview.issues.filter((i) => i.severity === 'error')
    for (const code of Object.keys(planted)) expect(errors.map((i) => i.code), code).toContain(code)
    expect(preview.keepIssues.kept).toBe(errors.length)
    expect(preview.keepIssues.leftOut).toEqual([])
    expect(preview.wouldAdd?.total).toBeGreaterThan(0)

    const result = await job<RosterCommitResult & { checks: ImportCheckRun }>('households.importCommit', { fileId: file(xlsx), keepIssues: true })
    expect(result.keptIssues).toBe(errors.length)
    expect(result.members.new).toBe(rows.length)
    expect(result.checks.runId).not.toBeNull()

    // Every error the importer reported is an open finding of its rule, on that row's person or household.
    const findings = sql<FindingRow>('SELECT rule, household_no, person, id_number FROM check_findings')
    for (const issue of errors) {
      const rule = IMPORT_ISSUE_RULES[issue.code]
      expect(rule, `no rule for ${issue.code}`).toBeDefined()
      const row = rows[issue.row - FIRST_DATA_ROW]!
      const householdNo = String(row[col('户编号')])
      // A finding is keyed by the person's ID number: the two holders of one number share the one finding.
      const hit = findings.find((f) => f.rule === rule && (rule === 'identity.duplicate-id'
        ? f.id_number === row[col('证件号码')]
        : f.household_no === householdNo && (rule!.startsWith('household.') || f.person === (row[col('姓名')] ?? ''))))
      expect(hit, `${issue.code} (row ${issue.row}) as ${rule}`).toBeDefined()
    }
    // Stored as the file had it, not corrected.
    const sci = rows[planted.scientific_notation!]!
    expect(sql('SELECT id_number FROM members WHERE name = ?', sci[col('姓名')])).toEqual([{ id_number: '5.22729E+17' }])

    // What the preview said the file would add is what the import's run found new.
    const overview = await call('checks.overview', {}) as ChecksOverview
    const fresh = Object.fromEntries(overview.rules.filter((r) => r.new > 0).map((r) => [r.code, r.new]))
    expect(Object.fromEntries(preview.wouldAdd!.rules.map((r) => [r.code, r.count]))).toEqual(fresh)
    expect(preview.wouldAdd!.total).toBe(overview.lastRun!.new)

    // Fixing the value on the household page clears its finding.
    const bad = rows[planted.bad_check_char!]!
    const [m] = sql<{ id: number; household_id: number }>('SELECT id, household_id FROM members WHERE name = ? AND household_id = (SELECT id FROM households WHERE household_no = ?)', bad[col('姓名')], bad[col('户编号')])
    const before = await call('checks.household', { householdId: m!.household_id })
    expect(before.items.map((i) => i.rule)).toContain('identity.check-character')
    const id = String(bad[col('证件号码')])
    await call('households.updateMember', { memberId: m!.id, patch: { id_number: id.slice(0, 17) + idCheckChar(id.slice(0, 17)) } })
    const after = await call('checks.household', { householdId: m!.household_id })
    expect(after.items.map((i) => i.rule)).not.toContain('identity.check-character')
  })

  it('undoing the import checks the ledger again: the findings of the rows it removed are gone', async () => {
    const { job, call, file, sql } = setup()
    const clean = path.join(tempDir(), '花名册-无错误.xlsx')
    await writeRosterWorkbook(clean, legacyRosterRows(6, 3))
    await job('households.importCommit', { fileId: file(clean) })
    const xlsx = path.join(tempDir(), '花名册-有错误.xlsx')
    const { rows } = plantedRows()
    await writeRosterWorkbook(xlsx, rows)
    const imported = await job<RosterCommitResult & { checks: ImportCheckRun }>('households.importCommit', { fileId: file(xlsx), keepIssues: true })
    const planted = ['identity.check-character', 'identity.duplicate-id']
    const rulesNow = () => new Set(sql<{ rule: string }>('SELECT DISTINCT rule FROM check_findings').map((f) => f.rule))
    for (const rule of planted) expect(rulesNow()).toContain(rule)

    const undone = await job<{ reverted: number; checks: ImportCheckRun }>('imports.undo', { batchId: imported.batchId })
    expect(undone.checks.runId).not.toBeNull()
    expect(undone.checks.runId).not.toBe(imported.checks.runId)
    for (const rule of planted) expect(rulesNow()).not.toContain(rule)
    // Every finding left belongs to a household still in the ledger, and the page's count agrees.
    expect(sql('SELECT id FROM check_findings WHERE household_id IS NOT NULL AND household_id NOT IN (SELECT id FROM households WHERE removed_reason IS NULL)')).toEqual([])
    const overview = (await call('checks.overview', {})) as ChecksOverview
    expect(overview.lastRun!.id).toBe(undone.checks.runId)
    expect(overview.lastRun!.open).toBe(undone.checks.open)
  })

  it('reports and leaves out the rows nothing identifies (no 证件号码, no 户编号)', async () => {
    const { job, file, sql } = setup()
    const headers = LEGACY_HEADERS.filter((h) => h !== '户编号' && h !== '人编号')
    const base = legacyRosterRows(3, 11).map((r) => r.filter((_v, i) => LEGACY_HEADERS[i] !== '户编号' && LEGACY_HEADERS[i] !== '人编号'))
    const at = (h: string) => headers.indexOf(h as never)
    const spouse = base.findIndex((r) => r[at('与户主关系')] !== '户主')
    base[spouse]![at('证件号码')] = null
    const first = base[0]!
    const id = String(first[at('证件号码')])
    first[at('证件号码')] = id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
    const xlsx = path.join(tempDir(), '无户编号.xlsx')
    await writeRosterWorkbook(xlsx, base, { headers })

    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    expect(preview.keepIssues.leftOut).toEqual([expect.objectContaining({ row: FIRST_DATA_ROW + spouse, code: 'unidentified', message: expect.stringContaining('既没有「证件号码」也没有「户编号」') })])
    const result = await job<RosterCommitResult>('households.importCommit', { fileId: file(xlsx), keepIssues: true })
    expect(result.leftOut?.map((i) => i.row)).toEqual([FIRST_DATA_ROW + spouse])
    expect(result.members.new).toBe(base.length - 1)
    expect(sql('SELECT id FROM members WHERE name = ?', base[spouse]![at('姓名')])).toEqual([])
    expect(sql('SELECT id FROM members WHERE id_number = ?', first[at('证件号码')])).toHaveLength(1)
  })

  it('CLI import --keep-issues exits 0 and says how many errors became findings; without it exits 1', async () => {
    const xlsx = path.join(tempDir(), '花名册.xlsx')
    await writeRosterWorkbook(xlsx, plantedRows().rows)
    const run = async (keepIssues: boolean) => {
      const ledger = openLedger(path.join(tempDir(), 'ledger.sqlite'))
      const lines: string[] = []
      const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
      try {
        const code = await importCommand(ledger, xlsx, { dryRun: false, json: true, keepIssues })
        const findings = ledger.sqlite.prepare('SELECT count(*) FROM check_findings').pluck().get() as number
        return { code, out: JSON.parse(lines.join('')) as Record<string, unknown>, findings }
      } finally {
        log.mockRestore()
        await ledger.close()
      }
    }
    const blocked = await run(false)
    expect(blocked.code).toBe(1)
    expect(blocked.findings).toBe(0)
    const kept = await run(true)
    expect(kept.code).toBe(0)
    expect(kept.out).toMatchObject({ keptAsFindings: expect.any(Number), leftOut: [], checks: { open: expect.any(Number) } })
    expect(kept.out.keptAsFindings).toBe((kept.out.issues as { severity: string }[]).filter((i) => i.severity === 'error').length)
    expect(kept.findings).toBeGreaterThan(0)
  })

  it('CLI import of a clean file checks the ledger too, unless --no-checks', async () => {
    const xlsx = path.join(tempDir(), '花名册-无错误.xlsx')
    await writeRosterWorkbook(xlsx, legacyRosterRows(8, 5))
    const run = async (noChecks: boolean) => {
      const ledger = openLedger(path.join(tempDir(), 'ledger.sqlite'))
      const lines: string[] = []
      const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
      try {
        const code = await importCommand(ledger, xlsx, { dryRun: false, json: true, noChecks })
        const runs = ledger.sqlite.prepare('SELECT count(*) FROM check_runs').pluck().get() as number
        return { code, out: JSON.parse(lines.join('')) as Record<string, unknown>, runs }
      } finally {
        log.mockRestore()
        await ledger.close()
      }
    }
    const checked = await run(false)
    expect(checked.code).toBe(0)
    expect(checked.runs).toBe(1)
    expect(checked.out).toMatchObject({ checks: { open: expect.any(Number), new: expect.any(Number) } })
    const quiet = await run(true)
    expect(quiet.code).toBe(0)
    expect(quiet.runs).toBe(0)
    expect(quiet.out).not.toHaveProperty('checks')
  })
})

describe('a national export with errors, kept', () => {
  it('blocks by default; with keepIssues writes the row as the file has it and runs the checks', async () => {
    const { job, file, sql } = setup()
    const dir = tempDir()
    const county = generateCounty(3, { legacy: 6 })
    const roster = path.join(dir, 'roster.xlsx')
    await writeLayout(roster, 'legacy', county.legacy)
    await job('households.importCommit', { fileId: file(roster) })
    const people = sql<LedgerPerson>(
      `SELECT v.county, v.township, v.name AS village, h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type
       FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id ORDER BY m.id`,
    )
    const sheet = workSpellSheet(people, 3, 0)
    const start = sheet.headers.indexOf('开始时间')
    sheet.rows[0]![start] = '2023年13月'
    const p = path.join(dir, 'spells.xlsx')
    await writeNationalSheet(p, '已外出务工信息', sheet)

    const preview = await job<NationalPreview>('national.importPreview', { fileId: file(p) })
    expect(preview.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'bad_month', column: '开始时间' }))
    expect(preview.wouldAdd).toBeDefined()
    await expect(job('national.importCommit', { fileId: file(p) })).rejects.toMatchObject({ code: 'blocked' })
    expect(sql('SELECT id FROM work_spells')).toHaveLength(0)

    const done = await job<NationalCommitResult & { checks: ImportCheckRun }>('national.importCommit', { fileId: file(p), keepIssues: true })
    expect(done.counts.new).toBe(sheet.rows.length)
    expect(done.checks.runId).not.toBeNull()
    const cells = sql<{ cells_json: string }>('SELECT cells_json FROM work_spells').map((r) => JSON.parse(r.cells_json) as Record<string, string>)
    expect(cells.some((c) => c['开始时间'] === '2023年13月')).toBe(true)
  })
})
