/**
 * 基本信息: every field of the project in one form (saved together, with the unsaved-change
 * guard and Ctrl+S), the 绩效目标 indicators and the 联农带农机制.
 */
import { Alert, App, AutoComplete, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ProjectFieldsInput } from '../../../../shared/api/projects'
import { fenToYuanText } from '../../../../shared/domain/money'
import {
  INDICATOR_LEVELS, INDICATOR_LEVEL1, PROJECT_CATEGORIES, PROJECT_NATURES, type IndicatorLevel1, type IndicatorView, type ProjectDetail,
} from '../../../../shared/domain/projects'
import { Can, useCan } from '../../accounts'
import { call, CallError } from '../../common/api/client'
import { useCall } from '../../common/api/use-call'
import { useEditGuard } from '../../common/useEditGuard'
import { errorText, required, text, yuan } from './common'
import { RecordModal, RowActions } from './RecordModal'

type Values = Record<string, string | number | null | undefined>

const TEXT_KEYS = [
  'projectNo', 'projectName', 'category', 'subtype', 'nature', 'year', 'township', 'location', 'content', 'plannedStart', 'plannedEnd',
  'implementer', 'responsibleUnit', 'responsiblePerson', 'responsiblePhone', 'assistingUnit', 'farmerLink', 'contractor', 'supervisor', 'acceptanceOpinion',
  'acceptanceChecks', 'rectification', 'handoverNote',
] as const
const COUNT_KEYS = ['declaredHouseholds', 'declaredPersons', 'declaredPoorHouseholds', 'declaredPoorPersons'] as const

function toValues(p: ProjectDetail): Values {
  const v: Values = { villageId: p.villageId, settlement: p.settlementFen === null ? null : fenToYuanText(p.settlementFen) }
  for (const k of TEXT_KEYS) v[k] = p[k]
  for (const k of COUNT_KEYS) v[k] = p[k]
  return v
}

/** What the core receives: the full field set, empty text as null. */
function toInput(v: Values): ProjectFieldsInput {
  const out: Record<string, unknown> = {}
  for (const k of TEXT_KEYS) out[k] = text(v[k])
  for (const k of COUNT_KEYS) out[k] = typeof v[k] === 'number' ? v[k] : null
  out.villageId = typeof v.villageId === 'number' ? v.villageId : null
  out.settlement = yuan(v.settlement)
  out.projectName = String(v.projectName ?? '').trim()
  return out as ProjectFieldsInput
}

const same = (a: Values, b: Values) => JSON.stringify(toInput(a)) === JSON.stringify(toInput(b))

/** A date kept in the form as 'YYYY-MM-DD' text, picked with a DatePicker. */
const dateItem = { getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }), normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null) }

