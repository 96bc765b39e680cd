/** 状态记录: dated 识别 / 脱贫 / 返贫 / 纳入监测 / 风险消除 events; the current status follows them. */
import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { MONITORING_CATEGORIES } from '../../../shared/domain/enums'
import { ELIMINATION_METHODS, MONITORING_RISKS, STATUS_EVENT_KINDS, type StatusEvent, type StatusEventKind } from '../../../shared/domain/households-status'
import { Can, useCan } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'

interface EventForm {
  kind?: StatusEventKind
  date?: string
  monitoringCategory?: string
  risks?: string[]
  riskNote?: string
  eliminationMethod?: (typeof ELIMINATION_METHODS)[number]
  note?: string
}

const COLORS: Record<StatusEventKind, string> = { 识别: 'red', 脱贫: 'green', 返贫: 'volcano', 纳入监测: 'orange', 风险消除: 'blue' }

export function StatusCard(props: { householdId: number; onChanged(): void }) {
  const { message } = App.useApp()
  const events = useCall('households.statusEvents', { id: props.householdId })
  const canRecord = useCan('households.recordStatus')
  const [form] = Form.useForm<EventForm>()
  const kind = Form.useWatch('kind', form)
  const risks = Form.useWatch('risks', form)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // The date picker keeps its own text: a new key clears it after each entry.
  const [formKey, setFormKey] = useState(0)

  const submit = async () => {
    const v = form.getFieldsValue(true) as EventForm
    setError(null)
    if (!v.kind) return setError('请选择要登记的事件。')
    setSaving(true)
    try {
      await call('households.recordStatus', {
        householdId: props.householdId,
        kind: v.kind,
        date: v.date ?? '',
        monitoringCategory: v.monitoringCategory ?? null,
        risks: v.risks ?? [],
        riskNote: v.riskNote ?? null,
        eliminationMethod: v.eliminationMethod ?? null,
        note: v.note ?? null,
      })
      message.success(`已登记「${v.kind}」`)
      form.resetFields()
      setFormKey((k) => k + 1)
      events.reload()
      props.onChanged()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setSaving(false)
    }
  }
  const remove = async (e: StatusEvent) => {
    try {
      await call('households.deleteStatus', { eventId: e.id })
      message.success(`已删除 ${e.date}「${e.kind}」`)
      events.reload()
      props.onChanged()
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err))
    }
  }
  const list = events.data ?? []
  const last = list[list.length - 1]

  return (
    <Card size="small" title="状态记录" style={{ marginBottom: 12 }} data-card="status">
      <Table<StatusEvent>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list}
        locale={{ emptyText: '尚无状态记录。当前状态来自花名册；登记事件后，脱贫状态和监测对象类别按记录更新。' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '事件', dataIndex: 'kind', width: 100, render: (k: StatusEventKind) => <Tag color={COLORS[k]}>{k}</Tag> },
          {
            title: '内容', key: 'detail',
            render: (_: unknown, e: StatusEvent) =>
              [e.monitoringCategory, e.risks.length ? `风险：${e.risks.join('、')}` : null, e.riskNote, e.eliminationMethod, e.note].filter(Boolean).join('；'),
          },
          { title: '登记人', dataIndex: 'actor', width: 100 },
          {
            title: '', key: 'delete', width: 70,
            render: (_: unknown, e: StatusEvent) =>
              e.id === last?.id ? (
                <Can op="households.deleteStatus" hide>
                  <Popconfirm title={`删除 ${e.date}「${e.kind}」？`} description="当前状态将按其余记录重新计算。" okText="删除" onConfirm={() => void remove(e)}>
                    <Button size="small" type="link" danger>删除</Button>
                  </Popconfirm>
                </Can>
              ) : null,
          },
        ]}
      />
      {canRecord && (
      <Form key={formKey} form={form} layout="inline" size="small" style={{ marginTop: 12, rowGap: 8 }}>
        <Form.Item name="kind" label="登记">
          <Select aria-label="事件" placeholder="事件" style={{ width: 120 }} options={STATUS_EVENT_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="date" label="日期" getValueProps={() => ({})} getValueFromEvent={(_: unknown, s: string) => s || undefined}>
          <DatePicker aria-label="事件日期" placeholder="日期" />
        </Form.Item>
        {kind === '纳入监测' && (
          <>
            <Form.Item name="monitoringCategory" label="监测对象类别">
              <Select aria-label="监测对象类别" style={{ width: 150 }} options={MONITORING_CATEGORIES.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
            <Form.Item name="risks" label="致贫返贫风险（1–5 项）">
              <Select aria-label="致贫返贫风险" mode="multiple" maxCount={5} style={{ minWidth: 220 }} options={MONITORING_RISKS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
            {risks?.includes('其他') && (
              <Form.Item name="riskNote" label="风险说明">
                <Input aria-label="风险说明" style={{ width: 200 }} />
              </Form.Item>
            )}
          </>
        )}
        {kind === '风险消除' && (
          <Form.Item name="eliminationMethod" label="消除方式">
            <Select aria-label="消除方式" style={{ width: 120 }} options={ELIMINATION_METHODS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input aria-label="备注" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" loading={saving} onClick={() => void submit()}>
              登记
            </Button>
          </Space>
        </Form.Item>
      </Form>
      )}
      {error && <Alert type="error" showIcon message={`未登记：${error}`} style={{ marginTop: 8 }} />}
    </Card>
  )
}
