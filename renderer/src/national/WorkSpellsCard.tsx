import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import type { WorkSpellView } from '../../../shared/api/national'
import { fenToYuanText } from '../../../shared/domain/money'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'

const yuan = (fen: number | null) => (fen === null ? '—' : `${fenToYuanText(fen).replace(/\.00$/, '')} 元`)
/** 'YYYY-MM' as the national system writes it. */
const month = (m: string | null) => (m ? `${m.slice(0, 4)}年${m.slice(5, 7)}月` : '')

/**
 * The household's work spells (已外出务工信息), planned work and 户信息 columns from the national
 * exports, beside the monitoring case; the clerk corrects a spell (or adds one) so the national
 * export carries it upstream.
 */
export function WorkSpellsCard(props: { householdId: number; members: { id: number; name: string; removed: boolean }[]; readOnly?: boolean }) {
  const data = useCall('national.household', { householdId: props.householdId })
  const { message } = App.useApp()
  const [editing, setEditing] = useState<Partial<WorkSpellView> | null>(null)
  const d = data.data
  const remove = async (id: number) => {
    try {
      await call('national.deleteWorkSpell', { id })
      data.reload()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <Card
      size="small"
      title="务工情况（国家系统：已外出务工信息）"
      style={{ marginBottom: 12 }}
      data-card="work-spells"
      extra={!props.readOnly && <Button size="small" onClick={() => setEditing({})}>登记务工经历</Button>}
    >
      {data.error && <Alert type="error" showIcon message={data.error.message} />}
      {d && d.workSpells.length === 0 && <Empty description="没有务工记录。导入国家系统的「已外出务工信息」，或点「登记务工经历」。" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {d && d.workSpells.length > 0 && (
        <Table<WorkSpellView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.workSpells}
          columns={[
            { title: '姓名', dataIndex: 'memberName', width: 90 },
            { title: '务工时间段', render: (_: unknown, s) => `${month(s.startMonth)} 至 ${s.endMonth ? month(s.endMonth) : '今（仍在务工）'}`, width: 200 },
            { title: '地点', render: (_: unknown, s) => [s.province, s.city, s.countyAt].filter(Boolean).join(' '), width: 200 },
            { title: '就业渠道', dataIndex: 'channel', width: 110 },
            { title: '行业', dataIndex: 'industry', width: 110 },
            { title: '单位', dataIndex: 'employer' },
            { title: '务工月收入', render: (_: unknown, s) => yuan(s.monthlyIncomeFen), width: 110 },
            ...(props.readOnly
              ? []
              : [
                  {
                    title: '',
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, s: WorkSpellView) => (
                      <Space size={4}>
                        <Button size="small" type="link" onClick={() => setEditing(s)}>修改</Button>
                        <Popconfirm title="删除这段务工经历？" onConfirm={() => void remove(s.id)}>
                          <Button size="small" type="link" danger>删除</Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]),
          ]}
        />
      )}
      {d && d.plannedWork.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>计划外出务工</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.plannedWork}
            columns={[
              { title: '姓名', dataIndex: 'memberName', width: 90 },
              { title: '计划务工时间', render: (_: unknown, p: { plannedMonth: string | null }) => month(p.plannedMonth), width: 130 },
              { title: '计划务工地点', dataIndex: 'place', width: 220 },
              { title: '行业', dataIndex: 'industry', width: 120 },
              { title: '就业服务需求', dataIndex: 'serviceNeed' },
            ]}
          />
        </>
      )}
      {d?.info && (
        <Descriptions size="small" column={4} title="户信息（乡村建设）" style={{ marginTop: 12 }}>
          {d.info.map((i) => (
            <Descriptions.Item key={i.label} label={i.label}>{i.value}</Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {editing && (
        <SpellDialog
          spell={editing}
          members={props.members.filter((m) => !m.removed)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            data.reload()
          }}
        />
      )}
    </Card>
  )
}

interface SpellForm {
  memberId?: number
  startMonth?: string
  endMonth?: string
  province?: string
  city?: string
  countyAt?: string
  channel?: string
  employer?: string
  industry?: string
  monthlyIncome?: string
}

const CHANNELS = ['自主务工', '企业招聘', '有组织劳务输出', '就近就业', '公益岗位', '帮扶车间']
const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : null)

function SpellDialog(props: { spell: Partial<WorkSpellView>; members: { id: number; name: string }[]; onClose(): void; onSaved(): void }) {
  const s = props.spell
  const [form] = Form.useForm<SpellForm>()
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    const v = await form.validateFields()
    setError(null)
    setSaving(true)
    try {
      await call('national.saveWorkSpell', {
        ...(s.id ? { id: s.id } : {}),
        memberId: v.memberId!,
        startMonth: v.startMonth!.trim(),
        endMonth: opt(v.endMonth),
        province: opt(v.province),
        city: opt(v.city),
        countyAt: opt(v.countyAt),
        channel: opt(v.channel),
        employer: opt(v.employer),
        industry: opt(v.industry),
        monthlyIncome: opt(v.monthlyIncome),
      })
      props.onSaved()
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setSaving(false)
    }
  }
  const monthRule = { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '请填写年月，如 2024-03' }
  return (
    <Modal open title={s.id ? '修改务工经历' : '登记务工经历'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={props.onClose} width={640}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<SpellForm>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{
          memberId: s.memberId, startMonth: s.startMonth ?? undefined, endMonth: s.endMonth ?? undefined, province: s.province ?? undefined, city: s.city ?? undefined,
          countyAt: s.countyAt ?? undefined, channel: s.channel ?? undefined, employer: s.employer ?? undefined, industry: s.industry ?? undefined,
          monthlyIncome: s.monthlyIncomeFen === null || s.monthlyIncomeFen === undefined ? undefined : fenToYuanText(s.monthlyIncomeFen).replace(/\.00$/, ''),
        }}
      >
        <Form.Item name="memberId" label="家庭成员" rules={[{ required: true, message: '请选择家庭成员' }]}>
          <Select disabled={Boolean(s.id)} options={props.members.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="startMonth" label="开始时间" rules={[{ required: true, message: '请填写开始时间' }, monthRule]}>
          <Input placeholder="2024-03" />
        </Form.Item>
        <Form.Item name="endMonth" label="结束时间" rules={[monthRule]} extra="仍在务工的留空">
          <Input placeholder="2024-12" />
        </Form.Item>
        <Form.Item label="务工地点" style={{ marginBottom: 0 }}>
          <Space>
            <Form.Item name="province"><Input placeholder="省" style={{ width: 120 }} /></Form.Item>
            <Form.Item name="city"><Input placeholder="市" style={{ width: 120 }} /></Form.Item>
            <Form.Item name="countyAt"><Input placeholder="县（区）" style={{ width: 120 }} /></Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="channel" label="就业渠道">
          <Select allowClear options={CHANNELS.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="industry" label="所属行业"><Input /></Form.Item>
        <Form.Item name="employer" label="务工企业名称"><Input /></Form.Item>
        <Form.Item name="monthlyIncome" label="务工月收入（元）" rules={[{ pattern: /^\d[\d,]{0,12}(?:\.\d{1,2})?$/, message: '请填写金额（元），如 4500' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  )
}
