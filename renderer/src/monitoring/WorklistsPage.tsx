/**
 * 监测预警: the worklists with their counts, as of a date (today by default), each item opening its
 * household at the 监测 card; above them the 整改问题 overdue or due within 7 days, each opening its problem.
 * The menu item carries the number of households on any list plus those problems.
 */
import { Alert, Badge, Button, DatePicker, Empty, Space, Table, Tabs, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import type { Worklist, WorklistItem } from '../../../shared/domain/monitoring-worklists'
import { formatYuan } from '../../../shared/domain/money'
import { Can } from '../accounts'
import { useCall } from '../common/api/use-call'
import { ProblemRemindersCard, useProblemReminders } from '../rectification'
import { navigate } from '../router'
import { MONITORING_CHANGED } from './monitoring-events'

const today = () => dayjs().format('YYYY-MM-DD')

export function WorklistsPage(props: { asOf?: string }) {
  const asOf = props.asOf ?? today()
  const [active, setActive] = useState<string>()
  const { data, error, loading } = useCall('monitoring.worklists', { asOf })
  const s = data?.settings
  const first = data?.lists.find((l) => l.count > 0)?.key ?? data?.lists[0]?.key
  return (
    <div className="page" data-page="worklists">
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>监测预警</Typography.Title>
        <span>截至</span>
        <DatePicker
          aria-label="截至日期"
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => d && navigate(`#/monitoring-worklists/${d.format('YYYY-MM-DD')}`)}
        />
        {data && <Typography.Text>{`共 ${data.households} 户需要处理`}</Typography.Text>}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {s
          ? `按 ${s.year} 年监测设置：监测线 ${formatYuan(s.lineFen)}/人/年，纳入后 ${s.reminderDaysWithoutMeasure} 天无措施提醒，纳入满 ${s.minMonthsBeforeElimination} 个月可评估消除，程序每步时限 ${s.stepDeadlineDays ?? '未填写'} 天，识别程序时限 ${s.identificationDeadlineDays ?? '未填写'} 天，务工结束 ${s.workGapDays ?? '未填写'} 天提醒，公益岗位聘用期满前 ${s.postEndDays ?? 30} 天提醒。点一户打开它的监测记录（小额信贷打开那笔贷款）。`
          : data && `还没有填写 ${data.year} 年的监测设置，多数提醒暂不能计算。`}
        {data && (
          <Can op="monitoring.saveSettings" hide>
            <Button type="link" size="small" onClick={() => navigate('#/monitoring-settings')}>
              修改监测设置
            </Button>
          </Can>
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error.message} />}
      {/* Problems are not all per household: their own card, each opening its problem. */}
      <ProblemRemindersCard today={asOf} />
      {data && (
        // Eleven lists do not fit in a row at 1366 px: listed down the left, every count in sight.
        <Tabs
          tabPosition="left"
          activeKey={active ?? first}
          onChange={setActive}
          items={data.lists.map((l) => ({
            key: l.key,
            label: (
              <span data-worklist={l.key}>
                {l.label}
                <Badge count={l.unavailable ? '—' : l.count} showZero color={l.count > 0 ? '#cf1322' : '#bfbfbf'} style={{ marginLeft: 6 }} />
              </span>
            ),
            children: <WorklistTable list={l} loading={loading} />,
          }))}
        />
      )}
    </div>
  )
}

function WorklistTable({ list, loading }: { list: Worklist; loading: boolean }) {
  return (
    <div data-list={list.key}>
      <Typography.Paragraph type="secondary">{list.hint}</Typography.Paragraph>
      {list.unavailable ? (
        <Alert type="warning" showIcon message={list.unavailable} />
      ) : (
        <Table<WorklistItem>
          rowKey={(i) => `${i.householdId}-${i.detail}`}
          size="small"
          loading={loading}
          dataSource={list.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需要处理的户" /> }}
          onRow={(i) => ({ onClick: () => navigate(i.loanId ? `#/credit/${i.loanId}` : `#/households/${i.householdId}/monitoring`) })}
          rowClassName={() => 'clickable-row'}
          columns={[
            { title: '行政村', dataIndex: 'village', width: 110 },
            { title: '户编号', dataIndex: 'householdNo', width: 170, render: (v: string | null) => v ?? '—' },
            { title: '户主', dataIndex: 'headName', width: 100, render: (v: string | null) => v ?? '（无户主）' },
            { title: '情况', dataIndex: 'detail' },
            { title: '天数', dataIndex: 'days', width: 70, align: 'right', render: (v: number | null) => (v === null ? '' : v) },
          ]}
        />
      )}
    </div>
  )
}

/** The menu item's label: 监测预警 with the number of households on any list, refreshed as the clerk moves around. */
export function WorklistsMenuLabel({ refresh }: { refresh: string }) {
  const { data, reload } = useCall('monitoring.worklists', {})
  // Problems overdue or due within 7 days count too (each once, beside the households).
  const problems = useProblemReminders(today())
  const reloadProblems = problems.reload
  const shown = useRef(refresh)
  useEffect(() => {
    if (shown.current === refresh) return
    shown.current = refresh
    reload()
    reloadProblems()
  }, [refresh, reload, reloadProblems])
  useEffect(() => {
    window.addEventListener(MONITORING_CHANGED, reload)
    return () => window.removeEventListener(MONITORING_CHANGED, reload)
  }, [reload])
  return (
    <span data-menu="worklists">
      监测预警
      {data && data.households + problems.count > 0 && (
        <Badge count={data.households + problems.count} overflowCount={999} size="small" style={{ marginLeft: 6, boxShadow: 'none' }} />
      )}
    </span>
  )
}
