import { Card, Space, Statistic } from 'antd'
import type { CSSProperties } from 'react'
import type { CountSet } from '../../../../shared/api/households-import'

interface ImportCountsProps {
  title: string
  counts: CountSet
  /** Title of the count of records in the ledger and not in the file. */
  missingTitle: string
  /** Shows a non-zero missing count in red. */
  warnMissing?: boolean
  style?: CSSProperties
}

/** 新增 / 变更 / 未变 / 表中没有 of one kind of record, as a preview found them. */
export function ImportCounts({ title, counts, missingTitle, warnMissing, style }: ImportCountsProps) {
  return (
    <Card size="small" title={title} style={style}>
      <Space size="large">
        <Statistic title="新增" value={counts.new} valueStyle={{ color: '#237804' }} />
        <Statistic title="变更" value={counts.changed} valueStyle={{ color: '#ad6800' }} />
        <Statistic title="未变" value={counts.unchanged} />
        <Statistic title={missingTitle} value={counts.missing} valueStyle={warnMissing ? { color: counts.missing ? '#a8071a' : undefined } : undefined} />
      </Space>
    </Card>
  )
}
