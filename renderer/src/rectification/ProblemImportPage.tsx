/** 导入问题清单: the county's problem list read, checked against the ledger, then imported in one go; 撤销 per import. */
import { App, Button, Card, Result, Table, Tabs, Typography } from 'antd'
import type { ProblemImportPreview, ProblemImportResult } from '../../../shared/api/rectification'
import { PROBLEM_FIELDS } from '../../../shared/import/rectification-fields'
import { call } from '../common/api/client'
import { ColumnMappingEditor, useMappingDraft, type ColumnMapping } from '../common/import/ColumnMappingEditor'
import { ImportCounts } from '../common/import/ImportCounts'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { CommitBar, ImportPageShell, PreviewAlert } from '../common/import/ImportPageShell'
import { useImportFlow } from '../common/import/use-import-flow'
import { navigate } from '../router'

type Reading = { mapping?: ColumnMapping }

const FIELD_OPTIONS = PROBLEM_FIELDS.map((f) => ({ value: f.key, label: f.label }))

export function ProblemImportPage() {
  const { message } = App.useApp()
  const flow = useImportFlow<ProblemImportPreview, ProblemImportResult, Reading>({
    kind: 'rectification',
    pickTitle: '选择县里下发的问题整改清单',
    preview: (f, sheet, { mapping }) => call('rectification.importPreview', { fileId: f.fileId, sheet, mapping }),
    commit: (f, sheet, { mapping }) => call('rectification.importCommit', { fileId: f.fileId, sheet, mapping }),
    undoneMessage: (batch) => `已撤销「${batch.fileName}」的导入，问题整改台账恢复到导入之前。`,
  })
  const exportLedger = async () => {
    try {
      const f = await call('rectification.export', {})
      const r = await window.ledger.saveFile(f.fileId, f.name)
      if (!r.ok) message.error(r.error.message)
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <ImportPageShell
      flow={flow}
      title="导入问题整改清单"
      intro="支持县里下发的问题清单（.xlsx、.xls 或 CSV），表头可在标题行之下，列名可为「反馈来源」「存在问题」「完成时限」等常见写法。导入前列出新增、变更和未变的问题，台账中同一批次（或来源）而表中没有的问题，以及所有问题提示；列对应可调整（会记住）；确认后一次写入，可整批撤销。"
      actions={<Button onClick={() => navigate('#/rectification')}>返回问题整改台账</Button>}
      rowNoun="问题"
      renderResult={(result) => (
        <Result
          status="success"
          title="问题清单已导入"
          subTitle={`新增 ${result.problems.new} 个，变更 ${result.problems.changed} 个，未变 ${result.problems.unchanged} 个`}
          extra={[<Button key="list" type="primary" onClick={() => navigate('#/rectification')}>查看问题整改台账</Button>]}
        />
      )}
      renderPreview={(preview) => <PreviewView preview={preview} onRemap={(mapping) => flow.setReading({ mapping })} onCommit={() => flow.commit()} />}
      batches={{
        title: '问题清单导入记录',
        extra: (
          <Button size="small" disabled={flow.running !== null} onClick={() => void exportLedger()}>
            导出问题整改台账
          </Button>
        ),
        sheetWidth: 140,
        countColumns: [{ key: 'p', title: '问题（新增/变更/未变）', width: 170, counts: 'problems', parts: ['new', 'changed', 'unchanged'] }],
      }}
    />
  )
}

function PreviewView({ preview, onRemap, onCommit }: { preview: ProblemImportPreview; onRemap(mapping: ColumnMapping): void; onCommit(): void }) {
  const counts = preview.problems
  const mapping = useMappingDraft(preview.columns)
  return (
    <>
      <ImportCounts title="问题" counts={counts} missingTitle="台账有、表中没有（保留不动）" style={{ marginBottom: 12 }} />
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
              label: `列对应${preview.rememberedMapping ? '（沿用上次的调整）' : ''}`,
              children: (
                <ColumnMappingEditor
                  columns={preview.columns}
                  options={FIELD_OPTIONS}
                  draft={mapping.draft}
                  remapped={mapping.remapped}
                  setField={mapping.setField}
                  onRemap={onRemap}
                  headerWidth={220}
                  fieldWidth={220}
                  keepsUnmapped={false}
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
            {
              key: 'missing',
              label: `表中没有（${counts.missing}）`,
              children: (
                <>
                  <Typography.Paragraph type="secondary">
                    这些问题与表中的问题同一批次（没有批次的，同一来源），在台账中有、在本表中没有。导入不会删除或改动它们；如县里已销号，请在问题页面登记。
                  </Typography.Paragraph>
                  <Table
                    rowKey="id"
                    size="small"
                    dataSource={preview.missingProblems}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    onRow={(r) => ({ onDoubleClick: () => navigate(`#/rectification/${r.id}`) })}
                    columns={[
                      { title: '问题编号', dataIndex: 'problemNo', width: 120 },
                      { title: '来源', dataIndex: 'source', width: 90 },
                      { title: '批次或文号', dataIndex: 'batchNo', width: 160 },
                      { title: '问题描述', dataIndex: 'description' },
                      { title: '状态', dataIndex: 'status', width: 90 },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      <CommitBar errorCount={preview.errorCount} writes={counts.new + counts.changed} noun="问题" onCommit={onCommit} />
    </>
  )
}
