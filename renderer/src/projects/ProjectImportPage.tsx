import { Alert, App, Button, Card, Radio, Result, Space, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { PickedFile } from '../../../shared/api/bridge'
import type { MissingProjectView, ProjectChangeView, ProjectColumnView, ProjectImportPreview, ProjectImportResult } from '../../../shared/api/projects-import'
import type { ImportBatchView } from '../../../shared/api/imports'
import type { ImportCheckRun } from '../../../shared/api/checks'
import { ImportCheckResult, ImportWouldAdd, undoCheckSentence } from '../checks'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { FieldDiffs } from '../common/import/FieldDiffs'
import { ImportBatchesCard } from '../common/import/ImportBatchesCard'
import { ColumnMappingEditor, useMappingDraft, type ColumnMapping } from '../common/import/ColumnMappingEditor'
import { ImportCounts } from '../common/import/ImportCounts'
import { ImportFileCard } from '../common/import/ImportFileCard'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { useImportJob } from '../common/import/use-import-job'
import { navigate } from '../router'

type Unit = 'wan' | 'yuan'

/** 导入项目清单: the county's project list (项目库) read, checked against the ledger, then imported in one go; 撤销 per import. */
export function ProjectImportPage() {
  const { message } = App.useApp()
  const { running, failure, dismissFailure, job, saveProduced, chooseFile } = useImportJob()
  const [file, setFile] = useState<PickedFile | null>(null)
  const [sheet, setSheet] = useState<string | undefined>()
  const [mapping, setMapping] = useState<ColumnMapping | undefined>()
  const [unit, setUnit] = useState<Unit | undefined>()
  const [preview, setPreview] = useState<ProjectImportPreview | null>(null)
  const [result, setResult] = useState<(ProjectImportResult & { checks?: ImportCheckRun }) | null>(null)
  const history = useCall('imports.list', { kind: 'projects' })
  const batches = history.data ?? []

  const runPreview = async (f: PickedFile, s: string | undefined, m: ColumnMapping | undefined, u: Unit | undefined) => {
    setResult(null)
    const p = await job<ProjectImportPreview>(() => call('projects.importPreview', { fileId: f.fileId, sheet: s, mapping: m, assumedUnit: u }))
    if (p) {
      setPreview(p)
      setSheet(p.sheet)
    }
  }

  const pick = async () => {
    const picked = await chooseFile('选择县里下发的项目清单（项目库）')
    if (!picked) return
    setFile(picked)
    setPreview(null)
    setMapping(undefined)
    setUnit(undefined)
    await runPreview(picked, undefined, undefined, undefined)
  }

  const commit = async () => {
    if (!file || !preview) return
    const r = await job<ProjectImportResult & { checks?: ImportCheckRun }>(() => call('projects.importCommit', { fileId: file.fileId, sheet, mapping, assumedUnit: unit }))
    if (r) {
      setResult(r)
      setPreview(null)
      history.reload()
    }
  }

  const undo = async (batch: ImportBatchView) => {
    const r = await job<{ reverted: number; checks?: ImportCheckRun }>(() => call('imports.undo', { batchId: batch.id }))
    if (r) {
      message.success(`已撤销「${batch.fileName}」的导入，项目台账恢复到导入之前。${undoCheckSentence(r.checks)}`)
      setResult(null)
      history.reload()
    }
  }

  const exportList = (layout: 'standard' | 'source') => saveProduced(() => call('projects.export', { layout }))

  return (
    <div className="page">
      <ImportFileCard
        title="导入项目清单（项目库 / 年度项目计划）"
        intro="支持县里下发的项目清单（.xlsx、.xls 或 CSV），表头可在标题行之下，资金来源可为合并的「资金来源（万元）」两级表头。导入前先列出新增、变更和未变的项目以及所有问题；确认后一次写入，可整批撤销。表中不认识的列原样保存，按原表格式导出时交还。"
        actions={<Button onClick={() => navigate('#/projects')}>返回项目台账</Button>}
        file={file}
        sheet={sheet}
        read={preview}
        rowNoun="项目"
        running={running}
        failure={failure}
        onDismissFailure={dismissFailure}
        onPick={() => void pick()}
        onSheet={(s) => {
          if (!file) return
          setSheet(s)
          setMapping(undefined)
          setUnit(undefined)
          void runPreview(file, s, undefined, undefined)
        }}
      />

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
        >
          <ImportCheckResult checks={result.checks} />
        </Result>
      )}

      {preview && !running && (
        <PreviewView
          preview={preview}
          onRemap={(m) => {
            setMapping(m)
            if (file) void runPreview(file, sheet, m, unit)
          }}
          onUnit={(u) => {
            setUnit(u)
            if (file) void runPreview(file, sheet, mapping, u)
          }}
          onCommit={() => void commit()}
        />
      )}

      <ImportBatchesCard
        title="项目清单导入记录"
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
        batches={batches}
        loading={history.loading}
        sheetWidth={140}
        countColumns={[{ key: 'p', title: '项目（新增/变更/未变）', width: 170, counts: 'projects', parts: ['new', 'changed', 'unchanged'] }]}
        busy={running !== null}
        onUndo={(b) => void undo(b)}
      />
    </div>
  )
}

