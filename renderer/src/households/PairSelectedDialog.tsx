/** 结对帮扶责任人: pairs the households selected in the list with one helper, in one step. */
import { App, DatePicker, Form, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { HelperView } from '../../../shared/domain/assistance'
import { call } from '../common/api/client'
import { GuardedModal } from '../common/GuardedModal'

export function PairSelectedDialog(props: { householdIds: number[]; helpers: HelperView[]; onClose: (done: boolean) => void }) {
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<{ helperId: number; startDate: Dayjs }>()
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const v = await form.validateFields()
    const helper = props.helpers.find((h) => h.id === v.helperId)
    setSaving(true)
    try {
      const r = await call('assistance.pairMany', { helperId: v.helperId, householdIds: props.householdIds, startDate: v.startDate.format('YYYY-MM-DD') })
      const summary = `已将 ${r.paired} 户与${helper?.name ?? '帮扶责任人'}结对${r.skipped.length ? `，跳过 ${r.skipped.length} 户（已结对）` : ''}。`
      if (r.skipped.length) {
        modal.info({
          title: summary,
          content: (
            <div>
              <div>以下户已与这位帮扶责任人结对，未重复结对：</div>
              <ul style={{ margin: '8px 0 0', paddingLeft: 20, maxHeight: 240, overflow: 'auto' }}>
                {r.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          ),
          okText: '知道了',
        })
      } else message.success(summary)
      props.onClose(true)
    } catch (err) {
      message.error({ content: (err as Error).message, duration: 8 })
    } finally {
      setSaving(false)
    }
  }

  return (
    <GuardedModal
      form={form}
      open
      title={`将所选 ${props.householdIds.length} 户结对帮扶责任人`}
      okText="结对"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ startDate: dayjs() }}>
        <Form.Item
          name="helperId"
          label="帮扶责任人"
          rules={[{ required: true, message: '请选择帮扶责任人' }]}
          extra={props.helpers.length ? '输入姓名或单位查找。已与这位责任人结对的户会跳过。' : '还没有登记帮扶责任人：请先在「帮扶力量」中新增。'}
        >
          <Select
            showSearch
            placeholder="选择帮扶责任人"
            optionFilterProp="label"
            options={props.helpers.map((h) => ({ value: h.id, label: `${h.name}（${h.unitName ?? '未填单位'}）` }))}
          />
        </Form.Item>
        <Form.Item name="startDate" label="结对开始日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </GuardedModal>
  )
}
