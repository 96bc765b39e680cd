import { Alert, App, Button, Checkbox, Modal, Radio, Space } from 'antd'
import { useState } from 'react'
import type { OpInput } from '../../../shared/api/contract'
import type { ProducedFile } from '../../../shared/api/files'
import { useCanUnmask } from '../accounts'
import { call, CallError, runJob, type JobProgress as Progress } from '../common/api/client'
import { JobProgress } from '../common/JobProgress'

type Filter = NonNullable<OpInput<'households.export'>['filter']>

/** 导出花名册: standard or the county's layout, all or the current filter, masked unless asked. */
export function ExportRosterButton({ filter, filtered, selectedIds }: { filter: Filter; filtered: boolean; selectedIds?: number[] }) {
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [layout, setLayout] = useState<'standard' | 'source'>('standard')
  const [scope, setScope] = useState<'all' | 'filter' | 'selected'>(selectedIds?.length ? 'selected' : filtered ? 'filter' : 'all')
  const [unmasked, setUnmasked] = useState(false)
  // 只读 exports masked only (the core refuses the full numbers to it).
  const canUnmask = useCanUnmask()
  const [running, setRunning] = useState<{ progress: Progress; jobId: string | null; startedAt: number } | null>(null)

  const run = async () => {
    setRunning({ progress: { done: 0, total: 1, message: '正在导出…' }, jobId: null, startedAt: Date.now() })
    try {
      const file = await runJob<ProducedFile & { households: number; members: number }>(
        () => call('households.export', {
            layout,
            unmasked,
            filter: scope === 'filter' ? filter : undefined,
            householdIds: scope === 'selected' && selectedIds?.length ? selectedIds : undefined,
          }),
        (progress) => setRunning((r) => r && { ...r, progress }),
        (jobId) => setRunning((r) => r && { ...r, jobId }),
      )
      const saved = await window.ledger.saveFile(file.fileId, file.name)
      if (!saved.ok) message.error(saved.error.message)
      else if (saved.value) message.success(`已导出 ${file.households} 户、${file.members} 人`)
      setOpen(false)
    } catch (err) {
      if (!(err instanceof CallError && err.code === 'cancelled')) message.error({ content: (err as Error).message, duration: 10 })
    } finally {
      setRunning(null)
    }
  }

  return (
    <>
      <Button
        onClick={() => {
          setScope(selectedIds?.length ? 'selected' : filtered ? 'filter' : 'all')
          setOpen(true)
        }}
      >
        {selectedIds?.length ? `导出所选 ${selectedIds.length} 户` : '导出花名册'}
      </Button>
      <Modal
        title="导出花名册（.xlsx）"
        open={open}
        onCancel={() => !running && setOpen(false)}
        onOk={() => void run()}
        okText="导出"
        cancelText="取消"
        okButtonProps={{ disabled: running !== null }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={layout} onChange={(e) => setLayout(e.target.value as 'standard' | 'source')}>
            <Radio value="source">按县里原表格式（最近一次导入的表）</Radio>
            <Radio value="standard">标准格式（全部字段）</Radio>
          </Radio.Group>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'filter' | 'selected')}>
            {selectedIds?.length ? <Radio value="selected">{`只导出所选的 ${selectedIds.length} 户`}</Radio> : null}
            <Radio value="all">全部户</Radio>
            <Radio value="filter" disabled={!filtered}>
              只导出当前筛选结果
            </Radio>
          </Radio.Group>
          {canUnmask && (
            <Checkbox checked={unmasked} onChange={(e) => setUnmasked(e.target.checked)}>
              包含完整证件号码和电话
            </Checkbox>
          )}
          {unmasked ? (
            <Alert type="warning" showIcon message="导出的文件含完整证件号码和电话，请妥善保管。此次导出会记入访问日志。" />
          ) : (
            <Alert type="info" showIcon message="默认隐藏证件号码和电话的中间几位（如 4101**********1234）。报送县里需要完整号码时请勾选上面的选项。" />
          )}
          {running && <JobProgress {...running} />}
        </Space>
      </Modal>
    </>
  )
}
