/**
 * 防返贫监测 in the UI: a household from 排查 through 纳入, a measure and 风险消除, with the refusals a
 * county would send back shown to the clerk, the 监测预警 counts moving with it, the village 公示 and
 * both 审批表 printed (read back with pdftotext); screenshots at 1366×768.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maskIdNumber, maskPhone } from '../../shared/domain/id-number'
import { openApp, resultsDir, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('monitoring')
  page = app.page
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
})

afterAll(() => app?.close())

/** Chooses an option of an antd Select found by its label (several for a multiple Select). */
async function pick(scope: Locator, label: string, options: string[]) {
  const input = scope.getByLabel(label, { exact: true })
  const select = scope.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) })
  for (const option of options) {
    for (let attempt = 1; ; attempt++) {
      if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click()
      await expect.poll(() => input.getAttribute('aria-controls')).not.toBeNull()
      const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${await input.getAttribute('aria-controls')}"]`) })
      await dropdown.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).first().click()
      try {
        await expect.poll(() => select.innerText(), { timeout: 2_000 }).toContain(option)
        break
      } catch (err) {
        if (attempt === 3) throw err
      }
    }
  }
  if ((await input.getAttribute('aria-expanded')) === 'true') await input.press('Escape')
}

/** The worklists as of a fixed day (the case's dates are in 2026): the tab's count and whether the household is on it. */
const AS_OF = '2026-12-01'
async function worklist(key: string, householdNo: string) {
  await page.goto(`${app.host.url.split('#')[0]}#/monitoring-worklists/${AS_OF}`)
  const tab = page.locator(`[data-worklist="${key}"]`)
  await tab.click()
  const count = Number(await tab.locator('.ant-scroll-number').getAttribute('title'))
  const pane = page.locator(`[data-list="${key}"]`)
  await pane.locator('.ant-table').waitFor()
  return { count, listed: (await pane.locator('tr.ant-table-row').filter({ hasText: householdNo }).count()) > 0, pane }
}

/** Prints the page to PDF (CSS page size), writes PNGs of its pages to look at, and reads it back. */
async function pdf(name: string) {
  const file = path.join(resultsDir, `${name}.pdf`)
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(resultsDir, name)])
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  return {
    text,
    compact: text.replace(/\s+/g, ''),
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    size: /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1, 3).map((v) => Math.round(Number(v))),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  }
}
const CJK_FONT = /^\S*(UMing|SimSun|CJK|WenQuanYi)\S*\s+CID TrueType\s+Identity-H\s+yes/m

async function date(scope: Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true })
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

