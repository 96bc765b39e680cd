import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import type { PlannedWorkView, WorkSpellView } from '../../../shared/api/national'
import { NATIONAL_FIELDS } from '../../../shared/import/national-fields'
import { fenToYuanText } from '../../../shared/domain/money'
import { usePermissions } from '../accounts'
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
  const can = usePermissions()
  // Row actions (修改, 删除) and the card's buttons need the national writes (a 只读 account has none).
  const readOnly = props.readOnly
  const spellActions = !readOnly && can('national.saveWorkSpell') && can('national.deleteWorkSpell')
  const plannedActions = !readOnly && can('national.savePlannedWork') && can('national.deletePlannedWork')
  const { message } = App.useApp()
  const [editing, setEditing] = useState<Partial<WorkSpellView> | null>(null)
  const [planning, setPlanning] = useState<Partial<PlannedWorkView> | null>(null)
  const [editingInfo, setEditingInfo] = useState(false)
  const d = data.data
  const remove = async (op: 'national.deleteWorkSpell' | 'national.deletePlannedWork', id: number) => {
    try {
      await call(op, { id })
      data.reload()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <Card
      size="small"
      title="务工情况与户信息（国家系统：已外出务工、计划外出务工、户信息）"
      style={{ marginBottom: 12 }}
      data-card="work-spells"
      extra={
        !readOnly && (
          <Space size={4}>
            {can('national.saveWorkSpell') && <Button size="small" onClick={() => setEditing({})}>登记务工经历</Button>}
            {can('national.savePlannedWork') && <Button size="small" onClick={() => setPlanning({})}>登记计划外出务工</Button>}
            {can('national.saveHouseholdInfo') && <Button size="small" onClick={() => setEditingInfo(true)}>{d?.infoValues ? '修改户信息' : '填写户信息'}</Button>}
          </Space>
        )
      }
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
            { title: '点对点输送', dataIndex: 'pointToPoint', width: 90 },
            ...(!spellActions
              ? []
              : [
                  {
                    title: '',
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, s: WorkSpellView) => (
                      <Space size={4}>
                        <Button size="small" type="link" onClick={() => setEditing(s)}>修改</Button>
                        <Popconfirm title="删除这段务工经历？" onConfirm={() => void remove('national.deleteWorkSpell', s.id)}>
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
          <Table<PlannedWorkView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.plannedWork}
            data-table="planned-work"
            columns={[
              { title: '姓名', dataIndex: 'memberName', width: 90 },
              { title: '是否计划务工', dataIndex: 'planned', width: 110 },
              { title: '计划务工时间', render: (_: unknown, p) => month(p.plannedMonth), width: 130 },
              { title: '计划务工地点', dataIndex: 'place', width: 220 },
              { title: '行业', dataIndex: 'industry', width: 120 },
              { title: '就业服务需求', dataIndex: 'serviceNeed' },
              ...(!plannedActions
                ? []
                : [
                    {
                      title: '',
                      key: 'actions',
                      width: 110,
                      render: (_: unknown, p: PlannedWorkView) => (
                        <Space size={4}>
                          <Button size="small" type="link" onClick={() => setPlanning(p)}>修改</Button>
                          <Popconfirm title="删除这条计划外出务工记录？" onConfirm={() => void remove('national.deletePlannedWork', p.id)}>
                            <Button size="small" type="link" danger>删除</Button>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]),
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
      {planning && (
        <PlannedDialog
          planned={planning}
          members={props.members.filter((m) => !m.removed)}
          onClose={() => setPlanning(null)}
          onSaved={() => {
            setPlanning(null)
            data.reload()
          }}
        />
      )}
      {editingInfo && d && (
        <InfoDialog
          householdId={props.householdId}
          values={d.infoValues}
          onClose={() => setEditingInfo(false)}
          onSaved={() => {
            setEditingInfo(false)
            data.reload()
          }}
        />
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
  working?: '是' | '否'
  pointToPoint?: '是' | '否'
  travelSubsidy?: string
  jobSubsidy?: '是' | '否'
}

const YES_NO = [{ value: '是', label: '是' }, { value: '否', label: '否' }]
const fenText = (fen: number | null | undefined) => (fen === null || fen === undefined ? undefined : fenToYuanText(fen).replace(/\.00$/, ''))

const CHANNELS = ['自主务工', '企业招聘', '有组织劳务输出', '就近就业', '公益岗位', '帮扶车间']
const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : null)

function SpellDialog(props: { spell: Partial<WorkSpellView>; members: { id: number; name: string }[]; onClose(): void; onSaved(): void }) {
  const s = props.spell
  const [form] = Form.useForm<SpellForm>()
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
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
        working: v.working ?? null,
        pointToPoint: v.pointToPoint ?? null,
        travelSubsidy: opt(v.travelSubsidy),
        jobSubsidy: v.jobSubsidy ?? null,
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
    <Modal open title={s.id ? '修改务工经历' : '登记务工经历'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={props.onClose} width={640} styles={{ body: { maxHeight: '64vh', overflowY: 'auto' } }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<SpellForm>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{
          memberId: s.memberId, startMonth: s.startMonth ?? undefined, endMonth: s.endMonth ?? undefined, province: s.province ?? undefined, city: s.city ?? undefined,
          countyAt: s.countyAt ?? undefined, channel: s.channel ?? undefined, employer: s.employer ?? undefined, industry: s.industry ?? undefined,
          monthlyIncome: fenText(s.monthlyIncomeFen),
          working: (s.working as '是' | '否' | null | undefined) ?? (s.id ? undefined : '是'),
          pointToPoint: (s.pointToPoint as '是' | '否' | null | undefined) ?? undefined,
          travelSubsidy: fenText(s.travelSubsidyFen),
          jobSubsidy: (s.jobSubsidy as '是' | '否' | null | undefined) ?? undefined,
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
        <Form.Item name="monthlyIncome" label="务工月收入（元）" rules={[{ pattern: /^\d[\d,]{0,12}(?:\.\d{1,2})?$/, message: '「务工月收入」请填写金额（元），如 4500' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="working" label="是否已务工" extra="已不在务工的请选「否」并填写结束时间">
          <Select allowClear aria-label="是否已务工" options={YES_NO} />
        </Form.Item>
        <Form.Item name="pointToPoint" label="是否点对点输送">
          <Select allowClear aria-label="是否点对点输送" options={YES_NO} />
        </Form.Item>
        <Form.Item name="travelSubsidy" label="年度交通费补助（元）" rules={[{ pattern: /^\d[\d,]{0,12}(?:\.\d{1,2})?$/, message: '「年度交通费补助」请填写金额（元），如 600；没有填 0' }]}>
          <Input placeholder="没有填 0" />
        </Form.Item>
        <Form.Item name="jobSubsidy" label="是否享受稳岗补贴">
          <Select allowClear aria-label="是否享受稳岗补贴" options={YES_NO} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

interface PlannedForm {
  memberId?: number
  planned?: '是' | '否'
  plannedMonth?: string
  province?: string
  city?: string
  countyAt?: string
  industry?: string
  serviceNeed?: string
}

const SERVICE_NEEDS = ['职业介绍', '技能培训', '创业服务', '劳务输出', '就业援助', '无']

/** 计划外出务工信息: one record per person. */
function PlannedDialog(props: { planned: Partial<PlannedWorkView>; members: { id: number; name: string }[]; onClose(): void; onSaved(): void }) {
  const p = props.planned
  const [form] = Form.useForm<PlannedForm>()
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    setError(null)
    setSaving(true)
    try {
      await call('national.savePlannedWork', {
        ...(p.id ? { id: p.id } : {}),
        memberId: v.memberId!,
        planned: v.planned ?? null,
        plannedMonth: opt(v.plannedMonth),
        province: opt(v.province),
        city: opt(v.city),
        countyAt: opt(v.countyAt),
        industry: opt(v.industry),
        serviceNeed: opt(v.serviceNeed),
      })
      props.onSaved()
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal open title={p.id ? '修改计划外出务工' : '登记计划外出务工'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={props.onClose} width={640}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<PlannedForm>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{
          memberId: p.memberId, planned: (p.planned as '是' | '否' | null | undefined) ?? (p.id ? undefined : '是'), plannedMonth: p.plannedMonth ?? undefined,
          province: p.province ?? undefined, city: p.city ?? undefined, countyAt: p.countyAt ?? undefined, industry: p.industry ?? undefined, serviceNeed: p.serviceNeed ?? undefined,
        }}
      >
        <Form.Item name="memberId" label="家庭成员" rules={[{ required: true, message: '请选择家庭成员' }]}>
          <Select disabled={Boolean(p.id)} aria-label="家庭成员" options={props.members.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="planned" label="是否计划务工" rules={[{ required: true, message: '请选择「是否计划务工」' }]}>
          <Select aria-label="是否计划务工" options={YES_NO} />
        </Form.Item>
        <Form.Item name="plannedMonth" label="计划务工时间" rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '「计划务工时间」请填写年月，如 2027-03' }]}>
          <Input placeholder="2027-03" />
        </Form.Item>
        <Form.Item label="计划务工地点" style={{ marginBottom: 0 }}>
          <Space>
            <Form.Item name="province"><Input placeholder="省" aria-label="计划务工所在省" style={{ width: 120 }} /></Form.Item>
            <Form.Item name="city"><Input placeholder="市" aria-label="计划务工所在市" style={{ width: 120 }} /></Form.Item>
            <Form.Item name="countyAt"><Input placeholder="县（区）" aria-label="计划务工所在县" style={{ width: 120 }} /></Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="industry" label="计划务工行业"><Input aria-label="计划务工行业" /></Form.Item>
        <Form.Item name="serviceNeed" label="就业服务需求">
          <Select allowClear showSearch aria-label="就业服务需求" options={SERVICE_NEEDS.map((n) => ({ value: n, label: n }))} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** The 户信息 (乡村建设) columns the clerk edits here; the household's own fields (户类型, 住房面积 …) are edited with the household. */
const INFO_FIELDS = NATIONAL_FIELDS.householdInfo.filter((f) =>
  ['housing_structure', 'sanitary_toilet', 'toilet_type', 'toilet_usable', 'tap_water', 'garbage', 'sewage', 'road_type', 'broadband', 'energy'].includes(f.key),
)

function InfoDialog(props: { householdId: number; values: Record<string, string | null> | null; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<Record<string, string | undefined>>()
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    setError(null)
    setSaving(true)
    try {
      await call('national.saveHouseholdInfo', { householdId: props.householdId, values: Object.fromEntries(INFO_FIELDS.map((f) => [f.key, opt(v[f.key])])) })
      props.onSaved()
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal open title="户信息（乡村建设）" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={props.onClose} width={640}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="horizontal" labelCol={{ span: 9 }} initialValues={Object.fromEntries(INFO_FIELDS.map((f) => [f.key, props.values?.[f.key] ?? undefined]))}>
        {INFO_FIELDS.map((f) => (
          <Form.Item key={f.key} name={f.key} label={f.label} style={{ marginBottom: 10 }}>
            {f.kind === 'yesno' ? <Select allowClear aria-label={f.label} options={YES_NO} /> : <Input aria-label={f.label} />}
          </Form.Item>
        ))}
      </Form>
      <Typography.Text type="secondary">户类型、家庭人口数、联系电话、住房面积、是否危房在户信息页面的相应栏目中修改，导出时一并写出。</Typography.Text>
    </Modal>
  )
}
