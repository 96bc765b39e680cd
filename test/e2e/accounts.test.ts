import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { LedgerBridge } from '../../shared/api/bridge'
import { openApp, screenshot, type App } from './harness'

// The page's globals, for the functions run in it (this project's Node types have no DOM).
declare const window: { ledger: LedgerBridge }

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('accounts')
  page = app.page
})

afterAll(() => app?.close())

async function login(username: string, password: string) {
  // Typed right after 退出 the sign-in form may still be rendered anew (it then lost what was typed, and
  // 登录 sent nothing, once in CI): typed again until both fields hold it.
  await vi.waitFor(
    async () => {
      await page.getByLabel('用户名').fill(username)
      await page.getByLabel('密码').fill(password)
      expect([await page.getByLabel('用户名').inputValue(), await page.getByLabel('密码').inputValue()]).toEqual([username, password])
    },
    { timeout: 15_000, interval: 300 },
  )
  await page.getByRole('button', { name: /登\s*录/ }).click()
}

/** Picks an option of an antd select; a click landing while the list still slides in is tried again. */
async function pick(select: Locator, option: RegExp | string) {
  await vi.waitFor(
    async () => {
      if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click()
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click({ timeout: 2000 })
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden', timeout: 2000 })
    },
    { timeout: 20_000, interval: 300 },
  )
}

const menu = () => page.locator('.app-menu')

