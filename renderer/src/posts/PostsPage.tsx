/** 公益性岗位: the reminders, the posts with their holders (filters by village, type and status), totals paid per month, import, export and print. */
import { Alert, App, Button, Card, DatePicker, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { PostRow } from '../../../shared/api/posts'
import { formatYuan } from '../../../shared/domain/money'
import { POST_STATUSES, POST_TYPES, type PostStatus, type PostType } from '../../../shared/domain/posts'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { PostForm } from './PostForm'
import { PostRemindersCard } from './PostRemindersCard'
import { thisMonth, today } from './today'

const STATUS_COLORS: Record<PostStatus, string> = { 在岗: 'green', 空缺: 'orange', 已撤岗: 'default' }

export function PostsPage() {
  const { message } = App.useApp()
  const [villageId, setVillageId] = useState<number | undefined>()
  const [postType, setPostType] = useState<PostType | undefined>()
  const [status, setStatus] = useState<PostStatus | undefined>()
  const [q, setQ] = useState('')
  const [year, setYear] = useState(Number(today().slice(0, 4)))
  const [slipMonth, setSlipMonth] = useState(thisMonth())
  const [adding, setAdding] = useState(false)
  const villages = useCall('households.villages', {})
  const list = useCall('posts.list', { today: today(), villageId, postType, status, q: q || undefined })
  const totals = useCall('posts.monthTotals', { year, villageId, postType })
  const exportList = async () => {
    try {
      const f = await call('posts.export', { today: today() })
      const r = await window.ledger.saveFile(f.fileId, f.name)
      if (!r.ok) message.error(r.error.message)
      else if (r.value) message.success('已导出公益性岗位人员名单')
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  const rows = list.data ?? []
  const holders = rows.reduce((n, p) => n + p.holders.length, 0)
  const columns: ColumnsType<PostRow> = [
    { title: '所在村', dataIndex: 'village', width: 110, render: (v: string | null) => v ?? '乡镇' },
    { title: '岗位类型', dataIndex: 'typeLabel', width: 140, render: (v: string, p) => (p.name ? `${v}（${p.name}）` : v) },
    { title: '月补贴', dataIndex: 'payFen', width: 110, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '资金来源', dataIndex: 'funding', width: 120, render: (v: string, p) => (p.fundingNote ? `${v}（${p.fundingNote}）` : v) },
    { title: '人数', key: 'cap', width: 70, render: (_: unknown, p) => `${p.holders.length}/${p.capacity}` },
    {
      title: '在岗人员',
      key: 'holders',
      render: (_: unknown, p) =>
        p.holders.length === 0 ? (
          <Typography.Text type="secondary">（空缺）</Typography.Text>
        ) : (
          <Space size={4} wrap>
            {p.holders.map((h) => (
              <Tag key={h.holdingId} color={h.flags.length ? 'orange' : undefined} title={h.flags.join('；') || undefined}>
                {h.name} {h.startMonth}～{h.endMonth ?? ''}
              </Tag>
            ))}
          </Space>
        ),
    },
    { title: '累计发放', dataIndex: 'paidFen', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '状态', dataIndex: 'status', width: 80, render: (s: PostStatus) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> },
  ]
  return (
    <div className="page">
      <PostRemindersCard />
      <Card
        size="small"
        title="公益性岗位"
        style={{ marginBottom: 12 }}
        extra={
          <Space>
            <Can op="posts.create">
              <Button type="primary" onClick={() => setAdding(true)}>新增岗位</Button>
            </Can>
            <Can op="posts.importCommit">
              <Button onClick={() => navigate('#/posts/import')}>导入岗位人员名单</Button>
            </Can>
            <Button onClick={() => void exportList()}>导出 Excel</Button>
            <Button onClick={() => navigate(`#/print/posts-roster${villageId ? `/${villageId}` : ''}`)}>打印人员花名册</Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear placeholder="村" aria-label="村" style={{ width: 130 }} value={villageId} onChange={setVillageId} options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
          <Select allowClear placeholder="岗位类型" aria-label="岗位类型" style={{ width: 130 }} value={postType} onChange={setPostType} options={POST_TYPES.map((s) => ({ value: s, label: s }))} />
          <Select allowClear placeholder="状态" aria-label="状态" style={{ width: 100 }} value={status} onChange={setStatus} options={POST_STATUSES.map((s) => ({ value: s, label: s }))} />
          <Input.Search allowClear placeholder="姓名、岗位名称" style={{ width: 200 }} onSearch={setQ} />
          <Typography.Text type="secondary">
            共 {rows.length} 个岗位，在岗 {holders} 人
          </Typography.Text>
        </Space>
        {list.error && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        <Table<PostRow>
          rowKey="id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(p) => ({ onClick: () => navigate(`#/posts/${p.id}`), style: { cursor: 'pointer' } })}
        />
      </Card>
      <Card
        size="small"
        title="每月发放合计"
        extra={
          <Space>
            <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} suffix="年" style={{ width: 110 }} />
            <DatePicker picker="month" aria-label="发放月份" allowClear={false} value={dayjs(`${slipMonth}-01`)} onChange={(d) => d && setSlipMonth(d.format('YYYY-MM'))} />
            <Button onClick={() => navigate(`#/print/posts-payslip/${slipMonth}${villageId ? `?village=${villageId}` : ''}`)}>打印工资发放表</Button>
          </Space>
        }
      >
        <Table
          rowKey="month"
          size="small"
          loading={totals.loading}
          dataSource={totals.data ?? []}
          pagination={false}
          locale={{ emptyText: `${year} 年还没有登记工资发放` }}
          columns={[
            { title: '月份', dataIndex: 'month', width: 120 },
            { title: '发放人数', dataIndex: 'holders', width: 120 },
            { title: '发放金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
          ]}
          summary={(data) =>
            data.length ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>全年合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                <Table.Summary.Cell index={2} align="right">
                  {formatYuan(data.reduce((s, r) => s + r.amountFen, 0))}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Modal title="新增公益性岗位" open={adding} onCancel={() => setAdding(false)} footer={null} width={860} destroyOnHidden>
        <PostForm
          onCancel={() => setAdding(false)}
          onSaved={(id) => {
            setAdding(false)
            message.success('已新增岗位')
            navigate(`#/posts/${id}`)
          }}
        />
      </Modal>
    </div>
  )
}
