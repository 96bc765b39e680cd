import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { permissionOf } from '../../../../shared/api/contract'
import type { OpResult } from '../../../../shared/api/contract'
import type { ProjectImportPreview, ProjectImportResult } from '../../../../shared/api/projects-import'
import type { CoreContext } from '../../../../electron/core/context'
import { dispatch } from '../../../../electron/core/dispatch'
import { commitProjectImport } from '../../../../electron/core/projects/import/commit'
import { parseProjectFile } from '../../../../electron/core/projects/import/parse'
import { planProjectImport } from '../../../../electron/core/projects/import/plan'
import { projectRows, writeProjectWorkbook } from '../../../fixtures/project-workbook'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'

const harness = importHarness()
const cores = harness.cores

function setup() {
  const t = harness.setup()
  const count = (table: string) => t.core.ledger.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  // The township's villages, as the roster import would have made them.
  t.core.ledger.write.run({ actor: 'test' }, (w) => {
    w.insert('villages', { county: '某某县', township: '某某镇', name: '红旗村' })
    w.insert('villages', { county: '某某县', township: '某某镇', name: '青山村' })
  })
  return { ...t, count }
}

/** Every project table, without timestamps, to compare ledger states. */
function snapshot(core: CoreContext) {
  const strip = (rows: Record<string, unknown>[]) => rows.map(({ created_at: _c, updated_at: _u, ...rest }) => rest)
  const all = (t: string) => strip(core.ledger.sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Record<string, unknown>[])
  return { projects: all('projects'), budget: all('project_budget_lines'), indicators: all('project_indicators') }
}

const clean = async () => {
  const xlsx = path.join(tempDir(), '2024年项目库.xlsx')
  await writeProjectWorkbook(xlsx)
  return xlsx
}

