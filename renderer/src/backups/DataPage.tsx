import { Alert, App, Button, Card, Descriptions, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { BACKUP_REASON_LABELS, type BackupView } from '../../../shared/api/backups'
import type { AppInfo } from '../../../shared/api/app'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'

const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`)

/** 数据与备份: where the ledger lives, the backup folder, 立即备份 and restore. */
export function DataPage({ info, onDataChanged }: { info: AppInfo | undefined; onDataChanged(): void }) {
  const { message } = App.useApp()
  const backups = useCall('backups.list', {})
  const [dir, setDir] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => setDir(backups.data?.dir ?? ''), [backups.data?.dir])

  const act = async (what: () => Promise<string>) => {
    setBusy(true)
    try {
      message.success(await what())
      backups.reload()
    } catch (err) {
      message.error({ content: (err as Error).message, duration: 10 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="page">
      <Card title="数据文件" size="small" style={{ marginBottom: 12 }}>
        {info && (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="位置">{info.dbPath}</Descriptions.Item>
            <Descriptions.Item label="内容">{`${info.householdCount} 户，${info.memberCount} 人`}</Descriptions.Item>
            <Descriptions.Item label="程序版本">{`${info.appVersion}（数据结构版本 ${info.schemaVersion}）`}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        title="备份"
        size="small"
        extra={
          <Can op="backups.create">
            <Button type="primary" loading={busy} onClick={() => void act(async () => `已备份：${(await call('backups.create', {})).name}`)}>
              立即备份
            </Button>
          </Can>
        }
      >
        <Typography.Paragraph type="secondary">
          每天第一次打开、每次导入和撤销之前都会自动备份，并校验备份文件完好。保留最近 14 天每天一份、8 周每周一份、最近 20 次操作前的备份和全部手动备份。
        </Typography.Paragraph>
        <Space.Compact style={{ width: '100%', maxWidth: 760, marginBottom: 12 }}>
          <Input addonBefore="备份文件夹" aria-label="备份文件夹" value={dir} onChange={(e) => setDir(e.target.value)} />
          <Can op="backups.setDir">
            <Button disabled={busy || !dir || dir === backups.data?.dir} onClick={() => void act(async () => `备份文件夹已改为 ${(await call('backups.setDir', { dir })).dir}`)}>
              保存
            </Button>
          </Can>
          <Can op="backups.setDir">
            <Button disabled={busy || backups.data?.dir === backups.data?.defaultDir} onClick={() => void act(async () => `已恢复默认文件夹 ${(await call('backups.setDir', { dir: null })).dir}`)}>
              恢复默认
            </Button>
          </Can>
        </Space.Compact>
        {backups.error && <Alert type="error" showIcon message={backups.error.message} style={{ marginBottom: 12 }} />}
        {backups.data && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            只列出本台账文件「{backups.data.ledgerFile}」的备份；同一文件夹中其他台账文件的备份不在此列出，也不能用来恢复本台账。
          </Typography.Paragraph>
        )}
        <Table<BackupView>
          rowKey="name"
          size="small"
          loading={backups.loading}
          dataSource={backups.data?.backups}
          pagination={{ pageSize: 15 }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
            { title: '类型', dataIndex: 'reason', width: 100, render: (r: string) => <Tag>{BACKUP_REASON_LABELS[r] ?? r}</Tag> },
            { title: '户数', dataIndex: 'households', width: 80, align: 'right' },
            { title: '人数', dataIndex: 'members', width: 80, align: 'right' },
            { title: '项目数', dataIndex: 'projects', width: 80, align: 'right', render: (v: number | null) => v ?? '—' },
            { title: '大小', dataIndex: 'sizeBytes', width: 90, align: 'right', render: size },
            {
              title: '备份',
              dataIndex: 'name',
              render: (name: string, b) => (
                <span title={name}>
                  {b.unknownOrigin ? <Tag color="orange">旧版本所建，无法确认属于哪个台账文件</Tag> : <Tag color="green">本台账</Tag>}
                  {`${backups.data?.ledgerFile ?? ''} · ${dayjs(b.createdAt).format('YYYY-MM-DD HH:mm')} ${BACKUP_REASON_LABELS[b.reason] ?? b.reason}`}
                </span>
              ),
            },
            {
              title: '',
              key: 'restore',
              width: 110,
              render: (_: unknown, b) =>
                b.newer ? (
                  <Tag>新版本程序所建</Tag>
                ) : (
                  <Can op="backups.restore" hide>
                  <Popconfirm
                    title="恢复到这个备份？"
                    description="当前数据会先另存为一份「恢复前」备份，之后可再恢复回来。"
                    okText="恢复"
                    cancelText="取消"
                    onConfirm={() =>
                      act(async () => {
                        const r = await call('backups.restore', { name: b.name })
                        onDataChanged()
                        return `已恢复到 ${dayjs(b.createdAt).format('YYYY-MM-DD HH:mm')} 的备份${r.safetyCopy ? `，恢复前的数据已另存为 ${r.safetyCopy}` : ''}`
                      })
                    }
                  >
                    <Button size="small" disabled={busy}>
                      恢复
                    </Button>
                  </Popconfirm>
                  </Can>
                ),
            },
          ]}
        />
      </Card>
    </div>
  )
}
