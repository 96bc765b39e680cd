/**
 * A roster's household columns stored once per household (household-columns.ts, member-cells.ts):
 * which columns are the household's, and that every reader — the source-layout export, a re-import's
 * comparison, the checks, the statistics — reads a member's row exactly as it reads it with every
 * cell on the member (as ledgers imported before hold them).
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { RosterPreview } from '../../../../shared/api/households-import'
import { cellToText } from '../../../../shared/import/cells'
import { KeptCells, KeptKeys } from '../../../../shared/import/kept-cells'
import { runLedgerChecks } from '../../../../electron/core/checks'
import type { Ledger } from '../../../../electron/core/db/open'
import { exportRoster } from '../../../../electron/core/households/export'
import { householdColumns, MIN_EVIDENCE } from '../../../../electron/core/households/import/household-columns'
import type { ParsedHousehold } from '../../../../electron/core/households/import/types'
import { clearSnapshotCache, householdSnapshot } from '../../../../electron/core/stats/snapshot'
import { generateCounty, layoutRows, NATIONAL_HEADERS } from '../../../fixtures/county-layouts'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'

const { setup } = importHarness()

/** Households of `cells` rows (one Record per member), all on one sheet's key list. */
function parsed(keys: KeptKeys, households: Record<string, string>[][]): ParsedHousehold[] {
  return households.map((rows, h) => ({
    firstRow: h + 2, county: '', township: '', village: '', group: null, values: {}, blocked: false,
    members: rows.map((cells, r) => {
      const at = keys.list.map((_, i) => i).filter((i) => cells[keys.list[i]!] !== undefined)
      const kept = new KeptCells(keys, at.map((i) => String.fromCharCode(i)).join(''), at.map((i) => cells[keys.list[i]!]!))
      return { excelRow: h * 10 + r, values: {}, kept, extra: kept.toRecord() }
    }),
  }))
}

const KEYS = new KeptKeys(['家庭人口数', '享受低保政策情况', '务工所在省', '备注', '户联系电话'])
const household = (n: number, cells: (member: number, house: number) => Record<string, string>) =>
  Array.from({ length: n }, (_, h) => Array.from({ length: 1 + (h % 3) + 1 }, (_, m) => cells(m, h)))
const marked = (keys: KeptKeys, mask: Uint8Array | undefined) => keys.list.filter((_, i) => mask?.[i] === 1)

describe('which columns are the household’s', () => {
  it('a column the same on every member of every household; not one blank or different on one member, nor a work column', () => {
    const rows = household(MIN_EVIDENCE + 5, (m, h) => ({
      家庭人口数: String(2 + (h % 3)),
      享受低保政策情况: h === 7 && m === 1 ? '农村低保' : '未享受',
      务工所在省: '广东省',
      ...(h === 3 && m === 1 ? {} : { 户联系电话: `1390000${String(h).padStart(4, '0')}` }),
      ...(m === 0 ? { 备注: '户主' } : {}),
    }))
    const found = householdColumns(parsed(KEYS, rows))
    expect(marked(KEYS, found?.household)).toEqual(['家庭人口数'])
    expect(marked(KEYS, found?.member)).toEqual(['享受低保政策情况', '务工所在省', '备注', '户联系电话'])
  })

  it('致贫/返贫风险1–5 as one: a rare one goes with the rest; one differing within a household keeps them all on the members', () => {
    const keys = new KeptKeys(['致贫/返贫风险1', '致贫/返贫风险2', '户类型备注'])
    const rows = (differ: boolean) =>
      household(MIN_EVIDENCE + 2, (m, h) => ({
        '致贫/返贫风险1': '因病',
        ...(h === 4 ? { '致贫/返贫风险2': differ && m === 1 ? '因学' : '因残' } : {}),
        户类型备注: '无',
      }))
    expect(marked(keys, householdColumns(parsed(keys, rows(false)))?.household)).toEqual(['致贫/返贫风险1', '致贫/返贫风险2', '户类型备注'])
    expect(marked(keys, householdColumns(parsed(keys, rows(true)))?.household)).toEqual(['户类型备注'])
  })

  it('none in a file too small to tell, or whose rows do not share one key list', () => {
    const same = (m: number, h: number) => ({ 家庭人口数: String(h) })
    expect(householdColumns(parsed(KEYS, household(MIN_EVIDENCE - 1, same)))).toBeNull()
    expect(householdColumns(parsed(KEYS, household(MIN_EVIDENCE, same)))).not.toBeNull()
    const two = [...parsed(KEYS, household(MIN_EVIDENCE, same)), ...parsed(new KeptKeys([...KEYS.list]), household(1, same))]
    expect(householdColumns(two)).toBeNull()
  })
})

