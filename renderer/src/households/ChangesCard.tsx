/** 修改记录: who changed what on this household and its members, newest first (from the audit trail). */
import { App, Button, Card, Table, Tag } from 'antd'
import type { HouseholdChange } from '../../../shared/domain/households-rules'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'

const when = (iso: string) => {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
const show = (v: string | null) => (v === null || v === '' ? <span style={{ color: '#999' }}>（空）</span> : v)

const plain = (v: string | null) => (v === null || v === '' ? '（空）' : v)

/** Remount (key) to reload after a save; onChanged runs after an undo (the page reloads the household and this list). */
export function ChangesCard(props: { householdId: number; onChanged?: () => void }) {
  const changes = useCall('households.changes', { id: props.householdId })
  const { modal, message } = App.useApp()
  // 撤销此修改 asks first in the app's own dialog, naming the field and both values.
  const undo = (c: HouseholdChange) =>
    modal.confirm({
      title: '撤销此修改？',
      content: `将${c.subject}的「${c.fieldLabel}」从「${plain(c.newValue)}」改回「${plain(c.oldValue)}」。撤销本身也会记入修改记录。`,
      okText: '撤销此修改',
      cancelText: '不撤销',
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          await call('households.undoChange', { changeId: c.id })
          message.success(`已撤销：「${c.fieldLabel}」已改回「${plain(c.oldValue)}」`)
          if (props.onChanged) props.onChanged()
          else changes.reload()
        } catch (err) {
          message.error({ content: (err as Error).message, duration: 8 })
        }
      },
    })
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
          {
            title: '操作',
            key: 'undo',
            width: 110,
            render: (_: unknown, c) =>
              c.undoable ? (
                <Can op="households.undoChange" hide>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => undo(c)}>
                    撤销此修改
                  </Button>
                </Can>
              ) : null,
          },
        ]}
      />
    </Card>
  )
}
