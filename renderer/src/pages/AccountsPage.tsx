import { Alert, App, Button, Card, Form, Input, Select, Table, Tag } from 'antd'
import { ROLE_LABELS, ROLES, type AccountView, type Role } from '../../../shared/api/accounts'
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
