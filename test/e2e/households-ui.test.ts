/**
 * Issue 18, items 10–18: the UI at 1366×768 — the empty ledger, list pages, keyboard, import undo,
 * refusals, labels, the access log, demo removal, member hits and batch work.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { legacyRosterRows, writeRosterWorkbook } from '../fixtures/roster-workbook'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('households-ui')
  page = app.page
  await page.setViewportSize({ width: 1366, height: 768 })
})

afterAll(() => app?.close())

const one = <T>(sql: string, ...params: unknown[]): T => app.query<T>(sql, ...params)[0]!
const rows = () => page.locator('.ant-table-tbody tr.ant-table-row')
const rows_ = rows
const SEARCH = '姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话'

interface ListMetrics {
  small: boolean
  windowScrolls: boolean
  headerTop: number
  pagerBottom: number
  bodyScrolls: boolean
  scrollTop: number
  rowHeight: number
  visibleRows: number
}
/** Measured in the page (a string: the test's own tsconfig has no DOM types). */
const LIST_METRICS = `(() => {
  const q = (s) => document.querySelector('.list-page ' + s)
  const body = q('.ant-table-body')
  const row = q('tr.ant-table-row')
  const rowHeight = row ? row.getBoundingClientRect().height : 0
  return {
    small: q('.ant-table').classList.contains('ant-table-small'),
    windowScrolls: document.scrollingElement.scrollHeight > window.innerHeight + 1 || document.querySelector('.app-content').scrollHeight > document.querySelector('.app-content').clientHeight + 1,
    headerTop: (q('.ant-table-header') || q('.ant-table-thead')).getBoundingClientRect().top,
    pagerBottom: q('.ant-pagination') ? q('.ant-pagination').getBoundingClientRect().bottom : 0,
    bodyScrolls: body.scrollHeight > body.clientHeight + 1,
    scrollTop: body.scrollTop,
    rowHeight,
    visibleRows: rowHeight ? Math.floor(body.clientHeight / rowHeight) : 0,
  }
})()`

