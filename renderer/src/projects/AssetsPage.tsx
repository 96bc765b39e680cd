/** 资产台账: the assets the township's projects formed, by village, category and year, with totals and export. */
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { formatYuanNumber } from '../../../shared/domain/money'
import { ASSET_CATEGORIES, type AssetView } from '../../../shared/domain/projects'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { ASSET_COLORS } from './project/AssetsTab'
import { errorText, wan } from './project/common'
import './projects.css'
import { FilterSelect } from '../common/FilterSelect'
import { ListShell, ListTable } from '../common/ListShell'

interface Filter {
  villageId?: number
  category?: (typeof ASSET_CATEGORIES)[number]
  year?: string
}

export function AssetsPage() {
  const { message } = App.useApp()
  const [filter, setFilter] = useState<Filter>({})
  const villages = useCall('households.villages', {})
  const years = useCall('projects.list', { page: 1, pageSize: 1 })
  const assets = useCall('projects.assets', filter)
  const [exporting, setExporting] = useState(false)
  const list = assets.data ?? []
  const total = list.reduce((n, a) => n + (a.originalValueFen ?? 0), 0)
  const byCategory = ASSET_CATEGORIES.map((c) => ({ c, n: list.filter((a) => a.category === c).length, fen: list.filter((a) => a.category === c).reduce((n, a) => n + (a.originalValueFen ?? 0), 0) }))

  const exportAll = async () => {
    setExporting(true)
    try {
      const file = await call('projects.exportAssets', filter)
      const saved = await window.ledger.saveFile(file.fileId, file.name)
      if (!saved.ok) message.error(saved.error.message)
    } catch (err) {
      message.error(errorText(err))
    } finally {
      setExporting(false)
    }
  }

  return (
    <ListShell
      label="资产台账"
      toolbar={
        <>
          <Space wrap size={[8, 6]} style={{ marginBottom: 8 }}>
            <Button onClick={() => navigate('#/projects')}>← 项目台账</Button>
            <FilterSelect
              label="行政村"
              placeholder="全部行政村"
              width={140}
              value={filter.villageId}
              onChange={(v) => setFilter((f) => ({ ...f, villageId: v }))}
              options={villages.data?.map((v) => ({ value: v.id, label: v.name }))}
            />
            <FilterSelect
              label="资产类别"
              placeholder="全部类别"
              width={120}
              value={filter.category}
              onChange={(v) => setFilter((f) => ({ ...f, category: v }))}
              options={ASSET_CATEGORIES.map((c) => ({ value: c, label: c }))}
            />
            <FilterSelect
              label="项目年度"
              placeholder="全部年度"
              width={110}
              value={filter.year}
              onChange={(v) => setFilter((f) => ({ ...f, year: v }))}
              options={years.data?.years.map((y) => ({ value: y, label: `${y} 年` }))}
            />
            <Button loading={exporting} onClick={() => void exportAll()}>
              导出资产台账（.xlsx）
            </Button>
            <Typography.Text type="secondary">
              {`共 ${list.length} 项，原值合计 ${wan(total)} 万元（${byCategory.map((x) => `${x.c} ${x.n} 项 ${wan(x.fen)} 万元`).join('，')}）`}
            </Typography.Text>
          </Space>
          {assets.error && <Alert type="error" showIcon title={assets.error.message} style={{ marginBottom: 12 }} />}
        </>
      }
    >
      <ListTable<AssetView>
        rowKey="id"
        bordered
        loading={assets.loading}
        dataSource={list}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
        locale={{ emptyText: '没有符合条件的资产。资产在项目页的「资产」中登记。' }}
        columns={[
          { title: '行政村', dataIndex: 'village', width: 90 },
          { title: '资产编号', dataIndex: 'assetNo', width: 110 },
          { title: '资产名称', dataIndex: 'name', width: 180, ellipsis: true },
          { title: '类别', dataIndex: 'category', width: 80, render: (v: string) => <Tag color={ASSET_COLORS[v]}>{v}</Tag> },
          {
            title: '来源项目',
            dataIndex: 'projectName',
            width: 220,
            ellipsis: true,
            render: (v: string, r) => <Typography.Link onClick={() => navigate(`#/projects/${r.projectId}`)}>{v}</Typography.Link>,
          },
          { title: '数量/规模', key: 'qty', width: 100, render: (_: unknown, r) => [r.quantity, r.unit].filter(Boolean).join(' ') },
          { title: '资产原值（元）', dataIndex: 'originalValueFen', width: 140, align: 'right', render: (v: number | null) => (v === null ? '' : formatYuanNumber(v)) },
          { title: '建成时间', dataIndex: 'builtDate', width: 110 },
          { title: '所在位置', dataIndex: 'location', width: 140, ellipsis: true },
          { title: '所有权人', dataIndex: 'owner', width: 140, ellipsis: true },
          { title: '经营权人', dataIndex: 'operator', width: 120, ellipsis: true },
          { title: '管护主体', dataIndex: 'custodian', width: 120, ellipsis: true },
          { title: '管护责任人', dataIndex: 'custodianPerson', width: 100 },
          { title: '所属户', dataIndex: 'householdLabel', width: 200, ellipsis: true },
          { title: '收益分配方式', dataIndex: 'incomeDistribution', width: 200, ellipsis: true },
        ]}
        summary={() =>
          list.length > 0 ? (
            <Table.Summary fixed>
              <Table.Summary.Row className="project-totals">
                <Table.Summary.Cell index={0} colSpan={6}>
                  合计（{list.length} 项）
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {formatYuanNumber(total)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} colSpan={8} />
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </ListShell>
  )
}
