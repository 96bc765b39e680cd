/**
 * Figures a clerk must not be misled by: the county's 人均纯收入 is not replaced without asking, a member
 * whose 性别 disagrees with the ID number is flagged, a fund source paid beyond its budget is warned of,
 * and amount columns say their unit.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatYuan } from '../../shared/domain/money'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('figures')
  page = app.page
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 60_000 })
})

afterAll(() => app?.close())

type Invoke = (name: string, input: unknown) => Promise<{ ok: boolean; value: unknown; error?: { message: string } }>
const invoke = (name: string, input: unknown) =>
  page.evaluate(([n, i]) => (globalThis as unknown as { ledger: { invoke: Invoke } }).ledger.invoke(n as string, i), [name, input] as const)

describe('figures', () => {
  it('asks before income parts replace the roster\'s 人均纯收入, showing both figures', async () => {
    const [h] = app.query<{ id: number; per_capita_net_income_fen: number; n: number }>(
      `SELECT h.id, h.per_capita_net_income_fen, (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.removed_reason IS NULL) AS n
       FROM households h WHERE h.per_capita_net_income_fen IS NOT NULL AND h.wage_income_fen IS NULL AND h.business_income_fen IS NULL ORDER BY h.id LIMIT 1`,
    )
    await page.evaluate(`location.hash = '#/households/${h!.id}'`)
    const card = page.locator('.ant-card').filter({ hasText: '收入（元/年）' }).first()
    await card.getByRole('button', { name: /^编\s?辑$/ }).click()
    await card.getByLabel('工资性收入', { exact: true }).fill('12000')
    await card.getByRole('button', { name: /保\s*存/ }).click()
    const ask = page.locator('.ant-modal-confirm').filter({ hasText: '替换花名册的人均纯收入？' })
    await ask.waitFor()
    const computed = Math.floor((1_200_000 * 2 + h!.n) / (2 * h!.n))
    expect(await ask.innerText()).toContain(`花名册中的人均纯收入为 ${formatYuan(h!.per_capita_net_income_fen)}（县里下发的数），按填写的收入各项算得 ${formatYuan(computed)}`)
    await screenshot(page, 'figures-01-income-ask')
    await ask.getByRole('button', { name: '不保存，再核对' }).click()
    await card.getByText(/未保存：花名册的人均纯收入保持不变/).waitFor()
    expect(app.query('SELECT wage_income_fen, per_capita_net_income_fen FROM households WHERE id = ?', h!.id)).toEqual([
      { wage_income_fen: null, per_capita_net_income_fen: h!.per_capita_net_income_fen },
    ])
    await card.getByRole('button', { name: /保\s*存/ }).click()
    await ask.getByRole('button', { name: '用算得的数替换' }).click()
    await expect
      .poll(() => app.query('SELECT wage_income_fen, per_capita_net_income_fen FROM households WHERE id = ?', h!.id))
      .toEqual([{ wage_income_fen: 1_200_000, per_capita_net_income_fen: computed }])
  })

  it('flags a member whose 性别 disagrees with the ID number', async () => {
    const [m] = app.query<{ id: number; household_id: number; name: string; sex: string }>(
      "SELECT id, household_id, name, sex FROM members WHERE relation = '户主' AND sex IN ('男', '女') AND length(id_number) = 18 ORDER BY id DESC LIMIT 1",
    )
    const r = await invoke('households.updateMember', { memberId: m!.id, patch: { sex: m!.sex === '男' ? '女' : '男' } })
    expect(r.ok).toBe(true)
    await page.evaluate(`location.hash = '#/households/${m!.household_id}'`)
    const flag = page.getByText('以下成员的性别或出生日期与证件号码不一致')
    await flag.waitFor()
    expect(await page.locator('.ant-alert').filter({ has: flag }).innerText()).toContain(`成员「${m!.name}」「性别」为「${m!.sex === '男' ? '女' : '男'}」，但证件号码显示为${m!.sex}性`)
    await screenshot(page, 'figures-02-member-flag')
  })

  it('warns per fund source paid beyond its budget, with amounts headed in 元', async () => {
    const created = (await invoke('projects.create', { projectName: '超拨检查项目', year: '2026' })) as { value: { id: number } }
    const id = created.value.id
    for (const record of [
      { kind: 'budget', source: '中央衔接资金', amount: '300000' },
      { kind: 'budget', source: '县级', amount: '200000' },
      { kind: 'disbursement', date: '2026-05-01', amount: '340000', source: '中央衔接资金' },
    ]) {
      expect((await invoke('projects.addRecord', { projectId: id, record })).ok).toBe(true)
    }
    await page.evaluate(`location.hash = '#/projects/${id}'`)
    await page.getByRole('tab', { name: /^资金/ }).click()
    const pane = page.locator('.ant-tabs-content-active').first()
    await pane.getByText('「中央衔接资金」已拨付 340,000.00 元，超过该来源预算 300,000.00 元（超出 40,000.00 元）').waitFor()
    // The project as a whole is within budget: no project-wide alarm.
    expect(await pane.getByText(/超过预算 500,000.00 元/).count()).toBe(0)
    const headers = await pane.locator('th').allInnerTexts()
    expect(headers.filter((t) => t.includes('金额'))).toEqual(['金额（元）', '金额（元）'])
    expect(await pane.locator('.project-stats').innerText()).toMatch(/预算合计（万元）/)
    await screenshot(page, 'figures-03-source-overrun')
  })
})
