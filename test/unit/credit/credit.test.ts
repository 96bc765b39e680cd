import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import type { CreditImportPreview, CreditImportResult } from '../../../shared/api/credit'
import { loanState } from '../../../shared/domain/credit'
import { fakeId, WAN_HEADER, writeCreditWorkbook } from '../../fixtures/credit-workbook'
import { jobEnd, opCaller, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

/** Two villages, six households (户主 n = 1…6), head n's ID is fakeId(n). */
function setup() {
  const { core, events } = testCore()
  cores.push(core)
  const { raw, call } = opCaller(core)
  const households: number[] = []
  const heads: number[] = []
  core.ledger.write.run({ actor: 'test' }, (w) => {
    const v1 = w.insert('villages', { county: '示例县', township: '示例镇', name: '示例一村', is_demo: 0 })
    const v2 = w.insert('villages', { county: '示例县', township: '示例镇', name: '示例二村', is_demo: 0 })
    for (let n = 1; n <= 6; n++) {
      const h = w.insert('households', { village_id: n <= 3 ? v1 : v2, household_no: `5201020010${String(n).padStart(5, '0')}` })
      households.push(h)
      heads.push(w.insert('members', { household_id: h, name: `借款${'一二三四五六'[n - 1]}`, relation: '户主', id_number: fakeId(n), sort_order: 0 }))
    }
  })
  const job = async <T>(jobId: string): Promise<T> => {
    const end = await jobEnd(events, jobId)
    if (end.type === 'job.failed') throw new Error(end.error.message)
    return (end as { result: T }).result
  }
  const register = (p: string) => core.files.register(p, path.basename(p)).id
  return { core, raw, call, job, households, heads, register }
}

describe('loan status and balance', () => {
  it('derives 未到期 / 逾期 / 已结清 / 展期 from repayments and extensions on the day asked', () => {
    const base = { amountFen: 5_000_000, dueDate: '2026-06-30', repayments: [] as Parameters<typeof loanState>[0]['repayments'][number][] }
    expect(loanState(base, '2026-05-01')).toMatchObject({ status: '未到期', balanceFen: 5_000_000, dueSoon: false, daysLeft: 60 })
    expect(loanState(base, '2026-06-01')).toMatchObject({ status: '未到期', dueSoon: true })
    expect(loanState(base, '2026-07-01')).toMatchObject({ status: '逾期', daysLeft: -1 })
    const partial = { ...base, repayments: [{ kind: '还款' as const, date: '2026-03-01', amountFen: 1_000_001, newDueDate: null }] }
    expect(loanState(partial, '2026-07-01')).toMatchObject({ status: '逾期', balanceFen: 3_999_999, repaidFen: 1_000_001 })
    const extended = { ...partial, repayments: [...partial.repayments, { kind: '展期' as const, date: '2026-06-20', amountFen: null, newDueDate: '2027-06-30' }] }
    expect(loanState(extended, '2026-07-01')).toMatchObject({ status: '展期', currentDueDate: '2027-06-30', extended: true })
    // Before the extension was recorded, the loan was still on its first due date.
    expect(loanState(extended, '2026-06-10')).toMatchObject({ status: '未到期', currentDueDate: '2026-06-30' })
    const settled = { ...base, repayments: [{ kind: '还款' as const, date: '2026-06-30', amountFen: 5_000_000, newDueDate: null }] }
    expect(loanState(settled, '2026-07-01')).toMatchObject({ status: '已结清', balanceFen: 0, daysLeft: null })
  })
})

describe('小额信贷 records', () => {
  it('keeps loans with repayments, extensions and 贴息 exact to the 分, audited, with reminders and per-village totals', async () => {
    const { core, raw, call, households, heads } = setup()
    const loan = (h: number, fields: Record<string, unknown>) =>
      call('credit.create', { householdId: households[h]!, bank: '示例农商银行', amount: '50000', loanDate: '2025-07-01', termMonths: 12, use: '户贷户用', ...fields })
    expect(await raw('credit.create', { householdId: households[0]!, bank: '示例农商银行', amount: '50000', loanDate: '2025-07-01', use: '户贷企用', termMonths: 12 })).toMatchObject({
      ok: false, error: { field: 'enterprise' },
    })
    expect(await raw('credit.create', { householdId: households[0]!, bank: '示例农商银行', amount: '50000', loanDate: '2025-07-01', use: '户贷户用' })).toMatchObject({
      ok: false, error: { field: 'dueDate' },
    })
    const a = (await loan(0, { contractNo: 'HT-001', memberId: heads[0] })).id
    expect(await raw('credit.create', { householdId: households[1]!, bank: '示例农商银行', amount: '1', loanDate: '2025-07-01', termMonths: 12, use: '户贷户用', contractNo: 'HT-001' })).toMatchObject({
      ok: false, error: { field: 'contractNo' },
    })
    const b = (await loan(1, { amount: '30000.10', loanDate: '2025-08-15', dueDate: '2026-07-20' })).id
    const c = (await loan(3, { amount: '20000', use: '户贷企用', enterprise: '示例养殖合作社' })).id
    const d = (await loan(4, { amount: '40000', loanDate: '2024-01-10', termMonths: 36 })).id
    expect((await call('credit.get', { id: a, today: '2026-06-01' })).dueDate).toBe('2026-07-01')

    await call('credit.addRepayment', { loanId: b, kind: '还款', date: '2026-01-10', amount: '0.10' })
    await call('credit.addRepayment', { loanId: b, kind: '还款', date: '2026-03-10', amount: '10000' })
    expect(await raw('credit.addRepayment', { loanId: b, kind: '还款', date: '2026-04-10', amount: '20000.01' })).toMatchObject({ ok: false, error: { field: 'amount' } })
    await call('credit.addRepayment', { loanId: c, kind: '还款', date: '2026-06-30', amount: '20000' })
    expect(await raw('credit.addRepayment', { loanId: d, kind: '展期', date: '2026-06-01', newDueDate: '2026-12-01' })).toMatchObject({ ok: false, error: { field: 'newDueDate' } })
    await call('credit.addRepayment', { loanId: d, kind: '展期', date: '2026-06-01', newDueDate: '2027-07-10' })
    await call('credit.addSubsidy', { loanId: a, period: '2025年第3季度', date: '2025-10-10', amount: '487.50' })
    await call('credit.addSubsidy', { loanId: a, period: '2025年第4季度', date: '2026-01-10', amount: '487.51' })

    const today = '2026-07-05'
    const detail = await call('credit.get', { id: b, today })
    expect(detail).toMatchObject({ amountFen: 3_000_010, repaidFen: 1_000_010, balanceFen: 2_000_000, status: '未到期', dueSoon: true })
    expect((await call('credit.get', { id: a, today })).subsidyFen).toBe(97_501)
    const ledger = await call('credit.list', { today })
    expect(Object.fromEntries(ledger.loans.map((l) => [l.id, l.status]))).toEqual({ [a]: '逾期', [b]: '未到期', [c]: '已结清', [d]: '展期' })
    const reminders = await call('credit.reminders', { today })
    expect(reminders.overdue.map((l) => l.id)).toEqual([a])
    expect(reminders.dueSoon.map((l) => l.id)).toEqual([b])

    // Per-village totals against an independent count over the stored rows.
    const independent = core.ledger.sqlite.prepare(
      `SELECT v.name AS village, COUNT(DISTINCT l.household_id) AS households, SUM(l.amount_fen) AS amount,
         SUM(l.amount_fen - IFNULL((SELECT SUM(amount_fen) FROM credit_repayments r WHERE r.loan_id = l.id AND r.kind = '还款'), 0)) AS balance
       FROM credit_loans l JOIN households h ON h.id = l.household_id JOIN villages v ON v.id = h.village_id GROUP BY v.name ORDER BY v.name`,
    ).all() as { village: string; households: number; amount: number; balance: number }[]
    independent.sort((x, y) => x.village.localeCompare(y.village, 'zh'))
    expect(ledger.villages.map((v) => ({ village: v.village, households: v.households, amount: v.amountFen, balance: v.balanceFen }))).toEqual(independent)
    expect(ledger.villages.find((v) => v.village === '示例一村')).toMatchObject({ overdueLoans: 1, overdueFen: 5_000_000 })
    expect(ledger.total).toMatchObject({ households: 4, loans: 4, amountFen: 14_000_010, balanceFen: 11_000_000 })
    expect((await call('credit.list', { today, bank: '示例农商银行', villageId: ledger.villages.find((v) => v.village === '示例二村')!.villageId! })).loans.map((l) => l.id)).toEqual([c, d])
    expect((await call('credit.list', { today, status: '逾期' })).loans.map((l) => l.id)).toEqual([a])

    await call('credit.setRating', { householdId: households[0]!, grade: 'AA', ratedBy: '示例一村评级小组', ratedDate: '2025-03-01', creditLimit: '50000', creditDate: '2025-03-10' })
    const hh = await call('credit.household', { householdId: households[0]!, today })
    expect(hh.rating).toMatchObject({ grade: 'AA', creditLimitFen: 5_000_000 })
    expect(hh.loans.map((l) => [l.id, l.grade])).toEqual([[a, 'AA']])
    const audited = core.ledger.sqlite.prepare("SELECT DISTINCT table_name FROM audit_log WHERE table_name LIKE 'credit_%' ORDER BY 1").pluck().all()
    expect(audited).toEqual(['credit_loans', 'credit_ratings', 'credit_repayments', 'credit_subsidies'])
  })
})

describe('credit on 监测预警 and in monitoring measures', () => {
  it('lists loans due within 30 days and overdue ones on the worklists, and a 金融帮扶 / 小额信贷 measure takes the loan\'s amount and date', async () => {
    const { call, raw, households } = setup()
    const due = (await call('credit.create', { householdId: households[0]!, bank: '示例农商银行', contractNo: 'W-1', amount: '50000', loanDate: '2023-04-01', dueDate: '2026-06-20', use: '户贷户用' })).id
    const late = (await call('credit.create', { householdId: households[4]!, bank: '示例农商银行', contractNo: 'W-2', amount: '30000', loanDate: '2023-02-01', dueDate: '2026-05-01', use: '户贷户用' })).id
    await call('credit.create', { householdId: households[5]!, bank: '示例农商银行', contractNo: 'W-3', amount: '30000', loanDate: '2023-02-01', dueDate: '2026-12-01', use: '户贷户用' })
    const lists = await call('monitoring.worklists', { asOf: '2026-06-01' })
    const list = (key: string) => lists.lists.find((l) => l.key === key)!
    expect(list('credit_due_soon').items.map((i) => [i.loanId, i.days])).toEqual([[due, 19]])
    expect(list('credit_overdue').items.map((i) => [i.loanId, i.days])).toEqual([[late, 31]])
    expect(list('credit_overdue').items[0]!.detail).toContain('已于 2026-05-01 到期，余额 30,000.00 元')
    expect(lists.households).toBeGreaterThanOrEqual(2)

    await call('monitoring.saveSettings', { year: 2023, line: '7300', publicityDays: 5, minMonthsBeforeElimination: 6, reminderDaysWithoutMeasure: 30 })
    const { id: caseId } = await call('monitoring.openCase', {
      householdId: households[0]!, category: '边缘易致贫户', risks: ['因产业项目失败'], foundBy: '基层干部排查', reportDate: '2023-03-01', reportBy: '王专干', sizeAtIdentification: 1, incomeAtIdentification: '6000',
    })
    for (const [step, date, over] of [['review', '2023-03-05', {}], ['publicity', '2023-03-06', { endDate: '2023-03-10' }], ['township', '2023-03-11', { opinion: '同意' }], ['county', '2023-03-15', { opinion: '同意纳入' }]] as const) {
      await call('monitoring.recordStep', { caseId, step, date, by: '李干部', ...over })
    }
    expect(await raw('monitoring.addMeasure', { caseId, kind: '金融帮扶', items: ['小额信贷'], date: '2023-05-01', responsible: '李干部', loanId: late })).toMatchObject({ ok: false, error: { field: 'loanId' } })
    expect(await raw('monitoring.addMeasure', { caseId, kind: '产业帮扶', items: ['养殖业'], date: '2023-05-01', responsible: '李干部', loanId: due })).toMatchObject({ ok: false, error: { field: 'loanId' } })
    await call('monitoring.addMeasure', { caseId, kind: '金融帮扶', items: ['小额信贷'], date: '2023-05-09', amount: '1', responsible: '李干部', loanId: due })
    await call('credit.addRepayment', { loanId: due, kind: '还款', date: '2024-04-01', amount: '10000' })
    const measure = (await call('monitoring.household', { householdId: households[0]! })).cases[0]!.measures[0]!
    expect(measure).toMatchObject({ date: '2023-04-01', amountFen: 5_000_000, loan: { id: due, contractNo: 'W-1', amountFen: 5_000_000, balanceFen: 4_000_000 } })
    expect((await call('credit.get', { id: due, today: '2026-06-01' })).measures).toEqual([{ id: measure.id, caseId, date: '2023-04-01' }])
    expect(await raw('credit.delete', { id: due })).toMatchObject({ ok: false, error: { message: expect.stringContaining('监测帮扶措施') } })
  })
})

describe('the bank\'s loan list', () => {
  it('reads 万元 headers, title rows, blanks and repeated headers exactly, reports people not in the ledger by row, imports in one batch, undoes, and reads its own export back unchanged', async () => {
    const { core, call, job, register } = setup()
    const dir = tempDir()
    const wan = path.join(dir, '小额信贷名单.xlsx')
    await writeCreditWorkbook(wan, {
      titles: ['示例县脱贫人口小额信贷发放明细表', '填报单位：示例农商银行'],
      header: WAN_HEADER,
      rows: [
        [1, '示例一村', '借款一', fakeId(1), 'AAA', 5, '示例农商银行', 'XD-2026-001', 5, '2026-01-15', '36个月', null, '养牛', '户贷户用', null, 243.75],
        [2, '示例一村', '借款二', fakeId(2), 'AA', 3, '示例农商银行', 'XD-2026-002', 0.1, '2026-02-01', 12, '2027-02-01', '种植茶叶', '户贷企用', '示例茶叶合作社', null],
        [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        [3, '示例二村', '借款四', fakeId(4), null, null, '示例邮储银行', 'XD-2026-003', 0.2, new Date(Date.UTC(2026, 2, 5)), 24, null, '养鸡', null, null, null],
        [4, '示例二村', '外村人', fakeId(99), 'A', 2, '示例邮储银行', 'XD-2026-004', 2, '2026-03-05', 24, null, '养鸡', '户贷户用', null, null],
      ],
      repeatHeader: true,
      footer: ['合计', null, null, null, null, null, null, null, 7.3],
    })
    const fileId = register(wan)
    const preview = await job<CreditImportPreview>((await call('credit.importPreview', { fileId })).jobId)
    expect(preview.headerRow).toBe(3)
    expect(preview.loans).toEqual({ new: 3, changed: 0, unchanged: 0, missing: 0 })
    expect(preview.notInLedger).toEqual([{ row: 8, name: '外村人', idNumberMasked: expect.stringMatching(/^5201\*+\d{3}[\dX]$/) }])
    expect(preview.issues.filter((i) => i.code === 'not_in_ledger').map((i) => [i.row, i.column])).toEqual([[8, '身份证号码']])
    expect(preview.errorCount).toBe(0)
    // 0.1 + 0.2 万元 read as text: exactly 3000 元.
    expect(preview.newLoans.map((l) => l.amountFen)).toEqual([5_000_000, 100_000, 200_000])
    expect(preview.columns.find((c) => c.field === 'amount')?.unit).toBe('wan')
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM credit_loans').pluck().get()).toBe(0)

    const result = await job<CreditImportResult>((await call('credit.importCommit', { fileId })).jobId)
    expect(result).toMatchObject({ loans: { new: 3 }, notInLedger: 1 })
    const stored = core.ledger.sqlite.prepare('SELECT contract_no, amount_fen, due_date, use_mode, enterprise FROM credit_loans ORDER BY contract_no').all()
    expect(stored).toEqual([
      { contract_no: 'XD-2026-001', amount_fen: 5_000_000, due_date: '2029-01-15', use_mode: '户贷户用', enterprise: null },
      { contract_no: 'XD-2026-002', amount_fen: 100_000, due_date: '2027-02-01', use_mode: '户贷企用', enterprise: '示例茶叶合作社' },
      { contract_no: 'XD-2026-003', amount_fen: 200_000, due_date: '2028-03-05', use_mode: '户贷户用', enterprise: null },
    ])
    expect(core.ledger.sqlite.prepare('SELECT amount_fen FROM credit_subsidies').pluck().all()).toEqual([24_375])
    expect(core.ledger.sqlite.prepare('SELECT grade, credit_limit_fen FROM credit_ratings ORDER BY grade').all()).toEqual([
      { grade: 'AA', credit_limit_fen: 3_000_000 }, { grade: 'AAA', credit_limit_fen: 5_000_000 },
    ])

    // The export reads back as unchanged (full ID numbers asked for, and logged).
    const exported = await call('credit.export', { unmasked: true })
    expect(core.ledger.sqlite.prepare("SELECT COUNT(*) FROM access_log WHERE action = 'export_unmasked'").pluck().get()).toBe(1)
    const again = await job<CreditImportPreview>((await call('credit.importPreview', { fileId: exported.fileId })).jobId)
    expect(again.loans).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 0 })
    expect(again.errorCount).toBe(0)

    // 台账有、表中没有: the 邮储 list without XD-2026-003 lacks one loan still owed to that bank; the 农商 loans are not its business.
    const youchu = path.join(dir, '邮储名单.xlsx')
    await writeCreditWorkbook(youchu, {
      titles: ['示例邮储银行小额信贷名单'],
      header: WAN_HEADER,
      rows: [[1, '示例二村', '外村人', fakeId(99), 'A', 2, '示例邮储银行', 'XD-2026-004', 2, '2026-03-05', 24, null, '养鸡', '户贷户用', null, null]],
    })
    const partial = await job<CreditImportPreview>((await call('credit.importPreview', { fileId: register(youchu) })).jobId)
    expect(partial.loans).toEqual({ new: 0, changed: 0, unchanged: 0, missing: 1 })

    await job((await call('imports.undo', { batchId: result.batchId })).jobId)
    expect(core.ledger.sqlite.prepare('SELECT (SELECT COUNT(*) FROM credit_loans) + (SELECT COUNT(*) FROM credit_subsidies) + (SELECT COUNT(*) FROM credit_ratings)').pluck().get()).toBe(0)
  })

  it('reads a merged two-level header with 「单位：元」 in a title row, a lower 余额 as a repayment, and refuses to undo after a later repayment', async () => {
    const { call, job, register } = setup()
    const file = path.join(tempDir(), '邮储名单.xlsx')
    await writeCreditWorkbook(file, {
      titles: ['示例邮储银行扶贫小额信贷台账', '金额单位：元'],
      header: [
        ['序号', '借款人', '证件号码', '贷款信息', null, null, null, '经办银行', '贷款余额'],
        [null, null, null, '借款合同号', '放款金额', '放款日期', '到期日', null, null],
      ],
      groupMerges: [[4, 7]],
      rows: [
        [1, '借款三', fakeId(3), 'YC-01', '50,000.00', '2025-05-10', '2027-05-10', '示例邮储银行', '35000.5'],
        [2, '借款五', fakeId(5), 'YC-02', 'abc', '2025-05-10', '2027-05-10', '示例邮储银行', null],
      ],
    })
    const bad = await job<CreditImportPreview>((await call('credit.importPreview', { fileId: register(file) })).jobId)
    expect(bad.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column])).toEqual([[6, '贷款信息/放款金额']])
    expect(bad.columns.find((c) => c.field === 'amount')?.unit).toBe('yuan')
    await expect(job((await call('credit.importCommit', { fileId: register(file) })).jobId)).rejects.toThrow('表中有 1 处错误')

    await writeCreditWorkbook(file, {
      titles: ['示例邮储银行扶贫小额信贷台账', '金额单位：元'],
      header: [
        ['序号', '借款人', '证件号码', '贷款信息', null, null, null, '经办银行', '贷款余额'],
        [null, null, null, '借款合同号', '放款金额', '放款日期', '到期日', null, null],
      ],
      groupMerges: [[4, 7]],
      rows: [[1, '借款三', fakeId(3), 'YC-01', '50,000.00', '2025-05-10', '2027-05-10', '示例邮储银行', '35000.5']],
    })
    const result = await job<CreditImportResult>((await call('credit.importCommit', { fileId: register(file) })).jobId)
    // The repayment that meets the file's 余额 is dated the day of the import.
    const loan = (await call('credit.list', { today: '2099-01-01' })).loans[0]!
    expect(loan).toMatchObject({ amountFen: 5_000_000, balanceFen: 3_500_050, repaidFen: 1_499_950, contractNo: 'YC-01' })
    await call('credit.addRepayment', { loanId: loan.id, kind: '还款', date: '2098-02-01', amount: '50.50' })
    await expect(job((await call('imports.undo', { batchId: result.batchId })).jobId)).rejects.toThrow('导入后又登记了还款或展期')
  })

  it('says in words when a file is not a loan list', async () => {
    const { call, job, register } = setup()
    const file = path.join(tempDir(), '别的表.xlsx')
    await writeCreditWorkbook(file, { titles: [], header: ['项目名称', '建设地点'], rows: [['道路硬化', '示例一村']] })
    await expect(job((await call('credit.importPreview', { fileId: register(file) })).jobId)).rejects.toThrow('没有找到小额信贷名单的表头')
    expect(fs.existsSync(file)).toBe(true)
  })
})

describe('the demo township', () => {
  it('has ratings and loans (one overdue, one due in two weeks, one repaid) and takes them away with the demo', async () => {
    const { core, events } = testCore()
    cores.push(core)
    const { call } = opCaller(core)
    const job = async (jobId: string) => {
      const end = await jobEnd(events, jobId)
      if (end.type === 'job.failed') throw new Error(end.error.message)
    }
    await job((await call('demo.load', { households: 120 })).jobId)
    const d = new Date()
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    const r = await call('credit.reminders', { today })
    expect(r.overdue.map((l) => l.daysLeft)).toEqual([-10])
    expect(r.dueSoon.map((l) => l.daysLeft)).toEqual([14])
    const all = await call('credit.list', { today })
    expect(all.loans.map((l) => l.status).sort()).toEqual(['已结清', '未到期', '未到期', '逾期'])
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM credit_ratings').pluck().get()).toBe(4)
    await call('demo.remove', {})
    expect(core.ledger.sqlite.prepare('SELECT (SELECT COUNT(*) FROM credit_loans) + (SELECT COUNT(*) FROM credit_ratings) + (SELECT COUNT(*) FROM credit_repayments) + (SELECT COUNT(*) FROM credit_subsidies)').pluck().get()).toBe(0)
  })
})
