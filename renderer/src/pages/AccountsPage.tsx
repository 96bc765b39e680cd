import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { ROLE_LABELS, ROLES, type AccountView, type AuditEntry, type Role } from '../../../shared/api/accounts'
import { call } from '../api/client'
import { useCall } from '../api/use-call'
import { useSession } from '../components/LoginGate'

/** 账户: set up accounts on first use; an administrator adds 经办人 and 只读 accounts. */
export function AccountsPage() {
  const { message } = App.useApp()
  const session = useSession()
  const enabled = session.status?.enabled
  const accounts = useCall('accounts.list', {})
  const [setupForm] = Form.useForm()
  const [addForm] = Form.useForm()

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn()
      message.success(done)
      session.reload()
      accounts.reload()
    } catch (err) {
      message.error((err as Error).message)
    }
  }

  if (!enabled) {
    return (
      <div className="page">
        <Card title="设置账户" style={{ maxWidth: 560 }}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="目前不需要登录，所有修改记在「本机用户」名下。设置账户后，每次打开都需要登录，每项修改记录操作人，离开一段时间会自动锁定。第一个账户是管理员。"
          />
          <Form form={setupForm} layout="vertical" onFinish={(v: { username: string; displayName: string; password: string }) => void run(() => call('accounts.setup', v), '已设置管理员账户')}>
            <Form.Item name="username" label="用户名" rules={[{ required: true, min: 2, message: '至少 2 个字符' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="displayName" label="姓名（记入修改记录）" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, min: 6, message: '至少 6 个字符' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              设置管理员账户
            </Button>
          </Form>
        </Card>
      </div>
    )
  }
  return (
    <div className="page">
      <Card title="账户" size="small" style={{ marginBottom: 12 }}>
        {accounts.error && <Alert type="error" showIcon message={accounts.error.message} style={{ marginBottom: 12 }} />}
        <Table<AccountView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={accounts.data}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', dataIndex: 'role', render: (r: Role) => <Tag>{ROLE_LABELS[r]}</Tag> },
            { title: '状态', dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag>停用</Tag> : <Tag color="green">正常</Tag>) },
          ]}
        />
      </Card>
      <AuditLogCard />
      <Card title="新增账户" size="small" style={{ maxWidth: 560 }}>
        <Form
          form={addForm}
          layout="vertical"
          initialValues={{ role: 'clerk' }}
          onFinish={(v: { username: string; displayName: string; role: Role; password: string }) =>
            void run(async () => {
              await call('accounts.add', v)
              addForm.resetFields()
            }, '已新增账户')
          }
        >
          <Form.Item name="username" label="用户名" rules={[{ required: true, min: 2, message: '至少 2 个字符' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, min: 6, message: '至少 6 个字符' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            新增账户
          </Button>
        </Form>
      </Card>
    </div>
  )
}

/** 修改记录 (audit log) for administrators: who changed what, filtered by person and dates, exportable. */
function AuditLogCard() {
  const { message } = App.useApp()
  const [query, setQuery] = useState<{ actor?: string; from?: string; to?: string; page: number }>({ page: 1 })
  const log = useCall('audit.list', { ...query, pageSize: 20 })
  const exportAll = async () => {
    try {
      const file = await call('audit.export', query)
      const saved = await window.ledger.saveFile(file.fileId, file.name)
      if (!saved.ok) message.error(saved.error.message)
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <Card
      title="修改记录（审计日志）"
      size="small"
      style={{ marginBottom: 12 }}
      extra={<Button onClick={() => void exportAll()}>导出（.xlsx）</Button>}
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
        <DatePicker.RangePicker
          onChange={(r) => setQuery((q) => ({ ...q, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD'), page: 1 }))}
        />
      </Space>
      {log.error && <Alert type="error" showIcon message={log.error.message} style={{ marginBottom: 8 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.entries}
        pagination={{ current: query.page, pageSize: 20, total: log.data?.total ?? 0, onChange: (page) => setQuery((q) => ({ ...q, page })), showTotal: (t) => `共 ${t} 条` }}
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
