import { App, Button, Card, Table, Tag } from 'antd'
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
  /** Called once the clerk has confirmed what will be undone. */
  onUndo(batch: ImportBatchView): void
}

const NOUNS: Record<keyof ImportBatchView['counts'], string> = { households: '户', members: '人', projects: '个项目', records: '条记录', problems: '个问题', loans: '笔贷款', holdings: '名上岗人员' }

/** 「户：新增 3、变更 2；人：新增 9、变更 4」 — what a batch wrote. */
export function batchCountsText(b: ImportBatchView): string {
  const parts = (Object.keys(NOUNS) as (keyof ImportBatchView['counts'])[])
    .filter((k) => b.counts[k])
    .map((k) => `${NOUNS[k]}：新增 ${b.counts[k]!.new}、变更 ${b.counts[k]!.changed}`)
  return parts.join('；') || '没有写入任何记录'
}

/** The import history of one kind of import, newest first, each batch with 撤销本次导入 (or 已撤销). */
export function ImportBatchesCard(props: ImportBatchesCardProps) {
  const { modal } = App.useApp()
  // Undo runs only after the clerk has read what it takes back and what it leaves.
  const askUndo = (b: ImportBatchView) => {
    const later = (props.batches ?? []).filter((x) => x.id !== b.id && !x.undoneAt && x.createdAt > b.createdAt)
    modal.confirm({
      title: `撤销「${b.fileName}」的导入？`,
      width: 560,
      content: (
        <div data-testid="undo-confirm">
          <p>
            将撤销 {dayjs(b.createdAt).format('YYYY-MM-DD HH:mm')} {b.actor} 导入的「{b.fileName}」（工作表「{b.sheet}」）：{batchCountsText(b)}。新增的记录会删除，变更的内容恢复为导入前的值。
          </p>
          <p>
            {later.length
              ? `保持不变：之后的 ${later.length} 次导入（${later.map((x) => `「${x.fileName}」`).join('、')}）和导入以外的修改。`
              : '保持不变：导入以外的修改。'}
            如果导入后又有人修改过这些记录，撤销会被拒绝并说明是哪些记录。撤销前会自动备份。
          </p>
        </div>
      ),
      okText: '撤销本次导入',
      okButtonProps: { danger: true },
      cancelText: '不撤销',
      autoFocusButton: 'cancel',
      onOk: () => props.onUndo(b),
    })
  }
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
          <Button size="small" danger disabled={props.busy} onClick={() => askUndo(b)}>
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
