/** The household page's 疑点 card: this household's checks re-run on every change; open items first, waived below. */
import { Alert, Card, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { CheckFindingView } from '../../../shared/api/checks'
import { call } from '../common/api/client'
import { SEVERITY_COLORS } from './severity'

/** How long the re-run waits after a change, so the page's own refresh reaches the core first. */
const AFTER_CHANGE_MS = 150

/**
 * `version` goes up after every edit on the household page (members, status, monitoring, the cards):
 * the household's rules re-run and the list is replaced in place, the old one shown until then.
 */
export function HouseholdChecks({ householdId, version = 0 }: { householdId: number; version?: number }) {
  const [data, setData] = useState<{ items: CheckFindingView[] } | null>(null)
  const [error, setError] = useState<Error | null>(null)
  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      call('checks.household', { householdId }).then(
        (r) => {
          if (!live) return
          setData(r)
          setError(null)
        },
        (err: unknown) => live && setError(err instanceof Error ? err : new Error(String(err))),
      )
    }, AFTER_CHANGE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [householdId, version])
  const items = data?.items ?? []
  const open = items.filter((f) => !f.waiver)
  const waived = items.filter((f) => f.waiver)
  if (error) return <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />
  if (!data) return null
  return (
    <Card
      size="small"
      className="household-checks"
      title={<span>疑点{open.length ? <Tag color="red" style={{ marginLeft: 8 }}>{open.length} 条未处理</Tag> : <Tag color="green" style={{ marginLeft: 8 }}>无疑点</Tag>}</span>}
      style={{ marginBottom: 12 }}
    >
      {open.length === 0 && waived.length === 0 && <Typography.Text type="secondary">本户按县级核查规则没有发现疑点。</Typography.Text>}
      {open.map((f) => (
        <div key={f.key} className="check-item" style={{ marginBottom: 4 }}>
          <Space size={4} wrap>
            <Tag color={SEVERITY_COLORS[f.severity]}>{f.severity}</Tag>
            <b>{f.title}</b>
            {f.person && <span>{f.person}</span>}
            <Typography.Text type="secondary">「{f.field}」</Typography.Text>
            <span>{f.message}</span>
          </Space>
        </div>
      ))}
      {waived.length > 0 && (
        <Typography.Text type="secondary">
          已豁免 {waived.length} 条：{waived.map((f) => `${f.title}（${f.waiver!.reason}）`).join('；')}
        </Typography.Text>
      )}
    </Card>
  )
}
