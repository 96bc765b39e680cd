/** 导入岗位人员名单: a township or county post list read, checked against the roster and the ledger, then imported in one go; 撤销 per import. */
import { Alert, Button, Card, Result, Space, Table, Tabs, Typography } from 'antd'
import { App } from 'antd'
import { useState } from 'react'
import type { PickedFile } from '../../../shared/api/bridge'
import type { ImportBatchView } from '../../../shared/api/imports'
import type { PostImportPreview, PostImportResult } from '../../../shared/api/posts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { ImportBatchesCard } from '../common/import/ImportBatchesCard'
import { ImportColumnsTable } from '../common/import/ImportColumnsTable'
import { ImportCounts } from '../common/import/ImportCounts'
import { ImportFileCard } from '../common/import/ImportFileCard'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { useImportJob } from '../common/import/use-import-job'
import { navigate } from '../router'
import { today } from './today'

export function PostImportPage() {
  const { message } = App.useApp()
  const { running, job, chooseFile } = useImportJob()
  const [file, setFile] = useState<PickedFile | null>(null)
  const [sheet, setSheet] = useState<string | undefined>()
  const [preview, setPreview] = useState<PostImportPreview | null>(null)
  const [result, setResult] = useState<PostImportResult | null>(null)
  const history = useCall('imports.list', { kind: 'posts' })
  const exportList = async () => {
    try {
      const f = await call('posts.export', { today: today() })
      const r = await window.ledger.saveFile(f.fileId, f.name)
      if (!r.ok) message.error(r.error.message)
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  const runPreview = async (f: PickedFile, s: string | undefined) => {
    setResult(null)
    const p = await job<PostImportPreview>(() => call('posts.importPreview', { fileId: f.fileId, sheet: s }))
    if (p) {
      setPreview(p)
      setSheet(p.sheet)
    }
  }
  const pick = async () => {
    const picked = await chooseFile('选择乡镇或县里的公益性岗位人员名单')
    if (!picked) return
    setFile(picked)
    setPreview(null)
    await runPreview(picked, undefined)
  }
  const commit = async () => {
    if (!file || !preview) return
    const r = await job<PostImportResult>(() => call('posts.importCommit', { fileId: file.fileId, sheet }))
    if (r) {
      setResult(r)
      setPreview(null)
      history.reload()
    }
  }
  const undo = async (batch: ImportBatchView) => {
    const r = await job<{ reverted: number }>(() => call('imports.undo', { batchId: batch.id }))
    if (r) {
      message.success(`已撤销「${batch.fileName}」的导入，公益性岗位台账恢复到导入之前。`)
      setResult(null)
      history.reload()
    }
  }
  const counts = preview?.holdings
  return (
    <div className="page">
      <ImportFileCard
        title="导入公益性岗位人员名单"
        intro="支持乡镇或县里的公益性岗位人员名单（.xlsx、.xls 或 CSV），表头可在标题行、单位行之下，列名可为「岗位名称」「证件号码」「行政村」「岗位补贴标准」「聘用开始」等常见写法。按身份证号对应户籍花名册中的人；导入前列出新增、变更、未变和花名册中没有的人以及所有问题提示；确认后一次写入，可整批撤销。"
        actions={<Button onClick={() => navigate('#/posts')}>返回公益性岗位</Button>}
        file={file}
        sheet={sheet}
        read={preview}
        rowNoun="人"
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
          title="岗位人员名单已导入"
          subTitle={`新增 ${result.holdings.new} 人，变更 ${result.holdings.changed} 人，未变 ${result.holdings.unchanged} 人${result.notInLedger ? `；花名册中没有的 ${result.notInLedger} 人未导入` : ''}`}
          extra={[<Button key="list" type="primary" onClick={() => navigate('#/posts')}>查看公益性岗位</Button>]}
        />
      )}
      {preview && counts && !running && (
        <>
          <ImportCounts title="上岗人员" counts={counts} missingTitle="台账在岗、表中没有" style={{ marginBottom: 12 }} />
          {preview.notInLedger > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`表中有 ${preview.notInLedger} 人不在户籍花名册中（按身份证号查找），这些行不会导入。`} description="请先在户籍花名册中录入这些人，或核对身份证号后重新导入。" />
          )}
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
                    <ImportColumnsTable columns={preview.columns} headerWidth={220} fieldWidth={180} field={(c) => c.label ?? <Typography.Text type="secondary">（不导入）</Typography.Text>} />
                  ),
                },
                {
                  key: 'new',
                  label: `新增（${counts.new}）`,
                  children: (
                    <Table
                      rowKey="row"
                      size="small"
                      dataSource={preview.newHoldings}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      columns={[
                        { title: '行', dataIndex: 'row', width: 60 },
                        { title: '姓名', dataIndex: 'name', width: 100 },
                        { title: '所在村', dataIndex: 'village', width: 110 },
                        { title: '岗位', dataIndex: 'postLabel' },
                        { title: '月补贴（元）', dataIndex: 'pay', width: 110 },
                        { title: '上岗', dataIndex: 'startMonth', width: 90 },
                        { title: '聘用结束', dataIndex: 'endMonth', width: 90 },
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
                      dataSource={preview.changedHoldings}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      columns={[
                        { title: '行', dataIndex: 'row', width: 60 },
                        { title: '姓名', dataIndex: 'name', width: 100 },
                        { title: '岗位', dataIndex: 'postLabel' },
                        { title: '变化的项', dataIndex: 'fields', width: 260, render: (f: string[]) => f.join('、') },
                      ]}
                    />
                  ),
                },
                {
                  key: 'absent',
                  label: `花名册中没有（${preview.notInLedger}）`,
                  children: (
                    <Table
                      rowKey="row"
                      size="small"
                      dataSource={preview.notInLedgerRows}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      columns={[
                        { title: '行', dataIndex: 'row', width: 60 },
                        { title: '姓名', dataIndex: 'name', width: 100 },
                        { title: '身份证号', dataIndex: 'idNumberMasked', width: 200 },
                        { title: '所在村', dataIndex: 'village' },
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
            {preview.errorCount === 0 && counts.new + counts.changed === 0 && <Typography.Text type="secondary">表中的人员与台账一致，无需导入。</Typography.Text>}
          </Space>
        </>
      )}
      <ImportBatchesCard
        title="岗位人员名单导入记录"
        extra={
          <Button size="small" disabled={running !== null} onClick={() => void exportList()}>
            导出岗位人员名单
          </Button>
        }
        batches={history.data ?? []}
        loading={history.loading}
        sheetWidth={140}
        countColumns={[{ key: 'h', title: '人员（新增/变更/未变）', width: 170, counts: 'holdings', parts: ['new', 'changed', 'unchanged'] }]}
        busy={running !== null}
        onUndo={(b) => void undo(b)}
      />
    </div>
  )
}
