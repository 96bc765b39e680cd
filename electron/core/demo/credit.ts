/**
 * A few 小额信贷 records for the demo township, written through the credit area's own functions (so
 * through the audited write path): ratings with 授信额度, one loan overdue, one due in 2 weeks, one
 * repaid, one 户贷企用 with 贴息 — dated from today, so the reminders show them.
 */
import { addRepayment, addSubsidy, createLoan, setRating } from '../credit'
import type { Ledger } from '../db/open'

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
const shift = (days: number, from = new Date()) => isoDay(new Date(from.getFullYear(), from.getMonth(), from.getDate() + days))

export function writeDemoCredit(ledger: Ledger, actor: string, villages: { villageId: number; households: number[] }[]): void {
  const [v1, v2] = villages
  const picks = [v1?.households[2], v1?.households[3], (v2 ?? v1)?.households[2], (v2 ?? v1)?.households[3]].filter((h): h is number => h !== undefined)
  if (picks.length < 4) return
  const [a, b, c, d] = picks as [number, number, number, number]
  const year = shift(-400).slice(0, 4)
  for (const [h, grade] of [[a, 'AAA'], [b, 'AA'], [c, 'AA'], [d, 'A']] as const) {
    setRating(ledger, actor, { householdId: h, grade, ratedBy: '村级风险评级小组', ratedDate: `${year}-03-01`, creditLimit: grade === 'A' ? '30000' : '50000', creditDate: `${year}-03-10` })
  }
  // Overdue: due ten days ago, part repaid.
  const overdue = createLoan(ledger, actor, {
    householdId: a, bank: '示例县农村商业银行', contractNo: `NS-${year}-0101`, amount: '50000', loanDate: shift(-1105), dueDate: shift(-10), termMonths: 36,
    purpose: '养殖肉牛', use: '户贷户用',
  })
  addRepayment(ledger, actor, { loanId: overdue, kind: '还款', date: shift(-200), amount: '20000' })
  addSubsidy(ledger, actor, { loanId: overdue, period: `${shift(-400).slice(0, 4)}年度`, date: shift(-380), amount: '2175.00' })
  // Due in two weeks.
  createLoan(ledger, actor, {
    householdId: b, bank: '示例县农村商业银行', contractNo: `NS-${year}-0102`, amount: '50000', loanDate: shift(-351), dueDate: shift(14), termMonths: 12,
    purpose: '种植茶叶', use: '户贷户用',
  })
  // Repaid.
  const repaid = createLoan(ledger, actor, {
    householdId: c, bank: '中国邮政储蓄银行示例县支行', contractNo: `YC-${year}-0031`, amount: '30000', loanDate: shift(-760), dueDate: shift(-30), termMonths: 24,
    purpose: '种植蔬菜', use: '户贷户用',
  })
  addRepayment(ledger, actor, { loanId: repaid, kind: '还款', date: shift(-35), amount: '30000' })
  // 户贷企用, with 贴息 by quarter.
  const enterprise = createLoan(ledger, actor, {
    householdId: d, bank: '中国邮政储蓄银行示例县支行', contractNo: `YC-${year}-0032`, amount: '30000', loanDate: shift(-200), termMonths: 36,
    purpose: '入股养殖合作社', use: '户贷企用', enterprise: '示例县绿源养殖专业合作社',
  })
  addSubsidy(ledger, actor, { loanId: enterprise, period: '第一季度', date: shift(-110), amount: '326.25' })
  addSubsidy(ledger, actor, { loanId: enterprise, period: '第二季度', date: shift(-20), amount: '326.25' })
}

/** The demo's credit records: those of demo households (called before the households are removed). */
export const DEMO_CREDIT_HOUSEHOLDS = 'household_id IN (SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id WHERE v.is_demo = 1)'
