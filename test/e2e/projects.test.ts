import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wanTextToFen } from '../../shared/domain/projects'
import { writeProjectWorkbook } from '../fixtures/project-workbook'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('projects')
  page = app.page
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 60_000 })
})

afterAll(() => app?.close())

const NAME = '石桥村产业路硬化工程（测试）'
const dialog = () => page.locator('.ant-modal:visible')
const save = (scope: Locator) => scope.getByRole('button', { name: /保\s*存/ }).click()

async function pick(scope: Locator, label: string, option: string | RegExp) {
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' })
  await scope.getByLabel(label, { exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: typeof option === 'string' ? new RegExp(`^${option}$`) : option })
    .first()
    .click()
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' })
}

async function date(scope: Locator, label: string, value: string) {
  await scope.getByLabel(label, { exact: true }).fill(value)
  await scope.getByLabel(label, { exact: true }).press('Enter')
  // Leave the field so its calendar closes (and does not cover the dialog in screenshots).
  await scope.getByLabel(label, { exact: true }).press('Tab')
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' })
}

/** Saves the open dialog and waits for it to close. */
async function saveDialog() {
  const d = dialog()
  await save(d)
  await d.waitFor({ state: 'hidden' })
}

/** The list's totals row, read as 分: [budget, disbursed]. */
async function listTotals(): Promise<[number, number]> {
  const row = page.locator('tr.project-totals')
  if ((await row.count()) === 0) return [0, 0]
  const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim())
  // 合计 | 预算 | 已拨付 | 拨付率 | per source …
  return [wanTextToFen(cells[1]!)!, wanTextToFen(cells[2]!)!]
}

const activePane = () => page.locator('.ant-tabs-content-active').first()

