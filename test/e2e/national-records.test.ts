/**
 * The national records corrected in the UI and exported in the national layout (issue 15 §5): after
 * importing a generated 计划外出务工信息 and 行政村信息, the clerk changes a village's 总户数 on the
 * 行政村信息 page (a figure that cannot be is refused, naming the field) and a person's planned place
 * of work on the household page, exports both kinds in the national layout, and the files carry the
 * corrections in the files' own columns, every other cell as imported.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plannedWorkSheet, readSheetText, villageSheet, writeNationalSheet, type LedgerPerson } from '../fixtures/national-exports'
import { legacyRosterRows, writeRosterWorkbook } from '../fixtures/roster-workbook'
import { openApp, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('national-records')
  page = app.page
})

afterAll(() => app?.close())

async function choose(file: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /选择文件|换一个文件/ }).click()
  await (await chooser).setFiles(file)
}

async function importNational(file: string, recognised: string, done: string) {
  await choose(file)
  await page.getByText(recognised).waitFor({ timeout: 60_000 })
  await page.getByRole('button', { name: /确认导入/ }).click()
  await page.getByText(done).waitFor({ timeout: 60_000 })
}

async function download(click: () => Promise<void>, name: string): Promise<string[][]> {
  const started = page.waitForEvent('download')
  await click()
  const file = path.join(app.dir, name)
  await (await started).saveAs(file)
  return readSheetText(file)
}

describe('national records edited and exported through the UI', () => {
  it('a village’s statistics and a planned-work record corrected, exported in the national layout with the corrections', async () => {
    const roster = path.join(app.dir, '花名册.xlsx')
    await writeRosterWorkbook(roster, legacyRosterRows(10))
    await page.goto(app.host.url)
    await page.getByRole('menuitem', { name: '导入花名册', exact: true }).click()
    await choose(roster)
    await page.getByRole('button', { name: /确认导入/ }).click()
    await page.getByText('导入完成').waitFor({ timeout: 60_000 })

    const people = app.query<LedgerPerson>(
      `SELECT v.county, v.township, v.name AS village, h.household_no, m.person_no, m.name, m.sex, m.id_number, h.household_type
       FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id ORDER BY m.id`,
    )
    const villages = app.query<{ county: string; township: string; name: string }>('SELECT county, township, name FROM villages ORDER BY id')
    const planned = plannedWorkSheet(people, 12)
    const villageFile = path.join(app.dir, '行政村信息.xlsx')
    const plannedFile = path.join(app.dir, '计划外出务工信息.xlsx')
    const villageData = villageSheet(villages, 4)
    await writeNationalSheet(villageFile, '行政村信息', villageData)
    await writeNationalSheet(plannedFile, '计划外出务工信息', planned)
    await page.getByRole('menuitem', { name: '导入国家系统表格' }).click()
    await importNational(villageFile, '认出的表格：国家监测系统「行政村信息」（每行一个行政村）', '行政村已导入')
    await importNational(plannedFile, '认出的表格：国家监测系统「计划外出务工信息」（每行一名计划外出务工的人）', '计划务工已导入')

    // 行政村信息 from the side menu: the first village's 总户数 corrected (a word is refused, naming the field).
    await page.getByRole('menuitem', { name: '行政村信息' }).click()
    const list = page.locator('[data-card="villages"]')
    const first = villages[0]!
    const row = list.locator('.ant-table-row').filter({ hasText: first.name }).first()
    await row.waitFor({ timeout: 30_000 })
    await screenshot(page, 'national-records-01-villages')
    await row.getByRole('button', { name: '修改' }).click()
    const dialog = page.getByRole('dialog', { name: new RegExp(`${first.name}：行政村信息`) })
    const total = dialog.getByLabel('总户数', { exact: true })
    await total.fill('三百')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('「总户数」请填写整数，如 320').waitFor()
    await total.fill('388')
    await screenshot(page, 'national-records-02-village-form')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    await row.getByText('388', { exact: true }).waitFor()

    const villageHeaders = villageData.headers
    const givenVillages = await readSheetText(villageFile)
    const firstRow = 3 + villages.findIndex((v) => v.name === first.name)
    const exportedVillages = await download(() => list.getByRole('button', { name: '导出行政村信息（国家系统格式）' }).click(), 'villages-out.xlsx')
    expect(exportedVillages.slice(0, 3)).toEqual(givenVillages.slice(0, 3))
    expect(exportedVillages[firstRow]![villageHeaders.indexOf('总户数')]).toBe('388')
    const others = (rows: string[][]) => rows.map((r, i) => (i === firstRow ? r.filter((_, c) => c !== villageHeaders.indexOf('总户数')) : r))
    expect(others(exportedVillages)).toEqual(others(givenVillages))

    // A planned-work record corrected on its household page.
    const target = app.query<{ household_id: number; name: string; member_id: number }>(
      'SELECT p.household_id, m.name, p.member_id FROM planned_work p JOIN members m ON m.id = p.member_id ORDER BY p.id LIMIT 1',
    )[0]!
    await page.evaluate(`location.hash = '#/households/${target.household_id}'`)
    const card = page.locator('[data-card="work-spells"]')
    const plannedRow = card.locator('.ant-table-row').filter({ hasText: target.name }).filter({ hasText: /职业介绍|技能培训/ }).first()
    await plannedRow.waitFor({ timeout: 30_000 })
    await plannedRow.getByRole('button', { name: '修改' }).click()
    const plannedDialog = page.getByRole('dialog', { name: '修改计划外出务工' })
    await plannedDialog.getByLabel('计划务工所在县').fill('余杭区')
    await screenshot(page, 'national-records-03-planned-form')
    await plannedDialog.getByRole('button', { name: /保\s*存/ }).click()
    await plannedDialog.waitFor({ state: 'hidden' })
    await card.getByText(/余杭区/).first().waitFor()
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'national-records-04-household-card')
    // The work-spell form has the national export's columns the checks look for; 户信息 has its 乡村建设 columns.
    await card.getByRole('button', { name: '登记务工经历' }).click()
    const spellDialog = page.getByRole('dialog', { name: '登记务工经历' })
    await spellDialog.getByLabel('是否点对点输送').waitFor()
    await screenshot(page, 'national-records-05-spell-form')
    await spellDialog.getByRole('button', { name: /取\s*消/ }).click()
    await card.getByRole('button', { name: /户信息/ }).click()
    const infoDialog = page.getByRole('dialog', { name: '户信息（乡村建设）' })
    await infoDialog.getByLabel('主要生活能源').fill('电')
    await screenshot(page, 'national-records-06-info-form')
    await infoDialog.getByRole('button', { name: /保\s*存/ }).click()
    await infoDialog.waitFor({ state: 'hidden' })
    await card.getByText('主要生活能源').waitFor()
    expect(app.query<{ energy: string }>('SELECT energy FROM household_info WHERE household_id = ?', target.household_id)[0]!.energy).toBe('电')

    // Exported from the import page's menu in the national layout: only the corrected cell differs.
    await page.getByRole('menuitem', { name: '导入国家系统表格' }).click()
    await page.getByRole('button', { name: '导出国家系统表格 ▾' }).click()
    const exportedPlanned = await download(() => page.getByRole('menuitem', { name: '导出计划外出务工信息（国家系统格式）' }).click(), 'planned-out.xlsx')
    const givenPlanned = await readSheetText(plannedFile)
    const col = planned.headers.indexOf('计划务工所在县')
    const idCol = planned.headers.indexOf('证件号码')
    const targetId = app.query<{ id_number: string }>('SELECT id_number FROM members WHERE id = ?', target.member_id)[0]!.id_number
    const at = exportedPlanned.findIndex((r) => r[idCol] === targetId)
    expect(at).toBe(givenPlanned.findIndex((r) => r[idCol] === targetId))
    expect(exportedPlanned[at]![col]).toBe('余杭区')
    const blankOut = (rows: string[][]) => rows.map((r, i) => (i === at ? r.filter((_, c) => c !== col) : r))
    expect(blankOut(exportedPlanned)).toEqual(blankOut(givenPlanned))
    // The ID numbers are text cells, as the national system writes them.
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path.join(app.dir, 'planned-out.xlsx'))
    expect(typeof wb.worksheets[0]!.getRow(at + 1).getCell(idCol + 1).value).toBe('string')
    expect(app.errors).toEqual([])
  })
})
