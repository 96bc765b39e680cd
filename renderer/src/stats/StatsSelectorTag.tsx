import { Tag } from 'antd'
import { selectorLabel, type StatsSelector } from '../../../shared/domain/stats'

/** 「统计：未消除风险（截至 2024-06-30）」 above a list opened from a figure; closing it drops the filter. */
export function StatsSelectorTag({ selector, villageName, onClose }: { selector: StatsSelector; villageName?: string | undefined; onClose(): void }) {
  return (
    <Tag color="blue" closable onClose={onClose} style={{ fontSize: 13, padding: '2px 8px' }}>
      {`统计：${selectorLabel(selector, villageName)}`}
    </Tag>
  )
}
