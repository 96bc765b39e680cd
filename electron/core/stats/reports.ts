/**
 * The county's report forms as tables: 村级统计表, 乡镇监测对象情况统计表, 衔接资金项目拨付进度表 and
 * 帮扶责任人结对走访情况表. One table model for both paper (the forms print path) and .xlsx.
 */
import { MONITORING_CATEGORIES } from '../../../shared/domain/enums'
import { ratePercent } from '../../../shared/domain/projects'
import { REPORT_TITLES, type ReportKind, type ReportTable } from '../../../shared/domain/stats'
import type { Ledger } from '../db/open'
import { helpersStats, projectFacts, villageStats } from './figures'
import { householdSnapshot } from './snapshot'

type Cell = string | number | null

/** 示例县示例镇 → 示例县示例镇人民政府: the 填报单位. */
const reportingUnit = (township: string) => (township ? `${township}人民政府` : '')

function townshipOf(ledger: Ledger): string {
  const r = ledger.sqlite.prepare('SELECT county, township FROM villages ORDER BY is_demo, id LIMIT 1').get() as { county: string; township: string } | undefined
  return r ? `${r.county}${r.township}` : ''
}

export function buildReport(ledger: Ledger, kind: ReportKind, asOf: string, year = asOf.slice(0, 4)): ReportTable {
  switch (kind) {
    case 'villages':
      return villagesReport(ledger, asOf, year)
    case 'monitoring':
      return monitoringReport(ledger, asOf)
    case 'funds':
      return fundsReport(ledger, asOf, year)
    case 'visits':
      return visitsReport(ledger, asOf)
  }
}

function villagesReport(ledger: Ledger, asOf: string, year: string): ReportTable {
  const s = villageStats(ledger, asOf, year)
  const hp = (x: { households: number; persons: number }) => [x.households, x.persons]
  const line = (r: (typeof s.villages)[number]): Cell[] => [
    r.village,
    r.households,
    r.persons,
    ...hp(r.tuopin),
    ...hp(r.monitored),
    ...MONITORING_CATEGORIES.flatMap((c) => hp(r.monitoredByCategory[c] ?? { households: 0, persons: 0 })),
    ...hp(r.open),
    ...hp(r.openNotDoudi),
    r.gaps.education,
    r.gaps.medical,
    r.gaps.housing,
    r.gaps.water,
    r.workingAway,
    r.projects,
    r.plannedFen,
    r.paidFen,
  ]
  const pair = (text: string) => ({ text, colSpan: 2 })
  return {
    kind: 'villages',
    title: `${REPORT_TITLES.villages}`,
    unit: reportingUnit(s.township),
    asOf,
    measure: `单位：户、人、个、万元（项目为 ${year} 年度）`,
    header: [
      [
        { text: '行政村', rowSpan: 2 }, { text: '总户数', rowSpan: 2 }, { text: '总人数', rowSpan: 2 }, pair('脱贫户'), pair('监测对象'),
        ...MONITORING_CATEGORIES.map((c) => pair(c)), pair('未消除风险'), pair('非兜底未消除风险'),
        { text: '三保障和饮水短板（户）', colSpan: 4 }, { text: '外出务工人数', rowSpan: 2 }, { text: '项目', colSpan: 3 },
      ],
      [
        ...Array.from({ length: 7 }, () => [{ text: '户' }, { text: '人' }]).flat(),
        { text: '义务教育' }, { text: '基本医疗' }, { text: '住房安全' }, { text: '饮水安全' },
        { text: '个数' }, { text: '计划资金' }, { text: '已拨付' },
      ],
    ],
    kinds: ['text', ...Array.from({ length: 22 }, () => 'int' as const), 'wan', 'wan'],
    // Each 户/人 pair wide enough for its title on one line in print (about 0.68 of a unit per character).
    widths: [7, 4.5, 4.5, ...['脱贫户', '监测对象', ...MONITORING_CATEGORIES, '未消除风险', '非兜底未消除风险'].flatMap((t) => [Math.max(4, t.length * 0.68), Math.max(4, t.length * 0.68)]), 4.5, 4.5, 4.5, 4.5, 5, 4, 6.5, 6.5],
    rows: s.villages.map(line),
    total: line(s.total),
    note: '监测对象含风险已消除的户，按类别分列；非兜底指不属于整户无劳动能力兜底保障户。',
  }
}

