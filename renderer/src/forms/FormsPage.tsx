/** 打印表单: pick a project, a year, a unit and village, or a village, and open the printable form. */
import { Button, Card, Col, Input, Row, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { unitHandoverHash } from './routes'

export function FormsPage() {
  const projects = useCall('projects.list', { pageSize: 500 })
  const units = useCall('projects.units', {})
  const villages = useCall('households.villages', {})
  const [projectId, setProjectId] = useState<number>()
  const [year, setYear] = useState<string>()
  const [unit, setUnit] = useState<string>()
  const [villageId, setVillageId] = useState<number>()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [cardsVillage, setCardsVillage] = useState<number>()
  const [noticeVillage, setNoticeVillage] = useState<number>()
  const project = projects.data?.items.find((p) => p.id === projectId)
  const villageOptions = (villages.data ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.householdCount} 户）` }))
  const periodOk = (!from || !to || from <= to) && (!from || /^\d{4}-\d{2}-\d{2}$/.test(from)) && (!to || /^\d{4}-\d{2}-\d{2}$/.test(to))

  return (
    <div className="page">
      <Typography.Title level={4}>打印表单</Typography.Title>
      <Typography.Paragraph type="secondary">选择项目、年度或帮扶单位后打开表单，可在表单页面「编辑」文字、「打印」「另存为 PDF」或导出 Excel。</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="项目表单：竣工验收单、资产移交表、受益户公示">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Select
                aria-label="选择项目"
                showSearch
                optionFilterProp="label"
                placeholder="选择项目"
                style={{ width: '100%' }}
                loading={projects.loading}
                value={projectId}
                onChange={setProjectId}
                options={(projects.data?.items ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.year ?? ''} ${p.name}${p.village ? `（${p.village}）` : ''} · ${p.status}`,
                }))}
              />
              <Space wrap>
                <Button disabled={!projectId} onClick={() => navigate(`#/print/acceptance/${projectId}`)}>
                  项目竣工验收单
                </Button>
                <Button disabled={!projectId} onClick={() => navigate(`#/print/asset-handover/${projectId}`)}>
                  资产移交表
                </Button>
                <Button disabled={!projectId} onClick={() => navigate(`#/print/notice/beneficiaries/${projectId}`)}>
                  受益户公示
                </Button>
              </Space>
              {project && project.status !== '已验收' && project.status !== '已移交' && project.status !== '验收不合格' && (
                <Typography.Text type="warning">{`该项目当前状态为「${project.status}」，尚未验收；验收单的结论一栏将留空。`}</Typography.Text>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="项目公示（按年度）">
            <Space wrap>
              <Select
                aria-label="选择年度"
                placeholder="选择年度"
                style={{ width: 160 }}
                value={year}
                onChange={setYear}
                options={(projects.data?.years ?? []).map((y) => ({ value: y, label: `${y} 年` }))}
              />
              <Button disabled={!year} onClick={() => navigate(`#/print/notice/projects/${year}`)}>
                打开项目公示
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="帮扶单位交接表">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Select
                aria-label="帮扶单位"
                showSearch
                placeholder="帮扶单位"
                style={{ width: '100%' }}
                value={unit}
                onChange={setUnit}
                options={(units.data ?? []).map((u) => ({ value: u, label: u }))}
              />
              <Select aria-label="帮扶村" placeholder="帮扶村" style={{ width: '100%' }} value={villageId} onChange={setVillageId} options={villageOptions} />
              <Space wrap>
                <span>帮扶期间</span>
                <Input type="date" aria-label="帮扶期间自" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} />
                <span>至</span>
                <Input type="date" aria-label="帮扶期间至" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} />
              </Space>
              {!periodOk && <Typography.Text type="danger">结束日期早于开始日期，请核对。</Typography.Text>}
              <Button
                disabled={!unit || !villageId || !periodOk}
                onClick={() => unit && villageId && navigate(unitHandoverHash({ unit, villageId, from: from || undefined, to: to || undefined }))}
              >
                打开交接表
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="户卡（整村批量打印）">
            <Space wrap>
              <Select aria-label="户卡行政村" placeholder="行政村" style={{ width: 220 }} value={cardsVillage} onChange={setCardsVillage} options={villageOptions} />
              <Button disabled={!cardsVillage} onClick={() => navigate(`#/print/cards/village/${cardsVillage}`)}>
                打印全村户卡
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="防返贫监测公示（按行政村）">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Select aria-label="公示行政村" placeholder="行政村" style={{ width: 220 }} value={noticeVillage} onChange={setNoticeVillage} options={villageOptions} />
                <Button disabled={!noticeVillage} onClick={() => navigate(`#/print/monitoring-notice/${noticeVillage}/identify`)}>
                  拟纳入监测对象公示
                </Button>
                <Button disabled={!noticeVillage} onClick={() => navigate(`#/print/monitoring-notice/${noticeVillage}/eliminate`)}>
                  拟风险消除公示
                </Button>
              </Space>
              <Typography.Text type="secondary">列出已民主评议、尚未县级审定的户；证件号码和电话隐藏中间位数。审批表和一户一策在户页面「监测」中打印。</Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
    </div>
  )
}
