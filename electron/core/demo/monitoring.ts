/**
 * A few realistic monitoring cases for the demo township, written through the monitoring area's own
 * functions (so the procedure rules and the status history hold for them too), inside the demo's transaction.
 */
import type { Ledger } from '../db/open'
import { addMeasure, openCase, recordStep, saveSettings, setIndicators, settingsFor } from '../monitoring'

/** Demo figures only: a clerk enters their province's own lines in 监测设置. */
const DEMO_LINES: [number, string][] = [[2023, '7300'], [2024, '7600'], [2025, '7900'], [2026, '8200']]

interface Candidate { id: number; household_type: string | null; monitoring_category: string | null; members: number }

export function writeDemoMonitoring(ledger: Ledger, actor: string, householdIds: number[]): number {
  for (const [year, line] of DEMO_LINES) {
    if (!settingsFor(ledger, year)) {
      saveSettings(ledger, actor, {
        year, line, publicityDays: 5, minMonthsBeforeElimination: 6, reminderDaysWithoutMeasure: 30, stepDeadlineDays: 10, identificationDeadlineDays: 15, workGapDays: 60,
      }, { demo: true })
    }
  }
  const safe = `dilapidated_house IS NOT '是' AND safe_drinking_water IS NOT '否' AND guarantee_housing IS NOT '有短板' AND guarantee_water IS NOT '有短板'`
  // From the end of the township: the first households stay as the roster gave them.
  const pickOf = (where: string, limit: number) =>
    ledger.sqlite
      .prepare(`SELECT h.id, h.household_type, h.monitoring_category, (SELECT COUNT(*) FROM members m WHERE m.household_id = h.id) AS members
                FROM households h WHERE h.id IN (SELECT value FROM json_each(?)) AND ${safe} AND ${where} ORDER BY h.id DESC LIMIT ?`)
      .all(JSON.stringify(householdIds), limit) as Candidate[]
  const poor = pickOf(`household_type = '脱贫户' AND monitoring_category IS NULL AND exit_status LIKE '已脱贫%'`, 2)
  const edge = pickOf(`household_type = '监测户' AND monitoring_category IN ('边缘易致贫户', '突发严重困难户')`, 2)
  let written = 0
  const identify = (c: Candidate, category: string, risks: string[], report: string, review: string, pubStart: string, pubEnd: string, township: string, county: string) => {
    const id = openCase(ledger, actor, {
      householdId: c.id, category: category as '边缘易致贫户', risks: risks as ['因病'], riskNote: null, foundBy: '基层干部排查',
      reportDate: report, reportBy: '王专干', sizeAtIdentification: Math.max(1, c.members), incomeAtIdentification: String(6200 * Math.max(1, c.members)),
      returnedToPoverty: category === '脱贫不稳定户' ? '否' : null, fellIntoPoverty: category === '脱贫不稳定户' ? null : '否',
    })
    recordStep(ledger, actor, { caseId: id, step: 'review', date: review, by: '村民代表会议' })
    recordStep(ledger, actor, { caseId: id, step: 'publicity', date: pubStart, endDate: pubEnd, by: '村委会' })
    recordStep(ledger, actor, { caseId: id, step: 'township', date: township, by: '乡村振兴办', opinion: '经核实，符合监测对象识别条件，同意纳入。' })
    recordStep(ledger, actor, { caseId: id, step: 'county', date: county, by: '县乡村振兴局', opinion: '同意纳入监测。' })
    written++
    return id
  }
  // 1. A 脱贫户 taken in for illness in 2024, helped and eliminated the same year.
  if (poor[0]) {
    const id = identify(poor[0], '脱贫不稳定户', ['因病'], '2024-03-04', '2024-03-08', '2024-03-09', '2024-03-13', '2024-03-15', '2024-03-20')
    addMeasure(ledger, actor, { caseId: id, kind: '健康帮扶', items: ['医疗救助', '家庭医生签约服务'], date: '2024-04-02', amount: '3,860.40', responsible: '镇卫生院', note: null, otherNote: null })
    addMeasure(ledger, actor, { caseId: id, kind: '公益岗位帮扶', items: ['保洁员'], date: '2024-05-01', amount: '6000', responsible: '村委会', note: '每月 500 元', otherNote: null })
    setIndicators(ledger, actor, { caseId: id, indicators: {
      after_dropout: '否', after_house_damaged: '否', after_uninsured: '否', after_water_damaged: '否', after_wage_fen: '18000', after_property_fen: '300',
      after_transfer_fen: '4200', after_business_fen: '6500', after_business_expense_fen: '1500', after_net_fen: '27500', after_per_capita_fen: String(Math.floor(27500 / Math.max(1, poor[0].members))),
      after_claims_fen: '2100', after_self_paid_fen: '900',
    } })
    const perCapita = Math.floor(27500 / Math.max(1, poor[0].members))
    if (perCapita >= 7600) {
      recordStep(ledger, actor, { caseId: id, step: 'elim_review', date: '2024-11-05', by: '村民代表会议', eliminationMethod: '帮扶消除' })
      recordStep(ledger, actor, { caseId: id, step: 'elim_publicity', date: '2024-11-06', endDate: '2024-11-10', by: '村委会' })
      recordStep(ledger, actor, { caseId: id, step: 'elim_township', date: '2024-11-12', by: '乡村振兴办', opinion: '收入稳定超过监测线，两不愁三保障无短板，同意消除。' })
      recordStep(ledger, actor, { caseId: id, step: 'elim_county', date: '2024-11-20', by: '县乡村振兴局', opinion: '同意风险消除。' })
    }
  }
  // 2. A 脱贫户 found for unstable work in 2025, still under monitoring with a job measure.
  if (poor[1]) {
    const id = identify(poor[1], '脱贫不稳定户', ['因务工就业不稳', '缺劳动力'], '2025-02-10', '2025-02-14', '2025-02-15', '2025-02-19', '2025-02-21', '2025-02-26')
    addMeasure(ledger, actor, { caseId: id, kind: '就业帮扶', items: ['技能培训', '劳务输出'], date: '2025-03-10', amount: null, responsible: '镇人社服务中心', note: '电焊培训后输出至浙江', otherNote: null })
  }
  // 3–4. 边缘易致贫户 / 突发严重困难户 households already on the roster as monitored: one in procedure, one with no measure yet.
  if (edge[0]) identify(edge[0], edge[0].monitoring_category!, ['因意外事故'], '2025-06-02', '2025-06-05', '2025-06-06', '2025-06-10', '2025-06-12', '2025-06-18')
  if (edge[1]) {
    openCase(ledger, actor, {
      householdId: edge[1].id, category: edge[1].monitoring_category as '边缘易致贫户', risks: ['因自然灾害'], riskNote: null, foundBy: '农户自主申报',
      reportDate: '2025-08-01', reportBy: '王专干', sizeAtIdentification: Math.max(1, edge[1].members), incomeAtIdentification: '15800', returnedToPoverty: null, fellIntoPoverty: '否',
    })
    written++
  }
  return written
}