const UNIT_NAME: Record<Unit, string> = { wan: '万元', yuan: '元' }
const UNIT_FROM: Record<NonNullable<ProjectColumnView['unitFrom']>, string> = {
  header: '表头注明',
  group: '合并表头注明',
  title: '标题行注明',
  assumed: '表中未注明，按推定单位',
}

interface PreviewProps {
  preview: ProjectImportPreview
  onRemap(mapping: ColumnMapping): void
  onUnit(unit: Unit): void
  onCommit(): void
}

function PreviewView({ preview, onRemap, onUnit, onCommit }: PreviewProps) {
  const counts = preview.projects
  const mapping = useMappingDraft(preview.columns)
  const { remapped } = mapping
  const assumed = preview.columns.filter((c) => c.unitFrom === 'assumed')

  const projectColumns: ColumnsType<ProjectChangeView> = [
    { title: '行', dataIndex: 'row', width: 70 },
    { title: '项目编号', dataIndex: 'projectNo', width: 140 },
    { title: '项目名称', dataIndex: 'name', width: 240 },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '实施地点', dataIndex: 'village', width: 120 },
    { title: '资金合计（按原表单位）', dataIndex: 'totalText', width: 170, align: 'right' },
    {
      title: '变化',
      key: 'diffs',
      render: (_: unknown, p) => <FieldDiffs diffs={p.diffs} />,
    },
  ]
  const missingColumns: ColumnsType<MissingProjectView> = [
    { title: '项目编号', dataIndex: 'projectNo', width: 140 },
    { title: '项目名称', dataIndex: 'name' },
    { title: '年度', dataIndex: 'year', width: 80 },
  ]

  return (
    <>
      <ImportCounts title="项目" counts={counts} missingTitle="台账有、表中没有" style={{ marginBottom: 12 }} />
      {preview.errorCount > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`发现 ${preview.errorCount} 处错误、${preview.warningCount} 处提醒。有错误时不能导入。`}
          description={
            preview.issues.some((i) => i.code === 'no_name_column')
              ? '请在「列对应」中把写项目名称的那一列对应为「项目名称」，再点「按修改后的对应重新检查」。'
              : '请按「问题」列表在 Excel 中改正原表（行号、单元格与 Excel 中一致），保存后重新选择文件。'
          }
        />
      ) : (
        preview.warningCount > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`没有错误，有 ${preview.warningCount} 处提醒（不影响导入，建议核对）。`} />
      )}
      {preview.rememberedReading && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="已按上次为相同表头所做的修改对应各列。" />}
      {preview.assumedUnit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`表中没有注明金额单位：${assumed.map((c) => `「${c.header}」`).join('、')} 按「${UNIT_NAME[preview.assumedUnit]}」读取。`}
          description={
            <Space wrap>
              <span>请对照原表核对下方各项目的资金合计；单位不对时改为：</span>
              <Radio.Group
                aria-label="未注明单位的金额按"
                optionType="button"
                size="small"
                value={preview.assumedUnit}
                options={[
                  { value: 'wan', label: '万元' },
                  { value: 'yuan', label: '元' },
                ]}
                onChange={(e) => onUnit(e.target.value as Unit)}
              />
            </Space>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Tabs
          items={[
            {
              key: 'issues',
              label: `问题（${preview.errorCount + preview.warningCount}）`,
              children: (
                <ImportIssuesTable
                  issues={preview.issues}
                  errorCount={preview.errorCount}
                  warningCount={preview.warningCount}
                  truncated={preview.issuesTruncated}
                  columnWidth={200}
                />
              ),
            },
            {
              key: 'columns',
              label: '列对应',
              children: (
                <ColumnMappingEditor<ProjectColumnView>
                  columns={preview.columns}
                  options={preview.fieldOptions}
                  {...mapping}
                  onRemap={onRemap}
                  headerWidth={240}
                  fieldWidth={300}
                  suffix={(c) =>
                    c.unit && c.field === (mapping.draft[String(c.index)] ?? null) ? (
                      <Tag title={c.unitFrom ? UNIT_FROM[c.unitFrom] : undefined} color={c.unitFrom === 'assumed' ? 'orange' : undefined}>
                        {UNIT_NAME[c.unit]}
                      </Tag>
                    ) : null
                  }
                />
              ),
            },
            {
              key: 'new',
              label: `新增项目（${counts.new}）`,
              children: <Table<ProjectChangeView> rowKey="row" size="small" columns={projectColumns.slice(0, 6)} dataSource={preview.newProjects} pagination={{ pageSize: 20 }} />,
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
      <ImportWouldAdd wouldAdd={preview.wouldAdd} keptErrors={false} />
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" size="large" disabled={preview.errorCount > 0 || counts.new + counts.changed === 0 || remapped} onClick={onCommit}>
          确认导入
        </Button>
        {remapped && <Typography.Text type="warning">列对应已修改，请先重新检查。</Typography.Text>}
        {!remapped && preview.errorCount === 0 && counts.new + counts.changed === 0 && <Typography.Text type="secondary">表中的项目与台账一致，无需导入。</Typography.Text>}
      </Space>
    </>
  )
}
