import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maskIdNumber } from '../../shared/domain/id-number'
import { formatYuan } from '../../shared/domain/money'
import { openApp, resultsDir, screenshot, type App } from './harness'

let app: App
let page: Page
let base: string

beforeAll(async () => {
  app = await openApp('print-forms')
  page = app.page
  base = app.host.url.replace(/#.*$/, '')
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
})

afterAll(() => app?.close())

/** Prints the page to PDF (CSS page size), writes a PNG of every page to look at, and reads it back. */
const pdf = async (name: string) => {
  const file = path.join(resultsDir, `${name}.pdf`)
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(resultsDir, name)])
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  return {
    text,
    /** In reading order, a wrapped cell's lines together. */
    flow: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
    /** pdftotext drops the spaces between CJK characters. */
    compact: text.replace(/\s+/g, ''),
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    /** Page size in points, e.g. [595, 842] for A4 portrait. */
    size: /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1, 3).map((v) => Math.round(Number(v))),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  }
}
const A4_PORTRAIT = [595, 842]
const A4_LANDSCAPE = [842, 595]
const CJK_FONT = /^\S*(UMing|SimSun|CJK|WenQuanYi)\S*\s+CID TrueType\s+Identity-H\s+yes/m
/** '1,234.56' as printed in the forms (元 in the header). */
const amount = (fen: number) => formatYuan(fen).replace(/ 元$/, '')

const projectId = (name: string) => app.query<{ id: number }>('SELECT id FROM projects WHERE name = ?', name)[0]!.id
const open = async (hash: string, selector = 'section.print-form') => {
  // Through the hub, so the form found is the new one and not the one shown before.
  await page.goto(`${base}#/forms`)
  await page.getByRole('heading', { name: '打印表单' }).waitFor()
  await page.goto(`${base}${hash}`)
  await page.locator(selector).first().waitFor()
}

