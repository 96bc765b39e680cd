import { Alert, Button, Card, Select, Space, Typography } from 'antd'
import type { CallError } from '../api/client'
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
  /** The last refusal: shown in the card with what to do, until dismissed or the next try. */
  failure?: CallError | null
  onDismissFailure?(): void
  onPick(): void
  onSheet(sheet: string): void
}

/** What to do about a refusal, step by step: a file the readers cannot take, or a file that is not the list expected. */
function stepsFor(failure: CallError): string[] {
  if (['not_roster', 'not_project_list', 'not_problem_list', 'unknown_kind', 'no_sheet'].includes(failure.code)) {
    return [
      '确认选的是县里下发的表格本身，而不是汇总表、说明页或别的文件。',
      '工作簿有多个工作表时，在上方「工作表」中选择数据所在的那一个。',
      '表头（列名）要放在前 30 行内；如表头被删掉或改成了图片，请向县里要一份原表。',
      '改好后点「换一个文件」重新选择。',
    ]
  }
  if (failure.code === 'wrong_kind') {
    return [
      '这个文件是另一种表格：按上面说的，到左侧菜单「导入」下对应的页面去导入它。',
      '如果要导入的就是本页的表格，请确认选的是县里下发的原表，而不是别的导出文件。',
    ]
  }
  if (failure.code === 'blocked') return ['按下方「问题」列表逐行修改原表，保存后点「换一个文件」重新导入；或勾选「跳过有错误的户，导入其余」。']
  return [
    '在 Excel 或 WPS 中打开这个文件，确认能正常打开；有打开密码的，先去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空后保存）。',
    '点「文件 → 另存为」，保存类型选「Excel 工作簿（*.xlsx）」。',
    '回到这里点「选择文件」或「换一个文件」，选刚另存的 .xlsx 文件。',
  ]
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
      {props.failure && !running && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={props.onDismissFailure}
          style={{ marginTop: 12 }}
          data-testid="import-refusal"
          message={props.failure.message}
          description={
            <div>
              <Typography.Text strong>怎么办：</Typography.Text>
              <ol style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {stepsFor(props.failure).map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
              <Typography.Text type="secondary">台账没有被修改。</Typography.Text>
            </div>
          }
        />
      )}
      {running && (
        <div style={{ marginTop: 12 }}>
          <JobProgress {...running} />
        </div>
      )}
    </Card>
  )
}