describe('accounts', () => {
  it('sets up an administrator, adds a 只读 account that the core refuses to let write, and signs in again', async () => {
    await page.goto(app.host.url)
    await page.getByRole('menuitem', { name: '账户与日志' }).click()
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('姓名（记入修改记录）').fill('张主任')
    // The form says the core's rule and refuses what the core refuses, before anything is sent.
    await page.getByText('至少 8 个字符；不能用 12345678、88888888、woaini1314 之类的常见密码，也不能包含用户名。').waitFor()
    await page.getByLabel('密码').fill('secret1')
    await page.getByRole('button', { name: '设置管理员账户' }).click()
    await page.getByText('密码至少需要 8 个字符。').waitFor()
    await page.getByLabel('密码').fill('88888888')
    await page.getByText(/这个密码太常见，很容易被猜到/).waitFor()
    await page.getByLabel('密码').fill('my-admin-1')
    await page.getByText('密码不能包含用户名，很容易被猜到。请换一个。').waitFor()
    await page.getByRole('button', { name: '设置管理员账户' }).click()
    expect(app.query('SELECT * FROM accounts')).toEqual([])
    await screenshot(page, 'accounts-00-password-rule')
    await page.getByLabel('密码').fill('secret-1')
    await page.getByRole('button', { name: '设置管理员账户' }).click()
    await page.getByText('张主任（管理员）', { exact: true }).waitFor()

    await page.getByLabel('用户名').fill('wang')
    await page.getByLabel('姓名', { exact: true }).fill('王查看')
    await pick(page.getByLabel('角色', { exact: true }), '只读')
    await page.getByLabel('初始密码').fill('secret-3')
    await page.getByRole('button', { name: '新增账户' }).click()
    // Hashing the password (scrypt, N = 2^17) takes a moment on a busy machine.
    await expect.poll(() => page.locator('tr.ant-table-row').filter({ hasText: 'wang' }).count(), { timeout: 15_000 }).toBe(1)
    expect(app.query('SELECT username, display_name, role FROM accounts ORDER BY id')).toEqual([
      { username: 'admin', display_name: '张主任', role: 'admin' },
      { username: 'wang', display_name: '王查看', role: 'readonly' },
    ])
    await screenshot(page, 'accounts-01-list')

    await page.getByRole('button', { name: /退\s*出/ }).click()
    await page.getByRole('button', { name: /登\s*录/ }).waitFor()
    await login('nobody', 'guess-guess')
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确。' }).waitFor()
    await login('wang', 'wrong-pw')
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确。' }).waitFor()
    await screenshot(page, 'accounts-02-login')
    await login('wang', 'secret-3')
    await page.locator('.app-user').getByText('王查看', { exact: true }).waitFor()
    await page.locator('.app-user .ant-tag').filter({ hasText: '只读' }).waitFor()
    // 只读 sees no 账户与日志 and is not offered 载入示例乡镇; the core refuses its writes whatever the UI offers.
    expect(await menu().getByRole('menuitem').allInnerTexts()).not.toContain('账户与日志')
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await expect.poll(() => page.getByRole('button', { name: '载入示例乡镇' }).isDisabled()).toBe(true)
    const refused = await page.evaluate(() => window.ledger.invoke('demo.load', {}))
    expect(refused).toMatchObject({ ok: false, error: { message: '只读账户不能修改台账。如需修改，请用经办人或管理员账户登录。' } })
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM households')[0]!.n).toBe(0)
    await screenshot(page, 'accounts-03-refused')

    await page.getByRole('button', { name: /退\s*出/ }).click()
    await login('admin', 'secret-1')
    await page.getByRole('button', { name: '载入示例乡镇' }).click()
    await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
    expect(app.query<{ actor: string }>("SELECT DISTINCT actor FROM audit_log WHERE table_name = 'households'")).toEqual([{ actor: '张主任（admin，#1）' }])

    // The administrator sees the failed sign-ins: when, the name typed (an account's or not), from where, what happened.
    await page.getByRole('menuitem', { name: '账户与日志' }).click()
    const failedCard = page.locator('.ant-card').filter({ hasText: '登录失败记录' })
    await expect.poll(() => failedCard.locator('tr.ant-table-row').allInnerTexts()).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\twang\t第 \d+ 号窗口\t密码不正确（连续第 1 次）$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\tnobody\t第 \d+ 号窗口\t密码不正确（连续第 1 次）$/),
    ])
    await failedCard.scrollIntoViewIfNeeded()
    await screenshot(page, 'accounts-08-failed-logins')

    // The administrator reads the audit log, filtered by person and kind of record, and exports it.
    const auditCard = page.locator('.ant-card').filter({ hasText: '修改记录（审计日志）' })
    await expect.poll(() => auditCard.locator('tr.ant-table-row').first().innerText()).toContain('张主任')
    await pick(auditCard.getByLabel('记录类别'), /^账户$/)
    await expect.poll(() => auditCard.locator('tr.ant-table-row').count()).toBe(2)
    expect((await auditCard.locator('tr.ant-table-row').allInnerTexts()).map((t) => t.split('\t').slice(1, 4))).toEqual([
      ['张主任（admin，#1）', '新增', '账户 #2'],
      ['本机用户', '新增', '账户 #1'],
    ])
    await screenshot(page, 'accounts-04-audit-log')
    const download = page.waitForEvent('download')
    await auditCard.getByRole('button', { name: /导出当前筛选/ }).click()
    const file = path.join(app.dir, 'audit.xlsx')
    await (await download).saveAs(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const sheet = wb.worksheets[0]!
    expect(sheet.rowCount).toBe(3)
    expect([2, 3].map((r) => [sheet.getRow(r).getCell(2).value, sheet.getRow(r).getCell(4).value])).toEqual([
      ['本机用户', '账户 #1'],
      ['张主任（admin，#1）', '账户 #2'],
    ])
    expect(app.errors).toEqual([])
  })

  it('lets the administrator change a role, reset a password and 停用/启用 an account, each in the audit log', async () => {
    const row = () => page.locator('tr.ant-table-row').filter({ hasText: 'wang' })
    await pick(page.getByLabel('wang 的角色'), '经办人')
    await page.getByText('已把「王查看」改为经办人').waitFor()
    await row().getByRole('button', { name: '重设密码' }).click()
    const dialog = page.getByRole('dialog')
    // The reset dialog follows the same rule as the core, with the account's own username.
    await dialog.getByLabel('新密码').fill('wang1234')
    await dialog.getByRole('button', { name: /重\s*设/ }).click()
    await dialog.getByText(/这个密码太常见/).waitFor()
    await dialog.getByLabel('新密码').fill('xx-wang-xx')
    await dialog.getByText('密码不能包含用户名，很容易被猜到。请换一个。').waitFor()
    await dialog.getByLabel('新密码').fill('secret-4')
    await dialog.getByRole('button', { name: /重\s*设/ }).click()
    await page.getByText('已重设「王查看」的密码，请当面告诉本人').waitFor()
    await row().getByRole('button', { name: /停\s*用/ }).click()
    await page.getByText('已停用「王查看」').waitFor()
    expect(app.query('SELECT role, disabled FROM accounts WHERE username = ?', 'wang')).toEqual([{ role: 'clerk', disabled: 1 }])

    await page.getByRole('button', { name: /退\s*出/ }).click()
    await login('wang', 'secret-4')
    await page.getByRole('alert').filter({ hasText: '这个账户已停用，请联系管理员。' }).waitFor()
    await login('admin', 'secret-1')
    await page.getByRole('menuitem', { name: '账户与日志' }).click()
    await row().getByRole('button', { name: /启\s*用/ }).click()
    await page.getByText('已启用「王查看」').waitFor()
    await page.getByRole('button', { name: /退\s*出/ }).click()
    await login('wang', 'secret-3')
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确。' }).waitFor()
    await login('wang', 'secret-4')
    await page.getByText('王查看（经办人）', { exact: true }).waitFor()

    await page.getByRole('button', { name: /退\s*出/ }).click()
    await login('admin', 'secret-1')
    await page.getByRole('menuitem', { name: '账户与日志' }).click()
    // The log names the account created, with its role, and every change to it; never the password.
    const auditCard = page.locator('.ant-card').filter({ hasText: '修改记录（审计日志）' })
    await pick(auditCard.getByLabel('记录类别'), /^账户$/)
    await expect.poll(() => auditCard.locator('tr.ant-table-row').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/张主任（admin，#1）\t新增\t账户 #2\t.*用户名：wang，姓名：王查看，角色：只读/),
        expect.stringMatching(/张主任（admin，#1）\t修改\t账户 #2\t角色\t只读\t经办人/),
        expect.stringMatching(/张主任（admin，#1）\t修改\t账户 #2\t密码\t（已隐藏）\t（已隐藏）/),
        expect.stringMatching(/张主任（admin，#1）\t修改\t账户 #2\t停用\t是\t否/),
      ]),
    )
    const logged = app.query<{ v: string }>("SELECT coalesce(old_value, '') || coalesce(new_value, '') AS v FROM audit_log WHERE table_name = 'accounts'")
    expect(logged.some((r) => r.v.includes('secret') || r.v.includes('scrypt'))).toBe(false)
    await screenshot(page, 'accounts-07-admin-actions')
    expect(app.errors).toEqual([])
  })

  it('locks itself after the idle time: the page and its data leave the DOM; the same person returns to the page they left', async () => {
    await page.getByLabel('自动锁定分钟数').fill('1')
    await page.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByText('已设置：1 分钟无操作自动锁定').waitFor()
    expect(app.query('SELECT value FROM settings WHERE key = ?', 'accounts.idleMinutes')).toEqual([{ value: '1' }])

    const household = app.query<{ id: number; household_no: string }>('SELECT id, household_no FROM households ORDER BY id LIMIT 1')[0]!
    const names = app.query<{ name: string }>('SELECT name FROM members WHERE household_id = ?', household.id).map((m) => m.name)
    expect(names.length).toBeGreaterThan(0)
    await page.evaluate(`location.hash = '#/households/${household.id}'`)
    await page.getByText(names[0]!, { exact: true }).first().waitFor()
    // Fake time from here: the idle timer the next input sets runs on it.
    await page.clock.install()
    await page.mouse.move(200, 300)
    await page.clock.runFor(61_000)
    await page.getByText(/长时间没有操作，已自动锁定/).waitFor()
    // Nothing of the ledger is left in the page, hidden or not.
    const html = await page.content()
    for (const n of [...names, household.household_no]) expect(html, `${n} is still in the page after the lock`).not.toContain(n)
    expect(await page.locator('.ant-table, .ant-descriptions, .app-header').count()).toBe(0)
    await screenshot(page, 'accounts-05-locked')
    await page.getByLabel('密码').fill('secret-1')
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.getByText('张主任（管理员）', { exact: true }).waitFor()
    expect(page.url()).toContain(`#/households/${household.id}`)
    await page.getByText(names[0]!, { exact: true }).first().waitFor()
    await screenshot(page, 'accounts-06-unlocked')
    expect(app.errors).toEqual([])
  })
})
