/**
 * A 只读 account sees no edit controls: every write control is tied to the op it runs and asks
 * the contract (renderer/src/accounts: Can, useCan), so 只读 browses, searches, prints and
 * exports, while 新增 / 修改 / 删除 / 导入 / 保存 … are hidden or disabled with 「只读账户不能修改」.
 * Without accounts and for 经办人 the same pages offer them as before.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { LedgerBridge } from '../../shared/api/bridge'
import { openApp, screenshot, type App } from './harness'

// The page's globals, for the functions run in it (this project's Node types have no DOM).
declare const window: { ledger: LedgerBridge }
declare const document: { querySelectorAll(s: string): Iterable<{ textContent: string | null; closest(s: string): unknown }> }

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('readonly')
  page = app.page
})

afterAll(() => app?.close())

const ADMIN = { username: 'admin', displayName: '张主任', password: 'Qingshan-2026!' }
const VIEWER = { username: 'wang', displayName: '王查看', role: 'readonly', password: 'Chakan-Zhanghu-26' }
const CLERK = { username: 'li', displayName: '李干事', role: 'clerk', password: 'Ganshi-Taizhang-77' }

/** Words that start a write control's caption (antd puts a space between two Chinese characters). */
const WRITE = /^(新增|新建|修改|编辑|删除|移出|移除|导入|保存|撤销|登记|结对|更换|调整|上传|办结|添加|豁免|取消豁免|开始核查|核查设置|立即备份|恢复|撤岗|安排上岗|记录走访|设为默认|填写|载入示例)/

/** The captions of the page's enabled buttons and links that would write (the header's 修改密码/退出 aside). */
async function enabledWrites(): Promise<string[]> {
  const captions = await page.evaluate(() =>
    [...document.querySelectorAll('.app-content button:not([disabled]), .app-content a')]
      .filter((e) => !e.closest('.ant-pagination') && !e.closest('.ant-tabs-nav'))
      .map((e) => (e.textContent ?? '').replace(/\s+/g, '')),
  )
  return captions.filter((c) => WRITE.test(c))
}

