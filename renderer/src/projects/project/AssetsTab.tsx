/** 资产: the assets a project formed (确权移交 data); 到户类 assets belong to a beneficiary household. */
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd'
import type { Rule } from 'antd/es/form'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { fenToYuanText, formatYuan, formatYuanNumber } from '../../../../shared/domain/money'
import { ASSET_CATEGORIES, type AssetView, type ProjectDetail } from '../../../../shared/domain/projects'
import { Can } from '../../accounts'
import { call } from '../../common/api/client'
import { day, errorText, required, text, yuan } from './common'
import { RecordModal, RowActions } from './RecordModal'

export const ASSET_COLORS: Record<string, string> = { 经营性: 'gold', 公益性: 'blue', 到户类: 'green' }

type Dialog = { asset?: AssetView } | null

export function AssetsTab({ project: p, onChanged }: { project: ProjectDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [dialog, setDialog] = useState<Dialog>(null)
  const category = Form.useWatch('category', form) as string | undefined

  const submit = async (v: Record<string, unknown>) => {
    const record = {
      kind: 'asset' as const,
      assetNo: text(v.assetNo),
      assetName: String(v.assetName).trim(),
      category: v.category as (typeof ASSET_CATEGORIES)[number],
      quantity: text(v.quantity),
      unit: text(v.unit),
      originalValue: yuan(v.originalValue),
      builtDate: day(v.builtDate as Dayjs | undefined),
      location: text(v.location),
      owner: text(v.owner),
      operator: text(v.operator),
      custodian: text(v.custodian),
      custodianPerson: text(v.custodianPerson),
      incomeDistribution: text(v.incomeDistribution),
      householdId: v.category === '到户类' ? ((v.householdId as number | undefined) ?? null) : null,
      note: text(v.note),
    }
    if (dialog?.asset) await call('projects.updateRecord', { id: dialog.asset.id, record })
    else await call('projects.addRecord', { projectId: p.id, record })
    message.success('已保存资产')
    onChanged()
  }
  const remove = async (id: number) => {
    try {
      await call('projects.deleteRecord', { id, kind: 'asset' })
      message.success('已删除')
      onChanged()
    } catch (err) {
      message.error(errorText(err))
    }
  }
  const a = dialog?.asset
  const completed = p.milestones.find((m) => m.kind === '竣工')?.date
  const initial = a
    ? {
        ...Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v ?? undefined])),
        assetName: a.name,
        originalValue: a.originalValueFen === null ? undefined : fenToYuanText(a.originalValueFen),
        builtDate: a.builtDate ? dayjs(a.builtDate) : undefined,
        householdId: a.householdId ?? undefined,
      }
    : { builtDate: completed ? dayjs(completed) : undefined, location: p.location ?? p.village ?? undefined }
  const total = p.assets.reduce((n, x) => n + (x.originalValueFen ?? 0), 0)

  const field = (name: string, label: string, input = <Input aria-label={label} />, rules?: Rule[]) => (
    <Form.Item name={name} label={label} rules={rules}>
      {input}
    </Form.Item>
  )

  return (
    <Card
      size="small"
      title={`项目资产（原值合计 ${formatYuan(total)}）`}
      extra={<Can op="projects.addRecord"><Button onClick={() => setDialog({})}>登记资产</Button></Can>}
    >
      <Table<AssetView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.assets}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未登记资产' }}
        columns={[
          { title: '资产编号', dataIndex: 'assetNo', width: 110 },
          { title: '资产名称', dataIndex: 'name', width: 180, ellipsis: true },
          { title: '类别', dataIndex: 'category', width: 80, render: (v: string) => <Tag color={ASSET_COLORS[v]}>{v}</Tag> },
          { title: '数量/规模', key: 'qty', width: 100, render: (_: unknown, r) => [r.quantity, r.unit].filter(Boolean).join(' ') },
          { title: '原值（元）', dataIndex: 'originalValueFen', width: 140, align: 'right', render: (v: number | null) => (v === null ? '' : formatYuanNumber(v)) },
          { title: '建成时间', dataIndex: 'builtDate', width: 110 },
          { title: '所在位置', dataIndex: 'location', width: 140, ellipsis: true },
          { title: '所有权人', dataIndex: 'owner', width: 140, ellipsis: true },
          { title: '管护主体', dataIndex: 'custodian', width: 140, ellipsis: true },
          { title: '所属户', dataIndex: 'householdLabel', width: 200, ellipsis: true },
          {
            title: '',
            key: 'ops',
            width: 110,
            fixed: 'right',
            render: (_: unknown, r) => <RowActions what="资产" onEdit={() => setDialog({ asset: r })} onDelete={() => void remove(r.id)} />,
          },
        ]}
      />
      <RecordModal
        title={dialog === null ? null : a ? '修改资产' : '登记资产'}
        form={form}
        onSubmit={submit}
        onClose={() => setDialog(null)}
        width={760}
        initialValues={initial}
      >
        <div className="project-form-grid">
          <Form.Item name="assetName" label="资产名称" rules={required} className="span-2">
            <Input aria-label="资产名称" />
          </Form.Item>
          {field('assetNo', '资产编号')}
          {field('category', '资产类别', <Select aria-label="资产类别" options={ASSET_CATEGORIES.map((c) => ({ value: c, label: c }))} />, required)}
          {category === '到户类' && (
            <Form.Item name="householdId" label="所属户（受益户）" rules={[{ required: true, message: '到户类资产请选择所属的户' }]} className="span-2">
              <Select
                aria-label="所属户（受益户）"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={p.beneficiaries.length ? '从受益户中选择' : '请先在「受益对象」中添加受益户'}
                options={p.beneficiaries.map((b) => ({ value: b.householdId, label: `${b.headName ?? '（无户主）'} · ${b.village} · ${b.householdNo ?? ''}` }))}
              />
            </Form.Item>
          )}
          {field('quantity', '数量/规模')}
          {field('unit', '单位', <Input aria-label="单位" placeholder="如 公里、座、头" />)}
          {field('originalValue', '资产原值（元）', <Input aria-label="资产原值（元）" suffix="元" />, [
            { pattern: /^\s*[\d,]+(\.\d{1,2})?\s*$/, message: '金额应为元，最多两位小数' },
          ])}
          <Form.Item name="builtDate" label="建成时间">
            <DatePicker aria-label="建成时间" style={{ width: '100%' }} />
          </Form.Item>
          {field('location', '所在位置')}
          {field('owner', '所有权人')}
          {field('operator', '经营权人')}
          {field('custodian', '管护主体')}
          {field('custodianPerson', '管护责任人')}
          <Form.Item name="incomeDistribution" label="收益分配方式" className="span-all">
            <Input.TextArea aria-label="收益分配方式" autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name="note" label="备注" className="span-all">
            <Input aria-label="备注" />
          </Form.Item>
        </div>
        {category === '到户类' && p.beneficiaries.length === 0 && (
          <Alert type="info" showIcon title="到户类资产归属于受益户：请先在「受益对象」中添加受益户。" />
        )}
      </RecordModal>
    </Card>
  )
}
