/**
 * The checks in an import's pages: what the file would add to the 疑点 (shown in the preview), and
 * the check run that followed the import (shown with its result).
 */
import { Alert, Button, Table, Tag, Typography } from 'antd'
import type { CheckWouldAdd, ImportCheckRun } from '../../../shared/api/checks'
import { navigate } from '../router'
import { SEVERITY_COLORS } from './severity'

type RuleCount = CheckWouldAdd['rules'][number]

/** Per rule, the findings the file would bring that the ledger does not have now. */
export function ImportWouldAdd({ wouldAdd, keptErrors }: { wouldAdd: CheckWouldAdd | undefined; keptErrors: boolean }) {
  if (!wouldAdd) return null
  const how = keptErrors ? '若「全部导入，错误记为疑点」，' : ''
  if (wouldAdd.total === 0) {
    return <Alert className="import-would-add" type="success" showIcon style={{ marginBottom: 12 }} message={`${how}导入后不会新增疑点（按县级核查规则核对，核查日期 ${wouldAdd.asOf}）。`} />
  }
  return (
    <Alert
      className="import-would-add"
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={`${how}导入后将新增 ${wouldAdd.total} 条疑点（${wouldAdd.rules.length} 条规则；台账现有的疑点不计在内）`}
      description={
        <Table<RuleCount>
          size="small"
          rowKey="code"
          pagination={wouldAdd.rules.length > 6 ? { pageSize: 6, size: 'small', showSizeChanger: false } : false}
          dataSource={wouldAdd.rules}
          columns={[
            { title: '规则', dataIndex: 'title' },
            { title: '等级', dataIndex: 'severity', width: 70, render: (s: string) => <Tag color={SEVERITY_COLORS[s]}>{s}</Tag> },
            { title: '新增', dataIndex: 'count', width: 70, align: 'right' },
          ]}
        />
      }
    />
  )
}

/** The check run an import started once it had written. */
export function ImportCheckResult({ checks }: { checks: ImportCheckRun | undefined }) {
  if (!checks) return null
  if (checks.error) return <Alert type="warning" showIcon style={{ marginTop: 12, textAlign: 'left' }} message={checks.error} />
  return (
    <Typography.Paragraph className="import-check-result" style={{ marginTop: 12 }}>
      导入后已自动核查疑点：未处理 {checks.open} 条，其中本次新增 {checks.new} 条。{' '}
      <Button type="link" size="small" onClick={() => navigate('#/checks')}>
        查看疑点核查
      </Button>
    </Typography.Paragraph>
  )
}

/** One line for the import's success message. */
export const checkRunSummary = (checks: ImportCheckRun | undefined): string =>
  !checks ? '' : checks.error ? '；导入后的疑点核查没有完成' : `；导入后已核查疑点：未处理 ${checks.open} 条，本次新增 ${checks.new} 条`

/** A sentence for the undo's success message: the check run that followed the undo. */
export const undoCheckSentence = (checks: ImportCheckRun | undefined): string =>
  !checks ? '' : checks.error ? checks.error : `疑点已重新核查：未处理 ${checks.open} 条。`