describe('project list import: preview, commit, re-import, undo', () => {
  it('previews a list with errors: counts, issues with Excel rows and cells, and refuses to commit anything', async () => {
    const { job, file, count } = setup()
    const xlsx = path.join(tempDir(), '项目库-有错误.xlsx')
    await writeProjectWorkbook(xlsx, { errors: true })

    const preview = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(xlsx) })
    expect(preview.headerRow).toBe(4)
    expect(preview.sheet).toBe('2024年项目库')
    expect(preview.rows).toBe(5)
    expect(preview.projects).toEqual({ new: 4, changed: 0, unchanged: 0, missing: 0 })
    expect(preview.columns.map((c) => [c.letter, c.field, c.unit])).toEqual([
      ['A', 'seq', null], ['B', 'project_no', null], ['C', 'name', null], ['D', 'category', null], ['E', 'nature', null], ['F', 'year', null],
      ['G', 'village', null], ['H', 'content', null], ['I', 'planned_start', null], ['J', 'planned_end', null], ['K', 'implementer', null],
      ['L', 'responsible_person', null], ['M', 'fund_total', 'wan'], ['N', 'fund:中央衔接资金', 'wan'], ['O', 'fund:省级衔接资金', 'wan'],
      ['P', 'fund:县级', 'wan'], ['Q', 'fund:帮扶单位资金', 'wan'], ['R', 'fund:群众自筹', 'wan'], ['S', 'declared_households', null],
      ['T', 'declared_poor_households', null], ['U', 'performance', null], ['V', 'farmer_link', null], ['W', null, null],
    ])
    expect(preview.errorCount).toBe(2)
    expect(preview.warningCount).toBe(1)
    expect(preview.issues.map(({ sheet, row, column, severity, code }) => ({ sheet, row, column, severity, code }))).toEqual([
      { sheet: '2024年项目库', row: 8, column: '资金来源（万元）/中央衔接资金', severity: 'error', code: 'bad_money' },
      { sheet: '2024年项目库', row: 9, column: '项目名称', severity: 'error', code: 'missing_name' },
      { sheet: '2024年项目库', row: 7, column: '实施地点', severity: 'warning', code: 'unknown_village' },
    ])
    expect(preview.issues[0]!.message).toBe('单元格 N8（「资金来源（万元）/中央衔接资金」）的「十万」不是有效金额。请改为以万元为单位的数字，如 12.5；没有这项资金请留空。')
    expect(preview.issues[1]!.message).toBe('第9行没有项目名称。请补上项目名称；如这一行不是项目，请删除它。')

    await expect(job('projects.importCommit', { fileId: file(xlsx) })).rejects.toMatchObject({ code: 'blocked' })
    expect(count('projects')).toBe(0)
    expect(count('project_budget_lines')).toBe(0)
    expect(count('import_batches')).toBe(0)
  })

  it('imports exactly: fields, villages, budget lines in 分 from 万元, 绩效目标, unknown columns, the batch', async () => {
    const { job, file, sql } = setup()
    const xlsx = await clean()
    const result = await job<ProjectImportResult>('projects.importCommit', { fileId: file(xlsx) })
    expect(result.projects).toEqual({ new: 3, changed: 0, unchanged: 0, missing: 0 })

    const [hongqi, qingshan] = sql<{ id: number }>('SELECT id FROM villages ORDER BY id')
    const projects = sql<Record<string, unknown>>('SELECT * FROM projects ORDER BY id')
    expect(projects.map(({ id: _id, created_at: _c, updated_at: _u, ...p }) => p)).toEqual([
      {
        project_no: 'XM2024001', name: '红旗村蔬菜大棚建设项目', category: '产业发展', subtype: null, nature: '新建', year: '2024', township: null,
        village_id: hongqi!.id, location: '红旗村', content: '新建蔬菜大棚20座', planned_start: '2024-03-01', planned_end: '2024-10-31',
        implementer: '红旗村股份经济合作社', contractor: null, supervisor: null, responsible_unit: null, responsible_person: '张三', responsible_phone: null, assisting_unit: null,
        farmer_link: '入股分红，优先聘用脱贫户', declared_households: 20, declared_persons: null, declared_poor_households: 15, declared_poor_persons: null,
        settlement_fen: null, acceptance_opinion: null, acceptance_checks: null, rectification: null, handover_note: null,
        extra: JSON.stringify({ 备注: '重点项目' }), source_layout: JSON.stringify({ batchId: result.batchId, row: 5 }), import_batch_id: result.batchId,
      },
      expect.objectContaining({
        project_no: 'XM2024002', name: '青山村道路硬化项目', category: '基础设施', year: '2024', village_id: qingshan!.id, location: '青山村',
        planned_start: '2024-04-01', planned_end: '2024-11-30', declared_households: 120, declared_poor_households: 46, extra: null,
      }),
      expect.objectContaining({ project_no: 'XM2024003', name: '白云村小型水利设施', nature: '改建', village_id: null, location: '白云村' }),
    ])
    const ids = projects.map((p) => p.id)
    expect(sql('SELECT project_id, source, unit_name, amount_fen FROM project_budget_lines ORDER BY id')).toEqual([
      { project_id: ids[0], source: '中央衔接资金', unit_name: null, amount_fen: 100_000 },
      { project_id: ids[0], source: '省级衔接资金', unit_name: null, amount_fen: 200_000 },
      { project_id: ids[1], source: '中央衔接资金', unit_name: null, amount_fen: 10_000_000 },
      { project_id: ids[1], source: '县级', unit_name: null, amount_fen: 2_500_000 },
      { project_id: ids[2], source: '帮扶单位资金', unit_name: null, amount_fen: 3_000_000 },
      { project_id: ids[2], source: '群众自筹', unit_name: null, amount_fen: 2_000_000 },
    ])
    // 0.1 + 0.2 万元 is exactly 0.3 万元 = 3000 元: the 合计 column agreed, so no warning.
    expect(sql('SELECT sum(amount_fen) AS fen FROM project_budget_lines WHERE project_id = ?', ids[0])).toEqual([{ fen: 300_000 }])
    expect(sql('SELECT project_id, level1, level2, indicator FROM project_indicators ORDER BY id')).toEqual([
      { project_id: ids[0], level1: '产出指标', level2: '绩效目标', indicator: '建成大棚20座，带动脱贫户15户户均增收2000元' },
      { project_id: ids[1], level1: '产出指标', level2: '绩效目标', indicator: '硬化道路3公里，受益群众满意度≥95%' },
      { project_id: ids[2], level1: '产出指标', level2: '绩效目标', indicator: '新建蓄水池2座，灌溉农田300亩' },
    ])
    const [batch] = sql<Record<string, string>>('SELECT * FROM import_batches')
    expect(batch).toMatchObject({ id: result.batchId, kind: 'projects', file_name: '2024年项目库.xlsx', sheet: '2024年项目库', actor: '本机用户' })
    expect(batch!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.parse(batch!.counts_json!)).toEqual({ projects: { new: 3, changed: 0, unchanged: 0, missing: 0 } })
    // The detail page reads the imported project like any other.
    const detail = await setupGet(cores[0]!, Number(ids[0]))
    expect(detail.totals.budgetFen).toBe(300_000)
  })

  it('re-importing the same list finds everything unchanged and writes nothing but the batch', async () => {
    const { job, file, sql } = setup()
    const xlsx = await clean()
    await job('projects.importCommit', { fileId: file(xlsx) })
    const before = snapshot(cores[0]!)
    const preview = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(xlsx) })
    expect(preview.projects).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 0 })
    expect(preview.changedProjects).toEqual([])
    const again = await job<ProjectImportResult>('projects.importCommit', { fileId: file(xlsx) })
    expect(again.projects).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 0 })
    expect(snapshot(cores[0]!)).toEqual(before)
    expect(sql("SELECT DISTINCT table_name FROM audit_log WHERE batch = ?", `import:${again.batchId}`)).toEqual([{ table_name: 'import_batches' }])
  })

  it('shows changes field by field, applies them, and 撤销本次导入 restores the ledger exactly', async () => {
    const { job, file, call, sql } = setup()
    const first = await job<ProjectImportResult>('projects.importCommit', { fileId: file(await clean()) })
    const afterFirst = snapshot(cores[0]!)

    const rows = projectRows()
    rows[0]![7] = '新建蔬菜大棚25座'
    rows[0]![12] = 0.35
    rows[0]![13] = 0.15
    rows[1]![20] = '硬化道路3.5公里'
    rows[2]![22] = '已完成招标'
    const changedFile = path.join(tempDir(), '2024年项目库-调整.xlsx')
    await writeProjectWorkbook(changedFile, { rows })
    const preview = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(changedFile) })
    expect(preview.projects).toEqual({ new: 0, changed: 3, unchanged: 0, missing: 0 })
    expect(preview.changedProjects.map((p) => [p.row, p.projectNo, p.diffs])).toEqual([
      [5, 'XM2024001', [
        { field: 'content', label: '建设内容及规模', before: '新建蔬菜大棚20座', after: '新建蔬菜大棚25座' },
        { field: 'fund:中央衔接资金', label: '资金：中央衔接资金（万元）', before: '0.1', after: '0.15' },
      ]],
      [6, 'XM2024002', [{ field: 'performance', label: '绩效目标', before: '硬化道路3公里，受益群众满意度≥95%', after: '硬化道路3.5公里' }]],
      [7, 'XM2024003', [{ field: 'extra', label: '其他列', before: null, after: JSON.stringify({ 备注: '已完成招标' }) }]],
    ])
    const second = await job<ProjectImportResult>('projects.importCommit', { fileId: file(changedFile) })
    expect(sql('SELECT amount_fen FROM project_budget_lines WHERE source = ? ORDER BY id', '中央衔接资金')).toEqual([{ amount_fen: 10_000_000 }, { amount_fen: 150_000 }])

    const list = await call('imports.list', {})
    expect(list.map((b) => [b.id, b.kind, b.counts])).toEqual([
      [second.batchId, 'projects', { projects: { new: 0, changed: 3, unchanged: 0, missing: 0 } }],
      [first.batchId, 'projects', { projects: { new: 3, changed: 0, unchanged: 0, missing: 0 } }],
    ])
    await job('imports.undo', { batchId: second.batchId })
    expect(snapshot(cores[0]!)).toEqual(afterFirst)
    await job('imports.undo', { batchId: first.batchId })
    expect(snapshot(cores[0]!)).toEqual({ projects: [], budget: [], indicators: [] })
  })

  it('refuses to undo an import when a project it added has since got a disbursement', async () => {
    const { job, file, call } = setup()
    const first = await job<ProjectImportResult>('projects.importCommit', { fileId: file(await clean()) })
    const id = cores[0]!.ledger.sqlite.prepare("SELECT id FROM projects WHERE project_no = 'XM2024002'").pluck().get() as number
    await call('projects.addRecord', { projectId: id, record: { kind: 'disbursement', date: '2024-06-01', amount: '50000' } })
    await expect(job('imports.undo', { batchId: first.batchId })).rejects.toMatchObject({ code: 'undo_conflict' })
    expect(cores[0]!.ledger.sqlite.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(3)
  })

  it('writes nothing when the commit fails part-way: one transaction', async () => {
    const { core, count } = setup()
    const xlsx = await clean()
    const ctx = { progress: () => undefined, checkCancelled: () => undefined }
    const list = await parseProjectFile({ path: xlsx, fileName: '项目库.xlsx' }, ctx)
    const plan = planProjectImport(core.ledger, list)
    const auditBefore = count('audit_log')
    let calls = 0
    expect(() =>
      commitProjectImport(core.ledger, list, plan, {
        actor: 'test',
        progress: () => undefined,
        checkCancelled: () => {
          if (++calls === 3) throw new Error('停电')
        },
      }),
    ).toThrow('停电')
    expect(count('projects')).toBe(0)
    expect(count('project_budget_lines')).toBe(0)
    expect(count('project_indicators')).toBe(0)
    expect(count('import_batches')).toBe(0)
    expect(count('audit_log')).toBe(auditBefore)
  })
})

