import { Alert, App, Button, Card, DatePicker, Select, Space, Table } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { AuditEntry, AuditQuery } from '../../../shared/api/accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'

const PAGE_SIZE = 20

/** 修改记录 (audit log) for administrators: who changed what, filtered by person, table and dates, exportable. */
export function AuditLogCard() {
  const { message } = App.useApp()
  const [query, setQuery] = useState<Omit<AuditQuery, 'pageSize'>>({ page: 1 })
  const log = useCall('accounts.audit', { ...query, pageSize: PAGE_SIZE })
  const [exporting, setExporting] = useState(false)
  const exportAll = async () => {
    setExporting(true)
    try {
      const file = await call('accounts.exportAudit', query)
      const saved = await window.ledger.saveFile(file.fileId, file.name)
      if (!saved.ok) message.error(saved.error.message)
    } catch (err) {
      message.error((err as Error).message)
    } finally {
      setExporting(false)
    }
  }
  return (
    <Card
      title="修改记录（审计日志）"
      size="small"
      style={{ marginBottom: 12 }}
      extra={
        <Button loading={exporting} onClick={() => void exportAll()}>
          导出当前筛选（.xlsx）
        </Button>
      }
    >
      <Space style={{ marginBottom: 8 }} wrap>
        <Select
          allowClear
          aria-label="操作人"
          placeholder="全部操作人"
          style={{ width: 160 }}
          value={query.actor}
          onChange={(actor?: string) => setQuery((q) => ({ ...q, actor, page: 1 }))}
          options={log.data?.actors.map((a) => ({ value: a, label: a }))}
        />
        <Select
          allowClear
          aria-label="记录类别"
          placeholder="全部记录类别"
          style={{ width: 160 }}
          value={query.table}
          onChange={(table?: string) => setQuery((q) => ({ ...q, table, page: 1 }))}
          options={log.data?.tables}
        />
        <DatePicker.RangePicker
          aria-label="日期范围"
          onChange={(r) => setQuery((q) => ({ ...q, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD'), page: 1 }))}
        />
      </Space>
      {log.error && <Alert type="error" showIcon title={log.error.message} style={{ marginBottom: 8 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.entries}
        pagination={{
          current: query.page,
          pageSize: PAGE_SIZE,
          total: log.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => setQuery((q) => ({ ...q, page })),
          showTotal: (t) => `共 ${t} 条`,
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: '操作人', dataIndex: 'actor', width: 100 },
          { title: '操作', dataIndex: 'action', width: 60 },
          { title: '记录', dataIndex: 'record', width: 130 },
          { title: '项目', dataIndex: 'field', width: 130 },
          { title: '原值', dataIndex: 'oldValue', ellipsis: true },
          { title: '新值', dataIndex: 'newValue', ellipsis: true },
        ]}
      />
    </Card>
  )
}
