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
const count = (text: string, token: string) => text.split(token).length - 1
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
    // 实施地点: township + village + place, the village once; 施工单位 and 监理单位 named and signing.
    expect(out.compact).toContain('示例镇南坪村1组至3组')
    expect(out.compact).not.toContain('南坪村南坪村')
    for (const s of ['示例县路桥工程有限公司', '示例县建设工程监理有限公司', '施工单位（签字）', '监理单位（签字）']) expect(out.flow).toContain(s)
    expect(out.fonts).toMatch(CJK_FONT)
  })

  it('keeps numbers, percentages and codes whole at line ends on every form (验收单, 项目公示)', async () => {
    // Long text in which some token is bound to fall at a line end, in a wide cell and in narrow ones.
    const content = Array.from({ length: 24 }, (_, i) => `第${i + 1}段占地40%编号ZC-BDK-2026-001`).join('，')
    const created = (await page.evaluate(
      async ([content]) => {
        const ledger = (globalThis as unknown as { ledger: { invoke(n: string, i: unknown): Promise<{ ok: boolean; value: { id: number } }> } }).ledger
        const r = await ledger.invoke('projects.create', { projectNo: 'ZC-BDK-2026-001', projectName: '断行检查项目', year: '2026', content, farmerLink: content, plannedStart: '2026-03-01', plannedEnd: '2026-10-31' })
        await ledger.invoke('projects.addRecord', { projectId: r.value.id, record: { kind: 'indicator', level1: '产出指标', level2: '质量指标', indicator: '硬化率', target: '40', unit: '%' } })
        await ledger.invoke('projects.addRecord', { projectId: r.value.id, record: { kind: 'budget', source: '县级', amount: '1000' } })
        return r.value.id
      },
      [content],
    )) as number
    await open(`#/print/acceptance/${created}`)
    const acceptance = await pdf('print-forms-tokens-acceptance')
    // 建设内容 24, and the 产出指标 target.
    expect(count(acceptance.text, '40%')).toBe(25)
    expect(count(acceptance.text, 'ZC-BDK-2026-001')).toBe(25)
    await open('#/print/notice/projects/2026')
    const notice = await pdf('print-forms-tokens-notice')
    // 建设内容 and 联农带农机制 carry 24 each, 绩效目标 one more 40%.
    expect(count(notice.text, '40%')).toBe(49)
    expect(count(notice.text, 'ZC-BDK-2026-001')).toBe(48)
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
  it('opens from the 打印表单 hub, prints three blocks with subtotals and the split total, the statement built from the figures and then edited', async () => {
    await page.goto(`${base}#/forms`)
    await page.getByLabel('帮扶单位').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '示例市农业农村局' }).click()
    await page.getByLabel('帮扶村').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '南坪村' }).click()
    await screenshot(page, 'print-forms-04-hub')
    await page.getByRole('button', { name: '打开交接表' }).click()
    await page.locator('section.print-form').waitFor()
    expect(page.url()).toContain('#/print/unit-handover?')
    // The statement follows the ledger: 结余 and the unfinished project, never 「无结余资金」.
    const built = await pdf('print-forms-unit-handover-built')
    expect(built.compact).toContain('项目结余资金共225,400.00元')
    expect(built.compact).toContain('尚未完成的事项：南坪村高标准农田水利配套（在建）')
    expect(built.compact).not.toContain('无结余')
    // 争取的资金 are the unit's records (from whom, for what), never the projects' 中央/县级 allocations.
    for (const s of ['一、争取的资金', '争取市级产业路建设补助资金（用于南坪村产业路硬化工程）', '示例市财政局', '示例省农业农村厅']) expect(built.flow).toContain(s)
    expect(built.compact).not.toContain('中央衔接资金')
    expect(built.compact).not.toContain('县级')
    await page.getByRole('button', { name: /^编\s?辑$/ }).click()
    await page.getByLabel('结尾说明').fill('经三方核实，资金和项目均已落实到村到户，结余资金按规定使用。特此交接。')
    await screenshot(page, 'print-forms-05-unit-handover')
    const out = await pdf('print-forms-unit-handover')
    expect(out.size).toEqual(A4_PORTRAIT)
    expect(out.pages).toBe(1)
    for (const s of ['示例县示例镇南坪村帮扶单位交接表', '示例市农业农村局', '一、争取的资金', '二、帮村项目', '三、帮户项目', '小计', '总计', '其中：争取的资金', '其中：自筹资金', '结余资金按规定使用。特此交接。', '帮扶单位（盖章）', '乡镇（盖章）', '村委会（盖章）', '第1页共1页']) {
      expect(out.compact).toContain(s)
    }
    expect(out.text).toContain(amount(50_000_000)) // 争取的资金 300,000 + 200,000
    expect(out.text).toContain(amount(21_100_000)) // 自筹 200,000 + 11,000
    expect(out.text).toContain(amount(71_100_000)) // 总计
    // 争取的资金 are recorded in the 编辑 panel.
    await page.getByLabel('争取日期').fill('2024-08-01')
    await page.getByLabel('争取日期').press('Enter')
    await page.getByLabel('资金来自').fill('示例县财政局')
    await page.getByLabel('用途').fill('争取县级人居环境整治资金')
    await page.getByLabel('争取金额（元）').fill('60000')
    await page.getByRole('button', { name: '登记争取的资金' }).click()
    await page.locator('section.print-form').getByText('争取县级人居环境整治资金').waitFor()
    await screenshot(page, 'print-forms-05b-unit-handover-obtained')
    expect(app.query<{ amount_fen: number }>("SELECT amount_fen FROM unit_obtained_funds WHERE grantor = '示例县财政局'")).toEqual([{ amount_fen: 6_000_000 }])
  })

  it('a period narrows the blocks', async () => {
    const village = app.query<{ id: number }>("SELECT id FROM villages WHERE name = '南坪村'")[0]!.id
    await open(`#/print/unit-handover?unit=${encodeURIComponent('示例市农业农村局')}&village=${village}&from=2022-01-01&to=2024-12-31`)
    const out = await pdf('print-forms-unit-handover-period')
    expect(out.compact).toContain('2022年1月1日至2024年12月31日')
    expect(out.compact).not.toContain('南坪村产业路硬化工程')
    // 争取的资金 of the period (200,000 in 2023, and what the test above recorded) + 150,000 + 9,000
    const obtained = app.query<{ n: number }>("SELECT coalesce(sum(amount_fen), 0) AS n FROM unit_obtained_funds WHERE obtained_date BETWEEN '2022-01-01' AND '2024-12-31'")[0]!.n
    expect(obtained).toBeGreaterThanOrEqual(20_000_000)
    expect(out.text).toContain(amount(obtained + 15_900_000))
  })
})

