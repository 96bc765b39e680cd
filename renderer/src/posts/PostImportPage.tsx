/** 导入岗位人员名单: a township or county post list read, checked against the roster and the ledger, then imported in one go; 撤销 per import. */
import { Alert, App, Button, Card, Result, Table, Tabs, Typography } from 'antd'
import type { PostImportPreview, PostImportResult } from '../../../shared/api/posts'
import { call } from '../common/api/client'
import { ImportColumnsTable } from '../common/import/ImportColumnsTable'
import { ImportCounts } from '../common/import/ImportCounts'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { CommitBar, ImportPageShell, PreviewAlert } from '../common/import/ImportPageShell'
import { useImportFlow } from '../common/import/use-import-flow'
import { navigate } from '../router'
import { today } from './today'

export function PostImportPage() {
  const { message } = App.useApp()
  const flow = useImportFlow<PostImportPreview, PostImportResult>({
    kind: 'posts',
    pickTitle: '选择乡镇或县里的公益性岗位人员名单',
    preview: (f, sheet) => call('posts.importPreview', { fileId: f.fileId, sheet }),
    commit: (f, sheet) => call('posts.importCommit', { fileId: f.fileId, sheet }),
    undoneMessage: (batch) => `已撤销「${batch.fileName}」的导入，公益性岗位台账恢复到导入之前。`,
  })
  const exportList = async () => {
    try {
      const f = await call('posts.export', { today: today() })
      const r = await window.ledger.saveFile(f.fileId, f.name)
      if (!r.ok) message.error(r.error.message)
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <ImportPageShell
      flow={flow}
      title="导入公益性岗位人员名单"
      intro="支持乡镇或县里的公益性岗位人员名单（.xlsx、.xls 或 CSV），表头可在标题行、单位行之下，列名可为「岗位名称」「证件号码」「行政村」「岗位补贴标准」「聘用开始」等常见写法。按身份证号对应户籍花名册中的人；导入前列出新增、变更、未变和花名册中没有的人以及所有问题提示；确认后一次写入，可整批撤销。"
      actions={<Button onClick={() => navigate('#/posts')}>返回公益性岗位</Button>}
      rowNoun="人"
      renderResult={(result) => (
        <Result
          status="success"
          title="岗位人员名单已导入"
          subTitle={`新增 ${result.holdings.new} 人，变更 ${result.holdings.changed} 人，未变 ${result.holdings.unchanged} 人${result.notInLedger ? `；花名册中没有的 ${result.notInLedger} 人未导入` : ''}`}
          extra={[<Button key="list" type="primary" onClick={() => navigate('#/posts')}>查看公益性岗位</Button>]}
        />
      )}
      renderPreview={(preview) => <PreviewView preview={preview} onCommit={() => flow.commit()} />}
      batches={{
        title: '岗位人员名单导入记录',
        extra: (
          <Button size="small" disabled={flow.running !== null} onClick={() => void exportList()}>
            导出岗位人员名单
          </Button>
        ),
        sheetWidth: 140,
        countColumns: [{ key: 'h', title: '人员（新增/变更/未变）', width: 170, counts: 'holdings', parts: ['new', 'changed', 'unchanged'] }],
      }}
    />
  )
}

function PreviewView({ preview, onCommit }: { preview: PostImportPreview; onCommit(): void }) {
  const counts = preview.holdings
  return (
    <>
      <ImportCounts title="上岗人员" counts={counts} missingTitle="台账在岗、表中没有" style={{ marginBottom: 12 }} />
      {preview.notInLedger > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`表中有 ${preview.notInLedger} 人不在户籍花名册中（按身份证号查找），这些行不会导入。`} description="请先在户籍花名册中录入这些人，或核对身份证号后重新导入。" />
      )}
      <PreviewAlert errorCount={preview.errorCount} warningCount={preview.warningCount} />
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
      <CommitBar errorCount={preview.errorCount} writes={counts.new + counts.changed} noun="人员" onCommit={onCommit} />
    </>
  )
}