describe('printed project forms', () => {
  it('项目竣工验收单: identity, funds by source, settlement and balance, conclusion, signatures, one A4 page', async () => {
    const id = projectId('南坪村产业路硬化工程')
    await open(`#/print/acceptance/${id}`)
    await screenshot(page, 'print-forms-01-acceptance')
    const out = await pdf('print-forms-acceptance')
    expect(out.size).toEqual(A4_PORTRAIT)
    expect(out.pages).toBe(1)
    for (const s of ['项目竣工验收单', '南坪村产业路硬化工程', 'SL4199-2021-001', '示例镇人民政府', '中央衔接资金', '省级衔接资金', '帮扶单位资金', '群众自筹']) {
      expect(out.compact).toContain(s.replace(/\s+/g, ''))
    }
    expect(out.text).toContain(amount(97_000_000)) // 总投资
    expect(out.text).toContain(amount(95_860_000)) // 结算金额
    expect(out.text).toContain(amount(1_140_000)) // 结余金额
    expect(out.compact).toContain('☑合格')
    for (const s of ['验收组成员（签字）', '村委/村监委（签字）', '群众代表（签字）', '乡镇（盖章）', '行业部门（盖章）', '2021年10月20日', '第1页共1页']) {
      expect(out.compact).toContain(s)
    }
    expect(out.fonts).toMatch(CJK_FONT)
  })

  it('验收单 of a failed acceptance shows 不合格 and the 整改要求; the 编辑 panel saves the opinion to the project', async () => {
    const id = projectId('柳河村安全饮水巩固提升工程')
    await open(`#/print/acceptance/${id}`)
    await page.getByRole('button', { name: /^编\s?辑$/ }).click()
    const opinion = page.getByLabel('验收意见')
    await opinion.fill('入户管网未完成，暂不予通过验收（经复核）。')
    await page.getByRole('button', { name: /^保\s?存$/ }).click()
    await page.getByText('入户管网未完成，暂不予通过验收（经复核）。').first().waitFor()
    expect(app.query<{ acceptance_opinion: string }>('SELECT acceptance_opinion FROM projects WHERE id = ?', id)[0]!.acceptance_opinion).toBe(
      '入户管网未完成，暂不予通过验收（经复核）。',
    )
    await screenshot(page, 'print-forms-02-acceptance-edit')
    // The panel is for the screen only.
    const out = await pdf('print-forms-acceptance-failed')
    expect(out.pages).toBe(1)
    expect(out.compact).toContain('☑不合格')
    expect(out.compact).toContain('2023年10月31日前完成剩余8户入户管网改造')
    expect(out.compact).toContain('（经复核）')
    expect(out.compact).not.toContain('收起编辑')
  })

  it('扶贫项目资产移交表: A4 landscape, the assets with the county\'s columns, total 原值 and three parties', async () => {
    const id = projectId('杏花村杏果冷藏库建设')
    await open(`#/print/asset-handover/${id}`)
    await screenshot(page, 'print-forms-03-asset-handover')
    const out = await pdf('print-forms-asset-handover')
    expect(out.size).toEqual(A4_LANDSCAPE)
    expect(out.pages).toBe(1)
    for (const s of ['杏果保鲜冷藏库', '杏果分拣车间']) expect(out.flow).toContain(s)
    for (const s of ['扶贫项目资产移交表', 'ZC-2023-001', '经营性', '所有权人', '经营权人', '管护主体', '收益分配方式', '杏花村股份经济合作社', '移交方（盖章）', '接收方（盖章）', '监交方（盖章）', '2023年11月20日', '第1页共1页']) {
      expect(out.compact).toContain(s)
    }
    expect(out.text).toContain(amount(52_180_000)) // 合计原值
    expect(out.fonts).toMatch(CJK_FONT)
  })

  it('资产移交表 of 到户类 assets names the households', async () => {
    const id = projectId('石桥村肉牛养殖到户补助')
    await open(`#/print/asset-handover/${id}`)
    const out = await pdf('print-forms-asset-handover-households')
    const heads = app.query<{ name: string }>(
      `SELECT m.name FROM project_assets a JOIN members m ON m.household_id = a.household_id AND m.relation = '户主' WHERE a.project_id = ?`,
      id,
    )
    expect(heads).toHaveLength(4)
    for (const h of heads) expect(out.compact).toContain(h.name)
    expect(out.text).toContain(amount(12_000_000))
  })
})

describe('帮扶单位交接表', () => {
  it('opens from the 打印表单 hub, prints three blocks with subtotals and the split total, with an edited statement', async () => {
    await page.goto(`${base}#/forms`)
    await page.getByLabel('帮扶单位').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '示例市农业农村局' }).click()
    await page.getByLabel('帮扶村').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '南坪村' }).click()
    await screenshot(page, 'print-forms-04-hub')
    await page.getByRole('button', { name: '打开交接表' }).click()
    await page.locator('section.print-form').waitFor()
    expect(page.url()).toContain('#/print/unit-handover?')
    await page.getByRole('button', { name: /^编\s?辑$/ }).click()
    await page.getByLabel('结尾说明').fill('经三方核实，资金和项目均已落实到村到户，无结余，无挪用，无遗留事项。特此交接。')
    await screenshot(page, 'print-forms-05-unit-handover')
    const out = await pdf('print-forms-unit-handover')
    expect(out.size).toEqual(A4_PORTRAIT)
    expect(out.pages).toBe(1)
    for (const s of ['示例县示例镇南坪村帮扶单位交接表', '示例市农业农村局', '一、争取的财政资金', '二、帮村项目', '三、帮户项目', '小计', '总计', '其中：争取的财政资金', '其中：自筹资金', '特此交接。', '帮扶单位（盖章）', '乡镇（盖章）', '村委会（盖章）', '第1页共1页']) {
      expect(out.compact).toContain(s)
    }
    expect(out.text).toContain(amount(150_000_000)) // 争取的财政资金
    expect(out.text).toContain(amount(21_100_000)) // 自筹 200,000 + 11,000
    expect(out.text).toContain(amount(171_100_000)) // 总计
  })

  it('a period narrows the blocks', async () => {
    const village = app.query<{ id: number }>("SELECT id FROM villages WHERE name = '南坪村'")[0]!.id
    await open(`#/print/unit-handover?unit=${encodeURIComponent('示例市农业农村局')}&village=${village}&from=2022-01-01&to=2024-12-31`)
    const out = await pdf('print-forms-unit-handover-period')
    expect(out.compact).toContain('2022年1月1日至2024年12月31日')
    expect(out.compact).not.toContain('南坪村产业路硬化工程')
    expect(out.text).toContain(amount(45_900_000))
  })
})

