import { Card, Checkbox, Result, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { NationalColumnView, NationalCommitResult, NationalPreview, NationalRecordView, VillageStatisticsView } from '../../../shared/api/national'
import { fenToYuanText } from '../../../shared/domain/money'
import { NATIONAL_FIELDS, NATIONAL_KIND_NOUNS } from '../../../shared/import/national-fields'
import type { NationalKind } from '../../../shared/import/national-kinds'
import type { ImportCheckRun } from '../../../shared/api/checks'
import { ImportCheckResult, ImportWouldAdd } from '../checks'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { ColumnMappingEditor, useMappingDraft, type ColumnMapping } from '../common/import/ColumnMappingEditor'
import { FieldDiffs } from '../common/import/FieldDiffs'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { CommitBar, ImportPageShell, PreviewAlert } from '../common/import/ImportPageShell'
import { useImportFlow } from '../common/import/use-import-flow'
import { NationalExportMenu } from './NationalExportMenu'

type Reading = { mapping?: ColumnMapping }

/**
 * 导入国家系统表格: the national monitoring system's 户信息, 已外出务工信息, 计划外出务工信息 and 行政村信息.
 * The kind is told from the header; a roster or project list is sent to its own page.
 */
export function NationalImportPage() {
  const villages = useCall('national.villages', {})
  const flow = useImportFlow<NationalPreview, NationalCommitResult & { checks?: ImportCheckRun }, Reading, { keepIssues: boolean }>({
    kind: 'national',
    pickTitle: '选择国家系统导出的表格（户信息、已外出务工信息、计划外出务工信息或行政村信息）',
    preview: (f, sheet, { mapping }) => call('national.importPreview', { fileId: f.fileId, sheet, mapping }),
    commit: (f, sheet, { mapping }, { keepIssues }) => call('national.importCommit', { fileId: f.fileId, sheet, mapping, keepIssues }),
    undoneMessage: (batch) => `已撤销「${batch.fileName}」的导入，台账恢复到导入之前。`,
    onChanged: () => villages.reload(),
  })

  return (
    <ImportPageShell
      flow={flow}
      title="导入国家系统表格（户信息 / 已外出务工信息 / 计划外出务工信息 / 行政村信息）"
      intro="支持国家防返贫监测信息系统导出的四种表格（.xlsx、.xls 或 CSV），标题行之下的表头会自动找到，按表头认出是哪一种表；列的顺序不限，不认识的列原样保存，导出时交还。花名册（含「监测对象信息」）请在「导入花名册」页面导入。导入前先列出新增、变更、未变和台账有表中没有的记录，以及台账里找不到的人或户；确认后一次写入，可整批撤销。"
      rowNoun="数据"
      renderResult={(result) => (
        <Result
          status="success"
          title={`${NATIONAL_KIND_NOUNS[result.kind].record}已导入`}
          subTitle={`新增 ${result.counts.new}，变更 ${result.counts.changed}，未变 ${result.counts.unchanged}，台账中找不到 ${result.counts.notInLedger}（${NATIONAL_KIND_NOUNS[result.kind].unit}）`}
        >
          <ImportCheckResult checks={result.checks} />
        </Result>
      )}
      renderPreview={(preview) => <PreviewView preview={preview} onRemap={(mapping) => flow.setReading({ mapping })} onCommit={(keepIssues) => flow.commit({ keepIssues })} />}
      batches={{
        title: '国家系统表格导入记录',
        extra: <NationalExportMenu size="small" />,
        sheetWidth: 120,
        countColumns: [{ key: 'r', title: '记录（新增/变更/未变）', width: 170, counts: 'records', parts: ['new', 'changed', 'unchanged'] }],
      }}
    >
      <VillagesCard rows={villages.data ?? []} loading={villages.loading} />
    </ImportPageShell>
  )
}

function PreviewView(props: { preview: NationalPreview; onRemap(mapping: ColumnMapping): void; onCommit(keepIssues: boolean): void }) {
  const { preview } = props
  const [keepIssues, setKeepIssues] = useState(false)
  const mapping = useMappingDraft(preview.columns)
  const c = preview.counts
  const noun = preview.recordNoun
  const recordColumns: ColumnsType<NationalRecordView> = [
    { title: '行', dataIndex: 'row', width: 70 },
    { title: preview.kind === 'villages' ? '行政村' : preview.kind === 'householdInfo' ? '户' : '人', dataIndex: 'subject', width: 320 },
    ...(preview.kind === 'workSpells' ? [{ title: '务工时间段', dataIndex: 'detail', width: 200 }] : []),
    { title: '变化', key: 'diffs', render: (_: unknown, r) => <FieldDiffs diffs={r.diffs} /> },
  ]
  const fields = NATIONAL_FIELDS[preview.kind as NationalKind]
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }} data-card="national-counts" title={<Space>{`认出的表格：${preview.kindLabel}`}<Tag color="blue">{noun}</Tag></Space>}>
        <Space size="large">
          <Statistic title="新增" value={c.new} valueStyle={{ color: '#237804' }} />
          <Statistic title="变更" value={c.changed} valueStyle={{ color: '#ad6800' }} />
          <Statistic title="未变" value={c.unchanged} />
          <Statistic title="台账有、表中没有（保留不动）" value={c.missing} />
          <Statistic title="台账中找不到（不导入）" value={c.notInLedger} valueStyle={{ color: c.notInLedger ? '#a8071a' : undefined }} />
        </Space>
      </Card>
      <PreviewAlert
        errorCount={preview.errorCount}
        keepIssuesOffered
        warningCount={preview.warningCount}
        warningNote={`。${c.notInLedger ? `其中 ${c.notInLedger} 行的人或户在台账中找不到，这些行不会导入，请先导入花名册或核对证件号码。` : ''}`}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Tabs
          items={[
            {
              key: 'issues',
              label: `问题（${preview.errorCount + preview.warningCount}）`,
              children: <ImportIssuesTable issues={preview.issues} errorCount={preview.errorCount} warningCount={preview.warningCount} truncated={preview.issuesTruncated} columnWidth={160} />,
            },
            {
              key: 'columns',
              label: `列对应${preview.rememberedMapping ? '（沿用上次的调整）' : ''}`,
              children: (
                <ColumnMappingEditor<NationalColumnView>
                  columns={preview.columns}
                  options={fields.map((f) => ({ value: f.key, label: f.label }))}
                  draft={mapping.draft}
                  remapped={mapping.remapped}
                  setField={mapping.setField}
                  onRemap={props.onRemap}
                  headerWidth={240}
                  fieldWidth={260}
                />
              ),
            },
            { key: 'new', label: `新增（${c.new}）`, children: <Table<NationalRecordView> rowKey="row" size="small" columns={recordColumns.slice(0, -1)} dataSource={preview.newRecords} pagination={{ pageSize: 20 }} /> },
            { key: 'changed', label: `变更（${c.changed}）`, children: <Table<NationalRecordView> rowKey="row" size="small" columns={recordColumns} dataSource={preview.changedRecords} pagination={{ pageSize: 20 }} /> },
            {
              key: 'missing',
              label: `表中没有（${c.missing}）`,
              children: (
                <>
                  <Typography.Paragraph type="secondary">这些{noun}在台账中有、在本表中没有。导入不会删除或改动它们。</Typography.Paragraph>
                  <Table rowKey="id" size="small" columns={[{ title: '记录', dataIndex: 'subject' }, { title: '', dataIndex: 'detail', width: 200 }]} dataSource={preview.missing} pagination={{ pageSize: 20 }} />
                </>
              ),
            },
          ]}
        />
      </Card>
      <ImportWouldAdd wouldAdd={preview.wouldAdd} keptErrors={preview.errorCount > 0} />
      {preview.errorCount > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Checkbox checked={keepIssues} onChange={(e) => setKeepIssues(e.target.checked)}>
            全部导入，错误记为疑点
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
            国家系统的导出是正式底册，错误也照原样导入：台账中能找到人或户的每一行都写入，各列按原表保存、不改正，导入后由「疑点核查」报出；
            台账中找不到的行、重复的行和没有村名的行仍不导入。
          </Typography.Paragraph>
        </div>
      )}
      <CommitBar errorCount={preview.errorCount} writes={c.new + c.changed} noun={noun} errorsAccepted={keepIssues} onCommit={() => props.onCommit(preview.errorCount > 0 && keepIssues)} />
    </>
  )
}