/** Every cell of the source-layout export's data rows, as text. */
async function exportedCells(ledger: Ledger, out: string, rows: number): Promise<(string | null)[][]> {
  await exportRoster(ledger, out, { layout: 'source', masked: false })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(out)
  const sheet = wb.worksheets[0]!
  expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...NATIONAL_HEADERS])
  expect(sheet.getRow(4 + rows).values).toEqual([])
  return Array.from({ length: rows }, (_, r) =>
    NATIONAL_HEADERS.map((_, c) => {
      const v = sheet.getRow(4 + r).getCell(c + 1).value as string | number | null
      return v === null || v === undefined ? null : cellToText(v)
    }),
  )
}

const asText = (rows: (string | number | null)[][]) => rows.map((row) => row.map((v) => (v === null ? null : String(v))))

/**
 * The national export as counties get it: 致贫/返贫风险, 风险是否已消除 and 整户无劳动能力兜底保障户 are the
 * household's, on each of its rows (the layout fixture varies some by row).
 */
function nationalRows(county: ReturnType<typeof generateCounty>['national']): (string | null)[][] {
  const rows = asText(layoutRows('national', county))
  const wide = ['致贫/返贫风险1', '致贫/返贫风险2', '风险是否已消除'].map((h) => NATIONAL_HEADERS.indexOf(h))
  const doudi = NATIONAL_HEADERS.indexOf('整户无劳动能力兜底保障户')
  let r = 0
  county.forEach((h, i) => {
    const first = rows[r]!
    for (let k = 0; k < h.members.length; k++, r++) {
      for (const c of wide) rows[r]![c] = first[c]!
      rows[r]![doudi] = i % 5 === 0 ? '是' : '否'
    }
  })
  return rows
}

