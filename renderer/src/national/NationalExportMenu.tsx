import { Alert, Button, Dropdown, Modal, Space } from 'antd'
import type { NationalExportLayout } from '../../../shared/api/national'
import { call } from '../common/api/client'
import { JobProgress } from '../common/JobProgress'
import { useImportJob } from '../common/import/use-import-job'

const LABELS: Record<NationalExportLayout, string> = {
  workSpells: '已外出务工信息（国家系统格式）',
  plannedWork: '计划外出务工信息（国家系统格式）',
  villages: '行政村信息（国家系统格式）',
  householdInfo: '户信息（国家系统格式）',
  standard: '四种表（标准格式）',
}

/**
 * 导出国家系统表格: each kind in the layout of its last imported file (with the ledger's corrections and the
 * records added in the ledger), or all four as the standard workbook; a job with progress and cancel.
 * `first` puts one kind on the button itself (the page's own kind).
 */
export function NationalExportMenu(props: { first?: NationalExportLayout; size?: 'small' | 'middle' }) {
  const { running, failure, dismissFailure, saveProduced } = useImportJob()
  const run = (layout: NationalExportLayout) => void saveProduced(() => call('national.export', { layout }))
  const layouts = (Object.keys(LABELS) as NationalExportLayout[]).filter((l) => l !== props.first)
  return (
    <>
      <Space size={8} wrap>
        {props.first && (
          <Button size={props.size} disabled={running !== null} onClick={() => run(props.first!)}>
            导出{LABELS[props.first]}
          </Button>
        )}
        <Dropdown disabled={running !== null} trigger={['click']} menu={{ items: layouts.map((l) => ({ key: l, label: `导出${LABELS[l]}` })), onClick: (e) => run(e.key as NationalExportLayout) }}>
          <Button size={props.size}>{props.first ? '其他国家系统表格 ▾' : '导出国家系统表格 ▾'}</Button>
        </Dropdown>
      </Space>
      <Modal open={running !== null} title="正在导出" footer={null} closable={false} maskClosable={false}>
        {running && <JobProgress {...running} />}
      </Modal>
      {failure && <Alert style={{ marginTop: 8 }} type="error" showIcon closable onClose={dismissFailure} message={failure.message} />}
    </>
  )
}
