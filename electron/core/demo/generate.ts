/**
 * A fictional demo township: made-up names, a non-existent area code (4199xx)
 * with valid ID check characters, several villages. Deterministic for a seed.
 */
import { idCheckChar } from '../../../shared/domain/id-number'
import { POVERTY_CAUSES } from '../../../shared/domain/enums'

export const DEMO_COUNTY = '示例县'
export const DEMO_TOWNSHIP = '示例镇'

type Row = Record<string, string | number | null>

export interface DemoHousehold {
  groupName: string
  household: Row
  members: Row[]
}

export interface DemoVillage {
  name: string
  isPoorVillage: string
  groups: string[]
  households: DemoHousehold[]
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'
const GIVEN = '建国秀英志强桂兰明华玉梅德胜春花永福红霞金山小燕海涛丽娟文斌翠萍家豪雨欣子涵浩然思彤宇轩梓萱俊杰佳怡'
const VILLAGES = ['青山村', '石桥村', '柳河村', '杏花村', '东岭村', '南坪村']
const EDUCATION = ['文盲或半文盲', '小学', '初中', '高中', '大专']
const HEALTH = ['健康', '健康', '健康', '长期慢性病', '患有大病', '残疾']
const EXIT = ['已脱贫(享受政策)', '已脱贫(享受政策)', '已脱贫(不再享受政策)', '未脱贫', '返贫']

/** Small seeded PRNG (mulberry32): the same seed gives the same township. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generateDemoTownship(options: { households: number; seed?: number }): DemoVillage[] {
  const rand = rng(options.seed ?? 20261122)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const usedIds = new Set<string>()
  let seq = 0

  const idFor = (village: number, birth: string, male: boolean): string => {
    for (;;) {
      const area = `4199${String(village + 1).padStart(2, '0')}`
      let order = int(0, 499) * 2 + (male ? 1 : 0)
      order = Math.min(order, 999)
      const first17 = `${area}${birth.replace(/-/g, '')}${String(order).padStart(3, '0')}`
      const id = first17 + idCheckChar(first17)
      if (!usedIds.has(id)) {
        usedIds.add(id)
        return id
      }
    }
  }
  const birthDate = (age: number) => `${2026 - age}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`
  const name = (surname: string) => surname + pick([...GIVEN]) + (rand() < 0.6 ? pick([...GIVEN]) : '')

  const villages: DemoVillage[] = VILLAGES.map((v, i) => ({
    name: v,
    isPoorVillage: i % 2 === 0 ? '是' : '否',
    groups: Array.from({ length: 4 }, (_, g) => `${g + 1}组`),
    households: [],
  }))

  for (let h = 0; h < options.households; h++) {
    const vi = h % villages.length
    const village = villages[vi]!
    seq++
    const surname = pick([...SURNAMES])
    const headMale = rand() < 0.85
    const headAge = int(32, 78)
    const members: Row[] = []
    const member = (relation: string, male: boolean, age: number, surnameOf = surname): Row => {
      const birth = birthDate(age)
      const id = idFor(vi, birth, male)
      const inSchool = age >= 7 && age <= 18
      return {
        person_no: `${String(seq).padStart(6, '0')}${String(members.length + 1).padStart(2, '0')}`,
        name: name(surnameOf),
        sex: male ? '男' : '女',
        birth_date: birth,
        id_type: '居民身份证',
        id_number: id,
        relation,
        ethnicity: '汉族',
        education: age < 7 ? null : inSchool ? null : pick(EDUCATION),
        school_status: age < 7 ? '学龄前儿童' : inSchool ? (age <= 12 ? '小学' : age <= 15 ? '八年级' : '普通高中一至三年级') : null,
        health: pick(HEALTH),
        labour_skill: age < 16 || inSchool ? '无劳动力' : age > 65 ? '丧失劳动力' : '普通劳动力',
        work_months: age >= 18 && age <= 60 ? String(int(0, 12)) : null,
        serious_illness_insurance: '是',
        sort_order: members.length,
      }
    }
    members.push(member('户主', headMale, headAge))
    if (rand() < 0.85) members.push(member('配偶', !headMale, Math.max(22, headAge + int(-5, 3)), pick([...SURNAMES])))
    const children = int(0, 3)
    for (let c = 0; c < children && headAge > 24; c++) {
      const male = rand() < 0.5
      members.push(member(male ? '之子' : '之女', male, int(1, Math.min(headAge - 20, 40))))
    }
    if (headAge < 55 && rand() < 0.3) members.push(member(rand() < 0.5 ? '之父' : '之母', rand() < 0.5, headAge + int(22, 30)))
    // Keep relation words consistent with sex for 之父/之母.
    for (const m of members) if (m.relation === '之父' || m.relation === '之母') m.relation = m.sex === '男' ? '之父' : '之母'

    const exitStatus = pick(EXIT)
    const monitored = rand() < 0.12
    village.households.push({
      groupName: pick(village.groups),
      household: {
        household_no: `4199${String(vi + 1).padStart(2, '0')}${String(seq).padStart(8, '0')}`,
        declared_size: members.length,
        household_type: monitored ? '监测户' : '脱贫户',
        poverty_attribute: pick(['一般脱贫户', '低保脱贫户', '特困供养脱贫户']),
        identification_standard: '国家标准',
        main_cause: pick(POVERTY_CAUSES.slice(0, 9)),
        exit_status: exitStatus,
        exit_year: exitStatus.startsWith('已脱贫') ? String(int(2016, 2020)) : null,
        first_identified: `${int(2014, 2016)}-${String(int(1, 12)).padStart(2, '0')}`,
        // Only a 脱贫户 can be 脱贫不稳定户: a household monitored as 监测户 is 边缘易致贫 or 突发严重困难.
        monitoring_category: monitored ? pick(['边缘易致贫户', '突发严重困难户']) : null,
        phone: `1${pick(['38', '39', '58', '87', '36'])}${String(int(0, 99_999_999)).padStart(8, '0')}`,
        per_capita_net_income_fen: int(6_500, 22_000) * 100,
        arable_land_area: (int(5, 80) / 10).toFixed(1),
        dilapidated_house: rand() < 0.05 ? '是' : '否',
        safe_drinking_water: '是',
      },
      members,
    })
    // Policy: a 脱贫不稳定户 is a 脱贫户 under monitoring (its 户类型 stays 脱贫户).
    const added = village.households[village.households.length - 1]!.household
    if (added.monitoring_category === '脱贫不稳定户') added.household_type = '脱贫户'
  }
  return villages
}
