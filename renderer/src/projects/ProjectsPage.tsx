/**
 * 项目台账: the township's projects with filters, budget and disbursement in 万元, 滞后 rows
 * highlighted and a totals row over every matching project (not only the page shown).
 */
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import {
  FUND_SOURCES, sourcesWithMoney, PROJECT_CATEGORIES, PROJECT_NATURES, PROJECT_STATUSES, type FundSource, type FundTotals, type ProjectListItem, type ProjectStatus,
} from '../../../shared/domain/projects'
import { Can } from '../accounts'
import { call, CallError } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { StatusTag, day, rateText, text, wan } from './project/common'
import './projects.css'
import { FilterSelect } from '../common/FilterSelect'
import { projectFilterFromHash } from '../../../shared/domain/stats'
import { ListShell, ListTable } from '../common/ListShell'
import { GuardedModal } from '../common/GuardedModal'

interface Filters {
  search: string
  year?: string
  category?: string
  villageId?: number
  status?: ProjectStatus
  source?: FundSource
  lagging?: boolean
  page: number
  pageSize: number
}

const STORAGE_KEY = 'township-ledger.project-filters'
const initialFilters = (): Filters => {
  // Opened from a figure of 统计 ('#/projects?year=…&status=…'): those filters alone.
  const fromStats = projectFilterFromHash(location.hash)
  if (fromStats) return { search: '', page: 1, pageSize: 50, ...fromStats, status: fromStats.status as ProjectStatus | undefined }
  try {
    return { search: '', page: 1, pageSize: 50, ...(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Filters>) }
  } catch {
    return { search: '', page: 1, pageSize: 50 }
  }
}

/** Column titles of the sources, short enough for a narrow column (the full name shows on hover). */
const SOURCE_SHORT: Partial<Record<FundSource, string>> = {
  中央衔接资金: '中央',
  省级衔接资金: '省级',
  市级: '市级',
  县级: '县级',
  帮扶单位资金: '帮扶',
  群众自筹: '自筹',
  投工投劳: '投劳',
  其他: '其他',
}

/** Budget columns: the total and each source that has money among the matching projects. */
function shownSources(totals: FundTotals | undefined): FundSource[] {
  return totals ? sourcesWithMoney(totals) : []
}

