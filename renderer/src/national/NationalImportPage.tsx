import { Alert, App, Button, Card, Checkbox, Result, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { PickedFile } from '../../../shared/api/bridge'
import type { ImportBatchView } from '../../../shared/api/imports'
import type { NationalColumnView, NationalCommitResult, NationalPreview, NationalRecordView, VillageStatisticsView } from '../../../shared/api/national'
import { fenToYuanText } from '../../../shared/domain/money'
import { NATIONAL_FIELDS, NATIONAL_KIND_NOUNS } from '../../../shared/import/national-fields'
import type { NationalKind } from '../../../shared/import/national-kinds'
import type { ImportCheckRun } from '../../../shared/api/checks'
import { ImportCheckResult, ImportWouldAdd } from '../checks'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { FieldDiffs } from '../common/import/FieldDiffs'
import { ImportBatchesCard } from '../common/import/ImportBatchesCard'
import { ImportColumnsTable } from '../common/import/ImportColumnsTable'
import { ImportFileCard } from '../common/import/ImportFileCard'
import { ImportIssuesTable } from '../common/import/ImportIssuesTable'
import { useImportJob } from '../common/import/use-import-job'

type Mapping = Record<string, string | null>

/**
 * 导入国家系统表格: the national monitoring system's 户信息, 已外出务工信息, 计划外出务工信息 and 行政村信息.
 * The kind is told from the header; a roster or project list is sent to its own page.
 */
export function NationalImportPage() {
  const { message } = App.useApp()
  const { running, job, saveProduced, chooseFile } = useImportJob()
  const [file, setFile] = useState<PickedFile | null>(null)
  const [sheet, setSheet] = useState<string | undefined>()
  const [preview, setPreview] = useState<NationalPreview | null>(null)
  const [mapping, setMapping] = useState<Mapping | undefined>()
  const [result, setResult] = useState<(NationalCommitResult & { checks?: ImportCheckRun }) | null>(null)
  const [keepIssues, setKeepIssues] = useState(false)
  const history = useCall('imports.list', { kind: 'national' })
  const villages = useCall('national.villages', {})

  const runPreview = async (f: PickedFile, s: string | undefined, m: Mapping | undefined) => {
    setResult(null)
    setKeepIssues(false)
    const p = await job<NationalPreview>(() => call('national.importPreview', { fileId: f.fileId, sheet: s, mapping: m }))
    setPreview(p)
    if (p) setSheet(p.sheet)
  }

  const pick = async () => {
    const picked = await chooseFile('选择国家系统导出的表格（户信息、已外出务工信息、计划外出务工信息或行政村信息）')
    if (!picked) return
    setFile(picked)
    setPreview(null)
    setMapping(undefined)
    await runPreview(picked, undefined, undefined)
  }

  const commit = async () => {
    if (!file || !preview) return
    const r = await job<NationalCommitResult & { checks?: ImportCheckRun }>(() =>
      call('national.importCommit', { fileId: file.fileId, sheet, mapping, keepIssues: preview.errorCount > 0 && keepIssues }),
    )
    if (r) {
      setResult(r)
      setPreview(null)
      history.reload()
      villages.reload()
    }
  }

  const undo = async (batch: ImportBatchView) => {
    const r = await job<{ reverted: number }>(() => call('imports.undo', { batchId: batch.id }))
    if (r) {
      message.success(`已撤销「${batch.fileName}」的导入，台账恢复到导入之前。`)
      setResult(null)
      history.reload()
      villages.reload()
    }
  }

  const remap = (index: number, field: string | null) => {
    if (!preview) return
    const base: Mapping = mapping ?? Object.fromEntries(preview.columns.map((c) => [String(c.index), c.field]))
    setMapping({ ...base, [String(index)]: field })
  }

  return (
    <div className="page">
      <ImportFileCard
        title="导入国家系统表格（户信息 / 已外出务工信息 / 计划外出务工信息 / 行政村信息）"
        intro="支持国家防返贫监测信息系统导出的四种表格（.xlsx、.xls 或 CSV），标题行之下的表头会自动找到，按表头认出是哪一种表；列的顺序不限，不认识的列原样保存，导出时交还。花名册（含「监测对象信息」）请在「导入花名册」页面导入。导入前先列出新增、变更、未变和台账有表中没有的记录，以及台账里找不到的人或户；确认后一次写入，可整批撤销。"
        file={file}
        sheet={sheet}
        read={preview}
        rowNoun="数据"
        running={running}
        onPick={() => void pick()}
        onSheet={(s) => {
          if (!file) return
          setSheet(s)
          void runPreview(file, s, mapping)
        }}
      />

      {result && (
        <Result
          status="success"
          title={`${NATIONAL_KIND_NOUNS[result.kind].record}已导入`}
          subTitle={`新增 ${result.counts.new}，变更 ${result.counts.changed}，未变 ${result.counts.unchanged}，台账中找不到 ${result.counts.notInLedger}（${NATIONAL_KIND_NOUNS[result.kind].unit}）`}
        >
          <ImportCheckResult checks={result.checks} />
        </Result>
      )}

      {preview && !running && (
        <PreviewView preview={preview} keepIssues={keepIssues} setKeepIssues={setKeepIssues} remapped={mapping !== undefined} onRemap={remap} onReread={() => file && void runPreview(file, sheet, mapping)} onCommit={() => void commit()} />
      )}

      <VillagesCard rows={villages.data ?? []} loading={villages.loading} />

      <ImportBatchesCard
        title="国家系统表格导入记录"
        extra={
          <Space>
            <Button size="small" disabled={running !== null} onClick={() => void saveProduced(() => call('national.export', { layout: 'workSpells' }))}>
              导出已外出务工信息（国家系统格式）
            </Button>
            <Button size="small" disabled={running !== null} onClick={() => void saveProduced(() => call('national.export', { layout: 'standard' }))}>
              导出标准格式
            </Button>
          </Space>
        }
        batches={history.data ?? []}
        loading={history.loading}
        sheetWidth={120}
        countColumns={[{ key: 'r', title: '记录（新增/变更/未变）', width: 170, counts: 'records', parts: ['new', 'changed', 'unchanged'] }]}
        busy={running !== null}
        onUndo={(b) => void undo(b)}
      />
    </div>
  )
}

function PreviewView(props: { preview: NationalPreview; keepIssues: boolean; setKeepIssues(v: boolean): void; remapped: boolean; onRemap(index: number, field: string | null): void; onReread(): void; onCommit(): void }) {
  const { preview } = props
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
      {preview.errorCount > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`发现 ${preview.errorCount} 处错误、${preview.warningCount} 处提醒。有错误时不能直接导入。`}
          description="请按「问题」列表在 Excel 中改正原表（行号、列名与 Excel 中一致），保存后重新选择文件；或勾选下方「全部导入，错误记为疑点」。"
        />
      ) : (
        preview.warningCount > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`没有错误，有 ${preview.warningCount} 处提醒。${c.notInLedger ? `其中 ${c.notInLedger} 行的人或户在台账中找不到，这些行不会导入，请先导入花名册或核对证件号码。` : ''}`}
          />
        )
      )}
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
                <>
                  <ImportColumnsTable<NationalColumnView>
                    columns={preview.columns}
                    headerWidth={240}
                    fieldWidth={260}
                    field={(col) => (
                      <Select
                        size="small"
                        style={{ width: 240 }}
                        value={col.field ?? ''}
                        onChange={(v: string) => props.onRemap(col.index, v || null)}
                        options={[{ value: '', label: '（原样保留）' }, ...fields.map((f) => ({ value: f.key, label: f.label }))]}
                      />
                    )}
                  />
                  {props.remapped && (
                    <Button style={{ marginTop: 8 }} onClick={props.onReread}>
                      按调整后的列对应重新读取
                    </Button>
                  )}
                </>
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
          <Checkbox checked={props.keepIssues} onChange={(e) => props.setKeepIssues(e.target.checked)}>
            全部导入，错误记为疑点
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
            国家系统的导出是正式底册，错误也照原样导入：台账中能找到人或户的每一行都写入，各列按原表保存、不改正，导入后由「疑点核查」报出；
            台账中找不到的行、重复的行和没有村名的行仍不导入。
          </Typography.Paragraph>
        </div>
      )}
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" size="large" disabled={(preview.errorCount > 0 && !props.keepIssues) || c.new + c.changed === 0} onClick={props.onCommit}>
          确认导入
        </Button>
        {preview.errorCount === 0 && c.new + c.changed === 0 && <Typography.Text type="secondary">表中的{noun}与台账一致，无需导入。</Typography.Text>}
      </Space>
    </>
  )
}

function VillagesCard({ rows, loading }: { rows: VillageStatisticsView[]; loading: boolean }) {
  if (!loading && rows.length === 0) return null
  return (
    <Card size="small" title="行政村信息" style={{ marginBottom: 12 }} data-card="village-statistics">
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
