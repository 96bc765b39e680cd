/**
 * The demo township's national-export records: work spells (已外出务工信息) of about a quarter of its
 * working-age members — some ended, some running, a few people with two spells — planned work
 * (计划外出务工信息) and the villages' statistics (行政村信息) counted from the demo households.
 * Fictional data; written in the demo's own transaction.
 */
import type { Ledger } from '../db/open'

type Writer = Parameters<Parameters<Ledger['write']['run']>[1]>[0]

const PLACES: [string, string, string][] = [
  ['广东省', '深圳市', '宝安区'], ['广东省', '东莞市', '长安镇'], ['浙江省', '宁波市', '慈溪市'], ['江苏省', '苏州市', '昆山市'],
  ['河南省', '郑州市', '金水区'], ['福建省', '泉州市', '晋江市'], ['河南省', '示例县', '示例县'],
]
const CHANNELS = ['自主务工', '企业招聘', '有组织劳务输出', '就近就业', '帮扶车间']
const INDUSTRIES = ['制造业', '建筑业', '住宿和餐饮业', '批发和零售业', '居民服务业', '交通运输业']
const EMPLOYERS = ['鸿达电子厂', '华宇建筑劳务公司', '顺心餐饮管理公司', '永兴五金制品厂', '示例镇帮扶车间（服装加工）', '安达物流公司']

export function writeDemoNational(ledger: Ledger, w: Writer, villages: { villageId: number; households: number[] }[]): { workSpells: number; plannedWork: number; villages: number } {
  let seed = 20261202
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`
  const members = ledger.sqlite.prepare(
    "SELECT id, household_id, birth_date, labour_skill, school_status FROM members WHERE household_id = ? AND removed_reason IS NULL ORDER BY sort_order, id",
  )
  const spells: Record<string, string | number | null>[] = []
  const planned: Record<string, string | number | null>[] = []
  for (const v of villages) {
    for (const householdId of v.households) {
      for (const m of members.all(householdId) as { id: number; household_id: number; birth_date: string | null; labour_skill: string | null; school_status: string | null }[]) {
        const age = m.birth_date ? 2026 - Number(m.birth_date.slice(0, 4)) : 0
        if (age < 18 || age > 58 || m.school_status || m.labour_skill === '无劳动力' || m.labour_skill === '丧失劳动力') continue
        const r = rand()
        if (r < 0.25) {
          const twice = rand() < 0.3
          const startYear = 2021 + Math.floor(rand() * 4)
          const startMonth = 1 + Math.floor(rand() * 12)
          const spell = (start: string, end: string | null) => {
            const [province, city, county] = pick(PLACES)
            const channel = city === '示例县' ? '就近就业' : pick(CHANNELS)
            spells.push({
              member_id: m.id, household_id: m.household_id, working: '是', start_month: start, end_month: end, province, city, county_at: county, channel,
              employer: pick(EMPLOYERS), industry: pick(INDUSTRIES), monthly_income_fen: (2600 + Math.floor(rand() * 30) * 100) * 100,
              point_to_point: channel === '有组织劳务输出' ? '是' : '否', travel_subsidy_fen: channel === '有组织劳务输出' ? 60000 : null, job_subsidy: '否',
              source_updated: '2026-11-28', cells_json: '{}',
            })
          }
          if (twice) spell(month(startYear - 1, startMonth), month(startYear - 1, Math.min(12, startMonth + 3)))
          // About one in five running spells has ended without a new one (the employment-risk worklist looks for these).
          spell(month(startYear, startMonth), rand() < 0.2 ? month(Math.min(2026, startYear + 1), 1 + Math.floor(rand() * 10)) : null)
        } else if (r < 0.3) {
          const [province, city, county] = pick(PLACES)
          planned.push({
            member_id: m.id, household_id: m.household_id, planned: '是', planned_month: month(2027, 1 + Math.floor(rand() * 4)), province, city, county_at: county,
            industry: pick(INDUSTRIES), service_need: pick(['职业介绍', '技能培训', '岗位推荐', '无']), registered: '2026-11-20', cells_json: '{}',
          })
        }
      }
    }
  }
  if (spells.length) w.insertMany('work_spells', spells)
  if (planned.length) w.insertMany('planned_work', planned)
  const counts = ledger.sqlite.prepare(
    `SELECT count(*) AS households, coalesce(sum((SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.removed_reason IS NULL)), 0) AS people,
       sum(h.household_type = '脱贫户') AS exited, sum(h.household_type = '监测户') AS monitored, sum(h.dilapidated_house = '是') AS dilapidated
     FROM households h WHERE h.village_id = ?`,
  )
  villages.forEach((v, i) => {
    const c = counts.get(v.villageId) as { households: number; people: number; exited: number | null; monitored: number | null; dilapidated: number | null }
    w.insert('village_statistics', {
      village_id: v.villageId, admin_code: `41990110${String(201 + i)}`, exited: '是', exit_year: String(2017 + (i % 3)),
      // The village has more households than the filed-card roster: 一般农户 are not in the ledger.
      total_households: c.households * 3 + 40 + i * 7, total_population: c.people * 3 + 150 + i * 20,
      exited_households: c.exited ?? 0, exited_population: Math.round(((c.exited ?? 0) * c.people) / Math.max(1, c.households)),
      monitored_households: c.monitored ?? 0, monitored_population: Math.round(((c.monitored ?? 0) * c.people) / Math.max(1, c.households)),
      low_income_households: 8 + i, low_income_population: 19 + i * 2, special_support_population: 2 + (i % 3), disabled_population: 14 + i,
      pension_insured: c.people * 2 + 90, collective_income_fen: (80_000 + i * 12_500) * 100, primary_schools: i % 2, bus_service: '是', paved_road: '是',
      clinics: 1, doctors: 1 + (i % 2), public_toilets: 2 + (i % 2), garbage_points: 4 + i, libraries: 1, unsafe_water_households: 0, dilapidated_households: c.dilapidated ?? 0,
      arable_land_area: String(1800 + i * 240), forest_land_area: String(600 + i * 95), cells_json: '{}',
    })
  })
  return { workSpells: spells.length, plannedWork: planned.length, villages: villages.length }
}
