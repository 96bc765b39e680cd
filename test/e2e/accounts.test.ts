import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('accounts')
  page = app.page
})

afterAll(() => app?.close())

async function login(username: string, password: string) {
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
}

describe('accounts', () => {
  it('sets up an administrator, adds a 只读 account that the core refuses to let write, and signs in again', async () => {
    await page.goto(app.host.url)
    await page.getByRole('menuitem', { name: '账户' }).click()
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('姓名（记入修改记录）').fill('张主任')
    await page.getByLabel('密码').fill('secret-1')
    await page.getByRole('button', { name: '设置管理员账户' }).click()
    await page.getByText('张主任（管理员）').waitFor()

    await page.getByLabel('用户名').fill('wang')
    await page.getByLabel('姓名', { exact: true }).fill('王查看')
    await page.getByLabel('角色').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '只读' }).click()
    await page.getByLabel('初始密码').fill('secret-3')
    await page.getByRole('button', { name: '新增账户' }).click()
    await expect.poll(() => page.locator('tr.ant-table-row').filter({ hasText: 'wang' }).count()).toBe(1)
    await screenshot(page, 'accounts-01-list')

    await page.getByRole('button', { name: /退\s*出/ }).click()
    await page.getByRole('button', { name: /登\s*录/ }).waitFor()
    await screenshot(page, 'accounts-02-login')
    await login('wang', 'wrong-pw')
    await page.getByText('用户名或密码不正确。').waitFor()
    await login('wang', 'secret-3')
    await page.getByText('王查看（只读）').waitFor()
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await page.getByRole('button', { name: '载入示例乡镇' }).click()
    await page.getByText('只读账户不能修改台账。如需修改，请用经办人或管理员账户登录。').waitFor()
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM households')[0]!.n).toBe(0)
    await screenshot(page, 'accounts-03-refused')

    await page.getByRole('button', { name: /退\s*出/ }).click()
    await login('admin', 'secret-1')
    await page.getByRole('button', { name: '载入示例乡镇' }).click()
    await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
    expect(app.query<{ actor: string }>("SELECT DISTINCT actor FROM audit_log WHERE table_name = 'households'")).toEqual([{ actor: '张主任' }])
    // The administrator reads the audit log.
    await page.getByRole('menuitem', { name: '账户' }).click()
    const auditCard = page.locator('.ant-card').filter({ hasText: '修改记录（审计日志）' })
    await expect.poll(() => auditCard.locator('tr.ant-table-row').first().innerText()).toContain('张主任')
    await screenshot(page, 'accounts-04-audit-log')
    expect(app.errors).toEqual([])
  })
})