export function BasicTab(props: { project: ProjectDetail; onChanged(): void; onDirty(dirty: boolean): void }) {
  const { project: p, onChanged, onDirty } = props
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const canUpdate = useCan('projects.update')
  const villages = useCall('households.villages', {})
  const units = useCall('projects.units', {})
  const initial = useMemo(() => toValues(p), [p])
  const [dirty, setDirtyState] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const setDirty = useCallback(
    (d: boolean) => {
      setDirtyState(d)
      onDirty(d)
    },
    [onDirty],
  )
  // Fresh data from the core (another tab saved a record) replaces the form only when nothing is being edited.
  useEffect(() => {
    if (!dirty) form.setFieldsValue(initial)
  }, [initial])
  useEffect(() => () => onDirty(false), [onDirty])

  const save = async () => {
    let values: Values
    try {
      values = await form.validateFields()
    } catch {
      return
    }
    setSaving(true)
    setError(null)
    try {
      const r = await call('projects.update', { id: p.id, fields: toInput({ ...form.getFieldsValue(true), ...values }) })
      message.success(r.changed.length ? '已保存' : '没有修改')
      setDirty(false)
      onChanged()
    } catch (err) {
      const e = err instanceof CallError ? err : new CallError('internal', String(err))
      setError(e.message)
      if (e.field && (TEXT_KEYS as readonly string[]).concat(COUNT_KEYS, ['villageId', 'settlement']).includes(e.field)) {
        form.setFields([{ name: e.field, errors: [e.message] }])
      }
    } finally {
      setSaving(false)
    }
  }
  useEditGuard(dirty, dirty ? () => void save() : null)
  const reset = () => {
    form.setFieldsValue(initial)
    form.setFields(Object.keys(initial).map((name) => ({ name, errors: [] })))
    setError(null)
    setDirty(false)
  }

  const item = (name: string, label: string, input = <Input aria-label={label} allowClear />, className?: string) => (
    <Form.Item name={name} label={label} className={className}>
      {input}
    </Form.Item>
  )
  const area = (name: string, label: string, rows = 2) => item(name, label, <Input.TextArea aria-label={label} autoSize={{ minRows: rows, maxRows: 8 }} />)
  const count = (name: string, label: string) => item(name, label, <InputNumber aria-label={label} min={0} precision={0} style={{ width: '100%' }} />)
  const date = (name: string, label: string) => (
    <Form.Item name={name} label={label} {...dateItem}>
      <DatePicker aria-label={label} style={{ width: '100%' }} />
    </Form.Item>
  )

  return (
    <>
      <Card
        size="small"
        title="项目信息"
        style={{ marginBottom: 12 }}
        extra={
          canUpdate && (
            <Space>
              <Button onClick={reset} disabled={!dirty}>
                撤销修改
              </Button>
              <Button type="primary" loading={saving} disabled={!dirty} onClick={() => void save()} title="Ctrl+S">
                保存
              </Button>
            </Space>
          )
        }
      >
        {error && <Alert type="error" showIcon title={`未保存：${error}`} style={{ marginBottom: 8 }} />}
        <Form
          form={form}
          name="project"
          layout="vertical"
          size="small"
          disabled={!canUpdate}
          initialValues={initial}
          onValuesChange={() => setDirty(!same(initial, form.getFieldsValue(true)))}
        >
          <div className="project-form-grid">
            <Form.Item name="projectName" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]} className="span-2">
              <Input aria-label="项目名称" />
            </Form.Item>
            {item('projectNo', '项目编号')}
            {item('year', '年度', <Input aria-label="年度" placeholder="如 2024" allowClear />)}
            {item('category', '项目类别', <Select aria-label="项目类别" allowClear options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: c }))} />)}
            {item('subtype', '子类型')}
            {item('nature', '建设性质', <Select aria-label="建设性质" allowClear options={PROJECT_NATURES.map((c) => ({ value: c, label: c }))} />)}
            {item('township', '乡镇')}
            {item(
              'villageId',
              '行政村',
              <Select aria-label="行政村" allowClear showSearch optionFilterProp="label" options={villages.data?.map((v) => ({ value: v.id, label: v.name }))} />,
            )}
            {item('implementer', '实施单位')}
            {item('contractor', '施工单位')}
            {item('supervisor', '监理单位')}
            {item('location', '具体地点', undefined, 'span-2')}
            {date('plannedStart', '计划开工')}
            {date('plannedEnd', '计划完工')}
            {item('responsibleUnit', '责任单位')}
            {item('responsiblePerson', '责任人')}
            {item('responsiblePhone', '联系电话')}
            {item(
              'assistingUnit',
              '帮扶单位',
              <AutoComplete aria-label="帮扶单位" allowClear options={units.data?.map((u) => ({ value: u }))} filterOption={(input, o) => String(o?.value ?? '').includes(input)} />,
            )}
            {item('settlement', '结算金额（元）', <Input aria-label="结算金额" suffix="元" allowClear />)}
            {count('declaredHouseholds', '申报受益户数')}
            {count('declaredPersons', '申报受益人数')}
            {count('declaredPoorHouseholds', '其中脱贫户（监测户）户数')}
            {count('declaredPoorPersons', '其中脱贫户（监测户）人数')}
          </div>
          <div className="project-form-areas">
            {area('content', '建设内容及规模', 3)}
            {area('farmerLink', '联农带农机制', 3)}
            {area('acceptanceChecks', '验收核查情况')}
            {area('acceptanceOpinion', '验收意见')}
            {area('rectification', '整改要求')}
            {area('handoverNote', '资产移交说明')}
          </div>
        </Form>
      </Card>
      <IndicatorsCard project={p} onChanged={onChanged} />
    </>
  )
}

