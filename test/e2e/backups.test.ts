import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, openApp, screenshot, startHost, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('backup')
  page = app.page
})

afterAll(() => app?.close())

const households = () => app.query<{ n: number }>('SELECT count(*) AS n FROM households')[0]!.n

describe('数据与备份', () => {
  it('backs up now, and restores a backup after saving the current state', async () => {
    await page.goto(app.host.url)
    await page.getByRole('button', { name: '载入示例乡镇' }).click()
    await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
    expect(households()).toBe(360)

    await page.getByRole('menuitem', { name: '数据与备份' }).click()
    await page.getByRole('button', { name: /立即备份/ }).click()
    await page.getByText(/已备份：ledger-.*-manual\.sqlite/).waitFor()
    const manual = page.locator('tr.ant-table-row').filter({ hasText: '手动' })
    await expect.poll(() => manual.count()).toBe(1)
    expect(await manual.innerText()).toContain('360')
    await screenshot(page, 'backups-01-list')

    // Remove the demo, then bring it back from the manual backup.
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await page.getByRole('button', { name: '移除示例数据' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: /移\s*除/ }).click()
    await page.getByText('台账还是空的').waitFor()
    expect(households()).toBe(0)

    await page.getByRole('menuitem', { name: '数据与备份' }).click()
    await manual.getByRole('button', { name: /恢\s*复/ }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: /恢\s*复/ }).click()
    await page.getByText(/已恢复到 .* 的备份，恢复前的数据已另存为 ledger-.*-pre-restore\.sqlite/).waitFor({ timeout: 30_000 })
    expect(households()).toBe(360)
    await expect.poll(() => page.locator('tr.ant-table-row').filter({ hasText: '恢复前' }).count()).toBe(1)
    await screenshot(page, 'backups-02-restored')
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await page.getByText('共 360 户').waitFor()
  })

  for (const problem of ['deleted', 'zeroed'] as const) {
    it(`a ${problem} ledger file with backups beside it: the host offers the newest verified backup, and restoring it brings the data back`, async () => {
      // The first test left 360 households and verified backups of them.
      await app.host.stop()
      for (const f of [`${app.host.dbPath}-wal`, `${app.host.dbPath}-shm`]) fs.rmSync(f, { force: true })
      if (problem === 'deleted') fs.rmSync(app.host.dbPath)
      else fs.truncateSync(app.host.dbPath, 0)
      app.host = await startHost(app.host.dbPath)
      await page.context().close()
      page = await newPage(app.browser)
      await page.setViewportSize({ width: 1366, height: 768 })
      app.page = page
      await page.goto(app.host.url)
      const alert = page.locator('.ledger-file-alert')
      await alert.getByText(problem === 'deleted' ? /台账文件「ledger\.sqlite」不见了/ : /台账文件「ledger\.sqlite」是空的/).waitFor({ timeout: 30_000 })
      await alert.getByText(/最新的可用备份是「ledger-.*\.sqlite」（360 户/).waitFor()
      // Nothing was put in its place.
      if (problem === 'deleted') expect(fs.existsSync(app.host.dbPath)).toBe(false)
      else expect(fs.statSync(app.host.dbPath).size).toBe(0)
      // The ledger only looks empty: the demo township is not offered (it would create a file where the real one belongs).
      await page.getByText('台账文件有问题，暂时不能使用').waitFor()
      expect(await page.getByRole('button', { name: '载入示例乡镇' }).count()).toBe(0)
      await screenshot(page, `backups-03-${problem}-offer`)
      await alert.getByRole('button', { name: /恢复这个备份/ }).click()
      await page.locator('.ant-popconfirm').getByRole('button', { name: /恢\s*复/ }).click()
      await page.getByText(/已恢复到 .* 的备份（360 户/).waitFor({ timeout: 30_000 })
      expect(households()).toBe(360)
      await expect.poll(() => alert.count()).toBe(0)
      await page.getByRole('menuitem', { name: '户台账' }).click()
      await page.getByText('共 360 户').waitFor()
      await screenshot(page, `backups-04-${problem}-restored`)
    })
  }
})
