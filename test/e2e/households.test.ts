import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('households')
  page = app.page
})

afterAll(() => app?.close())

const readDb = <T>(sql: string, ...params: unknown[]): T => app.query<T>(sql, ...params)[0]!

const rows = () => page.locator('.ant-table-tbody tr.ant-table-row')

describe('first run: demo township, search, household page', () => {
  it('offers the demo township on an empty ledger and loads it with progress', async () => {
    await page.goto(app.host.url)
    await page.getByText('台账还是空的').waitFor()
    await screenshot(page, 'foundation-01-empty')
    await page.getByRole('button', { name: '载入示例乡镇' }).click()
    await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
    await expect.poll(() => rows().count()).toBe(50)
    await expect.poll(() => page.getByText(/共 360 户/).count()).toBe(1)
    await screenshot(page, 'foundation-02-list')
    // The token was moved out of the address bar.
    expect(page.url()).not.toContain('token=')
  })

  it('finds a household by name and by the tail of an ID number', async () => {
    const target = readDb<{ name: string; id_number: string; household_id: number; household_no: string }>(
      `SELECT m.name, m.id_number, m.household_id, h.household_no FROM members m JOIN households h ON h.id = m.household_id
       WHERE m.relation = '之子' ORDER BY m.id LIMIT 1`,
    )
    const search = page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话')
    await search.fill(target.name)
    await search.press('Enter')
    await expect.poll(() => page.locator(`tr[data-row-key="${target.household_id}"]`).count()).toBe(1)
    await screenshot(page, 'foundation-03-search-name')

    await search.fill(target.id_number.slice(-6))
    await search.press('Enter')
    await expect.poll(() => page.locator(`tr[data-row-key="${target.household_id}"]`).count()).toBe(1)
    const shown = await rows().count()
    expect(shown).toBeGreaterThanOrEqual(1)
    expect(shown).toBeLessThan(5)

    await page.locator(`tr[data-row-key="${target.household_id}"]`).click()
    await page.getByText('家庭成员').waitFor()
    const members = app.query<{ name: string; id_number: string; relation: string }>(
      'SELECT name, id_number, relation FROM members WHERE household_id = ? ORDER BY sort_order',
      target.household_id,
    )
    const memberRows = page.locator('.ant-card').filter({ hasText: '家庭成员' }).locator('tr.ant-table-row')
    await expect.poll(() => memberRows.count()).toBe(members.length)
    // ID numbers are masked until the clerk reveals one, which is logged.
    const { maskIdNumber } = await import('../../shared/domain/id-number')
    for (const m of members) {
      const row = memberRows.filter({ hasText: maskIdNumber(m.id_number) }).filter({ hasText: m.name })
      await expect.poll(() => row.count()).toBeGreaterThanOrEqual(1)
      expect(await row.first().innerText()).toContain(m.relation)
      expect(await row.first().innerText()).not.toContain(m.id_number)
    }
    // Located by name: once revealed, the row no longer shows the masked number.
    const first = memberRows.filter({ hasText: members[0]!.name }).first()
    await first.getByRole('button', { name: '显示完整证件号码' }).click()
    await expect.poll(() => first.innerText()).toContain(members[0]!.id_number)
    expect(readDb<{ n: number }>("SELECT count(*) AS n FROM access_log WHERE action = 'reveal_id'").n).toBe(1)
    await expect.poll(() => page.getByText(target.household_no).count()).toBeGreaterThan(0)
    await screenshot(page, 'foundation-04-household')
  })

  it('finds a household by the pinyin initials of a member, and moves through results with the keyboard', async () => {
    const target = readDb<{ name_pinyin: string; household_id: number }>(
      "SELECT name_pinyin, household_id FROM members WHERE relation = '户主' ORDER BY id LIMIT 1",
    )
    const initials = target.name_pinyin.split('|')[2]!
    const search = page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话')
    await page.getByRole('button', { name: /返回户列表/ }).click()
    await search.fill(initials)
    await search.press('Enter')
    await expect.poll(() => page.locator(`tr[data-row-key="${target.household_id}"]`).count()).toBe(1)
    await screenshot(page, 'foundation-06-pinyin')
    // ↓ moves the highlight; Enter opens the highlighted household.
    await page.locator('.app-header h1').click() // out of the search box, onto nothing that acts
    const rowsShown = await rows().count()
    if (rowsShown > 1) await page.keyboard.press('ArrowDown')
    const highlighted = await page.locator('tr.row-cursor').getAttribute('data-row-key')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain(`#/households/${highlighted}`)

  })

  it('comes back to the list with the last search kept, and filters by village and status', async () => {
    await page.getByRole('button', { name: /返回户列表/ }).click()
    await expect.poll(() => page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话').inputValue()).toMatch(/^[a-z]{2,4}$/)
    await page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话').fill('')
    await page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话').press('Enter')
    await page.getByLabel('行政村').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '青山村' }).click()
    await page.getByLabel('脱贫状态').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '未脱贫' }).click()
    const expected = readDb<{ n: number }>(
      "SELECT count(*) AS n FROM households h JOIN villages v ON v.id = h.village_id WHERE v.name = '青山村' AND h.exit_status = '未脱贫'",
    )
    await expect.poll(() => page.getByText(`共 ${expected.n} 户`).count()).toBe(1)
    await screenshot(page, 'foundation-05-filtered')
    // From the first household of this list, 下一户 and Alt+→ step through it in order.
    const keys = await rows().evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.getAttribute('data-row-key')))
    await rows().first().click()
    await page.getByRole('button', { name: /下一户/ }).click()
    await expect.poll(() => page.url()).toContain(`#/households/${keys[1]}`)
    // The shortcut belongs to the household page: wait until it has loaded.
    await page.getByRole('button', { name: /下一户/ }).waitFor()
    await page.keyboard.press('Alt+ArrowRight')
    await expect.poll(() => page.url()).toContain(`#/households/${keys[2]}`)
    await page.getByRole('button', { name: /返回户列表/ }).click()
  })

  it('exports the roster with full IDs and re-imports it with zero changes', async () => {
    await page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话').fill('')
    await page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话').press('Enter')
    await page.getByRole('button', { name: '导出花名册' }).click()
    await page.getByText('标准格式（全部字段）').click()
    await page.getByText('全部户', { exact: true }).click()
    await page.getByText('包含完整证件号码和电话').click()
    await screenshot(page, 'foundation-07-export')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: /导\s*出/ }).last().click()
    const file = path.join(app.dir, 'exported.xlsx')
    await (await download).saveAs(file)
    expect(readDb<{ n: number }>("SELECT count(*) AS n FROM access_log WHERE action = 'export_unmasked'").n).toBe(1)

    await page.getByRole('menuitem', { name: '导入花名册' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles(file)
    await page.getByText(/共 \d+ 行数据，表头在第 1 行/).waitFor({ timeout: 60_000 })
    const stats = page.locator('.ant-statistic')
    // 户: 新增 变更 未变 表中没有, then 人 the same.
    await expect.poll(async () => (await stats.allInnerTexts()).map((t) => t.replace(/[\s,]+/g, ''))).toEqual(['新增0', '变更0', '未变360', '表中没有0', '新增0', '变更0', `未变${readDb<{ n: number }>('SELECT count(*) AS n FROM members').n}`, '表中没有0'])
    await screenshot(page, 'foundation-08-reimport')
    await page.getByRole('menuitem', { name: '户台账' }).click()
  })

  it('removes the demo township again', async () => {
    await page.getByRole('button', { name: '移除示例数据' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: /移\s*除/ }).click()
    await page.getByText('台账还是空的').waitFor()
    expect(readDb<{ n: number }>('SELECT count(*) AS n FROM households').n).toBe(0)
    expect(app.errors).toEqual([])
  })
})
