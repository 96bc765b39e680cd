/**
 * One project: header with its status and warnings, and tabs for the basic fields (with 绩效目标
 * and 联农带农机制), funds, beneficiaries, milestones and progress, and assets (pieces in ./project/).
 */
import { Alert, App, Button, Popconfirm, Result, Skeleton, Tabs, Tag, Typography } from 'antd'
import { useCallback, useState } from 'react'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { AssetsTab } from './project/AssetsTab'
import { BasicTab } from './project/BasicTab'
import { BeneficiariesTab } from './project/BeneficiariesTab'
import { errorText, StatusTag, wan } from './project/common'
import { FundsTab } from './project/FundsTab'
import { MilestonesTab } from './project/MilestonesTab'
import './projects.css'

const TAB_KEY = 'township-ledger.project-tab'

export function ProjectPage({ id }: { id: number }) {
  const { message } = App.useApp()
  const { data: p, error, loading, reload } = useCall('projects.get', { id })
  const [tab, setTab] = useState(() => sessionStorage.getItem(TAB_KEY) ?? 'basic')
  const [dirty, setDirty] = useState(false)
  const changed = useCallback(() => reload(), [reload])

  const back = (
    <Button onClick={() => navigate('#/projects')} aria-label="返回项目列表">
      ← 返回项目列表
    </Button>
  )
  if (error && !p) return <Result status="404" title="找不到这个项目" subTitle={error.message} extra={back} />
  if (loading && !p) return <Skeleton active className="page" />
  if (!p) return null

  // The 基本信息 form stays mounted when another tab is shown: its unsaved edits are kept.
  const switchTab = (key: string) => {
    sessionStorage.setItem(TAB_KEY, key)
    setTab(key)
  }
  const remove = async () => {
    try {
      await call('projects.delete', { id })
      message.success('已删除项目')
      setDirty(false)
      navigate('#/projects')
    } catch (err) {
      message.error(errorText(err))
    }
  }
  const counts = p.beneficiaryCounts

  return (
    <div className="page">
      <div className="project-header">
        {back}
        <Typography.Title level={4}>{p.projectName}</Typography.Title>
        {p.projectNo && <Typography.Text type="secondary">{p.projectNo}</Typography.Text>}
        <StatusTag status={p.status} lagging={p.lagging} />
        {p.year && <Tag>{p.year} 年</Tag>}
        {p.village && <Tag>{p.village}</Tag>}
        <Typography.Text type="secondary">{`预算 ${wan(p.totals.budgetFen)} 万元 · 已拨付 ${wan(p.totals.disbursedFen)} 万元`}</Typography.Text>
        {dirty && <Typography.Text type="warning">有未保存的修改（Ctrl+S 保存）</Typography.Text>}
        <span style={{ marginLeft: 'auto' }}>
          <Can op="projects.delete" hide>
          <Popconfirm
            title="删除这个项目？"
            description="预算、拨付、节点、受益户和资产记录一并删除（修改记录中保留）。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => void remove()}
          >
            <Button danger>删除项目</Button>
          </Popconfirm>
          </Can>
        </span>
      </div>
      {p.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={p.warnings.length === 1 ? p.warnings[0] : '请注意：'}
          description={
            p.warnings.length > 1 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {p.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={switchTab}
        items={[
          { key: 'basic', label: '基本信息', children: <BasicTab key={p.id} project={p} onChanged={changed} onDirty={setDirty} /> },
          { key: 'funds', label: `资金（${wan(p.totals.budgetFen)} 万元）`, children: <FundsTab project={p} onChanged={changed} /> },
          {
            key: 'beneficiaries',
            label: `受益对象（${counts.households} 户）`,
            children: <BeneficiariesTab project={p} onChanged={changed} />,
          },
          { key: 'milestones', label: '进度与节点', children: <MilestonesTab project={p} onChanged={changed} /> },
          { key: 'assets', label: `资产（${p.assets.length}）`, children: <AssetsTab project={p} onChanged={changed} /> },
        ]}
      />
    </div>
  )
}
