import { Button, Progress, Space, Typography } from 'antd'
import { call, type JobProgress as Progress_ } from './api/client'

/** Progress of long work with its message, an estimate of the time left, and a cancel button. */
export function JobProgress({ progress, jobId, startedAt }: { progress: Progress_; jobId: string | null; startedAt: number }) {
  const fraction = progress.total > 0 ? progress.done / progress.total : 0
  const elapsed = (Date.now() - startedAt) / 1000
  const left = fraction > 0.05 && fraction < 1 ? Math.round((elapsed / fraction) * (1 - fraction)) : null
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Progress percent={Math.min(100, Math.round(fraction * 100))} status="active" />
      <Space>
        <Typography.Text>{progress.message}</Typography.Text>
        {left !== null && <Typography.Text type="secondary">{`预计还需 ${left < 60 ? `${left} 秒` : `${Math.ceil(left / 60)} 分钟`}`}</Typography.Text>}
        <Button size="small" disabled={!jobId} onClick={() => jobId && void call('jobs.cancel', { jobId })}>
          取消
        </Button>
      </Space>
    </Space>
  )
}
