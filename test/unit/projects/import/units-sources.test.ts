/**
 * County project plans the importer did not write: the unit stated in a title row, a header suffix,
 * a merged group header or nowhere; five or more distinct sources, some with similar names; the
 * year only in the title. Each generated plan must import to the exact 分 and sum to its 合计.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { ProjectImportPreview, ProjectImportResult } from '../../../../shared/api/projects-import'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'

const harness = importHarness()

function setup() {
  const t = harness.setup()
  t.core.ledger.write.run({ actor: 'test' }, (w) => {
    w.insert('villages', { county: '某某县', township: '某某镇', name: '红旗村' })
    w.insert('villages', { county: '某某县', township: '某某镇', name: '青山村' })
  })
  return t
}

/** A small seeded generator (mulberry32): the same plans on every run, many shapes across seeds. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! }
}

type UnitWay = 'title' | 'suffix' | 'group' | 'none-wan' | 'none-yuan'
/** Distinct sources a county plan carries; 省级财政资金 and 省级衔接资金 are different money. */
const SOURCES = ['中央衔接资金', '省级衔接资金', '省级财政资金', '市级资金', '县级资金', '涉农整合资金', '东西部协作资金', '群众自筹']
/** What the ledger stores each as (the dictionary's standard name where it means the same source). */
const STORED: Record<string, string> = { 市级资金: '市级', 县级资金: '县级' }

interface Plan {
  file: string
  unit: 'wan' | 'yuan'
  sources: string[]
  /** Per project: name and 分 per source. */
  projects: { name: string; fen: Record<string, number> }[]
}

/** 分 as the file writes it: 万元 with up to six decimals, or 元 with up to two. */
const written = (fen: number, unit: 'wan' | 'yuan') => (unit === 'wan' ? fen / 1_000_000 : fen / 100)

async function writePlan(seed: number, way: UnitWay): Promise<Plan> {
  const r = random(seed)
  const unit: 'wan' | 'yuan' = way === 'none-yuan' ? 'yuan' : way === 'none-wan' ? 'wan' : r.pick(['wan', 'yuan'] as const)
  const count = r.int(5, SOURCES.length)
  const sources = [...SOURCES].sort(() => r.int(0, 2) - 1).slice(0, count)
  const projects = Array.from({ length: r.int(2, 6) }, (_, i) => ({
    name: `项目${seed}-${i + 1}`,
    // 万元 plans: amounts in whole 元 most often, sometimes to the 分; at least 1000 元 per source used.
    fen: Object.fromEntries(sources.map((s) => [s, r.int(0, 3) === 0 ? 0 : r.int(10, 900_000) * (r.int(0, 3) === 0 ? 1 : 100)])),
  }))
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('计划表')
  const label = unit === 'wan' ? '万元' : '元'
  ws.addRow([`2024年度某某镇巩固衔接资金项目计划表`])
  ws.mergeCells(1, 1, 1, 5 + sources.length)
  if (way === 'title') ws.addRow([`填报单位：某某镇人民政府`, '', '', '', `单位：${label}`])
  const fixed = ['序号', '项目名称', '项目类别', '实施地点', '建设内容']
  if (way === 'group') {
    ws.addRow([...fixed, `资金来源（${label}）`, ...sources.map(() => '')])
    ws.addRow(['', '', '', '', '', '合计', ...sources])
    ws.mergeCells(ws.rowCount - 1, 6, ws.rowCount - 1, 6 + sources.length)
    for (let c = 1; c <= 5; c++) ws.mergeCells(ws.rowCount - 1, c, ws.rowCount, c)
  } else if (way === 'suffix') {
    ws.addRow([...fixed, `计划总投资（${label}）`, ...sources.map((s) => `${s}（${label}）`)])
  } else ws.addRow([...fixed, '计划总投资', ...sources])
  projects.forEach((p, i) => {
    const total = Object.values(p.fen).reduce((n, f) => n + f, 0)
    ws.addRow([i + 1, p.name, '产业发展', i % 2 ? '青山村' : '红旗村', '建设内容', written(total, unit), ...sources.map((s) => (p.fen[s] ? written(p.fen[s]!, unit) : null))])
  })
  const file = path.join(tempDir(), `计划表-${seed}-${way}.xlsx`)
  await wb.xlsx.writeFile(file)
  return { file, unit, sources, projects }
}

/** Budget lines by project name and source, in 分. */
function budgets(sql: <T>(q: string) => T[]) {
  const rows = sql<{ name: string; source: string; amount_fen: number }>(
    'SELECT p.name, b.source, b.amount_fen FROM project_budget_lines b JOIN projects p ON p.id = b.project_id',
  )
  const out: Record<string, Record<string, number>> = {}
  for (const row of rows) (out[row.name] ??= {})[row.source] = row.amount_fen
  return out
}

