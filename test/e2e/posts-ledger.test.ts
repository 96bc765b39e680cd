/**
 * 公益性岗位 in the UI: the demo's reminder, a new post, a roster member assigned to it with an end
 * month this month, this month's payroll entered for the post's holders at once, the reminder for the
 * new holding, and the month's 工资发放表 printed (checked with pdftotext); screenshots at 1366×768.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, resultsDir, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('posts')
  page = app.page
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
})

afterAll(() => app?.close())

const now = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

describe('公益性岗位', () => {
  it('creates a post, assigns a holder, enters a payroll month, sees the reminder and prints the 工资发放表', async () => {
    await page.getByRole('menuitem', { name: '公益性岗位' }).click()
    await page.waitForURL(/#\/posts$/)
    await page.getByText('聘用期将满 1').waitFor()
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBeGreaterThanOrEqual(3)
    await screenshot(page, 'posts-01-list')

    await page.getByRole('button', { name: '新增岗位' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('岗位类型').click()
    await page.locator('.ant-select-item-option').filter({ hasText: /^护河员$/ }).click()
    await dialog.getByLabel('岗位名称').fill('河道巡查')
    await dialog.getByLabel('岗位补贴（元/月）').fill('733.33')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await page.waitForURL(/#\/posts\/\d+$/)
    await page.getByRole('heading', { name: /护河员/ }).waitFor()

    const [person] = app.query<{ name: string }>(
      `SELECT m.name FROM members m JOIN households h ON h.id = m.household_id WHERE m.removed_reason IS NULL AND m.birth_date BETWEEN '1965-01-01' AND '1995-12-31'
         AND (m.school_status IS NULL OR m.school_status = '非在校生') AND NOT EXISTS (SELECT 1 FROM post_holdings hd WHERE hd.member_id = m.id)
         AND (SELECT COUNT(*) FROM members o WHERE o.name = m.name) = 1 ORDER BY m.id LIMIT 1`,
    )
    await page.getByRole('button', { name: '安排上岗' }).click()
    const assign = page.getByRole('dialog')
    await assign.getByLabel('上岗人员').fill(person!.name)
    await page.locator('.ant-select-item-option').filter({ hasText: person!.name }).first().click()
    await assign.getByLabel('聘用结束月份').fill(now())
    await assign.getByLabel('聘用结束月份').press('Enter')
    await assign.getByRole('button', { name: /安排上岗/ }).click()
    await page.locator('tr.ant-table-row').filter({ hasText: person!.name }).first().waitFor()
    await page.getByText(/聘用期 \d{4}-\d{2} 结束，还有 \d+ 天/).first().waitFor()

    // This month's payroll for the post's holders, the pay filled in from the post.
    await expect.poll(() => page.getByLabel(`${person!.name} 发放金额`).inputValue()).toBe('733.33')
    await page.getByLabel(`${person!.name} 出勤天数`).fill('21')
    await page.getByLabel(`${person!.name} 出勤情况`).fill('全勤')
    await page.getByRole('button', { name: '保存本月工资' }).click()
    await page.getByText(/已保存 \d{4}-\d{2} 的工资发放（1 人）/).waitFor()
    await screenshot(page, 'posts-02-post')
    expect(app.query<{ amount_fen: number; days: number }>('SELECT amount_fen, days FROM post_payroll ORDER BY id DESC LIMIT 1')).toEqual([{ amount_fen: 73_333, days: 21 }])
    expect(app.query("SELECT 1 FROM audit_log WHERE table_name = 'post_payroll' AND action = 'insert'").length).toBeGreaterThanOrEqual(1)

    // The reminder on the posts page and on 监测预警, each opening the household.
    await page.getByRole('button', { name: '← 公益性岗位' }).click()
    await page.getByText('聘用期将满 2').waitFor()
    await page.locator('.ant-list-item').filter({ hasText: person!.name }).getByText('打开户').click()
    await page.waitForURL(/#\/households\/\d+$/)
    await page.locator('.ant-card').filter({ hasText: '公益性岗位' }).filter({ hasText: '护河员' }).first().waitFor()
    await screenshot(page, 'posts-03-household')
    await page.getByRole('menuitem', { name: /监测预警/ }).click()
    await page.getByText('公益岗位聘用期将满').first().waitFor()
    await screenshot(page, 'posts-05-worklists')

    await page.evaluate("location.hash = '#/print/posts-roster'")
    await page.getByRole('heading', { name: /公益性岗位人员花名册/ }).waitFor()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain(person!.name)
    await screenshot(page, 'posts-06-roster')

    await page.evaluate(`location.hash = '#/print/posts-payslip/${now()}'`)
    await page.getByRole('heading', { name: /工资发放表/ }).waitFor()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain(person!.name)
    await screenshot(page, 'posts-04-payslip')
    const pdf = path.join(resultsDir, 'posts-payslip.pdf')
    await page.pdf({ path: pdf, preferCSSPageSize: true })
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString()
    expect(text).toContain('工资发放表')
    expect(text).toContain('领款人签字')
    expect(text).toContain(person!.name)
    expect(text).toContain('733.33')
    expect(app.errors).toEqual([])
  })
})
