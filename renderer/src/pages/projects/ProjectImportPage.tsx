import { Alert, App, Button, Card, Result, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import type { PickedFile } from '../../../../shared/api/bridge'
import type { ProducedFile } from '../../../../shared/api/files'
import type { MissingProjectView, ProjectChangeView, ProjectColumnView, ProjectImportPreview, ProjectImportResult } from '../../../../shared/api/project-import'
import type { ImportBatchView, ImportIssueView } from '../../../../shared/api/roster-import'
import { call, CallError, runJob, type JobProgress as Progress } from '../../api/client'
import { useCall } from '../../api/use-call'
import { JobProgress } from '../../components/JobProgress'
import { navigate } from '../../router'

type Running = { progress: Progress; jobId: string | null; startedAt: number }

/** 导入项目清单: the county's project list (项目库) read, checked against the ledger, then imported in one go; 撤销 per import. */
export function ProjectImportPage() {
  const { message } = App.useApp()
  const [file, setFile] = useState<PickedFile | null>(null)
  const [sheet, setSheet] = useState<string | undefined>()
  const [preview, setPreview] = useState<ProjectImportPreview | null>(null)
  const [running, setRunning] = useState<Running | null>(null)
  const [result, setResult] = useState<ProjectImportResult | null>(null)
  const history = useCall('imports.list', {})
  const batches = useMemo(() => (history.data ?? []).filter((b) => b.kind === 'projects'), [history.data])

  async function job<T>(start: () => Promise<{ jobId: string }>): Promise<T | null> {
    setRunning({ progress: { done: 0, total: 1, message: '正在读取文件…' }, jobId: null, startedAt: Date.now() })
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

  const runPreview = async (f: PickedFile, s: string | undefined) => {
    setResult(null)
    const p = await job<ProjectImportPreview>(() => call('projects.importPreview', { fileId: f.fileId, sheet: s }))
    if (p) {
      setPreview(p)
      setSheet(p.sheet)
    }
  }

  const pick = async () => {
    const picked = await window.ledger.pickFile({ title: '选择县里下发的项目清单（项目库）', extensions: ['xlsx', 'csv', 'xls', 'et'] })
    if (!picked.ok) return void message.error(picked.error.message)
    if (!picked.value) return
    setFile(picked.value)
    setPreview(null)
    await runPreview(picked.value, undefined)
  }

  const commit = async () => {
    if (!file || !preview) return
    const r = await job<ProjectImportResult>(() => call('projects.importCommit', { fileId: file.fileId, sheet }))
    if (r) {
      setResult(r)
      setPreview(null)
      history.reload()
    }
  }

  const undo = async (batch: ImportBatchView) => {
    const r = await job<{ reverted: number }>(() => call('imports.undo', { batchId: batch.id }))
    if (r) {
      message.success(`已撤销「${batch.fileName}」的导入，项目台账恢复到导入之前。`)
      setResult(null)
      history.reload()
    }
  }

  const exportList = async (layout: 'standard' | 'source') => {
    const produced = await job<ProducedFile>(() => call('projects.export', { layout }))
    if (!produced) return
    const saved = await window.ledger.saveFile(produced.fileId, produced.name)
    if (!saved.ok) message.error(saved.error.message)
  }

  return (
    <div className="page">
      <Card
        title="导入项目清单（项目库 / 年度项目计划）"
        extra={
          <Space>
            <Button onClick={() => navigate('#/projects')}>返回项目台账</Button>
            <Button type="primary" onClick={() => void pick()} disabled={running !== null}>
              {file ? '换一个文件' : '选择文件'}
            </Button>
          </Space>
        }
        style={{ marginBottom: 12 }}
      >
        {!file && !running && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            支持县里下发的项目清单（.xlsx 或 CSV），表头可在标题行之下，资金来源可为合并的「资金来源（万元）」两级表头。导入前先列出新增、变更和未变的项目以及所有问题；确认后一次写入，可整批撤销。表中不认识的列原样保存，按原表格式导出时交还。
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
                  void runPreview(file, s)
                }}
                options={preview.sheets.map((s) => ({ value: s.name, label: s.hidden ? `${s.name}（隐藏）` : s.name }))}
              />
            )}
            {preview && <Typography.Text type="secondary">{`共 ${preview.rows} 行项目，表头在第 ${preview.headerRow} 行`}</Typography.Text>}
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
          title="项目清单已导入"
          subTitle={`新增 ${result.projects.new} 个，变更 ${result.projects.changed} 个，未变 ${result.projects.unchanged} 个`}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('#/projects')}>
              查看项目台账
            </Button>,
          ]}
        />
      )}

      {preview && !running && <PreviewView preview={preview} onCommit={() => void commit()} />}

      <Card
        title="项目清单导入记录"
        size="small"
        extra={
          <Space>
            <Button size="small" disabled={running !== null} onClick={() => void exportList('standard')}>
              导出项目台账（标准格式）
            </Button>
            <Button size="small" disabled={running !== null || batches.every((b) => b.undoneAt)} onClick={() => void exportList('source')}>
              按县里原表格式导出
            </Button>
          </Space>
        }
      >
        <Table<ImportBatchView>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          dataSource={batches}
          loading={history.loading}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
            { title: '文件', dataIndex: 'fileName' },
            { title: '工作表', dataIndex: 'sheet', width: 140 },
            {
              title: '项目（新增/变更/未变）',
              key: 'p',
              width: 170,
              render: (_: unknown, b) => `${b.counts.projects?.new ?? 0} / ${b.counts.projects?.changed ?? 0} / ${b.counts.projects?.unchanged ?? 0}`,
            },
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

