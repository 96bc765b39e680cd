/** The fields of a problem (新增 and 修改): source, number, dates, description, scope linked to a village, household or project, responsibility, measures, 举一反三. */
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { ProblemFieldsInput, ProblemRow } from '../../../shared/api/rectification'
import { PROBLEM_SCOPES, PROBLEM_SOURCES, SCOPE_LABELS, type ProblemScope } from '../../../shared/domain/rectification'
import { call, CallError } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { householdLabel, useHouseholdSearch } from '../common/use-household-search'

interface Values {
  problemNo?: string
  source: ProblemFieldsInput['source']
  batchNo?: string
  foundDate: Dayjs
  description: string
  scope: ProblemScope
  villageId?: number | null
  householdId?: number | null
  projectId?: number | null
  scopeNote?: string
  leader?: string
  unit?: string
  person?: string
  measures?: string
  deadline?: Dayjs | null
  similar?: string
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null)
const opt = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null)

export function ProblemForm({ problem, onSaved, onCancel }: { problem?: ProblemRow; onSaved(id: number): void; onCancel?(): void }) {
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [search, setSearch] = useState('')
  const scope = Form.useWatch('scope', form) ?? problem?.scope ?? 'village'
  const villages = useCall('households.villages', {})
  const projects = useCall('projects.list', { pageSize: 500 })
  const households = useHouseholdSearch(search)
  const submit = async (v: Values) => {
    const fields: ProblemFieldsInput = {
      problemNo: opt(v.problemNo), source: v.source, batchNo: opt(v.batchNo), foundDate: day(v.foundDate)!, description: v.description.trim(), scope: v.scope,
      villageId: v.villageId ?? null, householdId: v.householdId ?? null, projectId: v.projectId ?? null, scopeNote: opt(v.scopeNote),
      leader: opt(v.leader), unit: opt(v.unit), person: opt(v.person), measures: opt(v.measures), deadline: day(v.deadline), similar: opt(v.similar),
    }
    setSaving(true)
    try {
      if (problem) {
        await call('rectification.update', { id: problem.id, fields })
        onSaved(problem.id)
      } else onSaved((await call('rectification.create', fields)).id)
    } catch (e) {
      const err = e instanceof CallError ? e : new CallError('internal', String(e))
      const name = err.field && ['deadline', 'foundDate', 'scope', 'villageId', 'householdId', 'projectId', 'description'].includes(err.field) ? err.field : 'description'
      form.setFields([{ name: name as keyof Values, errors: [err.message] }])
    } finally {
      setSaving(false)
    }
  }
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={
        problem
          ? { ...problem, problemNo: problem.problemNo ?? undefined, foundDate: dayjs(problem.foundDate), deadline: problem.deadline ? dayjs(problem.deadline) : null } as unknown as Values
          : { source: '县巡视', scope: 'village', foundDate: dayjs() }
      }
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
            <Select options={PROBLEM_SOURCES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="batchNo" label="批次或文号">
            <Input maxLength={80} placeholder="如 县巡反〔2026〕3号" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="problemNo" label="问题编号">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="foundDate" label="发现日期" rules={[{ required: true, message: '请填写发现日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label="问题描述" rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="scope" label="涉及范围">
            <Select options={PROBLEM_SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          {scope === 'village' && (
            <Form.Item name="villageId" label="村">
              <Select allowClear placeholder="选择村" options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
            </Form.Item>
          )}
          {scope === 'household' && (
            <Form.Item name="householdId" label="户（输入户主姓名、拼音首字母或证件号后几位查找）">
              <Select
                showSearch
                allowClear
                filterOption={false}
                onSearch={setSearch}
                placeholder={problem?.scope === 'household' ? problem.scopeLabel : '查找户'}
                options={households.map((h) => ({ value: h.id, label: householdLabel(h) }))}
              />
            </Form.Item>
          )}
          {scope === 'project' && (
            <Form.Item name="projectId" label="项目">
              <Select showSearch allowClear optionFilterProp="label" placeholder="选择项目" options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
        </Col>
        <Col span={8}>
          <Form.Item name="scopeNote" label="范围说明">
            <Input maxLength={200} placeholder="台账中没有对应记录时写明" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="leader" label="责任领导">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="unit" label="责任单位">
            <AutoComplete maxLength={80} options={['乡农业农村办', '乡财政所', '乡民政办', '村委会'].map((value) => ({ value }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="person" label="责任人">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="deadline" label="整改时限">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="measures" label="整改措施">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="similar" label="举一反三（其他地方发现的同类问题及处理）">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存
      </Button>
      {onCancel && (
        <Button style={{ marginLeft: 8 }} onClick={onCancel}>
          取消
        </Button>
      )}
    </Form>
  )
}
