/**
 * 疑点核查 in the UI: a national-export-shaped roster (监测对象信息, title rows, header on row 3, every
 * value text) with planted defects is imported; the run finds them; one is waived; one is fixed on the
 * household page and its 疑点 clears there; the county-style workbook is exported. 1366×768 screenshots.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanHousehold, emptyLedger } from '../../electron/core/checks/examples'
import { RunContext } from '../../electron/core/checks/views'
import { openApp, resultsDir, screenshot, type App } from './harness'

const COLUMNS = [
  '市', '县', '乡', '村', '户编号', '人编号', '姓名', '性别', '证件类型', '证件号码', '与户主关系', '户类型', '人数', '出生日期', '民族',
  '户联系电话', '家庭成员联系电话', '文化程度', '在校生状况', '健康状况', '劳动技能', '是否参加城乡居民基本医疗保险', '是否参加城镇职工基本医疗保险',
  '是否参加大病保险', '是否参加城乡居民基本养老保险', '是否参加城镇职工基本养老保险', '耕地面积（亩）', '林地面积（亩）', '退耕还林面积（亩）',
  '林果面积（亩）', '牧草地面积', '水面面积', '与村主干路距离', '入户道路是否硬化', '是否通生活用电', '是否有卫生厕所', '住房面积', '是否危房户',
  '是否解决安全饮用水', '工资性收入', '生产经营性收入', '财产性收入', '转移性收入', '生产经营性支出', '家庭纯收入', '人均纯收入（元）', '合规自付支出',
]

/** Eight clean households written as the national export writes them, with three defects planted. */
async function nationalExport(file: string): Promise<{ landNo: string; ethnicName: string }> {
  const data = emptyLedger()
  for (let i = 1; i <= 8; i++) data.households.push(cleanHousehold(i, i))
  const land = data.households[1]!
  land.arable_land_area = '150'
  const ethnic = data.households[3]!.members[1]!
  ethnic.ethnicity = null
  data.households[5]!.extra['是否通生活用电'] = '否'
  const ctx = new RunContext(data, '2025-06-01')
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('监测对象信息')
  sheet.addRow(['（自定义）监测对象信息'])
  sheet.addRow(['导出时间：2025-06-01'])
  sheet.addRow(COLUMNS)
  for (const p of ctx.persons) {
    sheet.addRow(COLUMNS.map((c) => (c === '市' ? '黔南州' : c === '人编号' ? `${p.household.h.household_no}0${p.m.id % 10}` : c === '出生日期' ? p.birth!.replace(/-/g, '') : p.get(c))))
  }
  await wb.xlsx.writeFile(file)
  return { landNo: land.household_no!, ethnicName: ethnic.name }
}

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('checks')
  page = app.page
  await page.setViewportSize({ width: 1366, height: 768 })
})

afterAll(() => app?.close())

describe('疑点核查: import → run → waive → fix → export', () => {
  it('finds the planted defects, waives one, clears a fixed one on the household page, and exports the workbook', async () => {
    const file = path.join(app.dir, '监测对象信息.xlsx')
    const planted = await nationalExport(file)
    await page.goto(app.host.url)
    await page.getByRole('menuitem', { name: '导入花名册' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles(file)
    await page.getByText(/表头在第 3 行/).waitFor({ timeout: 60_000 })
    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.getByText('导入完成').waitFor({ timeout: 60_000 })
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM households')[0]!.n).toBe(8)

    await page.getByRole('menuitem', { name: '疑点核查' }).click()
    const date = page.getByLabel('核查日期', { exact: true })
    await date.click()
    await date.fill('2025-06-01')
    await date.press('Enter')
    await page.getByRole('button', { name: '开始核查' }).click()
    await page.getByText(/上次核查：/).waitFor({ timeout: 30_000 })
    const rules = page.locator('.ant-card').filter({ hasText: '按规则' })
    await expect.poll(() => rules.innerText()).toContain('耕地面积超出合理范围')
    expect(await rules.innerText()).toContain('民族为空')
    expect(await rules.innerText()).toContain('未通生活用电或为空')
    const found = app.query<{ rule: string }>('SELECT rule FROM check_findings ORDER BY rule').map((r) => r.rule)
    expect(found).toEqual(['identity.ethnicity-blank', 'land.arable-range', 'living.electricity'])
    await screenshot(page, 'checks-01-run')

    // Waive the 民族 item.
    const list = page.locator('.ant-card').filter({ hasText: '疑点清单' })
    const ethnicRow = list.locator('tr.ant-table-row').filter({ hasText: planted.ethnicName })
    await ethnicRow.locator('.ant-checkbox-input').check()
    await list.getByRole('button', { name: /豁免所选（1）/ }).click()
    const dialog = page.locator('.ant-modal').filter({ hasText: '豁免 1 条疑点' })
    await dialog.getByLabel('豁免理由').fill('户籍系统民族信息待公安更正，已报县里')
    await dialog.getByRole('button', { name: /豁\s*免/ }).click()
    await expect.poll(() => app.query('SELECT rule, reason FROM check_waivers')).toEqual([{ rule: 'identity.ethnicity-blank', reason: '户籍系统民族信息待公安更正，已报县里' }])
    await expect.poll(() => list.locator('tr.ant-table-row').count()).toBe(2)
    await list.getByText('已豁免', { exact: true }).click()
    await expect.poll(() => list.innerText()).toContain('户籍系统民族信息待公安更正')
    await screenshot(page, 'checks-02-waived')
    await list.getByText('未处理', { exact: true }).click()

    // Open the household of the 耕地 item and fix it there.
    await list.locator('tr.ant-table-row').filter({ hasText: planted.landNo }).dblclick()
    await page.waitForURL(/#\/households\/\d+$/)
    const checks = page.locator('.household-checks')
    await expect.poll(() => checks.innerText()).toContain('耕地面积超出合理范围')
    await screenshot(page, 'checks-03-household')
    const land = page.locator('[data-card="land"]')
    await land.getByRole('button', { name: /编\s*辑/ }).click()
    await land.getByLabel('耕地面积', { exact: true }).fill('15')
    await land.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(() => checks.innerText(), { timeout: 15_000 }).toContain('无疑点')
    await screenshot(page, 'checks-04-fixed')
    expect(app.query('SELECT rule FROM check_findings ORDER BY rule').map((r) => (r as { rule: string }).rule)).toEqual(['identity.ethnicity-blank', 'living.electricity'])

    // The printable summary, then the workbook.
    await page.getByRole('menuitem', { name: '疑点核查' }).click()
    await page.getByRole('button', { name: '打印汇总' }).click()
    await expect.poll(() => page.locator('.checks-print').innerText()).toContain('未通生活用电或为空')
    await page.pdf({ path: path.join(resultsDir, 'checks-summary.pdf'), preferCSSPageSize: true })
    await screenshot(page, 'checks-05-print')
    await page.getByRole('button', { name: '← 返回' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出核查结果（.xlsx）' }).click()
    const saved = path.join(app.dir, '疑点核查.xlsx')
    await (await download).saveAs(saved)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(saved)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '未通生活用电或为空'])
    const sheet = wb.getWorksheet('未通生活用电或为空')!
    const header = sheet.getRow(1).values as unknown[]
    expect(header).toEqual(expect.arrayContaining(['是否通生活用电', '问题说明']))
    expect(String(sheet.getRow(2).getCell(header.indexOf('问题说明')).value)).toContain('是否通生活用电')
  }, 120_000)
})