describe('项目台账 → 项目页 → 资产台账', () => {
  let before: [number, number] = [0, 0]
  let projectId = 0

  it('lists projects with a totals row and creates a project through the UI', async () => {
    await page.getByRole('menuitem', { name: '项目台账' }).click()
    await page.waitForURL(/#\/projects$/)
    await page.locator('.ant-table').first().waitFor()
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0)
    before = await listTotals()
    await screenshot(page, 'projects-01-list')

    await page.getByRole('button', { name: '新建项目' }).click()
    const d = dialog()
    await d.getByLabel('项目名称', { exact: true }).fill(NAME)
    await d.getByLabel('项目编号', { exact: true }).fill('E2E-2024-001')
    await d.getByLabel('年度', { exact: true }).fill('2024')
    await pick(d, '项目类别', '基础设施')
    await pick(d, '建设性质', '新建')
    const village = app.query<{ id: number; name: string }>('SELECT id, name FROM villages ORDER BY id LIMIT 1')[0]!
    await pick(d, '实施地点（行政村）', village.name)
    await d.getByLabel('实施单位', { exact: true }).fill('示例镇人民政府')
    await date(d, '计划开工', '2024-03-01')
    // Already past: the project is 滞后 until it is completed.
    await date(d, '计划完工', '2024-10-31')
    await screenshot(page, 'projects-02-new')
    await saveDialog()
    await page.waitForURL(/#\/projects\/\d+$/)
    projectId = Number(/#\/projects\/(\d+)$/.exec(page.url())![1])
    await page.locator('.project-header').getByText(NAME).waitFor()
    const header = await page.locator('.project-header').innerText()
    expect(header).toContain('未开工')
    expect(header).toContain('滞后')
    const warnings = page.locator('.ant-alert-warning').first()
    await expect.poll(() => warnings.innerText()).toContain('尚未填写绩效目标')
    expect(await warnings.innerText()).toContain('滞后')
    expect(app.query('SELECT name, project_no, year, category, nature, village_id, planned_end FROM projects WHERE id = ?', projectId)).toEqual([
      { name: NAME, project_no: 'E2E-2024-001', year: '2024', category: '基础设施', nature: '新建', village_id: village.id, planned_end: '2024-10-31' },
    ])
  })

  it('edits 基本信息 with 绩效目标 and 联农带农机制', async () => {
    await page.getByRole('tab', { name: '基本信息' }).click()
    const pane = activePane()
    await pane.getByLabel('建设内容及规模', { exact: true }).fill('硬化产业路 3.5 公里，路面宽 4.5 米')
    await pane.getByLabel('联农带农机制', { exact: true }).fill('优先吸纳脱贫户务工，带动 20 户增收')
    await pane.getByLabel('申报受益户数', { exact: true }).fill('56')
    await page.getByText('有未保存的修改').waitFor()
    await save(pane.locator('.ant-card').first())
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(0)
    expect(app.query('SELECT content, farmer_link, declared_households FROM projects WHERE id = ?', projectId)).toEqual([
      { content: '硬化产业路 3.5 公里，路面宽 4.5 米', farmer_link: '优先吸纳脱贫户务工，带动 20 户增收', declared_households: 56 },
    ])

    await pane.getByRole('button', { name: '添加绩效指标' }).click()
    await pick(dialog(), '一级指标', '产出指标')
    await pick(dialog(), '二级指标', '数量指标')
    await dialog().getByLabel('三级指标', { exact: true }).fill('硬化产业路长度')
    await dialog().getByLabel('目标值', { exact: true }).fill('≥3.5')
    await dialog().getByLabel('单位', { exact: true }).fill('公里')
    await saveDialog()
    await expect.poll(() => pane.locator('tr.ant-table-row').filter({ hasText: '硬化产业路长度' }).innerText()).toContain('数量指标')
    await expect.poll(() => page.locator('.ant-alert-warning').first().innerText()).not.toContain('尚未填写绩效目标')
    await screenshot(page, 'projects-03-basic')
  })

  it('adds budget lines and records a disbursement', async () => {
    await page.getByRole('tab', { name: /^资金/ }).click()
    const pane = activePane()
    await pane.getByRole('button', { name: '添加预算' }).click()
    await pick(dialog(), '资金来源', '中央衔接资金')
    await dialog().getByLabel('金额（元）', { exact: true }).fill('300,000')
    await saveDialog()
    await pane.getByRole('button', { name: '添加预算' }).click()
    await pick(dialog(), '资金来源', '县级')
    await dialog().getByLabel('金额（元）', { exact: true }).fill('50000.5')
    await dialog().getByLabel('备注', { exact: true }).fill('县级配套')
    await saveDialog()
    await expect.poll(() => pane.locator('tr.ant-table-row').filter({ hasText: '县级配套' }).innerText()).toContain('50,000.50')

    await pane.getByRole('button', { name: '登记拨付' }).click()
    await date(dialog(), '拨付日期', '2024-05-10')
    await dialog().getByLabel('金额（元）', { exact: true }).fill('200000')
    await pick(dialog(), '资金来源', '中央衔接资金')
    await dialog().getByLabel('批次', { exact: true }).fill('第一批')
    await dialog().getByLabel('文件号', { exact: true }).fill('示财农〔2024〕12号')
    await saveDialog()
    await expect.poll(() => pane.locator('tr.ant-table-row').filter({ hasText: '第一批' }).innerText()).toContain('200,000.00')
    const stats = await pane.locator('.project-stats').first().innerText()
    expect(stats).toMatch(/预算合计（万元）\s*35\.00005/)
    expect(stats).toMatch(/已拨付（万元）\s*20\b/)
    expect(stats).toMatch(/结余（万元）\s*15\.00005/)
    expect(stats).toMatch(/拨付率\s*57\.1%/)
    await screenshot(page, 'projects-04-funds')
    expect(app.query('SELECT source, amount_fen FROM project_budget_lines WHERE project_id = ? ORDER BY id', projectId)).toEqual([
      { source: '中央衔接资金', amount_fen: 30_000_000 },
      { source: '县级', amount_fen: 5_000_050 },
    ])
  })

  it('links beneficiaries by pasting 户编号', async () => {
    const households = app.query<{ household_no: string }>('SELECT household_no FROM households WHERE household_no IS NOT NULL ORDER BY id LIMIT 2')
    await page.getByRole('tab', { name: /^受益对象/ }).click()
    const pane = activePane()
    await pane.getByRole('button', { name: '添加受益户' }).click()
    await dialog().getByRole('tab', { name: '粘贴名单' }).click()
    await dialog().getByLabel('身份证号或户编号', { exact: true }).fill(`${households.map((h) => h.household_no).join('\n')}\n9999999999`)
    await saveDialog()
    await expect.poll(() => pane.locator('tr.ant-table-row').count()).toBe(2)
    expect(await pane.locator('.ant-alert-warning').innerText()).toContain('9999999999')
    expect(await pane.locator('.project-stats').innerText()).toMatch(/受益户数\s*2\s*户/)
    await expect.poll(() => page.getByRole('tab', { name: '受益对象（2 户）' }).count()).toBe(1)
    await screenshot(page, 'projects-05-beneficiaries')
  })

  it('refuses 资产移交 before acceptance, then records 开工, 竣工 and a passed 验收', async () => {
    await page.getByRole('tab', { name: '进度与节点' }).click()
    const pane = activePane()
    const addMilestone = async (kind: string, day: string) => {
      await pane.getByRole('button', { name: '登记节点' }).click()
      await pick(dialog(), '节点', new RegExp(`^${kind}`))
      await date(dialog(), '日期', day)
    }
    await addMilestone('资产移交', '2024-12-20')
    await save(dialog())
    await expect.poll(() => dialog().locator('.record-error').innerText()).toContain('项目验收合格后才能办理资产移交。请先登记合格的验收。')
    await screenshot(page, 'projects-06-refused')
    await dialog().getByRole('button', { name: /取\s*消/ }).click()
    await dialog().waitFor({ state: 'hidden' })

    await addMilestone('开工', '2024-04-01')
    await saveDialog()
    await addMilestone('竣工', '2024-11-20')
    await saveDialog()
    await expect.poll(() => page.locator('.project-header').innerText()).toContain('已竣工')
    expect(await page.locator('.project-header').innerText()).not.toContain('滞后')

    await addMilestone('验收', '2024-12-05')
    await dialog().getByText('合格', { exact: true }).click()
    await dialog().getByLabel('说明', { exact: true }).fill('工程量与批复一致，资金按来源拨付')
    await saveDialog()
    await expect.poll(() => page.locator('.project-header').innerText()).toContain('已验收')
    await expect.poll(() => pane.locator('[data-milestone]').count()).toBe(3)
    expect(await pane.locator('[data-milestone="验收"]').innerText()).toContain('合格')

    await pane.getByRole('button', { name: '登记进度' }).click()
    await date(dialog(), '日期', '2024-11-20')
    await dialog().getByLabel('完成进度（%）', { exact: true }).fill('100')
    await dialog().getByLabel('已完成投资（元）', { exact: true }).fill('350000.50')
    await saveDialog()
    await expect.poll(() => pane.locator('tr.ant-table-row').filter({ hasText: '2024-11-20' }).innerText()).toContain('350,000.50')
    await screenshot(page, 'projects-07-milestones')
    expect(app.query('SELECT kind, milestone_date, result FROM project_milestones WHERE project_id = ? ORDER BY milestone_date', projectId)).toEqual([
      { kind: '开工', milestone_date: '2024-04-01', result: null },
      { kind: '竣工', milestone_date: '2024-11-20', result: null },
      { kind: '验收', milestone_date: '2024-12-05', result: '合格' },
    ])
  })

  it('registers an asset, then the handover goes through', async () => {
    await page.getByRole('tab', { name: /^资产/ }).click()
    const pane = activePane()
    await pane.getByRole('button', { name: '登记资产' }).click()
    await dialog().getByLabel('资产名称', { exact: true }).fill('石桥村产业路')
    await pick(dialog(), '资产类别', '公益性')
    await dialog().getByLabel('数量/规模', { exact: true }).fill('3.5')
    await dialog().getByLabel('单位', { exact: true }).fill('公里')
    await dialog().getByLabel('资产原值（元）', { exact: true }).fill('350000.50')
    await dialog().getByLabel('所有权人', { exact: true }).fill('石桥村股份经济合作社')
    await dialog().getByLabel('管护主体', { exact: true }).fill('石桥村村民委员会')
    await saveDialog()
    const row = pane.locator('tr.ant-table-row').filter({ hasText: '石桥村产业路' })
    await expect.poll(() => row.innerText()).toContain('350,000.50')
    expect(await row.innerText()).toContain('2024-11-20') // 建成时间 defaults to 竣工
    await screenshot(page, 'projects-08-assets')

    await page.getByRole('tab', { name: '进度与节点' }).click()
    await activePane().getByRole('button', { name: '登记节点' }).click()
    await pick(dialog(), '节点', /^资产移交/)
    await date(dialog(), '日期', '2024-12-20')
    await saveDialog()
    await expect.poll(() => page.locator('.project-header').innerText()).toContain('已移交')
    expect(app.query('SELECT name, category, original_value_fen, built_date FROM project_assets WHERE project_id = ?', projectId)).toEqual([
      { name: '石桥村产业路', category: '公益性', original_value_fen: 35_000_050, built_date: '2024-11-20' },
    ])
  })

  it('shows the new budget and disbursement in the list totals and the asset in 资产台账', async () => {
    await page.getByRole('button', { name: '返回项目列表' }).click()
    await page.waitForURL(/#\/projects$/)
    await expect.poll(listTotals).toEqual([before[0] + 35_000_050, before[1] + 20_000_000])
    const row = page.locator('tr.ant-table-row').filter({ hasText: NAME })
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim())
    expect(cells).toContain('已移交')
    expect(cells).toContain('35.00005')
    expect(cells).toContain('20')
    expect(cells).toContain('57.1%')
    await screenshot(page, 'projects-09-list-after')

    // Only this project: the totals row is its own figures.
    await page.getByLabel('搜索项目').fill('产业路硬化工程（测试）')
    await page.getByLabel('搜索项目').press('Enter')
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(1)
    await expect.poll(listTotals).toEqual([35_000_050, 20_000_000])
    const totals = await page.locator('tr.project-totals').innerText()
    expect(totals).toContain('合计（1 个项目）')
    expect(totals).toContain('57.1%')
    await screenshot(page, 'projects-10-list-filtered')

    await page.getByRole('menuitem', { name: '资产台账' }).click()
    await page.waitForURL(/#\/assets$/)
    const asset = page.locator('tr.ant-table-row').filter({ hasText: '石桥村产业路' })
    await expect.poll(() => asset.innerText()).toContain(NAME)
    expect(await asset.innerText()).toContain('350,000.50')
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0)
    await screenshot(page, 'projects-11-assets')
    expect(app.errors).toEqual([])
  })

  it('imports a small county project list through 导入项目清单, and the totals row grows by its budget', async () => {
    await page.getByRole('menuitem', { name: '项目台账' }).click()
    await page.getByLabel('搜索项目').fill('')
    await page.getByLabel('搜索项目').press('Enter')
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBeGreaterThan(1)
    const count = async () => Number(/合计（(\d+) 个项目）/.exec(await page.locator('tr.project-totals').innerText())![1])
    const projects = await count()
    const start = await listTotals()
    const file = path.join(app.dir, '示例镇2024年项目清单.xlsx')
    await writeProjectWorkbook(file)
    await page.getByRole('button', { name: '导入项目清单' }).click()
    await page.waitForURL(/#\/projects\/import$/)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles(file)
    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '新增' }).first().innerText(), { timeout: 60_000 }).toContain('3')
    await screenshot(page, 'projects-13-import-preview')
    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.getByText('项目清单已导入').waitFor({ timeout: 60_000 })
    await expect.poll(() => page.getByRole('button', { name: '撤销本次导入' }).count()).toBeGreaterThan(0)
    await screenshot(page, 'projects-14-import-done')
    await page.getByRole('button', { name: '查看项目台账' }).click()
    await page.waitForURL(/#\/projects$/)
    // 0.3 + 12.5 + 5 万元 budget, nothing paid yet.
    await expect.poll(listTotals).toEqual([start[0] + 17_800_000, start[1]])
    expect(await count()).toBe(projects + 3)
    await expect.poll(() => page.locator('tr.ant-table-row').filter({ hasText: '青山村道路硬化项目' }).innerText()).toContain('12.5')
    await screenshot(page, 'projects-12-list-imported')
    expect(app.errors).toEqual([])
  })
})
