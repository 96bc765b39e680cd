import { Alert, Button, Card, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import type { FailedLogin } from '../../../shared/api/accounts'
import { useCall } from '../common/api/use-call'

/**
 * 登录失败记录 for administrators: each wrong password, with the name typed
 * (an account's or not), the window it came from and what followed (lockouts).
 * Many rows for one name or one window in a short time mean someone is guessing.
 */
export function FailedLoginsCard() {
  const failed = useCall('accounts.failedLogins', {})
  return (
    <Card
      title="登录失败记录"
      size="small"
      style={{ marginBottom: 12 }}
      extra={
        <Button size="small" loading={failed.loading} onClick={failed.reload}>
          刷新
        </Button>
      }
    >
      {failed.error && <Alert type="error" showIcon title={failed.error.message} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        最近 200 次输错密码。同一用户名或同一窗口短时间内多次失败，可能有人在猜密码；账户被锁定期间任何人都无法登录，到时自动解除，管理员重设密码也可解除。
      </Typography.Paragraph>
      <Table<FailedLogin>
        rowKey="id"
        size="small"
        loading={failed.loading}
        dataSource={failed.data}
        locale={{ emptyText: '没有登录失败的记录' }}
        pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 条`, hideOnSinglePage: true }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: '输入的用户名', dataIndex: 'username', width: 140 },
          { title: '来自', dataIndex: 'client', width: 120 },
          {
            title: '情况',
            dataIndex: 'reason',
            render: (v: string) => (v.includes('锁定') ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          },
        ]}
      />
    </Card>
  )
}
