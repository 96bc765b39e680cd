/**
 * 进度与节点: the lifecycle milestones as a timeline (申报 … 资产移交; the core refuses an
 * acceptance before 竣工 and a handover before a passed acceptance) and the progress reports.
 */
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Progress, Radio, Select, Table, Tag, Timeline, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { formatYuanNumber } from '../../../../shared/domain/money'
import { MILESTONE_KINDS, type MilestoneKind, type MilestoneView, type ProgressView, type ProjectDetail } from '../../../../shared/domain/projects'
import { Can } from '../../accounts'
import { call } from '../../common/api/client'
import { day, errorText, required, text, yuan } from './common'
import { RecordModal, RowActions } from './RecordModal'

type Dialog = 'milestone' | 'progress' | null

const MILESTONE_COLORS: Partial<Record<string, string>> = { 开工: 'blue', 竣工: 'cyan', 验收: 'green', 资产移交: 'purple' }

export function MilestonesTab({ project: p, onChanged }: { project: ProjectDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [dialog, setDialog] = useState<Dialog>(null)
  const kind = Form.useWatch('milestone', form) as MilestoneKind | undefined
  const result = Form.useWatch('result', form) as string | undefined
  const recorded = new Set(p.milestones.map((m) => m.kind))
  // The next stage not yet recorded is offered first.
  const next = MILESTONE_KINDS.find((k) => !recorded.has(k)) ?? '验收'

  const submit = async (v: Record<string, unknown>) => {
    if (dialog === 'milestone') {
      const milestone = v.milestone as MilestoneKind
      await call('projects.addRecord', {
        projectId: p.id,
        record: {
          kind: 'milestone',
          milestone,
          date: day(v.date as Dayjs)!,
          result: milestone === '验收' ? ((v.result as '合格' | '不合格' | undefined) ?? null) : null,
          winner: milestone === '招标' ? text(v.winner) : null,
          note: text(v.note),
        },
      })
      message.success(`已登记${milestone}`)
    } else {
      await call('projects.addRecord', {
        projectId: p.id,
        record: { kind: 'progress', date: day(v.date as Dayjs)!, percent: v.percent as number, invested: yuan(v.invested), lagReason: text(v.lagReason) },
      })
      message.success('已登记进度')
    }
    onChanged()
  }
  const remove = async (kind: 'milestone' | 'progress', id: number) => {
    try {
      await call('projects.deleteRecord', { id, kind })
      message.success('已删除')
      onChanged()
    } catch (err) {
      message.error({ content: errorText(err), duration: 8 })
    }
  }
  const latest = p.progress[p.progress.length - 1]

  return (
    <>
      <Card size="small" title="项目节点" style={{ marginBottom: 12 }} extra={<Can op="projects.addRecord"><Button onClick={() => setDialog('milestone')}>登记节点</Button></Can>}>
        {p.milestones.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记节点（申报、入库、批复、招标、开工、竣工、验收、资产移交）" />
        ) : (
          <Timeline
            className="milestone-timeline"
            items={p.milestones.map((m) => ({
              key: m.id,
              color: m.result === '不合格' ? 'red' : (MILESTONE_COLORS[m.kind] ?? 'gray'),
              content: <MilestoneItem m={m} onDelete={() => void remove('milestone', m.id)} />,
            }))}
          />
        )}
      </Card>
      <Card
        size="small"
        title={latest ? `进度（最新：${latest.date} 完成 ${latest.percent}%）` : '进度'}
        extra={<Can op="projects.addRecord"><Button onClick={() => setDialog('progress')}>登记进度</Button></Can>}
      >
        <Table<ProgressView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.progress}
          locale={{ emptyText: '尚未登记进度' }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '完成进度', dataIndex: 'percent', width: 200, render: (v: number) => <Progress percent={v} size="small" /> },
            { title: '已完成投资（元）', dataIndex: 'investedFen', width: 160, align: 'right', render: (v: number | null) => (v === null ? '' : formatYuanNumber(v)) },
            { title: '滞后原因', dataIndex: 'lagReason' },
            { title: '', key: 'ops', width: 70, render: (_: unknown, r) => <RowActions what="进度记录" onDelete={() => void remove('progress', r.id)} /> },
          ]}
        />
      </Card>
      <RecordModal
        title={dialog === 'milestone' ? '登记项目节点' : dialog === 'progress' ? '登记进度' : null}
        form={form}
        onSubmit={submit}
        onClose={() => setDialog(null)}
        initialValues={dialog === 'milestone' ? { milestone: next, date: dayjs() } : { date: dayjs() }}
      >
        {dialog === 'milestone' ? (
          <>
            <Form.Item name="milestone" label="节点" rules={required}>
              <Select aria-label="节点" options={MILESTONE_KINDS.map((k) => ({ value: k, label: recorded.has(k) ? `${k}（已登记）` : k }))} />
            </Form.Item>
            <Form.Item name="date" label="日期" rules={required}>
              <DatePicker aria-label="日期" />
            </Form.Item>
            {kind === '招标' && (
              <Form.Item name="winner" label="中标单位" rules={required}>
                <Input aria-label="中标单位" />
              </Form.Item>
            )}
            {kind === '验收' && (
              <Form.Item name="result" label="验收结论" rules={[{ required: true, message: '请选择验收结论' }]}>
                <Radio.Group aria-label="验收结论" options={['合格', '不合格']} />
              </Form.Item>
            )}
            <Form.Item
              name="note"
              label={kind === '验收' && result === '不合格' ? '整改要求' : '说明'}
              rules={kind === '验收' && result === '不合格' ? [{ required: true, message: '验收不合格时请写明整改要求' }] : undefined}
            >
              <Input.TextArea aria-label={kind === '验收' && result === '不合格' ? '整改要求' : '说明'} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="date" label="日期" rules={required}>
              <DatePicker aria-label="日期" />
            </Form.Item>
            <Form.Item name="percent" label="完成进度（%）" rules={required}>
              <InputNumber aria-label="完成进度（%）" min={0} max={100} precision={0} style={{ width: 160 }} suffix="%" />
            </Form.Item>
            <Form.Item name="invested" label="已完成投资（元）" rules={[{ pattern: /^\s*[\d,]+(\.\d{1,2})?\s*$/, message: '金额应为元，最多两位小数' }]}>
              <Input aria-label="已完成投资（元）" suffix="元" />
            </Form.Item>
            <Form.Item name="lagReason" label="滞后原因">
              <Input.TextArea aria-label="滞后原因" autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        )}
      </RecordModal>
    </>
  )
}

function MilestoneItem({ m, onDelete }: { m: MilestoneView; onDelete(): void }) {
  return (
    <div className="milestone-item" data-milestone={m.kind}>
      <div className="milestone-item-head">
        <Typography.Text strong>{m.kind}</Typography.Text>
        <Typography.Text type="secondary">{m.date}</Typography.Text>
        {m.result && <Tag color={m.result === '合格' ? 'green' : 'red'}>{m.result}</Tag>}
        {m.winner && <Typography.Text>中标单位：{m.winner}</Typography.Text>}
        <RowActions what={`${m.kind}记录`} onDelete={onDelete} />
      </div>
      {m.note && <Typography.Text type={m.result === '不合格' ? 'danger' : 'secondary'}>{m.result === '不合格' ? `整改要求：${m.note}` : m.note}</Typography.Text>}
    </div>
  )
}
