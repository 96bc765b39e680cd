import { Space } from 'antd'
import type { ReactNode } from 'react'
import type { FieldDiff } from '../../../../shared/api/households-import'

/** The 变化 cell of a preview: each changed field as 「字段：before → after」, then anything else the page adds. */
export function FieldDiffs({ diffs, children }: { diffs: FieldDiff[]; children?: ReactNode }) {
  return (
    <Space direction="vertical" size={0}>
      {diffs.map((d, i) => (
        <span key={i}>
          {d.label}：<span className="diff-before">{d.before ?? '（空）'}</span> → <span className="diff-after">{d.after ?? '（空）'}</span>
        </span>
      ))}
      {children}
    </Space>
  )
}
