/** 资金: budget lines by source (add/edit/delete), disbursements (add/delete) and the totals. */
import { Alert, App, AutoComplete, Button, Card, DatePicker, Form, Input, Select, Statistic, Table, Tag } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { fenToYuanText, formatYuan, formatYuanNumber } from '../../../../shared/domain/money'
import { FUND_SOURCES, sourcesWithMoney, type BudgetLineView, type DisbursementView, type ProjectDetail } from '../../../../shared/domain/projects'
import { Can } from '../../accounts'
import { call } from '../../common/api/client'
import { useCall } from '../../common/api/use-call'
import { day, errorText, rateText, required, text, wan, yuan } from './common'
import { RecordModal, RowActions } from './RecordModal'

type Dialog = { kind: 'budget'; line?: BudgetLineView } | { kind: 'disbursement' } | null

const money = [
  { required: true, message: '请填写金额' },
  { pattern: /^\s*\d{1,3}(,?\d{3})*(\.\d{1,2})?\s*$|^\s*\d+(\.\d{1,2})?\s*$/, message: '金额应为元，最多两位小数，如 12000.50' },
]

export function FundsTab({ project: p, onChanged }: { project: ProjectDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [dialog, setDialog] = useState<Dialog>(null)
  const units = useCall('projects.units', {})
  const knownSources = useCall('projects.sources', {})
  const source = Form.useWatch('source', form) as string | undefined
  const t = p.totals

  const submit = async (v: Record<string, unknown>) => {
    if (dialog?.kind === 'budget') {
      const record = { kind: 'budget' as const, source: v.source as string, unitName: text(v.unitName), amount: yuan(v.amount)!, note: text(v.note) }
      if (dialog.line) await call('projects.updateRecord', { id: dialog.line.id, record })
      else await call('projects.addRecord', { projectId: p.id, record })
      message.success('已保存预算')
    } else {
      await call('projects.addRecord', {
        projectId: p.id,
        record: {
          kind: 'disbursement',
          date: day(v.date as Dayjs)!,
          amount: yuan(v.amount)!,
          source: (v.source as string | undefined) ?? null,
          batch: text(v.batch),
          docNo: text(v.docNo),
          payee: text(v.payee),
        },
      })
      message.success('已登记拨付')
    }
    onChanged()
  }
  const remove = async (kind: 'budget' | 'disbursement', id: number) => {
    try {
      await call('projects.deleteRecord', { id, kind })
      message.success('已删除')
      onChanged()
    } catch (err) {
      message.error(errorText(err))
    }
  }
  const sources = sourcesWithMoney(t)

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="project-stats">
          <Statistic title="预算合计（万元）" value={wan(t.budgetFen)} />
          <Statistic title="已拨付（万元）" value={wan(t.disbursedFen)} />
          <Statistic title="结余（万元）" value={wan(t.balanceFen)} styles={{ content: t.balanceFen < 0 ? { color: '#a8071a' } : undefined }} />
          <Statistic title="拨付率" value={rateText(t.disbursedRate)} styles={{ content: t.overDisbursed ? { color: '#a8071a' } : undefined }} />
        </div>
        {sources.length > 0 && (
          <div>
            {sources.map((s) => (
              <Tag key={s} style={{ marginBottom: 4 }}>{`${s} ${wan(t.bySource[s] ?? 0)} 万元`}</Tag>
            ))}
          </div>
        )}
        {t.overDisbursed && (
          <Alert type="error" showIcon style={{ marginTop: 8 }} title={`已拨付 ${formatYuan(t.disbursedFen)}，超过预算 ${formatYuan(t.budgetFen)}，请核对拨付记录和资金来源。`} />
        )}
        {p.sourceOverruns.map((o) => (
          <Alert
            key={o.source}
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            title={`「${o.source}」已拨付 ${formatYuan(o.disbursedFen)}，超过该来源预算 ${formatYuan(o.budgetFen)}（超出 ${formatYuan(o.disbursedFen - o.budgetFen)}），请核对拨付记录的资金来源。`}
          />
        ))}
      </Card>
      <Card size="small" title="资金来源（预算）" style={{ marginBottom: 12 }} extra={<Can op="projects.addRecord"><Button onClick={() => setDialog({ kind: 'budget' })}>添加预算</Button></Can>}>
        <Table<BudgetLineView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.budget}
          locale={{ emptyText: '尚未登记预算' }}
          columns={[
            { title: '资金来源', dataIndex: 'source', width: 140 },
            { title: '帮扶单位', dataIndex: 'unitName', width: 200 },
            { title: '金额（元）', dataIndex: 'amountFen', width: 160, align: 'right', render: (v: number) => formatYuanNumber(v) },
            { title: '备注', dataIndex: 'note' },
            {
              title: '',
              key: 'ops',
              width: 110,
              render: (_: unknown, r) => <RowActions what="预算" onEdit={() => setDialog({ kind: 'budget', line: r })} onDelete={() => void remove('budget', r.id)} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title="拨付明细" style={{ marginBottom: 12 }} extra={<Can op="projects.addRecord"><Button onClick={() => setDialog({ kind: 'disbursement' })}>登记拨付</Button></Can>}>
        <Table<DisbursementView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.disbursements}
          locale={{ emptyText: '尚未拨付' }}
          columns={[
            { title: '拨付日期', dataIndex: 'date', width: 110 },
            { title: '金额（元）', dataIndex: 'amountFen', width: 160, align: 'right', render: (v: number) => formatYuanNumber(v) },
            { title: '资金来源', dataIndex: 'source', width: 140 },
            { title: '批次', dataIndex: 'batch', width: 100 },
            { title: '文件号', dataIndex: 'docNo' },
            { title: '收款单位', dataIndex: 'payee' },
            { title: '', key: 'ops', width: 70, render: (_: unknown, r) => <RowActions what="拨付记录" onDelete={() => void remove('disbursement', r.id)} /> },
          ]}
        />
      </Card>
      <RecordModal
        title={dialog === null ? null : dialog.kind === 'budget' ? (dialog.line ? '修改预算' : '添加预算') : '登记拨付'}
        form={form}
        onSubmit={submit}
        onClose={() => setDialog(null)}
        initialValues={
          dialog?.kind === 'budget' && dialog.line
            ? { source: dialog.line.source, unitName: dialog.line.unitName ?? undefined, amount: fenToYuanText(dialog.line.amountFen), note: dialog.line.note ?? undefined }
            : dialog?.kind === 'disbursement'
              ? { date: dayjs() }
              : undefined
        }
      >
        {dialog?.kind === 'budget' ? (
          <>
            <Form.Item name="source" label="资金来源" rules={required}>
              <Select aria-label="资金来源" options={(knownSources.data ?? FUND_SOURCES).map((s) => ({ value: s, label: s }))} />
            </Form.Item>
            {source === '帮扶单位资金' && (
              <Form.Item name="unitName" label="帮扶单位" rules={required}>
                <AutoComplete aria-label="帮扶单位" options={units.data?.map((u) => ({ value: u }))} />
              </Form.Item>
            )}
            <Form.Item name="amount" label="金额（元）" rules={money}>
              <Input aria-label="金额（元）" suffix="元" placeholder="如 120000" />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input aria-label="备注" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="date" label="拨付日期" rules={required}>
              <DatePicker aria-label="拨付日期" />
            </Form.Item>
            <Form.Item name="amount" label="金额（元）" rules={money}>
              <Input aria-label="金额（元）" suffix="元" />
            </Form.Item>
            <Form.Item name="source" label="资金来源">
              <Select aria-label="资金来源" allowClear options={(knownSources.data ?? FUND_SOURCES).map((s) => ({ value: s, label: s }))} />
            </Form.Item>
            <Form.Item name="batch" label="批次">
              <Input aria-label="批次" placeholder="如 第一批" />
            </Form.Item>
            <Form.Item name="docNo" label="文件号">
              <Input aria-label="文件号" />
            </Form.Item>
            <Form.Item name="payee" label="收款单位">
              <Input aria-label="收款单位" />
            </Form.Item>
          </>
        )}
      </RecordModal>
    </>
  )
}
