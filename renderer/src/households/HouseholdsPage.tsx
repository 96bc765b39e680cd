import { Alert, App, Button, Checkbox, DatePicker, Input, Popconfirm, Result, Space, Tag } from 'antd'
import dayjs from 'dayjs'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useState } from 'react'
import type { AppInfo } from '../../../shared/api/app'
import { EXIT_STATUSES, HOUSEHOLD_TYPES, MONITORING_CATEGORIES, POVERTY_CAUSES, type ExitStatus } from '../../../shared/domain/enums'
import type { HouseholdListItem } from '../../../shared/domain/households'
import { MONITORING_RISKS } from '../../../shared/domain/households-status'
import { MEASURE_KINDS, type MeasureKind } from '../../../shared/domain/monitoring-measures'
import { Can } from '../accounts'
import { call, type CallError } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { DemoWelcome } from '../demo'
import { ExportRosterButton } from './ExportRosterButton'
import { PairSelectedDialog } from './PairSelectedDialog'
import { HOUSEHOLD_LIST_KEY } from './NextHouseholdButton'
import { navigate } from '../router'
import { FilterSelect } from '../common/FilterSelect'
import { statsSelectorFromHash, type StatsSelector } from '../../../shared/domain/stats'
import { StatsSelectorTag } from '../stats'
import { ListShell, ListTable } from '../common/ListShell'

interface Filters {
  search: string
  villageId?: number
  groupId?: number
  exitStatus?: ExitStatus
  householdType?: string
  mainCause?: string
  monitoringCategory?: string
  helperId?: number
  guaranteeGap?: boolean
  monitoredIn?: string
  monitoringRisk?: (typeof MONITORING_RISKS)[number]
  identifiedMonth?: string
  monitoringState?: 'open' | 'eliminated'
  measureKind?: MeasureKind
  /** The households behind a figure of 统计 ('#/households?figure=…'). */
  stats?: StatsSelector
  page: number
  pageSize: number
}

/** Filters that pick one value of an enumeration. */
const ENUM_FILTERS: { key: 'householdType' | 'mainCause' | 'monitoringCategory'; label: string; placeholder: string; width: number; values: readonly string[] }[] = [
  { key: 'householdType', label: '户类型', placeholder: '全部户类型', width: 130, values: HOUSEHOLD_TYPES },
  { key: 'mainCause', label: '主要致贫原因', placeholder: '全部致贫原因', width: 140, values: POVERTY_CAUSES },
  { key: 'monitoringCategory', label: '监测对象类别', placeholder: '全部监测类别', width: 150, values: MONITORING_CATEGORIES },
]



/** 防返贫监测 began in 2021: the years one can ask "who was monitored" about. */
const MONITORING_YEARS = Array.from({ length: new Date().getFullYear() - 2020 }, (_, i) => String(new Date().getFullYear() - i))

const STORAGE_KEY = 'township-ledger.household-filters'
const initialFilters = (): Filters => {
  // Opened from a figure of 统计: exactly the households it counted, no other filter.
  const stats = statsSelectorFromHash(location.hash)
  if (stats) return { search: '', page: 1, pageSize: 50, stats }
  try {
    return { search: '', page: 1, pageSize: 50, ...(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Filters>) }
  } catch {
    return { search: '', page: 1, pageSize: 50 }
  }
}

const EXIT_COLORS: Record<string, string> = { 未脱贫: 'red', 返贫: 'volcano', '已脱贫(享受政策)': 'green', '已脱贫(不再享受政策)': 'default' }

const columns: ColumnsType<HouseholdListItem> = [
  { title: '户编号', dataIndex: 'householdNo', width: 170 },
  { title: '行政村', dataIndex: 'villageName', width: 100 },
  { title: '组', dataIndex: 'groupName', width: 70 },
  {
    title: '户主',
    dataIndex: 'headName',
    width: 150,
    // A search that found a member other than the 户主 says whom it found.
    render: (v: string | null, r) =>
      r.matchedMembers?.length ? (
        <span>
          {v}
          <span className="matched-member">{`（匹配：${r.matchedMembers.map((m) => `${m.name}${m.relation ? `，${m.relation}` : ''}`).join('；')}）`}</span>
        </span>
      ) : (
        v
      ),
  },
  { title: '户主证件号码', dataIndex: 'headIdNumber', width: 190, render: (v: string | null) => v ?? '' }, // masked by the core
  { title: '人数', dataIndex: 'memberCount', width: 60, align: 'right' },
  { title: '户类型', dataIndex: 'householdType', width: 90 },
  { title: '脱贫状态', dataIndex: 'exitStatus', width: 150, render: (v: string | null) => v && <Tag color={EXIT_COLORS[v]}>{v}</Tag> },
  { title: '主要致贫原因', dataIndex: 'mainCause', width: 110 },
]