async function writeNational(file: string, rows: (string | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  ws.addRow(['（自定义）监测对象信息'])
  ws.addRow(['导出时间：2026-11-30 09:12:45'])
  ws.addRow([...NATIONAL_HEADERS])
  for (const row of rows) ws.addRow(row)
  await wb.xlsx.writeFile(file)
}
const sum = (ledger: Ledger, table: string) => ledger.sqlite.prepare(`SELECT coalesce(sum(length(CAST(extra_json AS BLOB))), 0) FROM ${table}`).pluck().get() as number

/** What the checks, the statistics and the export read of the ledger. */
async function readings(ledger: Ledger, out: string, rows: number) {
  clearSnapshotCache(ledger)
  const snapshot = householdSnapshot(ledger, '2026-11-30')
  const { findings } = runLedgerChecks(ledger, '测试', '2026-11-30')
  return {
    cells: await exportedCells(ledger, out, rows),
    stats: JSON.stringify(snapshot.households),
    findings: findings.map((f) => `${f.key} ${f.message}`).sort(),
  }
}

describe('a national roster stored with its household columns once', () => {
  for (const seed of [11, 2027]) {
    it(`seed ${seed}: stored in under half the bytes, read back whole by the export, the checks and the statistics, re-imported unchanged`, async () => {
      const { job, file, core } = setup()
      const ledger = core.ledger
      const dir = tempDir()
      const county = generateCounty(seed, { national: 200 }).national
      const src = path.join(dir, '监测对象信息.xlsx')
      const given = nationalRows(county)
      await writeNational(src, given)
      await job('households.importCommit', { fileId: file(src) })

      const stored = ledger.sqlite.prepare('SELECT extra_json FROM households WHERE extra_json IS NOT NULL').pluck().all() as string[]
      expect(stored.length).toBe(county.length)
      const householdKeys = new Set(stored.flatMap((j) => Object.keys(JSON.parse(j) as object)))
      expect([...householdKeys]).toEqual(expect.arrayContaining(['整户无劳动能力兜底保障户', '是否易地扶贫搬迁户', '低保金']))
      // A work column, and those that differ between a household's members, stay on the members.
      for (const k of ['务工时间（月）', '享受低保政策情况', '家庭成员联系电话', '帮扶责任人姓名']) expect(householdKeys.has(k)).toBe(false)
      const members = ledger.sqlite.prepare('SELECT extra_json FROM members').pluck().all() as (string | null)[]
      for (const j of members) for (const k of Object.keys(JSON.parse(j ?? '{}') as object)) expect(householdKeys.has(k)).toBe(false)

      const split = await readings(ledger, path.join(dir, 'split.xlsx'), given.length)
      expect(split.cells).toEqual(given)
      expect(split.findings.length).toBeGreaterThan(0)
      // The statistics read the household's 整户无劳动能力兜底保障户 cell.
      const { byId } = householdSnapshot(ledger, '2026-11-30')
      const idOf = ledger.sqlite.prepare('SELECT id FROM households WHERE household_no = ?').pluck()
      expect(county.filter((h, i) => i % 5 === 0 && !byId.get(idOf.get(h.household_no) as number)!.doudi)).toEqual([])

      // The same ledger with every cell on its members, as an import before this change wrote it.
      const before = sum(ledger, 'members') + sum(ledger, 'households')
      ledger.sqlite.exec(`
        UPDATE members SET extra_json = (SELECT json_patch(h.extra_json, coalesce(members.extra_json, '{}')) FROM households h WHERE h.id = members.household_id)
         WHERE household_id IN (SELECT id FROM households WHERE extra_json IS NOT NULL);
        UPDATE households SET extra_json = NULL;`)
      expect(before).toBeLessThan(sum(ledger, 'members') * 0.5)
      const whole = await readings(ledger, path.join(dir, 'whole.xlsx'), given.length)
      expect(whole.cells).toEqual(split.cells)
      expect(whole.findings).toEqual(split.findings)
      expect(whole.stats).toEqual(split.stats)

      // Re-imported into the split ledger: nothing changed.
      const again = setup()
      await again.job('households.importCommit', { fileId: again.file(src) })
      const preview = await again.job<RosterPreview>('households.importPreview', { fileId: again.file(src) })
      expect([preview.households, preview.members].map((c) => [c.new, c.changed, c.missing])).toEqual([[0, 0, 0], [0, 0, 0]])
    }, 60_000)
  }

  it('a re-import that changes a household column on one member puts that household’s cells back on its members; the rest stay stored once', async () => {
    const { job, file, core, call } = setup()
    const ledger = core.ledger
    const dir = tempDir()
    const county = generateCounty(5, { national: 40 }).national
    const src = path.join(dir, 'first.xlsx')
    const given = nationalRows(county)
    await writeNational(src, given)
    await job('households.importCommit', { fileId: file(src) })

    // The county's next file: the second member of the first household of three or more is now 搬迁户.
    const target = county.find((h) => h.members.length >= 3)!
    const row = county.slice(0, county.indexOf(target)).reduce((n, h) => n + h.members.length, 0) + 1
    const moved = NATIONAL_HEADERS.indexOf('是否易地扶贫搬迁户')
    given[row]![moved] = '是'
    const next = path.join(dir, 'next.xlsx')
    await writeNational(next, given)

    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(next) })
    expect([preview.households.changed, preview.members.changed, preview.members.new]).toEqual([1, 1, 0])
    await job('households.importCommit', { fileId: file(next) })
    const id = ledger.sqlite.prepare('SELECT id FROM households WHERE household_no = ?').pluck().get(target.household_no) as number
    expect(ledger.sqlite.prepare('SELECT count(*) FROM households WHERE extra_json IS NULL').pluck().get()).toBe(1)
    expect(ledger.sqlite.prepare('SELECT extra_json FROM households WHERE id = ?').pluck().get(id)).toBeNull()
    const cells = ledger.sqlite.prepare("SELECT json_extract(extra_json, '$.是否易地扶贫搬迁户'), json_extract(extra_json, '$.低保金') FROM members WHERE household_id = ? ORDER BY sort_order").raw().all(id)
    expect(cells).toEqual(target.members.map((_, i) => [i === 1 ? '是' : '否', given[row]![NATIONAL_HEADERS.indexOf('低保金')]]))
    expect(await exportedCells(ledger, path.join(dir, 'back.xlsx'), given.length)).toEqual(given)

    // The file given back re-imports unchanged.
    const again = await job<RosterPreview>('households.importPreview', { fileId: file(next) })
    expect([again.households.changed, again.members.changed]).toEqual([0, 0])

    // A member added in the ledger to a household stored once shows the household's columns on its row.
    const other = county.find((h) => h !== target && h.members.length >= 2)!
    const otherId = ledger.sqlite.prepare('SELECT id FROM households WHERE household_no = ?').pluck().get(other.household_no) as number
    await call('households.addMember', { householdId: otherId, values: { name: '新生儿', relation: '之子', sex: '男' } })
    const out = path.join(dir, 'with-new.xlsx')
    const back = await exportedCells(ledger, out, given.length + 1)
    const added = back.find((r) => r[NATIONAL_HEADERS.indexOf('姓名')] === '新生儿')!
    const head = back.find((r) => r[NATIONAL_HEADERS.indexOf('户编号')] === other.household_no)!
    expect(added[moved]).toBe('否')
    expect(added[NATIONAL_HEADERS.indexOf('低保金')]).toBe(head[NATIONAL_HEADERS.indexOf('低保金')])
    expect(added[NATIONAL_HEADERS.indexOf('家庭成员联系电话')]).toBeNull()
  }, 60_000)
})
