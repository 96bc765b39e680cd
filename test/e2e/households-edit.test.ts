import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idCheckChar } from '../../shared/domain/id-number'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('edit')
  page = app.page
})

afterAll(() => app?.close())

const query = <T>(sql: string, ...params: unknown[]): T[] => app.query<T>(sql, ...params)

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/**
 * Chooses an option of an antd Select. The dropdown is found through the input's aria-controls, so a
 * closing dropdown of another Select never takes the click; a click the opening animation swallowed
 * is tried again until the Select shows the choice.
 */
async function pick(label: string, option: string, scope: Page | Locator = page) {
  const input = scope.getByLabel(label, { exact: true })
  const select = scope.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) })
  const name = new RegExp(`^${option.replace(/[()（）]/g, '.')}$`)
  for (let attempt = 1; ; attempt++) {
    if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click()
    await expect.poll(() => input.getAttribute('aria-controls')).not.toBeNull()
    const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${await input.getAttribute('aria-controls')}"]`) })
    await dropdown.locator('.ant-select-item-option').filter({ hasText: name }).first().click()
    try {
      await expect.poll(() => select.innerText(), { timeout: 2_000 }).toContain(option)
      await expect.poll(() => dropdown.getAttribute('class')).toContain('-hidden')
      return
    } catch (err) {
      if (attempt === 3) throw err
    }
  }
}

