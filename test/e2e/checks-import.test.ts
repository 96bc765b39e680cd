/**
 * Errors come in as findings, in the UI: a national-shaped roster whose rows carry import errors (a
 * wrong check character, two 户主 in one household) is imported with 「全部导入，错误记为疑点」; the
 * preview says what it would add, the import runs the checks by itself, 疑点核查 lists the errors
 * under their rules, and the ID fixed on the household page clears there. Then 核查设置 refuses a
 * month that does not exist. 1366×768 screenshots.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idCheckChar } from '../../shared/domain/id-number'
import { cleanHousehold, emptyLedger } from '../../electron/core/checks/examples'
import { RunContext } from '../../electron/core/checks/views'
import { openApp, screenshot, type App } from './harness'

const COLUMNS = [
  '县', '乡', '村', '户编号', '人编号', '姓名', '性别', '证件类型', '证件号码', '与户主关系', '户类型', '人数', '出生日期', '民族',
  '文化程度', '在校生状况', '健康状况', '劳动技能',
]

/** Six clean households; a wrong check character on one person, a second 户主 in another household. */
async function rosterWithErrors(file: string): Promise<{ badName: string; badId: string; badHouseholdNo: string; twoHeadsNo: string }> {
  const data = emptyLedger()
  for (let i = 1; i <= 6; i++) data.households.push(cleanHousehold(i, i))
  const bad = data.households[1]!.members[1]!
  const right = bad.id_number!
  bad.id_number = right.slice(0, 17) + (right[17] === '1' ? '2' : '1')
  data.households[4]!.members[2]!.relation = '户主'
  const ctx = new RunContext(data, '2025-06-01')
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('花名册')
  sheet.addRow(['建档立卡户花名册（示例数据）'])
  sheet.addRow(COLUMNS)
  for (const p of ctx.persons) {
    sheet.addRow(COLUMNS.map((c) => (c === '人编号' ? `${p.household.h.household_no}0${p.m.id % 10}` : c === '出生日期' ? p.birth!.replace(/-/g, '') : p.get(c))))
  }
  await wb.xlsx.writeFile(file)
  return { badName: bad.name, badId: bad.id_number, badHouseholdNo: data.households[1]!.household_no!, twoHeadsNo: data.households[4]!.household_no! }
}

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('checks-import')
  page = app.page
  await page.setViewportSize({ width: 1366, height: 768 })
})

afterAll(() => app?.close())

describe('疑点核查: import with the errors kept → findings → fix on the household page', () => {
  it('imports every row with 「全部导入，错误记为疑点」, lists the errors under their rules, and clears a fixed one', async () => {
    const file = path.join(app.dir, '花名册-有错误.xlsx')
    const planted = await rosterWithErrors(file)
    await page.goto(app.host.url)
    await page.getByRole('menuitem', { name: '导入花名册' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles(file)
    await page.getByText(/发现 \d+ 处错误/).waitFor({ timeout: 60_000 })
    const commit = page.getByRole('button', { name: /确认导入/ })
    expect(await commit.isDisabled()).toBe(true)
    const wouldAdd = page.locator('.import-would-add')
    await expect.poll(() => wouldAdd.innerText()).toContain('身份证号码校验位错误')
    expect(await wouldAdd.innerText()).toContain('一户有多个户主')
    await page.getByText('全部导入，错误记为疑点', { exact: true }).click()
    await expect.poll(() => page.locator('.keep-issues-note').innerText()).toContain('表中每一行都能认出，全部导入')
    await screenshot(page, 'checks-import-01-preview')
    await commit.click()
    await page.getByText('导入完成').waitFor({ timeout: 60_000 })
    await expect.poll(() => page.locator('.import-check-result').innerText()).toMatch(/导入后已自动核查疑点：未处理 \d+ 条/)
    await screenshot(page, 'checks-import-02-done')
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM households')[0]!.n).toBe(6)
    expect(app.query('SELECT id_number FROM members WHERE name = ? AND id_number = ?', planted.badName, planted.badId)).toHaveLength(1)

    // The import's own run put the errors on 疑点核查.
    await page.getByRole('button', { name: '查看疑点核查' }).click()
    const rules = page.locator('.ant-card').filter({ hasText: '按规则' })
    await expect.poll(() => rules.innerText()).toContain('身份证号码校验位错误')
    expect(await rules.innerText()).toContain('一户有多个户主')
    const list = page.locator('.ant-card').filter({ hasText: '疑点清单' })
    await expect.poll(() => list.innerText()).toContain(planted.twoHeadsNo)
    await screenshot(page, 'checks-import-03-findings')

    // Fix the ID number on the household page: its 疑点 clears without a reload.
    await rules.locator('tr.ant-table-row').filter({ hasText: '身份证号码校验位错误' }).click()
    await expect.poll(() => list.locator('tr.ant-table-row').count()).toBe(1)
    await list.locator('tr.ant-table-row').filter({ hasText: '身份证号码校验位错误' }).dblclick()
    await page.waitForURL(/#\/households\/\d+$/)
    const checks = page.locator('.household-checks')
    await expect.poll(() => checks.innerText()).toContain('身份证号码校验位错误')
    await page.getByRole('button', { name: `修改${planted.badName}` }).click()
    const dialog = page.locator('.ant-modal').filter({ hasText: `修改成员「${planted.badName}」` })
    await dialog.getByRole('button', { name: '显示后修改证件号码' }).click()
    const input = dialog.getByLabel('证件号码', { exact: true })
    await expect.poll(() => input.inputValue()).toBe(planted.badId)
    await input.fill(planted.badId.slice(0, 17) + idCheckChar(planted.badId.slice(0, 17)))
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(() => checks.innerText(), { timeout: 15_000 }).not.toContain('身份证号码校验位错误')
    await screenshot(page, 'checks-import-04-fixed')
    expect(app.query("SELECT rule FROM check_findings WHERE rule = 'identity.check-character'")).toEqual([])

    // 核查设置: a month that does not exist is refused in Chinese, a good one is saved.
    await page.getByRole('menuitem', { name: '疑点核查' }).click()
    await page.getByRole('button', { name: '核查设置' }).click()
    const settings = page.locator('.ant-modal').filter({ hasText: '核查设置' })
    await settings.getByLabel('补贴识别月份至').fill('202313')
    await settings.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(() => settings.innerText()).toContain('补贴截止月份应写成 6 位年月')
    await screenshot(page, 'checks-import-05-settings')
    await settings.getByLabel('补贴识别月份至').fill('202302')
    await settings.getByLabel('每名帮扶责任人最多结对户数').fill('8')
    await settings.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByText('核查设置已保存').waitFor()
    const saved = JSON.parse(app.query<{ value: string }>("SELECT value FROM settings WHERE key = 'checks.settings'")[0]!.value) as Record<string, unknown>
    expect(saved).toMatchObject({ premiumSubsidyTo: '202302', maxHouseholdsPerHelper: 8 })
  }, 90_000)
})
