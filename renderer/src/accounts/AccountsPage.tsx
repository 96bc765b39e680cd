import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { IDLE_MINUTES_MAX, ROLE_LABELS, ROLES, type AccountView, type Role } from '../../../shared/api/accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { useSession } from './LoginGate'
import { AuditLogCard } from './AuditLogCard'
import { ChangePasswordButton } from './ChangePasswordButton'
import { FailedLoginsCard } from './FailedLoginsCard'
import { newPasswordRules, PASSWORD_HINT } from './password-rules'
import { GuardedModal } from '../common/GuardedModal'
import { navigate } from '../router'

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

/**
 * 账户与日志. Without accounts: 「设置账户」 makes the first administrator. For an
 * administrator: the accounts, the idle lock, turning accounts off, and the audit log.
 * Others only change their own password here; the core refuses them the rest anyway.
 */
export function AccountsPage() {
  const session = useSession()
  const status = session.status
  if (!status?.enabled) return <SetupCard onDone={session.reload} />
  if (status.current?.role !== 'admin') {
    return (
      <div className="page">
        <Card title="我的账户" size="small" style={{ maxWidth: 560 }}>
          <Typography.Paragraph>
            {status.current?.displayName}（{status.current ? ROLE_LABELS[status.current.role] : ''}）。账户和修改记录由管理员管理。
          </Typography.Paragraph>
          <ChangePasswordButton />
        </Card>
      </div>
    )
  }
  return (
    <div className="page">
      <AccessLogLink />
      <AccountsCard currentId={status.current.id} />
      <FailedLoginsCard />
      <AuditLogCard />
      <SettingsCard idleMinutes={status.idleMinutes} onChanged={session.reload} />
    </div>
  )
}

/** The access log has a screen of its own (a list page). */
function AccessLogLink() {
  return (
    <Space style={{ marginBottom: 12 }}>
      <Button onClick={() => navigate('#/access-log')}>访问日志（显示、导出完整证件号码的记录）</Button>
    </Space>
  )
}

