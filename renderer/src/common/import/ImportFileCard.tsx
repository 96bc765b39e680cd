import { Button, Card, Select, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { PickedFile } from '../../../../shared/api/bridge'
import { JobProgress } from '../JobProgress'
import type { RunningJob } from './use-import-job'

/** What a preview says about the file read: its sheets, and where its rows are. */
export interface ReadSheet {
  sheets: { name: string; hidden?: boolean }[]
  rows: number
  headerRow: number
}

interface ImportFileCardProps {
  title: string
  /** Shown before a file is chosen. */
  intro: ReactNode
  /** Buttons before 选择文件, if any. */
  actions?: ReactNode
  file: PickedFile | null
  sheet: string | undefined
  /** The latest preview of the file, if any. */
  read: ReadSheet | null
  /** What a row of the file is, for 「共 n 行数据」. */
  rowNoun: string
  running: RunningJob | null
  onPick(): void
  onSheet(sheet: string): void
}

/** The top card of an import page: 选择文件 / 换一个文件, the file's name, its 工作表 and the job's progress. */
export function ImportFileCard(props: ImportFileCardProps) {
  const { file, read, running } = props
  const pick = (
    <Button type="primary" onClick={props.onPick} disabled={running !== null}>
      {file ? '换一个文件' : '选择文件'}
    </Button>
  )
  return (
    <Card
      title={props.title}
      extra={
        props.actions ? (
          <Space>
            {props.actions}
            {pick}
          </Space>
        ) : (
          pick
        )
      }
      style={{ marginBottom: 12 }}
    >
      {!file && !running && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {props.intro}
        </Typography.Paragraph>
      )}
      {file && (
        <Space wrap>
          <Typography.Text strong>{file.name}</Typography.Text>
          {read && read.sheets.length > 1 && (
            <Select
              aria-label="工作表"
              value={props.sheet}
              style={{ minWidth: 200 }}
              onChange={(s: string) => props.onSheet(s)}
              options={read.sheets.map((s) => ({ value: s.name, label: s.hidden ? `${s.name}（隐藏）` : s.name }))}
            />
          )}
          {read && <Typography.Text type="secondary">{`共 ${read.rows} 行${props.rowNoun}，表头在第 ${read.headerRow} 行`}</Typography.Text>}
        </Space>
      )}
      {running && (
        <div style={{ marginTop: 12 }}>
          <JobProgress {...running} />
        </div>
      )}
    </Card>
  )
}
