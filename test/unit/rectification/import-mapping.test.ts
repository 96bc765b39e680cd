import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import type { ProblemImportPreview, ProblemImportResult } from '../../../shared/api/rectification'
import { COUNTY_HEADER, COUNTY_ROWS, writeProblemWorkbook } from '../../fixtures/problem-workbook'
import { jobEnd, opCaller, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

function setup() {
  const { core, events } = testCore()
  cores.push(core)
  const { call } = opCaller(core)
  core.ledger.write.run({ actor: 'test' }, (w) => {
    w.insert('villages', { county: '示例县', township: '示例镇', name: '示例一村', is_demo: 0 })
  })
  const job = async <T>(jobId: string): Promise<T> => {
    const end = await jobEnd(events, jobId)
    if (end.type === 'job.failed') throw new Error(end.error.message)
    return (end as { result: T }).result
  }
  const preview = async (file: string, mapping?: Record<string, string | null>) =>
    job<ProblemImportPreview>((await call('rectification.importPreview', { fileId: core.files.register(file).id, mapping })).jobId)
  const commit = async (file: string, mapping?: Record<string, string | null>) =>
    job<ProblemImportResult>((await call('rectification.importCommit', { fileId: core.files.register(file).id, mapping })).jobId)
  return { core, call, preview, commit }
}

describe('problem list import: 表中没有', () => {
  it('counts and lists the ledger problems of a batch or source the file lists that the file lacks, and leaves them alone', async () => {
    const { core, call, preview, commit } = setup()
    // Same 文号 as the file's first row, not in the file: missing.
    await call('rectification.create', { source: '县巡视', batchNo: '县巡反〔2026〕3号', foundDate: '2026-03-02', description: '帮扶手册填写不全', scope: 'township' })
    // No 文号, a source the file has for a row without one (自查): missing.
    await call('rectification.create', { source: '自查', foundDate: '2026-02-01', description: '村务公开不及时', scope: 'township' })
    // Another batch of the county's: the file says nothing about it.
    await call('rectification.create', { source: '县巡视', batchNo: '县巡反〔2025〕9号', foundDate: '2025-11-02', description: '项目公示缺失', scope: 'township' })
    const file = path.join(tempDir(), '清单.xlsx')
    await writeProblemWorkbook(file)
    const p = await preview(file)
    expect(p.problems).toEqual({ new: 3, changed: 0, unchanged: 0, missing: 2 })
    expect(p.missingProblems.map((m) => [m.source, m.batchNo, m.description, m.status])).toEqual([
      ['自查', null, '村务公开不及时', '未整改'],
      ['县巡视', '县巡反〔2026〕3号', '帮扶手册填写不全', '未整改'],
    ])
    const r = await commit(file)
    expect(r.problems.missing).toBe(2)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_problems').pluck().get()).toBe(6)
    // Imported, the file's own problems match; the two it lacks are still 表中没有.
    expect((await preview(file)).problems).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 2 })
  })
})

describe('problem list import: 列对应', () => {
  it('reports a source column it cannot name, reads the file with the clerk’s mapping, and remembers it for the same header', async () => {
    const { core, preview, commit } = setup()
    const header = [...COUNTY_HEADER]
    header[2] = '线索渠道'
    const file = path.join(tempDir(), '清单-线索渠道.xlsx')
    await writeProblemWorkbook(file, COUNTY_ROWS, header)
    const first = await preview(file)
    expect(first.rememberedMapping).toBe(false)
    expect(first.issues.filter((i) => i.severity === 'error')).toMatchObject([{ row: 3, code: 'missing_column', column: '问题来源', message: expect.stringContaining('列对应') }])
    const col = first.columns.find((c) => c.header === '线索渠道')!
    expect(col.field).toBeNull()
    const mapping = { ...Object.fromEntries(first.columns.map((c) => [String(c.index), c.field])), [String(col.index)]: 'source', '13': null }
    const mapped = await preview(file, mapping)
    expect(mapped).toMatchObject({ errorCount: 0, problems: { new: 3 } })
    expect(mapped.columns.find((c) => c.index === col.index)).toMatchObject({ field: 'source', label: '问题来源' })
    // 整改情况 (column N) not imported: no progress note is written.
    expect(mapped.columns.find((c) => c.index === 13)?.field).toBeNull()
    // A preview does not remember; the commit does.
    expect((await preview(file)).errorCount).toBe(1)
    await commit(file, mapping)
    expect(core.ledger.sqlite.prepare("SELECT COUNT(*) FROM import_mappings WHERE kind = 'rectification'").pluck().get()).toBe(1)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_progress').pluck().get()).toBe(0)
    const again = await preview(file)
    expect(again).toMatchObject({ rememberedMapping: true, errorCount: 0, problems: { new: 0, unchanged: 3 } })
    // A file with another header is read by the dictionary.
    const other = path.join(tempDir(), '清单.xlsx')
    await writeProblemWorkbook(other)
    expect((await preview(other)).rememberedMapping).toBe(false)
  })
})
