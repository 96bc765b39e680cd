import { Alert, Button, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { ImportBatchesCard, type BatchCountColumn } from './ImportBatchesCard'
import { ImportFileCard } from './ImportFileCard'
import type { ImportFlow, PreviewOfFile } from './use-import-flow'

interface ImportPageShellProps<P extends PreviewOfFile, T, R extends object, C extends object> {
  flow: ImportFlow<P, T, R, C>
  /** The file card: its title, what it takes (before a file is chosen), buttons before 选择文件, what a row is. */
  title: string
  intro: ReactNode
  actions?: ReactNode
  rowNoun: string
  /** The import's outcome, once committed. */
  renderResult(result: T): ReactNode
  /** The preview (counts, issues, 列对应, lists, confirm), shown while no job runs. */
  renderPreview(preview: P): ReactNode
  /** Cards between the preview and the import history (what the kind keeps beside its records). */
  children?: ReactNode
  /** The import history card. */
  batches: { title: string; extra?: ReactNode; sheetWidth: number; countColumns: BatchCountColumn[] }
}

/**
 * An import page: the file card (file, sheet, progress, refusal with what to do), the result, the
 * preview, and the kind's import batches with 撤销本次导入 — the frame every import page shares,
 * filled by the page with its own preview. Driven by useImportFlow.
 */
export function ImportPageShell<P extends PreviewOfFile, T, R extends object, C extends object>(props: ImportPageShellProps<P, T, R, C>) {
  const { flow } = props
  return (
    <div className="page">
      <ImportFileCard
        title={props.title}
        intro={props.intro}
        actions={props.actions}
        file={flow.file}
        sheet={flow.sheet}
        read={flow.preview}
        rowNoun={props.rowNoun}
        running={flow.running}
        failure={flow.failure}
        onDismissFailure={flow.dismissFailure}
        onPick={flow.pick}
        onSheet={flow.chooseSheet}
      />
      {flow.result !== null && props.renderResult(flow.result)}
      {flow.preview && !flow.running && props.renderPreview(flow.preview)}
      {props.children}
      <ImportBatchesCard
        title={props.batches.title}
        extra={props.batches.extra}
        batches={flow.history.data ?? []}
        loading={flow.history.loading}
        sheetWidth={props.batches.sheetWidth}
        countColumns={props.batches.countColumns}
        busy={flow.running !== null}
        onUndo={flow.undo}
      />
    </div>
  )
}

/** Under the counts: the errors that block the import, or the warnings that do not. */
export function PreviewAlert(props: { errorCount: number; warningCount: number; warningNote?: string; keepIssuesOffered?: boolean }) {
  const { errorCount, warningCount, warningNote } = props
  if (errorCount > 0) {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        message={`发现 ${errorCount} 处错误、${warningCount} 处提醒。有错误时不能${props.keepIssuesOffered ? '直接' : ''}导入。`}
        description={`请按「问题」列表在 Excel 中改正原表（行号、列名与 Excel 中一致），保存后重新选择文件${props.keepIssuesOffered ? '；或勾选下方「全部导入，错误记为疑点」' : ''}。`}
      />
    )
  }
  if (warningCount === 0) return null
  return <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`没有错误，有 ${warningCount} 处提醒${warningNote ?? '（不影响导入，建议核对）。'}`} />
}

/**
 * 确认导入, disabled while the file has errors (unless the clerk chose to keep them as 疑点) or nothing to write (then said in words).
 * `before` is said ahead of the button (e.g. the file's total); `stale` (the 列对应 edited, not yet checked again) disables it too.
 */
export function CommitBar(props: { errorCount: number; writes: number; noun: string; errorsAccepted?: boolean; before?: ReactNode; stale?: boolean; onCommit(): void }) {
  const { errorCount, writes, noun, onCommit, stale } = props
  return (
    <Space style={{ marginBottom: 16 }}>
      {props.before}
      <Button type="primary" size="large" disabled={(errorCount > 0 && !props.errorsAccepted) || writes === 0 || stale} onClick={onCommit}>
        确认导入
      </Button>
      {stale && <Typography.Text type="warning">列对应已修改，请先重新检查。</Typography.Text>}
      {!stale && errorCount === 0 && writes === 0 && <Typography.Text type="secondary">{`表中的${noun}与台账一致，无需导入。`}</Typography.Text>}
    </Space>
  )
}
