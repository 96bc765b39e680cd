import { Button, Card, Descriptions, Space } from 'antd'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { HouseholdAssistance } from './HouseholdAssistance'

/** 帮扶与走访 of one household on its own page (reached from a helper's page or the open-wish list). */
export function HouseholdAssistancePage({ householdId }: { householdId: number }) {
  const h = useCall('households.get', { id: householdId })
  const members = h.data?.members.filter((m) => !m.removedReason) ?? []
  const head = members.find((m) => m.relation === '户主')
  if (h.error) return <div className="page">{h.error.message}</div>
  return (
    <div className="page">
      <Card
        size="small"
        title={h.data ? `${head?.name ?? '（无户主）'}户 · ${h.data.villageName}` : '户'}
        style={{ marginBottom: 12 }}
        extra={
          <Space>
            <Button onClick={() => history.back()}>返回</Button>
            <Button onClick={() => navigate(`#/households/${householdId}`)}>打开户页面</Button>
          </Space>
        }
      >
        {h.data && (
          <Descriptions size="small" column={4}>
            <Descriptions.Item label="户编号">{h.data.householdNo ?? ''}</Descriptions.Item>
            <Descriptions.Item label="行政村">{`${h.data.villageName}${h.data.groupName ? ` ${h.data.groupName}` : ''}`}</Descriptions.Item>
            <Descriptions.Item label="人数">{members.length}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{h.data.phone ?? ''}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <HouseholdAssistance householdId={householdId} />
    </div>
  )
}
