/** 家庭成员: the member table with add (e.g. a newborn), edit, 移出 (with reason and date) and 更换户主. */
import { Alert, App, Button, Card, DatePicker, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useState } from 'react'
import { REMOVAL_REASONS } from '../../../shared/api/households-import'
import { RELATIONS } from '../../../shared/domain/enums'
import type { HouseholdDetail, Member } from '../../../shared/domain/households'
import { type EditIssue, MEMBER_EDIT_FIELDS, ageOn, birthDateOf } from '../../../shared/domain/households-rules'
import { fieldByKey } from '../../../shared/import/households-fields'
import { Can, usePermissions } from '../accounts'
import { CallError, call } from '../common/api/client'
import { MaskedId, RevealInput } from '../common/MaskedId'
import { confirmDiscard } from '../common/GuardedModal'
import { type FormValues, changedFields, fieldInput, fromFormValue, toFormValue } from './fields'
import { useEditGuard } from '../common/useEditGuard'

export const todayIso = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const ageText = (age: number | null) => (age === null ? '—' : age === 0 ? '不满 1 岁' : `${age} 岁`)

function WarningList({ warnings }: { warnings: EditIssue[] }) {
  return <ul style={{ margin: 0, paddingLeft: 18 }}>{warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul>
}

/** Add or edit one member: every roster field of the member, checked by the core. */
function MemberModal(props: { householdId: number; member: Member | null; open: boolean; onClose(saved: boolean): void }) {
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const [error, setError] = useState<string | null>(null)
  const [dirty, setDirty] = useState(false)
  const [saving, setSaving] = useState(false)
  const initial: FormValues = Object.fromEntries(
    MEMBER_EDIT_FIELDS.map((k) => [k, toFormValue(fieldByKey(k), props.member?.values[k] ?? null)]),
  )
  const birth = Form.useWatch('birth_date', form)
  const idNumber = Form.useWatch('id_number', form)
  const age = ageOn(birthDateOf({ birth_date: typeof birth === 'string' ? birth.trim() : null, id_number: typeof idNumber === 'string' ? idNumber.trim() : null }), todayIso())

  useEffect(() => {
    if (props.open) {
      form.resetFields()
      form.setFieldsValue(initial)
      setError(null)
      setDirty(false)
    }
  }, [props.open, props.member?.id])

  const save = async () => {
    setError(null)
    const current = form.getFieldsValue(true) as FormValues
    setSaving(true)
    try {
      const r = props.member
        ? await call('households.updateMember', { memberId: props.member.id, patch: changedFields(MEMBER_EDIT_FIELDS, initial, current) })
        : await call('households.addMember', {
            householdId: props.householdId,
            values: Object.fromEntries(MEMBER_EDIT_FIELDS.map((k) => [k, fromFormValue(current[k])]).filter(([, v]) => v !== null)),
          })
      setDirty(false)
      props.onClose(true)
      message.success(props.member ? '已保存成员信息' : '已新增成员')
      if (r.warnings.length) modal.warning({ title: '已保存，但有需要核对的地方', content: <WarningList warnings={r.warnings} />, width: 560 })
    } catch (err) {
      const msg = err instanceof CallError ? err.message : String(err)
      setError(msg)
      if (err instanceof CallError && err.field) form.setFields([{ name: err.field, errors: [msg] }])
    } finally {
      setSaving(false)
    }
  }
  useEditGuard(props.open && dirty, props.open ? () => void save() : null)

  const close = () => {
    if (dirty) confirmDiscard(modal, { title: '有修改尚未保存，确定要关闭吗？', okText: '放弃修改', cancelText: '继续修改' }, () => props.onClose(false))
    else props.onClose(false)
  }

  return (
    <Modal
      open={props.open}
      title={props.member ? `修改成员「${props.member.name}」` : '新增家庭成员'}
      onCancel={close}
      width={900}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} title="Ctrl+S">
            保存
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={`未保存：${error}`} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph>
        年龄：<strong data-testid="member-age">{ageText(age)}</strong>
        <Typography.Text type="secondary">（按出生日期，未填时按身份证号计算）</Typography.Text>
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={initial}
        className="household-edit-form"
        onValuesChange={() => setDirty(Object.keys(changedFields(MEMBER_EDIT_FIELDS, initial, form.getFieldsValue(true) as FormValues)).length > 0)}
      >
        {MEMBER_EDIT_FIELDS.map((k) => (
          <Form.Item key={k} name={k} label={fieldByKey(k).label} rules={k === 'name' ? [{ required: true, message: '请填写姓名' }] : undefined}>
            {k === 'id_number' ? (
              // The core sends the number masked: typing over it needs the logged reveal first.
              <RevealInput target={props.member ? { memberId: props.member.id } : null} label={fieldByKey(k).label} placeholder="18 位身份证号" />
            ) : (
              fieldInput(k)
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  )
}

function RemoveModal(props: { member: Member | null; onClose(saved: boolean): void }) {
  const { message } = App.useApp()
  const [reason, setReason] = useState<string | undefined>()
  const [date, setDate] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setReason(undefined)
    setDate(undefined)
    setError(null)
  }, [props.member?.id])
  const submit = async () => {
    if (!props.member) return
    if (!reason || !date) return setError('请选择移出原因和日期。')
    try {
      await call('households.removeMember', { memberId: props.member.id, reason: reason as (typeof REMOVAL_REASONS)[number], date })
      message.success(`已移出「${props.member.name}」`)
      props.onClose(true)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <Modal open={props.member !== null} title={`移出成员「${props.member?.name ?? ''}」`} okText="移出" onOk={() => void submit()} onCancel={() => props.onClose(false)}>
      <Typography.Paragraph type="secondary">移出后此人仍保留在台账中，标明原因和日期，不再计入人数。</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select aria-label="移出原因" placeholder="移出原因" value={reason} onChange={setReason} options={REMOVAL_REASONS.map((r) => ({ value: r, label: r }))} style={{ width: '100%' }} />
        <DatePicker aria-label="移出日期" placeholder="移出日期" style={{ width: '100%' }} onChange={(_, s) => setDate(typeof s === 'string' && s ? s : undefined)} />
      </Space>
    </Modal>
  )
}

function HeadModal(props: { household: HouseholdDetail; open: boolean; onClose(saved: boolean): void }) {
  const { message, modal } = App.useApp()
  const [newHead, setNewHead] = useState<number | undefined>()
  const [relation, setRelation] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const active = props.household.members.filter((m) => !m.removedReason)
  const oldHead = active.find((m) => m.relation === '户主')
  const submit = async () => {
    if (!newHead || !relation) return setError('请选择新户主，并为原户主选择新的与户主关系。')
    try {
      const r = await call('households.changeHead', { householdId: props.household.id, newHeadId: newHead, oldHeadRelation: relation })
      message.success('已更换户主')
      props.onClose(true)
      if (r.warnings.length) modal.warning({ title: '已更换户主，请核对', content: <WarningList warnings={r.warnings} />, width: 560 })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <Modal open={props.open} title="更换户主" okText="更换" onOk={() => void submit()} onCancel={() => props.onClose(false)} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select aria-label="新户主" placeholder="新户主" value={newHead} onChange={setNewHead} style={{ width: '100%' }}
          options={active.filter((m) => m.relation !== '户主').map((m) => ({ value: m.id, label: `${m.name}（${m.relation ?? ''}）` }))} />
        <Select aria-label="原户主的新关系" placeholder={`原户主「${oldHead?.name ?? ''}」改为`} value={relation} onChange={setRelation} style={{ width: '100%' }}
          options={RELATIONS.filter((r) => r !== '户主').map((r) => ({ value: r, label: r }))} />
      </Space>
    </Modal>
  )
}

export function MembersCard(props: { household: HouseholdDetail; onChanged(): void }) {
  const h = props.household
  const [editing, setEditing] = useState<Member | null | 'new'>(null)
  const [removing, setRemoving] = useState<Member | null>(null)
  const [headOpen, setHeadOpen] = useState(false)
  const can = usePermissions()
  const active = h.members.filter((m) => !m.removedReason)
  const today = todayIso()
  const done = (saved: boolean) => {
    setEditing(null)
    setRemoving(null)
    setHeadOpen(false)
    if (saved) props.onChanged()
  }
  const columns: ColumnsType<Member> = [
    { title: '姓名', dataIndex: 'name', width: 90, fixed: 'left' },
    { title: '与户主关系', dataIndex: 'relation', width: 90 },
    {
      title: '性别', dataIndex: 'sex', width: 60,
      render: (v: string | null, m: Member) => (m.idWarnings.some((w) => w.startsWith('「性别」')) ? <Tag color="warning" title="与证件号码不一致">{v}</Tag> : v),
    },
    { title: '出生日期', dataIndex: 'birthDate', width: 110 },
    { title: '年龄', key: 'age', width: 80, render: (_: unknown, m: Member) => ageText(ageOn(birthDateOf(m.values), today)) },
    { title: '证件号码', dataIndex: 'idNumber', width: 230, render: (v: string | null, m: Member) => <MaskedId memberId={m.id} idNumber={v} /> },
    { title: '文化程度', dataIndex: 'education', width: 100 },
    { title: '在校生状况', dataIndex: 'schoolStatus', width: 130 },
    { title: '健康状况', dataIndex: 'health', width: 110 },
    { title: '劳动技能', dataIndex: 'labourSkill', width: 110 },
    { title: '务工时间（月）', dataIndex: 'workMonths', width: 110 },
    { title: '大病保险', dataIndex: 'seriousIllnessInsurance', width: 80 },
    {
      title: '状态', key: 'status', width: 160,
      render: (_: unknown, m: Member) => (m.removedReason ? <Tag>{`已移出：${m.removedReason} ${m.removedDate ?? ''}`}</Tag> : <Tag color="green">在户</Tag>),
    },
    // A 只读 account has no actions here: no empty column either.
    ...(!can('households.updateMember') ? [] : [{
      title: '操作', key: 'actions', width: 110, fixed: 'right' as const,
      render: (_: unknown, m: Member) =>
        m.removedReason ? null : (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => setEditing(m)} aria-label={`修改${m.name}`}>修改</Button>
            {m.relation !== '户主' && (
              <Can op="households.removeMember" hide>
                <Button size="small" type="link" danger onClick={() => setRemoving(m)} aria-label={`移出${m.name}`}>移出</Button>
              </Can>
            )}
          </Space>
        ),
    }]),
  ]
  return (
    <Card
      size="small"
      title={`家庭成员（${active.length} 人）`}
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Can op="households.changeHead">
            <Button onClick={() => setHeadOpen(true)} disabled={active.length < 2}>更换户主</Button>
          </Can>
          <Can op="households.addMember">
            <Button type="primary" onClick={() => setEditing('new')}>新增成员</Button>
          </Can>
        </Space>
      }
    >
      {active.some((m) => m.idWarnings.length > 0) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="以下成员的性别或出生日期与证件号码不一致，请核对户口簿后改正："
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {active.flatMap((m) => m.idWarnings.map((w) => <li key={`${m.id}-${w}`}>{`成员「${m.name}」${w}`}</li>))}
            </ul>
          }
        />
      )}
      <Table<Member>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={h.members}
        rowClassName={(m) => (m.removedReason ? 'member-removed' : '')}
        scroll={{ x: 1500 }}
      />
      <MemberModal householdId={h.id} member={editing === 'new' ? null : editing} open={editing !== null} onClose={done} />
      <RemoveModal member={removing} onClose={done} />
      <HeadModal household={h} open={headOpen} onClose={done} />
    </Card>
  )
}
