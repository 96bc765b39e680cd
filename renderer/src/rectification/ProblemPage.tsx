/** One problem: its fields, the status steps (整改完成 date; 销号 date and approver), dated progress notes, evidence files and the 整改销号表. */
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Popconfirm, Space, Steps, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { AttachmentView, ProblemDetail } from '../../../shared/api/rectification'
import { PROBLEM_STATUSES, type ProblemStatus } from '../../../shared/domain/rectification'
import { Can, useCan } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { DeadlineTag, StatusTag } from './DeadlineTag'
import { ProblemForm } from './ProblemForm'
import { today } from './today'

const sizeText = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`)

export function ProblemPage({ id }: { id: number }) {
  const { data, error, reload } = useCall('rectification.get', { id, today: today() })
  const [editing, setEditing] = useState(false)
  if (error) return <Alert className="page" type="error" showIcon message={error.message} />
  if (!data) return null
  return (
    <div className="page">
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate('#/rectification')}>← 问题整改台账</Button>
        <Button onClick={() => navigate(`#/print/rectification/${id}`)}>打印整改销号表</Button>
        <Can op="rectification.update">
          <Button onClick={() => setEditing((v) => !v)}>{editing ? '收起修改' : '修改问题'}</Button>
        </Can>
        <Can op="rectification.delete">
          <DeleteButton p={data} />
        </Can>
      </Space>
      {editing ? (
        <Card size="small" title="修改问题" style={{ marginBottom: 12 }}>
          <ProblemForm
            problem={data}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false)
              reload()
            }}
          />
        </Card>
      ) : (
        <Card size="small" title={<Space>{data.source}{data.batchNo && <span>{data.batchNo}</span>}<StatusTag status={data.status} /><DeadlineTag p={data} /></Space>} style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="问题描述" span={3}>{data.description}</Descriptions.Item>
            <Descriptions.Item label="问题编号">{data.problemNo}</Descriptions.Item>
            <Descriptions.Item label="发现日期">{data.foundDate}</Descriptions.Item>
            <Descriptions.Item label="涉及范围">{data.scopeLabel}</Descriptions.Item>
            <Descriptions.Item label="责任领导">{data.leader}</Descriptions.Item>
            <Descriptions.Item label="责任单位">{data.unit}</Descriptions.Item>
            <Descriptions.Item label="责任人">{data.person}</Descriptions.Item>
            <Descriptions.Item label="整改时限">{data.deadline}</Descriptions.Item>
            <Descriptions.Item label="整改完成日期">{data.rectifiedDate}</Descriptions.Item>
            <Descriptions.Item label="销号">{data.closedDate ? `${data.closedDate}（${data.closedBy ?? ''}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="整改措施" span={3}>{data.measures}</Descriptions.Item>
            <Descriptions.Item label="举一反三" span={3}>{data.similar}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <StatusCard p={data} onChanged={reload} />
      <ProgressCard p={data} onChanged={reload} />
      <AttachmentsCard p={data} onChanged={reload} />
    </div>
  )
}

function DeleteButton({ p, disabled }: { p: ProblemDetail; disabled?: boolean }) {
  const { message } = App.useApp()
  return (
    <Popconfirm
      disabled={disabled}
      title="删除这个问题？"
      description="整改进展和佐证材料的记录一并删除（可在修改记录中查到）。"
      okText="删除"
      cancelText="取消"
      onConfirm={async () => {
        try {
          await call('rectification.delete', { id: p.id })
          message.success('已删除')
          navigate('#/rectification')
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e))
        }
      }}
    >
      <Button danger disabled={disabled || p.status === '已销号'}>删除</Button>
    </Popconfirm>
  )
}

function StatusCard({ p, onChanged }: { p: ProblemDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [asking, setAsking] = useState<ProblemStatus | null>(null)
  const [form] = Form.useForm<{ date?: Dayjs; approver?: string }>()
  const index = PROBLEM_STATUSES.indexOf(p.status)
  const next = PROBLEM_STATUSES[index + 1]
  const previous = index > 0 ? PROBLEM_STATUSES[index - 1] : undefined
  const move = async (status: ProblemStatus, date?: string, approver?: string) => {
    try {
      await call('rectification.setStatus', { id: p.id, status, date: date ?? null, approver: approver ?? null })
      message.success(`已改为「${status}」`)
      setAsking(null)
      onChanged()
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  const forward = (status: ProblemStatus) => (status === '已整改' || status === '已销号' ? setAsking(status) : void move(status))
  return (
    <Card size="small" title="整改状态" style={{ marginBottom: 12 }}>
      <Steps
        size="small"
        current={index}
        items={PROBLEM_STATUSES.map((s) => ({
          title: s,
          description: s === '已整改' ? p.rectifiedDate ?? undefined : s === '已销号' ? (p.closedDate ? `${p.closedDate} ${p.closedBy ?? ''}` : undefined) : undefined,
        }))}
        style={{ marginBottom: 12 }}
      />
      <Can op="rectification.setStatus" hide>
        <Space>
          {next && (
            <Button type="primary" onClick={() => forward(next)}>
              {next === '已销号' ? '登记销号' : `改为「${next}」`}
            </Button>
          )}
          {previous && <Button onClick={() => void move(previous)}>退回「{previous}」</Button>}
        </Space>
      </Can>
      <Modal
        title={asking === '已销号' ? '登记销号' : '整改完成'}
        open={asking !== null}
        okText="确定"
        cancelText="取消"
        onCancel={() => setAsking(null)}
        onOk={() =>
          form.validateFields().then(
            (v) => move(asking!, v.date?.format('YYYY-MM-DD'), v.approver?.trim()),
            // The form shows what is missing under its fields.
            () => undefined,
          )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ date: dayjs() }}>
          <Form.Item name="date" label={asking === '已销号' ? '销号日期' : '整改完成日期'} rules={[{ required: true, message: '请填写日期' }]}>
            <DatePicker />
          </Form.Item>
          {asking === '已销号' && (
            <Form.Item name="approver" label="审批销号的单位或人员" rules={[{ required: true, whitespace: true, message: '请填写审批销号的单位或人员' }]}>
              <Input maxLength={40} placeholder="如 县乡村振兴局 李某" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  )
}

function ProgressCard({ p, onChanged }: { p: ProblemDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ date: Dayjs; note: string }>()
  const canDelete = useCan('rectification.deleteProgress')
  const add = async (v: { date: Dayjs; note: string }) => {
    try {
      await call('rectification.addProgress', { problemId: p.id, date: v.date.format('YYYY-MM-DD'), note: v.note.trim() })
      form.resetFields()
      onChanged()
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <Card size="small" title={`整改进展（${p.progress.length}）`} style={{ marginBottom: 12 }}>
      <List
        size="small"
        dataSource={p.progress}
        locale={{ emptyText: '尚无进展记录' }}
        renderItem={(g) => (
          <List.Item
            actions={canDelete ? [
              <Popconfirm key="del" title="删除这条进展？" okText="删除" cancelText="取消" onConfirm={() => call('rectification.deleteProgress', { id: g.id }).then(onChanged)}>
                <a>删除</a>
              </Popconfirm>,
            ] : []}
          >
            <Typography.Text strong style={{ marginRight: 12 }}>{g.date}</Typography.Text>
            <span>{g.note}</span>
          </List.Item>
        )}
      />
      <Can op="rectification.addProgress" hide>
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} initialValues={{ date: dayjs() }} style={{ marginTop: 8 }}>
        <Form.Item name="date" rules={[{ required: true, message: '请填写日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" rules={[{ required: true, whitespace: true, message: '请填写进展' }]} style={{ width: 520 }}>
          <Input maxLength={1000} placeholder="本次整改进展" />
        </Form.Item>
        <Button htmlType="submit">添加进展</Button>
      </Form>
      </Can>
    </Card>
  )
}

function AttachmentsCard({ p, onChanged }: { p: ProblemDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const canRemove = useCan('rectification.removeAttachment')
  const upload = async () => {
    const picked = await window.ledger.pickFile({ title: '选择佐证材料（照片或扫描件）', extensions: ['jpg', 'jpeg', 'png', 'pdf', 'tif', 'tiff'] })
    if (!picked.ok) return message.error(picked.error.message)
    if (!picked.value) return
    try {
      await call('rectification.attach', { problemId: p.id, fileId: picked.value.fileId })
      message.success(`已添加「${picked.value.name}」`)
      onChanged()
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  const open = async (a: AttachmentView) => {
    try {
      const f = await call('rectification.openAttachment', { id: a.id })
      const r = await window.ledger.saveFile(f.fileId, f.name)
      if (!r.ok) message.error(r.error.message)
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <Card size="small" title={`佐证材料（${p.attachments.length}）`} extra={<Can op="rectification.attach"><Button onClick={() => void upload()}>上传照片或扫描件</Button></Can>}>
      <Typography.Paragraph type="secondary">支持 .jpg、.png、.pdf、.tif，单个不超过 20 MB；文件保存在台账文件夹中，随备份一起备份。</Typography.Paragraph>
      <List
        size="small"
        dataSource={p.attachments}
        locale={{ emptyText: '尚无佐证材料' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <a key="open" onClick={() => void open(a)}>{a.missing ? '' : '打开 / 另存'}</a>,
              ...(canRemove
                ? [
                    <Popconfirm key="del" title="移除这份材料？" okText="移除" cancelText="取消" onConfirm={() => call('rectification.removeAttachment', { id: a.id }).then(onChanged)}>
                      <a>移除</a>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Space>
              <span>{a.fileName}</span>
              <Typography.Text type="secondary">{sizeText(a.sizeBytes)} · {a.addedAt.slice(0, 10)}</Typography.Text>
              {a.missing && <Typography.Text type="danger">文件不在台账文件夹中（可能被移动或删除），请重新上传或从备份恢复</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  )
}
