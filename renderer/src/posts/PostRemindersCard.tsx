/** The posts' reminders: holdings running out within the window, holders who became students or moved away — each opening its household. */
import { Alert, Card, List, Space, Tag, Typography } from 'antd'
import type { PostReminder } from '../../../shared/api/posts'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { today } from './today'

const KINDS: { key: 'ending' | 'student' | 'moved'; label: string; color: string }[] = [
  { key: 'ending', label: '聘用期将满', color: 'orange' },
  { key: 'student', label: '成为在校生', color: 'red' },
  { key: 'moved', label: '已迁出或移出', color: 'red' },
]

export function PostRemindersCard() {
  const { data, error } = useCall('posts.reminders', { today: today() })
  if (error) return <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />
  if (!data) return null
  const items: PostReminder[] = KINDS.flatMap((k) => data[k.key])
  return (
    <Card
      size="small"
      title={
        <Space>
          岗位提醒
          {KINDS.map((k) => (
            <Tag key={k.key} color={data[k.key].length ? k.color : undefined}>
              {k.label} {data[k.key].length}
            </Tag>
          ))}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          聘用结束前 {data.endDays} 天提醒{data.endDaysFromSettings ? '（监测设置）' : '（监测设置未填写，按 30 天）'}
        </Typography.Text>
      }
      style={{ marginBottom: 12 }}
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">没有需要处理的岗位提醒。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item
              actions={[
                <a key="h" onClick={() => navigate(`#/households/${r.householdId}`)}>打开户</a>,
                <a key="p" onClick={() => navigate(`#/posts/${r.postId}`)}>打开岗位</a>,
              ]}
            >
              <Space>
                <Tag color={KINDS.find((k) => k.key === r.kind)!.color}>{KINDS.find((k) => k.key === r.kind)!.label}</Tag>
                <span>{r.village ?? ''}</span>
                <span>{r.detail}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
