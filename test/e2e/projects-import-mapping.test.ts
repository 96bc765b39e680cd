/**
 * 导入项目清单 with a layout the dictionary half knows (issue 13, item 3): 「单位：万元」 stated only in a
 * title row, a source column under a header no county dictionary has (「上级补助」) that the clerk
 * maps by hand in 列对应; the preview shows each project's total in 万元, the commit stores every
 * amount to the 分, and the next file of the same layout comes up with the clerk's mapping.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshot, type App } from './harness'

let app: App

beforeAll(async () => {
  app = await openApp('projects-mapping')
  await app.page.goto(app.host.url)
  // A small demo township (its villages: 青山村, 柳河村, 石桥村, 东岭村 …), loaded through the page's own bridge.
  await app.page.evaluate(() => (globalThis as unknown as { ledger: { invoke(n: string, i: unknown): Promise<unknown> } }).ledger.invoke('demo.load', { households: 12 }))
  // It writes in one transaction: once its projects are there, so is everything else.
  for (let i = 0; i < 600 && app.query<{ n: number }>('SELECT count(*) AS n FROM projects')[0]!.n === 0; i++) await new Promise((r) => setTimeout(r, 100))
  expect(app.query<{ n: number }>("SELECT count(*) AS n FROM villages WHERE name IN ('青山村', '柳河村', '石桥村', '东岭村')")[0]!.n).toBe(4)
  await app.page.reload()
})

afterAll(() => app?.close())

const HEADERS = ['序号', '项目名称', '项目类别', '实施地点', '建设内容', '计划总投资', '中央衔接资金', '省级衔接资金', '上级补助', '备注']
/** Column I: 上级补助. */
const UNUSUAL = 'I'

interface PlanProject {
  name: string
  village: string
  /** 万元 as the county writes them: 中央, 省级, 上级补助. */
  wan: [string, string, string]
  total: string
}

async function writePlan(file: string, year: number, projects: PlanProject[], unitNote = true): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('项目计划')
  ws.addRow([`${year}年度某某镇巩固拓展脱贫攻坚成果和乡村振兴项目计划表`])
  ws.mergeCells(1, 1, 1, HEADERS.length)
  const note = ws.addRow(['填报单位：某某镇人民政府（盖章）'])
  if (unitNote) note.getCell(HEADERS.length - 1).value = '单位：万元'
  ws.addRow(HEADERS)
  projects.forEach((p, i) => ws.addRow([i + 1, p.name, '产业发展', p.village, '建设内容及规模见附件', Number(p.total), ...p.wan.map(Number), null]))
  ws.addRow(['合计'])
  await wb.xlsx.writeFile(file)
}

const FIRST: PlanProject[] = [
  { name: '青山村茶叶加工厂（映射测试）', village: '青山村', wan: ['30.1234', '20.2766', '8'], total: '58.4' },
  { name: '柳河村灌溉渠（映射测试）', village: '柳河村', wan: ['12.345678', '0', '0.000001'], total: '12.345679' },
]
const SECOND: PlanProject[] = [{ name: '石桥村冷库（映射测试）', village: '石桥村', wan: ['5', '1.5', '0.25'], total: '6.75' }]

const activePane = () => app.page.locator('[role="tabpanel"][aria-hidden="false"]').first()

async function choose(file: string) {
  const page = app.page
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /选择文件|换一个文件/ }).click()
  await (await chooser).setFiles(file)
}

/** The 新增项目 table's rows: name → 资金合计（按原表单位）. */
async function newTotals(): Promise<Record<string, string>> {
  const page = app.page
  await page.getByRole('tab', { name: /^新增项目/ }).click()
  const rows = activePane().locator('tr.ant-table-row')
  await rows.first().waitFor()
  const out: Record<string, string> = {}
  for (const cells of await Promise.all((await rows.all()).map((r) => r.locator('td').allInnerTexts()))) out[cells[2]!.trim()] = cells[5]!.trim()
  return out
}

