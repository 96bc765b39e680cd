/** One post: its fields, the holders (安排上岗, months, 离岗), the payroll grid of a month for all holders at once, and the months paid. */
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import type { HolderRow, PayrollRow, PostDetail } from '../../../shared/api/posts'
import { fenToYuanText, formatYuan } from '../../../shared/domain/money'
import { holdsIn } from '../../../shared/domain/posts'
import { Can } from '../accounts'
import { call, CallError } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { PostForm } from './PostForm'
import { thisMonth, today } from './today'

const ym = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM') : null)
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function PostPage({ id }: { id: number }) {
  const { message } = App.useApp()
  const { data, error, reload } = useCall('posts.get', { id, today: today() })
  const [editing, setEditing] = useState(false)
  const [assigning, setAssigning] = useState(false)
  const [closing, setClosing] = useState<Dayjs | null>(null)
  if (error) return <Alert className="page" type="error" showIcon message={error.message} />
  if (!data) return null
  const close = async (month: string | null) => {
    try {
      await call('posts.close', { id, month })
      message.success(month ? `已于 ${month} 撤岗` : '已恢复设岗')
      setClosing(null)
      reload()
    } catch (e) {
      message.error(errText(e))
    }
  }
  return (
    <div className="page">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => navigate('#/posts')}>← 公益性岗位</Button>
        <Can op="posts.update">
          <Button onClick={() => setEditing((v) => !v)}>{editing ? '收起修改' : '修改岗位'}</Button>
        </Can>
        <Can op="posts.close">
          {data.closedMonth ? <Button onClick={() => void close(null)}>恢复设岗</Button> : <Button onClick={() => setClosing(dayjs())}>撤岗</Button>}
        </Can>
        <Can op="posts.delete" hide>
        <Popconfirm
          title="删除这个岗位？"
          description="只有没有工资发放记录的岗位可以删除。"
          okText="删除"
          cancelText="取消"
          onConfirm={async () => {
            try {
              await call('posts.delete', { id })
              message.success('已删除岗位')
              navigate('#/posts')
            } catch (e) {
              message.error(errText(e))
            }
          }}
        >
          <Button danger>删除岗位</Button>
        </Popconfirm>
        </Can>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data.village ?? '乡镇'} {data.typeLabel}
          {data.name ? `（${data.name}）` : ''}
        </Typography.Title>
        <Tag color={data.status === '在岗' ? 'green' : data.status === '空缺' ? 'orange' : undefined}>{data.status}</Tag>
      </Space>
      {editing ? (
        <Card size="small" title="修改岗位" style={{ marginBottom: 12 }}>
          <PostForm
            post={data}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false)
              reload()
            }}
          />
        </Card>
      ) : (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={4}>
            <Descriptions.Item label="岗位类型">{data.typeLabel}</Descriptions.Item>
            <Descriptions.Item label="所在村">{data.village ?? '乡镇统一设岗'}</Descriptions.Item>
            <Descriptions.Item label="岗位补贴">{formatYuan(data.payFen)}/月</Descriptions.Item>
            <Descriptions.Item label="资金来源">{data.fundingNote ? `${data.funding}（${data.fundingNote}）` : data.funding}</Descriptions.Item>
            <Descriptions.Item label="岗位人数">{data.capacity} 人</Descriptions.Item>
            <Descriptions.Item label="累计发放">{formatYuan(data.paidFen)}</Descriptions.Item>
            <Descriptions.Item label="撤岗月份">{data.closedMonth ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="备注">{data.note ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <HoldersCard post={data} onAssign={() => setAssigning(true)} onChanged={reload} />
      <PayrollGrid key={data.history.map((h) => `${h.holdingId}:${h.endMonth}`).join(',')} post={data} onSaved={reload} />
      <PayrollHistory post={data} onChanged={reload} />
      <AssignDialog post={data} open={assigning} onClose={() => setAssigning(false)} onSaved={() => { setAssigning(false); reload() }} />
      <Modal title="撤岗" open={closing !== null} onCancel={() => setClosing(null)} onOk={() => void close(ym(closing))} okText="撤岗" cancelText="取消" destroyOnHidden>
        <p>从哪个月起不再设这个岗位？在岗人员的聘用期到上个月结束。</p>
        <DatePicker picker="month" aria-label="撤岗月份" value={closing} onChange={setClosing} allowClear={false} />
      </Modal>
    </div>
  )
}

function HoldersCard({ post, onAssign, onChanged }: { post: PostDetail; onAssign(): void; onChanged(): void }) {
  const { message } = App.useApp()
  const [endFor, setEndFor] = useState<HolderRow | null>(null)
  const [end, setEnd] = useState<Dayjs | null>(null)
  const saveEnd = async () => {
    if (!endFor) return
    try {
      await call('posts.updateHolding', { id: endFor.holdingId, startMonth: endFor.startMonth, endMonth: ym(end), note: endFor.note })
      setEndFor(null)
      onChanged()
    } catch (e) {
      message.error(errText(e))
    }
  }
  return (
    <Card size="small" title="上岗人员" style={{ marginBottom: 12 }} extra={<Can op="posts.assign"><Button type="primary" size="small" disabled={post.status === '已撤岗'} onClick={onAssign}>安排上岗</Button></Can>}>
      <Table<HolderRow>
        rowKey="holdingId"
        size="small"
        pagination={false}
        dataSource={post.history}
        locale={{ emptyText: '还没有人上岗。点「安排上岗」从户籍花名册中选人。' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, h) => <a onClick={() => navigate(`#/households/${h.householdId}`)}>{v}</a> },
          { title: '身份证号', dataIndex: 'idNumberMasked', width: 180 },
          { title: '所在户', key: 'hh', width: 160, render: (_: unknown, h) => `${h.village ?? ''} ${h.headName ?? ''}户` },
          { title: '上岗月份', dataIndex: 'startMonth', width: 90 },
          { title: '聘用结束', dataIndex: 'endMonth', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '已发放', key: 'paid', width: 150, render: (_: unknown, h) => `${h.paidMonths} 个月 ${formatYuan(h.paidFen)}` },
          {
            title: '情况',
            key: 'flags',
            render: (_: unknown, h) => (
              <Space size={4} wrap>
                {h.current ? <Tag color="green">在岗</Tag> : <Tag>{h.endMonth && h.endMonth < thisMonth() ? '已离岗' : '未到岗'}</Tag>}
                {h.flags.map((f) => (
                  <Tag key={f} color="orange">{f}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '',
            key: 'ops',
            width: 150,
            render: (_: unknown, h) => (
              <Can op={['posts.updateHolding', 'posts.removeHolding']} hide>
              <Space size={4}>
                <a onClick={() => { setEndFor(h); setEnd(h.endMonth ? dayjs(`${h.endMonth}-01`) : null) }}>聘用期</a>
                <Popconfirm
                  title={`删除「${h.name}」的这条上岗记录？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={async () => {
                    try {
                      await call('posts.removeHolding', { id: h.holdingId })
                      onChanged()
                    } catch (e) {
                      message.error(errText(e))
                    }
                  }}
                >
                  <a>删除</a>
                </Popconfirm>
              </Space>
              </Can>
            ),
          },
        ]}
      />
      <Modal title={endFor ? `「${endFor.name}」的聘用结束月份` : ''} open={endFor !== null} onCancel={() => setEndFor(null)} onOk={() => void saveEnd()} okText="保存" cancelText="取消" destroyOnHidden>
        <p>离岗或到期的月份（该月仍在岗）；不填表示长期。</p>
        <DatePicker picker="month" aria-label="聘用结束月份" value={end} onChange={setEnd} />
      </Modal>
    </Card>
  )
}

function AssignDialog({ post, open, onClose, onSaved }: { post: PostDetail; open: boolean; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<{ memberId: number; start: Dayjs; end?: Dayjs | null; note?: string }>()
  const [q, setQ] = useState('')
  const [options, setOptions] = useState<{ value: number; label: string; disabled: boolean }[]>([])
  useEffect(() => {
    if (!q.trim()) return
    let stale = false
    void call('posts.findMembers', { q: q.trim() }).then((rows) => {
      if (!stale) setOptions(rows.map((m) => ({ value: m.memberId, disabled: m.blocked !== null, label: `${m.name}  ${m.village} ${m.headName ?? ''}户  ${m.idNumberMasked ?? ''}${m.blocked ? `（${m.blocked}）` : ''}` })))
    })
    return () => {
      stale = true
    }
  }, [q])
  const submit = async () => {
    const v = await form.validateFields()
    try {
      await call('posts.assign', { postId: post.id, memberId: v.memberId, startMonth: ym(v.start)!, endMonth: ym(v.end), note: v.note?.trim() || null })
      form.resetFields()
      onSaved()
    } catch (e) {
      const err = e instanceof CallError ? e : new CallError('internal', String(e))
      const name = err.field === 'startMonth' ? 'start' : err.field === 'endMonth' ? 'end' : 'memberId'
      form.setFields([{ name, errors: [err.message] }])
    }
  }
  return (
    <Modal title={`安排上岗：${post.typeLabel}`} open={open} onCancel={onClose} onOk={() => void submit()} okText="安排上岗" cancelText="取消" width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ start: dayjs() }}>
        <Form.Item name="memberId" label="上岗人员（户籍花名册中的人）" rules={[{ required: true, message: '请输入姓名或身份证号后几位，从户籍花名册中选人' }]}>
          <Select aria-label="上岗人员" showSearch filterOption={false} onSearch={setQ} options={options} placeholder="输入姓名、拼音首字母或身份证号后几位" notFoundContent={q ? '花名册中没有找到' : null} />
        </Form.Item>
        <Space>
          <Form.Item name="start" label="上岗月份" rules={[{ required: true, message: '请选择上岗月份' }]}>
            <DatePicker picker="month" aria-label="上岗月份" />
          </Form.Item>
          <Form.Item name="end" label="聘用结束月份（可不填）">
            <DatePicker picker="month" aria-label="聘用结束月份" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="备注">
          <Input aria-label="上岗备注" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

interface GridRow {
  holdingId: number
  name: string
  days: number | null
  attendance: string
  amount: string
  paid: boolean
}

/** A month's payroll for everyone holding the post that month, entered at once. */
function PayrollGrid({ post, onSaved }: { post: PostDetail; onSaved(): void }) {
  const { message } = App.useApp()
  const [month, setMonth] = useState(thisMonth())
  const initial = useMemo((): GridRow[] => {
    const byHolding = new Map(post.payroll.filter((r) => r.month === month).map((r) => [r.holdingId, r]))
    return post.history
      .filter((h) => holdsIn(h, month))
      .map((h) => {
        const r = byHolding.get(h.holdingId)
        return { holdingId: h.holdingId, name: h.name, days: r?.days ?? null, attendance: r?.attendance ?? '', amount: r ? fenToYuanText(r.amountFen) : fenToYuanText(post.payFen), paid: Boolean(r) }
      })
  }, [post, month])
  const [rows, setRows] = useState(initial)
  const [included, setIncluded] = useState<number[]>([])
  useEffect(() => {
    setRows(initial)
    setIncluded(initial.map((r) => r.holdingId))
  }, [initial])
  const [saving, setSaving] = useState(false)
  const set = (holdingId: number, patch: Partial<GridRow>) => setRows((rs) => rs.map((r) => (r.holdingId === holdingId ? { ...r, ...patch } : r)))
  const save = async () => {
    setSaving(true)
    try {
      const entries = rows.filter((r) => included.includes(r.holdingId)).map((r) => ({ holdingId: r.holdingId, days: r.days, attendance: r.attendance.trim() || null, amount: r.amount.trim() }))
      const r = await call('posts.savePayroll', { postId: post.id, month, entries })
      message.success(`已保存 ${month} 的工资发放（${r.saved} 人）`)
      onSaved()
    } catch (e) {
      message.error(errText(e))
    } finally {
      setSaving(false)
    }
  }
  const total = rows.filter((r) => included.includes(r.holdingId)).reduce((s, r) => s + Math.round(Number(r.amount.replace(/,/g, '')) * 100 || 0), 0)
  return (
    <Card
      size="small"
      title="工资发放登记"
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <DatePicker picker="month" aria-label="发放月份" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          <Button onClick={() => navigate(`#/print/posts-payslip/${month}?post=${post.id}`)}>打印本月工资发放表</Button>
        </Space>
      }
    >
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{month} 没有人在这个岗位上。</Typography.Text>
      ) : (
        <>
          <Table<GridRow>
            rowKey="holdingId"
            size="small"
            pagination={false}
            dataSource={rows}
            rowSelection={{ selectedRowKeys: included, onChange: (keys) => setIncluded(keys as number[]) }}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 120, render: (v: string, r) => <Space>{v}{r.paid && <Tag color="blue">已登记</Tag>}</Space> },
              { title: '出勤天数', dataIndex: 'days', width: 130, render: (v: number | null, r) => <InputNumber aria-label={`${r.name} 出勤天数`} min={0} max={31} precision={0} value={v} onChange={(d) => set(r.holdingId, { days: d ?? null })} /> },
              { title: '出勤情况', dataIndex: 'attendance', width: 160, render: (v: string, r) => <Input aria-label={`${r.name} 出勤情况`} placeholder="如：全勤、病假 2 天" value={v} onChange={(e) => set(r.holdingId, { attendance: e.target.value })} /> },
              { title: '发放金额（元）', dataIndex: 'amount', width: 160, render: (v: string, r) => <Input aria-label={`${r.name} 发放金额`} value={v} suffix="元" onChange={(e) => set(r.holdingId, { amount: e.target.value })} /> },
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Can op="posts.savePayroll">
              <Button type="primary" loading={saving} onClick={() => void save()}>
                保存本月工资
              </Button>
            </Can>
            <Typography.Text type="secondary">
              勾选的 {included.length} 人，合计 {formatYuan(total)}。未勾选的人本月不发放（已登记的会删除）。
            </Typography.Text>
          </Space>
        </>
      )}
    </Card>
  )
}

function PayrollHistory({ post, onChanged }: { post: PostDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const names = new Map(post.history.map((h) => [h.holdingId, h.name]))
  return (
    <Card size="small" title="工资发放记录">
      <Table<PayrollRow>
        rowKey="id"
        size="small"
        dataSource={post.payroll}
        pagination={{ pageSize: 24, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有登记工资发放' }}
        columns={[
          { title: '月份', dataIndex: 'month', width: 100 },
          { title: '姓名', dataIndex: 'holdingId', width: 100, render: (v: number) => names.get(v) ?? '' },
          { title: '出勤天数', dataIndex: 'days', width: 90, render: (v: number | null) => v ?? '—' },
          { title: '出勤情况', dataIndex: 'attendance', render: (v: string | null) => v ?? '—' },
          { title: '发放金额', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
          {
            title: '',
            key: 'del',
            width: 60,
            render: (_: unknown, r) => (
              <Can op="posts.deletePayroll" hide>
              <Popconfirm
                title="删除这条发放记录？"
                okText="删除"
                cancelText="取消"
                onConfirm={async () => {
                  try {
                    await call('posts.deletePayroll', { id: r.id })
                    onChanged()
                  } catch (e) {
                    message.error(errText(e))
                  }
                }}
              >
                <a>删除</a>
              </Popconfirm>
              </Can>
            ),
          },
        ]}
      />
    </Card>
  )
}