describe('公示', () => {
  it('项目公示 of a year: A4 landscape, funds by source, beneficiaries, notice period and phone', async () => {
    await open('#/print/notice/projects/2025')
    await page.getByRole('button', { name: /^编\s?辑$/ }).click()
    await page.getByLabel('公示期自').fill('2026-12-01')
    await page.getByLabel('公示期至').fill('2026-12-10')
    await page.getByLabel('监督举报电话').fill('0371-12345678')
    // The phone is a setting: stored here, it is on the next 公示 without typing.
    await page.getByRole('button', { name: '设为默认电话' }).click()
    await page.getByText('设为各公示默认的监督举报电话').waitFor()
    await screenshot(page, 'print-forms-06-project-notice')
    const out = await pdf('print-forms-project-notice')
    expect(out.size).toEqual(A4_LANDSCAPE)
    for (const s of ['石桥村农产品初加工车间', '南坪村高标准农田水利配套', '柳河村就业帮扶车间']) expect(out.flow).toContain(s)
    for (const s of ['示例县示例镇2025年度衔接资金项目公示', '中央衔接资金', '帮扶单位资金', '受益户数', '2026年12月1日至2026年12月10日', '0371-12345678', '人民政府（盖章）']) {
      expect(out.flow).toContain(s)
    }
    // What a 公示 must show: 实施期限, 绩效目标, 联农带农机制, 责任人 and the 监督举报电话.
    for (const s of ['实施期限', '绩效目标', '联农带农机制', '责任人', '监督举报电话：0371-12345678']) expect(out.flow).toContain(s)
    const cells = (await page.locator('section.print-form tbody').innerText()).replace(/\s+/g, '')
    for (const s of ['2025年4月1日至2025年10月31日', '新建车间面积600平方米', '租金用于脱贫户分红', '吴春花', '孙玉梅']) expect(cells).toContain(s)
    for (const s of ['吴春花', '孙玉梅']) expect(out.compact).toContain(s)
    expect(out.compact).toContain(`第${out.pages}页共${out.pages}页`)
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
    await expect.poll(() => page.locator('.notice-footer').innerText()).toContain('0371-12345678')
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
    await screenshot(page, 'print-forms-08-village-cards')
    const out = await pdf('print-forms-village-cards')
    expect(out.pages).toBe(village.n)
    // Page numbers count per household card, each naming its household; never across the batch.
    expect(out.compact).not.toContain(`共${village.n}页`)
    expect(count(out.compact, '第1页共1页')).toBe(village.n)
    expect(out.compact).toContain(`（第${village.n}户，共${village.n}户）`)
    // ID numbers masked like the lists by default.
    const heads = app.query<{ name: string; id_number: string }>(
      "SELECT m.name, m.id_number FROM members m JOIN households h ON h.id = m.household_id WHERE h.village_id = ? AND m.relation = '户主'",
      village.id,
    )
    for (const h of heads) {
      expect(out.compact).toContain(`${h.name}户第1页共1页`)
      expect(out.compact).toContain(maskIdNumber(h.id_number))
      expect(out.compact).not.toContain(h.id_number)
    }
    // Printing full numbers is a choice on the page, and the access log records it.
    const one = app.query<{ id: number; household_no: string; id_number: string }>(
      "SELECT h.id, h.household_no, m.id_number FROM households h JOIN members m ON m.household_id = h.id AND m.relation = '户主' WHERE h.village_id = ? ORDER BY h.id LIMIT 1",
      village.id,
    )[0]!
    await page.goto(`${base}#/print/cards/${one.id}`)
    await page.locator('section.print-card').waitFor()
    expect(await page.locator('.print-sheet').innerText()).not.toContain(one.id_number)
    await page.getByRole('checkbox', { name: /打印完整证件号码和电话/ }).check()
    await expect.poll(() => page.locator('.print-sheet').innerText(), { timeout: 30_000 }).toContain(one.id_number)
    await screenshot(page, 'print-forms-09-card-full-ids')
    const full = await pdf('print-forms-card-full')
    expect(full.compact).toContain(one.id_number)
    expect(full.compact).toContain('第1页共1页')
    expect(app.query<{ detail: string }>("SELECT detail FROM access_log WHERE action = 'print_unmasked'")).toEqual([{ detail: `户卡（完整证件号码和电话）：1 户（户编号 ${one.household_no}）` }])
    // In the browser host 「另存为 PDF」 opens the browser's print dialog (its destination saves a PDF).
    await page.evaluate('window.printed = 0; window.print = () => { window.printed++ }')
    await page.getByRole('button', { name: '另存为 PDF' }).click()
    expect(await page.evaluate('window.printed')).toBe(1)
  })
})
