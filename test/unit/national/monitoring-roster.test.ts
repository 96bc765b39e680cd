/**
 * The monitoring roster (监测对象信息, ≈180 columns) feeds the monitoring case (issue 15 §1–2): each
 * monitored household gets its case (category, risks, how found, size and income at identification,
 * procedure dates), measures by kind with their items and, when 风险是否已消除 = 是, the elimination;
 * a second import updates the same case, undo takes it away, and the file still round-trips.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { RosterCommitResult, RosterPreview } from '../../../shared/api/households-import'
import { generateCounty, writeLayout } from '../../fixtures/county-layouts'
import { importHarness } from '../../helpers/import'
import { tempDir } from '../../helpers/temp'

const { setup } = importHarness()

describe('the monitoring roster as monitoring cases', () => {
  it('opens one case per monitored household with risks, measures and elimination; re-import changes nothing; undo removes them', async () => {
    const { job, call, file, sql } = setup()
    const county = generateCounty(15, { national: 16 })
    const p = path.join(tempDir(), '监测对象信息.xlsx')
    await writeLayout(p, 'national', county.national)
    const monitored = county.national.filter((h) => h.household_type === '监测户' && h.monitoring_category)
    expect(monitored.length).toBeGreaterThan(0)

    const done = await job<RosterCommitResult>('households.importCommit', { fileId: file(p) })
    expect(done.monitoringCases).toMatchObject({ new: monitored.length })
    const cases = sql<{ household_no: string; category: string; risks: string; found_by: string; report_date: string; elim_county_date: string | null; elimination_method: string | null }>(
      'SELECT h.household_no, c.* FROM monitoring_cases c JOIN households h ON h.id = c.household_id ORDER BY h.household_no',
    )
    expect(cases.map((c) => c.household_no)).toEqual(monitored.map((h) => h.household_no).sort())
    for (const c of cases) {
      const h = monitored.find((x) => x.household_no === c.household_no)!
      expect(c.category).toBe(h.monitoring_category)
      expect(c.found_by).toBe('基层干部排查')
      expect(JSON.parse(c.risks).length).toBeGreaterThan(0)
      expect(c.report_date.slice(0, 7)).toBe(String(h.first_identified).replace(/^(\d{4})-?(\d{2}).*$/, '$1-$2'))
      if (c.elim_county_date) expect(c.elimination_method).toBe('帮扶消除')
    }
    const measures = sql<{ kind: string; items: string }>('SELECT kind, items FROM monitoring_measures ORDER BY id')
    expect(measures.filter((m) => m.kind === '健康帮扶')[0]!.items).toBe(JSON.stringify(['城乡居民基本医疗保险个人缴费补贴', '家庭医生签约服务']))
    expect(measures.filter((m) => m.kind === '产业帮扶').length).toBe(monitored.length)

    // The household page shows the case.
    const hid = sql<{ household_id: number }>('SELECT household_id FROM monitoring_cases LIMIT 1')[0]!.household_id
    const view = await call('monitoring.household', { householdId: hid })
    expect(view.cases[0]!.measures.length).toBeGreaterThan(0)

    const again = await job<RosterPreview>('households.importPreview', { fileId: file(p) })
    expect(again.households).toMatchObject({ new: 0, changed: 0, missing: 0 })
    const second = await job<RosterCommitResult>('households.importCommit', { fileId: file(p) })
    expect(second.monitoringCases).toMatchObject({ new: 0, changed: 0, unchanged: monitored.length })
    expect(sql('SELECT count(*) AS n FROM monitoring_cases')[0]).toEqual({ n: monitored.length })

    const batches = await call('imports.list', { kind: 'roster' })
    for (const b of batches) await job('imports.undo', { batchId: b.id })
    expect(sql('SELECT count(*) AS n FROM monitoring_cases')[0]).toEqual({ n: 0 })
    expect(sql('SELECT count(*) AS n FROM monitoring_measures')[0]).toEqual({ n: 0 })
  })
})

describe('the monitoring roster out again', () => {
  it('gives back its own layout cell by cell, with the clerk\'s corrections of a case written over the cells they concern', async () => {
    const { job, call, file, sql, core } = setup()
    const county = generateCounty(16, { national: 8 })
    const dir = tempDir()
    const p = path.join(dir, '监测对象信息.xlsx')
    await writeLayout(p, 'national', county.national)
    await job('households.importCommit', { fileId: file(p) })
    const text = async (f: string) => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(f)
      const rows: string[][] = []
      wb.worksheets[0]!.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : String(v)))))
      return rows
    }
    const out = async () => core.files.get((await job<{ fileId: string }>('households.export', { layout: 'source', unmasked: true })).fileId).path
    const given = await text(p)
    const untouched = await text(await out())
    const header = given[2]!
    const col = (h: string) => header.indexOf(h)
    // Only the monitoring columns are compared here (the roster's own round trip is tested in households/import).
    const monitoringCols = ['致贫/返贫风险1', '监测对象识别方式', '产业帮扶', '健康帮扶', '风险消除方式', '风险是否已消除'].map(col)
    const dataRows = (rows: string[][]) => rows.filter((r) => r && /^\d/.test(r[col('证件号码')] ?? ''))
    const pick = (rows: string[][]) => dataRows(rows).map((r) => `${r[col('证件号码')]}:${monitoringCols.map((c) => r[c] ?? '').join('|')}`).sort()
    expect(pick(untouched)).toEqual(pick(given))

    // The clerk adds a 就业帮扶 measure to one case: the export's 就业帮扶 cells of that household say so.
    const c = sql<{ id: number; household_id: number; household_no: string }>('SELECT c.id, c.household_id, h.household_no FROM monitoring_cases c JOIN households h ON h.id = c.household_id WHERE c.elim_county_date IS NULL ORDER BY c.id LIMIT 1')[0]!
    await call('monitoring.addMeasure', { caseId: c.id, kind: '就业帮扶', items: ['技能培训'], date: '2026-10-08', responsible: '帮扶干部甲' })
    const corrected = await text(await out())
    const rowsOf = dataRows(corrected).filter((r) => r[col('户编号')] === c.household_no)
    expect(rowsOf.length).toBeGreaterThan(0)
    for (const r of rowsOf) expect(r[col('就业帮扶')]).toBe('技能培训')
    const others = (rows: string[][]) => pick(dataRows(rows).filter((r) => r[col('户编号')] !== c.household_no))
    expect(others(corrected)).toEqual(others(given))
  })
})