describe('project plans the importer did not write', () => {
  const ways: UnitWay[] = ['title', 'suffix', 'group', 'none-wan', 'none-yuan']
  for (const way of ways) {
    it(`unit ${way}: every amount to the exact 分, every source its own, 合计 agrees, no warning`, async () => {
      for (const seed of [11, 23, 47]) {
        const { job, file, sql } = setup()
        const plan = await writePlan(seed, way)
        const preview = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(plan.file) })
        expect(preview.issues, `seed ${seed}`).toEqual([])
        const money = preview.columns.filter((c) => c.unit !== null)
        expect(money.every((c) => c.unit === plan.unit)).toBe(true)
        const from = { title: 'title', suffix: 'header', group: 'group', 'none-wan': 'assumed', 'none-yuan': 'assumed' }[way]
        expect(new Set(money.map((c) => c.unitFrom))).toEqual(new Set([from]))
        expect(preview.assumedUnit).toBe(way.startsWith('none') ? plan.unit : null)
        // Each project's total in the file's own unit, so a 万元 read as 元 would show.
        const first = plan.projects[0]!
        const firstTotal = Object.values(first.fen).reduce((n, f) => n + f, 0)
        expect(preview.newProjects[0]!.totalText).toBe(plan.unit === 'wan' ? `${firstTotal / 1_000_000} 万元` : `${(firstTotal / 100).toFixed(2)} 元`)

        await job<ProjectImportResult>('projects.importCommit', { fileId: file(plan.file) })
        const stored = budgets(sql)
        for (const p of plan.projects) {
          const want = Object.fromEntries(Object.entries(p.fen).filter(([, f]) => f > 0).map(([s, f]) => [STORED[s] ?? s, f]))
          expect(stored[p.name] ?? {}, `seed ${seed} ${p.name}`).toEqual(want)
        }
        // The year came from the title: the plan has no 年度 column.
        expect(new Set(sql<{ year: string }>('SELECT year FROM projects').map((r) => r.year))).toEqual(new Set(['2024']))
      }
    })
  }

  it('a plan in 万元 with no unit stated, read as 元 by the clerk\'s choice, is 10 000 times smaller — the preview says which was taken', async () => {
    const { job, file, sql } = setup()
    const plan = await writePlan(5, 'none-wan')
    const asYuan = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(plan.file), assumedUnit: 'yuan' })
    expect(asYuan.assumedUnit).toBe('yuan')
    expect(asYuan.columns.filter((c) => c.unit !== null).every((c) => c.unit === 'yuan' && c.unitFrom === 'assumed')).toBe(true)
    await job('projects.importCommit', { fileId: file(plan.file), assumedUnit: 'wan' })
    const p = plan.projects.find((x) => Object.values(x.fen).some((f) => f > 0))!
    const [source, fen] = Object.entries(p.fen).find(([, f]) => f > 0)!
    expect(budgets(sql)[p.name]![STORED[source] ?? source]).toBe(fen)
  })

  it('warns when 合计 disagrees with the sum of every source, in the file\'s unit', async () => {
    const { job, file } = setup()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('计划表')
    ws.addRow(['项目名称', '年度', '实施地点', '总投资（万元）', '中央衔接资金（万元）', '省级财政资金（万元）', '省级衔接资金（万元）'])
    ws.addRow(['道路硬化', '2024', '红旗村', 60, 30, 10, 10])
    const f = path.join(tempDir(), '合计.xlsx')
    await wb.xlsx.writeFile(f)
    const preview = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(f) })
    expect(preview.issues.map((i) => [i.code, i.message])).toEqual([
      ['total_mismatch', '第2行「总投资（万元）」为 60 万元，各资金来源之和为 50 万元，两者不一致。已按各来源导入，请核对。'],
    ])
  })

  it('remembers a corrected mapping and unit for files with the same header', async () => {
    const { job, file, sql, call } = setup()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('计划表')
    ws.addRow(['2025年某某镇项目计划表'])
    // 「工程」 is no header the dictionary knows; 「备用资金」 is a source of its own.
    ws.addRow(['工程', '地点', '建设内容', '中央衔接资金', '备用资金'])
    ws.addRow(['村道硬化', '红旗村', '硬化 2 公里', 12.5, 3])
    const f = path.join(tempDir(), '未识别.xlsx')
    await wb.xlsx.writeFile(f)

    // 「工程」 is not taken for 项目名称: the preview says so and shows the columns to map; nothing can be imported yet.
    const unmapped = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(f) })
    expect(unmapped.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[2, 'no_name_column', 'error']])
    expect(unmapped.issues[0]!.message).toContain('请在「列对应」中把写项目名称的那一列对应为「项目名称」')
    expect(unmapped.columns.map((c) => c.header)).toEqual(['工程', '地点', '建设内容', '中央衔接资金', '备用资金'])
    expect(unmapped.columns[0]!.samples).toEqual(['村道硬化'])
    expect(unmapped.projects.new).toBe(0)
    await expect(job('projects.importCommit', { fileId: file(f) })).rejects.toBeDefined()
    expect(sql('SELECT count(*) AS n FROM projects')).toEqual([{ n: 0 }])
    const mapping = { '0': 'name', '1': 'village', '2': 'content', '3': 'fund:中央衔接资金', '4': 'fund:备用资金' }
    const preview = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(f), mapping, assumedUnit: 'wan' })
    expect(preview.columns.map((c) => c.field)).toEqual(['name', 'village', 'content', 'fund:中央衔接资金', 'fund:备用资金'])
    expect(preview.fieldOptions).toContainEqual({ value: 'fund:备用资金', label: '资金：备用资金' })
    await job('projects.importCommit', { fileId: file(f), mapping, assumedUnit: 'wan' })
    expect(sql('SELECT source, amount_fen FROM project_budget_lines ORDER BY source')).toEqual([
      { source: '中央衔接资金', amount_fen: 12_500_000 },
      { source: '备用资金', amount_fen: 3_000_000 },
    ])
    expect(sql<{ year: string }>('SELECT year FROM projects')[0]!.year).toBe('2025')

    // The same header again: read with the clerk's mapping and unit, nothing to change.
    const again = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(f) })
    expect(again.rememberedReading).toBe(true)
    expect(again.assumedUnit).toBe('wan')
    expect(again.projects).toMatchObject({ new: 0, changed: 0, unchanged: 1 })
    // The ledger's sources grew with the file's: the list filter and the budget form offer it.
    expect(await call('projects.sources', {})).toEqual(['中央衔接资金', '省级衔接资金', '市级', '县级', '帮扶单位资金', '群众自筹', '投工投劳', '其他', '备用资金'])
  })

  it('a unit chosen for a file read with a remembered mapping keeps that mapping, and both are remembered', async () => {
    const { job, file, sql } = setup()
    const write = async (name: string, amount: number) => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('计划表')
      ws.addRow(['2025年某某镇项目计划表'])
      ws.addRow(['工程', '地点', '建设内容', '中央衔接资金'])
      ws.addRow([name, '红旗村', '硬化 2 公里', amount])
      const f = path.join(tempDir(), `${name}.xlsx`)
      await wb.xlsx.writeFile(f)
      return f
    }
    const mapping = { '0': 'name', '1': 'village', '2': 'content', '3': 'fund:中央衔接资金' }
    await job('projects.importCommit', { fileId: file(await write('村道硬化', 12.5)), mapping, assumedUnit: 'wan' })

    // The next file of this layout is in 元: the clerk changes the unit only.
    const next = await write('水渠修缮', 86_000.5)
    const asWan = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(next) })
    expect(asWan).toMatchObject({ rememberedReading: true, assumedUnit: 'wan' })
    const asYuan = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(next), assumedUnit: 'yuan' })
    expect(asYuan.columns.map((c) => c.field)).toEqual(['name', 'village', 'content', 'fund:中央衔接资金'])
    expect(asYuan).toMatchObject({ rememberedReading: true, assumedUnit: 'yuan' })
    expect(asYuan.newProjects[0]!.totalText).toBe('86000.50 元')
    await job('projects.importCommit', { fileId: file(next), assumedUnit: 'yuan' })
    expect(sql('SELECT p.name, b.amount_fen FROM project_budget_lines b JOIN projects p ON p.id = b.project_id ORDER BY p.name')).toEqual([
      { name: '村道硬化', amount_fen: 12_500_000 },
      { name: '水渠修缮', amount_fen: 8_600_050 },
    ])
    // Remembered now: the mapping as before, the unit as last chosen.
    const third = await job<ProjectImportPreview>('projects.importPreview', { fileId: file(await write('桥梁维修', 1200)) })
    expect(third).toMatchObject({ rememberedReading: true, assumedUnit: 'yuan' })
    expect(third.columns.map((c) => c.field)).toEqual(['name', 'village', 'content', 'fund:中央衔接资金'])
  })
})
