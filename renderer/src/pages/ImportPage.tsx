import { Alert, App, Button, Card, Checkbox, DatePicker, Result, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import type { PickedFile } from '../../../shared/api/bridge'
import type { ProducedFile } from '../../../shared/api/files'
import {
  REMOVAL_REASONS,
  type ColumnView,
  type CountSet,
  type HouseholdChangeView,
  type ImportBatchView,
  type ImportIssueView,
  type MissingView,
  type RosterCommitResult,
  type RosterPreview,
} from '../../../shared/api/roster-import'
import { ROSTER_FIELDS } from '../../../shared/import/fields'
import { call, CallError, runJob, type JobProgress as Progress } from '../api/client'
import { useCall } from '../api/use-call'
import { JobProgress } from '../components/JobProgress'
import { navigate } from '../router'

type Removal = { reason: (typeof REMOVAL_REASONS)[number]; date: string }
type Running = { progress: Progress; jobId: string | null; startedAt: number }

const FIELD_OPTIONS = [
  { value: '', label: '（不导入，原样保留）' },
  ...ROSTER_FIELDS.map((f) => ({ value: f.key, label: `${f.label}（${{ village: '村组', household: '户', member: '人' }[f.level]}）` })),
]

export function ImportPage({ onDataChanged }: { onDataChanged(): void }) {
  const { message } = App.useApp()
  const [file, setFile] = useState<PickedFile | null>(null)
  const [sheet, setSheet] = useState<string | undefined>()
  const [mapping, setMapping] = useState<Record<string, string | null> | undefined>()
  const [preview, setPreview] = useState<RosterPreview | null>(null)
  const [running, setRunning] = useState<Running | null>(null)
  const [removals, setRemovals] = useState<Record<string, Removal>>({})
  const [skipBlocked, setSkipBlocked] = useState(false)
  const [result, setResult] = useState<RosterCommitResult | null>(null)
  const history = useCall('imports.list', {})

  async function job<T>(start: () => Promise<{ jobId: string }>): Promise<T | null> {
    const startedAt = Date.now()
    setRunning({ progress: { done: 0, total: 1, message: '正在读取文件…' }, jobId: null, startedAt })
    try {
      return await runJob<T>(start, (progress) => setRunning((r) => r && { ...r, progress }), (jobId) => setRunning((r) => r && { ...r, jobId }))
    } catch (err) {
      if (err instanceof CallError && err.code === 'cancelled') message.info('已取消，台账未被修改。')
      else message.error({ content: (err as Error).message, duration: 10 })
      return null
    } finally {
      setRunning(null)
    }
  }

  const runPreview = async (f: PickedFile, s: string | undefined, m: Record<string, string | null> | undefined) => {
    setResult(null)
    const p = await job<RosterPreview>(() => call('roster.preview', { fileId: f.fileId, sheet: s, mapping: m }))
    if (p) {
      setPreview(p)
      setSheet(p.sheet)
    }
  }

  const pick = async () => {
    const picked = await window.ledger.pickFile({ title: '选择县里下发的花名册', extensions: ['xlsx', 'csv', 'xls', 'et'] })
    if (!picked.ok) return void message.error(picked.error.message)
    if (!picked.value) return
    setFile(picked.value)
    setPreview(null)
    setMapping(undefined)
    setRemovals({})
    setSkipBlocked(false)
    await runPreview(picked.value, undefined, undefined)
  }

  const commit = async () => {
    if (!file || !preview) return
    const byKind = (kind: string) =>
      Object.fromEntries(Object.entries(removals).filter(([k]) => k.startsWith(`${kind}:`)).map(([k, v]) => [k.slice(kind.length + 1), v]))
    const r = await job<RosterCommitResult>(() =>
      call('roster.commit', { fileId: file.fileId, sheet, mapping, skipBlocked, removeHouseholds: byKind('household'), removeMembers: byKind('member') }),
    )
    if (r) {
      setResult(r)
      setPreview(null)
      history.reload()
      onDataChanged()
    }
  }

  const downloadIssues = async () => {
    if (!file) return
    const produced = await job<ProducedFile>(() => call('roster.issuesReport', { fileId: file.fileId, sheet, mapping }))
    if (!produced) return
    const saved = await window.ledger.saveFile(produced.fileId, produced.name)
    if (!saved.ok) message.error(saved.error.message)
  }

  const undo = async (batch: ImportBatchView) => {
    const r = await job<{ reverted: number }>(() => call('imports.undo', { batchId: batch.id }))
    if (r) {
      message.success(`已撤销「${batch.fileName}」的导入，台账恢复到导入之前。`)
      setResult(null)
      history.reload()
      onDataChanged()
    }
  }

  return (
    <div className="page">
      <Card
        title="导入花名册（建档立卡户 / 防返贫监测）"
        extra={
          <Button type="primary" onClick={() => void pick()} disabled={running !== null}>
            {file ? '换一个文件' : '选择文件'}
          </Button>
        }
        style={{ marginBottom: 12 }}
      >
        {!file && !running && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            支持 Excel 工作簿（.xlsx）和 CSV（UTF-8 或 GBK）。导入前会先列出新增、变更、未变和表中没有的户与人，以及所有问题；确认后一次写入，可整批撤销。
          </Typography.Paragraph>
        )}
        {file && (
          <Space wrap>
            <Typography.Text strong>{file.name}</Typography.Text>
            {preview && preview.sheets.length > 1 && (
              <Select
                aria-label="工作表"
                value={sheet}
                style={{ minWidth: 200 }}
                onChange={(s: string) => {
                  setSheet(s)
                  setMapping(undefined)
                  void runPreview(file, s, undefined)
                }}
                options={preview.sheets.map((s) => ({ value: s.name, label: s.hidden ? `${s.name}（隐藏）` : s.name }))}
              />
            )}
            {preview && <Typography.Text type="secondary">{`共 ${preview.rows} 行数据，表头在第 ${preview.headerRow} 行`}</Typography.Text>}
          </Space>
        )}
        {running && (
          <div style={{ marginTop: 12 }}>
            <JobProgress {...running} />
          </div>
        )}
      </Card>

      {result && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`户：新增 ${result.households.new}，变更 ${result.households.changed}，未变 ${result.households.unchanged}；人：新增 ${result.members.new}，变更 ${result.members.changed}，未变 ${result.members.unchanged}${result.markedRemoved ? `；标记移出 ${result.markedRemoved}` : ''}`}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('#/')}>
              查看户台账
            </Button>,
          ]}
        />
      )}

      {preview && !running && (
        <PreviewView
          preview={preview}
          removals={removals}
          setRemovals={setRemovals}
          skipBlocked={skipBlocked}
          setSkipBlocked={setSkipBlocked}
          onRemap={(m) => {
            setMapping(m)
            if (file) void runPreview(file, sheet, m)
          }}
          onCommit={() => void commit()}
          onDownloadIssues={() => void downloadIssues()}
        />
      )}

      <Card title="导入记录" size="small">
        <Table<ImportBatchView>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          dataSource={history.data}
          loading={history.loading}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
            { title: '文件', dataIndex: 'fileName' },
            { title: '工作表', dataIndex: 'sheet', width: 120 },
            { title: '户（新增/变更）', key: 'h', width: 130, render: (_: unknown, b) => `${b.counts.households?.new ?? 0} / ${b.counts.households?.changed ?? 0}` },
            { title: '人（新增/变更）', key: 'm', width: 130, render: (_: unknown, b) => `${b.counts.members?.new ?? 0} / ${b.counts.members?.changed ?? 0}` },
            { title: '经办人', dataIndex: 'actor', width: 100 },
            {
              title: '',
              key: 'undo',
              width: 150,
              render: (_: unknown, b) =>
                b.undoneAt ? (
                  <Tag>已撤销</Tag>
                ) : (
                  <Button size="small" danger disabled={running !== null} onClick={() => void undo(b)}>
                    撤销本次导入
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </div>
  )
}