describe('the UI at 1366×768', () => {
  it('offers 导入花名册 beside 载入示例乡镇 on an empty ledger, saying what to import', async () => {
    await page.goto(app.host.url)
    await page.getByText('台账还是空的').waitFor()
    await page.getByText(/导入县里下发的建档立卡户花名册（\.xlsx、\.xls 或 \.csv/).waitFor()
    await screenshot(page, 'ui-01-empty')
    await page.getByRole('button', { name: '导入花名册' }).click()
    await expect.poll(() => page.url()).toContain('#/import')
    await page.getByRole('button', { name: /选择文件/ }).waitFor()
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await page.getByRole('button', { name: '载入示例乡镇' }).click()
    await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
    await expect.poll(() => rows().count()).toBe(50)
  })

  it('gives every list page one scroll area: dense rows, header and pager in view, the window itself never scrolls', async () => {
    for (const [route, name] of [
      ['#/', 'households'],
      ['#/projects', 'projects'],
      ['#/assets', 'assets'],
      ['#/helpers', 'helpers'],
    ] as const) {
      await page.evaluate(`location.hash = '${route}'`)
      await page.locator('.list-page .ant-table-wrapper').waitFor()
      await expect.poll(() => page.locator('.list-page .ant-table-placeholder, .list-page tr.ant-table-row').count()).toBeGreaterThan(0)
      await screenshot(page, `ui-02-list-${name}`)
      const m = (await page.evaluate(LIST_METRICS)) as ListMetrics
      expect(m.small, name).toBe(true)
      expect(m.windowScrolls, name).toBe(false)
      expect(m.headerTop, name).toBeGreaterThan(0)
      expect(m.pagerBottom, name).toBeLessThanOrEqual(768)
      if (name === 'households') {
        // 50 households on the page: the rows scroll inside the table, at least 13 in view (10 before) at once.
        expect(m.pagerBottom).toBeGreaterThan(0)
        expect(m.bodyScrolls).toBe(true)
        expect(m.rowHeight).toBeLessThan(45)
        expect(m.visibleRows).toBeGreaterThanOrEqual(13)
        // Scrolling the rows keeps the header and pager where they were.
        await page.evaluate("document.querySelector('.list-page .ant-table-body').scrollTop = 400")
        const after = (await page.evaluate(LIST_METRICS)) as ListMetrics
        expect(after.scrollTop).toBeGreaterThan(0)
        expect([after.headerTop, after.pagerBottom, after.windowScrolls]).toEqual([m.headerTop, m.pagerBottom, false])
      }
    }
    await page.evaluate("location.hash = '#/'")
  })

  it('opens the household after a search with ↓ then Enter, and filters 行政村 and 帮扶责任人 by typing', async () => {
    const target = one<{ name: string; household_id: number }>("SELECT name, household_id FROM members WHERE relation = '户主' ORDER BY id LIMIT 1 OFFSET 7")
    const search = page.getByPlaceholder(SEARCH)
    await search.fill(target.name)
    await search.press('Enter')
    await expect.poll(() => page.locator(`tr[data-row-key="${target.household_id}"]`).count()).toBe(1)
    // The target is on the unfiltered first page too: wait for the search's own few results.
    await expect.poll(() => rows().count()).toBeLessThan(10)
    // The focus is still in the search box: ↓ goes to the results, Enter opens the highlighted one.
    await page.keyboard.press('ArrowDown')
    const highlighted = await page.locator('tr.row-cursor').getAttribute('data-row-key')
    expect(highlighted).not.toBeNull()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain(`#/households/${highlighted}`)
    await page.getByRole('button', { name: /返回户列表/ }).click()
    await search.fill('')
    await search.press('Enter')

    const village = one<{ name: string; n: number }>('SELECT v.name, count(h.id) AS n FROM villages v JOIN households h ON h.village_id = v.id GROUP BY v.id ORDER BY v.id DESC LIMIT 1')
    await page.getByLabel('行政村').click()
    await page.keyboard.type(village.name.slice(0, 2))
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(1)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByText(`共 ${village.n} 户`).count()).toBe(1)
    await page.locator('.ant-select').filter({ has: page.getByLabel('行政村') }).hover()
    await page.locator('.ant-select').filter({ has: page.getByLabel('行政村') }).locator('.ant-select-clear').click()

    // The demo township has no helpers: two are added through the core, then the list is reopened.
    for (const name of ['周帮扶', '吴结对']) await page.evaluate(`window.ledger.invoke('assistance.addHelper', { name: '${name}', unitName: '示例县交通运输局' })`)
    await page.getByRole('menuitem', { name: '帮扶力量' }).click()
    await page.getByRole('menuitem', { name: '户台账' }).click()
    const helper = one<{ name: string }>('SELECT name FROM helpers ORDER BY id DESC LIMIT 1')
    await page.getByLabel('帮扶责任人').click()
    await page.keyboard.type(helper.name)
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(1)
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').innerText()).toContain(helper.name)
    await screenshot(page, 'ui-03-helper-typed')
    await page.keyboard.press('Escape')
  })

  it('asks before Esc throws away what was typed in a dialog, and closes an untouched one at once', async () => {
    await page.getByRole('menuitem', { name: '帮扶力量' }).click()
    await page.getByRole('button', { name: '新增帮扶单位' }).click()
    const dialog = page.locator('.ant-modal').filter({ hasText: '新增帮扶单位' })
    await dialog.getByLabel('单位名称').waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: '新增帮扶单位' }).click()
    await dialog.getByLabel('单位名称').fill('示例县农业农村局')
    await page.keyboard.press('Escape')
    const ask = page.locator('.ant-modal-confirm').filter({ hasText: '放弃已填写的内容？' })
    await ask.waitFor()
    await screenshot(page, 'ui-04-esc-asks')
    // Esc again (or 继续填写) keeps the dialog and what was typed.
    await ask.getByRole('button', { name: '继续填写' }).click()
    await ask.waitFor({ state: 'hidden' })
    expect(await dialog.getByLabel('单位名称').inputValue()).toBe('示例县农业农村局')
    await page.keyboard.press('Escape')
    await ask.getByRole('button', { name: /放\s*弃/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(one<{ n: number }>("SELECT count(*) AS n FROM assisting_units WHERE name = '示例县农业农村局'").n).toBe(0)
  })

  it('selects rows of the list for batch work: their 户卡 and an export of only them', async () => {
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await page.getByPlaceholder(SEARCH).waitFor()
    const keys = await rows().evaluateAll((trs) => trs.slice(2, 4).map((tr) => tr.getAttribute('data-row-key')))
    for (const k of keys) await page.locator(`tr[data-row-key="${k}"] .ant-table-selection-column input`).check()
    expect(page.url()).not.toContain('#/households/')
    await screenshot(page, 'ui-07-selected')
    await page.getByRole('button', { name: '导出所选 2 户' }).click()
    const exportDialog = page.locator('.ant-modal').filter({ hasText: '导出花名册（.xlsx）' })
    await exportDialog.getByText('只导出所选的 2 户').waitFor()
    await exportDialog.getByRole('button', { name: /取\s*消/ }).click()
    await page.getByRole('button', { name: '打印所选 2 户户卡' }).click()
    await expect.poll(() => page.url()).toContain(`#/print/cards/${keys.join(',')}`)
    await page.goBack()
    await page.getByPlaceholder(SEARCH).waitFor()
  })

  it('pairs the selected rows with a helper in one step, skipping the one already paired and saying so', async () => {
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await page.getByPlaceholder(SEARCH).waitFor()
    const keys = (await rows().evaluateAll((trs) => trs.slice(5, 8).map((tr) => tr.getAttribute('data-row-key')))).map(Number)
    const helper = one<{ id: number; name: string }>("SELECT id, name FROM helpers WHERE name = '吴结对'")
    await page.evaluate(`window.ledger.invoke('assistance.pair', { helperId: ${helper.id}, householdId: ${keys[0]}, startDate: '2025-01-01' })`)
    for (const k of keys) await page.locator(`tr[data-row-key="${k}"] .ant-table-selection-column input`).check()
    await page.getByRole('button', { name: '结对帮扶责任人' }).click()
    const dialog = page.locator('.ant-modal').filter({ hasText: '将所选 3 户结对帮扶责任人' })
    await dialog.getByLabel('帮扶责任人').click()
    await page.keyboard.type('吴结')
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(1)
    await page.keyboard.press('Enter')
    await screenshot(page, 'ui-08-pair-selected')
    await dialog.getByRole('button', { name: /结\s*对/ }).click()
    const info = page.locator('.ant-modal-confirm').filter({ hasText: '已将 2 户与吴结对结对，跳过 1 户（已结对）。' })
    await info.waitFor()
    const no = one<{ household_no: string }>('SELECT household_no FROM households WHERE id = ?', keys[0]).household_no
    expect(await info.innerText()).toContain(`户编号 ${no}）自 2025-01-01 起已与吴结对结对`)
    await screenshot(page, 'ui-08b-pair-skipped')
    await info.getByRole('button', { name: '知道了' }).click()
    expect(app.query<{ household_id: number }>('SELECT household_id FROM pairings WHERE helper_id = ? AND end_date IS NULL ORDER BY household_id', helper.id).map((r) => r.household_id))
      .toEqual([...keys].sort((a, b) => a - b))
    await page.getByRole('button', { name: '取消选择' }).click()
  })

  it('undoes the newest change of a member\'s field from 修改记录, asking first and naming both values', async () => {
    const m = one<{ id: number; name: string; household_id: number }>("SELECT id, name, household_id FROM members WHERE relation = '之子' AND removed_reason IS NULL ORDER BY id LIMIT 1")
    await page.evaluate(`window.ledger.invoke('households.updateMember', { memberId: ${m.id}, patch: { name: '撤销测试' } })`)
    await page.evaluate(`location.hash = '#/households/${m.household_id}'`)
    const card = page.locator('[data-card="changes"]')
    const row = card.locator('tr.ant-table-row').filter({ hasText: '撤销测试' })
    await row.getByRole('button', { name: '撤销此修改' }).click()
    const ask = page.locator('.ant-modal-confirm').filter({ hasText: '撤销此修改？' })
    expect(await ask.innerText()).toContain(`将成员「撤销测试」的「姓名」从「撤销测试」改回「${m.name}」`)
    await screenshot(page, 'ui-09-undo-asks')
    await ask.getByRole('button', { name: '撤销此修改' }).click()
    await expect.poll(() => one<{ name: string }>('SELECT name FROM members WHERE id = ?', m.id).name).toBe(m.name)
    // The undo is itself the newest change, and the undone one can no longer be undone.
    const newest = card.locator('tr.ant-table-row').first()
    await expect.poll(() => newest.innerText()).toContain(`撤销测试\t${m.name}`)
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '撤销测试' }).nth(1).getByRole('button', { name: '撤销此修改' }).count()).toBe(0)
    await screenshot(page, 'ui-09b-undone')
  })

  it('shows which member a search matched when it is not the 户主', async () => {
    await page.getByRole('menuitem', { name: '户台账' }).click()
    const m = one<{ name: string; relation: string; household_id: number }>(
      `SELECT m.name, m.relation, m.household_id FROM members m WHERE m.relation = '之女'
       AND (SELECT count(*) FROM members x WHERE x.name = m.name) = 1 ORDER BY m.id LIMIT 1`,
    )
    const search = page.getByPlaceholder(SEARCH)
    await search.fill(m.name)
    await search.press('Enter')
    const row = page.locator(`tr[data-row-key="${m.household_id}"]`)
    await expect.poll(() => row.count()).toBe(1)
    await expect.poll(() => row.locator('.matched-member').innerText()).toBe(`（匹配：${m.name}，${m.relation}）`)
    await screenshot(page, 'ui-05-member-match')
    // A reveal is logged; 管理员 read it on the 访问日志 list page (with accounts off, anyone may).
    await page.evaluate(`window.ledger.invoke('households.revealId', { householdId: ${m.household_id} })`)
    await page.getByRole('menuitem', { name: '账户与日志' }).click()
    await page.getByRole('button', { name: /访问日志/ }).click()
    const logRow = page.locator('.list-page tr.ant-table-row').filter({ hasText: '显示完整号码' })
    await expect.poll(() => logRow.count()).toBe(1)
    expect(await logRow.innerText()).toContain('联系电话')
    await page.getByRole('button', { name: /导出当前筛选/ }).waitFor()
    await screenshot(page, 'ui-05b-access-log')
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await page.getByPlaceholder(SEARCH).waitFor()
    await search.fill('')
    await search.press('Enter')
  })

  it('refreshes the list at once after 移除示例数据, keeping the clerk\'s own households', async () => {
    // A household of the clerk's own beside the demo township (imported, so not marked as demo).
    const rows = legacyRosterRows(1, 4242).map((r) => {
      const copy = [...r]
      copy[3] = '自建村'
      copy[5] = 'ZJ0001'
      return copy
    })
    const file = path.join(app.dir, '自建村.xlsx')
    await writeRosterWorkbook(file, rows)
    await page.getByRole('menuitem', { name: '导入花名册' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles(file)
    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.getByText('导入完成').waitFor({ timeout: 60_000 })
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await expect.poll(() => page.getByText('共 361 户').count()).toBe(1)
    await page.getByRole('button', { name: '移除示例数据' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: /移\s*除/ }).click()
    // Without leaving the page: only the clerk's household is listed.
    await page.locator('.ant-message').getByText(/已移除示例数据/).waitFor()
    await screenshot(page, 'ui-06-demo-removed')
    expect(one<{ n: number }>('SELECT count(*) AS n FROM households').n).toBe(1)
    await expect.poll(() => page.getByText('共 1 户').count()).toBe(1)
    await expect.poll(() => rows_().count()).toBe(1)
    expect(await rows_().first().innerText()).toContain('自建村')
    await screenshot(page, 'ui-06-demo-removed')
    expect(app.errors).toEqual([])
  })
})
