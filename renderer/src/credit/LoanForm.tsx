/** The fields of a loan (新增 and 修改): the household and borrower, bank, contract, amount, dates and term, purpose, 户贷户用 / 户贷企用. */
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import type { LoanDetail, LoanFieldsInput } from '../../../shared/api/credit'
import type { HouseholdDetail } from '../../../shared/domain/households'
import { LOAN_USES, type LoanUse } from '../../../shared/domain/credit'
import { fenToYuanText } from '../../../shared/domain/money'
import { call, CallError } from '../common/api/client'
import { householdLabel, useHouseholdSearch } from '../common/use-household-search'

interface Values {
  householdId?: number
  memberId?: number | null
  bank: string
  contractNo?: string
  amount: string
  loanDate: Dayjs
  termMonths?: number | null
  dueDate?: Dayjs | null
  purpose?: string
  use: LoanUse
  enterprise?: string
  note?: string
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null)
const opt = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null)
const FIELDS = ['householdId', 'memberId', 'bank', 'contractNo', 'amount', 'loanDate', 'termMonths', 'dueDate', 'purpose', 'use', 'enterprise', 'note']

export function LoanForm(props: { loan?: LoanDetail; householdId?: number; onSaved(id: number): void; onCancel?(): void }) {
  const { loan } = props
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [search, setSearch] = useState('')
  const households = useHouseholdSearch(search)
  const householdId = Form.useWatch('householdId', form) ?? loan?.householdId ?? props.householdId
  const use = Form.useWatch('use', form) ?? loan?.use ?? '户贷户用'
  const [detail, setDetail] = useState<HouseholdDetail | undefined>()
  useEffect(() => {
    let live = true
    if (householdId) call('households.get', { id: householdId }).then((h) => live && setDetail(h), () => live && setDetail(undefined))
    return () => {
      live = false
    }
  }, [householdId])
  const household = { data: householdId ? detail : undefined }
  const submit = async (v: Values) => {
    const hid = v.householdId ?? householdId
    if (!hid) return form.setFields([{ name: 'householdId', errors: ['请选择借款户。'] }])
    const fields: LoanFieldsInput = {
      householdId: hid, memberId: v.memberId ?? null, bank: v.bank.trim(), contractNo: opt(v.contractNo), amount: v.amount.trim(), loanDate: day(v.loanDate)!,
      termMonths: v.termMonths ?? null, dueDate: day(v.dueDate), purpose: opt(v.purpose), use: v.use, enterprise: opt(v.enterprise), note: opt(v.note),
    }
    setSaving(true)
    try {
      if (loan) {
        await call('credit.update', { id: loan.id, fields })
        props.onSaved(loan.id)
      } else props.onSaved((await call('credit.create', fields)).id)
    } catch (e) {
      const err = e instanceof CallError ? e : new CallError('internal', String(e))
      const name = err.field && FIELDS.includes(err.field) ? err.field : 'bank'
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
        loan
          ? {
              householdId: loan.householdId, memberId: loan.memberId, bank: loan.bank, contractNo: loan.contractNo ?? undefined, amount: fenToYuanText(loan.amountFen),
              loanDate: dayjs(loan.loanDate), termMonths: loan.termMonths, dueDate: dayjs(loan.dueDate), purpose: loan.purpose ?? undefined, use: loan.use,
              enterprise: loan.enterprise ?? undefined, note: loan.note ?? undefined,
            }
          : { householdId: props.householdId, use: '户贷户用', termMonths: 36 }
      }
    >
      <Row gutter={12}>
        <Col span={12}>
          {props.householdId || loan ? (
            <Form.Item label="借款户">
              <Input disabled value={household.data ? `${household.data.members.find((m) => m.relation === '户主')?.name ?? ''} · ${household.data.villageName} · ${household.data.householdNo ?? ''}` : ''} />
            </Form.Item>
          ) : (
            <Form.Item name="householdId" label="借款户（输入户主姓名、拼音首字母或证件号后几位查找）" rules={[{ required: true, message: '请选择借款户。' }]}>
              <Select showSearch allowClear filterOption={false} onSearch={setSearch} placeholder="查找户" options={households.map((h) => ({ value: h.id, label: householdLabel(h) }))} />
            </Form.Item>
          )}
        </Col>
        <Col span={12}>
          <Form.Item name="memberId" label="借款人（不选为户主）">
            <Select
              allowClear
              disabled={!household.data}
              options={(household.data?.members ?? []).filter((m) => !m.removedReason).map((m) => ({ value: m.id, label: `${m.name}（${m.relation ?? ''}）` }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="bank" label="贷款银行" rules={[{ required: true, whitespace: true, message: '请填写贷款银行。' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contractNo" label="合同编号">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="amount" label="贷款金额（元）" rules={[{ required: true, pattern: /^\d[\d,]*(\.\d{1,2})?$/, message: '请填写金额（元），如 50000。' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="loanDate" label="放款日期" rules={[{ required: true, message: '请选择放款日期。' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="termMonths" label="期限（月）">
            <InputNumber min={1} max={120} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="dueDate" label="到期日期（不填按期限计算）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="purpose" label="贷款用途（产业）">
            <Input placeholder="如：养牛、种植茶叶" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="use" label="使用方式">
            <Select options={LOAN_USES.map((u) => ({ value: u, label: u }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          {use === '户贷企用' && (
            <Form.Item name="enterprise" label="用款企业" rules={[{ required: true, whitespace: true, message: '户贷企用请填写用款企业。' }]}>
              <Input />
            </Form.Item>
          )}
        </Col>
        <Col span={24}>
          <Form.Item name="note" label="备注">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
        {props.onCancel && (
          <Button style={{ marginRight: 8 }} onClick={props.onCancel}>
            取消
          </Button>
        )}
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form.Item>
    </Form>
  )
}
