import { Card, Table, Tag } from 'antd'
import type { HelperHouseholdView, HelperView } from '../../../../shared/domain/assistance'
import { useCall } from '../../api/use-call'
import { navigate } from '../../router'

/** 帮扶力量: helpers with their units, and each helper's households (current and past). */
export function HelpersPage() {
  const helpers = useCall('assistance.helpers', {})
  return (
    <div className="page">
      <Card title="帮扶力量（帮扶单位与帮扶责任人）" size="small">
        <Table<HelperView>
          rowKey="id"
          size="middle"
          loading={helpers.loading}
          dataSource={helpers.data}
          locale={{ emptyText: '还没有帮扶责任人。可在户页面「帮扶与走访」中新增并结对，或导入带「帮扶单位」「帮扶责任人」列的花名册。' }}
          expandable={{ expandedRowRender: (h) => <HelperHouseholds helperId={h.id} /> }}
          columns={[
            { title: '帮扶责任人', dataIndex: 'name', width: 120 },
            { title: '帮扶单位', dataIndex: 'unitName' },
            { title: '职务', dataIndex: 'title', width: 120 },
            { title: '联系电话', dataIndex: 'phone', width: 140 },
            { title: '当前帮扶户数', dataIndex: 'households', width: 120, align: 'right' },
          ]}
        />
      </Card>
    </div>
  )
}

function HelperHouseholds({ helperId }: { helperId: number }) {
  const rows = useCall('assistance.helperHouseholds', { helperId })
  return (
    <Table<HelperHouseholdView>
      rowKey="pairingId"
      size="small"
      pagination={false}
      loading={rows.loading}
      dataSource={rows.data}
      rowClassName={() => 'clickable-row'}
      onRow={(r) => ({ onClick: () => navigate(`#/households/${r.householdId}`) })}
      columns={[
        { title: '户主', dataIndex: 'headName', width: 100 },
        { title: '户编号', dataIndex: 'householdNo', width: 170 },
        { title: '行政村', dataIndex: 'village', width: 100 },
        { title: '结对开始', dataIndex: 'startDate', width: 110 },
        { title: '结对结束', dataIndex: 'endDate', width: 140, render: (v: string | null) => v ?? <Tag color="green">帮扶中</Tag> },
      ]}
    />
  )
}