describe('防返贫监测: 排查 → 纳入 → 措施 → 风险消除', () => {
  it('walks a household through the case in the UI and sees the refusals', async () => {
    // The year's settings first: never constants in code.
    await page.getByRole('menuitem', { name: '监测设置' }).click()
    const settings = page.locator('.page')
    await settings.getByLabel('年度').fill('2026')
    await settings.getByLabel('监测线（元/人/年）').fill('8000')
    await settings.getByLabel('纳入后最短消除月数').fill('6')
    await settings.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(() => settings.locator('tr.ant-table-row').filter({ hasText: '2026' }).innerText()).toContain('8,000.00 元')
    await screenshot(page, 'monitoring-01-settings')
    expect(app.query('SELECT line_fen, publicity_days, min_months_before_elimination FROM monitoring_settings WHERE year = 2026')).toEqual([
      { line_fen: 800_000, publicity_days: 5, min_months_before_elimination: 6 },
    ])

    // A household under the line the settings just set, not monitored: on 监测预警's first list.
    const target = app.query<{ id: number; household_no: string; village_id: number; phone: string | null }>(
      `SELECT id, household_no, village_id, phone FROM households WHERE household_type = '脱贫户' AND monitoring_category IS NULL AND dilapidated_house IS NOT '是'
         AND safe_drinking_water IS NOT '否' AND guarantee_housing IS NOT '有短板' AND guarantee_water IS NOT '有短板'
         AND guarantee_education IS NOT '有短板' AND guarantee_medical IS NOT '有短板' AND per_capita_net_income_fen < 800000
         AND id NOT IN (SELECT household_id FROM monitoring_cases) ORDER BY id DESC LIMIT 1`,
    )[0]!
    const head = app.query<{ name: string; id_number: string }>("SELECT name, id_number FROM members WHERE household_id = ? AND relation = '户主'", target.id)[0]!
    await expect.poll(() => page.locator('[data-menu="worklists"] .ant-badge').count()).toBe(1)
    const before = await worklist('income_under_line', target.household_no)
    expect(before.listed).toBe(true)
    expect(before.count).toBeGreaterThan(0)
    await screenshot(page, 'monitoring-01b-worklists')
    // The item opens the household at its 监测 card.
    await before.pane.locator('tr.ant-table-row').filter({ hasText: target.household_no }).click()
    await page.waitForURL(new RegExp(`#/households/${target.id}/monitoring$`))
    const card = page.locator('[data-card="monitoring"]')
    await card.getByRole('button', { name: '登记申报或排查' }).waitFor()
    await expect.poll(() => card.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200)
    await card.getByRole('button', { name: '登记申报或排查' }).click()
    const dialog = page.locator('.ant-modal')
    await pick(dialog, '监测对象类别', ['边缘易致贫户'])
    await pick(dialog, '致贫返贫风险', ['因病', '因学'])
    await pick(dialog, '识别方式', ['基层干部排查'])
    await date(dialog, '申报或排查日期', '2026-01-05')
    await dialog.getByLabel('申报或排查经办人').fill('王专干')
    await dialog.getByLabel('识别时家庭纯收入（元）').fill('18,600')
    await dialog.locator('.ant-modal-title').click()
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    // Refusal 1: a 脱贫户 can only be 脱贫不稳定户.
    await dialog.getByText(/该户「户类型」是脱贫户，只能纳入为「脱贫不稳定户」/).waitFor()
    await screenshot(page, 'monitoring-02-category-refused')
    await pick(dialog, '监测对象类别', ['脱贫不稳定户'])
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    await card.getByText('识别中').waitFor()
    // In procedure now: off the income list, its count one less.
    const opened = await worklist('income_under_line', target.household_no)
    expect(opened).toMatchObject({ count: before.count - 1, listed: false })
    await page.goto(`${app.host.url.split('#')[0]}#/households/${target.id}/monitoring`)
    await card.getByText('识别中').waitFor()

    await card.getByRole('tab', { name: '识别与消除程序' }).click()
    const step = async (values: { date: string; end?: string; by: string; opinion?: string; method?: string; dateLabel?: string }) => {
      await date(card, values.dateLabel ?? '日期', values.date)
      if (values.end) await date(card, '公示结束', values.end)
      await card.getByLabel('经办人', { exact: true }).fill(values.by)
      if (values.method) await pick(card, '消除方式', [values.method])
      if (values.opinion) await card.getByLabel('意见', { exact: true }).fill(values.opinion)
      await card.locator('[data-form="step"]').getByRole('button', { name: /登\s*记/ }).click()
    }
    // Generous: on a loaded machine a step's round trip can take more than the default second.
    const recorded = (label: string) => expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: label }).innerText(), { timeout: 10_000 }).not.toContain('未登记')
    await step({ date: '2026-01-08', by: '村民代表会议' })
    await recorded('村级民主评议')
    await step({ dateLabel: '公示开始', date: '2026-01-09', end: '2026-01-13', by: '村委会' })
    await recorded('村级公示')
    // The village 公示 of new monitoring objects: after 评议, ID number and phone masked.
    await page.goto(`${app.host.url.split('#')[0]}#/print/monitoring-notice/${target.village_id}/identify`)
    await page.locator('section.print-form').waitFor()
    await screenshot(page, 'monitoring-03b-notice')
    const notice = await pdf('monitoring-notice-identify')
    expect(notice.size).toEqual([595, 842])
    for (const s of ['拟纳入防返贫监测对象公示', head.name, maskIdNumber(head.id_number), '脱贫不稳定户', '因病、因学', '基层干部排查', '2026年1月9日至2026年1月13日', '村民委员会（盖章）']) {
      expect(notice.compact).toContain(s)
    }
    expect(notice.compact).not.toContain(head.id_number)
    if (target.phone) {
      expect(notice.compact).toContain(maskPhone(target.phone))
      expect(notice.compact).not.toContain(target.phone)
    }
    await page.goto(`${app.host.url.split('#')[0]}#/households/${target.id}/monitoring`)
    await card.getByRole('tab', { name: '识别与消除程序' }).click()
    // Refusal 2: 乡镇审核 dated before the 公示 has run its course.
    await step({ date: '2026-01-12', by: '乡村振兴办', opinion: '同意纳入' })
    await card.getByText(/未登记：「乡镇审核」的日期 2026-01-12 早于「村级公示」期满（2026-01-13）/).waitFor()
    await screenshot(page, 'monitoring-03-step-refused')
    await step({ date: '2026-01-14', by: '乡村振兴办', opinion: '同意纳入' })
    await recorded('乡镇审核')
    await step({ date: '2026-01-20', by: '县乡村振兴局', opinion: '同意纳入监测' })
    await card.getByText('监测中', { exact: true }).waitFor()
    await expect.poll(() => page.locator('.ant-tag').filter({ hasText: '监测：脱贫不稳定户' }).count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('[data-card="status"] tr.ant-table-row').filter({ hasText: '纳入监测' }).count()).toBe(1)

    await card.getByRole('tab', { name: /帮扶措施/ }).click()
    const measure = card.locator('[data-form="measure"]')
    await pick(measure, '措施类别', ['健康帮扶'])
    await pick(measure, '措施内容', ['医疗救助', '家庭医生签约服务'])
    await date(measure, '措施日期', '2026-02-01')
    await measure.getByLabel('金额（元）').fill('1,200.50')
    await measure.getByLabel('责任人').fill('镇卫生院')
    await measure.getByRole('button', { name: '登记措施' }).click()
    await expect.poll(() => card.locator('tr.ant-table-row').filter({ hasText: '医疗救助' }).innerText()).toContain('1,200.50')
    await screenshot(page, 'monitoring-04-measure')

    await card.getByRole('tab', { name: '风险消除后指标' }).click()
    const indicators = card.locator('[data-form="indicators"]')
    for (const label of ['风险消除后是否义务教育阶段适龄儿童少年失学辍学', '风险消除后是否住房损毁', '风险消除后是否有家庭成员未参加城乡居民（职工）基本医疗保险', '风险消除后是否饮水设施损毁']) {
      await pick(indicators, label, ['否'])
    }
    const money: [string, string][] = [
      ['风险消除后工资性收入', '20000'], ['风险消除后财产性收入', '0'], ['风险消除后转移性收入', '3000'], ['风险消除后生产经营性收入', '5000'],
      ['风险消除后生产经营性支出', '1000'], ['风险消除后家庭纯收入', '27000'], ['风险消除后家庭人均纯收入', '7999'], ['风险消除后理赔收入', '0'],
      ['风险消除后合规自付支出', '800'],
    ]
    for (const [label, value] of money) await indicators.getByLabel(label).fill(value)
    await indicators.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => app.query<{ v: number }>('SELECT after_per_capita_fen AS v FROM monitoring_cases WHERE household_id = ?', target.id)[0]?.v).toBe(799_900)

    // Refusal 3: per-capita income after elimination under the year's line.
    await card.getByRole('tab', { name: '识别与消除程序' }).click()
    await step({ date: '2026-08-03', by: '村民代表会议', method: '帮扶消除' })
    await card.getByText(/风险消除后家庭人均纯收入 7999 元低于 2026 年监测线 8000 元/).waitFor()
    await screenshot(page, 'monitoring-05-elimination-refused')

    await card.getByRole('tab', { name: '风险消除后指标' }).click()
    await indicators.getByLabel('风险消除后家庭人均纯收入').fill('9000')
    await indicators.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => app.query<{ v: number }>('SELECT after_per_capita_fen AS v FROM monitoring_cases WHERE household_id = ?', target.id)[0]?.v).toBe(900_000)
    await card.getByRole('tab', { name: '识别与消除程序' }).click()
    await step({ date: '2026-08-03', by: '村民代表会议', method: '帮扶消除' })
    await recorded('风险消除民主评议')
    await step({ dateLabel: '公示开始', date: '2026-08-04', end: '2026-08-08', by: '村委会' })
    await recorded('风险消除公示')
    await step({ date: '2026-08-10', by: '乡村振兴办', opinion: '同意消除' })
    await recorded('风险消除乡镇审核')
    await step({ date: '2026-08-15', by: '县乡村振兴局', opinion: '同意风险消除' })
    await card.getByText('已消除', { exact: true }).waitFor()
    await screenshot(page, 'monitoring-06-eliminated')
    expect(app.query('SELECT kind, event_date, elimination_method FROM household_status_events WHERE household_id = ? ORDER BY id', target.id)).toEqual([
      { kind: '纳入监测', event_date: '2026-01-20', elimination_method: null },
      { kind: '风险消除', event_date: '2026-08-15', elimination_method: '帮扶消除' },
    ])
    expect(app.query('SELECT monitoring_category FROM households WHERE id = ?', target.id)).toEqual([{ monitoring_category: null }])
    // The household's 修改记录 names the monitoring steps.
    await expect.poll(() => page.locator('[data-card="changes"] tr.ant-table-row').filter({ hasText: '风险消除县级审定意见' }).count()).toBe(1)

    // Both 审批表 from the 监测 tab, read back from the PDF.
    await card.getByRole('button', { name: '打印识别（纳入）审批表' }).click()
    await page.locator('section.print-form').waitFor()
    await screenshot(page, 'monitoring-08-identify-approval')
    const identify = await pdf('monitoring-approval-identify')
    expect(identify.size).toEqual([595, 842])
    expect(identify.pages).toBe(1)
    for (const s of [
      '防返贫监测对象识别（纳入）审批表', head.name, head.id_number, target.household_no, '脱贫不稳定户', '因病、因学', '基层干部排查', '18,600.00元',
      '2026年监测线', '8,000.00元/人/年', '2026年1月8日经村民代表民主评议', '2026年1月9日至2026年1月13日', '同意纳入', '同意纳入监测', '乡村振兴办', '县乡村振兴局', '纳入监测审批时间：2026年1月20日',
      '村民委员会（盖章）', '乡镇人民政府（盖章）', '县级乡村振兴部门（盖章）', '第1页共1页',
    ]) {
      expect(identify.compact).toContain(s)
    }
    expect(identify.fonts).toMatch(CJK_FONT)
    await page.goBack()
    await card.getByRole('button', { name: '打印风险消除审批表' }).click()
    await page.locator('section.print-form').waitFor()
    await screenshot(page, 'monitoring-09-elimination-approval')
    const eliminate = await pdf('monitoring-approval-eliminate')
    expect(eliminate.size).toEqual([595, 842])
    for (const s of [
      '防返贫监测对象风险消除审批表', head.name, '帮扶消除', '健康帮扶', '医疗救助', '1,200.50', '镇卫生院', '家庭人均纯收入', '9,000.00', '高于2026年监测线8,000.00元',
      '2026年8月4日至2026年8月8日', '同意消除', '同意风险消除', '2026年8月15日', '乡镇人民政府（盖章）', '县级乡村振兴部门（盖章）',
    ]) {
      expect(eliminate.compact).toContain(s)
    }
    expect(eliminate.compact).toContain(`第1页共${eliminate.pages}页`)
    expect(eliminate.pages).toBeLessThanOrEqual(2)
    await page.goBack()
    await card.waitFor()

    // The household list finds it among the eliminated, and by its measure kind.
    await page.getByRole('menuitem', { name: '户台账' }).click()
    await pick(page.locator('.page'), '监测状态', ['已消除风险'])
    await pick(page.locator('.page'), '帮扶措施类别', ['健康帮扶'])
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBeGreaterThan(0)
    const ids = app.query<{ id: number }>(
      `SELECT DISTINCT c.household_id AS id FROM monitoring_cases c JOIN monitoring_measures m ON m.case_id = c.id
        WHERE m.kind = '健康帮扶' AND c.elim_county_date IS NOT NULL`,
    )
    expect(ids.map((r) => r.id)).toContain(target.id)
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(ids.length)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0)
    await screenshot(page, 'monitoring-07-list-filter')
    expect(app.errors).toEqual([])
  })
})