/** 绩效目标: output, benefit and satisfaction indicators (a project without them may not enter the library). */
function IndicatorsCard({ project: p, onChanged }: { project: ProjectDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [editing, setEditing] = useState<IndicatorView | 'new' | null>(null)
  const level1 = Form.useWatch('level1', form) as IndicatorLevel1 | undefined
  const submit = async (v: Record<string, unknown>) => {
    const record = {
      kind: 'indicator' as const,
      level1: String(v.level1),
      level2: text(v.level2),
      indicator: String(v.indicator).trim(),
      target: text(v.target),
      unit: text(v.unit),
      actual: text(v.actual),
    }
    if (editing === 'new') await call('projects.addRecord', { projectId: p.id, record })
    else if (editing) await call('projects.updateRecord', { id: editing.id, record })
    message.success('已保存绩效目标')
    onChanged()
  }
  const remove = async (id: number) => {
    try {
      await call('projects.deleteRecord', { id, kind: 'indicator' })
      onChanged()
    } catch (err) {
      message.error(errorText(err))
    }
  }
  return (
    <Card size="small" title="绩效目标" style={{ marginBottom: 12 }} extra={<Can op="projects.addRecord"><Button onClick={() => setEditing('new')}>添加绩效指标</Button></Can>}>
      <Table<IndicatorView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.indicators}
        locale={{ emptyText: '尚未填写绩效目标（产出、效益、满意度指标）' }}
        columns={[
          { title: '一级指标', dataIndex: 'level1', width: 110 },
          { title: '二级指标', dataIndex: 'level2', width: 130 },
          { title: '三级指标', dataIndex: 'indicator' },
          { title: '目标值', dataIndex: 'target', width: 120 },
          { title: '单位', dataIndex: 'unit', width: 70 },
          { title: '实际完成', dataIndex: 'actual', width: 120 },
          {
            title: '',
            key: 'ops',
            width: 110,
            render: (_: unknown, r) => <RowActions what="绩效指标" onEdit={() => setEditing(r)} onDelete={() => void remove(r.id)} />,
          },
        ]}
      />
      <RecordModal
        title={editing === null ? null : editing === 'new' ? '添加绩效指标' : '修改绩效指标'}
        form={form}
        onSubmit={submit}
        onClose={() => setEditing(null)}
        initialValues={editing && editing !== 'new' ? Object.fromEntries(Object.entries(editing).map(([k, v]) => [k, v ?? undefined])) : undefined}
      >
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="level1" label="一级指标" rules={required} style={{ flex: 1 }}>
            <Select aria-label="一级指标" options={INDICATOR_LEVEL1.map((l) => ({ value: l, label: l }))} onChange={() => form.setFieldValue('level2', undefined)} />
          </Form.Item>
          <Form.Item name="level2" label="二级指标" style={{ flex: 1 }}>
            <Select aria-label="二级指标" allowClear options={(level1 ? INDICATOR_LEVELS[level1] : []).map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        </div>
        <Form.Item name="indicator" label="三级指标" rules={required}>
          <Input aria-label="三级指标" placeholder="如 新建产业路长度" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="target" label="目标值" style={{ flex: 2 }}>
            <Input aria-label="目标值" placeholder="如 ≥3.5" />
          </Form.Item>
          <Form.Item name="unit" label="单位" style={{ flex: 1 }}>
            <Input aria-label="单位" placeholder="如 公里" />
          </Form.Item>
          <Form.Item name="actual" label="实际完成" style={{ flex: 2 }}>
            <Input aria-label="实际完成" />
          </Form.Item>
        </div>
      </RecordModal>
    </Card>
  )
}
