import { App, AutoComplete, Button, Form, Input, Space, Tabs } from 'antd'
import { useState } from 'react'
import { UNIT_KINDS, type HelperView, type OpenWishView, type UnitView } from '../../../shared/domain/assistance'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { ListShell, ListTable } from '../common/ListShell'
import { navigate } from '../router'
import { GuardedModal } from '../common/GuardedModal'

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** 帮扶力量: assisting units, their helpers (each opens the helper's page) and the township's open wishes. */
export function HelpersPage() {
  const { message } = App.useApp()
  const helpers = useCall('assistance.helpers', {})
  const units = useCall('assistance.units', {})
  const wishes = useCall('assistance.openWishes', {})
  const [dialog, setDialog] = useState<'unit' | 'helper' | null>(null)
  const [tab, setTab] = useState<'helpers' | 'units' | 'wishes'>('helpers')
  const [form] = Form.useForm()

  const open = (d: 'unit' | 'helper') => {
    form.resetFields()
    setDialog(d)
  }
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>
    try {
      if (dialog === 'unit') {
        await call('assistance.addUnit', { unitName: String(v.unitName).trim(), unitKind: text(v.unitKind), contact: text(v.contact) })
        message.success('已新增帮扶单位')
      } else {
        await call('assistance.addHelper', { name: String(v.name).trim(), unitName: String(v.unitName).trim(), title: text(v.title), phone: text(v.phone) })
        message.success('已新增帮扶责任人')
      }
      setDialog(null)
      units.reload()
      helpers.reload()
    } catch (err) {
      message.error({ content: (err as Error).message, duration: 8 })
    }
  }
  const required = [{ required: true, message: '请填写' }]

  return (
    <ListShell
      label="帮扶力量"
      toolbar={
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as typeof tab)}
          tabBarExtraContent={
            <Space>
              <Can op="assistance.addUnit">
                <Button onClick={() => open('unit')}>新增帮扶单位</Button>
              </Can>
              <Can op="assistance.addHelper">
                <Button type="primary" onClick={() => open('helper')}>
                  新增帮扶责任人
                </Button>
              </Can>
            </Space>
          }
          items={[
            { key: 'helpers', label: `帮扶责任人（${helpers.data?.length ?? 0}）` },
            { key: 'units', label: `帮扶单位（${units.data?.length ?? 0}）` },
            { key: 'wishes', label: `未办结心愿（${wishes.data?.length ?? 0}）` },
          ]}
        />
      }
    >
      {tab === 'helpers' ? (
        <ListTable<HelperView>
          key="helpers"
          rowKey="id"
          loading={helpers.loading}
          dataSource={helpers.data}
          pagination={{ pageSize: 100, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
          rowClassName={() => 'clickable-row'}
          onRow={(h) => ({ onClick: () => navigate(`#/helpers/${h.id}`) })}
          locale={{ emptyText: '还没有帮扶责任人。点右上角「新增帮扶责任人」，或导入带「帮扶单位」「帮扶责任人」列的花名册。' }}
          columns={[
            { title: '帮扶责任人', dataIndex: 'name', width: 120 },
            { title: '帮扶单位', dataIndex: 'unitName' },
            { title: '职务', dataIndex: 'title', width: 120 },
            { title: '联系电话', dataIndex: 'phone', width: 140 },
            { title: '当前帮扶户数', dataIndex: 'households', width: 120, align: 'right' },
          ]}
        />
      ) : tab === 'units' ? (
        <ListTable<UnitView>
          key="units"
          rowKey="id"
          loading={units.loading}
          dataSource={units.data}
          pagination={{ pageSize: 100, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个单位` }}
          locale={{ emptyText: '还没有帮扶单位。' }}
          columns={[
            { title: '帮扶单位', dataIndex: 'name' },
            { title: '类别', dataIndex: 'kind', width: 100 },
            { title: '联系方式', dataIndex: 'contact', width: 160 },
            { title: '帮扶责任人数', dataIndex: 'helpers', width: 120, align: 'right' },
            { title: '当前帮扶户数', dataIndex: 'households', width: 120, align: 'right' },
          ]}
        />
      ) : (
        <ListTable<OpenWishView>
          key="wishes"
          rowKey="id"
          loading={wishes.loading}
          dataSource={wishes.data}
          pagination={{ pageSize: 100, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个心愿` }}
          rowClassName={() => 'clickable-row'}
          onRow={(w) => ({ onClick: () => navigate(`#/assistance/household/${w.householdId}`) })}
          locale={{ emptyText: '没有未办结的心愿。' }}
          columns={[
            { title: '提出日期', dataIndex: 'raisedDate', width: 110 },
            { title: '行政村', dataIndex: 'village', width: 100 },
            { title: '户主', dataIndex: 'headName', width: 100 },
            { title: '心愿', dataIndex: 'content' },
            { title: '认领人', dataIndex: 'takenBy', width: 140 },
          ]}
        />
      )}
      <GuardedModal
        form={form}
        open={dialog !== null}
        title={dialog === 'unit' ? '新增帮扶单位' : '新增帮扶责任人'}
        okText="保存"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === 'unit' && (
            <>
              <Form.Item name="unitName" label="单位名称" rules={required}>
                <Input placeholder="如：县交通运输局" />
              </Form.Item>
              <Form.Item name="unitKind" label="单位类别">
                <AutoComplete options={UNIT_KINDS.map((k) => ({ value: k }))} />
              </Form.Item>
              <Form.Item name="contact" label="联系人及电话">
                <Input />
              </Form.Item>
            </>
          )}
          {dialog === 'helper' && (
            <>
              <Form.Item name="name" label="姓名" rules={required}>
                <Input />
              </Form.Item>
              <Form.Item name="unitName" label="帮扶单位" rules={required} extra="可选已登记的单位，或输入新单位名称（自动登记）。">
                <AutoComplete options={units.data?.map((u) => ({ value: u.name }))} filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
              </Form.Item>
              <Form.Item name="title" label="职务">
                <Input />
              </Form.Item>
              <Form.Item name="phone" label="联系电话">
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </GuardedModal>
    </ListShell>
  )
}
