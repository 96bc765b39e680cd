/** 扶贫小额信贷台账: the reminders (30 天内到期, 逾期), filters by village, status and bank, per-village totals, the loans; 新增, import, export, print. */
import { Alert, App, Badge, Button, Card, Checkbox, Input, Modal, Select, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { LoanRow, VillageCreditTotal } from '../../../shared/api/credit'
import { LOAN_STATUSES, type LoanStatus } from '../../../shared/domain/credit'
import { formatYuanNumber } from '../../../shared/domain/money'
import { Can, UNMASK_HINT, useCanUnmask } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { LoanForm } from './LoanForm'
import { LoanStatusTag } from './LoanTags'
import { today } from './today'

const yuan = (fen: number) => formatYuanNumber(fen)

export function CreditPage() {
  const { message } = App.useApp()
  const [villageId, setVillageId] = useState<number | undefined>()
  const [status, setStatus] = useState<LoanStatus | undefined>()
  const [bank, setBank] = useState<string | undefined>()
  const [reminder, setReminder] = useState<'dueSoon' | 'overdue' | undefined>()
  const [q, setQ] = useState('')
  const [adding, setAdding] = useState(false)
  const [unmasked, setUnmasked] = useState(false)
  const canUnmask = useCanUnmask()
  const filter = { villageId, status, bank, reminder, q: q || undefined }
  const ledger = useCall('credit.list', { today: today(), ...filter })
  const reminders = useCall('credit.reminders', { today: today() })
  const villages = useCall('households.villages', {})
  const dueSoon = reminders.data?.dueSoon.length ?? 0
  const overdue = reminders.data?.overdue.length ?? 0
  const exportLedger = async () => {
    try {
      const f = await call('credit.export', { ...filter, unmasked: unmasked && canUnmask })
      const r = await window.ledger.saveFile(f.fileId, f.name)
      if (!r.ok) message.error(r.error.message)
      else if (r.value) message.success('已导出小额信贷台账')
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  const columns: ColumnsType<LoanRow> = [
    { title: '行政村', dataIndex: 'village', width: 90 },
    { title: '借款人', dataIndex: 'borrower', width: 80 },
    { title: '信用等级', dataIndex: 'grade', width: 76, render: (g: string | null) => g ?? '—' },
    { title: '贷款银行', dataIndex: 'bank', width: 120, ellipsis: true },
    { title: '合同编号', dataIndex: 'contractNo', width: 120, ellipsis: true },
    { title: '金额（元）', dataIndex: 'amountFen', width: 100, align: 'right', render: yuan },
    { title: '放款日期', dataIndex: 'loanDate', width: 98 },
    { title: '到期日期', dataIndex: 'currentDueDate', width: 98 },
    { title: '用途', dataIndex: 'purpose', ellipsis: true, render: (p: string | null, l) => [p, l.use === '户贷企用' ? `企用：${l.enterprise ?? ''}` : null].filter(Boolean).join(' · ') },
    { title: '余额（元）', dataIndex: 'balanceFen', width: 100, align: 'right', render: yuan },
    { title: '状态', dataIndex: 'status', width: 150, render: (_: unknown, l) => <LoanStatusTag loan={l} /> },
  ]
  const totalColumns: ColumnsType<VillageCreditTotal> = [
    { title: '行政村', dataIndex: 'village' },
    { title: '户数', dataIndex: 'households', width: 70, align: 'right' },
    { title: '笔数', dataIndex: 'loans', width: 70, align: 'right' },
    { title: '贷款金额（元）', dataIndex: 'amountFen', width: 130, align: 'right', render: yuan },
    { title: '贷款余额（元）', dataIndex: 'balanceFen', width: 130, align: 'right', render: yuan },
    { title: '逾期笔数', dataIndex: 'overdueLoans', width: 80, align: 'right' },
    { title: '逾期余额（元）', dataIndex: 'overdueFen', width: 130, align: 'right', render: yuan },
  ]
  const data = ledger.data
  return (
    <div className="page">
      <Card
        size="small"
        title="扶贫小额信贷台账"
        style={{ marginBottom: 12 }}
        extra={
          <Space>
            <Can op="credit.create">
              <Button type="primary" onClick={() => setAdding(true)}>新增贷款</Button>
            </Can>
            <Can op="credit.importCommit">
              <Button onClick={() => navigate('#/credit/import')}>导入贷款名单</Button>
            </Can>
            <Button onClick={() => void exportLedger()}>导出 Excel</Button>
            <Checkbox
              checked={unmasked && canUnmask}
              disabled={!canUnmask}
              onChange={(e) => setUnmasked(e.target.checked)}
              title={canUnmask ? '导出的表可再导入（按证件号码对应）；记入访问日志' : UNMASK_HINT}
            >
              含完整证件号码
            </Checkbox>
            <Button onClick={() => navigate('#/print/credit')}>打印小额信贷台账</Button>
          </Space>
        }
      >
        {(overdue > 0 || dueSoon > 0) && (
          <Alert
            type={overdue ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <Space size="large">
                <span>还款提醒：</span>
                <a onClick={() => setReminder('overdue')}>
                  <Badge count={overdue} showZero color="#cf1322" /> 笔贷款已逾期
                </a>
                <a onClick={() => setReminder('dueSoon')}>
                  <Badge count={dueSoon} showZero color="#d48806" /> 笔贷款 30 天内到期
                </a>
              </Space>
            }
          />
        )}
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear placeholder="行政村" style={{ width: 130 }} value={villageId} onChange={setVillageId} options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
          <Select allowClear placeholder="状态" style={{ width: 110 }} value={status} onChange={setStatus} options={LOAN_STATUSES.map((s) => ({ value: s, label: s }))} />
          <Select allowClear placeholder="贷款银行" style={{ width: 160 }} value={bank} onChange={setBank} options={(data?.banks ?? []).map((b) => ({ value: b, label: b }))} />
          <Select
            allowClear
            placeholder="提醒"
            style={{ width: 130 }}
            value={reminder}
            onChange={setReminder}
            options={[{ value: 'overdue', label: '已逾期' }, { value: 'dueSoon', label: '30 天内到期' }]}
          />
          <Input.Search allowClear placeholder="借款人、合同编号、用途" style={{ width: 220 }} onSearch={setQ} />
          <Typography.Text type="secondary">共 {data?.loans.length ?? 0} 笔</Typography.Text>
        </Space>
        {ledger.error && <Alert type="error" showIcon message={ledger.error.message} style={{ marginBottom: 12 }} />}
        <Table<LoanRow>
          rowKey="id"
          size="small"
          loading={ledger.loading}
          columns={columns}
          dataSource={data?.loans ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(l) => ({ onClick: () => navigate(`#/credit/${l.id}`), style: { cursor: 'pointer' } })}
        />
      </Card>
      <Card size="small" title="各村汇总（按上面的筛选）" data-card="credit-totals">
        <Table<VillageCreditTotal>
          rowKey={(v) => String(v.villageId)}
          size="small"
          pagination={false}
          columns={totalColumns}
          dataSource={data?.villages ?? []}
          summary={() =>
            data && data.villages.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{data.total.households}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{data.total.loans}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{yuan(data.total.amountFen)}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{yuan(data.total.balanceFen)}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">{data.total.overdueLoans}</Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">{yuan(data.total.overdueFen)}</Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Modal title="新增贷款" open={adding} onCancel={() => setAdding(false)} footer={null} width={860} destroyOnHidden>
        <LoanForm
          onCancel={() => setAdding(false)}
          onSaved={(id) => {
            setAdding(false)
            message.success('已新增贷款')
            navigate(`#/credit/${id}`)
          }}
        />
      </Modal>
    </div>
  )
}
