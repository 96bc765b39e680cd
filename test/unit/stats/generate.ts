/**
 * A generated township for the statistics tests: villages, households with members, status
 * histories, roster-only monitoring, work fields, projects with funds and milestones, helpers
 * with pairings and visits. Written through the write path; the generator also returns its own
 * plain model of what it wrote, so the tests can count in JS over the same rows.
 */
import type { Ledger } from '../../../electron/core/db/open'

export interface GMember {
  id: number
  labour: string
  removedDate: string | null
  workStatus: string | null
  place: string | null
  /** What the generator means by the fields above. */
  away: boolean
  province: string
  channel: string
  incomeFen: number | null
}
export interface GEvent {
  kind: '识别' | '脱贫' | '返贫' | '纳入监测' | '风险消除'
  date: string
  category?: string
  risks?: string[]
}
export interface GHousehold {
  id: number
  village: number
  removed: boolean
  typeColumn: string
  exitColumn: string | null
  categoryColumn: string | null
  importedEliminated: boolean
  importedRisks: string[]
  doudiFlag: boolean
  perCapitaFen: number | null
  gaps: { education: boolean; medical: boolean; housing: boolean; water: boolean }
  members: GMember[]
  events: GEvent[]
}
export interface GProject {
  id: number
  village: number
  year: string
  plannedEnd: string
  budget: { source: string; fen: number }[]
  paid: { date: string; fen: number }[]
  milestones: { kind: string; date: string; result: string | null }[]
}
export interface GHelper {
  id: number
  pairings: { household: number; start: string; end: string | null }[]
}
export interface GTownship {
  villages: { id: number; name: string; population: number | null }[]
  households: GHousehold[]
  projects: GProject[]
  helpers: GHelper[]
  visits: { household: number; date: string }[]
  lineFen: number
}

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const CATEGORIES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户']
const RISKS = ['因病', '因学', '因残', '因自然灾害', '缺劳动力', '因务工就业不稳']
const PLACES: [string | null, string][] = [
  ['浙江省杭州市', '浙江省'], ['广东省深圳市宝安区', '广东省'], ['上海市浦东新区', '上海市'], ['新疆维吾尔自治区乌鲁木齐市', '新疆维吾尔自治区'], [null, '未填'],
]
/** 务工状况 as a roster writes it, and whether it means working away. */
const WORK: [string | null, boolean | 'place'][] = [['省外务工', true], ['县外省内务工', true], ['乡外县内务工', true], ['乡内务工', false], ['无', false], [null, 'place']]
const CHANNELS = ['自主务工', '企业招聘', '有组织劳务输出', null]
const SOURCES = ['中央衔接资金', '省级衔接资金', '县级', '帮扶单位资金']

