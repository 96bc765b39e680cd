import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import type { PostImportPreview, PostImportResult } from '../../../shared/api/posts'
import { isStudent, normalisePostType } from '../../../shared/domain/posts'
import { jobEnd, opCaller, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'
import { makeId } from '../import/helpers'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

const ID_A = makeId('19700101', '111')
const ID_B = makeId('19750505', '222')
const ID_C = makeId('19800808', '331')
const ID_STRANGER = makeId('19660606', '441')

function setup() {
  const { core, events } = testCore()
  cores.push(core)
  const { raw, call } = opCaller(core)
  const ids = core.ledger.write.run({ actor: 'test' }, (w) => {
    const v1 = w.insert('villages', { county: '示例县', township: '示例镇', name: '示例一村', is_demo: 0 })
    const v2 = w.insert('villages', { county: '示例县', township: '示例镇', name: '示例二村', is_demo: 0 })
    const h1 = w.insert('households', { village_id: v1, household_no: 'H001', wage_income_fen: 1_200_000 })
    const h2 = w.insert('households', { village_id: v2, household_no: 'H002' })
    const a = w.insert('members', { household_id: h1, sort_order: 1, name: '张大山', relation: '户主', id_number: ID_A })
    const b = w.insert('members', { household_id: h1, sort_order: 2, name: '李小梅', relation: '配偶', id_number: ID_B })
    const c = w.insert('members', { household_id: h2, sort_order: 1, name: '王石头', relation: '户主', id_number: ID_C })
    return { v1, v2, h1, h2, a, b, c }
  })
  const job = async <T>(jobId: string): Promise<T> => {
    const end = await jobEnd(events, jobId)
    if (end.type === 'job.failed') throw new Error(end.error.message)
    return (end as { result: T }).result
  }
  const post = async (fields: Record<string, unknown> = {}) =>
    (await call('posts.create', { postType: '护林员', villageId: ids.v1, pay: '800', funding: '生态补偿资金', capacity: 1, ...fields })).id
  return { core, raw, call, job, post, ...ids }
}

describe('posts, holders and payroll', () => {
  it('assigns a roster member, refuses overlaps and a full post, keeps pay in exact 分 and sums the payroll per month', async () => {
    const { core, raw, call, post, a, b, c, h1 } = setup()
    const forest = await post({ pay: '666.67' })
    expect(await raw('posts.create', { postType: '其他', pay: '500', funding: '衔接资金', capacity: 1 })).toMatchObject({ ok: false, error: { field: 'typeNote' } })
    const hA = (await call('posts.assign', { postId: forest, memberId: a, startMonth: '2026-01', endMonth: '2026-12' })).id
    // One place: a second holder in the same months is refused; the same person in another post too.
    expect(await raw('posts.assign', { postId: forest, memberId: b, startMonth: '2026-03' })).toMatchObject({ ok: false, error: { field: 'postId', message: expect.stringContaining('已满员') } })
    const clean = await post({ postType: '保洁员', pay: '500', funding: '衔接资金', capacity: 2 })
    expect(await raw('posts.assign', { postId: clean, memberId: a, startMonth: '2026-06' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('一人同一时间只能在一个公益性岗位') } })
    const hB = (await call('posts.assign', { postId: clean, memberId: b, startMonth: '2026-02' })).id
    const hC = (await call('posts.assign', { postId: clean, memberId: c, startMonth: '2026-02', endMonth: '2026-02' })).id
    expect(await raw('posts.assign', { postId: clean, memberId: a, startMonth: '2025-01', endMonth: '2025-01' })).toMatchObject({ ok: true })

    // A month's payroll for all holders at once; a holder not there that month is refused.
    expect(await raw('posts.savePayroll', { postId: clean, month: '2026-03', entries: [{ holdingId: hB, amount: '500' }, { holdingId: hC, amount: '500' }] })).toMatchObject({
      ok: false, error: { message: expect.stringContaining('2026-03 不在岗') },
    })
    await call('posts.savePayroll', { postId: forest, month: '2026-01', entries: [{ holdingId: hA, days: 22, amount: '666.67' }] })
    await call('posts.savePayroll', { postId: forest, month: '2026-02', entries: [{ holdingId: hA, days: 20, attendance: '全勤', amount: '666.67' }] })
    await call('posts.savePayroll', { postId: clean, month: '2026-02', entries: [{ holdingId: hB, amount: '500' }, { holdingId: hC, days: 10, amount: '250.5' }] })
    // Saving the month again replaces it (C's row goes), not a second copy.
    await call('posts.savePayroll', { postId: clean, month: '2026-02', entries: [{ holdingId: hB, amount: '480.01' }] })
    const totals = await call('posts.monthTotals', { year: 2026 })
    expect(totals).toEqual([{ month: '2026-01', holders: 1, amountFen: 66_667 }, { month: '2026-02', holders: 2, amountFen: 66_667 + 48_001 }])
    expect(await call('posts.monthTotals', { year: 2026, postType: '保洁员' })).toEqual([{ month: '2026-02', holders: 1, amountFen: 48_001 }])

    const detail = await call('posts.get', { id: forest, today: '2026-02-15' })
    expect(detail).toMatchObject({ payFen: 66_667, status: '在岗', paidFen: 133_334, typeLabel: '护林员', village: '示例一村' })
    expect(detail.holders.map((h) => [h.name, h.idNumberMasked, h.paidMonths])).toEqual([['张大山', `${ID_A.slice(0, 4)}**********${ID_A.slice(-4)}`, 2]])
    // Filters by village, type and status.
    expect((await call('posts.list', { today: '2026-02-15', status: '空缺' })).map((p) => p.id)).toEqual([])
    expect((await call('posts.list', { today: '2026-03-15', status: '空缺' })).map((p) => p.id)).toEqual([clean])
    expect((await call('posts.list', { today: '2026-03-15', postType: '护林员' })).map((p) => p.id)).toEqual([forest])

    // The household's 工资性收入 from posts: its members' payroll in the year, beside the roster's figure.
    const hh = await call('posts.household', { householdId: h1, year: 2026 })
    expect(hh).toMatchObject({ year: 2026, yearPaidFen: 66_667 * 2 + 48_001, rosterWageFen: 1_200_000 })
    expect(hh.holdings.map((h) => h.postLabel).sort()).toEqual(['保洁员', '保洁员', '护林员'])
    expect((await call('posts.household', { householdId: h1, year: 2025 })).yearPaidFen).toBe(0)

    // A holding with payroll cannot be deleted, nor its months shrunk past the paid ones; every write audited.
    expect(await raw('posts.removeHolding', { id: hA })).toMatchObject({ ok: false })
    expect(await raw('posts.updateHolding', { id: hA, startMonth: '2026-02' })).toMatchObject({ ok: false, error: { field: 'endMonth' } })
    const audited = core.ledger.sqlite.prepare("SELECT COUNT(*) FROM audit_log WHERE table_name = 'post_payroll'").pluck().get() as number
    expect(audited).toBeGreaterThanOrEqual(5)

    const slip = await call('posts.payslip', { month: '2026-02' })
    expect(slip).toMatchObject({ title: '示例县示例镇公益性岗位人员2026年2月工资发放表', totalFen: 66_667 + 48_001 })
    expect(slip.rows.map((r) => [r.name, r.postLabel, r.amountFen])).toEqual([['李小梅', '保洁员', 48_001], ['张大山', '护林员', 66_667]])
  })

  it('reminds of holdings running out within the window (30 days unless the year sets one), held by a 在校生, or by someone who moved away', async () => {
    const { core, call, post, a, b, c } = setup()
    const p1 = await post()
    const p2 = await post({ postType: '护路员', capacity: 2 })
    await call('posts.assign', { postId: p1, memberId: a, startMonth: '2026-01', endMonth: '2026-04' })
    await call('posts.assign', { postId: p2, memberId: b, startMonth: '2026-01' })
    await call('posts.assign', { postId: p2, memberId: c, startMonth: '2026-01', endMonth: '2026-12' })
    let r = await call('posts.reminders', { today: '2026-04-05' })
    expect(r).toMatchObject({ endDays: 30, endDaysFromSettings: false, student: [], moved: [] })
    expect(r.ending.map((e) => [e.name, e.days])).toEqual([['张大山', 25]])
    expect((await call('posts.reminders', { today: '2026-03-25' })).ending).toEqual([])
    // The year's setting widens the window.
    await call('monitoring.saveSettings', { year: 2026, line: '7300', publicityDays: 5, minMonthsBeforeElimination: 6, reminderDaysWithoutMeasure: 30, postEndDays: 45 })
    expect((await call('monitoring.settings', {}))[0]).toMatchObject({ year: 2026, postEndDays: 45 })
    r = await call('posts.reminders', { today: '2026-03-25' })
    expect(r).toMatchObject({ endDays: 45, endDaysFromSettings: true })
    expect(r.ending.map((e) => e.name)).toEqual(['张大山'])

    // 李小梅 becomes a student on the roster; 王石头 leaves his household.
    core.ledger.write.run({ actor: 'test' }, (w) => {
      w.update('members', b, { school_status: '本科一年级' })
      w.update('members', c, { removed_reason: '迁出', removed_date: '2026-03-01' })
    })
    r = await call('posts.reminders', { today: '2026-03-25' })
    expect(r.student.map((s) => [s.name, s.detail])).toEqual([['李小梅', expect.stringContaining('在校生（本科一年级）')]])
    expect(r.moved.map((s) => [s.name, s.detail])).toEqual([['王石头', expect.stringContaining('移出本户（迁出）')]])
    // A student cannot be taken on.
    const p3 = await post({ postType: '保洁员' })
    expect(await opCaller(core).raw('posts.assign', { postId: p3, memberId: b, startMonth: '2026-04' })).toMatchObject({ ok: false, error: { field: 'memberId' } })

    // The same lists on 监测预警, each item opening its household.
    const wl = await call('monitoring.worklists', { asOf: '2026-03-25' })
    const ending = wl.lists.find((l) => l.key === 'post_ending')!
    expect(ending).toMatchObject({ count: 1, unavailable: null })
    expect(ending.items[0]).toMatchObject({ headName: '张大山', detail: expect.stringContaining('2026-04') })
    const leaving = wl.lists.find((l) => l.key === 'post_holder_left')!
    expect(leaving.items.map((i) => i.detail.slice(0, 3)).sort()).toEqual(['李小梅', '王石头'])
  })

  it('knows the post types as townships write them and who is a 在校生', () => {
    expect(['生态护林员', '村庄保洁员', '河道管护员', '孝老食堂', '乡村道路管护'].map(normalisePostType)).toEqual(['护林员', '保洁员', '护河员', '孝老助餐员', '护路员'])
    expect(normalisePostType('水管员')).toBeNull()
    expect([null, '非在校生', '学龄前儿童', '小学', '本科二年级', '普通高中一年级'].map(isStudent)).toEqual([false, false, false, true, true, true])
  })
})

async function writePostList(file: string, rows: (string | number | Date | null)[][], header: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('公益岗位')
  ws.addRow(['示例镇2026年乡村公益性岗位人员花名册'])
  ws.mergeCells(1, 1, 1, header.length)
  ws.addRow(['填报单位：示例镇人民政府', null, null, null, null, '单位：元'])
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  ws.addRow(header)
  ws.addRow(['合计', null, null, null, null, 1800])
  await wb.xlsx.writeFile(file)
}

describe('the post list import', () => {
  const TOWNSHIP_HEADER = ['序号', '岗位名称', '姓名', '身份证号码', '行政村', '岗位补贴标准（元/月）', '聘用开始', '聘用结束', '资金来源']
  const COUNTY_HEADER = ['序号', '岗位类型', '姓名', '证件号码', '所在村', '月补贴(元)', '上岗时间']

  it('previews new, changed, unchanged and not-in-ledger rows with issues by row and column, writes one transaction, round-trips its export and undoes', async () => {
    const { core, call, job, a } = setup()
    const dir = tempDir()
    const file = path.join(dir, '公益岗位名单.xlsx')
    await writePostList(file, [
      [1, '生态护林员', '张大山', ID_A, '示例一村', 800, '2026-01', '2026-12', '生态补偿资金'],
      [2, '保洁员', '李小梅', ID_B, '示例一村', '500.50', new Date(Date.UTC(2026, 1, 1)), null, '衔接资金'],
      [null, null, null, null, null, null, null, null, null],
      [3, '水管员', '王石头', ID_C, '示例二村', 600, '2026年3月', null, '村集体经济收益'],
      [4, '护路员', '赵某', ID_STRANGER, '示例二村', 500, '2026-01', null, '衔接资金'],
    ], TOWNSHIP_HEADER)
    const preview = await job<PostImportPreview>((await call('posts.importPreview', { fileId: core.files.register(file).id })).jobId)
    expect(preview).toMatchObject({ headerRow: 3, errorCount: 0, holdings: { new: 3, changed: 0, unchanged: 0, missing: 0 }, notInLedger: 1 })
    expect(preview.issues.map((i) => [i.row, i.column, i.code])).toEqual([[7, '岗位名称', 'other_type'], [8, '身份证号码', 'not_in_ledger']])
    expect(preview.notInLedgerRows).toEqual([{ row: 8, name: '赵某', idNumberMasked: expect.stringMatching(/^4101\*+\d{3}[\dX]$/), village: '示例二村' }])
    expect(preview.newHoldings.map((h) => [h.name, h.postLabel, h.pay, h.startMonth])).toEqual([
      ['张大山', '护林员', '800.00', '2026-01'], ['李小梅', '保洁员', '500.50', '2026-02'], ['王石头', '其他（水管员）', '600.00', '2026-03'],
    ])
    const result = await job<PostImportResult>((await call('posts.importCommit', { fileId: core.files.register(file).id })).jobId)
    expect(result).toMatchObject({ holdings: { new: 3 }, notInLedger: 1 })
    const posts = await call('posts.list', { today: '2026-04-01' })
    expect(posts.map((p) => [p.typeLabel, p.village, p.payFen, p.funding, p.fundingNote])).toEqual([
      ['保洁员', '示例一村', 50_050, '衔接资金', null], ['护林员', '示例一村', 80_000, '生态补偿资金', null], ['其他（水管员）', '示例二村', 60_000, '其他', '村集体经济收益'],
    ])

    // The export in the same layout reads back unchanged.
    const exported = await call('posts.export', { today: '2026-04-01' })
    const again = await job<PostImportPreview>((await call('posts.importPreview', { fileId: exported.fileId })).jobId)
    expect(again).toMatchObject({ errorCount: 0, holdings: { new: 0, changed: 0, unchanged: 3, missing: 0 }, notInLedger: 0 })
    expect(core.ledger.sqlite.prepare("SELECT COUNT(*) FROM access_log WHERE action = 'export_unmasked'").pluck().get()).toBe(1)

    // The county's layout, another year: 张大山 at a new pay is changed, 李小梅 not listed is missing.
    const county = path.join(dir, '县名单.xlsx')
    await writePostList(county, [[1, '护林员', '张大山', ID_A, '示例一村', 900, '2026-01']], COUNTY_HEADER)
    const changed = await job<PostImportPreview>((await call('posts.importPreview', { fileId: core.files.register(county).id })).jobId)
    expect(changed).toMatchObject({ holdings: { new: 0, changed: 1, unchanged: 0, missing: 2 } })
    expect(changed.changedHoldings).toEqual([{ row: 4, name: '张大山', postLabel: '护林员', fields: ['聘用结束', '月补贴'] }])

    // Undo takes the whole batch back; after payroll was entered on an imported holding it is refused.
    const holding = core.ledger.sqlite.prepare('SELECT id, post_id FROM post_holdings WHERE member_id = ?').get(a) as { id: number; post_id: number }
    await call('posts.savePayroll', { postId: holding.post_id, month: '2026-02', entries: [{ holdingId: holding.id, amount: '800' }] })
    await expect(job((await call('imports.undo', { batchId: result.batchId })).jobId)).rejects.toThrow('导入后又添加了工资发放记录')
    const [payroll] = await call('posts.get', { id: holding.post_id, today: '2026-04-01' }).then((p) => p.payroll)
    await call('posts.deletePayroll', { id: payroll!.id })
    await job((await call('imports.undo', { batchId: result.batchId })).jobId)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM posts').pluck().get()).toBe(0)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM post_holdings').pluck().get()).toBe(0)
  })

  it('blocks a file with errors, naming sheet, row and column in Chinese, and refuses a file that is no post list', async () => {
    const { core, call, job } = setup()
    const dir = tempDir()
    const bad = path.join(dir, '有错.xlsx')
    await writePostList(bad, [
      [1, '护林员', '张大山', '4101021970', '示例一村', 800, '2026-01'],
      [2, '保洁员', '李小梅', ID_B, '示例一村', '五百', '2026-13'],
    ], COUNTY_HEADER)
    const preview = await job<PostImportPreview>((await call('posts.importPreview', { fileId: core.files.register(bad).id })).jobId)
    expect(preview.issues.filter((i) => i.severity === 'error').map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['公益岗位', 4, '证件号码'], ['公益岗位', 5, '上岗时间'], ['公益岗位', 5, '月补贴(元)'],
    ])
    expect(preview.issues[0]!.message).toMatch(/^第4行「证件号码」：/)
    await expect(job((await call('posts.importCommit', { fileId: core.files.register(bad).id })).jobId)).rejects.toThrow('表中有 3 处错误')
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM post_holdings').pluck().get()).toBe(0)
    const other = path.join(dir, '花名册.xlsx')
    await writePostList(other, [['张三', '男']], ['姓名', '性别'])
    await expect(job((await call('posts.importPreview', { fileId: core.files.register(other).id })).jobId)).rejects.toThrow('没有找到公益性岗位人员名单的表头')
  })
})

