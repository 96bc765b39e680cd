import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newPage, screenshot, startHost, type RunningHost } from './harness'

let host: RunningHost
let browser: Browser
let page: Page
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-backup-'))
  host = await startHost(path.join(dir, 'ledger.sqlite'))
  browser = await launchBrowser()
  page = await newPage(browser)
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const households = () => {
  const db = new Database(host.dbPath, { readonly: true })
  try {
    return db.prepare('SELECT count(*) FROM households').pluck().get() as number
  } finally {
    db.close()
  }
}

describe('数据与备份', () => {
  it('backs up now, and restores a backup after saving the current state', async () => {
    await page.goto(host.url)
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
})