export function ProjectsPage() {
  const [filters, setFilters] = useState<Filters>(initialFilters)
  const [searchText, setSearchText] = useState(filters.search)
  const [creating, setCreating] = useState(false)
  useEffect(() => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(filters)), [filters])
  const villages = useCall('households.villages', {})
  const knownSources = useCall('projects.sources', {})
  const { page, pageSize, search, ...rest } = filters
  const list = useCall('projects.list', { search: search || undefined, page, pageSize, ...rest })
  const update = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }))
  const totals = list.data?.totals
  const sources = shownSources(totals)

  const columns: ColumnsType<ProjectListItem> = [
    { title: '项目编号', dataIndex: 'projectNo', width: 140, fixed: 'left', ellipsis: true },
    {
      title: '项目名称',
      dataIndex: 'name',
      width: 220,
      fixed: 'left',
      ellipsis: { showTitle: false },
      render: (v: string) => <Typography.Link title={v}>{v}</Typography.Link>,
    },
    { title: '类别', dataIndex: 'category', width: 100, ellipsis: true },
    { title: '年度', dataIndex: 'year', width: 58 },
    { title: '村', dataIndex: 'village', width: 76 },
    { title: '状态', dataIndex: 'status', width: 124, render: (v: ProjectStatus, r) => <StatusTag status={v} lagging={r.lagging} /> },
    { title: '预算（万元）', key: 'budget', width: 96, align: 'right', render: (_: unknown, r) => wan(r.totals.budgetFen) },
    { title: '已拨付（万元）', key: 'disbursed', width: 104, align: 'right', render: (_: unknown, r) => wan(r.totals.disbursedFen) },
    {
      title: '拨付率',
      key: 'rate',
      width: 72,
      align: 'right',
      render: (_: unknown, r) => <span className={r.totals.overDisbursed ? 'over-disbursed' : undefined}>{rateText(r.totals.disbursedRate)}</span>,
    },
    ...(sources.length
      ? [
          {
            title: '预算按资金来源（万元）',
            children: sources.map((s) => ({
              title: <span title={s}>{SOURCE_SHORT[s] ?? s}</span>,
              key: `source-${s}`,
              width: 56,
              align: 'right' as const,
              render: (_: unknown, r: ProjectListItem) => (r.totals.bySource[s] ? wan(r.totals.bySource[s]!) : ''),
            })),
          },
        ]
      : []),
  ]

  return (
    <ListShell
      label="项目台账"
      toolbar={
        <>
          <Space wrap size={[8, 6]} style={{ marginBottom: 8 }}>
            <Input.Search
              allowClear
              aria-label="搜索项目"
              placeholder="项目名称 / 编号 / 实施单位 / 村"
              style={{ width: 280 }}
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              onSearch={(v) => update({ search: v.trim() })}
              enterButton="搜索"
            />
            <FilterSelect
              label="年度"
              placeholder="全部年度"
              width={110}
              value={filters.year}
              onChange={(v) => update({ year: v })}
              options={list.data?.years.map((y) => ({ value: y, label: `${y} 年` }))}
            />
            <FilterSelect
              label="项目类别"
              placeholder="全部类别"
              width={140}
              value={filters.category}
              onChange={(v) => update({ category: v })}
              options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: c }))}
            />
            <FilterSelect
              label="行政村"
              placeholder="全部行政村"
              width={140}
              value={filters.villageId}
              onChange={(v) => update({ villageId: v })}
              options={villages.data?.map((v) => ({ value: v.id, label: v.name }))}
            />
            <FilterSelect
              label="状态"
              placeholder="全部状态"
              width={120}
              value={filters.status}
              onChange={(v) => update({ status: v })}
              options={PROJECT_STATUSES.map((s) => ({ value: s, label: s }))}
            />
            <FilterSelect
              label="资金来源"
              placeholder="全部资金来源"
              width={140}
              value={filters.source}
              onChange={(v) => update({ source: v })}
              options={(knownSources.data ?? FUND_SOURCES).map((s) => ({ value: s, label: s }))}
            />
            <Checkbox checked={filters.lagging ?? false} onChange={(e) => update({ lagging: e.target.checked || undefined })}>
              只看滞后
            </Checkbox>
            <Can op="projects.create">
              <Button type="primary" onClick={() => setCreating(true)}>
                新建项目
              </Button>
            </Can>
            <Can op="projects.importCommit">
              <Button onClick={() => navigate('#/projects/import')}>导入项目清单</Button>
            </Can>
          </Space>
          {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
        </>
      }
    >
      <ListTable<ProjectListItem>
        rowKey="id"
        bordered
        className="project-table"
        columns={columns}
        loading={list.loading}
        dataSource={list.data?.items}
        rowClassName={(r) => (r.lagging ? 'clickable-row project-lagging' : 'clickable-row')}
        onRow={(record) => ({ onClick: () => navigate(`#/projects/${record.id}`) })}
        locale={{ emptyText: filters.search ? `没有找到与「${filters.search}」相符的项目` : '没有符合条件的项目。可点击「新建项目」或「导入项目清单」。' }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 个项目`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        summary={() =>
          totals && list.data && list.data.total > 0 ? (
            <Table.Summary fixed>
              <Table.Summary.Row className="project-totals">
                <Table.Summary.Cell index={0} colSpan={6}>
                  合计（{list.data.total} 个项目）
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {wan(totals.budgetFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {wan(totals.disbursedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={8} align="right">
                  <span className={totals.overDisbursed ? 'over-disbursed' : undefined}>{rateText(totals.disbursedRate)}</span>
                </Table.Summary.Cell>
                {sources.map((s, i) => (
                  <Table.Summary.Cell key={s} index={9 + i} align="right">
                    {wan(totals.bySource[s] ?? 0)}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      {creating && <NewProjectModal onClose={() => setCreating(false)} />}
    </ListShell>
  )
}

/** 新建项目: the main fields; the rest is filled in on the project page. */
function NewProjectModal({ onClose }: { onClose(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const villages = useCall('households.villages', {})
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>
    setSaving(true)
    setError(null)
    try {
      const { id } = await call('projects.create', {
        projectName: String(v.projectName).trim(),
        projectNo: text(v.projectNo),
        year: text(v.year),
        category: text(v.category),
        nature: text(v.nature),
        villageId: (v.villageId as number | undefined) ?? null,
        implementer: text(v.implementer),
        plannedStart: day(v.plannedStart as Dayjs | undefined),
        plannedEnd: day(v.plannedEnd as Dayjs | undefined),
      })
      message.success('已新建项目')
      onClose()
      navigate(`#/projects/${id}`)
    } catch (err) {
      const e = err instanceof CallError ? err : new CallError('internal', String(err))
      setError(e.message)
      if (e.field && form.getFieldInstance(e.field) !== undefined) form.setFields([{ name: e.field, errors: [e.message] }])
    } finally {
      setSaving(false)
    }
  }
  return (
    <GuardedModal form={form} open title="新建项目" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} name="new-project" layout="vertical" className="project-form-grid" initialValues={{ year: String(dayjs().year()) }}>
        <Form.Item name="projectName" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]} className="span-2">
          <Input aria-label="项目名称" />
        </Form.Item>
        <Form.Item name="projectNo" label="项目编号">
          <Input aria-label="项目编号" />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ pattern: /^\d{4}$/, message: '四位年份，如 2024' }]}>
          <Input aria-label="年度" />
        </Form.Item>
        <Form.Item name="category" label="项目类别">
          <Select aria-label="项目类别" allowClear options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="nature" label="建设性质">
          <Select aria-label="建设性质" allowClear options={PROJECT_NATURES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="villageId" label="实施地点（行政村）">
          <Select aria-label="实施地点（行政村）" allowClear showSearch optionFilterProp="label" options={villages.data?.map((v) => ({ value: v.id, label: v.name }))} />
        </Form.Item>
        <Form.Item name="implementer" label="实施单位">
          <Input aria-label="实施单位" />
        </Form.Item>
        <Form.Item name="plannedStart" label="计划开工">
          <DatePicker aria-label="计划开工" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="plannedEnd" label="计划完工">
          <DatePicker aria-label="计划完工" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </GuardedModal>
  )
}