function VillagesCard({ rows, loading }: { rows: VillageStatisticsView[]; loading: boolean }) {
  if (!loading && rows.length === 0) return null
  return (
    <Card size="small" title="行政村信息" style={{ marginBottom: 12 }} data-card="village-statistics" extra={<a href="#/villages">到「行政村信息」页面修改</a>}>
      <Table<VillageStatisticsView>
        rowKey="villageId"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '乡', dataIndex: 'township', width: 100 },
          { title: '村', dataIndex: 'village', width: 120 },
          { title: '行政区划代码', dataIndex: 'adminCode', width: 140 },
          { title: '是否出列', render: (_: unknown, r) => (r.exited === '是' ? `是（${r.exitYear ?? ''}）` : (r.exited ?? '—')), width: 110 },
          { title: '总户数', dataIndex: 'totalHouseholds', width: 80 },
          { title: '总人口数', dataIndex: 'totalPopulation', width: 90 },
          { title: '脱贫户数', dataIndex: 'exitedHouseholds', width: 90 },
          { title: '监测户数', dataIndex: 'monitoredHouseholds', width: 90 },
          { title: '村级集体经济收入（万元）', render: (_: unknown, r) => (r.collectiveIncomeFen === null ? '—' : String(r.collectiveIncomeFen / 1_000_000)) },
        ]}
      />
    </Card>
  )
}

/** 元 with no trailing .00, for the tables. */
export const yuan = (fen: number | null) => (fen === null ? '—' : fenToYuanText(fen).replace(/\.00$/, ''))
