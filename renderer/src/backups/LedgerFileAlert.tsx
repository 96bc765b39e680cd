import { Alert, App, Button, Popconfirm, Space } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'

/**
 * Shown at start when the ledger file was gone, empty, unreadable or damaged:
 * what happened and the newest verified backup, restorable with one click.
 */
export function LedgerFileAlert({ onDataChanged }: { onDataChanged(): void }) {
  const { message } = App.useApp()
  const check = useCall('backups.ledgerCheck', {})
  const [busy, setBusy] = useState(false)
  const data = check.data
  if (!data?.problem || !data.message) return null
  const newest = data.newest
  const restore = async () => {
    if (!newest) return
    setBusy(true)
    try {
      const r = await call('backups.restore', { name: newest.name })
      void message.success(`已恢复到 ${dayjs(newest.createdAt).format('YYYY-MM-DD HH:mm')} 的备份（${newest.households} 户、${newest.members} 人）${r.safetyCopy ? `，恢复前的文件已另存为 ${r.safetyCopy}` : ''}`)
      check.reload()
      onDataChanged()
    } catch (err) {
      void message.error((err as Error).message, 8)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Alert
      type="error"
      showIcon
      banner
      className="ledger-file-alert"
      message="台账文件有问题"
      description={
        <Space direction="vertical">
          <span>{data.message}</span>
          {newest && (
            <Can op="backups.restore" hide fallback={<span>请管理员从备份恢复。</span>}>
            <Popconfirm
              title="恢复这个备份？"
              description={`恢复 ${dayjs(newest.createdAt).format('YYYY-MM-DD HH:mm')} 的备份：${newest.households} 户、${newest.members} 人。`}
              okText="恢复"
              cancelText="取消"
              onConfirm={restore}
            >
              <Button type="primary" danger loading={busy}>
                恢复这个备份
              </Button>
            </Popconfirm>
            </Can>
          )}
        </Space>
      }
    />
  )
}
