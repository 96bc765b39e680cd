import { Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { ReactNode } from 'react'

/** A column of the file as a preview read it. */
interface FileColumn {
  index: number
  letter: string
  header: string
  samples: string[]
}

interface ImportColumnsTableProps<C extends FileColumn> {
  columns: C[]
  /** Width of the 表头 column. */
  headerWidth: number
  /** Width of the 对应台账字段 column. */
  fieldWidth: number
  /** The 对应台账字段 cell: the field a column goes to (or a choice of it). */
  field(column: C): ReactNode
}

/** The 列对应 tab of a preview: each column of the file, its header, the ledger field it goes to, and sample values. */
export function ImportColumnsTable<C extends FileColumn>({ columns, headerWidth, fieldWidth, field }: ImportColumnsTableProps<C>) {
  const tableColumns: ColumnsType<C> = [
    { title: '列', dataIndex: 'letter', width: 60 },
    { title: '表头', dataIndex: 'header', width: headerWidth },
    { title: '对应台账字段', key: 'field', width: fieldWidth, render: (_: unknown, c) => field(c) },
    { title: '示例', dataIndex: 'samples', render: (s: string[]) => <Typography.Text type="secondary">{s.join('、')}</Typography.Text> },
  ]
  return <Table<C> rowKey="index" size="small" columns={tableColumns} dataSource={columns} pagination={false} scroll={{ y: 420 }} />
}