const pad = (n: number) => String(n).padStart(2, '0')
const dateOf = (r: () => number, from: number, to: number) => {
  const y = from + Math.floor(r() * (to - from + 1))
  return `${y}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`
}
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function generateTownship(ledger: Ledger, seed: number, size = 240): GTownship {
  const r = rng(seed)
  const pick = <T,>(list: readonly T[]) => list[Math.floor(r() * list.length)]!
  const t: GTownship = { villages: [], households: [], projects: [], helpers: [], visits: [], lineFen: 730_000 }
  ledger.write.run({ actor: 'test' }, (w) => {
    w.insert('monitoring_settings', { year: 2023, line_fen: 730_000, publicity_days: 5, min_months_before_elimination: 6, reminder_days_without_measure: 30 })
    for (const [i, name] of ['青山村', '石桥村', '柳河村', '杏花村'].entries()) {
      const population = i === 3 ? null : 800 + Math.floor(r() * 400)
      const id = w.insert('villages', { county: '测试县', township: '测试镇', name, total_population: population, is_demo: 0 })
      t.villages.push({ id, name, population })
    }
    for (let n = 0; n < size; n++) {
      const village = pick(t.villages).id
      const withHistory = r() < 0.7
      const events: GEvent[] = []
      let categoryColumn: string | null = null
      let importedEliminated = false
      let importedRisks: string[] = []
      if (withHistory) {
        if (r() < 0.85) {
          events.push({ kind: '识别', date: dateOf(r, 2014, 2015) })
          if (r() < 0.85) events.push({ kind: '脱贫', date: dateOf(r, 2016, 2020) })
          if (events.length === 2 && r() < 0.08) events.push({ kind: '返贫', date: dateOf(r, 2021, 2021) })
        }
        if (r() < 0.45) {
          let d = dateOf(r, 2021, 2024)
          for (let round = 0; round < 2; round++) {
            events.push({ kind: '纳入监测', date: d, category: pick(CATEGORIES), risks: [pick(RISKS), ...(r() < 0.3 ? ['因病'] : [])].filter((x, i, a) => a.indexOf(x) === i) })
            if (r() < 0.5) break
            d = addDays(d, 20 + Math.floor(r() * 400))
            events.push({ kind: '风险消除', date: d })
            if (r() < 0.6) break
            d = addDays(d, 30 + Math.floor(r() * 200))
          }
        }
      } else if (r() < 0.3) {
        categoryColumn = pick(CATEGORIES)
        importedEliminated = r() < 0.4
        importedRisks = [pick(RISKS)]
      }
      const typeColumn = pick(['脱贫户', '监测户', '一般农户'])
      const exitColumn = pick(['已脱贫(享受政策)', '未脱贫', '已脱贫(不再享受政策)', null])
      const removed = r() < 0.04
      const gaps = { education: r() < 0.05, medical: r() < 0.05, housing: r() < 0.1, water: r() < 0.08 }
      const perCapitaFen = r() < 0.05 ? null : Math.floor(300_000 + r() * 2_000_000)
      const doudiFlag = r() < 0.05
      const size = 1 + Math.floor(r() * 5)
      const noLabour = r() < 0.08
      const id = w.insert('households', {
        village_id: village,
        household_no: `52${String(seed).padStart(4, '0')}${String(n).padStart(6, '0')}`,
        household_type: typeColumn,
        exit_status: exitColumn,
        monitoring_category: categoryColumn,
        per_capita_net_income_fen: perCapitaFen,
        guarantee_education: gaps.education ? '有短板' : '达标',
        guarantee_medical: gaps.medical ? '有短板' : '达标',
        guarantee_housing: gaps.housing ? '有短板' : '达标',
        guarantee_water: gaps.water ? '有短板' : '达标',
        dilapidated_house: '否',
        safe_drinking_water: '是',
        removed_reason: removed ? '死亡' : null,
        removed_date: removed ? '2022-01-01' : null,
      })
      const members: GMember[] = []
      for (let i = 0; i < size; i++) {
        const [workStatus, awayRule] = pick(WORK)
        const [place, province] = pick(PLACES)
        const away = awayRule === 'place' ? place !== null : awayRule
        const channel = pick(CHANNELS)
        const incomeFen = r() < 0.5 ? 100 * (2000 + Math.floor(r() * 6000)) : null
        const extra: Record<string, string> = {}
        if (place) extra['务工所在地'] = place
        if (channel) extra['就业渠道'] = channel
        if (incomeFen !== null) extra['务工月收入'] = String(incomeFen / 100)
        if (i === 0 && doudiFlag) extra['整户无劳动能力兜底保障户'] = '是'
        if (i === 0 && categoryColumn) {
          extra['风险是否已消除'] = importedEliminated ? '是' : '否'
          extra['致贫/返贫风险1'] = importedRisks[0]!
        }
        const removedDate = i > 0 && r() < 0.1 ? dateOf(r, 2021, 2025) : null
        const labour = noLabour ? pick(['丧失劳动力', '无劳动力']) : pick(['普通劳动力', '技能劳动力', '弱劳动力或半劳动力', '无劳动力'])
        const mid = w.insert('members', {
          household_id: id,
          sort_order: i,
          name: `成员${n}-${i}`,
          relation: i === 0 ? '户主' : '之子',
          labour_skill: labour,
          work_status: workStatus,
          extra_json: Object.keys(extra).length ? JSON.stringify(extra) : null,
          removed_reason: removedDate ? '死亡' : null,
          removed_date: removedDate,
        })
        members.push({ id: mid, labour, removedDate, workStatus, place, away, province, channel: channel ?? '未填', incomeFen })
      }
      for (const e of events) {
        w.insert('household_status_events', {
          household_id: id,
          kind: e.kind,
          event_date: e.date,
          monitoring_category: e.category ?? null,
          risks: e.risks ? JSON.stringify(e.risks) : null,
          actor: 'test',
        })
      }
      t.households.push({ id, village, removed, typeColumn, exitColumn, categoryColumn, importedEliminated, importedRisks, doudiFlag, perCapitaFen, gaps, members, events })
    }
    for (const v of t.villages) {
      for (let k = 0; k < 4; k++) {
        const year = pick(['2023', '2024'])
        const plannedEnd = `${year}-${pad(3 + Math.floor(r() * 9))}-15`
        const id = w.insert('projects', { name: `${v.name}项目${k}`, year, village_id: v.id, planned_end: plannedEnd })
        const p: GProject = { id, village: v.id, year, plannedEnd, budget: [], paid: [], milestones: [] }
        for (const source of SOURCES) {
          if (r() < 0.4) continue
          const fen = 100 * Math.floor(10_000 + r() * 500_000)
          w.insert('project_budget_lines', { project_id: id, source, amount_fen: fen, unit_name: source === '帮扶单位资金' ? '某局' : null })
          p.budget.push({ source, fen })
        }
        for (let d = 0; d < 3; d++) {
          if (r() < 0.4) continue
          const date = dateOf(r, Number(year), Number(year) + 1)
          const fen = 100 * Math.floor(5_000 + r() * 100_000)
          w.insert('project_disbursements', { project_id: id, paid_date: date, amount_fen: fen })
          p.paid.push({ date, fen })
        }
        let d = `${year}-02-01`
        for (const kind of ['开工', '竣工', '验收', '资产移交']) {
          if (r() < 0.3) break
          d = addDays(d, 30 + Math.floor(r() * 200))
          const result = kind === '验收' ? (r() < 0.8 ? '合格' : '不合格') : null
          w.insert('project_milestones', { project_id: id, kind, milestone_date: d, result })
          p.milestones.push({ kind, date: d, result })
          if (result === '不合格') break
        }
        t.projects.push(p)
      }
    }
    const unit = w.insert('assisting_units', { name: '测试县农业农村局' })
    const live = t.households.filter((h) => !h.removed)
    for (let k = 0; k < 12; k++) {
      const id = w.insert('helpers', { name: `帮扶人${k}`, unit_id: unit, title: '干部' })
      const helper: GHelper = { id, pairings: [] }
      for (let j = 0; j < 1 + Math.floor(r() * 4); j++) {
        const household = pick(live).id
        const start = dateOf(r, 2021, 2023)
        const end = r() < 0.2 ? dateOf(r, 2024, 2024) : null
        w.insert('pairings', { helper_id: id, household_id: household, start_date: start, end_date: end })
        helper.pairings.push({ household, start, end })
      }
      t.helpers.push(helper)
    }
    for (let k = 0; k < 200; k++) {
      const household = pick(live).id
      const date = dateOf(r, 2024, 2024)
      w.insert('visits', { household_id: household, visit_date: date, visitor: '帮扶人' })
      t.visits.push({ household, date })
    }
  })
  return t
}