function monitoringReport(ledger: Ledger, asOf: string): ReportTable {
  const snap = householdSnapshot(ledger, asOf)
  const year = asOf.slice(0, 4)
  const villages = snap.villages.filter((v) => snap.households.some((f) => f.villageId === v.id))
  const rowFor = (name: string, list: typeof snap.households): Cell[] => {
    const count = (pred: (f: (typeof list)[number]) => boolean) => {
      const l = list.filter(pred)
      return [l.length, l.reduce((n, f) => n + f.persons, 0)]
    }
    return [
      name,
      ...count((f) => f.monitored),
      ...MONITORING_CATEGORIES.flatMap((c) => count((f) => f.monitored && f.category === c)),
      ...count((f) => f.monitored && !f.open),
      ...count((f) => f.open),
      ...count((f) => f.open && !f.doudi),
      list.filter((f) => f.identifiedMonths.some((m) => m.startsWith(year))).length,
      list.filter((f) => f.eliminatedMonths.some((m) => m.startsWith(year))).length,
    ]
  }
  const pair = (text: string) => ({ text, colSpan: 2 })
  const township = villages[0] ? `${villages[0].county}${villages[0].township}` : townshipOf(ledger)
  return {
    kind: 'monitoring',
    title: REPORT_TITLES.monitoring,
    unit: reportingUnit(township),
    asOf,
    measure: '单位：户、人',
    header: [
      [
        { text: '行政村', rowSpan: 2 }, pair('监测对象合计'), ...MONITORING_CATEGORIES.map((c) => pair(c)), pair('风险已消除'), pair('未消除风险'),
        pair('其中：非兜底'), { text: `${year}年新纳入（户）`, rowSpan: 2 }, { text: `${year}年消除（户）`, rowSpan: 2 },
      ],
      Array.from({ length: 7 }, () => [{ text: '户' }, { text: '人' }]).flat(),
    ],
    kinds: ['text', ...Array.from({ length: 16 }, () => 'int' as const)],
    widths: [10, ...Array.from({ length: 14 }, () => 5), 7, 7],
    rows: villages.map((v) => rowFor(v.name, snap.households.filter((f) => f.villageId === v.id))),
    total: rowFor('合计', snap.households),
  }
}

