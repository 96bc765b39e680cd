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

/** Clicks the dialog's title first, as a clerk would: an AutoComplete's open suggestions would cover 保存. */
const save = async (scope: ReturnType<Page['locator']>) => {
  await scope.locator('.ant-modal-title').click()
  await scope.getByRole('button', { name: /保\s*存/ }).click()
}

describe('帮扶力量 → helper page → 帮扶与走访', () => {
  it('creates a unit and a helper, pairs a household, records a visit with a wish and an aid item', async () => {
    const target = app.query<{ id: number; household_no: string; head: string }>(
      `SELECT h.id, h.household_no, m.name AS head FROM households h JOIN members m ON m.household_id = h.id AND m.relation = '户主'
       ORDER BY h.id LIMIT 1 OFFSET 1`,
    )[0]!
    const dialog = page.locator('.ant-modal')
    await page.getByRole('menuitem', { name: '帮扶力量' }).click()

    await page.getByRole('button', { name: '新增帮扶单位' }).click()
    await dialog.getByLabel('单位名称').fill('示例县交通运输局')
    await dialog.getByLabel('单位类别').fill('机关')
    await dialog.getByLabel('联系人及电话').fill('李主任 0851-1234567')
    await save(dialog)
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: '新增帮扶责任人' }).click()
    await dialog.getByLabel('姓名').fill('周帮扶')
    await dialog.getByLabel('帮扶单位').fill('示例县交通运输局')
    await dialog.getByLabel('职务').fill('副局长')
    await dialog.getByLabel('联系电话').fill('13900002222')
    await save(dialog)
    await dialog.waitFor({ state: 'hidden' })
    const activeRows = () => page.locator('.list-page tr.ant-table-row')
    const helperRow = activeRows().filter({ hasText: '周帮扶' })
    await expect.poll(() => helperRow.innerText()).toContain('示例县交通运输局')
    await page.getByRole('tab', { name: /帮扶单位/ }).click()
    await expect.poll(() => activeRows().filter({ hasText: '示例县交通运输局' }).innerText()).toMatch(/机关\s+李主任 0851-1234567\s+1\s+0/)
    await screenshot(page, 'assistance-01-units')

    await page.getByRole('tab', { name: /帮扶责任人/ }).click()
    await helperRow.click()
    await page.getByText('帮扶责任人：周帮扶').waitFor()
    expect(page.url()).toMatch(/#\/helpers\/\d+$/)
    await page.getByRole('button', { name: '结对新的户' }).click()
    await dialog.getByLabel('户').fill(target.household_no)
    await page.locator('.ant-select-item-option').filter({ hasText: target.household_no }).click()
    await save(dialog)
    await dialog.waitFor({ state: 'hidden' })
    const pairedRow = page.locator('tr.ant-table-row').filter({ hasText: target.household_no })
    await expect.poll(() => pairedRow.innerText()).toContain('帮扶中')
    expect(await pairedRow.innerText()).toContain(target.head)
    await screenshot(page, 'assistance-02-helper')

    await pairedRow.getByText(target.head).click()
    await page.waitForURL(new RegExp(`#/assistance/household/${target.id}$`))
    const card = page.locator('.ant-card').filter({ hasText: '帮扶与走访' }).last()
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '周帮扶' }).innerText()).toContain('示例县交通运输局')

    await card.getByRole('tab', { name: /走访记录/ }).click()
    await card.getByRole('button', { name: '记录走访' }).click()
    await dialog.getByLabel('走访人').fill('周帮扶')
    await dialog.getByLabel('了解到的情况').fill('长子在家待业，想学电焊')
    await dialog.getByLabel('采取的措施').fill('报名县技能培训')
    await dialog.getByLabel('群众心愿（可不填）').fill('参加电焊培训')
    await dialog.getByLabel('心愿认领人').fill('周帮扶')
    await save(dialog)
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => card.locator('.ant-tabs-content-active tr.ant-table-row').filter({ hasText: '长子在家待业，想学电焊' }).innerText()).toContain('周帮扶')

    await card.getByRole('tab', { name: /帮户/ }).click()
    await card.getByRole('button', { name: '登记帮户' }).click()
    await dialog.getByLabel('内容').fill('春节慰问金')
    await dialog.getByLabel('金额（元）').fill('1,234.5')
    await dialog.getByLabel('来源（帮扶单位或项目）').fill('示例县交通运输局')
    await save(dialog)
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '春节慰问金' }).innerText()).toContain('1,234.50')
    await screenshot(page, 'assistance-03-aid')

    await card.getByRole('tab', { name: /心愿/ }).click()
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '参加电焊培训' }).innerText()).toContain('未办结')
    await screenshot(page, 'assistance-04-wishes')

    expect(app.query('SELECT visitor, findings, actions FROM visits WHERE household_id = ?', target.id)).toEqual([
      { visitor: '周帮扶', findings: '长子在家待业，想学电焊', actions: '报名县技能培训' },
    ])
    expect(app.query('SELECT kind, description, amount_fen, source FROM aid WHERE household_id = ?', target.id)).toEqual([
      { kind: '现金', description: '春节慰问金', amount_fen: 123450, source: '示例县交通运输局' },
    ])
    expect(app.query('SELECT content, taken_by, resolved_date FROM wishes WHERE household_id = ?', target.id)).toEqual([
      { content: '参加电焊培训', taken_by: '周帮扶', resolved_date: null },
    ])

    // The township-wide list of open wishes leads back to the household.
    await page.getByRole('menuitem', { name: '帮扶力量' }).click()
    await page.getByRole('tab', { name: /未办结心愿/ }).click()
    const wishRow = page.locator('.list-page tr.ant-table-row').filter({ hasText: '参加电焊培训' })
    await expect.poll(() => wishRow.innerText()).toContain(target.head)
    await screenshot(page, 'assistance-05-open-wishes')
    expect(app.errors).toEqual([])
  })

  it('shows the same 帮扶与走访 card on the household page', async () => {
    const household = app.query<{ id: number }>('SELECT id FROM households ORDER BY id LIMIT 1 OFFSET 1')[0]!.id
    await page.goto(`${app.host.url.replace(/#.*$/, '')}#/households/${household}`)
    const card = page.locator('.ant-card').filter({ hasText: '帮扶与走访' })
    await card.waitFor()
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '周帮扶' }).innerText()).toContain('帮扶中')
    await screenshot(page, 'assistance-06-household-page')
  })
})
