/** The household page's 公益性岗位 card: its members' posts, months and pay, and the year's payroll (工资性收入 from posts). */
import { Card, Table, Tag, Typography } from 'antd'
import type { HouseholdPosts } from '../../../shared/api/posts'
import { formatYuan } from '../../../shared/domain/money'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'

const thisYear = () => new Date().getFullYear()

export function HouseholdPostsCard({ householdId }: { householdId: number }) {
  const { data } = useCall('posts.household', { householdId, year: thisYear() })
  if (!data || data.holdings.length === 0) return null
  return (
    <Card size="small" title="公益性岗位" style={{ marginBottom: 12 }} extra={<Typography.Text type="secondary">{data.year} 年已发放 {formatYuan(data.yearPaidFen)}</Typography.Text>}>
      <Table<HouseholdPosts['holdings'][number]>
        rowKey="holdingId"
        size="small"
        pagination={false}
        dataSource={data.holdings}
        onRow={(h) => ({ onClick: () => navigate(`#/posts/${h.postId}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '岗位', dataIndex: 'postLabel', width: 140 },
          { title: '所在村', dataIndex: 'village', width: 100 },
          { title: '月补贴', dataIndex: 'payFen', width: 110, render: (v: number) => formatYuan(v) },
          { title: '资金来源', dataIndex: 'funding', width: 110 },
          { title: '聘用期', key: 'months', width: 150, render: (_: unknown, h) => `${h.startMonth} ～ ${h.endMonth ?? '长期'}` },
          { title: '累计发放', key: 'paid', width: 150, render: (_: unknown, h) => `${h.paidMonths} 个月 ${formatYuan(h.paidFen)}` },
          { title: '情况', key: 'flags', render: (_: unknown, h) => [h.current ? <Tag key="c" color="green">在岗</Tag> : <Tag key="c">不在岗</Tag>, ...h.flags.map((f) => <Tag key={f} color="orange">{f}</Tag>)] },
        ]}
      />
    </Card>
  )
}

/** The year's pay from posts, for the income card beside the roster's 工资性收入 (read from the payroll, never typed twice). */
export function PostWage({ householdId }: { householdId: number }) {
  const { data } = useCall('posts.household', { householdId, year: thisYear() })
  if (!data) return <>—</>
  if (data.holdings.length === 0) return <Typography.Text type="secondary">无</Typography.Text>
  const differs = data.rosterWageFen !== null && data.rosterWageFen < data.yearPaidFen
  return (
    <span>
      {formatYuan(data.yearPaidFen)}
      {differs && <Tag color="orange" style={{ marginLeft: 6 }}>高于花名册的工资性收入，请核对</Tag>}
      {data.rosterWageFen === null && data.yearPaidFen > 0 && <Tag color="orange" style={{ marginLeft: 6 }}>花名册未填工资性收入</Tag>}
    </span>
  )
}