async function login(u: { username: string; password: string }) {
  await page.getByLabel('用户名').fill(u.username)
  await page.getByLabel('密码', { exact: true }).fill(u.password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
}

async function logout() {
  await page.getByRole('button', { name: /退\s*出/ }).click()
  await page.getByRole('button', { name: /登\s*录/ }).waitFor()
}

const invoke = (name: string, input: unknown = {}) =>
  page.evaluate(async ([n, i]) => await window.ledger.invoke(n, i), [name, input] as const) as Promise<{ ok: boolean; error?: { message: string } }>

const goto = async (hash: string) => {
  await page.evaluate(`location.hash = '${hash}'`)
}

/** A household of the demo with an open monitoring case, a loan and a work spell where possible. */
let householdId = 0
let projectId = 0
let loanId = 0

describe('a read-only account', () => {
  it('without accounts offers every edit control as before', async () => {
    await page.goto(app.host.url)
    await page.getByRole('button', { name: '载入示例乡镇' }).click()
    await page.getByText(/台账中有示例数据/).waitFor({ timeout: 60_000 })
    householdId = app.query<{ id: number }>('SELECT household_id AS id FROM monitoring_cases ORDER BY id LIMIT 1')[0]!.id
    projectId = app.query<{ id: number }>('SELECT id FROM projects ORDER BY id LIMIT 1')[0]!.id
    loanId = app.query<{ id: number }>('SELECT id FROM credit_loans ORDER BY id LIMIT 1')[0]!.id
    await goto(`#/households/${householdId}`)
    await page.getByRole('button', { name: '新增成员' }).waitFor()
    expect(await page.getByRole('button', { name: '新增成员' }).isEnabled()).toBe(true)
    expect(await enabledWrites()).toEqual(expect.arrayContaining(['编辑', '新增成员', '调整村组', '登记']))
    expect(await page.locator('.app-user').count()).toBe(0)
  })

  it('sets up 管理员, 只读 and 经办人', async () => {
    await page.getByRole('menuitem', { name: '账户与日志' }).click()
    await page.getByLabel('用户名').fill(ADMIN.username)
    await page.getByLabel('姓名（记入修改记录）').fill(ADMIN.displayName)
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password)
    await page.getByRole('button', { name: '设置管理员账户' }).click()
    await page.getByText('张主任（管理员）', { exact: true }).waitFor()
    expect((await invoke('accounts.add', VIEWER)).ok).toBe(true)
    expect((await invoke('accounts.add', CLERK)).ok).toBe(true)
    await logout()
  })

  it('browses the household list and a household page with no enabled write control, and still searches, prints and exports', async () => {
    await login(VIEWER)
    // A small 只读 tag beside the name.
    await page.locator('.app-user').getByText('王查看', { exact: true }).waitFor()
    await page.locator('.app-user .ant-tag').filter({ hasText: '只读' }).waitFor()
    const menu = await page.locator('.app-menu').getByRole('menuitem').allInnerTexts()
    expect(menu).not.toContain('导入花名册')
    expect(menu).not.toContain('监测设置')
    expect(menu).not.toContain('账户与日志')

    await page.getByRole('menuitem', { name: '户台账' }).click()
    const rows = page.locator('.app-content tr.ant-table-row')
    await rows.first().waitFor()
    expect(await enabledWrites()).toEqual([])
    // Search works.
    const head = app.query<{ name: string }>("SELECT m.name FROM members m WHERE m.household_id = ? AND m.relation = '户主'", householdId)[0]!.name
    await page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话').fill(head)
    await page.getByPlaceholder('姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话').press('Enter')
    await expect.poll(() => rows.first().innerText()).toContain(head)
    // Export works, masked only: the full-number choice the core refuses to 只读 is not offered.
    await page.getByRole('button', { name: '导出花名册' }).click()
    const dialog = page.locator('.ant-modal').filter({ hasText: '导出花名册' })
    await dialog.getByText('全部户', { exact: true }).click()
    expect(await dialog.getByText('包含完整证件号码和电话').count()).toBe(0)
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: /导\s*出/ }).last().click()
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByRole('button', { name: '打印户卡' }).isEnabled()).toBe(true)

    await goto(`#/households/${householdId}`)
    await page.locator('[data-card="monitoring"]').waitFor()
    await page.getByRole('button', { name: '打印户卡' }).waitFor()
    await expect.poll(() => page.locator('.app-content .ant-card').count()).toBeGreaterThan(8)
    expect(await enabledWrites()).toEqual([])
    // The layout stays: 新增成员 and 编辑 are there, disabled, saying why.
    const add = page.getByRole('button', { name: '新增成员' })
    expect(await add.isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: /编\s*辑/ }).first().isDisabled()).toBe(true)
    // Hovered again until the tooltip shows: cards still loading can move the button from under the mouse.
    const why = page.getByRole('tooltip').filter({ hasText: '只读账户不能修改' })
    await vi.waitFor(
      async () => {
        await page.mouse.move(0, 0)
        await page.locator('.can-disabled').filter({ has: add }).hover()
        await why.waitFor({ timeout: 2000 })
      },
      { timeout: 30_000, interval: 100 },
    )
    // No entry forms: status events, monitoring steps, measures.
    expect(await page.locator('[data-form="step"], [data-form="measure"]').count()).toBe(0)
    expect(await page.locator('.app-content').getByRole('button', { name: /打印一户一策/ }).isEnabled()).toBe(true)
    await page.mouse.move(0, 0)
    await screenshot(page, 'accounts-readonly-household')
    // The core refuses the write anyway.
    const refused = await invoke('households.update', { id: householdId, patch: { phone: '13800000000' } })
    expect(refused).toMatchObject({ ok: false, error: { message: '只读账户不能修改台账。如需修改，请用经办人或管理员账户登录。' } })
  })

  it('sees projects, monitoring, checks, credit and problems without write controls, printing and exporting still there', async () => {
    await page.getByRole('menuitem', { name: '项目台账' }).click()
    await page.locator('.app-content tr.ant-table-row').first().waitFor()
    expect(await enabledWrites()).toEqual([])
    expect(await page.getByRole('button', { name: '新建项目' }).isDisabled()).toBe(true)

    await goto(`#/projects/${projectId}`)
    await page.getByLabel('项目名称').waitFor()
    expect(await page.getByLabel('项目名称').isDisabled()).toBe(true)
    for (const tab of ['资金', '受益对象', '进度与节点', '资产']) {
      const t = page.getByRole('tab', { name: new RegExp(`^${tab}`) })
      if ((await t.count()) === 0) continue
      await t.click()
      expect(await enabledWrites(), tab).toEqual([])
    }

    await page.getByRole('menuitem', { name: /监测预警/ }).click()
    await page.locator('.app-content .ant-card').first().waitFor()
    expect(await enabledWrites()).toEqual([])

    await page.getByRole('menuitem', { name: '疑点核查' }).click()
    await page.getByRole('button', { name: '开始核查' }).waitFor()
    expect(await enabledWrites()).toEqual([])
    expect(await page.getByRole('button', { name: '导出豁免清单' }).isEnabled()).toBe(true)

    await page.getByRole('menuitem', { name: '小额信贷' }).click()
    await page.locator('.app-content tr.ant-table-row').first().waitFor()
    expect(await enabledWrites()).toEqual([])
    expect(await page.getByRole('button', { name: /导出 Excel/ }).isEnabled()).toBe(true)
    expect(await page.getByRole('button', { name: '打印小额信贷台账' }).isEnabled()).toBe(true)
    expect(await page.getByRole('checkbox', { name: '含完整证件号码' }).isDisabled()).toBe(true)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: /导出 Excel/ }).click()
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)

    await goto(`#/credit/${loanId}`)
    await page.locator('[data-card="repayments"]').waitFor()
    expect(await enabledWrites()).toEqual([])

    for (const item of ['问题整改', '公益性岗位', '帮扶力量', '行政村信息']) {
      await page.getByRole('menuitem', { name: item }).click()
      await page.locator('.app-content .ant-card, .app-content .ant-table').first().waitFor()
      await page.waitForTimeout(300)
      expect(await enabledWrites(), item).toEqual([])
    }
    // An import page reached by its address says what it is for instead of offering the import.
    await goto('#/import')
    await page.getByText('只读账户不能使用这个页面').waitFor()
    expect(app.errors).toEqual([])
    await logout()
  })

  it('as 经办人 offers the same controls again', async () => {
    await login(CLERK)
    await page.locator('.app-user').getByText(/李干事/).waitFor()
    await goto(`#/households/${householdId}`)
    await page.getByRole('button', { name: '新增成员' }).waitFor()
    expect(await page.getByRole('button', { name: '新增成员' }).isEnabled()).toBe(true)
    expect(await enabledWrites()).toEqual(expect.arrayContaining(['编辑', '新增成员', '更换户主', '调整村组', '登记']))
    await page.getByRole('menuitem', { name: '项目台账' }).click()
    expect(await page.getByRole('button', { name: '新建项目' }).isEnabled()).toBe(true)
    await page.getByRole('menuitem', { name: '小额信贷' }).click()
    expect(await page.getByRole('button', { name: '新增贷款' }).isEnabled()).toBe(true)
    expect((await page.locator('.app-menu').getByRole('menuitem').allInnerTexts())).toContain('导入花名册')
    expect(app.errors).toEqual([])
  })
})
