/** 受益对象: the linked households with counts; add by search or by pasting ID numbers / 户编号. */
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Statistic, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { maskIdNumber } from '../../../../shared/domain/id-number'
import type { BeneficiaryView, ProjectDetail } from '../../../../shared/domain/projects'
import { Can } from '../../accounts'
import { call } from '../../common/api/client'
import { householdLabel, useHouseholdSearch } from '../../common/use-household-search'
import { navigate } from '../../router'
import { errorText } from './common'
import { RecordModal } from './RecordModal'

export function BeneficiariesTab({ project: p, onChanged }: { project: ProjectDetail; onChanged(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [adding, setAdding] = useState(false)
  const [how, setHow] = useState<'search' | 'paste'>('search')
  const [notFound, setNotFound] = useState<string[]>([])
  const c = p.beneficiaryCounts
  const linked = p.beneficiaries.length > 0

  const submit = async (v: Record<string, unknown>) => {
    const householdIds = how === 'search' ? ((v.householdIds as number[] | undefined) ?? []) : []
    const keys =
      how === 'paste'
        ? String(v.keys ?? '')
            .split(/[\r\n,，;；\s]+/)
            .map((k) => k.trim())
            .filter(Boolean)
        : []
    if (householdIds.length === 0 && keys.length === 0) throw new Error(how === 'search' ? '请选择至少一户。' : '请粘贴身份证号或户编号，每行一个。')
    const r = await call('projects.addBeneficiaries', { projectId: p.id, householdIds, keys })
    setNotFound(r.notFound)
    message.success(`已添加 ${r.added} 户${r.already ? `，${r.already} 户已在名单中` : ''}`)
    onChanged()
  }
  const remove = async (b: BeneficiaryView) => {
    try {
      await call('projects.removeBeneficiary', { id: b.id })
      onChanged()
    } catch (err) {
      message.error(errorText(err))
    }
  }

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="project-stats">
          <Statistic title="受益户数" value={c.households} suffix="户" />
          <Statistic title="受益人数" value={c.persons} suffix="人" />
          <Statistic title="其中脱贫户" value={c.poorHouseholds} suffix={`户 / ${c.poorPersons} 人`} />
          <Statistic title="其中监测户" value={c.monitoredHouseholds} suffix={`户 / ${c.monitoredPersons} 人`} />
        </div>
        {!linked && <Typography.Text type="secondary">尚未关联受益户，以上为申报数（基本信息中填写）。</Typography.Text>}
      </Card>
      {notFound.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setNotFound([])}
          style={{ marginBottom: 12 }}
          title={`以下 ${notFound.length} 个号码在台账中找不到对应的户，未添加：`}
          description={notFound.join('、')}
        />
      )}
      <Card
        size="small"
        title="受益户名单"
        extra={
          <Can op="projects.addBeneficiaries">
            <Button
              onClick={() => {
                setNotFound([])
                setAdding(true)
              }}
            >
              添加受益户
            </Button>
          </Can>
        }
      >
        <Table<BeneficiaryView>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={p.beneficiaries}
          locale={{ emptyText: '尚未关联受益户' }}
          columns={[
            {
              title: '户编号',
              dataIndex: 'householdNo',
              width: 180,
              render: (v: string | null, r) => <Typography.Link onClick={() => navigate(`#/households/${r.householdId}`)}>{v ?? `（编号 ${r.householdId}）`}</Typography.Link>,
            },
            { title: '户主', dataIndex: 'headName', width: 100 },
            { title: '户主证件号码', dataIndex: 'headIdNumber', width: 190, render: (v: string | null) => (v ? maskIdNumber(v) : '') },
            { title: '行政村', dataIndex: 'village', width: 100 },
            { title: '人数', dataIndex: 'persons', width: 60, align: 'right' },
            { title: '脱贫状态', dataIndex: 'exitStatus', width: 150 },
            { title: '监测户', dataIndex: 'monitored', width: 80, render: (v: boolean) => v && <Tag color="orange">监测户</Tag> },
            {
              title: '',
              key: 'ops',
              width: 70,
              render: (_: unknown, r) => (
                <Can op="projects.removeBeneficiary" hide>
                  <Popconfirm title="从受益名单中移除这户？" okText="移除" cancelText="取消" onConfirm={() => void remove(r)}>
                    <Button size="small" type="link" danger>
                      移除
                    </Button>
                  </Popconfirm>
                </Can>
              ),
            },
          ]}
        />
      </Card>
      <RecordModal title={adding ? '添加受益户' : null} form={form} onSubmit={submit} onClose={() => setAdding(false)} width={620}>
        <Tabs
          activeKey={how}
          onChange={(k) => setHow(k as 'search' | 'paste')}
          items={[
            {
              key: 'search',
              label: '查找户',
              children: (
                <Form.Item name="householdIds" label="户" extra="输入户主姓名、拼音首字母、身份证号后几位或户编号查找，可选多户。">
                  <HouseholdPicker />
                </Form.Item>
              ),
            },
            {
              key: 'paste',
              label: '粘贴名单',
              children: (
                <Form.Item name="keys" label="身份证号或户编号（每行一个）" extra="可从花名册或公示名单中整列复制粘贴；家庭成员的身份证号也能找到其所在户。">
                  <Input.TextArea aria-label="身份证号或户编号" autoSize={{ minRows: 6, maxRows: 14 }} />
                </Form.Item>
              ),
            },
          ]}
        />
      </RecordModal>
    </>
  )
}

/** A multiple select over households.list searches. */
function HouseholdPicker(props: { value?: number[]; onChange?: (v: number[]) => void }) {
  const [search, setSearch] = useState('')
  const options = useHouseholdSearch(search)
  // Chosen households stay labelled when a later search no longer lists them.
  const [chosen, setChosen] = useState<Map<number, string>>(new Map())
  return (
    <Select
      mode="multiple"
      aria-label="户"
      value={props.value}
      onChange={(ids: number[]) => {
        setChosen((m) => new Map([...m, ...options.filter((o) => ids.includes(o.id)).map((o) => [o.id, householdLabel(o)] as const)]))
        props.onChange?.(ids)
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder="查找户"
      options={[
        ...options.map((o) => ({ value: o.id, label: householdLabel(o) })),
        ...(props.value ?? []).filter((id) => !options.some((o) => o.id === id)).map((id) => ({ value: id, label: chosen.get(id) ?? String(id) })),
      ]}
    />
  )
}