export function HouseholdsPage(props: { info: AppInfo | undefined; infoError: CallError | undefined; onDataChanged(): void }) {
  const { info, infoError, onDataChanged } = props
  if (infoError) return <Result status="error" title="无法读取台账" subTitle={infoError.message} />
  if (!info) return null
  if (info.householdCount === 0) return <DemoWelcome onLoaded={onDataChanged} ledgerProblem={info.ledgerProblem !== null} />
  return <HouseholdList info={info} onDataChanged={onDataChanged} />
}

function HouseholdList({ info, onDataChanged }: { info: AppInfo; onDataChanged(): void }) {
  const { message } = App.useApp()
  const [filters, setFilters] = useState<Filters>(initialFilters)
  const [searchText, setSearchText] = useState(filters.search)
  useEffect(() => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(filters)), [filters])
  const villages = useCall('households.villages', {})
  const helpers = useCall('assistance.helpers', {})
  const { page, pageSize, search, ...rest } = filters
  const list = useCall('households.list', { search: search || undefined, page, pageSize, ...rest })
  const [cursor, setCursor] = useState(0)
  /** Rows ticked for batch work (户卡, export); kept across pages of the list. */
  const [selected, setSelected] = useState<number[]>([])
  const [pairing, setPairing] = useState(false)
  const items = list.data?.items
  useEffect(() => {
    setCursor(0)
    if (items) sessionStorage.setItem(HOUSEHOLD_LIST_KEY, JSON.stringify(items.map((i) => i.id)))
  }, [items])
  // ↑/↓ move through the results, Enter opens the highlighted household.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!items?.length || (e.target instanceof HTMLElement && e.target.closest('.ant-select, .ant-picker, .ant-modal'))) return
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        // From the search box the arrows go to the results: the focus leaves the box, so the next
        // Enter opens the highlighted household instead of searching again.
        if (e.target instanceof HTMLInputElement) e.target.blur()
        setCursor((c) => Math.max(0, Math.min(items.length - 1, c + (e.key === 'ArrowDown' ? 1 : -1))))
      } else if (e.key === 'Enter' && !(e.target instanceof HTMLInputElement)) {
        const item = items[cursor]
        if (item) navigate(`#/households/${item.id}`)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [items, cursor])
  const groups = villages.data?.find((v) => v.id === filters.villageId)?.groups ?? []
  const update = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }))

  const removeDemo = async () => {
    try {
      const r = await call('demo.remove', {})
      message.success(`已移除示例数据（${r.households} 户）`)
      sessionStorage.removeItem(STORAGE_KEY)
      // The list, its villages and helpers are read again at once: no demo household stays on screen.
      setFilters({ search: '', page: 1, pageSize: filters.pageSize })
      setSearchText('')
      list.reload()
      villages.reload()
      helpers.reload()
      onDataChanged()
    } catch (err) {
      message.error((err as Error).message)
    }
  }

  return (
    <ListShell
      label="户台账"
      toolbar={
        <>
          {info.hasDemo && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message="台账中有示例数据：「示例县示例镇」的村、户、人均为虚构，仅供熟悉功能。"
              action={
                <Can op="demo.remove" hide>
                  <Popconfirm title="移除全部示例数据？" description="只删除标注为示例的村、户和人，不影响其他数据。" okText="移除" cancelText="取消" onConfirm={removeDemo}>
                    <Button size="small" danger>
                      移除示例数据
                    </Button>
                  </Popconfirm>
                </Can>
              }
            />
          )}
          {filters.stats && (
            <div style={{ marginBottom: 8 }}>
              <StatsSelectorTag
                selector={filters.stats}
                villageName={villages.data?.find((v) => v.id === filters.stats?.villageId)?.name}
                onClose={() => update({ stats: undefined })}
              />
            </div>
          )}
          <Space wrap size={[8, 6]} style={{ marginBottom: 8 }}>
            <Input.Search
              allowClear
              autoFocus
              aria-label="搜索"
              placeholder="姓名 / 拼音首字母 / 身份证号或后几位 / 户编号 / 电话"
              style={{ width: 330 }}
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              onSearch={(v) => update({ search: v.trim() })}
              enterButton="搜索"
            />
            <FilterSelect
              label="行政村"
              placeholder="全部行政村"
              width={200}
              value={filters.villageId}
              onChange={(v) => update({ villageId: v, groupId: undefined })}
              options={villages.data?.map((v) => ({ value: v.id, label: `${v.name}（${v.householdCount} 户）` }))}
            />
            <FilterSelect
              label="组"
              placeholder="全部组"
              width={110}
              disabled={!filters.villageId}
              value={filters.groupId}
              onChange={(v) => update({ groupId: v })}
              options={groups.map((g) => ({ value: g.id, label: g.name }))}
            />
            {ENUM_FILTERS.map(({ key, label, placeholder, width, values }) => (
              <FilterSelect
                key={key}
                label={label}
                placeholder={placeholder}
                width={width}
                value={filters[key]}
                onChange={(v) => update({ [key]: v })}
                options={values.map((s) => ({ value: s, label: s }))}
              />
            ))}
            {selected.length ? (
              <Button type="primary" onClick={() => navigate(`#/print/cards/${selected.join(',')}`)}>
                {`打印所选 ${selected.length} 户户卡`}
              </Button>
            ) : (
              <Button onClick={() => navigate('#/print/cards/filter')}>打印户卡</Button>
            )}
            <ExportRosterButton
              filter={{ search: search || undefined, ...rest }}
              filtered={Boolean(search) || Object.values(rest).some((v) => v !== undefined)}
              selectedIds={selected.length ? selected : undefined}
            />
            {selected.length > 0 && (
              <Can op="assistance.pairMany" hide>
                <Button onClick={() => setPairing(true)}>结对帮扶责任人</Button>
              </Can>
            )}
            {pairing && (
              <PairSelectedDialog
                householdIds={selected}
                helpers={helpers.data ?? []}
                onClose={(done) => {
                  setPairing(false)
                  if (done) {
                    list.reload()
                    helpers.reload()
                  }
                }}
              />
            )}
            {selected.length > 0 && (
              <Button type="link" onClick={() => setSelected([])}>
                取消选择
              </Button>
            )}
            <FilterSelect
              searchable
              label="帮扶责任人"
              placeholder="全部帮扶责任人"
              width={170}
              value={filters.helperId}
              onChange={(v) => update({ helperId: v })}
              options={helpers.data?.map((h) => ({ value: h.id, label: `${h.name}（${h.unitName ?? ''}）` }))}
            />
            <FilterSelect
              label="监测年度"
              placeholder="曾被监测的年度"
              width={150}
              value={filters.monitoredIn}
              onChange={(v) => update({ monitoredIn: v })}
              options={MONITORING_YEARS.map((y) => ({ value: y, label: `${y} 年曾被监测` }))}
            />
            <FilterSelect
              label="监测状态"
              placeholder="全部监测状态"
              width={130}
              value={filters.monitoringState}
              onChange={(v) => update({ monitoringState: v })}
              options={[{ value: 'open', label: '监测中' }, { value: 'eliminated', label: '已消除风险' }]}
            />
            <FilterSelect
              label="监测风险"
              placeholder="全部监测风险"
              width={140}
              value={filters.monitoringRisk}
              onChange={(v) => update({ monitoringRisk: v })}
              options={MONITORING_RISKS.map((r) => ({ value: r, label: r }))}
            />
            <DatePicker
              picker="month"
              aria-label="纳入监测月份"
              placeholder="纳入监测月份"
              style={{ width: 140 }}
              value={filters.identifiedMonth ? dayjs(`${filters.identifiedMonth}-01`) : null}
              onChange={(d) => update({ identifiedMonth: d ? d.format('YYYY-MM') : undefined })}
            />
            <FilterSelect
              label="帮扶措施类别"
              placeholder="全部帮扶措施"
              width={150}
              value={filters.measureKind}
              onChange={(v) => update({ measureKind: v })}
              options={MEASURE_KINDS.map((k) => ({ value: k, label: k }))}
            />
            <Checkbox checked={filters.guaranteeGap ?? false} onChange={(e) => update({ guaranteeGap: e.target.checked || undefined })}>
              三保障有短板
            </Checkbox>
            <FilterSelect
              label="脱贫状态"
              placeholder="全部脱贫状态"
              width={200}
              value={filters.exitStatus}
              onChange={(v) => update({ exitStatus: v })}
              options={EXIT_STATUSES.map((s) => ({ value: s, label: s }))}
            />
          </Space>
          {list.error && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 8 }} />}
        </>
      }
    >
      <ListTable<HouseholdListItem>
        rowKey="id"
        columns={columns}
        loading={list.loading}
        dataSource={list.data?.items}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          columnWidth: 36,
          onChange: (keys) => setSelected(keys.map(Number)),
        }}
        rowClassName={(_, i) => (i === cursor ? 'clickable-row row-cursor' : 'clickable-row')}
        onRow={(record) => ({
          onClick: (e) => {
            // Ticking a row's box selects it for batch work; it does not open the household.
            if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return
            navigate(`#/households/${record.id}`)
          },
        })}
        locale={{ emptyText: filters.search ? `没有找到与「${filters.search}」相符的户` : '没有符合条件的户' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 户`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
      />
    </ListShell>
  )
}
