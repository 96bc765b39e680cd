/**
 * 统计 end to end: the dashboard on the demo township, a chart clicked into the household list it
 * counted, the per-village table printed (pdftotext) and exported as .xlsx laid out for A4.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MonitoringStats, VillageStats } from '../../shared/domain/stats'
import { openApp, resultsDir, screenshot, type App } from './harness'

let app: App
let page: Page
let base: string
let asOf: string

const invoke = <T,>(name: string, input: unknown) =>
  page.evaluate(
    async ([n, i]) => {
      const r = (await (globalThis as unknown as { ledger: { invoke(n: string, i: unknown): Promise<{ ok: boolean; value: unknown }> } }).ledger.invoke(n as string, i)) as {
        ok: boolean
        value: unknown
      }
      return r.value
    },
    [name, input] as const,
  ) as Promise<T>

beforeAll(async () => {
  app = await openApp('stats')
  page = app.page
  base = app.host.url.replace(/#.*$/, '')
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
  const d = new Date()
  asOf = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
})

afterAll(() => app?.close())

describe('统计', () => {
  it('shows the dashboard at 1366×768 and 1920×1080 and opens the households a chart counted', async () => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByRole('menuitem', { name: '统计' }).click()
    await page.getByRole('img', { name: '按监测对象类别' }).waitFor()
    await page.locator('.stats-page .ant-table-row').first().waitFor()
    await screenshot(page, 'stats-01-dashboard-1366')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.waitForTimeout(300)
    await screenshot(page, 'stats-02-dashboard-1920')
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.waitForTimeout(300)

    // The bar of the first category with open cases, at the bottom of its stack (series 0 = 未消除风险).
    const m = await invoke<MonitoringStats>('stats.monitoring', { asOf })
    const index = m.byCategory.findIndex((c) => c.open > 0)
    expect(index).toBeGreaterThanOrEqual(0)
    const chart = page.getByRole('img', { name: '按监测对象类别' })
    await chart.scrollIntoViewIfNeeded()
    const box = (await chart.boundingBox())!
    const slot = (box.width - 48 - 16) / m.byCategory.length
    await page.mouse.click(box.x + 48 + slot * (index + 0.5), box.y + box.height - 48 - 2)
    await page.waitForURL(/#\/households\?figure=open/)
    const tag = page.getByText(/^统计：未消除风险：/)
    await tag.waitFor()
    expect(await tag.innerText()).toContain(m.byCategory[index]!.category)
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(m.byCategory[index]!.open)
    // Every household listed is under monitoring in that category today.
    // The first cell is the row's selection box; 户编号 comes next.
    const listed = await page.locator('.ant-table-row td:nth-child(2)').allInnerTexts()
    const expected = app
      .query<{ household_no: string }>(
        // The roster's column holds the category of an open case only (the status history clears it at 风险消除).
        'SELECT household_no FROM households WHERE monitoring_category = ? AND removed_reason IS NULL',
        m.byCategory[index]!.category,
      )
      .map((r) => r.household_no)
    expect(listed.sort()).toEqual(expected.sort())
    await screenshot(page, 'stats-03-list-from-chart')
    // Closing the tag drops the filter.
    await tag.locator('.ant-tag-close-icon').click()
    await expect.poll(() => page.getByText(/共 \d+ 条|条\/页/).count()).toBeGreaterThan(0)
  })

  it('prints 村级统计表 on A4 landscape with every village and the total, and exports it as .xlsx for A4', async () => {
    const stats = await invoke<VillageStats>('stats.villages', { asOf })
    await page.goto(`${base}#/stats`)
    await page.getByRole('button', { name: '打印村级统计表' }).click()
    await page.locator('section.stats-report').waitFor()
    await screenshot(page, 'stats-04-village-table-print')
    const file = path.join(resultsDir, 'stats-village-table.pdf')
    await page.emulateMedia({ media: 'print' })
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
    await page.emulateMedia({ media: 'screen' })
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(resultsDir, 'stats-village-table')])
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1, 3).map((v) => Math.round(Number(v)))).toEqual([842, 595])
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    const compact = text.replace(/\s+/g, '')
    // In reading order, a wrapped header cell's lines together.
    const flow = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const s of ['村级统计表', '填报单位：示例县示例镇人民政府', '负责人：', '填表人：', '第1页共1页']) expect(compact).toContain(s)
    for (const s of ['非兜底未消除风险', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户']) expect(flow).toContain(s)
    for (const v of stats.villages.filter((x) => x.households > 0)) {
      // The village's row: name, 总户数, 总人数, 脱贫户 户 人, 监测对象 户 人 in that order.
      const line = text.split('\n').find((l) => l.trim().startsWith(v.village))!
      expect(line.trim().split(/\s+/).slice(0, 7)).toEqual([v.village, ...[v.households, v.persons, v.tuopin.households, v.tuopin.persons, v.monitored.households, v.monitored.persons].map(String)])
    }
    const total = text.split('\n').find((l) => l.trim().startsWith('合计'))!
    expect(total.trim().split(/\s+/).slice(1, 3)).toEqual([String(stats.total.households), String(stats.total.persons)])

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出 Excel（A4）' }).click()
    const saved = path.join(app.dir, 'villages.xlsx')
    await (await download).saveAs(saved)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(saved)
    const sheet = wb.worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('村级统计表')
    expect(sheet.pageSetup.orientation).toBe('landscape')
    expect(sheet.pageSetup.paperSize).toBe(9)
    expect(sheet.pageSetup.fitToWidth).toBe(1)
    expect(sheet.pageSetup.printTitlesRow).toBe('3:4')
    const rows = stats.villages.length
    expect(sheet.getRow(5 + rows).getCell(1).value).toBe('合计')
    expect(sheet.getRow(5 + rows).getCell(2).value).toBe(stats.total.households)
    expect(app.errors).toEqual([])
  })

  it('prints the three report forms with title, 填报单位, 日期, 单位 and 负责人 / 填表人 lines', async () => {
    const forms: [string, string, string][] = [
      ['monitoring', '乡镇监测对象情况统计表', '单位：户、人'],
      ['funds', '衔接资金项目拨付进度表', '单位：万元'],
      ['visits', '帮扶责任人结对走访情况表', '单位：户、次'],
    ]
    for (const [kind, title, measure] of forms) {
      await page.goto(`${base}#/stats`)
      await page.goto(`${base}#/print/stats/${kind}?asOf=${asOf}&year=2024`)
      await page.locator('section.stats-report').waitFor()
      const file = path.join(resultsDir, `stats-report-${kind}.pdf`)
      await page.emulateMedia({ media: 'print' })
      await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
      await page.emulateMedia({ media: 'screen' })
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(resultsDir, `stats-report-${kind}`)])
      const compact = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
      for (const s of [title, '填报单位：示例县示例镇人民政府', measure, '负责人：', '填表人：', '合计']) expect(compact, kind).toContain(s)
    }
    // 衔接资金项目拨付进度表 lists the year's projects of the ledger.
    const names = app.query<{ name: string }>("SELECT name FROM projects WHERE year = '2024'").map((r) => r.name)
    expect(names.length).toBeGreaterThan(0)
    const flow = execFileSync('pdftotext', [path.join(resultsDir, 'stats-report-funds.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const n of names) expect(flow).toContain(n)
    expect(app.errors).toEqual([])
  })
})
