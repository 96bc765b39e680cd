/**
 * 小额信贷 in the UI: the demo's reminders and per-village totals, a generated bank list (万元 header,
 * title rows, a person not in the ledger) previewed and imported, a loan opened and a repayment added,
 * the overdue loan on 监测预警, and the printed 小额信贷台账; screenshots at 1366×768.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeId, WAN_HEADER, writeCreditWorkbook } from '../fixtures/credit-workbook'
import { openApp, resultsDir, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('credit')
  page = app.page
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
})

afterAll(() => app?.close())

describe('小额信贷台账', () => {
  it('shows the reminders, imports a bank list with its preview, adds a repayment, shows the overdue loan on 监测预警 and prints the ledger', async () => {
    await page.getByRole('menuitem', { name: '小额信贷' }).click()
    await page.waitForURL(/#\/credit$/)
    await page.getByText('笔贷款已逾期').waitFor()
    await expect.poll(() => page.locator('.ant-card').first().locator('tr.ant-table-row').count()).toBe(4)
    await expect.poll(() => page.locator('[data-card="credit-totals"]').innerText()).toContain('合计')
    await screenshot(page, 'credit-01-ledger')

    // Two people of the roster and one the ledger lacks, amounts in 万元.
    const people = app.query<{ name: string; id_number: string; village: string }>(
      `SELECT m.name, m.id_number, v.name AS village FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
        WHERE m.relation = '户主' AND m.id_number IS NOT NULL AND h.id NOT IN (SELECT household_id FROM credit_loans) ORDER BY h.id LIMIT 2`,
    )
    const file = path.join(app.dir, '示例县小额信贷发放明细.xlsx')
    await writeCreditWorkbook(file, {
      titles: ['示例县脱贫人口小额信贷发放明细表', '填报单位：示例县农村商业银行'],
      header: WAN_HEADER,
      rows: [
        [1, people[0]!.village, people[0]!.name, people[0]!.id_number, 'AA', 5, '示例县农村商业银行', 'E2E-001', 5, '2026-01-15', 36, null, '养羊', '户贷户用', null, null],
        [2, people[1]!.village, people[1]!.name, people[1]!.id_number, 'A', 3, '示例县农村商业银行', 'E2E-002', 3, '2026-02-01', 12, null, '种植', '户贷户用', null, 120],
        [3, '示例一村', '外乡人', fakeId(77), null, null, '示例县农村商业银行', 'E2E-003', 2, '2026-02-01', 12, null, '种植', null, null, null],
      ],
      footer: ['合计', null, null, null, null, null, null, null, 10],
    })
    await page.getByRole('button', { name: '导入贷款名单' }).click()
    await page.waitForURL(/#\/credit\/import$/)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles(file)
    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '新增' }).first().innerText(), { timeout: 60_000 }).toContain('2')
    await page.getByText('1 行的借款人不在户台账中').waitFor()
    await page.getByRole('tab', { name: /台账中没有的人/ }).click()
    await page.getByText('外乡人', { exact: true }).waitFor()
    await screenshot(page, 'credit-02-import-preview')
    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.getByText('贷款名单已导入').waitFor({ timeout: 60_000 })
    expect(app.query<{ amount_fen: number }>("SELECT amount_fen FROM credit_loans WHERE contract_no LIKE 'E2E-%' ORDER BY contract_no")).toEqual([{ amount_fen: 5_000_000 }, { amount_fen: 3_000_000 }])

    await page.getByRole('button', { name: '查看小额信贷台账' }).click()
    await page.waitForURL(/#\/credit$/)
    await page.locator('tr.ant-table-row').filter({ hasText: 'E2E-001' }).click()
    await page.waitForURL(/#\/credit\/\d+$/)
    await page.getByText(`${people[0]!.name}的贷款`).waitFor()
    await page.getByLabel('还款日期').fill('2026-03-01')
    await page.getByLabel('还款日期').press('Enter')
    await page.getByLabel('还款金额（元）').fill('12000.50')
    await page.getByRole('button', { name: '登记还款' }).click()
    await page.locator('[data-card="repayments"]').getByText('12,000.50').waitFor()
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('37,999.50 元')
    await screenshot(page, 'credit-03-loan')
    expect(app.query(`SELECT a.actor FROM audit_log a WHERE a.table_name = 'credit_repayments' AND a.action = 'insert'
      AND a.record_id IN (SELECT r.id FROM credit_repayments r JOIN credit_loans l ON l.id = r.loan_id WHERE l.contract_no = 'E2E-001' AND r.amount_fen = 1200050)`)).toHaveLength(1)

    // The household page's 小额信贷 card shows the rating and the loan with its balance.
    await page.getByRole('button', { name: '打开借款户' }).click()
    await page.waitForURL(/#\/households\/\d+$/)
    const card = page.locator('[data-card="credit"]')
    await card.getByText('E2E-001').waitFor()
    await expect.poll(() => card.innerText()).toContain('37,999.50')
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'credit-03b-household-card')

    await page.getByRole('menuitem', { name: /监测预警/ }).click()
    await page.getByRole('tab', { name: /小额信贷逾期/ }).click()
    await expect.poll(() => page.locator('[data-list="credit_overdue"] tr.ant-table-row').count()).toBe(1)
    await expect.poll(() => page.locator('[data-list="credit_overdue"]').innerText()).toContain('已于')
    await screenshot(page, 'credit-04-worklist')

    await page.evaluate("location.hash = '#/print/credit'")
    await page.getByRole('heading', { name: /扶贫小额信贷台账/ }).waitFor()
    await expect.poll(() => page.locator('.print-sheet table').first().locator('tbody tr').count()).toBe(6)
    await screenshot(page, 'credit-05-print')
    await page.pdf({ path: path.join(resultsDir, 'credit-ledger.pdf'), preferCSSPageSize: true })
    expect(app.errors).toEqual([])
  })
})
