/** 问题整改台账: the reminders (逾期, 临期), the list with its filters, 新增问题, import, export and the printed ledger. */
import { Alert, App, Badge, Button, Card, Input, Modal, Select, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { ProblemRow } from '../../../shared/api/rectification'
import { PROBLEM_SOURCES, PROBLEM_STATUSES, type ProblemSource, type ProblemStatus } from '../../../shared/domain/rectification'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { DeadlineTag, StatusTag } from './DeadlineTag'
import { ProblemForm } from './ProblemForm'
import { today } from './today'

export function RectificationPage() {
  const { message } = App.useApp()
  const [status, setStatus] = useState<ProblemStatus | undefined>()
  const [source, setSource] = useState<ProblemSource | undefined>()
  const [deadline, setDeadline] = useState<'overdue' | 'near' | undefined>()
  const [q, setQ] = useState('')
  const [adding, setAdding] = useState(false)
  const list = useCall('rectification.list', { today: today(), status, source, deadline, q: q || undefined })
  const reminders = useCall('rectification.reminders', { today: today() })
  const overdue = reminders.data?.overdue.length ?? 0
  const near = reminders.data?.near.length ?? 0
  const exportLedger = async () => {
    try {
      const f = await call('rectification.export', { status })
      const r = await window.ledger.saveFile(f.fileId, f.name)
      if (!r.ok) message.error(r.error.message)
      else if (r.value) message.success('已导出问题整改台账')
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  const columns: ColumnsType<ProblemRow> = [
    { title: '来源', dataIndex: 'source', width: 90 },
    { title: '批次或文号', dataIndex: 'batchNo', width: 150, render: (v: string | null, p) => [v, p.problemNo].filter(Boolean).join(' · ') },
    { title: '发现日期', dataIndex: 'foundDate', width: 105 },
    { title: '问题描述', dataIndex: 'description', ellipsis: true },
    { title: '涉及范围', dataIndex: 'scopeLabel', width: 150, ellipsis: true },
    { title: '责任单位 / 责任人', key: 'who', width: 150, render: (_: unknown, p) => [p.unit, p.person].filter(Boolean).join(' / ') },
    { title: '整改时限', dataIndex: 'deadline', width: 215, render: (v: string | null, p) => <Space size={4}>{v}<DeadlineTag p={p} /></Space> },
    { title: '状态', dataIndex: 'status', width: 80, render: (s: ProblemStatus) => <StatusTag status={s} /> },
  ]
  return (
    <div className="page">
      <Card
        size="small"
        title="问题整改台账"
        style={{ marginBottom: 12 }}
        extra={
          <Space>
            <Can op="rectification.create">
              <Button type="primary" onClick={() => setAdding(true)}>新增问题</Button>
            </Can>
            <Can op="rectification.importCommit">
              <Button onClick={() => navigate('#/rectification/import')}>导入问题清单</Button>
            </Can>
            <Button onClick={() => void exportLedger()}>导出 Excel</Button>
            <Button onClick={() => navigate('#/print/rectification')}>打印整改台账</Button>
          </Space>
        }
      >
        {(overdue > 0 || near > 0) && (
          <Alert
            type={overdue ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <Space size="large">
                <span>整改提醒：</span>
                <a onClick={() => setDeadline('overdue')}>
                  <Badge count={overdue} showZero color="#cf1322" /> 个问题已过整改时限
                </a>
                <a onClick={() => setDeadline('near')}>
                  <Badge count={near} showZero color="#d48806" /> 个问题 7 天内到期
                </a>
              </Space>
            }
          />
        )}
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear placeholder="状态" style={{ width: 110 }} value={status} onChange={setStatus} options={PROBLEM_STATUSES.map((s) => ({ value: s, label: s }))} />
          <Select allowClear placeholder="来源" style={{ width: 120 }} value={source} onChange={setSource} options={PROBLEM_SOURCES.map((s) => ({ value: s, label: s }))} />
          <Select
            allowClear
            placeholder="时限"
            style={{ width: 120 }}
            value={deadline}
            onChange={setDeadline}
            options={[{ value: 'overdue', label: '已逾期' }, { value: 'near', label: '7 天内到期' }]}
          />
          <Input.Search allowClear placeholder="问题描述、文号、责任人" style={{ width: 240 }} onSearch={setQ} />
          <Typography.Text type="secondary">共 {list.data?.length ?? 0} 个问题</Typography.Text>
        </Space>
        {list.error && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        <Table<ProblemRow>
          rowKey="id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(p) => ({ onClick: () => navigate(`#/rectification/${p.id}`), style: { cursor: 'pointer' } })}
        />
      </Card>
      <Modal title="新增问题" open={adding} onCancel={() => setAdding(false)} footer={null} width={900} destroyOnHidden>
        <ProblemForm
          onCancel={() => setAdding(false)}
          onSaved={(id) => {
            setAdding(false)
            message.success('已新增问题')
            navigate(`#/rectification/${id}`)
          }}
        />
      </Modal>
    </div>
  )
}
