import { Button, Card, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'
import type { CountSet } from '../../../../shared/api/households-import'
import type { ImportBatchView } from '../../../../shared/api/imports'

/** A column of counts from the batch, e.g. 户（新增/变更）: the named counts joined by « / ». */
export interface BatchCountColumn {
  key: string
  title: string
  width: number
  counts: keyof ImportBatchView['counts']
  parts: (keyof CountSet)[]
}

interface ImportBatchesCardProps {
  title: string
  extra?: ReactNode
  batches: ImportBatchView[] | undefined
  loading: boolean
  /** Width of the 工作表 column. */
  sheetWidth: number
  countColumns: BatchCountColumn[]
  /** A job is running: no undo meanwhile. */
  busy: boolean
  onUndo(batch: ImportBatchView): void
}

/** The import history of one kind of import, newest first, each batch with 撤销本次导入 (or 已撤销). */
export function ImportBatchesCard(props: ImportBatchesCardProps) {
  const columns: ColumnsType<ImportBatchView> = [
    { title: '时间', dataIndex: 'createdAt', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    { title: '文件', dataIndex: 'fileName' },
    { title: '工作表', dataIndex: 'sheet', width: props.sheetWidth },
    ...props.countColumns.map(
      (c): ColumnsType<ImportBatchView>[number] => ({
        title: c.title,
        key: c.key,
        width: c.width,
        render: (_: unknown, b) => c.parts.map((p) => b.counts[c.counts]?.[p] ?? 0).join(' / '),
      }),
    ),
    { title: '经办人', dataIndex: 'actor', width: 100 },
    {
      title: '',
      key: 'undo',
      width: 150,
      render: (_: unknown, b) =>
        b.undoneAt ? (
          <Tag>已撤销</Tag>
        ) : (
          <Button size="small" danger disabled={props.busy} onClick={() => props.onUndo(b)}>
            撤销本次导入
          </Button>
        ),
    },
  ]
  return (
    <Card title={props.title} size="small" extra={props.extra}>
      <Table<ImportBatchView> rowKey="id" size="small" pagination={{ pageSize: 10 }} dataSource={props.batches} loading={props.loading} columns={columns} />
    </Card>
  )
}
