import { Button, Card, Empty, Progress, Result, Space, Typography, App } from 'antd'
import { useState } from 'react'
import type { DemoLoadResult } from '../../../shared/api/demo'
import { Can } from '../accounts'
import { call, CallError, runJob, type JobProgress } from '../common/api/client'
import { navigate } from '../router'

/**
 * First run: an empty ledger offers 导入花名册 and the fictional demo township, loaded as cancellable long work.
 * Not while the ledger file is gone, empty or damaged (`ledgerProblem`): the ledger only looks
 * empty, and loading the demo would put a new file where the real one belongs (the core refuses too).
 */
export function DemoWelcome({ onLoaded, ledgerProblem }: { onLoaded(): void; ledgerProblem: boolean }) {
  const { message } = App.useApp()
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  if (ledgerProblem) {
    return (
      <Result
        status="warning"
        title="台账文件有问题，暂时不能使用"
        subTitle="台账看起来是空的，是因为台账文件不见了、被清空或已损坏，并不是没有数据。请按页面上方的提示恢复最新的备份；恢复之前不能录入，也不能载入示例乡镇。"
      />
    )
  }

  const load = async () => {
    setProgress({ done: 0, total: 1, message: '正在准备…' })
    try {
      const result = await runJob<DemoLoadResult>(() => call('demo.load', {}), setProgress, setJobId)
      message.success(`已载入示例乡镇：${result.households} 户，${result.members} 人`)
      onLoaded()
    } catch (err) {
      if (err instanceof CallError && err.code === 'cancelled') message.info('已取消载入示例数据，台账未被修改。')
      else message.error(err instanceof Error ? err.message : String(err))
    } finally {
      setProgress(null)
      setJobId(null)
    }
  }

  return (
    <Card style={{ maxWidth: 640, margin: '48px auto' }}>
      <Empty
        description={
          <Space direction="vertical" size={4}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              台账还是空的
            </Typography.Title>
            <Typography.Text>
              导入县里下发的建档立卡户花名册（.xlsx、.xls 或 .csv，每行一人，含户编号、姓名、证件号码、与户主关系等列）即可开始使用。
            </Typography.Text>
            <Typography.Text type="secondary">
              也可以先载入一个虚构的「示例县示例镇」（6 个行政村、数百户，均标注为示例）熟悉功能，随时可一键移除。
            </Typography.Text>
          </Space>
        }
      >
        {progress ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress percent={Math.round((progress.done / Math.max(progress.total, 1)) * 100)} />
            <Typography.Text>{progress.message}</Typography.Text>
            <Button disabled={!jobId} onClick={() => jobId && void call('jobs.cancel', { jobId })}>
              取消
            </Button>
          </Space>
        ) : (
          <Space>
            <Can op="households.importCommit">
              <Button type="primary" size="large" onClick={() => navigate('#/import')}>
                导入花名册
              </Button>
            </Can>
            <Can op="demo.load">
              <Button size="large" onClick={() => void load()}>
                载入示例乡镇
              </Button>
            </Can>
          </Space>
        )}
      </Empty>
    </Card>
  )
}
