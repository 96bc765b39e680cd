/**
 * 统计: the dashboard as of a chosen date. Every figure and every bar or slice opens the list behind
 * it — the household list with that figure as its filter, or the project list with its filters.
 */
import { Alert, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { MONITORING_CATEGORIES } from '../../../shared/domain/enums'
import {
  fenToWan, GAP_KEYS, GAP_LABELS, INCOME_BANDS, projectsListHash, REPORT_TITLES, statsListHash, statsPrintHash, type HP, type ProjectListFilter,
  type ReportKind, type StatsFigure, type VillageStatsRow,
} from '../../../shared/domain/stats'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { XlsxButton } from '../forms'
import { navigate } from '../router'
import { Chart, type ChartOption } from './Chart'
import './stats.css'

const today = () => dayjs().format('YYYY-MM-DD')
const ASOF_KEY = 'township-ledger.stats-as-of'

const GRID = { left: 48, right: 16, top: 28, bottom: 48, containLabel: false }
const PALETTE = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2', '#faad14', '#a0d911']

/** Bars along x, one series per entry; a bar is at least 3 px high so each can be clicked (zero draws none). */
function bars(categories: string[], series: { name: string; data: number[]; stack?: string }[], opts: { unit?: string; rotate?: number } = {}): ChartOption {
  return {
    color: PALETTE,
    // Rotated labels are measured into the grid so none is cut off at the foot.
    grid: opts.rotate ? { ...GRID, bottom: 8, containLabel: true } : GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0, itemWidth: 12, itemHeight: 10 } : undefined,
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: opts.rotate ?? 0, fontSize: 11 } },
    yAxis: { type: 'value', name: opts.unit, minInterval: 1, nameTextStyle: { fontSize: 11 } },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data.map((v) => (v === 0 ? '-' : v)), stack: s.stack, barMinHeight: 3, barMaxWidth: 36, emphasis: { focus: 'series' } })),
  }
}

function pie(items: { name: string; value: number }[]): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', itemWidth: 12, itemHeight: 10 },
    series: [{ type: 'pie', radius: ['35%', '70%'], center: ['38%', '50%'], data: items, label: { formatter: '{b}\n{c}', fontSize: 11 } }],
  }
}

function Figure({ title, value, suffix, onOpen, hint }: { title: string; value: number | string; suffix?: string; onOpen?: () => void; hint?: string }) {
  const body = <Statistic title={title} value={value} suffix={suffix} valueStyle={{ fontSize: 22 }} />
  if (!onOpen) return <div className="stats-figure">{body}</div>
  return (
    <Tooltip title={hint ?? '点击查看名单'}>
      <button type="button" className="stats-figure clickable" onClick={onOpen} aria-label={`${title} ${value}${suffix ?? ''}`}>
        {body}
      </button>
    </Tooltip>
  )
}

const hpText = (x: HP) => `${x.households} 户 / ${x.persons} 人`

