/** The problems past or near their deadline, as other pages show them (监测预警): a card of their own, each row opening its problem. */
import { Card, Table, Typography } from 'antd'
import type { ProblemRow } from '../../../shared/api/rectification'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { DeadlineTag, StatusTag } from './DeadlineTag'

/** 逾期 then 临期 (within 7 days) as of `today`; `count` is how many, for a badge. */
export function useProblemReminders(today: string) {
  const { data, loading, reload } = useCall('rectification.reminders', { today })
  const items = data ? [...data.overdue, ...data.near] : []
  return { items, overdue: data?.overdue.length ?? 0, near: data?.near.length ?? 0, count: items.length, loading, reload }
}

/** 整改问题到期提醒: shown only when a problem is overdue or due within 7 days. */
export function ProblemRemindersCard({ today }: { today: string }) {
  const { items, overdue, near, loading } = useProblemReminders(today)
  if (items.length === 0) return null
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-card="rectification-reminders"
      title={`整改问题到期提醒：已逾期 ${overdue} 个，7 天内到期 ${near} 个`}
      extra={<Typography.Link onClick={() => navigate('#/rectification')}>打开问题整改台账</Typography.Link>}
    >
      <Table<ProblemRow>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(p) => ({ onClick: () => navigate(`#/rectification/${p.id}`) })}
        rowClassName={() => 'clickable-row'}
        columns={[
          { title: '来源', dataIndex: 'source', width: 90 },
          { title: '问题描述', dataIndex: 'description', ellipsis: true },
          { title: '涉及范围', dataIndex: 'scopeLabel', width: 200, ellipsis: true },
          { title: '责任单位 / 责任人', key: 'who', width: 160, render: (_: unknown, p) => [p.unit, p.person].filter(Boolean).join(' / ') },
          { title: '整改时限', dataIndex: 'deadline', width: 250, render: (v: string, p) => <span style={{ whiteSpace: 'nowrap' }}>{v} <DeadlineTag p={p} /></span> },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: ProblemRow['status']) => <StatusTag status={s} /> },
        ]}
      />
    </Card>
  )
}
