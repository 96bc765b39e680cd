import { Alert, App, Button, Card, DatePicker, Radio, Result, Select, Space, Table, Tabs, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { PickedFile } from '../../../shared/api/bridge'
import {
  REMOVAL_REASONS,
  type ColumnView,
  type HouseholdChangeView,
  type MissingView,
  type RosterCommitResult,
  type RosterPreview,
} from '../../../shared/api/households-import'
import type { ImportCheckRun } from '../../../shared/api/checks'
import type { ImportBatchView } from '../../../shared/api/imports'
import { ROSTER_FIELDS } from '../../../shared/import/households-fields'
import { checkRunSummary, ImportCheckResult, ImportWouldAdd, undoCheckSentence } from '../checks'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { FieldDiffs } from '../common/import/FieldDiffs'
import { ImportBatchesCard } from '../common/import/ImportBatchesCard'
import { ColumnMappingEditor, useMappingDraft } from '../common/import/ColumnMappingEditor'
import { ImportCounts } from '../common/import/ImportCounts'
import { ImportFileCard } from '../common/import/ImportFileCard'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { useImportJob } from '../common/import/use-import-job'
import { navigate } from '../router'

type Removal = { reason: (typeof REMOVAL_REASONS)[number]; date: string }
/** With errors in the file: skip the households with errors, or import everything with the errors kept as 疑点 (none chosen: nothing can be imported). */
type ErrorMode = 'skip' | 'keep' | null
type CommitResult = RosterCommitResult & { checks?: ImportCheckRun }

const FIELD_OPTIONS = [
  ...ROSTER_FIELDS.map((f) => ({ value: f.key, label: `${f.label}（${{ village: '村组', household: '户', member: '人' }[f.level]}）` })),
]

export function ImportPage({ onDataChanged }: { onDataChanged(): void }) {
  const { message } = App.useApp()
  const { running, failure, dismissFailure, job, saveProduced, chooseFile } = useImportJob()
  const [file, setFile] = useState<PickedFile | null>(null)
  const [sheet, setSheet] = useState<string | undefined>()
  const [mapping, setMapping] = useState<Record<string, string | null> | undefined>()
  const [preview, setPreview] = useState<RosterPreview | null>(null)
  const [removals, setRemovals] = useState<Record<string, Removal>>({})
  const [errorMode, setErrorMode] = useState<ErrorMode>(null)
  const [result, setResult] = useState<CommitResult | null>(null)
  const history = useCall('imports.list', { kind: 'roster' })

  const runPreview = async (f: PickedFile, s: string | undefined, m: Record<string, string | null> | undefined) => {
    setResult(null)
    const p = await job<RosterPreview>(() => call('households.importPreview', { fileId: f.fileId, sheet: s, mapping: m }))
    if (p) {
      setPreview(p)
      setSheet(p.sheet)
    }
  }

  const pick = async () => {
    const picked = await chooseFile('选择县里下发的花名册')
    if (!picked) return
    setFile(picked)
    setPreview(null)
    setMapping(undefined)
    setRemovals({})
    setErrorMode(null)
    await runPreview(picked, undefined, undefined)
  }

  const commit = async () => {
    if (!file || !preview) return
    const byKind = (kind: string) =>
      Object.fromEntries(Object.entries(removals).filter(([k]) => k.startsWith(`${kind}:`)).map(([k, v]) => [k.slice(kind.length + 1), v]))
    const keep = preview.errorCount > 0 && errorMode === 'keep'
    const r = await job<CommitResult>(() =>
      call('households.importCommit', {
        fileId: file.fileId, sheet, mapping, skipBlocked: preview.errorCount > 0 && errorMode === 'skip', keepIssues: keep,
        removeHouseholds: byKind('household'), removeMembers: byKind('member'),
      }),
    )
    if (r) {
      message.success(
        `已导入：户新增 ${r.households.new}、变更 ${r.households.changed}；人新增 ${r.members.new}、变更 ${r.members.changed}` +
          (keep
            ? `；${r.keptIssues ?? 0} 处错误已记为疑点${r.leftOut?.length ? `，${r.leftOut.length} 行无法认出、未导入` : ''}`
            : r.skipped ? `；跳过有错误的户 ${r.skipped} 户（未导入，请按问题清单修改后再导入）` : '；没有跳过任何户') +
          checkRunSummary(r.checks),
        8,
      )
      setResult(r)
      setPreview(null)
      history.reload()
      onDataChanged()
    }
  }

  const downloadIssues = async () => {
    if (!file) return
    await saveProduced(() => call('households.issuesReport', { fileId: file.fileId, sheet, mapping }))
  }

  const undo = async (batch: ImportBatchView) => {
    const r = await job<{ reverted: number; checks?: ImportCheckRun }>(() => call('imports.undo', { batchId: batch.id }))
    if (r) {
      message.success(`已撤销「${batch.fileName}」的导入，台账恢复到导入之前。${undoCheckSentence(r.checks)}`)
      setResult(null)
      history.reload()
      onDataChanged()
    }
  }

  return (
    <div className="page">
      <ImportFileCard
        title="导入花名册（建档立卡户 / 防返贫监测）"
        intro="支持 Excel 工作簿（.xlsx、Excel 97-2003 的 .xls）和 CSV（UTF-8 或 GBK）。导入前会先列出新增、变更、未变和表中没有的户与人，以及所有问题；确认后一次写入，可整批撤销。"
        file={file}
        sheet={sheet}
        read={preview}
        rowNoun="数据"
        running={running}
        failure={failure}
        onDismissFailure={dismissFailure}
        onPick={() => void pick()}
        onSheet={(s) => {
          if (!file) return
          setSheet(s)
          setMapping(undefined)
          void runPreview(file, s, undefined)
        }}
      />

      {result && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`户：新增 ${result.households.new}，变更 ${result.households.changed}，未变 ${result.households.unchanged}；人：新增 ${result.members.new}，变更 ${result.members.changed}，未变 ${result.members.unchanged}${result.markedRemoved ? `；标记移出 ${result.markedRemoved}` : ''}${result.monitoringCases ? `；监测记录：新增 ${result.monitoringCases.new}，更新 ${result.monitoringCases.changed}` : ''}${result.keptIssues !== undefined ? `；${result.keptIssues} 处错误已记为疑点` : result.skipped ? `；跳过有错误的户 ${result.skipped} 户` : ''}`}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('#/')}>
              查看户台账
            </Button>,
          ]}
        >
          {result.leftOut && result.leftOut.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ textAlign: 'left', marginBottom: 12 }}
              message={`${result.leftOut.length} 行既没有证件号码也没有户编号，无法认出是谁，没有导入：`}
              description={result.leftOut.slice(0, 50).map((i) => <div key={i.row}>{i.message}</div>)}
            />
          )}
          <ImportCheckResult checks={result.checks} />
        </Result>
      )}

      {preview && !running && (
        <PreviewView
          preview={preview}
          removals={removals}
          setRemovals={setRemovals}
          errorMode={errorMode}
          setErrorMode={setErrorMode}
          onRemap={(m) => {
            setMapping(m)
            if (file) void runPreview(file, sheet, m)
          }}
          onCommit={() => void commit()}
          onDownloadIssues={() => void downloadIssues()}
        />
      )}

      <ImportBatchesCard
        title="导入记录"
        batches={history.data}
        loading={history.loading}
        sheetWidth={120}
        countColumns={[
          { key: 'h', title: '户（新增/变更）', width: 130, counts: 'households', parts: ['new', 'changed'] },
          { key: 'm', title: '人（新增/变更）', width: 130, counts: 'members', parts: ['new', 'changed'] },
        ]}
        busy={running !== null}
        onUndo={(b) => void undo(b)}
      />
    </div>
  )
}

