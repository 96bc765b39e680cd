/** 调整村组: moves a household to another village or 组; a new 组 name is created in that village. */
import { App, AutoComplete, Button, Form, Select } from 'antd'
import { useState } from 'react'
import type { HouseholdDetail } from '../../../shared/domain/households'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { GuardedModal } from '../common/GuardedModal'

export function MoveHouseholdButton({ household, onMoved }: { household: HouseholdDetail; onMoved(): void }) {
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<{ villageId: number; groupName?: string }>()
  const villages = useCall('households.villages', {})
  const villageId = Form.useWatch('villageId', form)
  const groups = villages.data?.find((v) => v.id === villageId)?.groups ?? []
  const submit = async (v: { villageId: number; groupName?: string }) => {
    try {
      const { changed } = await call('households.move', { id: household.id, villageId: v.villageId, groupName: v.groupName?.trim() || null })
      message.success(changed.length ? '已调整村组' : '村组没有变化')
      setOpen(false)
      onMoved()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <>
      <Can op="households.move">
        <Button onClick={() => setOpen(true)}>调整村组</Button>
      </Can>
      <GuardedModal form={form} title="调整村组" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存" destroyOnHidden>
        <Form
          form={form}
          name="move-household"
          layout="vertical"
          preserve={false}
          initialValues={{ villageId: household.villageId, groupName: household.groupName ?? undefined }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="villageId" label="行政村" rules={[{ required: true, message: '请选择行政村' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={villages.data?.map((v) => ({ value: v.id, label: v.name }))}
              onChange={() => form.setFieldValue('groupName', undefined)}
            />
          </Form.Item>
          <Form.Item name="groupName" label="组（可选已有的组，或输入新组名）">
            <AutoComplete
              allowClear
              options={groups.map((g) => ({ value: g.name }))}
              filterOption={(typed, option) => (option?.value ?? '').includes(typed.trim())}
              placeholder="如：3组"
            />
          </Form.Item>
        </Form>
      </GuardedModal>
    </>
  )
}
