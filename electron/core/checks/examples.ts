/**
 * The clean example township the rules' examples patch: one village, one 脱贫户 of three (户主, 配偶, a
 * pupil), every national column filled as a clean export would, and the year's settings. A rule's
 * example record is a patch over it (rules/types.ts, Example); the catalogue test runs both.
 */
import { idCheckChar } from '../../../shared/domain/id-number'
import type { CaseData, HouseholdData, LedgerData, MemberData } from './data'
import type { Example } from './rules/types'

export const EXAMPLE_AS_OF = '2025-06-01'

/** A valid 18-character ID number for a birth date (YYYYMMDD) and a sequence (odd: 男). */
export function makeId(birth: string, seq: number, area = '522729'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`
  return first17 + idCheckChar(first17)!
}

const personCells = (phone: string | null): Record<string, string> => ({
  是否参加城镇职工基本医疗保险: '否',
  是否参加城镇职工基本养老保险: '否',
  ...(phone ? { 家庭成员联系电话: phone } : {}),
})

export function member(id: number, p: Partial<MemberData>): MemberData {
  return {
    id, person_no: null, name: '成员', sex: '男', birth_date: null, id_type: '居民身份证', id_number: null, relation: '户主',
    ethnicity: '汉族', education: '初中', school_status: null, health: '健康', labour_skill: '普通劳动力', work_status: null,
    work_months: null, serious_illness_insurance: '是', medical_insurance: '是', pension_insurance: '是', low_income_support: '否',
    special_support: '否', disability_category: null, extra: personCells(null), ...p,
  }
}

/** A clean 脱贫户 of three, ids from `base` (household base, members base+1…). */
export function cleanHousehold(base = 1, seq = 1): HouseholdData {
  const pad = (n: number) => String(n).padStart(2, '0')
  // Month and day unique per household (below 336), so no two households share a name and birth date.
  const md = `${pad(1 + (Math.floor(base / 28) % 12))}${pad(1 + (base % 28))}`
  const headBirth = `${1970 + (base % 20)}${md}`
  const spouseBirth = `${1972 + (base % 20)}${md}`
  const childBirth = `${md < '0901' ? 2011 : 2010}${md}`
  const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`
  const no = `52272901010${String(base).padStart(5, '0')}`
  const phone = `138${String(10000000 + base).slice(-8)}`
  return {
    id: base, village_id: 1, household_no: no, declared_size: 3, household_type: '脱贫户', monitoring_category: null,
    first_identified: '2014-10-01', phone, wage_income_fen: 3_000_000, business_income_fen: 1_200_000, property_income_fen: 0,
    transfer_income_fen: 300_000, business_expense_fen: 0, net_income_fen: 4_500_000, per_capita_net_income_fen: 1_500_000,
    arable_land_area: '3.5', housing_area: '120', dilapidated_house: '否', safe_drinking_water: '是', removed_reason: null, removed_date: null,
    extra: {
      '林地面积（亩）': '2', '退耕还林面积（亩）': '0', '林果面积（亩）': '1', 牧草地面积: '0', 水面面积: '0', 与村主干路距离: '0.5',
      入户道路是否硬化: '是', 是否通生活用电: '是', 是否有卫生厕所: '是', 合规自付支出: '0',
    },
    members: [
      member(base * 10 + 1, { name: '王建国', sex: '男', birth_date: iso(headBirth), id_number: makeId(headBirth, seq * 2 + 1), relation: '户主', extra: personCells(phone) }),
      member(base * 10 + 2, { name: '李秀英', sex: '女', birth_date: iso(spouseBirth), id_number: makeId(spouseBirth, seq * 2 + 2), relation: '配偶', extra: personCells(`139${phone.slice(3)}`) }),
      member(base * 10 + 3, {
        name: '王小明', sex: '男', birth_date: iso(childBirth), id_number: makeId(childBirth, seq * 2 + 3), relation: '之子', education: null,
        school_status: '七年级', labour_skill: '无劳动力', pension_insurance: null, extra: personCells(null),
      }),
    ],
    cases: [],
  }
}

/** An approved, open monitoring case with a development measure (产业帮扶) — clean. */
export function cleanCase(id = 1, p: Partial<CaseData> = {}): CaseData {
  return {
    id, category: '脱贫不稳定户', risks: ['因意外事故'], risk_note: null, report_date: '2024-03-01', county_date: '2024-04-01',
    elimination_method: null, elim_county_date: null, indicators: {},
    measures: [{ kind: '产业帮扶', items: ['种植业'], date: '2024-04-10' }, { kind: '社会帮扶', items: ['社会捐赠'], date: '2024-04-10' }],
    ...p,
  }
}

export function emptyLedger(): LedgerData {
  return {
    villages: [{ id: 1, county: '长顺县', township: '广顺镇', name: '青山村', exit_year: null, total_households: null, total_population: null, extra: {} }],
    households: [], helpers: [], pairings: [], visits: [], aid: [], projects: [], workSpells: null,
    settings: {
      lineFenByYear: new Map([[2025, 730_000]]), minMonthsBeforeElimination: 6, reminderDaysWithoutMeasure: 30,
      premiumSubsidy: { from: '202210', to: '202303', endsFrom: '202304' }, maxHouseholdsPerHelper: 5, visitWithinDays: 90, homeCounty: null },
  }
}

/** The example township with an Example applied to its one household. */
export function exampleLedger(ex: Example): LedgerData {
  const data = emptyLedger()
  const h = cleanHousehold()
  const { extra: hExtra, ...hPatch } = ex.household ?? {}
  Object.assign(h, hPatch)
  if (hExtra) h.extra = { ...h.extra, ...hExtra }
  ;(ex.members ?? []).forEach((p, i) => {
    const { extra, ...rest } = p
    const target = h.members[i] ?? (h.members[i] = member(100 + i, { name: `成员${i}`, relation: '其他', id_number: makeId('19900101', 100 + i) }))
    Object.assign(target, rest)
    if (extra) target.extra = { ...target.extra, ...extra }
  })
  if (ex.case !== undefined && ex.case !== null) {
    const c = cleanCase(1, ex.case)
    const byKind = new Map(c.measures.map((m) => [m.kind, m]))
    for (const [kind, items] of Object.entries(ex.measures ?? {})) {
      if (items.length) byKind.set(kind, { kind, items, date: '2024-04-10' })
      else byKind.delete(kind)
    }
    c.measures = [...byKind.values()]
    h.cases = [c]
    h.monitoring_category ??= c.category
  }
  data.households.push(h)
  if (ex.village) Object.assign(data.villages[0]!, ex.village)
  ex.more?.(data)
  return data
}
