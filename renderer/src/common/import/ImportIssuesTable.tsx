import { Button, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import type { ImportIssueView } from '../../../../shared/api/households-import'

interface ImportIssuesTableProps {
  issues: ImportIssueView[]
  errorCount: number
  warningCount: number
  /** The preview kept only the first 5000 issues. */
  truncated: boolean
  /** Width of the 列 column (project headers are longer). */
  columnWidth: number
  /** Offers 下载问题清单（.xlsx）, when the page has one. */
  onDownload?: () => void
}

/** The 问题 tab of a preview: issues with their rows, filtered by 问题级别 (errors first when there are any). */
export function ImportIssuesTable({ issues, errorCount, warningCount, truncated, columnWidth, onDownload }: ImportIssuesTableProps) {
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>(errorCount ? 'error' : 'all')
  const shown = useMemo(() => issues.filter((i) => severity === 'all' || i.severity === severity), [issues, severity])
  const columns: ColumnsType<ImportIssueView> = [
    { title: '行', dataIndex: 'row', width: 70 },
    { title: '列', dataIndex: 'column', width: columnWidth },
    { title: '级别', dataIndex: 'severity', width: 80, render: (s: string) => (s === 'error' ? <Tag color="red">错误</Tag> : <Tag color="orange">提醒</Tag>) },
    { title: '说明', dataIndex: 'message' },
  ]
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Select
          aria-label="问题级别"
          value={severity}
          onChange={setSeverity}
          style={{ width: 140 }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'error', label: `错误（${errorCount}）` },
            { value: 'warning', label: `提醒（${warningCount}）` },
          ]}
        />
        {onDownload && (
          <Button onClick={onDownload} disabled={errorCount + warningCount === 0}>
            下载问题清单（.xlsx）
          </Button>
        )}
        {truncated && <Typography.Text type="secondary">{onDownload ? '只显示前 5000 条，完整清单请下载。' : '只显示前 5000 条。'}</Typography.Text>}
      </Space>
      <Table<ImportIssueView> rowKey={(i) => `${i.row}/${i.column}/${i.code}`} size="small" columns={columns} dataSource={shown} pagination={{ pageSize: 20 }} />
    </>
  )
}
