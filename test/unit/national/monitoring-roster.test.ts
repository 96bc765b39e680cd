/**
 * The monitoring roster (监测对象信息, ≈180 columns) feeds the monitoring case (issue 15 §1–2): each
 * monitored household gets its case (category, risks, how found, size and income at identification,
 * procedure dates), measures by kind with their items and, when 风险是否已消除 = 是, the elimination;
 * a second import updates the same case, undo takes it away, and the file still round-trips.
 */
import path from 'node:path'
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
