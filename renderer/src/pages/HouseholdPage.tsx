import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { Member } from '../../../shared/domain/household'
import { formatYuan } from '../../../shared/domain/money'
import { useCall } from '../api/use-call'
import { navigate } from '../router'

const memberColumns: ColumnsType<Member> = [
  { title: '姓名', dataIndex: 'name', width: 90 },
  { title: '与户主关系', dataIndex: 'relation', width: 90 },
  { title: '性别', dataIndex: 'sex', width: 60 },
  { title: '出生日期', dataIndex: 'birthDate', width: 110 },
  { title: '证件号码', dataIndex: 'idNumber', width: 190 },
  { title: '文化程度', dataIndex: 'education', width: 100 },
  { title: '在校生状况', dataIndex: 'schoolStatus', width: 130 },
  { title: '健康状况', dataIndex: 'health', width: 110 },
  { title: '劳动技能', dataIndex: 'labourSkill', width: 110 },
  { title: '务工时间（月）', dataIndex: 'workMonths', width: 110 },
  { title: '大病保险', dataIndex: 'seriousIllnessInsurance', width: 80 },
  {
    title: '状态',
    key: 'status',
    width: 120,
    render: (_: unknown, m: Member) => (m.removedReason ? <Tag>{`已移出：${m.removedReason}`}</Tag> : <Tag color="green">在户</Tag>),
  },
]

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v)

export function HouseholdPage({ id }: { id: number }) {
  const { data: h, error, loading } = useCall('households.get', { id })
  const back = (
    <Button onClick={() => navigate('#/')} aria-label="返回户列表">
      ← 返回户列表
    </Button>
  )
  if (error) return <Result status="404" title="找不到这一户" subTitle={error.message} extra={back} />
  if (loading && !h) return <Skeleton active className="page" />
  if (!h) return null
  const head = h.members.find((m) => m.relation === '户主' && !m.removedReason)
  const active = h.members.filter((m) => !m.removedReason)

  return (
    <div className="page">
      <Space style={{ marginBottom: 12 }} align="center">
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {head?.name ?? '（无户主）'} 户
        </Typography.Title>
        {h.isDemo && <Tag color="orange">示例</Tag>}
        {h.exitStatus && <Tag color={h.exitStatus === '未脱贫' || h.exitStatus === '返贫' ? 'red' : 'green'}>{h.exitStatus}</Tag>}
      </Space>
      <Card size="small" title="户信息" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
          <Descriptions.Item label="户编号">{dash(h.householdNo)}</Descriptions.Item>
          <Descriptions.Item label="所在地">{`${h.county}${h.township}${h.villageName}${h.groupName ?? ''}`}</Descriptions.Item>
          <Descriptions.Item label="人数">
            {active.length}
            {h.declaredSize !== null && h.declaredSize !== active.length && (
              <Typography.Text type="warning">{`（表上为 ${h.declaredSize}）`}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="户联系电话">{dash(h.phone)}</Descriptions.Item>
          <Descriptions.Item label="户类型">{dash(h.householdType)}</Descriptions.Item>
          <Descriptions.Item label="贫困户属性">{dash(h.povertyAttribute)}</Descriptions.Item>
          <Descriptions.Item label="识别标准">{dash(h.identificationStandard)}</Descriptions.Item>
          <Descriptions.Item label="首次识别时间">{dash(h.firstIdentified)}</Descriptions.Item>
          <Descriptions.Item label="主要致贫原因">{dash(h.mainCause)}</Descriptions.Item>
          <Descriptions.Item label="其他致贫原因">{dash(h.otherCauses)}</Descriptions.Item>
          <Descriptions.Item label="脱贫年度">{dash(h.exitYear)}</Descriptions.Item>
          <Descriptions.Item label="监测对象类别">{dash(h.monitoringCategory)}</Descriptions.Item>
          <Descriptions.Item label="人均纯收入">{h.perCapitaNetIncomeFen === null ? '—' : formatYuan(h.perCapitaNetIncomeFen)}</Descriptions.Item>
          <Descriptions.Item label="危房户">{dash(h.dilapidatedHouse)}</Descriptions.Item>
          <Descriptions.Item label="安全饮水">{dash(h.safeDrinkingWater)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`家庭成员（${active.length} 人）`}>
        <Table<Member>
          rowKey="id"
          size="small"
          pagination={false}
          columns={memberColumns}
          dataSource={h.members}
          rowClassName={(m) => (m.removedReason ? 'member-removed' : '')}
          scroll={{ x: 1300 }}
        />
      </Card>
    </div>
  )
}