function fundsReport(ledger: Ledger, asOf: string, year: string): ReportTable {
  const list = projectFacts(ledger, asOf, year)
  const main = ['中央衔接资金', '省级衔接资金', '市级', '县级'] as const
  const other = (m: Map<string, number>) => [...m].filter(([s]) => !(main as readonly string[]).includes(s)).reduce((n, [, f]) => n + f, 0)
  const line = (i: number | string, p: { name: string; village: string; category: string | null; implementer: string | null; bySource: Map<string, number>; plannedFen: number; paidFen: number; status: string; plannedEnd: string | null; lagging: boolean }): Cell[] => [
    i,
    p.name,
    p.village,
    p.category ?? '',
    p.implementer ?? '',
    ...main.map((s) => p.bySource.get(s) ?? 0),
    other(p.bySource),
    p.plannedFen,
    p.paidFen,
    ratePercent(p.paidFen, p.plannedFen),
    p.status,
    p.plannedEnd ?? '',
    p.lagging ? '滞后' : '',
  ]
  const sum = new Map<string, number>()
  for (const p of list) for (const [s, f] of p.bySource) sum.set(s, (sum.get(s) ?? 0) + f)
  const plannedFen = list.reduce((n, p) => n + p.plannedFen, 0)
  const paidFen = list.reduce((n, p) => n + p.paidFen, 0)
  const totalRow = line('合计', {
    name: `${list.length} 个项目`, village: '', category: null, implementer: null, bySource: sum, plannedFen, paidFen, status: '', plannedEnd: null,
    lagging: false,
  })
  totalRow[totalRow.length - 1] = `滞后 ${list.filter((p) => p.lagging).length} 个`
  const first = ledger.sqlite.prepare('SELECT county, township FROM villages ORDER BY is_demo, id LIMIT 1').get() as { county: string; township: string } | undefined
  return {
    kind: 'funds',
    title: `${year}年度${REPORT_TITLES.funds}`,
    unit: reportingUnit(first ? `${first.county}${first.township}` : ''),
    asOf,
    measure: '单位：万元',
    header: [
      [
        { text: '序号', rowSpan: 2 }, { text: '项目名称', rowSpan: 2 }, { text: '实施地点', rowSpan: 2 }, { text: '项目类别', rowSpan: 2 }, { text: '实施单位', rowSpan: 2 },
        { text: '计划资金（按来源）', colSpan: 6 }, { text: '已拨付', rowSpan: 2 }, { text: '拨付率', rowSpan: 2 }, { text: '项目状态', rowSpan: 2 },
        { text: '计划完工', rowSpan: 2 }, { text: '是否滞后', rowSpan: 2 },
      ],
      [{ text: '中央衔接' }, { text: '省级衔接' }, { text: '市级' }, { text: '县级' }, { text: '其他' }, { text: '合计' }],
    ],
    kinds: ['int', 'text', 'text', 'text', 'text', 'wan', 'wan', 'wan', 'wan', 'wan', 'wan', 'wan', 'pct', 'text', 'text', 'text'],
    widths: [3.5, 15, 7, 7, 10, 6, 6, 5.5, 5.5, 5.5, 6.5, 6.5, 5, 6, 7, 6.5],
    rows: list.map((p, i) => line(i + 1, p)),
    total: totalRow,
    note: `已拨付为截至 ${asOf} 的拨付明细合计；项目状态按截至该日登记的节点。`,
  }
}

function visitsReport(ledger: Ledger, asOf: string): ReportTable {
  const s = helpersStats(ledger, asOf)
  const year = asOf.slice(0, 4)
  return {
    kind: 'visits',
    title: REPORT_TITLES.visits,
    unit: reportingUnit(townshipOf(ledger)),
    asOf,
    measure: '单位：户、次',
    header: [
      [
        { text: '序号' }, { text: '帮扶单位' }, { text: '帮扶责任人' }, { text: '职务' }, { text: '结对户数' }, { text: '结对户（户主）' },
        { text: `${year}年走访次数` }, { text: '最近走访日期' }, { text: '近30天走访户数' }, { text: '近90天走访户数' }, { text: '近90天未走访户数' },
      ],
    ],
    kinds: ['int', 'text', 'text', 'text', 'int', 'text', 'int', 'text', 'int', 'int', 'int'],
    widths: [4, 14, 8, 8, 6, 26, 7, 9, 7, 7, 7],
    rows: s.rows.map((r, i) => [i + 1, r.unit ?? '', r.name, r.title ?? '', r.households, r.heads.join('、'), r.visitsThisYear, r.lastVisit ?? '', r.visited30, r.visited90, r.households - r.visited90]),
    total: [
      '合计', `${s.helpers} 人`, '', '', s.rows.reduce((n, r) => n + r.households, 0), '', s.rows.reduce((n, r) => n + r.visitsThisYear, 0), '',
      s.rows.reduce((n, r) => n + r.visited30, 0), s.rows.reduce((n, r) => n + r.visited90, 0), s.rows.reduce((n, r) => n + r.households - r.visited90, 0),
    ],
    note: `结对户 ${s.pairedHouseholds} 户，近30天走访覆盖 ${s.coverage30 ?? 0}%，近90天 ${s.coverage90 ?? 0}%（一户有多名帮扶责任人时各计一次）。`,
  }
}
