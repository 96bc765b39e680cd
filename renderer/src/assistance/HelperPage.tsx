import { App, Button, Card, DatePicker, Descriptions, Form, Select, Table, Tag } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { HelperHouseholdView } from '../../../shared/domain/assistance'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { householdLabel, useHouseholdSearch } from '../common/use-household-search'
import { navigate } from '../router'
import { GuardedModal } from '../common/GuardedModal'

/** One helper: who they are and their households, current and past; pair a new household or end a pairing here. */
export function HelperPage({ id }: { id: number }) {
  const { message, modal } = App.useApp()
  const helper = useCall('assistance.helper', { helperId: id })
  const rows = useCall('assistance.helperHouseholds', { helperId: id })
  const [pairing, setPairing] = useState(false)

  const reload = () => {
    helper.reload()
    rows.reload()
  }
  const endPairing = (r: HelperHouseholdView) =>
    modal.confirm({
      title: `结束与 ${r.headName ?? '该户'} 的结对？`,
      content: '结对记录会保留在历史中，结束日期记为今天。',
      okText: '结束结对',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('assistance.endPairing', { pairingId: r.pairingId, endDate: dayjs().format('YYYY-MM-DD') })
          reload()
        } catch (err) {
          message.error({ content: (err as Error).message, duration: 8 })
        }
      },
    })

  const h = helper.data
  if (helper.error) return <div className="page">{helper.error.message}</div>
  return (
    <div className="page">
      <Card
        size="small"
        title={h ? `帮扶责任人：${h.name}` : '帮扶责任人'}
        extra={<Button onClick={() => navigate('#/helpers')}>返回帮扶力量</Button>}
        style={{ marginBottom: 12 }}
      >
        {h && (
          <Descriptions size="small" column={4}>
            <Descriptions.Item label="帮扶单位">{h.unitName ?? ''}</Descriptions.Item>
            <Descriptions.Item label="职务">{h.title ?? ''}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{h.phone ?? ''}</Descriptions.Item>
            <Descriptions.Item label="当前帮扶">{`${h.households} 户`}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        size="small"
        title="帮扶的户（当前和历史）"
        extra={
          <Can op="assistance.pair">
            <Button type="primary" onClick={() => setPairing(true)}>
              结对新的户
            </Button>
          </Can>
        }
      >
        <Table<HelperHouseholdView>
          rowKey="pairingId"
          size="middle"
          pagination={false}
          loading={rows.loading}
          dataSource={rows.data}
          rowClassName={() => 'clickable-row'}
          onRow={(r) => ({ onClick: () => navigate(`#/assistance/household/${r.householdId}`) })}
          locale={{ emptyText: '还没有结对的户。点「结对新的户」。' }}
          columns={[
            { title: '户主', dataIndex: 'headName', width: 100 },
            { title: '户编号', dataIndex: 'householdNo', width: 190 },
            { title: '行政村', dataIndex: 'village', width: 120 },
            { title: '结对开始', dataIndex: 'startDate', width: 110 },
            { title: '结对结束', dataIndex: 'endDate', width: 110, render: (v: string | null) => v ?? <Tag color="green">帮扶中</Tag> },
            {
              title: '',
              key: 'end',
              width: 100,
              render: (_: unknown, r) =>
                !r.endDate && (
                  <Can op="assistance.endPairing" hide>
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation()
                      endPairing(r)
                    }}
                  >
                    结束结对
                  </Button>
                  </Can>
                ),
            },
          ]}
        />
      </Card>
      {pairing && (
        <PairDialog
          helperId={id}
          onClose={(done) => {
            setPairing(false)
            if (done) reload()
          }}
        />
      )}
    </div>
  )
}

/** Finds a household by name, pinyin initials, ID digits or 户编号 and pairs it with the helper. */
function PairDialog({ helperId, onClose }: { helperId: number; onClose: (done: boolean) => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ householdId: number; startDate: Dayjs }>()
  const [search, setSearch] = useState('')
  const options = useHouseholdSearch(search)

  const submit = async () => {
    const v = await form.validateFields()
    try {
      await call('assistance.pair', { helperId, householdId: v.householdId, startDate: v.startDate.format('YYYY-MM-DD') })
      message.success('已结对')
      onClose(true)
    } catch (err) {
      message.error({ content: (err as Error).message, duration: 8 })
    }
  }
  return (
    <GuardedModal form={form} open title="结对新的户" okText="保存" cancelText="取消" onOk={() => void submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ startDate: dayjs() }}>
        <Form.Item name="householdId" label="户" rules={[{ required: true, message: '请选择一户' }]} extra="输入户主姓名、拼音首字母、身份证号后几位或户编号查找。">
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            placeholder="查找户"
            options={options.map((o) => ({ value: o.id, label: householdLabel(o) }))}
          />
        </Form.Item>
        <Form.Item name="startDate" label="结对开始日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </GuardedModal>
  )
}