function SetupCard({ onDone }: { onDone(): void }) {
  const { message } = App.useApp()
  const submit = async (v: { username: string; displayName: string; password: string }) => {
    try {
      await call('accounts.setup', v)
      message.success('已设置管理员账户，现在以管理员身份登录')
      onDone()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <div className="page">
      <AccessLogLink />
      <Card title="设置账户" style={{ maxWidth: 560 }}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="目前不需要登录，所有修改记在「本机用户」名下。设置账户后，每次打开都需要登录，每项修改记录操作人，离开一段时间会自动锁定。第一个账户是管理员。"
        />
        <Form layout="vertical" onFinish={(v: { username: string; displayName: string; password: string }) => void submit(v)}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, min: 2, message: '至少 2 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名（记入修改记录）" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label="密码" dependencies={['username']} rules={newPasswordRules({ field: 'username' })} extra={PASSWORD_HINT}>
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

function AccountsCard({ currentId }: { currentId: number }) {
  const { message } = App.useApp()
  const accounts = useCall('accounts.list', {})
  const [addForm] = Form.useForm()
  const [resetFor, setResetFor] = useState<AccountView | null>(null)

  const run = async (fn: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await fn()
      message.success(done)
      accounts.reload()
      return true
    } catch (err) {
      message.error((err as Error).message)
      return false
    }
  }

  return (
    <Card title="账户" size="small" style={{ marginBottom: 12 }}>
      {accounts.error && <Alert type="error" showIcon title={accounts.error.message} style={{ marginBottom: 12 }} />}
      <Table<AccountView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={accounts.data}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (r: Role, a) =>
              a.id === currentId ? (
                <Tag>{ROLE_LABELS[r]}（当前登录）</Tag>
              ) : (
                <Select
                  size="small"
                  aria-label={`${a.username} 的角色`}
                  style={{ width: 100 }}
                  value={r}
                  options={roleOptions}
                  onChange={(role: Role) => void run(() => call('accounts.update', { id: a.id, role }), `已把「${a.displayName}」改为${ROLE_LABELS[role]}`)}
                />
              ),
          },
          { title: '状态', dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, a) => (
              <Space size="small">
                <Button size="small" onClick={() => setResetFor(a)}>
                  重设密码
                </Button>
                {a.id !== currentId && (
                  <Button
                    size="small"
                    danger={!a.disabled}
                    onClick={() =>
                      void run(() => call('accounts.update', { id: a.id, disabled: !a.disabled }), a.disabled ? `已启用「${a.displayName}」` : `已停用「${a.displayName}」`)
                    }
                  >
                    {a.disabled ? '启用' : '停用'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        新增账户
      </Typography.Title>
      <Form
        form={addForm}
        layout="inline"
        initialValues={{ role: 'clerk' }}
        onFinish={(v: { username: string; displayName: string; role: Role; password: string }) =>
          void run(() => call('accounts.add', v), `已新增账户「${v.displayName}」`).then((ok) => ok && addForm.resetFields())
        }
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, min: 2, message: '至少 2 个字符' }]}>
          <Input style={{ width: 120 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select style={{ width: 100 }} options={roleOptions} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" dependencies={['username']} rules={newPasswordRules({ field: 'username' })}>
          <Input.Password style={{ width: 150 }} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          新增账户
        </Button>
      </Form>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        初始密码：{PASSWORD_HINT}
      </Typography.Text>
      <ResetPasswordModal account={resetFor} onClose={() => setResetFor(null)} onDone={accounts.reload} />
    </Card>
  )
}

function ResetPasswordModal({ account, onClose, onDone }: { account: AccountView | null; onClose(): void; onDone(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string }>()
  const submit = async ({ password }: { password: string }) => {
    if (!account) return
    try {
      await call('accounts.resetPassword', { id: account.id, password })
      message.success(`已重设「${account.displayName}」的密码，请当面告诉本人`)
      onDone()
      onClose()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <GuardedModal form={form} title={`重设「${account?.displayName ?? ''}」的密码`} open={account !== null} onCancel={onClose} onOk={() => form.submit()} okText="重设" destroyOnHidden>
      <Form form={form} name="reset-password" layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
        <Form.Item name="password" label="新密码" rules={newPasswordRules(account?.username)} extra={PASSWORD_HINT}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </GuardedModal>
  )
}

function SettingsCard({ idleMinutes, onChanged }: { idleMinutes: number; onChanged(): void }) {
  const { message } = App.useApp()
  const [minutes, setMinutes] = useState<number | null>(idleMinutes)
  const [turningOff, setTurningOff] = useState(false)
  const [offForm] = Form.useForm<{ password: string }>()
  const saveIdle = async () => {
    if (!minutes) return
    try {
      const r = await call('accounts.setIdle', { idleMinutes: minutes })
      message.success(`已设置：${r.idleMinutes} 分钟无操作自动锁定`)
      onChanged()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  const turnOff = async ({ password }: { password: string }) => {
    try {
      await call('accounts.turnOff', { password })
      message.success('已关闭账户，现在不需要登录')
      setTurningOff(false)
      onChanged()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <Card title="设置" size="small" style={{ maxWidth: 720 }}>
      <Space wrap size="large">
        <Space>
          <span>无操作</span>
          <InputNumber aria-label="自动锁定分钟数" min={1} max={IDLE_MINUTES_MAX} precision={0} value={minutes} onChange={setMinutes} style={{ width: 80 }} />
          <span>分钟后自动锁定</span>
          <Button onClick={() => void saveIdle()} disabled={!minutes || minutes === idleMinutes}>
            保存
          </Button>
        </Space>
        <ChangePasswordButton />
        <Button danger onClick={() => setTurningOff(true)}>
          关闭账户（回到不需要登录）
        </Button>
      </Space>
      <GuardedModal
        form={offForm}
        title="关闭账户"
        open={turningOff}
        onCancel={() => setTurningOff(false)}
        onOk={() => offForm.submit()}
        okText="关闭账户"
        okButtonProps={{ danger: true }}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="关闭后所有账户都会删除，打开台账不再需要登录，之后的修改记在「本机用户」名下。已有的修改记录保留。"
        />
        <Form form={offForm} name="turn-off-accounts" layout="vertical" preserve={false} onFinish={(v) => void turnOff(v)}>
          <Form.Item name="password" label="请输入您的管理员密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </Form>
      </GuardedModal>
    </Card>
  )
}
