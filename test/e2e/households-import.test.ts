import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LEGACY_HEADERS, legacyRosterRows, writeRosterWorkbook } from '../fixtures/roster-workbook'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page
const HOUSEHOLDS = 24

beforeAll(async () => {
  app = await openApp('import')
  page = app.page
})

afterAll(() => app?.close())

const households = () => app.query<{ n: number }>('SELECT count(*) AS n FROM households')[0]!.n

describe('importing a roster through the UI', () => {
  it('previews a county file, takes a corrected mapping, commits, and undoes', async () => {
    // The county wrote the phone column under a header the dictionary does not know.
    const headers: string[] = [...LEGACY_HEADERS]
    const phoneIndex = headers.indexOf('户联系电话')
    headers[phoneIndex] = '联系人手机'
    const file = path.join(app.dir, '示例镇2026年花名册.xlsx')
    const rows = legacyRosterRows(HOUSEHOLDS)
    await writeRosterWorkbook(file, rows, { headers })

    await page.goto(app.host.url)
    await page.getByRole('menuitem', { name: '导入花名册' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles(file)
    await page.getByText(`共 ${rows.length} 行数据，表头在第 3 行`).waitFor({ timeout: 60_000 })
    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '新增' }).first().innerText()).toContain(String(HOUSEHOLDS))
    await screenshot(page, 'import-01-preview')

    await page.getByRole('tab', { name: '列对应' }).click()
    const select = page.getByLabel(`第 ${String.fromCharCode(65 + phoneIndex)} 列对应字段`)
    await select.click()
    await page.keyboard.type('联系电话')
    await page.locator('.ant-select-item-option').filter({ hasText: /^联系电话（户）$/ }).click()
    await screenshot(page, 'import-02-mapping')
    await page.getByRole('button', { name: '按修改后的对应重新检查' }).click()
    await page.getByText(`共 ${rows.length} 行数据`).waitFor({ timeout: 60_000 })
    await page.getByRole('tab', { name: '列对应' }).click()
    await expect.poll(() => page.getByLabel(`第 ${String.fromCharCode(65 + phoneIndex)} 列对应字段`).locator('..').innerText()).toContain('联系电话')

    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.getByText('导入完成').waitFor({ timeout: 60_000 })
    await screenshot(page, 'import-03-done')
    expect(households()).toBe(HOUSEHOLDS)
    expect(app.query<{ phone: string }>('SELECT phone FROM households WHERE household_no = ?', rows[0]![5])[0]!.phone).toBe(rows[0]![phoneIndex])

    await page.getByRole('button', { name: /查看户台账/ }).click()
    await page.getByText(`共 ${HOUSEHOLDS} 户`).waitFor()
    await screenshot(page, 'import-04-households')

    await page.getByRole('menuitem', { name: '导入花名册' }).click()
    await page.getByRole('button', { name: /撤销本次导入/ }).click()
    // Undo asks first, naming the batch, what it wrote and what stays (issue 18, item 13).
    const ask = page.locator('.ant-modal-confirm').filter({ hasText: '撤销「示例镇2026年花名册.xlsx」的导入？' })
    await ask.waitFor()
    const asked = await ask.innerText()
    expect(asked).toContain(`户：新增 ${HOUSEHOLDS}、变更 0；人：新增 ${rows.length}、变更 0`)
    expect(asked).toContain('工作表「花名册」')
    expect(asked).toContain('保持不变')
    await screenshot(page, 'import-04b-undo-asks')
    expect(households()).toBe(HOUSEHOLDS)
    await ask.getByRole('button', { name: /撤销本次导入/ }).click()
    await page.getByText(/已撤销/).first().waitFor({ timeout: 60_000 })
    expect(households()).toBe(0)
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await page.getByText('台账还是空的').waitFor()
    expect(app.errors).toEqual([])
  })

  it('shows errors with their rows, and offers the issues workbook for download', async () => {
    const rows = legacyRosterRows(6)
    rows[2]![8] = Number(rows[2]![8])
    const file = path.join(app.dir, '有错误的花名册.xlsx')
    await writeRosterWorkbook(file, rows)
    await page.getByRole('menuitem', { name: '导入花名册' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /选择文件|换一个文件/ }).click()
    await (await chooser).setFiles(file)
    await page.getByText(/发现 1 处错误/).waitFor({ timeout: 60_000 })
    await expect.poll(() => page.getByText(/第6行「证件号码」/).count()).toBeGreaterThan(0)
    expect(await page.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true)
    await screenshot(page, 'import-05-errors')

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: /下载问题清单/ }).click()
    const saved = path.join(app.dir, 'issues.xlsx')
    await (await download).saveAs(saved)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(saved)
    const sheet = wb.worksheets[0]!
    const noteColumn = LEGACY_HEADERS.length + 1
    expect(sheet.getRow(3).getCell(noteColumn).value).toBe('问题说明')
    expect(String(sheet.getRow(6).getCell(noteColumn).value)).toContain('证件号码')
    expect((sheet.getRow(6).getCell(9).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE')

    // Importing the rest: the message after the import says how many households were skipped.
    await page.getByText(/跳过有错误的 1 户，导入其余/).click()
    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.locator('.ant-message').getByText(/跳过有错误的户 1 户/).waitFor({ timeout: 60_000 })
    await page.getByText('导入完成').waitFor()
    expect(households()).toBe(5)
  })
})