describe('公示', () => {
  it('项目公示 of a year: A4 landscape, funds by source, beneficiaries, notice period and phone', async () => {
    await open('#/print/notice/projects/2025')
    await page.getByRole('button', { name: /^编\s?辑$/ }).click()
    await page.getByLabel('公示期自').fill('2026-12-01')
    await page.getByLabel('公示期至').fill('2026-12-10')
    await page.getByLabel('监督电话').fill('0371-12345678')
    await screenshot(page, 'print-forms-06-project-notice')
    const out = await pdf('print-forms-project-notice')
    expect(out.size).toEqual(A4_LANDSCAPE)
    expect(out.pages).toBe(1)
    for (const s of ['石桥村农产品初加工车间', '南坪村高标准农田水利配套', '柳河村就业帮扶车间']) expect(out.flow).toContain(s)
    for (const s of ['示例县示例镇2025年度衔接资金项目公示', '中央衔接资金', '帮扶单位资金', '受益户数', '2026年12月1日至2026年12月10日', '0371-12345678', '人民政府（盖章）', '第1页共1页']) {
      expect(out.compact).toContain(s)
    }
    expect(out.text).toContain(amount(93_000_000))
    expect(out.fonts).toMatch(CJK_FONT)
  })

  it('受益户公示 always masks ID numbers', async () => {
    const id = projectId('南坪村村级光伏电站')
    const heads = app.query<{ name: string; id_number: string }>(
      `SELECT m.name, m.id_number FROM project_beneficiaries b JOIN members m ON m.household_id = b.household_id AND m.relation = '户主' WHERE b.project_id = ?`,
      id,
    )
    expect(heads).toHaveLength(30)
    await open(`#/print/notice/beneficiaries/${id}`)
    await screenshot(page, 'print-forms-07-beneficiary-notice')
    const out = await pdf('print-forms-beneficiary-notice')
    expect(out.size).toEqual(A4_PORTRAIT)
    // 30 households fill the first page; the period and the seal go on the second.
    expect(out.pages).toBe(2)
    for (const h of heads) {
      expect(out.compact).toContain(h.name)
      expect(out.compact).toContain(maskIdNumber(h.id_number))
      expect(out.compact).not.toContain(h.id_number)
    }
    expect(out.compact).toContain('共30户')
    expect(out.compact).toContain('第2页共2页')
    expect(out.fonts).toMatch(CJK_FONT)
  })
})

describe('户卡 of a whole village', () => {
  it('is read as a job with progress, then printed one household per page', async () => {
    const village = app.query<{ id: number; n: number }>(
      "SELECT v.id, count(h.id) AS n FROM villages v JOIN households h ON h.village_id = v.id WHERE v.name = '东岭村' GROUP BY v.id",
    )[0]!
    await page.goto(`${base}#/print/cards/village/${village.id}`)
    await expect.poll(() => page.locator('section.print-card').count(), { timeout: 30_000 }).toBe(village.n)
    await expect.poll(() => page.getByRole('button', { name: /^打\s*印$/ }).isEnabled()).toBe(true)
    const out = await pdf('print-forms-village-cards')
    expect(out.pages).toBe(village.n)
    expect(out.compact).toContain(`第${village.n}页共${village.n}页`)
    // In the browser host 「另存为 PDF」 opens the browser's print dialog (its destination saves a PDF).
    await page.evaluate('window.printed = 0; window.print = () => { window.printed++ }')
    await page.getByRole('button', { name: '另存为 PDF' }).click()
    expect(await page.evaluate('window.printed')).toBe(1)
  })
})
