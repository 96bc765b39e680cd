/** 导入问题清单: the county's problem list read, checked against the ledger, then imported in one go; 撤销 per import. */
import { Alert, App, Button, Card, Result, Space, Table, Tabs, Typography } from 'antd'
import { useState } from 'react'
import type { PickedFile } from '../../../shared/api/bridge'
import type { ImportBatchView } from '../../../shared/api/imports'
import type { ProblemImportPreview, ProblemImportResult } from '../../../shared/api/rectification'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { ImportBatchesCard } from '../common/import/ImportBatchesCard'
import { ImportColumnsTable } from '../common/import/ImportColumnsTable'
import { ImportCounts } from '../common/import/ImportCounts'
import { ImportFileCard } from '../common/import/ImportFileCard'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { useImportJob } from '../common/import/use-import-job'
import { navigate } from '../router'

export function ProblemImportPage() {
  const { message } = App.useApp()
  const { running, job, chooseFile } = useImportJob()
  const exportLedger = async () => {
    try {
      const f = await call('rectification.export', {})
      const r = await window.ledger.saveFile(f.fileId, f.name)
      if (!r.ok) message.error(r.error.message)
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  const [file, setFile] = useState<PickedFile | null>(null)
  const [sheet, setSheet] = useState<string | undefined>()
  const [preview, setPreview] = useState<ProblemImportPreview | null>(null)
  const [result, setResult] = useState<ProblemImportResult | null>(null)
  const history = useCall('imports.list', { kind: 'rectification' })

  const runPreview = async (f: PickedFile, s: string | undefined) => {
    setResult(null)
    const p = await job<ProblemImportPreview>(() => call('rectification.importPreview', { fileId: f.fileId, sheet: s }))
    if (p) {
      setPreview(p)
      setSheet(p.sheet)
    }
  }
  const pick = async () => {
    const picked = await chooseFile('选择县里下发的问题整改清单')
    if (!picked) return
    setFile(picked)
    setPreview(null)
    await runPreview(picked, undefined)
  }
  const commit = async () => {
    if (!file || !preview) return
    const r = await job<ProblemImportResult>(() => call('rectification.importCommit', { fileId: file.fileId, sheet }))
    if (r) {
      setResult(r)
      setPreview(null)
      history.reload()
    }
  }
  const undo = async (batch: ImportBatchView) => {
    const r = await job<{ reverted: number }>(() => call('imports.undo', { batchId: batch.id }))
    if (r) {
      message.success(`已撤销「${batch.fileName}」的导入，问题整改台账恢复到导入之前。`)
      setResult(null)
      history.reload()
    }
  }
  const counts = preview?.problems
  return (
    <div className="page">
      <ImportFileCard
        title="导入问题整改清单"
        intro="支持县里下发的问题清单（.xlsx、.xls 或 CSV），表头可在标题行之下，列名可为「反馈来源」「存在问题」「完成时限」等常见写法。导入前列出新增、变更和未变的问题以及所有问题提示；确认后一次写入，可整批撤销。"
        actions={<Button onClick={() => navigate('#/rectification')}>返回问题整改台账</Button>}
        file={file}
        sheet={sheet}
        read={preview}
        rowNoun="问题"
        running={running}
        onPick={() => void pick()}
        onSheet={(s) => {
          if (!file) return
          setSheet(s)
          void runPreview(file, s)
        }}
      />
      {result && (
        <Result
          status="success"
          title="问题清单已导入"
          subTitle={`新增 ${result.problems.new} 个，变更 ${result.problems.changed} 个，未变 ${result.problems.unchanged} 个`}
          extra={[<Button key="list" type="primary" onClick={() => navigate('#/rectification')}>查看问题整改台账</Button>]}
        />
      )}
      {preview && counts && !running && (
        <>
          <ImportCounts title="问题" counts={counts} missingTitle="台账有、表中没有" style={{ marginBottom: 12 }} />
          {preview.errorCount > 0 ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={`发现 ${preview.errorCount} 处错误、${preview.warningCount} 处提醒。有错误时不能导入。`}
              description="请按「问题」列表在 Excel 中改正原表（行号、列名与 Excel 中一致），保存后重新选择文件。"
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
                  children: <ImportIssuesTable issues={preview.issues} errorCount={preview.errorCount} warningCount={preview.warningCount} truncated={false} columnWidth={180} />,
                },
                {
                  key: 'columns',
                  label: '列对应',
                  children: (
                    <ImportColumnsTable
                      columns={preview.columns}
                      headerWidth={220}
                      fieldWidth={180}
                      field={(c) => c.label ?? <Typography.Text type="secondary">（不导入）</Typography.Text>}
                    />
                  ),
                },
                {
                  key: 'new',
                  label: `新增（${counts.new}）`,
                  children: (
                    <Table
                      rowKey="row"
                      size="small"
                      dataSource={preview.newProblems}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      columns={[
                        { title: '行', dataIndex: 'row', width: 60 },
                        { title: '问题编号', dataIndex: 'problemNo', width: 120 },
                        { title: '来源', dataIndex: 'source', width: 90 },
                        { title: '问题描述', dataIndex: 'description' },
                        { title: '涉及范围', dataIndex: 'scopeLabel', width: 180 },
                      ]}
                    />
                  ),
                },
                {
                  key: 'changed',
                  label: `变更（${counts.changed}）`,
                  children: (
                    <Table
                      rowKey="row"
                      size="small"
                      dataSource={preview.changedProblems}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      columns={[
                        { title: '行', dataIndex: 'row', width: 60 },
                        { title: '问题编号', dataIndex: 'problemNo', width: 120 },
                        { title: '问题描述', dataIndex: 'description' },
                        { title: '变化的项', dataIndex: 'fields', width: 260, render: (f: string[]) => f.join('、') },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Space style={{ marginBottom: 16 }}>
            <Button type="primary" size="large" disabled={preview.errorCount > 0 || counts.new + counts.changed === 0} onClick={() => void commit()}>
              确认导入
            </Button>
            {preview.errorCount === 0 && counts.new + counts.changed === 0 && <Typography.Text type="secondary">表中的问题与台账一致，无需导入。</Typography.Text>}
          </Space>
        </>
      )}
      <ImportBatchesCard
        title="问题清单导入记录"
        extra={
          <Button size="small" disabled={running !== null} onClick={() => void exportLedger()}>
            导出问题整改台账
          </Button>
        }
        batches={history.data ?? []}
        loading={history.loading}
        sheetWidth={140}
        countColumns={[{ key: 'p', title: '问题（新增/变更/未变）', width: 170, counts: 'problems', parts: ['new', 'changed', 'unchanged'] }]}
        busy={running !== null}
        onUndo={(b) => void undo(b)}
      />
    </div>
  )
}
