/** 导入贷款名单: the bank's or county's loan list read, matched to the roster by ID number, checked, then imported in one go; 列对应 remembered; 撤销 per import. */
import { Alert, Button, Card, Result, Table, Tabs, Tag, Typography } from 'antd'
import type { CreditImportPreview, CreditImportResult } from '../../../shared/api/credit'
import { formatYuanNumber } from '../../../shared/domain/money'
import { CREDIT_MAPPING_OPTIONS } from '../../../shared/import/credit-fields'
import { call } from '../common/api/client'
import { ColumnMappingEditor, useMappingDraft, type ColumnMapping } from '../common/import/ColumnMappingEditor'
import { ImportCounts } from '../common/import/ImportCounts'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { CommitBar, ImportPageShell, PreviewAlert } from '../common/import/ImportPageShell'
import { useImportFlow } from '../common/import/use-import-flow'
import { navigate } from '../router'

type Reading = { mapping?: ColumnMapping }

export function CreditImportPage() {
  const flow = useImportFlow<CreditImportPreview, CreditImportResult, Reading>({
    kind: 'credit',
    pickTitle: '选择银行或县里的小额信贷名单',
    preview: (f, sheet, { mapping }) => call('credit.importPreview', { fileId: f.fileId, sheet, mapping }),
    commit: (f, sheet, { mapping }) => call('credit.importCommit', { fileId: f.fileId, sheet, mapping }),
    undoneMessage: (batch) => `已撤销「${batch.fileName}」的导入，小额信贷台账恢复到导入之前。`,
  })
  return (
    <ImportPageShell
      flow={flow}
      title="导入小额信贷名单"
      intro="支持银行或县里的贷款名单（.xlsx、.xls 或 CSV）：表头可在标题行之下或为两级合并表头，列名可为「户主姓名」「证件号码」「发放日期」「经办银行」等常见写法；金额单位按表头（如「贷款金额（万元）」）或标题行（「单位：万元」）识别。借款人按身份证号码与户台账对应，台账中没有的人逐行列出、不导入。确认后一次写入，可整批撤销。"
      actions={<Button onClick={() => navigate('#/credit')}>返回小额信贷台账</Button>}
      rowNoun="笔贷款"
      renderResult={(result) => (
        <Result
          status="success"
          title="贷款名单已导入"
          subTitle={`新增 ${result.loans.new} 笔，变更 ${result.loans.changed} 笔，未变 ${result.loans.unchanged} 笔${result.notInLedger ? `；${result.notInLedger} 行的借款人不在户台账中，没有导入` : ''}`}
          extra={[<Button key="list" type="primary" onClick={() => navigate('#/credit')}>查看小额信贷台账</Button>]}
        />
      )}
      renderPreview={(preview) => (
        <PreviewBody
          key={`${preview.fileName}-${preview.sheet}-${JSON.stringify(flow.reading.mapping ?? {})}`}
          preview={preview}
          onRemap={(mapping) => flow.setReading({ mapping })}
          onCommit={() => flow.commit()}
        />
      )}
      batches={{
        title: '贷款名单导入记录',
        sheetWidth: 140,
        countColumns: [{ key: 'l', title: '贷款（新增/变更/未变）', width: 170, counts: 'loans', parts: ['new', 'changed', 'unchanged'] }],
      }}
    />
  )
}

function PreviewBody({ preview, onRemap, onCommit }: { preview: CreditImportPreview; onRemap(m: ColumnMapping): void; onCommit(): void }) {
  const mapping = useMappingDraft(preview.columns)
  const counts = preview.loans
  return (
    <>
      <ImportCounts title="贷款" counts={counts} missingTitle="台账有、表中没有" style={{ marginBottom: 12 }} />
      {preview.notInLedger.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${preview.notInLedger.length} 行的借款人不在户台账中（按身份证号码查找），这些行不会导入。`}
          description="见「台账中没有的人」：请核对证件号码，或先在户台账中登记此人后重新导入。"
        />
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
                <ColumnMappingEditor
                  columns={preview.columns}
                  options={CREDIT_MAPPING_OPTIONS}
                  {...mapping}
                  onRemap={onRemap}
                  headerWidth={240}
                  fieldWidth={260}
                  suffix={(c) => (c.unit && c.field === (mapping.draft[String(c.index)] ?? null) ? <Tag>{c.unit === 'wan' ? '万元' : '元'}</Tag> : null)}
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
                  dataSource={preview.newLoans}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: '行', dataIndex: 'row', width: 60 },
                    { title: '借款人', dataIndex: 'borrower', width: 90 },
                    { title: '行政村', dataIndex: 'village', width: 100 },
                    { title: '贷款银行', dataIndex: 'bank' },
                    { title: '合同编号', dataIndex: 'contractNo', width: 140 },
                    { title: '金额（元）', dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => formatYuanNumber(v) },
                    { title: '放款日期', dataIndex: 'loanDate', width: 100 },
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
                  dataSource={preview.changedLoans}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: '行', dataIndex: 'row', width: 60 },
                    { title: '借款人', dataIndex: 'borrower', width: 90 },
                    { title: '合同编号', dataIndex: 'contractNo', width: 140 },
                    { title: '变化的项', dataIndex: 'fields', render: (f: string[]) => f.join('、') },
                  ]}
                />
              ),
            },
            {
              key: 'not-in-ledger',
              label: `台账中没有的人（${preview.notInLedger.length}）`,
              children: (
                <Table
                  rowKey="row"
                  size="small"
                  dataSource={preview.notInLedger}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: '行', dataIndex: 'row', width: 60 },
                    { title: '姓名', dataIndex: 'name', width: 120 },
                    { title: '身份证号码', dataIndex: 'idNumberMasked' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <CommitBar
        errorCount={preview.errorCount}
        writes={counts.new + counts.changed}
        noun="贷款"
        before={<Typography.Text>表中贷款金额合计 {formatYuanNumber(preview.amountFen)} 元。</Typography.Text>}
        stale={mapping.remapped}
        onCommit={onCommit}
      />
    </>
  )
}
