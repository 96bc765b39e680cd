/**
 * 疑点核查: run every rule over the ledger for an as-of date; per rule how many are new since the last
 * run, still open and waived; the list with village, household, person, field, value and message,
 * filtered by village, category, severity and rule; each row opens the household. Waivers (豁免) for
 * several items at once, with reason and optional expiry; the county-style workbook and waiver lists.
 */
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import type { CheckFindingView, CheckRuleSummary } from '../../../shared/api/checks'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { ChecksSettings } from './ChecksSettings'
import { SEVERITY_COLORS } from './severity'

type Status = 'open' | 'new' | 'waived' | 'all'
const STATUS_OPTIONS = [
  { value: 'open', label: '未处理' },
  { value: 'new', label: '本次新增' },
  { value: 'waived', label: '已豁免' },
  { value: 'all', label: '全部' },
]

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err))
const PAGE = 50

export function ChecksPage() {
  const { message } = App.useApp()
  const overview = useCall('checks.overview', {})
  const [asOf, setAsOf] = useState<string>(dayjs().format('YYYY-MM-DD'))
  const [running, setRunning] = useState(false)
  const [notes, setNotes] = useState<string[]>([])
  const [status, setStatus] = useState<Status>('open')
  const [filter, setFilter] = useState<{ rule?: string; village?: string; category?: string; severity?: '错误' | '疑点' | '提示' }>({})
  const [page, setPage] = useState(1)
  const [allRules, setAllRules] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const [waiving, setWaiving] = useState(false)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [form] = Form.useForm<{ reason?: string; expires?: string }>()
  const findings = useCall('checks.findings', { status, ...filter, offset: (page - 1) * PAGE, limit: PAGE })
  const o = overview.data

  const refresh = () => {
    overview.reload()
    findings.reload()
    setSelected([])
  }
  const run = async () => {
    setRunning(true)
    try {
      const r = await call('checks.run', { asOf })
      setNotes(r.notes)
      message.success(`核查完成：未处理 ${r.run.open} 条（本次新增 ${r.run.new} 条），已豁免 ${r.run.waived} 条`)
      refresh()
    } catch (err) {
      message.error(errorText(err))
    } finally {
      setRunning(false)
    }
  }
  const produce = async (op: 'checks.exportWorkbook' | 'checks.exportWaivers') => {
    try {
      const file = op === 'checks.exportWorkbook' ? await call(op, { includeWaived: false }) : await call(op, {})
      const saved = await window.ledger.saveFile(file.fileId, file.name)
      if (!saved.ok) message.error(saved.error.message)
    } catch (err) {
      message.error(errorText(err))
    }
  }
  const importWaivers = async () => {
    const picked = await window.ledger.pickFile({ title: '选择县里的豁免清单', extensions: ['xlsx'] })
    if (!picked.ok) return void message.error(picked.error.message)
    if (!picked.value) return
    try {
      const r = await call('checks.importWaivers', { fileId: picked.value.fileId })
      message.success(`已导入豁免 ${r.added} 条，更新 ${r.updated} 条${r.skipped.length ? `；${r.skipped.length} 行未导入` : ''}`)
      if (r.skipped.length) Modal.warning({ title: '以下行未导入', content: r.skipped.slice(0, 30).map((s) => <div key={s.row}>{s.reason}</div>) })
      refresh()
    } catch (err) {
      message.error(errorText(err))
    }
  }
  const waive = async () => {
    const v = form.getFieldsValue(true) as { reason?: string; expires?: string }
    try {
      const r = await call('checks.waive', { keys: selected, reason: v.reason?.trim() ?? '', expires: v.expires ?? null })
      message.success(`已豁免 ${r.waived} 条`)
      setWaiving(false)
      form.resetFields()
      refresh()
    } catch (err) {
      message.error(errorText(err))
    }
  }
  const unwaive = async () => {
    try {
      const r = await call('checks.unwaive', { keys: selected })
      message.success(`已取消豁免 ${r.unwaived} 条`)
      refresh()
    } catch (err) {
      message.error(errorText(err))
    }
  }
  const setF = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }))
    setPage(1)
    setSelected([])
  }

  const rules = useMemo(() => (o?.rules ?? []).filter((r) => allRules || r.open + r.waived > 0), [o, allRules])
  const ruleColumns = [
    { title: '规则', dataIndex: 'title', render: (t: string, r: CheckRuleSummary) => <span title={r.code}>{t}</span> },
    { title: '类别', dataIndex: 'categoryLabel', width: 96 },
    { title: '等级', dataIndex: 'severity', width: 64, render: (s: string) => <Tag color={SEVERITY_COLORS[s]}>{s}</Tag> },
    { title: '县级规则编号', dataIndex: 'covers', width: 180, render: (c: string[]) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.join('、') || '台账核对'}</Typography.Text> },
    { title: '本次新增', dataIndex: 'new', width: 80, align: 'right' as const },
    { title: '未处理', dataIndex: 'open', width: 72, align: 'right' as const, render: (n: number) => (n ? <b>{n}</b> : 0) },
    { title: '已豁免', dataIndex: 'waived', width: 72, align: 'right' as const },
  ]
  const columns = [
    { title: '行政村', dataIndex: 'village', width: 90 },
    { title: '户编号', dataIndex: 'householdNo', width: 150 },
    { title: '姓名', dataIndex: 'person', width: 80 },
    { title: '证件号码', dataIndex: 'idNumber', width: 170 },
    { title: '规则', dataIndex: 'title', width: 180, render: (t: string, f: CheckFindingView) => <Space size={4}><Tag color={SEVERITY_COLORS[f.severity]}>{f.severity}</Tag>{t}</Space> },
    { title: '字段', dataIndex: 'field', width: 120 },
    { title: '值', dataIndex: 'value', width: 100, render: (v: string | null) => v ?? <Typography.Text type="secondary">空白</Typography.Text> },
    {
      title: '问题说明', dataIndex: 'message',
      render: (m: string, f: CheckFindingView) => (
        <span>
          {f.isNew && !f.waiver && <Tag color="magenta">新</Tag>}
          {f.waiver && <Tag color="default" title={`${f.waiver.by} ${f.waiver.on}${f.waiver.expires ? `，有效期至 ${f.waiver.expires}` : ''}（${f.waiver.source}）`}>已豁免：{f.waiver.reason}</Tag>}
          {m}
        </span>
      ),
    },
  ]

  return (
    <div className="page">
      <Typography.Title level={4}>疑点核查</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap align="center">
          <span>核查日期</span>
          <DatePicker aria-label="核查日期" value={dayjs(asOf)} allowClear={false} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} />
          <Can op="checks.run">
            <Button type="primary" loading={running} onClick={run}>开始核查</Button>
          </Can>
          <Button onClick={() => produce('checks.exportWorkbook')} disabled={!o?.lastRun}>导出核查结果（.xlsx）</Button>
          <Button onClick={() => navigate('#/print/checks')} disabled={!o?.lastRun}>打印汇总</Button>
          <Button onClick={() => produce('checks.exportWaivers')}>导出豁免清单</Button>
          <Can op="checks.importWaivers">
            <Button onClick={importWaivers}>导入县级豁免清单</Button>
          </Can>
          <Can op="checks.saveSettings">
            <Button onClick={() => setSettingsOpen(true)} disabled={!o}>核查设置</Button>
          </Can>
          {o && <Typography.Text type="secondary">规则 {o.rules.length} 条，覆盖县级核查规则 {o.coverage.covered}/{o.coverage.total} 条</Typography.Text>}
        </Space>
        <div style={{ marginTop: 8 }}>
          {o?.lastRun ? (
            <Typography.Text>
              上次核查：{dayjs(o.lastRun.at).format('YYYY-MM-DD HH:mm')}，{o.lastRun.actor}，核查日期 {o.lastRun.asOf}；未处理 <b>{o.lastRun.open}</b> 条，
              本次新增 {o.lastRun.new} 条，已豁免 {o.lastRun.waived} 条
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">还没有核查过：选择核查日期（年龄、监测线按这一天计算）后点「开始核查」。</Typography.Text>
          )}
        </div>
        {notes.map((n) => <Alert key={n} type="warning" showIcon message={n} style={{ marginTop: 8 }} />)}
      </Card>

      <Card
        size="small"
        title="按规则"
        style={{ marginBottom: 12 }}
        extra={<Space><span>显示全部规则</span><Switch size="small" checked={allRules} onChange={setAllRules} aria-label="显示全部规则" /></Space>}
      >
        <Table<CheckRuleSummary>
          size="small"
          rowKey="code"
          dataSource={rules}
          columns={ruleColumns}
          pagination={rules.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
          locale={{ emptyText: o?.lastRun ? '没有疑点' : '尚未核查' }}
          onRow={(r) => ({ onClick: () => setF({ rule: r.code }), style: { cursor: 'pointer', background: filter.rule === r.code ? '#e6f4ff' : undefined } })}
        />
      </Card>

      <Card size="small" title="疑点清单">
        <Space wrap style={{ marginBottom: 8 }}>
          <Segmented aria-label="状态" value={status} options={STATUS_OPTIONS} onChange={(v) => { setStatus(v as Status); setPage(1); setSelected([]) }} />
          <Select aria-label="行政村" allowClear placeholder="行政村" style={{ width: 120 }} value={filter.village} onChange={(v?: string) => setF({ village: v })} options={(o?.villages ?? []).map((v) => ({ value: v, label: v }))} />
          <Select aria-label="类别" allowClear placeholder="类别" style={{ width: 120 }} value={filter.category} onChange={(v?: string) => setF({ category: v })} options={o?.categories ?? []} />
          <Select aria-label="等级" allowClear placeholder="等级" style={{ width: 90 }} value={filter.severity} onChange={(v?: '错误' | '疑点' | '提示') => setF({ severity: v })} options={['错误', '疑点', '提示'].map((s) => ({ value: s, label: s }))} />
          <Select aria-label="规则" allowClear showSearch optionFilterProp="label" placeholder="规则" style={{ width: 260 }} value={filter.rule} onChange={(v?: string) => setF({ rule: v })}
            options={(o?.rules ?? []).map((r) => ({ value: r.code, label: `${r.title}${r.covers.length ? `（${r.covers[0]}）` : ''}` }))} />
          <Can op="checks.waive">
            <Button disabled={selected.length === 0 || status === 'waived'} onClick={() => setWaiving(true)}>豁免所选（{selected.length}）</Button>
          </Can>
          <Can op="checks.unwaive">
            <Button disabled={selected.length === 0 || status === 'open' || status === 'new'} onClick={unwaive}>取消豁免</Button>
          </Can>
        </Space>
        {findings.error && <Alert type="error" showIcon message={findings.error.message} />}
        <Table<CheckFindingView>
          size="small"
          rowKey="key"
          loading={findings.loading}
          dataSource={findings.data?.items ?? []}
          columns={columns}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          pagination={{ current: page, pageSize: PAGE, total: findings.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
          onRow={(f) => ({ onDoubleClick: () => f.householdId && navigate(`#/households/${f.householdId}`), title: f.householdId ? '双击打开这一户' : undefined })}
          locale={{ emptyText: o?.lastRun ? '没有符合条件的疑点' : '尚未核查' }}
        />
        <Typography.Text type="secondary">双击一行打开这一户；在户页面修改后，该户的疑点随即重新核查。</Typography.Text>
      </Card>

      {o && o.runs.length > 0 && (
        <Card size="small" title="核查记录" style={{ marginTop: 12 }}>
          <Table
            size="small"
            rowKey="id"
            dataSource={o.runs}
            pagination={false}
            columns={[
              { title: '时间', dataIndex: 'at', render: (a: string) => dayjs(a).format('YYYY-MM-DD HH:mm') },
              { title: '核查人', dataIndex: 'actor' },
              { title: '核查日期', dataIndex: 'asOf' },
              { title: '未处理', dataIndex: 'open' },
              { title: '新增', dataIndex: 'new' },
              { title: '已豁免', dataIndex: 'waived' },
              { title: '用时', dataIndex: 'durationMs', render: (ms: number) => `${(ms / 1000).toFixed(1)} 秒` },
            ]}
          />
        </Card>
      )}

      <ChecksSettings
        open={settingsOpen}
        settings={o?.settings}
        onClose={() => setSettingsOpen(false)}
        onSaved={() => {
          setSettingsOpen(false)
          overview.reload()
        }}
      />

      <Modal title={`豁免 ${selected.length} 条疑点`} open={waiving} onOk={waive} okText="豁免" cancelText="取消" onCancel={() => setWaiving(false)}>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="豁免理由" required>
            <Input.TextArea aria-label="豁免理由" rows={3} maxLength={300} placeholder="如：经入户核实，该户确无劳动力，情况属实" />
          </Form.Item>
          <Form.Item
            name="expires"
            label="有效期至（可不填）"
            getValueProps={(v?: string) => ({ value: v ? dayjs(v) : null })}
            getValueFromEvent={(_: unknown, s: string) => s || undefined}
          >
            <DatePicker aria-label="有效期至" placeholder="长期有效" />
          </Form.Item>
          <Typography.Text type="secondary">豁免后仍列在「已豁免」中，不计入疑点数；重新导入花名册后豁免仍然有效。</Typography.Text>
        </Form>
      </Modal>
    </div>
  )
}
