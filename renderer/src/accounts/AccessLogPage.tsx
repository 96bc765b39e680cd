/** 访问日志 for 管理员: who revealed or exported full ID numbers and phones, and failed sign-ins — filtered, exportable. */
import { Alert, App, Button, DatePicker, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { ACCESS_ACTIONS, type AccessAction, type AccessEntry, type AccessLogQuery } from '../../../shared/api/accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { FilterSelect } from '../common/FilterSelect'
import { ListShell, ListTable } from '../common/ListShell'
import { navigate } from '../router'

type Filter = Omit<AccessLogQuery, 'page' | 'pageSize'>

export function AccessLogPage() {
  const { message } = App.useApp()
  const [filter, setFilter] = useState<Filter>({})
  const [page, setPage] = useState({ page: 1, pageSize: 50 })
  const log = useCall('accounts.accessLog', { ...filter, ...page })
  const [exporting, setExporting] = useState(false)
  const update = (patch: Filter) => {
    setFilter((f) => ({ ...f, ...patch }))
    setPage((p) => ({ ...p, page: 1 }))
  }
  const exportAll = async () => {
    setExporting(true)
    try {
      const file = await call('accounts.exportAccessLog', filter)
      const saved = await window.ledger.saveFile(file.fileId, file.name)
      if (!saved.ok) message.error(saved.error.message)
    } catch (err) {
      message.error((err as Error).message)
    } finally {
      setExporting(false)
    }
  }
  return (
    <ListShell
      label="访问日志"
      toolbar={
        <>
          <Space wrap size={[8, 6]} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              访问日志
            </Typography.Title>
            <Typography.Text type="secondary">谁在何时显示或导出了完整的证件号码、电话，以及登录失败的记录。</Typography.Text>
          </Space>
          <Space wrap size={[8, 6]} style={{ marginBottom: 8 }}>
            <FilterSelect
              label="操作人"
              placeholder="全部操作人"
              width={220}
              value={filter.actor}
              onChange={(actor) => update({ actor })}
              options={log.data?.actors.map((a) => ({ value: a, label: a }))}
            />
            <FilterSelect<AccessAction>
              label="操作"
              placeholder="全部操作"
              width={150}
              value={filter.action}
              onChange={(action) => update({ action })}
              options={(Object.keys(ACCESS_ACTIONS) as AccessAction[]).map((a) => ({ value: a, label: ACCESS_ACTIONS[a] }))}
            />
            <DatePicker.RangePicker
              aria-label="日期范围"
              onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            />
            <Button loading={exporting} onClick={() => void exportAll()}>
              导出当前筛选（.xlsx）
            </Button>
            <Button type="link" onClick={() => navigate('#/accounts')}>
              返回账户与日志
            </Button>
          </Space>
          {log.error && <Alert type="error" showIcon title={log.error.message} style={{ marginBottom: 8 }} />}
        </>
      }
    >
      <ListTable<AccessEntry>
        rowKey="id"
        loading={log.loading}
        dataSource={log.data?.entries}
        locale={{ emptyText: '没有符合条件的访问记录。显示或导出完整证件号码时会记在这里。' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: '操作人', dataIndex: 'actor', width: 260 },
          { title: '操作', dataIndex: 'action', width: 130 },
          { title: '说明', dataIndex: 'detail' },
        ]}
      />
    </ListShell>
  )
}