describe('project list operations', () => {
  it('preview and export are reads, commit writes', () => {
    expect(['projects.importPreview', 'projects.importCommit', 'projects.export'].map(permissionOf)).toEqual(['read', 'write', 'read'])
  })
})

describe('project export', () => {
  it('gives the county its own layout back, and that file imports again unchanged', async () => {
    const { job, file } = setup()
    await job('projects.importCommit', { fileId: file(await clean()) })
    const produced = await job<{ fileId: string; name: string; projects: number }>('projects.export', { layout: 'source' })
    expect(produced.projects).toBe(3)
    expect(produced.name).toMatch(/^项目台账（原表格式）-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const out = cores[0]!.files.get(produced.fileId).path

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const sheet = wb.getWorksheet('2024年项目库')!
    expect(sheet.getCell('M3').value).toBe('资金来源（万元）')
    // Single header cells merged down over both header rows, the funds group merged across its sources.
    expect(sheet.getCell('A4').master.address).toBe('A3')
    expect(sheet.getCell('R3').master.address).toBe('M3')
    expect(['M4', 'N4', 'O4', 'P4', 'Q4', 'R4'].map((a) => sheet.getCell(a).value)).toEqual(['合计', '中央衔接资金', '省级衔接资金', '县', '帮扶单位资金', '群众自筹'])
    expect([sheet.getCell('B5').value, sheet.getCell('M5').value, sheet.getCell('N5').value, sheet.getCell('O5').value, sheet.getCell('W5').value]).toEqual([
      'XM2024001', 0.3, 0.1, 0.2, '重点项目',
    ])
    // Dates come back the way the column was written (date cells); '2024.04' and '2024年11月' as the days they stand for.
    expect(sheet.getCell('I5').value).toEqual(new Date('2024-03-01T00:00:00Z'))
    expect([sheet.getCell('I6').value, sheet.getCell('J6').value, sheet.getCell('P6').value]).toEqual([
      new Date('2024-04-01T00:00:00Z'),
      new Date('2024-11-30T00:00:00Z'),
      2.5,
    ])

    const preview = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(out) })
    expect(preview.projects).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 0 })
    expect(preview.issues.map((i) => i.code)).toEqual(['unknown_village'])
  })

  it('standard layout: every field, funds by source in 万元, 已拨付 and 拨付率; imports back unchanged', async () => {
    const { job, file, call } = setup()
    await job('projects.importCommit', { fileId: file(await clean()) })
    const id = cores[0]!.ledger.sqlite.prepare("SELECT id FROM projects WHERE project_no = 'XM2024002'").pluck().get() as number
    await call('projects.addRecord', { projectId: id, record: { kind: 'disbursement', date: '2024-06-01', amount: '50000' } })
    const produced = await job<{ fileId: string }>('projects.export', { layout: 'standard' })
    const out = cores[0]!.files.get(produced.fileId).path
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const sheet = wb.worksheets[0]!
    // ExcelJS reads a merged cell's value in every cell it covers: row 3 holds each column's own header.
    const bottom = (sheet.getRow(3).values as unknown[]).slice(1)
    const col = (h: string) => bottom.indexOf(h) + 1
    expect(bottom).toEqual([
      '序号', '项目编号', '项目名称', '项目类别', '子类型', '建设性质', '年度', '乡镇', '实施地点', '建设内容及规模', '计划开工时间', '计划完工时间',
      '实施单位', '责任单位', '责任人', '联系电话', '帮扶单位', '联农带农机制', '受益户数', '受益人数', '其中脱贫户数', '其中脱贫人口数', '绩效目标',
      '合计', '中央衔接资金', '省级衔接资金', '市级', '县级', '帮扶单位资金', '群众自筹', '投工投劳', '其他', '已拨付（万元）', '拨付率（%）', '项目状态', '备注',
    ])
    expect(sheet.getCell(2, col('合计')).value).toBe('资金来源（万元）')
    expect(sheet.getCell(2, col('其他')).master.address).toBe(sheet.getCell(2, col('合计')).address)
    const r = sheet.getRow(5) // 青山村道路硬化项目
    expect(r.getCell(col('项目名称')).value).toBe('青山村道路硬化项目')
    expect(r.getCell(col('合计')).value).toBe(12.5)
    expect(r.getCell(col('县级')).value).toBe(2.5)
    expect(r.getCell(col('已拨付（万元）')).value).toBe(5)
    expect(r.getCell(col('拨付率（%）')).value).toBe(40)
    expect(r.getCell(col('项目状态')).value).toBe('未开工')

    const preview = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(out) })
    expect(preview.projects).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 0 })
  })

  it('refuses the source layout before any list was imported', async () => {
    const { job } = setup()
    await expect(job('projects.export', { layout: 'source' })).rejects.toMatchObject({ code: 'no_source_layout' })
  })
})

async function setupGet(core: CoreContext, id: number) {
  const r = await dispatch(core, 'projects.get', { id })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as OpResult<'projects.get'>
}
