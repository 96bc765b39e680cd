/** 修改记录: who changed what on this household and its members, newest first (from the audit trail). */
import { Card, Table, Tag } from 'antd'
import type { HouseholdChange } from '../../../shared/domain/households-rules'
import { useCall } from '../common/api/use-call'

const when = (iso: string) => {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
const show = (v: string | null) => (v === null || v === '' ? <span style={{ color: '#999' }}>（空）</span> : v)

/** Remount (key) to reload after a save. */
export function ChangesCard(props: { householdId: number }) {
  const changes = useCall('households.changes', { id: props.householdId })
  return (
    <Card size="small" title="修改记录" data-card="changes">
      <Table<HouseholdChange>
        rowKey="id"
        size="small"
        loading={changes.loading}
        dataSource={changes.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '暂无修改记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: when },
          { title: '操作人', dataIndex: 'actor', width: 100 },
          { title: '对象', dataIndex: 'subject', width: 130 },
          { title: '项目', dataIndex: 'fieldLabel', width: 150, render: (l: string, c) => (c.action === 'update' ? l : <Tag>{l}</Tag>) },
          { title: '原值', dataIndex: 'oldValue', render: (v: string | null, c) => (c.action === 'update' ? show(v) : v) },
          { title: '新值', dataIndex: 'newValue', render: (v: string | null, c) => (c.action === 'update' ? show(v) : v) },
        ]}
      />
    </Card>
  )
}