function Counts({ title, counts }: { title: string; counts: CountSet }) {
  return (
    <Card size="small" title={title} style={{ flex: 1 }}>
      <Space size="large">
        <Statistic title="新增" value={counts.new} valueStyle={{ color: '#237804' }} />
        <Statistic title="变更" value={counts.changed} valueStyle={{ color: '#ad6800' }} />
        <Statistic title="未变" value={counts.unchanged} />
        <Statistic title="表中没有" value={counts.missing} valueStyle={{ color: counts.missing ? '#a8071a' : undefined }} />
      </Space>
    </Card>
  )
}

interface PreviewProps {
  preview: RosterPreview
  removals: Record<string, Removal>
  setRemovals(f: (r: Record<string, Removal>) => Record<string, Removal>): void
  skipBlocked: boolean
  setSkipBlocked(v: boolean): void
  onRemap(mapping: Record<string, string | null>): void
  onCommit(): void
  onDownloadIssues(): void
}

function PreviewView(props: PreviewProps) {
  const { preview, removals, setRemovals, skipBlocked, setSkipBlocked } = props
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>(preview.errorCount ? 'error' : 'all')
  const [draft, setDraft] = useState<Record<string, string | null>>(() => Object.fromEntries(preview.columns.map((c) => [String(c.index), c.field])))
  const remapped = preview.columns.some((c) => (draft[String(c.index)] ?? null) !== c.field)
  const issues = useMemo(() => preview.issues.filter((i) => severity === 'all' || i.severity === severity), [preview.issues, severity])
  const canCommit = preview.errorCount === 0 || (skipBlocked && preview.blockedHouseholds > 0)

  const issueColumns: ColumnsType<ImportIssueView> = [
    { title: '行', dataIndex: 'row', width: 70 },
    { title: '列', dataIndex: 'column', width: 140 },
    { title: '级别', dataIndex: 'severity', width: 80, render: (s: string) => (s === 'error' ? <Tag color="red">错误</Tag> : <Tag color="orange">提醒</Tag>) },
    { title: '说明', dataIndex: 'message' },
  ]
  const mappingColumns: ColumnsType<ColumnView> = [
    { title: '列', dataIndex: 'letter', width: 60 },
    { title: '表头', dataIndex: 'header', width: 220 },
    {
      title: '对应台账字段',
      key: 'field',
      width: 260,
      render: (_: unknown, c) => (
        <Select
          aria-label={`第 ${c.letter} 列对应字段`}
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          value={draft[String(c.index)] ?? ''}
          options={FIELD_OPTIONS}
          onChange={(v: string) => setDraft((d) => ({ ...d, [String(c.index)]: v || null }))}
        />
      ),
    },
    { title: '示例', dataIndex: 'samples', render: (s: string[]) => <Typography.Text type="secondary">{s.join('、')}</Typography.Text> },
  ]
  const changeColumns: ColumnsType<HouseholdChangeView> = [
    { title: '行', dataIndex: 'firstRow', width: 70 },
    { title: '户编号', dataIndex: 'householdNo', width: 170 },
    { title: '户主', dataIndex: 'headName', width: 90 },
    { title: '行政村', dataIndex: 'village', width: 100 },
    {
      title: '变化',
      key: 'diffs',
      render: (_: unknown, h) => (
        <Space direction="vertical" size={0}>
          {h.diffs.map((d, i) => (
            <span key={i}>
              {d.label}：<span className="diff-before">{d.before ?? '（空）'}</span> → <span className="diff-after">{d.after ?? '（空）'}</span>
            </span>
          ))}
          {h.newMembers.length > 0 && <span className="diff-after">新增成员：{h.newMembers.join('、')}</span>}
        </Space>
      ),
    },
  ]
  const missingColumns: ColumnsType<MissingView> = [
    { title: '类别', dataIndex: 'kind', width: 70, render: (k: string) => (k === 'household' ? '户' : '人') },
    { title: '户编号', dataIndex: 'householdNo', width: 170 },
    { title: '姓名 / 户主', dataIndex: 'name', width: 100 },
    { title: '行政村', dataIndex: 'village', width: 100 },
    {
      title: '处理',
      key: 'decision',
      render: (_: unknown, m) => {
        const key = `${m.kind}:${m.id}`
        const r = removals[key]
        return (
          <Space>
            <Select
              aria-label={`处理 ${m.name}`}
              style={{ width: 150 }}
              value={r ? r.reason : 'keep'}
              onChange={(v: string) =>
                setRemovals((all) => {
                  const next = { ...all }
                  if (v === 'keep') delete next[key]
                  else next[key] = { reason: v as Removal['reason'], date: r?.date ?? dayjs().format('YYYY-MM-DD') }
                  return next
                })
              }
              options={[{ value: 'keep', label: '保留（不变）' }, ...REMOVAL_REASONS.map((x) => ({ value: x, label: `移出：${x}` }))]}
            />
            {r && (
              <DatePicker
                allowClear={false}
                value={dayjs(r.date)}
                onChange={(d) => d && setRemovals((all) => ({ ...all, [key]: { ...r, date: d.format('YYYY-MM-DD') } }))}
              />
            )}
          </Space>
        )
      },
    },
  ]

  return (
    <>
      <Space style={{ display: "flex", marginBottom: 12 }} align="start">
        <Counts title="户" counts={preview.households} />
        <Counts title="人" counts={preview.members} />
      </Space>
      {preview.errorCount > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`发现 ${preview.errorCount} 处错误（涉及 ${preview.blockedHouseholds} 户）、${preview.warningCount} 处提醒。有错误时不能直接导入。`}
          description="可下载问题清单（原表加「问题说明」列，出错的单元格标红），在 Excel 中改正后重新导入；或勾选下方选项，先导入没有错误的户。"
        />
      ) : (
        preview.warningCount > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`没有错误，有 ${preview.warningCount} 处提醒（不影响导入，建议核对）。`} />
      )}
      {preview.rememberedMapping && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="已按上次为相同表头所做的修改对应各列。" />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Tabs
          items={[
            {
              key: 'issues',
              label: `问题（${preview.errorCount + preview.warningCount}）`,
              children: (
                <>
                  <Space style={{ marginBottom: 8 }}>
                    <Select
                      aria-label="问题级别"
                      value={severity}
                      onChange={setSeverity}
                      style={{ width: 140 }}
                      options={[
                        { value: 'all', label: '全部' },
                        { value: 'error', label: `错误（${preview.errorCount}）` },
                        { value: 'warning', label: `提醒（${preview.warningCount}）` },
                      ]}
                    />
                    <Button onClick={props.onDownloadIssues} disabled={preview.errorCount + preview.warningCount === 0}>
                      下载问题清单（.xlsx）
                    </Button>
                    {preview.issuesTruncated && <Typography.Text type="secondary">只显示前 5000 条，完整清单请下载。</Typography.Text>}
                  </Space>
                  <Table<ImportIssueView> rowKey={(i) => `${i.row}/${i.column}/${i.code}`} size="small" columns={issueColumns} dataSource={issues} pagination={{ pageSize: 20 }} />
                </>
              ),
            },
            {
              key: 'mapping',
              label: '列对应',
              children: (
                <>
                  <Space style={{ marginBottom: 8 }}>
                    <Button type="primary" disabled={!remapped} onClick={() => props.onRemap(draft)}>
                      按修改后的对应重新检查
                    </Button>
                    <Typography.Text type="secondary">修改会被记住，下次导入相同表头的文件时自动使用。未对应的列原样保留，导出时交还。</Typography.Text>
                  </Space>
                  <Table<ColumnView> rowKey="index" size="small" columns={mappingColumns} dataSource={preview.columns} pagination={false} scroll={{ y: 420 }} />
                </>
              ),
            },
            {
              key: 'new',
              label: `新增户（${preview.households.new}）`,
              children: <Table<HouseholdChangeView> rowKey="firstRow" size="small" columns={changeColumns.slice(0, 4)} dataSource={preview.newHouseholds} pagination={{ pageSize: 20 }} />,
            },
            {
              key: 'changed',
              label: `变更（${preview.households.changed}）`,
              children: <Table<HouseholdChangeView> rowKey="firstRow" size="small" columns={changeColumns} dataSource={preview.changedHouseholds} pagination={{ pageSize: 20 }} />,
            },
            {
              key: 'missing',
              label: `表中没有（${preview.households.missing} 户，${preview.members.missing} 人）`,
              children: (
                <>
                  <Typography.Paragraph type="secondary">这些户和人在台账中有、在本表中没有。默认保留不变；如确已移出，请选择原因和日期（不会删除，只标记移出）。</Typography.Paragraph>
                  <Table<MissingView> rowKey={(m) => `${m.kind}:${m.id}`} size="small" columns={missingColumns} dataSource={preview.missing} pagination={{ pageSize: 20 }} />
                </>
              ),
            },
          ]}
        />
      </Card>
      <Space style={{ marginBottom: 16 }}>
        {preview.errorCount > 0 && (
          <Checkbox checked={skipBlocked} onChange={(e) => setSkipBlocked(e.target.checked)}>
            跳过有错误的 {preview.blockedHouseholds} 户，导入其余
          </Checkbox>
        )}
        <Button type="primary" size="large" disabled={!canCommit || remapped} onClick={props.onCommit}>
          确认导入
        </Button>
        {remapped && <Typography.Text type="warning">列对应已修改，请先重新检查。</Typography.Text>}
      </Space>
    </>
  )
}
