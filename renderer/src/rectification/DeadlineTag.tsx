import { Tag } from 'antd'
import type { ProblemRow } from '../../../shared/api/rectification'

const STATUS_COLORS: Record<ProblemRow['status'], string> = { 未整改: 'red', 整改中: 'orange', 已整改: 'blue', 已销号: 'green' }

export const StatusTag = ({ status }: { status: ProblemRow['status'] }) => <Tag color={STATUS_COLORS[status]}>{status}</Tag>

/** 逾期 n 天 / 临期（还剩 n 天）, nothing otherwise. */
export function DeadlineTag({ p }: { p: Pick<ProblemRow, 'deadlineState' | 'daysLeft'> }) {
  if (p.deadlineState === 'overdue') return <Tag color="error">逾期 {-(p.daysLeft ?? 0)} 天</Tag>
  if (p.deadlineState === 'near') return <Tag color="warning">临期（还剩 {p.daysLeft} 天）</Tag>
  return null
}