describe('the demo township', () => {
  it('has a few posts with holders and payroll, one holding ending within the reminder window, and removes them with the demo', async () => {
    const { core, call, job } = setup()
    await job((await call('demo.load', { households: 20 })).jobId)
    const d = new Date()
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    const posts = await call('posts.list', { today })
    expect(posts.length).toBeGreaterThanOrEqual(3)
    expect(posts.flatMap((p) => p.holders).length).toBeGreaterThanOrEqual(3)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM post_payroll').pluck().get()).toBeGreaterThanOrEqual(9)
    expect((await call('posts.reminders', { today })).ending.length).toBe(1)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM monitoring_measures WHERE post_holding_id IS NOT NULL').pluck().get()).toBe(1)
    // The measure 公益岗位帮扶 reads the holding instead of retyping it.
    const linked = core.ledger.sqlite.prepare('SELECT mm.case_id, c.household_id, mm.post_holding_id FROM monitoring_measures mm JOIN monitoring_cases c ON c.id = mm.case_id WHERE mm.post_holding_id IS NOT NULL').get() as { case_id: number; household_id: number; post_holding_id: number }
    const view = await call('monitoring.household', { householdId: linked.household_id })
    expect(view.cases.flatMap((c) => c.measures).find((m) => m.postHoldingId === linked.post_holding_id)?.postHolding).toMatch(/保洁员 \d{4}-\d{2}～/)
    // 工资性收入 from posts on the household: the payroll of its holdings this year.
    const year = d.getFullYear()
    const paid = core.ledger.sqlite.prepare('SELECT SUM(r.amount_fen) FROM post_payroll r JOIN post_holdings hd ON hd.id = r.holding_id WHERE hd.household_id = ? AND r.month LIKE ?').pluck().get(linked.household_id, `${year}-%`) as number | null
    expect((await call('posts.household', { householdId: linked.household_id, year })).yearPaidFen).toBe(paid ?? 0)
    await call('demo.remove', {})
    for (const table of ['posts', 'post_holdings', 'post_payroll']) expect(core.ledger.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()).toBe(0)
  })
})
