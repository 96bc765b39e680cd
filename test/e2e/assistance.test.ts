import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('assistance')
  page = app.page
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
})

afterAll(() => app?.close())

describe('帮扶与走访 on the household page', () => {
  it('pairs a new helper, records a visit with a wish and an aid item, and lists them', async () => {
    const household = app.query<{ id: number }>('SELECT id FROM households ORDER BY id LIMIT 1')[0]!.id
    await page.goto(`${app.host.url.replace(/#.*$/, '')}#/households/${household}`)
    const card = page.locator('.ant-card').filter({ hasText: '帮扶与走访' })
    await card.waitFor()
    const dialog = page.locator('.ant-modal')

    await card.getByRole('button', { name: '新增帮扶责任人并结对' }).click()
    await dialog.getByLabel('姓名').fill('王帮扶')
    await dialog.getByLabel('帮扶单位').fill('示例县农业农村局')
    await dialog.getByLabel('职务').fill('科长')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '王帮扶' }).count()).toBe(1)

    await card.getByRole('tab', { name: /走访记录/ }).click()
    await card.getByRole('button', { name: '记录走访' }).click()
    await dialog.getByLabel('走访人').fill('王帮扶')
    await dialog.getByLabel('了解到的情况').fill('屋顶漏雨，老人行动不便')
    await dialog.getByLabel('采取的措施').fill('联系村委安排维修')
    await dialog.getByLabel('群众心愿（可不填）').fill('修缮屋顶')
    await dialog.getByLabel('心愿认领人').fill('村委')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(() => card.getByText('屋顶漏雨，老人行动不便').count()).toBe(1)

    await card.getByRole('tab', { name: /帮户/ }).click()
    await card.getByRole('button', { name: '登记帮户' }).click()
    await dialog.getByLabel('内容').fill('春节慰问金')
    await dialog.getByLabel('金额（元）').fill('300')
    await dialog.getByLabel('来源（帮扶单位或项目）').fill('示例县农业农村局')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '春节慰问金' }).innerText()).toContain('300.00 元')
    await screenshot(page, 'assistance-01-aid')

    await card.getByRole('tab', { name: /心愿/ }).click()
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '修缮屋顶' }).innerText()).toContain('未办结')
    await screenshot(page, 'assistance-02-wishes')

    expect(app.query('SELECT visitor, findings FROM visits WHERE household_id = ?', household)).toEqual([{ visitor: '王帮扶', findings: '屋顶漏雨，老人行动不便' }])
    expect(app.query('SELECT kind, description, amount_fen FROM aid WHERE household_id = ?', household)).toEqual([{ kind: '现金', description: '春节慰问金', amount_fen: 30000 }])
    expect(app.errors).toEqual([])
  })

  it('lists the helper with the household on 帮扶力量', async () => {
    await page.getByRole('menuitem', { name: '帮扶力量' }).click()
    const row = page.locator('tr.ant-table-row').filter({ hasText: '王帮扶' })
    await expect.poll(() => row.innerText()).toContain('示例县农业农村局')
    expect(await row.innerText()).toContain('1')
    await row.locator('.ant-table-row-expand-icon').click()
    const head = app.query<{ name: string }>("SELECT m.name FROM members m WHERE m.relation = '户主' AND m.household_id = (SELECT min(id) FROM households)")[0]!.name
    await expect.poll(() => page.locator('.ant-table-expanded-row').innerText()).toContain(head)
    await screenshot(page, 'assistance-03-helpers')
  })
})
