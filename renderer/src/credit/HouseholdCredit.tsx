/** The household page's 小额信贷 card: the household's 信用等级 and 授信额度 (editable) and its loans with balance and status; 新增贷款 for this household. */
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { LoanRow } from '../../../shared/api/credit'
import { CREDIT_GRADES, type CreditGrade } from '../../../shared/domain/credit'
import { fenToYuanText, formatYuan, formatYuanNumber } from '../../../shared/domain/money'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { LoanForm } from './LoanForm'
import { LoanStatusTag } from './LoanTags'
import { today } from './today'

interface RatingValues {
  grade: CreditGrade
  ratedBy?: string
  ratedDate?: Dayjs | null
  creditLimit?: string
  creditDate?: Dayjs | null
  note?: string
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null)

export function HouseholdCredit({ householdId }: { householdId: number }) {
  const { message } = App.useApp()
  const { data, reload } = useCall('credit.household', { householdId, today: today() })
  const [rating, setRating] = useState(false)
  const [adding, setAdding] = useState(false)
  const [form] = Form.useForm<RatingValues>()
  const r = data?.rating
  const save = async (v: RatingValues) => {
    try {
      await call('credit.setRating', {
        householdId, grade: v.grade, ratedBy: v.ratedBy?.trim() || null, ratedDate: day(v.ratedDate), creditLimit: v.creditLimit?.trim() || null,
        creditDate: day(v.creditDate), note: v.note?.trim() || null,
      })
      setRating(false)
      reload()
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <Card
      size="small"
      title="小额信贷"
      style={{ marginBottom: 12 }}
      data-card="credit"
      extra={
        <Space>
          <Can op="credit.setRating">
            <Button size="small" onClick={() => setRating(true)}>{r ? '修改评级授信' : '登记评级授信'}</Button>
          </Can>
          <Can op="credit.create">
            <Button size="small" onClick={() => setAdding(true)}>新增贷款</Button>
          </Can>
        </Space>
      }
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="信用等级">{r ? r.grade : '未登记'}</Descriptions.Item>
        <Descriptions.Item label="评级">{r ? [r.ratedBy, r.ratedDate].filter(Boolean).join(' ') || '—' : '—'}</Descriptions.Item>
        <Descriptions.Item label="授信额度">{r?.creditLimitFen != null ? formatYuan(r.creditLimitFen) : '—'}</Descriptions.Item>
        <Descriptions.Item label="授信日期">{r?.creditDate ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table<LoanRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.loans ?? []}
        locale={{ emptyText: '这户没有小额信贷' }}
        onRow={(l) => ({ onClick: () => navigate(`#/credit/${l.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '借款人', dataIndex: 'borrower', width: 80 },
          { title: '贷款银行', dataIndex: 'bank' },
          { title: '合同编号', dataIndex: 'contractNo', width: 130 },
          { title: '金额（元）', dataIndex: 'amountFen', width: 100, align: 'right', render: (v: number) => formatYuanNumber(v) },
          { title: '放款日期', dataIndex: 'loanDate', width: 100 },
          { title: '到期日期', dataIndex: 'currentDueDate', width: 100 },
          { title: '余额（元）', dataIndex: 'balanceFen', width: 100, align: 'right', render: (v: number) => formatYuanNumber(v) },
          { title: '状态', width: 150, render: (_: unknown, l) => <LoanStatusTag loan={l} /> },
        ]}
      />
      <Modal title="评级授信" open={rating} onCancel={() => setRating(false)} onOk={() => form.submit()} okText="保存" destroyOnHidden>
        <Form<RatingValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{
            grade: r?.grade ?? 'A', ratedBy: r?.ratedBy ?? undefined, ratedDate: r?.ratedDate ? dayjs(r.ratedDate) : null,
            creditLimit: r?.creditLimitFen != null ? fenToYuanText(r.creditLimitFen) : undefined, creditDate: r?.creditDate ? dayjs(r.creditDate) : null, note: r?.note ?? undefined,
          }}
        >
          <Form.Item name="grade" label="信用等级">
            <Select options={CREDIT_GRADES.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
          <Form.Item name="ratedBy" label="评级小组">
            <Input placeholder="如：示例一村风险评级小组" />
          </Form.Item>
          <Form.Item name="ratedDate" label="评级日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="creditLimit" label="授信额度（元）">
            <Input placeholder="如 50000" />
          </Form.Item>
          <Form.Item name="creditDate" label="授信日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="新增贷款" open={adding} onCancel={() => setAdding(false)} footer={null} width={860} destroyOnHidden>
        <LoanForm
          householdId={householdId}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false)
            message.success('已新增贷款')
            reload()
          }}
        />
      </Modal>
    </Card>
  )
}
