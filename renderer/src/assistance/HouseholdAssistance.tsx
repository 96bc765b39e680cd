import { App, AutoComplete, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { AID_KINDS, type AidView, type PairingView, type VisitView, type WishView } from '../../../shared/domain/assistance'
import { fenToYuanText, formatYuanNumber } from '../../../shared/domain/money'
import { Can, usePermissions } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { GuardedModal } from '../common/GuardedModal'

type Dialog =
  | 'visit'
  | 'aid'
  | 'pair'
  | 'helper'
  | 'wish'
  | { wish: WishView }
  | { editVisit: VisitView }
  | { editAid: AidView }
  | { editWish: WishView }
  | null

const TITLES: Record<string, string> = {
  visit: '记录走访',
  aid: '登记帮户',
  pair: '结对帮扶责任人',
  helper: '新增帮扶责任人',
  wish: '登记心愿',
  resolve: '心愿办结',
  editVisit: '修改走访记录',
  editAid: '修改帮户',
  editWish: '修改心愿',
}
const dialogKey = (d: Dialog) => (d === null ? '' : typeof d === 'string' ? d : 'wish' in d ? 'resolve' : Object.keys(d)[0]!)

const day = (d: Dayjs | undefined) => (d ?? dayjs()).format('YYYY-MM-DD')
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** 帮扶与走访 of one household: its helpers (with history), visits, aid (帮户) and wishes (心愿). */
export function HouseholdAssistance({ householdId }: { householdId: number }) {
  const { message } = App.useApp()
  const data = useCall('assistance.household', { householdId })
  const helpers = useCall('assistance.helpers', {})
  const can = usePermissions()
  const units = useCall('assistance.units', {})
  const [dialog, setDialog] = useState<Dialog>(null)
  const [form] = Form.useForm()

  const open = (d: Dialog, values?: Record<string, unknown>) => {
    form.resetFields()
    if (values) form.setFieldsValue(values)
    setDialog(d)
  }
  const remove = async (what: Promise<unknown>) => {
    try {
      await what
      message.success('已删除')
      data.reload()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  const key = dialogKey(dialog)
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>
    try {
      const visit = { date: day(v.date as Dayjs), visitor: String(v.visitor).trim(), findings: text(v.findings), actions: text(v.actions) }
      const aid = {
        date: day(v.date as Dayjs),
        aidKind: v.kind as (typeof AID_KINDS)[number],
        description: String(v.description).trim(),
        amount: text(v.amount),
        source: text(v.source),
      }
      if (dialog === 'visit') {
        const wish = text(v.wish) ? { content: text(v.wish)!, takenBy: text(v.takenBy) } : undefined
        await call('assistance.addVisit', { householdId, ...visit, wish })
        message.success('已记录走访')
      } else if (dialog === 'aid') {
        await call('assistance.addAid', { householdId, ...aid })
        message.success('已登记帮户')
      } else if (dialog === 'wish') {
        await call('assistance.addWish', { householdId, date: day(v.date as Dayjs), content: String(v.content).trim(), takenBy: text(v.takenBy) })
        message.success('已登记心愿')
      } else if (dialog && typeof dialog === 'object' && 'editVisit' in dialog) {
        await call('assistance.updateVisit', { visitId: dialog.editVisit.id, ...visit })
        message.success('已保存')
      } else if (dialog && typeof dialog === 'object' && 'editAid' in dialog) {
        await call('assistance.updateAid', { aidId: dialog.editAid.id, ...aid })
        message.success('已保存')
      } else if (dialog && typeof dialog === 'object' && 'editWish' in dialog) {
        await call('assistance.updateWish', { wishId: dialog.editWish.id, content: String(v.content).trim(), takenBy: text(v.takenBy) })
        message.success('已保存')
      } else if (dialog === 'pair') {
        await call('assistance.pair', { helperId: v.helperId as number, householdId, startDate: day(v.startDate as Dayjs) })
        message.success('已结对')
      } else if (dialog === 'helper') {
        const { id } = await call('assistance.addHelper', { name: String(v.name).trim(), unitName: String(v.unitName).trim(), title: text(v.title), phone: text(v.phone) })
        await call('assistance.pair', { helperId: id, householdId, startDate: day(v.startDate as Dayjs) })
        helpers.reload()
        message.success('已新增帮扶责任人并结对')
      } else if (dialog && typeof dialog === 'object' && 'wish' in dialog) {
        await call('assistance.resolveWish', { wishId: dialog.wish.id, date: day(v.date as Dayjs), resolution: String(v.resolution).trim() })
        message.success('心愿已办结')
      }
      setDialog(null)
      data.reload()
    } catch (err) {
      message.error({ content: (err as Error).message, duration: 8 })
    }
  }
  const endPairing = async (p: PairingView) => {
    try {
      await call('assistance.endPairing', { pairingId: p.id, endDate: day(undefined) })
      data.reload()
    } catch (err) {
      message.error((err as Error).message)
    }
  }

  const d = data.data
  const openWishes = d?.wishes.filter((w) => !w.resolvedDate).length ?? 0
  const required = [{ required: true, message: '请填写' }]
  // The household's current helpers are offered as 走访人 / 认领人; any other name can be typed.
  const helperNames = [...new Set(d?.pairings.filter((p) => !p.endDate).map((p) => p.helperName))].map((n) => ({ value: n }))
  /** 修改 / 删除 of a row, each shown only when the session may run its op (`can` from the contract). */
  const rowActions = (onEdit: () => void, onDelete: () => void, what: string, allowed: [edit: boolean, remove: boolean]) => (
    <Space size={4}>
      {allowed[0] && (
        <Button size="small" type="link" onClick={onEdit}>
          修改
        </Button>
      )}
      {allowed[1] && (
        <Popconfirm title={`删除这条${what}？`} okText="删除" cancelText="取消" onConfirm={onDelete}>
          <Button size="small" type="link" danger>
            删除
          </Button>
        </Popconfirm>
      )}
    </Space>
  )
  return (
    <Card size="small" title="帮扶与走访" style={{ marginBottom: 12 }}>
      <Tabs
        items={[
          {
            key: 'helpers',
            label: `帮扶责任人（${d?.pairings.filter((p) => !p.endDate).length ?? 0}）`,
            children: (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Can op="assistance.pair">
                    <Button onClick={() => open('pair')} disabled={!helpers.data?.length}>
                      结对已有帮扶责任人
                    </Button>
                  </Can>
                  <Can op={['assistance.addHelper', 'assistance.pair']}>
                    <Button onClick={() => open('helper')}>新增帮扶责任人并结对</Button>
                  </Can>
                </Space>
                <Table<PairingView>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={d?.pairings}
                  columns={[
                    { title: '帮扶责任人', dataIndex: 'helperName', width: 100 },
                    { title: '帮扶单位', dataIndex: 'unitName' },
                    { title: '职务', dataIndex: 'title', width: 100 },
                    { title: '电话', dataIndex: 'phone', width: 120 },
                    { title: '开始', dataIndex: 'startDate', width: 110 },
                    { title: '结束', dataIndex: 'endDate', width: 110, render: (v: string | null) => v ?? <Tag color="green">帮扶中</Tag> },
                    { title: '', key: 'end', width: 90, render: (_: unknown, p) => !p.endDate && <Can op="assistance.endPairing" hide><Button size="small" onClick={() => void endPairing(p)}>结束结对</Button></Can> },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'visits',
            label: `走访记录（${d?.visits.length ?? 0}）`,
            children: (
              <>
                <Can op="assistance.addVisit">
                  <Button style={{ marginBottom: 8 }} onClick={() => open('visit')}>
                    记录走访
                  </Button>
                </Can>
                <Table<VisitView>
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 10 }}
                  dataSource={d?.visits}
                  columns={[
                    { title: '日期', dataIndex: 'date', width: 110 },
                    { title: '走访人', dataIndex: 'visitor', width: 100 },
                    { title: '了解到的情况', dataIndex: 'findings' },
                    { title: '采取的措施', dataIndex: 'actions' },
                    {
                      title: '',
                      key: 'ops',
                      width: 110,
                      render: (_: unknown, r) =>
                        rowActions(
                          () => open({ editVisit: r }, { date: dayjs(r.date), visitor: r.visitor, findings: r.findings ?? undefined, actions: r.actions ?? undefined }),
                          () => void remove(call('assistance.deleteVisit', { visitId: r.id })),
                          '走访记录',
                          [can('assistance.updateVisit'), can('assistance.deleteVisit')],
                        ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'aid',
            label: `帮户（${d?.aid.length ?? 0}）`,
            children: (
              <>
                <Can op="assistance.addAid">
                  <Button style={{ marginBottom: 8 }} onClick={() => open('aid')}>
                    登记帮户
                  </Button>
                </Can>
                <Table<AidView>
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 10 }}
                  dataSource={d?.aid}
                  columns={[
                    { title: '日期', dataIndex: 'date', width: 110 },
                    { title: '类别', dataIndex: 'kind', width: 70 },
                    { title: '内容', dataIndex: 'description' },
                    { title: '金额（元）', dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number | null) => (v === null ? '' : formatYuanNumber(v)) },
                    { title: '来源', dataIndex: 'source', width: 160 },
                    {
                      title: '',
                      key: 'ops',
                      width: 110,
                      render: (_: unknown, r) =>
                        rowActions(
                          () =>
                            open(
                              { editAid: r },
                              {
                                date: dayjs(r.date),
                                kind: r.kind,
                                description: r.description,
                                amount: r.amountFen === null ? undefined : fenToYuanText(r.amountFen),
                                source: r.source ?? undefined,
                              },
                            ),
                          () => void remove(call('assistance.deleteAid', { aidId: r.id })),
                          '帮户记录',
                          [can('assistance.updateAid'), can('assistance.deleteAid')],
                        ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'wishes',
            label: `心愿（未办结 ${openWishes}）`,
            children: (
              <>
              <Can op="assistance.addWish">
                <Button style={{ marginBottom: 8 }} onClick={() => open('wish')}>
                  登记心愿
                </Button>
              </Can>
              <Table<WishView>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 10 }}
                dataSource={d?.wishes}
                columns={[
                  { title: '提出日期', dataIndex: 'raisedDate', width: 110 },
                  { title: '心愿', dataIndex: 'content' },
                  { title: '认领人', dataIndex: 'takenBy', width: 100 },
                  {
                    title: '状态',
                    key: 'state',
                    width: 220,
                    render: (_: unknown, w) =>
                      w.resolvedDate ? (
                        <Tag color="green">{`${w.resolvedDate} 办结：${w.resolution ?? ''}`}</Tag>
                      ) : (
                        <Space>
                          <Tag color="orange">未办结</Tag>
                          <Can op="assistance.resolveWish" hide>
                            <Button size="small" onClick={() => open({ wish: w })}>
                              办结
                            </Button>
                          </Can>
                        </Space>
                      ),
                  },
                  {
                    title: '',
                    key: 'ops',
                    width: 110,
                    render: (_: unknown, w) =>
                      rowActions(
                        () => open({ editWish: w }, { content: w.content, takenBy: w.takenBy ?? undefined }),
                        () => void remove(call('assistance.deleteWish', { wishId: w.id })),
                        '心愿',
                        [can('assistance.updateWish'), can('assistance.deleteWish')],
                      ),
                  },
                ]}
              />
              </>
            ),
          },
        ]}
      />
      <GuardedModal
        form={form}
        open={dialog !== null}
        title={TITLES[key]}
        okText="保存"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ date: dayjs(), startDate: dayjs(), kind: '现金' }}>
          {(key === 'visit' || key === 'editVisit') && (
            <>
              <Form.Item name="date" label="走访日期" rules={required}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="visitor" label="走访人" rules={required} extra="可选本户的帮扶责任人，或直接输入姓名。">
                <AutoComplete options={helperNames} />
              </Form.Item>
              <Form.Item name="findings" label="了解到的情况">
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="actions" label="采取的措施">
                <Input.TextArea rows={2} />
              </Form.Item>
              {key === 'visit' && (
                <>
                  <Form.Item name="wish" label="群众心愿（可不填）">
                    <Input />
                  </Form.Item>
                  <Form.Item name="takenBy" label="心愿认领人">
                    <AutoComplete options={helperNames} />
                  </Form.Item>
                </>
              )}
            </>
          )}
          {(key === 'wish' || key === 'editWish') && (
            <>
              {key === 'wish' && (
                <Form.Item name="date" label="提出日期" rules={required}>
                  <DatePicker />
                </Form.Item>
              )}
              <Form.Item name="content" label="心愿内容" rules={required}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="takenBy" label="心愿认领人">
                <AutoComplete options={helperNames} />
              </Form.Item>
            </>
          )}
          {(key === 'aid' || key === 'editAid') && (
            <>
              <Form.Item name="date" label="日期" rules={required}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="kind" label="类别" rules={required}>
                <Select options={AID_KINDS.map((k) => ({ value: k, label: k }))} />
              </Form.Item>
              <Form.Item name="description" label="内容" rules={required}>
                <Input placeholder="如：春节慰问金、化肥 2 袋" />
              </Form.Item>
              <Form.Item name="amount" label="金额（元）">
                <Input inputMode="decimal" />
              </Form.Item>
              <Form.Item name="source" label="来源（帮扶单位或项目）" extra="填帮扶单位的登记名称，帮扶单位交接表才能按单位汇总。">
                <AutoComplete options={units.data?.map((u) => ({ value: u.name }))} filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
              </Form.Item>
            </>
          )}
          {dialog === 'pair' && (
            <>
              <Form.Item name="helperId" label="帮扶责任人" rules={required}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={helpers.data?.map((h) => ({ value: h.id, label: `${h.name}（${h.unitName ?? ''}，帮扶 ${h.households} 户）` }))}
                />
              </Form.Item>
              <Form.Item name="startDate" label="开始日期" rules={required}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          {dialog === 'helper' && (
            <>
              <Form.Item name="name" label="姓名" rules={required}>
                <Input />
              </Form.Item>
              <Form.Item name="unitName" label="帮扶单位" rules={required}>
                <Input />
              </Form.Item>
              <Form.Item name="title" label="职务">
                <Input />
              </Form.Item>
              <Form.Item name="phone" label="联系电话">
                <Input />
              </Form.Item>
              <Form.Item name="startDate" label="结对开始日期" rules={required}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          {dialog && typeof dialog === 'object' && 'wish' in dialog && (
            <>
              <Form.Item label="心愿">{dialog.wish.content}</Form.Item>
              <Form.Item name="date" label="办结日期" rules={required}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="resolution" label="办理结果" rules={required}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
        </Form>
      </GuardedModal>
    </Card>
  )
}