describe('household editing and status history', () => {
  let householdId = 0

  it('loads the demo and opens a household that has not exited poverty', async () => {
    await page.goto(app.host.url)
    await page.getByRole('button', { name: '载入示例乡镇' }).click()
    await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
    const [target] = query<{ id: number }>(
      `SELECT h.id FROM households h WHERE h.exit_status = '未脱贫' AND h.first_identified < '2020'
         AND EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.relation = '户主') ORDER BY h.id LIMIT 1`,
    )
    householdId = target!.id
    await page.evaluate(`location.hash = '#/households/${householdId}'`)
    await page.getByText('家庭成员').first().waitFor()
    await screenshot(page, 'household-edit-01-page')
  })

  it('adds a newborn member: the age is shown from the ID number', async () => {
    const born = new Date(Date.now() - 75 * 86_400_000)
    const first17 = `410102${iso(born).replace(/-/g, '')}03${2}`
    const id = first17 + idCheckChar(first17)
    const before = query<{ n: number }>('SELECT count(*) AS n FROM members WHERE household_id = ? AND removed_reason IS NULL', householdId)[0]!.n
    await page.getByRole('button', { name: '新增成员' }).click()
    const dialog = page.locator('.ant-modal').filter({ hasText: '新增家庭成员' })
    await dialog.getByLabel('姓名', { exact: true }).fill('新生儿小雨')
    await pick('与户主关系', '之孙女')
    await dialog.getByLabel('证件号码', { exact: true }).fill(id)
    await expect.poll(() => dialog.getByTestId('member-age').innerText()).toBe('不满 1 岁')
    await screenshot(page, 'household-edit-02-newborn-form')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    // No warnings expected: the ID, birth date, sex and relation agree.
    await expect.poll(() => page.locator('.ant-modal-confirm').count()).toBe(0)
    const row = page.locator('.ant-card').filter({ hasText: '家庭成员' }).locator('tr.ant-table-row').filter({ hasText: '新生儿小雨' })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toContain('不满 1 岁')
    expect(await row.innerText()).toContain(iso(born))
    const saved = query<{ birth_date: string; sex: string; relation: string }>("SELECT birth_date, sex, relation FROM members WHERE name = '新生儿小雨'")
    expect(saved).toEqual([{ birth_date: iso(born), sex: '女', relation: '之孙女' }])
    expect(query<{ n: number }>('SELECT count(*) AS n FROM members WHERE household_id = ? AND removed_reason IS NULL', householdId)[0]!.n).toBe(before + 1)
    await screenshot(page, 'household-edit-03-newborn-added')
  })

  it('edits the ID number of a member only after the logged reveal', async () => {
    const m = query<{ id: number; id_number: string }>("SELECT id, id_number FROM members WHERE name = '新生儿小雨'")[0]!
    await page.getByRole('button', { name: '修改新生儿小雨' }).click()
    const dialog = page.locator('.ant-modal').filter({ hasText: '修改成员「新生儿小雨」' })
    const input = dialog.getByLabel('证件号码', { exact: true })
    await input.waitFor()
    // The core sent it masked, and the page cannot type over it before the reveal.
    expect(await input.inputValue()).toBe(`${m.id_number.slice(0, 4)}**********${m.id_number.slice(-4)}`)
    expect(await input.isDisabled()).toBe(true)
    expect(await page.content()).not.toContain(m.id_number)
    await dialog.getByRole('button', { name: '显示后修改证件号码' }).click()
    await expect.poll(() => input.inputValue()).toBe(m.id_number)
    const first17 = `${m.id_number.slice(0, 14)}04${Number(m.id_number[16]) % 2 === 0 ? 2 : 4}`
    const next = first17 + idCheckChar(first17)
    await input.fill(next)
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(() => query<{ id_number: string }>('SELECT id_number FROM members WHERE id = ?', m.id)[0]!.id_number).toBe(next)
    expect(query<{ detail: string }>("SELECT detail FROM access_log WHERE action = 'reveal_id' AND detail LIKE '新生儿小雨%'")).toHaveLength(1)
    await screenshot(page, 'household-edit-03b-id-revealed')
  })

  it('refuses 脱贫 before 识别 and records 脱贫 with a date', async () => {
    const card = page.locator('[data-card="status"]')
    await pick('事件', '脱贫')
    await card.getByLabel('事件日期').fill('2010-01-05')
    await card.getByLabel('事件日期').press('Enter')
    await card.getByRole('button', { name: /登\s*记/ }).click()
    await card.getByText(/脱贫不能早于识别/).waitFor()
    await screenshot(page, 'household-edit-04-refused')
    await card.getByLabel('事件日期').fill('2020-06-30')
    await card.getByLabel('事件日期').press('Enter')
    await card.getByRole('button', { name: /登\s*记/ }).click()
    await expect.poll(() => card.locator('tr.ant-table-row').count()).toBe(1)
    expect(await card.locator('tr.ant-table-row').innerText()).toContain('2020-06-30')
    await expect.poll(() => page.locator('.ant-tag').filter({ hasText: '已脱贫(享受政策)' }).count()).toBeGreaterThan(0)
    expect(query('SELECT exit_status, exit_year FROM households WHERE id = ?', householdId)).toEqual([{ exit_status: '已脱贫(享受政策)', exit_year: '2020' }])
  })

  it('edits the phone, warns before leaving with unsaved changes, and saves with Ctrl+S', async () => {
    const card = page.locator('[data-card="basic"]')
    await card.getByRole('button', { name: /编\s*辑/ }).click()
    // The core sends the phone masked: it is typed over only after the logged reveal.
    const stored = query<{ phone: string }>('SELECT phone FROM households WHERE id = ?', householdId)[0]!.phone
    expect(await card.getByLabel('联系电话', { exact: true }).inputValue()).toBe(`${stored.slice(0, 3)}****${stored.slice(-4)}`)
    expect(await card.getByLabel('联系电话', { exact: true }).isDisabled()).toBe(true)
    await card.getByRole('button', { name: '显示后修改联系电话' }).click()
    await expect.poll(() => card.getByLabel('联系电话', { exact: true }).inputValue()).toBe(stored)
    expect(query<{ action: string; detail: string }>("SELECT action, detail FROM access_log WHERE detail LIKE '%联系电话%'")).toHaveLength(1)
    await card.getByLabel('联系电话', { exact: true }).fill('13912345678')
    // The app's own dialog asks (not the browser's confirm()); staying keeps the edit.
    let native = 0
    page.on('dialog', () => native++)
    await page.getByRole('menuitem', { name: '户台账' }).click()
    const ask = page.locator('.ant-modal-confirm').filter({ hasText: '有修改尚未保存，确定要离开吗？离开后这些修改将丢失。' })
    await ask.waitFor()
    await screenshot(page, 'household-edit-05-unsaved')
    await ask.getByRole('button', { name: '留在此页' }).click()
    await ask.waitFor({ state: 'hidden' })
    expect(native).toBe(0)
    expect(page.url()).toContain(`#/households/${householdId}`)
    await page.keyboard.press('Control+s')
    await expect.poll(() => query<{ phone: string }>('SELECT phone FROM households WHERE id = ?', householdId)[0]!.phone).toBe('13912345678')
    await expect.poll(() => card.getByRole('button', { name: /编\s*辑/ }).count()).toBe(1)
  })

  it('marks a 两不愁三保障 gap with its note and highlights it', async () => {
    const card = page.locator('[data-card="guarantees"]')
    await card.getByRole('button', { name: /编\s*辑/ }).click()
    await pick('住房安全保障', '有短板')
    await card.getByRole('button', { name: /保\s*存/ }).click()
    await card.getByText('「住房安全保障」标为有短板，请在说明中写明短板是什么', { exact: false }).first().waitFor()
    await card.getByLabel('住房安全保障说明', { exact: true }).fill('C级危房')
    await card.getByRole('button', { name: /保\s*存/ }).click()
    // Label and value cells of the gap are highlighted, nothing else.
    await expect.poll(async () => (await card.locator('.guarantee-gap').allInnerTexts()).map((t) => t.trim())).toEqual(['住房安全保障', '有短板：C级危房'])
    await expect.poll(() => page.getByText('两不愁三保障短板：住房安全保障').count()).toBe(1)
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'household-edit-06-guarantee-gap')
  })

  it('shows the changes in 修改记录, newest first', async () => {
    const changes = page.locator('[data-card="changes"] tr.ant-table-row')
    await expect.poll(() => changes.count()).toBeGreaterThan(4)
    const texts = await changes.allInnerTexts()
    expect(texts[0]).toContain('住房安全保障说明')
    // Phones and ID numbers are shown masked; the trail keeps them whole.
    expect(texts.some((t) => t.includes('联系电话') && t.includes('139****5678'))).toBe(true)
    expect(texts.join('\n')).not.toContain('13912345678')
    const exit = texts.find((t) => t.includes('脱贫状态'))!
    expect(exit).toContain('未脱贫')
    expect(exit).toContain('已脱贫(享受政策)')
    expect(texts.some((t) => t.includes('脱贫年度') && t.includes('2020'))).toBe(true)
    expect(texts.some((t) => t.includes('成员「新生儿小雨」') && t.includes('新增'))).toBe(true)
    expect(texts.some((t) => t.includes('状态记录') && t.includes('2020-06-30「脱贫」'))).toBe(true)
    await page.locator('[data-card="changes"]').scrollIntoViewIfNeeded()
    await screenshot(page, 'household-edit-07-changes')
    expect(app.errors).toEqual([])
  })

  it('移出 a member with reason and date, changes the 户主 and moves the household to a new 组', async () => {
    const members = page.locator('.ant-card').filter({ hasText: '家庭成员' })
    await members.getByRole('button', { name: '移出新生儿小雨' }).click()
    const removal = page.locator('.ant-modal').filter({ hasText: '移出成员「新生儿小雨」' })
    await pick('移出原因', '迁出', removal)
    const date = removal.getByLabel('移出日期')
    await date.click()
    await date.fill('2026-11-01')
    await date.press('Enter')
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' })
    await expect.poll(() => date.inputValue()).toBe('2026-11-01')
    await removal.getByRole('button', { name: /移\s*出/ }).click()
    await page.getByText('已移出「新生儿小雨」').waitFor()
    expect(query("SELECT removed_reason, removed_date FROM members WHERE name = '新生儿小雨'")).toEqual([{ removed_reason: '迁出', removed_date: '2026-11-01' }])
    await expect.poll(() => members.locator('tr.ant-table-row').filter({ hasText: '新生儿小雨' }).innerText()).toContain('已移出：迁出 2026-11-01')

    const [oldHead] = query<{ id: number; name: string }>("SELECT id, name FROM members WHERE household_id = ? AND relation = '户主'", householdId)
    await members.getByRole('button', { name: '更换户主' }).click()
    const change = page.locator('.ant-modal').filter({ hasText: '更换户主' })
    await change.getByLabel('新户主').click()
    const first = (await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().innerText()).trim()
    const newHeadName = first.replace(/（.*$/, '')
    await pick('新户主', first, change)
    await pick('原户主的新关系', '配偶', change)
    await change.getByRole('button', { name: /更\s*换/ }).click()
    await page.locator('.ant-message').getByText('已更换户主').waitFor()
    // Warnings (e.g. relations that no longer fit) come back for the clerk to check, not as a refusal.
    const confirm = page.locator('.ant-modal-confirm')
    if (await confirm.count()) {
      await screenshot(page, 'household-edit-07b-head-warnings')
      await confirm.getByRole('button').click()
    }
    expect(query("SELECT name FROM members WHERE household_id = ? AND relation = '户主'", householdId)).toEqual([{ name: newHeadName }])
    expect(query('SELECT relation FROM members WHERE id = ?', oldHead!.id)).toEqual([{ relation: '配偶' }])
    await expect.poll(() => page.locator('h4').first().innerText()).toBe(`${newHeadName} 户`)

    await page.getByRole('button', { name: '调整村组' }).click()
    const move = page.locator('.ant-modal').filter({ hasText: '调整村组' })
    await move.getByLabel(/^组/).fill('新建9组')
    await move.getByLabel(/^组/).press('Tab')
    await move.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByText('已调整村组').waitFor()
    expect(query('SELECT g.name FROM households h JOIN village_groups g ON g.id = h.group_id WHERE h.id = ?', householdId)).toEqual([{ name: '新建9组' }])
    const changes = page.locator('[data-card="changes"] tr.ant-table-row')
    await expect.poll(async () => (await changes.allInnerTexts()).some((t) => t.includes('组') && t.includes('新建9组'))).toBe(true)
    await screenshot(page, 'household-edit-08-removed-head-moved')
    expect(app.errors).toEqual([])
  })
})