function PreviewView({ preview, onCommit }: { preview: ProjectImportPreview; onCommit(): void }) {
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>(preview.errorCount ? 'error' : 'all')
  const issues = useMemo(() => preview.issues.filter((i) => severity === 'all' || i.severity === severity), [preview.issues, severity])
  const counts = preview.projects

  const issueColumns: ColumnsType<ImportIssueView> = [
    { title: '行', dataIndex: 'row', width: 70 },
    { title: '列', dataIndex: 'column', width: 200 },
    { title: '级别', dataIndex: 'severity', width: 80, render: (s: string) => (s === 'error' ? <Tag color="red">错误</Tag> : <Tag color="orange">提醒</Tag>) },
    { title: '说明', dataIndex: 'message' },
  ]
  const columnColumns: ColumnsType<ProjectColumnView> = [
    { title: '列', dataIndex: 'letter', width: 60 },
    { title: '表头', dataIndex: 'header', width: 240 },
    {
      title: '对应台账字段',
      key: 'field',
      width: 220,
      render: (_: unknown, c) =>
        c.label ? (
          <span>
            {c.label}
            {c.unit && <Tag style={{ marginLeft: 6 }}>{c.unit === 'wan' ? '万元' : '元'}</Tag>}
          </span>
        ) : (
          <Typography.Text type="secondary">（原样保留）</Typography.Text>
        ),
    },
    { title: '示例', dataIndex: 'samples', render: (s: string[]) => <Typography.Text type="secondary">{s.join('、')}</Typography.Text> },
  ]
  const projectColumns: ColumnsType<ProjectChangeView> = [
    { title: '行', dataIndex: 'row', width: 70 },
    { title: '项目编号', dataIndex: 'projectNo', width: 140 },
    { title: '项目名称', dataIndex: 'name', width: 240 },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '实施地点', dataIndex: 'village', width: 120 },
    {
      title: '变化',
      key: 'diffs',
      render: (_: unknown, p) => (
        <Space direction="vertical" size={0}>
          {p.diffs.map((d, i) => (
            <span key={i}>
              {d.label}：<span className="diff-before">{d.before ?? '（空）'}</span> → <span className="diff-after">{d.after ?? '（空）'}</span>
            </span>
          ))}
        </Space>
      ),
    },
  ]
  const missingColumns: ColumnsType<MissingProjectView> = [
    { title: '项目编号', dataIndex: 'projectNo', width: 140 },
    { title: '项目名称', dataIndex: 'name' },
    { title: '年度', dataIndex: 'year', width: 80 },
  ]

  return (
    <>
      <Card size="small" title="项目" style={{ marginBottom: 12 }}>
        <Space size="large">
          <Statistic title="新增" value={counts.new} valueStyle={{ color: '#237804' }} />
          <Statistic title="变更" value={counts.changed} valueStyle={{ color: '#ad6800' }} />
          <Statistic title="未变" value={counts.unchanged} />
          <Statistic title="台账有、表中没有" value={counts.missing} />
        </Space>
      </Card>
      {preview.errorCount > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`发现 ${preview.errorCount} 处错误、${preview.warningCount} 处提醒。有错误时不能导入。`}
          description="请按「问题」列表在 Excel 中改正原表（行号、单元格与 Excel 中一致），保存后重新选择文件。"
        />
      ) : (
        preview.warningCount > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`没有错误，有 ${preview.warningCount} 处提醒（不影响导入，建议核对）。`} />
      )}
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
                    {preview.issuesTruncated && <Typography.Text type="secondary">只显示前 5000 条。</Typography.Text>}
                  </Space>
                  <Table<ImportIssueView> rowKey={(i) => `${i.row}/${i.column}/${i.code}`} size="small" columns={issueColumns} dataSource={issues} pagination={{ pageSize: 20 }} />
                </>
              ),
            },
            {
              key: 'columns',
              label: '列对应',
              children: <Table<ProjectColumnView> rowKey="index" size="small" columns={columnColumns} dataSource={preview.columns} pagination={false} scroll={{ y: 420 }} />,
            },
            {
              key: 'new',
              label: `新增项目（${counts.new}）`,
              children: <Table<ProjectChangeView> rowKey="row" size="small" columns={projectColumns.slice(0, 5)} dataSource={preview.newProjects} pagination={{ pageSize: 20 }} />,
            },
            {
              key: 'changed',
              label: `变更（${counts.changed}）`,
              children: <Table<ProjectChangeView> rowKey="row" size="small" columns={projectColumns} dataSource={preview.changedProjects} pagination={{ pageSize: 20 }} />,
            },
            {
              key: 'missing',
              label: `表中没有（${counts.missing}）`,
              children: (
                <>
                  <Typography.Paragraph type="secondary">这些项目在台账中有（同一年度）、在本表中没有。导入不会删除或改动它们。</Typography.Paragraph>
                  <Table<MissingProjectView> rowKey="id" size="small" columns={missingColumns} dataSource={preview.missing} pagination={{ pageSize: 20 }} />
                </>
              ),
            },
          ]}
        />
      </Card>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" size="large" disabled={preview.errorCount > 0 || counts.new + counts.changed === 0} onClick={onCommit}>
          确认导入
        </Button>
        {preview.errorCount === 0 && counts.new + counts.changed === 0 && <Typography.Text type="secondary">表中的项目与台账一致，无需导入。</Typography.Text>}
      </Space>
    </>
  )
}