export function StatsPage() {
  const [asOf, setAsOf] = useState(() => sessionStorage.getItem(ASOF_KEY) ?? today())
  const [year, setYear] = useState(asOf.slice(0, 4))
  const [yearChosen, setYearChosen] = useState(false)
  const change = (d: string) => {
    sessionStorage.setItem(ASOF_KEY, d)
    setAsOf(d)
    setYear(d.slice(0, 4))
    setYearChosen(false)
  }
  const households = useCall('stats.households', { asOf })
  const monitoring = useCall('stats.monitoring', { asOf })
  const work = useCall('stats.work', { asOf })
  const projects = useCall('stats.projects', { asOf, year })
  const helpers = useCall('stats.helpers', { asOf })
  const villages = useCall('stats.villages', { asOf, year })
  const open = (figure: StatsFigure, value?: string, villageId?: number) => navigate(statsListHash({ asOf, figure, value, villageId }))
  const openProjects = (f: ProjectListFilter) => navigate(projectsListHash({ year, ...f }))
  // The date's year when it has projects, else the latest year before it that has.
  const knownYears = projects.data?.years
  useEffect(() => {
    if (yearChosen || !knownYears?.length || knownYears.includes(year)) return
    const before = knownYears.find((y) => y <= asOf.slice(0, 4))
    if (before && before !== year) setYear(before)
  }, [knownYears, year, yearChosen, asOf])
  const error = households.error ?? monitoring.error ?? work.error ?? projects.error ?? helpers.error ?? villages.error
  const years = [...new Set([...(knownYears ?? []), asOf.slice(0, 4), year])].sort().reverse()

  const h = households.data
  const m = monitoring.data
  const w = work.data
  const p = projects.data
  const hs = helpers.data

  const charts = useMemo(() => {
    const out: Record<string, ChartOption> = {}
    if (h) {
      out.type = bars(h.byType.map((c) => c.key), [{ name: '户数', data: h.byType.map((c) => c.households) }, { name: '人数', data: h.byType.map((c) => c.persons) }])
      out.exit = bars(h.byExit.map((c) => c.key), [{ name: '户数', data: h.byExit.map((c) => c.households) }, { name: '人数', data: h.byExit.map((c) => c.persons) }], { rotate: 20 })
      const known = h.incidence.filter((v) => v.rate !== null)
      out.incidence = bars(known.map((v) => v.village), [{ name: '贫困发生率', data: known.map((v) => v.rate!) }], { unit: '%' })
      out.gaps = bars([...h.gaps.map((g) => GAP_LABELS[g.key]), '任一短板'], [{ name: '户数', data: [...h.gaps.map((g) => g.households), h.gapAny] }])
      out.income = bars(INCOME_BANDS.map((b) => b.label), [{ name: '户数', data: h.income.map((b) => b.households) }], { rotate: 15 })
    }
    if (m) {
      out.category = bars(m.byCategory.map((c) => c.category), [
        { name: '未消除风险', data: m.byCategory.map((c) => c.open), stack: 'a' },
        { name: '风险已消除', data: m.byCategory.map((c) => c.eliminated), stack: 'a' },
      ])
      const risks = m.byRisk.filter((r) => r.households > 0)
      out.risk = bars(risks.map((r) => r.risk), [{ name: '未消除风险户', data: risks.map((r) => r.households) }], { rotate: 30 })
      out.months = bars(m.months.map((x) => x.month.slice(2)), [
        { name: '纳入监测', data: m.months.map((x) => x.identified) },
        { name: '风险消除', data: m.months.map((x) => x.eliminated) },
      ], { rotate: 45 })
    }
    if (w) {
      out.province = bars(w.byProvince.slice(0, 12).map((x) => x.province), [{ name: '人数', data: w.byProvince.slice(0, 12).map((x) => x.persons) }], { rotate: 30 })
      out.channel = pie(w.byChannel.map((x) => ({ name: x.channel, value: x.persons })))
    }
    if (p) {
      out.source = bars(p.bySource.map((s) => s.source), [{ name: '计划资金（万元）', data: p.bySource.map((s) => Number(fenToWan(s.plannedFen))) }], { unit: '万元', rotate: 20 })
      out.status = bars(p.byStatus.map((s) => s.status), [{ name: '项目数', data: p.byStatus.map((s) => s.projects) }])
      out.projectVillage = bars(p.byVillage.map((v) => v.village), [
        { name: '计划资金', data: p.byVillage.map((v) => Number(fenToWan(v.plannedFen))) },
        { name: '已拨付', data: p.byVillage.map((v) => Number(fenToWan(v.paidFen))) },
      ], { unit: '万元' })
    }
    if (hs) {
      const top = [...hs.rows].sort((a, b) => b.households - a.households).slice(0, 15)
      out.helpers = bars(top.map((r) => r.name), [{ name: '结对户数', data: top.map((r) => r.households) }], { rotate: 30 })
      out.coverage = bars(['近30天', '近90天'], [
        { name: '已走访', data: [hs.visited30, hs.visited90], stack: 'v' },
        { name: '未走访', data: [hs.pairedHouseholds - hs.visited30, hs.pairedHouseholds - hs.visited90], stack: 'v' },
      ])
    }
    return out
  }, [h, m, w, p, hs])

  return (
    <div className="page stats-page">
      <Space wrap className="stats-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          统计
        </Typography.Title>
        <span>截至</span>
        <DatePicker
          aria-label="截至日期"
          allowClear={false}
          value={dayjs(asOf)}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(d) => d && change(d.format('YYYY-MM-DD'))}
        />
        <span>项目年度</span>
        <Select aria-label="项目年度" value={year} style={{ width: 100 }} onChange={(y) => { setYear(y); setYearChosen(true) }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        <ReportButtons asOf={asOf} year={year} />
      </Space>
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12} xxl={8}>
          <Card size="small" title="户和人" loading={!h}>
            {h && (
              <>
                <div className="stats-figures">
                  <Figure title="总户数" value={h.total.households} suffix="户" onOpen={() => open('all')} />
                  <Figure title="总人数" value={h.total.persons} suffix="人" onOpen={() => open('all')} />
                  <Figure title="未脱贫和返贫" value={h.byExit.filter((c) => c.key === '未脱贫' || c.key === '返贫').reduce((n, c) => n + c.households, 0)} suffix="户" onOpen={() => open('poor')} />
                </div>
                <Typography.Text type="secondary">按户类型（户数 / 人数）</Typography.Text>
                <Chart label="按户类型" option={charts.type!} onClick={(e) => open('type', h.byType[e.dataIndex]?.key)} />
                <Typography.Text type="secondary">按脱贫状态</Typography.Text>
                <Chart label="按脱贫状态" option={charts.exit!} onClick={(e) => open('exit', h.byExit[e.dataIndex]?.key)} />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12} xxl={8}>
          <Card size="small" title="贫困发生率、三保障和收入" loading={!h}>
            {h && (
              <>
                <Typography.Text type="secondary">贫困发生率（未脱贫和返贫人口 ÷ 村农业人口）</Typography.Text>
                {h.incidence.some((v) => v.rate !== null) ? (
                  <Chart label="贫困发生率" option={charts.incidence!} onClick={(e) => open('poor', undefined, h.incidence.filter((v) => v.rate !== null)[e.dataIndex]?.villageId)} />
                ) : (
                  <Alert type="info" showIcon message="各村的总人口数（农业人口）未填写，无法计算贫困发生率。" style={{ margin: '8px 0' }} />
                )}
                <Typography.Text type="secondary">三保障和饮水短板（户）</Typography.Text>
                <Chart label="三保障和饮水短板" option={charts.gaps!} onClick={(e) => open('gap', GAP_KEYS[e.dataIndex])} height={200} />
                <Typography.Text type="secondary">
                  {h.lineFen !== null ? `人均纯收入（${h.lineYear}年监测线 ${fenToYuanInt(h.lineFen)} 元）` : '人均纯收入（未设置监测线，请在「监测设置」填写）'}
                </Typography.Text>
                <Chart label="人均纯收入分布" option={charts.income!} onClick={(e) => open('income', INCOME_BANDS[e.dataIndex]?.key)} height={200} />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12} xxl={8}>
          <Card size="small" title="防返贫监测" loading={!m}>
            {m && (
              <>
                <div className="stats-figures">
                  <Figure title="监测对象" value={m.monitored.households} suffix="户" hint={hpText(m.monitored)} onOpen={() => open('monitored')} />
                  <Figure title="未消除风险" value={m.open.households} suffix="户" hint={hpText(m.open)} onOpen={() => open('open')} />
                  <Figure title="非兜底未消除" value={m.openNotDoudi.households} suffix="户" hint={hpText(m.openNotDoudi)} onOpen={() => open('openNotDoudi')} />
                  <Figure title="风险已消除" value={m.eliminated.households} suffix="户" hint={hpText(m.eliminated)} onOpen={() => open('eliminated')} />
                  <Figure title="平均消除用时" value={m.averageDaysToElimination ?? '—'} suffix={m.averageDaysToElimination === null ? '' : '天'} hint={`${m.eliminationsCounted} 次风险消除，点击查看风险已消除的户`} onOpen={() => open('eliminated')} />
                </div>
                <Typography.Text type="secondary">按监测对象类别</Typography.Text>
                <Chart label="按监测对象类别" option={charts.category!} onClick={(e) => open(e.seriesIndex === 0 ? 'open' : 'eliminated', m.byCategory[e.dataIndex]?.category)} height={200} />
                <Typography.Text type="secondary">未消除风险户的致贫返贫风险</Typography.Text>
                <Chart label="按风险" option={charts.risk!} onClick={(e) => open('risk', m.byRisk.filter((r) => r.households > 0)[e.dataIndex]?.risk)} height={200} />
                <Typography.Text type="secondary">每月纳入监测和风险消除（户次）</Typography.Text>
                <Chart label="每月纳入和消除" option={charts.months!} onClick={(e) => open(e.seriesIndex === 0 ? 'identifiedMonth' : 'eliminatedMonth', m.months[e.dataIndex]?.month)} height={200} />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12} xxl={8}>
          <Card size="small" title="外出务工" loading={!w}>
            {w && (
              <>
                <div className="stats-figures">
                  <Figure title="外出务工" value={w.persons} suffix="人" hint={`${w.households} 户，点击查看名单`} onOpen={() => open('workAway')} />
                  <Figure title="人均月收入" value={w.averageMonthlyIncomeFen === null ? '—' : fenToYuanInt(w.averageMonthlyIncomeFen)} suffix={w.averageMonthlyIncomeFen === null ? '' : '元'} hint={`${w.withIncome} 人填了务工月收入，点击查看名单`} onOpen={() => open('workAway')} />
                </div>
                <Typography.Text type="secondary">按务工所在省（人）</Typography.Text>
                {w.persons > 0 ? (
                  <>
                    <Chart label="按务工所在省" option={charts.province!} onClick={(e) => open('workProvince', w.byProvince[e.dataIndex]?.province)} height={200} />
                    <Typography.Text type="secondary">按就业渠道（人）</Typography.Text>
                    <Chart label="按就业渠道" option={charts.channel!} onClick={(e) => open('workChannel', w.byChannel[e.dataIndex]?.channel)} height={200} />
                  </>
                ) : (
                  <Alert type="info" showIcon message="台账中没有登记外出务工的人（家庭成员的「务工状况」「务工所在地」）。" style={{ marginTop: 8 }} />
                )}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12} xxl={8}>
          <Card size="small" title={`${year}年衔接资金项目`} loading={!p}>
            {p && (
              <>
                <div className="stats-figures">
                  <Figure title="项目" value={p.projects} suffix="个" onOpen={() => openProjects({})} />
                  <Figure title="计划资金" value={fenToWan(p.plannedFen)} suffix="万元" onOpen={() => openProjects({})} />
                  <Figure title="已拨付" value={fenToWan(p.paidFen)} suffix="万元" onOpen={() => openProjects({})} />
                  <Figure title="拨付率" value={p.paidRate === null ? '—' : p.paidRate.toFixed(1)} suffix={p.paidRate === null ? '' : '%'} onOpen={() => openProjects({})} />
                  <Figure title="滞后" value={p.lagging} suffix="个" onOpen={() => openProjects({ lagging: true })} />
                </div>
                <Typography.Text type="secondary">计划资金按来源（万元）</Typography.Text>
                <Chart label="按资金来源" option={charts.source!} onClick={(e) => openProjects({ source: p.bySource[e.dataIndex]?.source })} height={200} />
                <Typography.Text type="secondary">按项目状态（个）</Typography.Text>
                <Chart label="按项目状态" option={charts.status!} onClick={(e) => openProjects({ status: p.byStatus[e.dataIndex]?.status })} height={180} />
                <Typography.Text type="secondary">各村计划资金和已拨付（万元）</Typography.Text>
                <Chart label="各村项目资金" option={charts.projectVillage!} onClick={(e) => openProjects({ villageId: p.byVillage[e.dataIndex]?.villageId ?? undefined })} height={200} />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12} xxl={8}>
          <Card size="small" title="帮扶责任人和走访" loading={!hs}>
            {hs && (
              <>
                <div className="stats-figures">
                  <Figure title="帮扶责任人" value={hs.helpers} suffix="人" hint="点击打开帮扶力量" onOpen={() => navigate('#/helpers')} />
                  <Figure title="结对户" value={hs.pairedHouseholds} suffix="户" onOpen={() => open('paired')} />
                  <Figure title="近30天走访覆盖" value={hs.coverage30 === null ? '—' : hs.coverage30.toFixed(1)} suffix="%" hint="点击查看近30天未走访的结对户" onOpen={() => open('notVisited', '30')} />
                  <Figure title="近90天走访覆盖" value={hs.coverage90 === null ? '—' : hs.coverage90.toFixed(1)} suffix="%" hint="点击查看近90天未走访的结对户" onOpen={() => open('notVisited', '90')} />
                </div>
                <Typography.Text type="secondary">结对户数最多的帮扶责任人</Typography.Text>
                <Chart label="每名帮扶责任人的结对户数" option={charts.helpers!} onClick={(e) => open('helper', String([...hs.rows].sort((a, b) => b.households - a.households)[e.dataIndex]?.helperId))} height={200} />
                <Typography.Text type="secondary">结对户走访覆盖（户）</Typography.Text>
                <Chart label="走访覆盖" option={charts.coverage!} onClick={(e) => open(e.seriesIndex === 0 ? 'visited' : 'notVisited', e.dataIndex === 0 ? '30' : '90')} height={180} />
              </>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`村级统计（截至 ${asOf}）`} style={{ marginTop: 12 }} extra={<Typography.Text type="secondary">点击数字查看名单</Typography.Text>}>
        <VillageTable rows={villages.data ? [...villages.data.villages, villages.data.total] : undefined} asOf={asOf} year={year} />
      </Card>
    </div>
  )
}

const fenToYuanInt = (fen: number) => String(Math.round(fen / 100))

function ReportButtons({ asOf, year }: { asOf: string; year: string }) {
  const kinds: ReportKind[] = ['villages', 'monitoring', 'funds', 'visits']
  return (
    <Space wrap>
      {kinds.map((k) => (
        <Space.Compact key={k}>
          <Button onClick={() => navigate(statsPrintHash(k, asOf, year))}>{`打印${REPORT_TITLES[k]}`}</Button>
          <XlsxButton label="导出" make={() => call('stats.reportXlsx', { kind: k, asOf, year })} />
        </Space.Compact>
      ))}
    </Space>
  )
}

function VillageTable({ rows, asOf, year }: { rows: VillageStatsRow[] | undefined; asOf: string; year: string }) {
  const link = (n: number, figure: StatsFigure, r: VillageStatsRow, value?: string) =>
    n === 0 ? (
      0
    ) : (
      <a
        onClick={(e) => {
          e.preventDefault()
          navigate(statsListHash({ asOf, figure, value, villageId: r.villageId ?? undefined }))
        }}
        href="#"
      >
        {n}
      </a>
    )
  // Each pair at least as wide as its title on one line (14 px a character, the cells' padding).
  const pair = (title: string, get: (r: VillageStatsRow) => HP, figure: StatsFigure, value?: string) => {
    const width = Math.max(56, Math.ceil((title.length * 14 + 20) / 2))
    return {
      title,
      children: [
        { title: '户', key: `${title}-h`, align: 'right' as const, width, render: (_: unknown, r: VillageStatsRow) => link(get(r).households, figure, r, value) },
        { title: '人', key: `${title}-p`, align: 'right' as const, width, render: (_: unknown, r: VillageStatsRow) => get(r).persons },
      ],
    }
  }
  const columns: ColumnsType<VillageStatsRow> = [
    { title: '行政村', dataIndex: 'village', fixed: 'left', width: 90 },
    { title: '总户数', key: 'h', align: 'right', width: 64, render: (_, r) => link(r.households, 'all', r) },
    { title: '总人数', dataIndex: 'persons', align: 'right', width: 64 },
    pair('脱贫户', (r) => r.tuopin, 'type', '脱贫户'),
    pair('监测对象', (r) => r.monitored, 'monitored'),
    ...MONITORING_CATEGORIES.map((c) => pair(c, (r) => r.monitoredByCategory[c] ?? { households: 0, persons: 0 }, 'monitored', c)),
    pair('未消除风险', (r) => r.open, 'open'),
    pair('非兜底未消除风险', (r) => r.openNotDoudi, 'openNotDoudi'),
    {
      title: '三保障和饮水短板（户）',
      children: GAP_KEYS.map((k) => ({ title: GAP_LABELS[k], key: k, align: 'right' as const, width: 84, render: (_: unknown, r: VillageStatsRow) => link(r.gaps[k], 'gap', r, k) })),
    },
    { title: '外出务工（人）', key: 'work', align: 'right', width: 112, render: (_, r) => link(r.workingAway, 'workAway', r) },
    {
      title: `${year}年项目`,
      children: [
        {
          title: '个数',
          key: 'pn',
          align: 'right',
          width: 56,
          render: (_: unknown, r: VillageStatsRow) =>
            r.projects === 0 ? 0 : <a href="#" onClick={(e) => { e.preventDefault(); navigate(projectsListHash({ year, villageId: r.villageId ?? undefined })) }}>{r.projects}</a>,
        },
        { title: '计划（万元）', key: 'pf', align: 'right', width: 112, render: (_: unknown, r: VillageStatsRow) => fenToWan(r.plannedFen) },
        { title: '已拨付（万元）', key: 'pp', align: 'right', width: 124, render: (_: unknown, r: VillageStatsRow) => fenToWan(r.paidFen) },
      ],
    },
  ]
  return (
    <Table<VillageStatsRow>
      size="small"
      bordered
      loading={!rows}
      rowKey={(r) => String(r.villageId ?? 'total')}
      rowClassName={(r) => (r.villageId === null ? 'stats-total' : '')}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  )
}