interface PreviewProps {
  preview: RosterPreview
  removals: Record<string, Removal>
  setRemovals(f: (r: Record<string, Removal>) => Record<string, Removal>): void
  errorMode: ErrorMode
  setErrorMode(v: ErrorMode): void
  onRemap(mapping: Record<string, string | null>): void
  onCommit(): void
  onDownloadIssues(): void
}

function PreviewView(props: PreviewProps) {
  const { preview, removals, setRemovals, errorMode, setErrorMode } = props
  const mapping = useMappingDraft(preview.columns)
  const { remapped } = mapping
  const canCommit = preview.errorCount === 0 || (errorMode === 'skip' && preview.blockedHouseholds > 0) || errorMode === 'keep'
  const leftOut = preview.keepIssues.leftOut

  const changeColumns: ColumnsType<HouseholdChangeView> = [
    { title: '行', dataIndex: 'firstRow', width: 70 },
    { title: '户编号', dataIndex: 'householdNo', width: 170 },
    { title: '户主', dataIndex: 'headName', width: 90 },
    { title: '行政村', dataIndex: 'village', width: 100 },
    {
      title: '变化',
      key: 'diffs',
      render: (_: unknown, h) => (
        <FieldDiffs diffs={h.diffs}>{h.newMembers.length > 0 && <span className="diff-after">新增成员：{h.newMembers.join('、')}</span>}</FieldDiffs>
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
        <ImportCounts title="户" counts={preview.households} missingTitle="表中没有" warnMissing style={{ flex: 1 }} />
        <ImportCounts title="人" counts={preview.members} missingTitle="表中没有" warnMissing style={{ flex: 1 }} />
      </Space>
      {preview.errorCount > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`发现 ${preview.errorCount} 处错误（涉及 ${preview.blockedHouseholds} 户）、${preview.warningCount} 处提醒。有错误时不能直接导入。`}
          description="可下载问题清单（原表加「问题说明」列，出错的单元格标红），在 Excel 中改正后重新导入；或在下方选择：先导入没有错误的户，或全部导入、把错误记为疑点。"
        />
      ) : (
        preview.warningCount > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`没有错误，有 ${preview.warningCount} 处提醒（不影响导入，建议核对）。`} />
      )}
      <ImportWouldAdd wouldAdd={preview.wouldAdd} keptErrors={preview.errorCount > 0} />
      {preview.rememberedMapping && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="已按上次为相同表头所做的修改对应各列。" />}
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
                  columnWidth={140}
                  onDownload={props.onDownloadIssues}
                />
              ),
            },
            {
              key: 'mapping',
              label: '列对应',
              children: (
                <ColumnMappingEditor<ColumnView>
                  columns={preview.columns}
                  options={FIELD_OPTIONS}
                  {...mapping}
                  onRemap={props.onRemap}
                  headerWidth={220}
                  fieldWidth={260}
                />
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
      {preview.errorCount > 0 && (
        <Card size="small" style={{ marginBottom: 12 }} title="表中有错误时怎样导入">
          <Radio.Group value={errorMode} onChange={(e) => setErrorMode(e.target.value as ErrorMode)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <Radio value="skip">跳过有错误的 {preview.blockedHouseholds} 户，导入其余</Radio>
            <Radio value="keep">全部导入，错误记为疑点</Radio>
          </Radio.Group>
          {errorMode === 'keep' && (
            <Typography.Paragraph type="secondary" className="keep-issues-note" style={{ margin: '8px 0 0 24px' }}>
              县里的表是正式底册，错误也照原样导入：能认出的户和人（有证件号码或户编号）全部写入台账，值按原表保存、不改正；
              这 {preview.keepIssues.kept} 处错误导入后各成为「疑点核查」中对应规则的一条疑点，改正后自动消除。
              {leftOut.length > 0
                ? `既没有证件号码也没有户编号的 ${leftOut.length} 行无法认出是谁，不导入（第 ${leftOut.slice(0, 10).map((i) => i.row).join('、')}${leftOut.length > 10 ? ' 等' : ''} 行）。`
                : '表中每一行都能认出，全部导入。'}
            </Typography.Paragraph>
          )}
          {errorMode === null && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>不选择时，有错误的表不能导入（与以往相同）。</Typography.Paragraph>}
        </Card>
      )}
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" size="large" disabled={!canCommit || remapped} onClick={props.onCommit}>
          确认导入
        </Button>
        {remapped && <Typography.Text type="warning">列对应已修改，请先重新检查。</Typography.Text>}
      </Space>
    </>
  )
}
