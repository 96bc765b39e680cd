/** One loan: its fields (修改), balance and status, repayments and 展期, 贴息 by period, and the monitoring measures that refer to it. */
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import type { LoanDetail, RepaymentView, SubsidyView } from '../../../shared/api/credit'
import { REPAYMENT_KINDS, type RepaymentKind } from '../../../shared/domain/credit'
import { formatYuan, formatYuanNumber } from '../../../shared/domain/money'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { LoanForm } from './LoanForm'
import { LoanStatusTag } from './LoanTags'
import { today } from './today'

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null)
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function LoanPage({ id }: { id: number }) {
  const { data, error, reload } = useCall('credit.get', { id, today: today() })
  const [editing, setEditing] = useState(false)
  if (error) return <Alert className="page" type="error" showIcon message={error.message} />
  if (!data) return null
  return (
    <div className="page">
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate('#/credit')}>← 小额信贷台账</Button>
        <Button onClick={() => navigate(`#/households/${data.householdId}`)}>打开借款户</Button>
        <Can op="credit.update">
          <Button onClick={() => setEditing((v) => !v)}>{editing ? '收起修改' : '修改贷款'}</Button>
        </Can>
        <Can op="credit.delete">
          <DeleteButton loan={data} />
        </Can>
      </Space>
      {editing ? (
        <Card size="small" title="修改贷款" style={{ marginBottom: 12 }}>
          <LoanForm
            loan={data}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false)
              reload()
            }}
          />
        </Card>
      ) : (
        <Card size="small" title={<Space>{data.borrower}的贷款<LoanStatusTag loan={data} /></Space>} style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="借款人">{data.borrower}（{data.idNumberMasked ?? '无证件号码'}）</Descriptions.Item>
            <Descriptions.Item label="行政村">{data.village}</Descriptions.Item>
            <Descriptions.Item label="信用等级">{data.grade ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="贷款银行">{data.bank}</Descriptions.Item>
            <Descriptions.Item label="合同编号">{data.contractNo}</Descriptions.Item>
            <Descriptions.Item label="贷款金额">{formatYuan(data.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="放款日期">{data.loanDate}</Descriptions.Item>
            <Descriptions.Item label="期限">{data.termMonths ? `${data.termMonths} 个月` : '—'}</Descriptions.Item>
            <Descriptions.Item label="到期日期">
              {data.currentDueDate}
              {data.currentDueDate !== data.dueDate && <Typography.Text type="secondary">（原 {data.dueDate}，已展期）</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="贷款用途">{data.purpose}</Descriptions.Item>
            <Descriptions.Item label="使用方式">{data.use}{data.enterprise ? `（${data.enterprise}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="已还 / 余额">{formatYuan(data.repaidFen)} / <b>{formatYuan(data.balanceFen)}</b></Descriptions.Item>
            <Descriptions.Item label="贴息合计">{formatYuan(data.subsidyFen)}</Descriptions.Item>
            <Descriptions.Item label="监测帮扶措施" span={2}>
              {data.measures.length ? data.measures.map((m) => `${m.date} 金融帮扶（小额信贷）`).join('；') : '未关联（可在户页面「监测」中登记金融帮扶 / 小额信贷时选择这笔贷款）'}
            </Descriptions.Item>
            {data.note && <Descriptions.Item label="备注" span={3}>{data.note}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
      <RepaymentsCard loan={data} onChanged={reload} />
      <SubsidiesCard loan={data} onChanged={reload} />
    </div>
  )
}

function DeleteButton({ loan, disabled }: { loan: LoanDetail; disabled?: boolean }) {
  const { message } = App.useApp()
  return (
    <Popconfirm
      disabled={disabled}
      title="删除这笔贷款？"
      description="还款、展期和贴息记录一并删除（可在修改记录中查到）。"
      okText="删除"
      cancelText="取消"
      onConfirm={async () => {
        try {
          await call('credit.delete', { id: loan.id })
          message.success('已删除')
          navigate('#/credit')
        } catch (e) {
          message.error(errorText(e))
        }
      }}
    >
      <Button danger disabled={disabled}>删除贷款</Button>
    </Popconfirm>
  )
}

interface RepaymentValues {
  kind: RepaymentKind
  date?: Dayjs
  amount?: string
  newDueDate?: Dayjs
  note?: string
}

function RepaymentsCard({ loan, onChanged }: { loan: LoanDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<RepaymentValues>()
  const kind = Form.useWatch('kind', form) ?? '还款'
  const [error, setError] = useState<string | null>(null)
  const add = async (v: RepaymentValues) => {
    setError(null)
    const date = day(v.date)
    if (!date) return setError('请选择日期。')
    try {
      await call('credit.addRepayment', {
        loanId: loan.id, kind: v.kind, date, amount: v.kind === '还款' ? (v.amount?.trim() ?? '') || null : null,
        newDueDate: v.kind === '展期' ? day(v.newDueDate) : null, note: v.note?.trim() || null,
      })
      message.success(v.kind === '还款' ? '已登记还款' : '已登记展期')
      form.resetFields()
      onChanged()
    } catch (e) {
      setError(errorText(e))
    }
  }
  const remove = async (r: RepaymentView) => {
    try {
      await call('credit.deleteRepayment', { id: r.id })
      onChanged()
    } catch (e) {
      message.error(errorText(e))
    }
  }
  return (
    <Card size="small" title="还款与展期" style={{ marginBottom: 12 }} data-card="repayments">
      <Table<RepaymentView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={loan.repayments}
        locale={{ emptyText: '尚未登记还款或展期' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '类别', dataIndex: 'kind', width: 70 },
          { title: '还款金额（元）', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number | null) => (v === null ? '—' : formatYuanNumber(v)) },
          { title: '展期后到期日期', dataIndex: 'newDueDate', width: 130, render: (v: string | null) => v ?? '—' },
          { title: '备注', dataIndex: 'note' },
          {
            title: '', width: 60,
            render: (_: unknown, r) => (
              <Can op="credit.deleteRepayment" hide>
                <Popconfirm title="删除这条记录？" okText="删除" cancelText="取消" onConfirm={() => void remove(r)}>
                  <Button size="small" type="link" danger>删除</Button>
                </Popconfirm>
              </Can>
            ),
          },
        ]}
      />
      <Can op="credit.addRepayment" hide>
      <Form<RepaymentValues> form={form} layout="inline" size="small" style={{ marginTop: 12, rowGap: 8 }} initialValues={{ kind: '还款' }} onFinish={(v) => void add(v)}>
        <Form.Item name="kind" label="类别">
          <Select aria-label="还款类别" style={{ width: 90 }} options={REPAYMENT_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="date" label="日期">
          <DatePicker aria-label="还款日期" />
        </Form.Item>
        {kind === '还款' ? (
          <Form.Item name="amount" label="还款金额（元）">
            <Input aria-label="还款金额（元）" style={{ width: 120 }} placeholder={`余额 ${formatYuanNumber(loan.balanceFen)}`} />
          </Form.Item>
        ) : (
          <Form.Item name="newDueDate" label="展期后到期日期">
            <DatePicker aria-label="展期后到期日期" />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input aria-label="还款备注" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">登记{kind}</Button>
        </Form.Item>
      </Form>
      </Can>
      {error && <Alert type="error" showIcon message={`未登记：${error}`} style={{ marginTop: 8 }} />}
    </Card>
  )
}

interface SubsidyValues {
  period?: string
  date?: Dayjs
  amount?: string
  note?: string
}

function SubsidiesCard({ loan, onChanged }: { loan: LoanDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<SubsidyValues>()
  const [error, setError] = useState<string | null>(null)
  const add = async (v: SubsidyValues) => {
    setError(null)
    if (!v.period?.trim()) return setError('请填写贴息期间，如「2026年第1季度」。')
    try {
      await call('credit.addSubsidy', { loanId: loan.id, period: v.period.trim(), date: day(v.date), amount: v.amount?.trim() ?? '', note: v.note?.trim() || null })
      message.success('已登记贴息')
      form.resetFields()
      onChanged()
    } catch (e) {
      setError(errorText(e))
    }
  }
  const remove = async (s: SubsidyView) => {
    try {
      await call('credit.deleteSubsidy', { id: s.id })
      onChanged()
    } catch (e) {
      message.error(errorText(e))
    }
  }
  return (
    <Card size="small" title="贴息" data-card="subsidies">
      <Table<SubsidyView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={loan.subsidies}
        locale={{ emptyText: '尚未登记贴息' }}
        columns={[
          { title: '贴息期间', dataIndex: 'period', width: 160 },
          { title: '贴息日期', dataIndex: 'date', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '贴息金额（元）', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => formatYuanNumber(v) },
          { title: '备注', dataIndex: 'note' },
          {
            title: '', width: 60,
            render: (_: unknown, s) => (
              <Can op="credit.deleteSubsidy" hide>
                <Popconfirm title="删除这条贴息？" okText="删除" cancelText="取消" onConfirm={() => void remove(s)}>
                  <Button size="small" type="link" danger>删除</Button>
                </Popconfirm>
              </Can>
            ),
          },
        ]}
        summary={() =>
          loan.subsidies.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{formatYuanNumber(loan.subsidyFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={2} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <Can op="credit.addSubsidy" hide>
      <Form<SubsidyValues> form={form} layout="inline" size="small" style={{ marginTop: 12, rowGap: 8 }} onFinish={(v) => void add(v)}>
        <Form.Item name="period" label="贴息期间">
          <Input aria-label="贴息期间" style={{ width: 150 }} placeholder="如 2026年第1季度" />
        </Form.Item>
        <Form.Item name="date" label="贴息日期">
          <DatePicker aria-label="贴息日期" />
        </Form.Item>
        <Form.Item name="amount" label="贴息金额（元）">
          <Input aria-label="贴息金额（元）" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input aria-label="贴息备注" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">登记贴息</Button>
        </Form.Item>
      </Form>
      </Can>
      {error && <Alert type="error" showIcon message={`未登记：${error}`} style={{ marginTop: 8 }} />}
    </Card>
  )
}