describe('导入项目清单: the clerk maps a column by hand, the ledger remembers it', () => {
  it('maps 「上级补助」 to a source, imports every amount to the 分, and the same layout comes up mapped next time', async () => {
    const page = app.page
    const first = path.join(app.dir, '2024年项目计划.xlsx')
    await writePlan(first, 2024, FIRST)
    await page.getByRole('menuitem', { name: '项目台账' }).click()
    await page.getByRole('button', { name: '导入项目清单' }).click()
    await page.waitForURL(/#\/projects\/import$/)
    await choose(first)
    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '新增' }).first().innerText(), { timeout: 60_000 }).toContain('2')
    // Unmapped, 上级补助 is missing from the sum: the 合计 check says so, in 万元.
    await page.getByText(/没有错误，有 2 处提醒/).waitFor()
    await expect.poll(() => activePane().innerText()).toContain('为 58.4 万元，各资金来源之和为 50.4 万元')
    // Each project's total as read, in the file's unit: short of the 合计 by what 上级补助 holds.
    expect(await newTotals()).toEqual({ [FIRST[0]!.name]: '50.4 万元', [FIRST[1]!.name]: '12.345678 万元' })

    await page.getByRole('tab', { name: '列对应' }).click()
    const pane = activePane()
    // The unit came from the title row: each money column says 万元.
    await expect.poll(() => pane.locator('tr.ant-table-row').filter({ hasText: '中央衔接资金' }).innerText()).toContain('万元')
    await expect.poll(() => page.getByLabel(`第 ${UNUSUAL} 列对应字段`).locator('..').innerText()).toContain('不导入，原样保留')
    await page.getByLabel(`第 ${UNUSUAL} 列对应字段`).click()
    await page.keyboard.type('市级')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^资金：市级$/ }).click()
    await expect.poll(() => page.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true)
    await page.getByText('列对应已修改，请先重新检查。').waitFor()
    await screenshot(page, 'projects-mapping-01-remap')
    await page.getByRole('button', { name: '按修改后的对应重新检查' }).click()

    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '新增' }).first().innerText(), { timeout: 60_000 }).toContain('2')
    await page.getByRole('tab', { name: '问题（0）' }).waitFor()
    expect(await page.getByText(/处提醒/).count()).toBe(0)
    expect(await newTotals()).toEqual({ [FIRST[0]!.name]: '58.4 万元', [FIRST[1]!.name]: '12.345679 万元' })
    await screenshot(page, 'projects-mapping-02-checked')
    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.getByText('项目清单已导入').waitFor({ timeout: 60_000 })

    // Every amount to the 分, the hand-mapped column under its source.
    const lines = app.query<{ name: string; source: string; amount_fen: number }>(
      `SELECT p.name, b.source, b.amount_fen FROM project_budget_lines b JOIN projects p ON p.id = b.project_id
        WHERE p.name LIKE '%映射测试%' ORDER BY p.name, b.source`,
    )
    expect(lines).toEqual([
      { name: FIRST[1]!.name, source: '中央衔接资金', amount_fen: 12_345_678 },
      { name: FIRST[1]!.name, source: '市级', amount_fen: 1 },
      { name: FIRST[0]!.name, source: '中央衔接资金', amount_fen: 30_123_400 },
      { name: FIRST[0]!.name, source: '市级', amount_fen: 8_000_000 },
      { name: FIRST[0]!.name, source: '省级衔接资金', amount_fen: 20_276_600 },
    ])
    expect(app.query<{ year: string }>("SELECT DISTINCT year FROM projects WHERE name LIKE '%映射测试%'")).toEqual([{ year: '2024' }])

    // The project page: the budget lines in 元 to the 分, the totals in 万元.
    await page.getByRole('button', { name: '查看项目台账' }).click()
    await page.waitForURL(/#\/projects$/)
    await page.getByLabel('搜索项目').fill('柳河村灌溉渠')
    await page.getByLabel('搜索项目').press('Enter')
    await page.locator('tr.ant-table-row').filter({ hasText: FIRST[1]!.name }).first().click()
    await page.waitForURL(/#\/projects\/\d+$/)
    await page.getByRole('tab', { name: /^资金/ }).click()
    const budget = page.locator('.ant-card').filter({ hasText: '资金来源（预算）' })
    await expect.poll(() => budget.locator('tr.ant-table-row').allInnerTexts()).toEqual([
      expect.stringMatching(/中央衔接资金\s+123,456.78/),
      expect.stringMatching(/市级\s+0.01/),
    ])
    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '预算合计（万元）' }).innerText()).toContain('12.345679')
    await screenshot(page, 'projects-mapping-03-project')

    // A second file of the same layout: read with the clerk's mapping, no warning.
    const second = path.join(app.dir, '2024年项目计划（第二批）.xlsx')
    await writePlan(second, 2024, SECOND)
    await page.getByRole('menuitem', { name: '项目台账' }).click()
    await page.getByRole('button', { name: '导入项目清单' }).click()
    await page.waitForURL(/#\/projects\/import$/)
    await choose(second)
    await page.getByText('已按上次为相同表头所做的修改对应各列。').waitFor({ timeout: 60_000 })
    await page.getByRole('tab', { name: '问题（0）' }).waitFor()
    expect(await newTotals()).toEqual({ [SECOND[0]!.name]: '6.75 万元' })
    await page.getByRole('tab', { name: '列对应' }).click()
    await expect.poll(() => page.getByLabel(`第 ${UNUSUAL} 列对应字段`).locator('..').innerText()).toContain('资金：市级')
    await screenshot(page, 'projects-mapping-04-remembered')
    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.getByText('项目清单已导入').waitFor({ timeout: 60_000 })
    expect(app.query("SELECT b.source, b.amount_fen FROM project_budget_lines b JOIN projects p ON p.id = b.project_id WHERE p.name = ? ORDER BY b.source", SECOND[0]!.name)).toEqual([
      { source: '中央衔接资金', amount_fen: 5_000_000 },
      { source: '市级', amount_fen: 250_000 },
      { source: '省级衔接资金', amount_fen: 1_500_000 },
    ])

    // The same layout without 「单位：万元」: the unit is assumed, said so, and the clerk can change it; the mapping stays.
    const third = path.join(app.dir, '2025年项目计划（未注明单位）.xlsx')
    await writePlan(third, 2025, [{ name: '东岭村晒场（映射测试）', village: '东岭村', wan: ['1200', '300.5', '0'], total: '1500.5' }], false)
    await choose(third)
    await page.getByText('表中没有注明金额单位：「计划总投资」、「中央衔接资金」、「省级衔接资金」、「上级补助」 按「元」读取。').waitFor({ timeout: 60_000 })
    expect(await newTotals()).toEqual({ '东岭村晒场（映射测试）': '1500.50 元' })
    await screenshot(page, 'projects-mapping-05-assumed-unit')
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: /^万元$/ }).click()
    await page.getByText(/按「万元」读取/).waitFor({ timeout: 60_000 })
    await page.getByText('已按上次为相同表头所做的修改对应各列。').waitFor()
    expect(await newTotals()).toEqual({ '东岭村晒场（映射测试）': '1500.5 万元' })
    await page.getByRole('tab', { name: '列对应' }).click()
    await expect.poll(() => page.getByLabel(`第 ${UNUSUAL} 列对应字段`).locator('..').innerText()).toContain('资金：市级')
    expect(app.errors).toEqual([])
  })
})
