/**
 * The household page's 监测 tab: the monitoring case (申报或排查 … 县级审定), its measures, the
 * post-elimination indicators and the elimination procedure; earlier cases below as history.
 */
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import { MONITORING_CATEGORIES } from '../../../shared/domain/enums'
import { fenToYuanText, formatYuan, formatYuanNumber } from '../../../shared/domain/money'
import {
  type CaseView, DEFAULT_PUBLICITY_DAYS, ELIMINATION_METHODS, FOUND_BY, INDICATORS, type MeasureView, MONITORING_RISKS, STEPS, type StepKey, YES_NO, addDays,
} from '../../../shared/domain/monitoring'
import { MEASURE_ITEMS, MEASURE_KINDS, type MeasureKind } from '../../../shared/domain/monitoring-measures'
import { measureItemOf, POST_TYPES, type PostType } from '../../../shared/domain/posts'
import { Can, useCan } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { navigate } from '../router'
import { MONITORING_CHANGED } from './monitoring-events'
import { GuardedModal } from '../common/GuardedModal'

const STATE_COLORS: Record<CaseView['state'], string> = { 识别中: 'gold', 监测中: 'orange', 消除中: 'blue', 已消除: 'green' }
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err))

/** A date field that keeps the value as 'YYYY-MM-DD' text in the form. */
function DateItem(props: { name: string; label: string }) {
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      getValueProps={(v?: string) => ({ value: v ? dayjs(v) : null })}
      getValueFromEvent={(_: unknown, s: string) => s || undefined}
    >
      <DatePicker aria-label={props.label} placeholder="日期" />
    </Form.Item>
  )
}

export function HouseholdMonitoring(props: { householdId: number; onChanged(): void; focus?: boolean }) {
  const data = useCall('monitoring.household', { householdId: props.householdId })
  const cardRef = useRef<HTMLDivElement>(null)
  const loaded = Boolean(data.data)
  // Opened from 监测预警: once the case is shown, bring the card into view.
  useEffect(() => {
    if (props.focus && loaded) cardRef.current?.scrollIntoView({ block: 'start' })
  }, [props.focus, loaded])
  const [opening, setOpening] = useState(false)
  const changed = () => {
    data.reload()
    props.onChanged()
    // The menu's 监测预警 count follows (WorklistsMenuLabel).
    window.dispatchEvent(new Event(MONITORING_CHANGED))
  }
  const m = data.data
  const current = m?.cases[0]
  const canOpen = m && (!current || current.state === '已消除')
  return (
    <Card
      ref={cardRef}
      size="small"
      title="监测（防返贫动态监测）"
      style={{ marginBottom: 12 }}
      data-card="monitoring"
      extra={
        canOpen && (
          <Can op="monitoring.openCase">
            <Button size="small" type="primary" onClick={() => setOpening(true)}>登记申报或排查</Button>
          </Can>
        )
      }
    >
      {data.error && <Alert type="error" showIcon message={data.error.message} />}
      {m && !current && <Empty description="该户没有监测记录。发现风险时点「登记申报或排查」开始识别程序。" />}
      {m && current && <CaseDetail key={current.id} c={current} publicityDays={m.settings?.publicityDays ?? DEFAULT_PUBLICITY_DAYS} onChanged={changed} />}
      {m && m.cases.length > 1 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>历次监测记录</Typography.Title>
          <Table<CaseView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={m.cases.slice(1)}
            columns={[
              { title: '申报或排查', render: (_: unknown, c) => c.steps.report.date },
              { title: '纳入监测', render: (_: unknown, c) => c.steps.county.date ?? '—' },
              { title: '类别', dataIndex: 'category' },
              { title: '风险', render: (_: unknown, c) => c.risks.join('、') },
              { title: '措施', render: (_: unknown, c) => c.measures.length },
              { title: '风险消除', render: (_: unknown, c) => (c.steps.elim_county.date ? `${c.steps.elim_county.date} ${c.eliminationMethod ?? ''}` : '—') },
            ]}
          />
        </>
      )}
      {m && opening && (
        <OpenCaseDialog householdId={props.householdId} householdType={m.householdType} size={m.activeMembers} onClose={() => setOpening(false)} onOpened={changed} />
      )}
    </Card>
  )
}

function CaseDetail(props: { c: CaseView; publicityDays: number; onChanged(): void }) {
  const { c } = props
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={STATE_COLORS[c.state]}>{c.state}</Tag>
        <Tag>{c.category}</Tag>
        {c.developmentMeasure && <Tag color="green">已实施开发式帮扶措施</Tag>}
        {c.daysWithoutMeasure !== null && <Tag color="red">{`纳入监测已 ${c.daysWithoutMeasure} 天仍无帮扶措施`}</Tag>}
        <Button size="small" onClick={() => navigate(`#/print/monitoring-approval/${c.id}/identify`)}>打印识别（纳入）审批表</Button>
        {c.steps.county.date && (
          <Button size="small" onClick={() => navigate(`#/print/monitoring-approval/${c.id}/eliminate`)}>打印风险消除审批表</Button>
        )}
        <Button size="small" onClick={() => navigate(`#/print/household-plan/${c.householdId}`)}>打印一户一策</Button>
      </Space>
      <Tabs
        size="small"
        items={[
          { key: 'case', label: '监测信息', children: <CaseInfo c={c} /> },
          { key: 'procedure', label: '识别与消除程序', children: <Procedure c={c} publicityDays={props.publicityDays} onChanged={props.onChanged} /> },
          { key: 'measures', label: `帮扶措施（${c.measures.length}）`, children: <Measures c={c} onChanged={props.onChanged} /> },
          { key: 'indicators', label: '风险消除后指标', children: <IndicatorsForm c={c} onChanged={props.onChanged} /> },
        ]}
      />
    </>
  )
}

function CaseInfo({ c }: { c: CaseView }) {
  return (
    <Descriptions size="small" column={3} bordered>
      <Descriptions.Item label="监测对象类别">{c.category}</Descriptions.Item>
      <Descriptions.Item label="致贫返贫风险">{c.risks.join('、')}{c.riskNote ? `（${c.riskNote}）` : ''}</Descriptions.Item>
      <Descriptions.Item label="识别方式">{c.foundBy}</Descriptions.Item>
      <Descriptions.Item label="识别时家庭人口数">{c.sizeAtIdentification} 人</Descriptions.Item>
      <Descriptions.Item label="识别时家庭纯收入">{formatYuan(c.incomeAtIdentificationFen)}</Descriptions.Item>
      <Descriptions.Item label="识别时家庭人均纯收入">{formatYuan(c.perCapitaAtIdentificationFen)}</Descriptions.Item>
      <Descriptions.Item label="是否返贫">{c.returnedToPoverty ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="是否致贫">{c.fellIntoPoverty ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="纳入监测审批时间">{c.steps.county.date ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="风险消除方式">{c.eliminationMethod ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="消除监测时间">{c.steps.elim_county.date ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="实施开发式帮扶措施">{c.developmentMeasure ? '是' : '否'}</Descriptions.Item>
    </Descriptions>
  )
}

interface StepForm {
  date?: string
  by?: string
  endDate?: string
  opinion?: string
  eliminationMethod?: (typeof ELIMINATION_METHODS)[number]
}

function Procedure(props: { c: CaseView; publicityDays: number; onChanged(): void }) {
  const { c } = props
  const { message } = App.useApp()
  const [form] = Form.useForm<StepForm>()
  const canRecord = useCan('monitoring.recordStep')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const next = STEPS.find((s) => !c.steps[s.key].date)
  const start = Form.useWatch('date', form)
  const record = async () => {
    if (!next) return
    const v = form.getFieldsValue(true) as StepForm
    setError(null)
    setSaving(true)
    try {
      const endDate = 'period' in next ? (v.endDate ?? (v.date ? addDays(v.date, props.publicityDays - 1) : null)) : null
      await call('monitoring.recordStep', {
        caseId: c.id, step: next.key as StepKey, date: v.date ?? '', by: v.by ?? '', endDate, opinion: v.opinion ?? null,
        eliminationMethod: v.eliminationMethod ?? null,
      })
      message.success(`已登记「${next.label}」`)
      form.resetFields()
      props.onChanged()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setSaving(false)
    }
  }
  return (
    <>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={STEPS.filter((s) => s.phase === 'identify' || c.steps.county.date).map((s) => ({ ...s, ...c.steps[s.key] }))}
        columns={[
          { title: '步骤', dataIndex: 'label', width: 160 },
          { title: '日期', width: 200, render: (_: unknown, s) => (s.date ? (s.endDate ? `${s.date} 至 ${s.endDate}` : s.date) : <Typography.Text type="secondary">未登记</Typography.Text>) },
          { title: '经办人', dataIndex: 'by', width: 110 },
          { title: '意见', render: (_: unknown, s) => [s.opinion, s.key === 'elim_review' ? c.eliminationMethod : null].filter(Boolean).join('；') },
        ]}
      />
      {next && canRecord && (
        <Form form={form} layout="inline" size="small" style={{ marginTop: 12, rowGap: 8 }} data-form="step">
          <Typography.Text strong style={{ marginRight: 8, lineHeight: '24px' }}>{`登记「${next.label}」`}</Typography.Text>
          <DateItem name="date" label={'period' in next ? '公示开始' : '日期'} />
          {'period' in next && (
            <Form.Item label="公示结束" help={start && !form.getFieldValue('endDate') ? `默认 ${addDays(start, props.publicityDays - 1)}（${props.publicityDays} 天）` : undefined}>
              <Form.Item name="endDate" noStyle getValueProps={(v?: string) => ({ value: v ? dayjs(v) : null })} getValueFromEvent={(_: unknown, s: string) => s || undefined}>
                <DatePicker aria-label="公示结束" placeholder="日期" />
              </Form.Item>
            </Form.Item>
          )}
          <Form.Item name="by" label="经办人">
            <Input aria-label="经办人" style={{ width: 110 }} />
          </Form.Item>
          {next.key === 'elim_review' && (
            <Form.Item name="eliminationMethod" label="消除方式">
              <Select aria-label="消除方式" style={{ width: 110 }} options={ELIMINATION_METHODS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          )}
          {'opinion' in next && (
            <Form.Item name="opinion" label="意见">
              <Input aria-label="意见" style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item>
            <Button type="primary" loading={saving} onClick={() => void record()}>登记</Button>
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon message={`未登记：${error}`} style={{ marginTop: 8 }} />}
    </>
  )
}

interface MeasureForm {
  kind?: MeasureKind
  postHoldingId?: number | null
  items?: string[]
  otherNote?: string
  date?: string
  amount?: string
  responsible?: string
  note?: string
  loanId?: number
}

const localDay = () => dayjs().format('YYYY-MM-DD')

/** 「示例农商银行 合同 XD-01：50,000.00 元，2026-01-15 放款，余额 …（逾期）」 */
function loanText(l: NonNullable<MeasureView['loan']>): string {
  return `${l.bank}${l.contractNo ? ` 合同 ${l.contractNo}` : ''}：${formatYuan(l.amountFen)}，${l.loanDate} 放款，${l.dueDate} 到期，余额 ${formatYuan(l.balanceFen)}（${l.status}）`
}

function Measures(props: { c: CaseView; onChanged(): void }) {
  const { c } = props
  const { message } = App.useApp()
  const [form] = Form.useForm<MeasureForm>()
  const canAdd = useCan('monitoring.addMeasure')
  const kind = Form.useWatch('kind', form)
  const items = Form.useWatch('items', form)
  const loanId = Form.useWatch('loanId', form)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const credit = kind === '金融帮扶' && items?.includes('小额信贷')
  const loans = useCall('credit.household', { householdId: c.householdId, today: localDay() })
  // 公益岗位帮扶 records a holding from the posts ledger instead of retyping it.
  const holdings = useCall('posts.householdHoldings', { householdId: c.householdId })
  const pickHolding = (holdingId: number | undefined) => {
    const h = holdings.data?.find((x) => x.holdingId === holdingId)
    if (!h) return
    const type = (POST_TYPES as readonly string[]).includes(h.postLabel) ? (h.postLabel as PostType) : '其他'
    form.setFieldsValue({
      items: [measureItemOf(type)], date: `${h.startMonth}-01`, amount: h.paidFen ? fenToYuanText(h.paidFen) : undefined,
      note: `${h.name} ${h.postLabel}，${h.startMonth}～${h.endMonth ?? ''}，每月 ${fenToYuanText(h.payFen)} 元`,
    })
  }
  const add = async () => {
    const v = form.getFieldsValue(true) as MeasureForm
    setError(null)
    if (!v.kind) return setError('请选择措施类别。')
    setSaving(true)
    try {
      await call('monitoring.addMeasure', {
        caseId: c.id, kind: v.kind, items: v.items ?? [], otherNote: v.otherNote ?? null,
        date: (credit && v.loanId ? loans.data?.loans.find((l) => l.id === v.loanId)?.loanDate : v.date) ?? '',
        amount: v.amount?.trim() || null, responsible: v.responsible ?? '', note: v.note ?? null,
        loanId: credit ? (v.loanId ?? null) : null,
        postHoldingId: v.kind === '公益岗位帮扶' ? (v.postHoldingId ?? null) : null,
      })
      message.success(`已登记${v.kind}`)
      form.resetFields()
      props.onChanged()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setSaving(false)
    }
  }
  const remove = async (m: MeasureView) => {
    try {
      await call('monitoring.deleteMeasure', { measureId: m.id })
      props.onChanged()
    } catch (err) {
      message.error(errorText(err))
    }
  }
  const total = c.measures.reduce((n, m) => n + (m.amountFen ?? 0), 0)
  return (
    <>
      <Table<MeasureView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.measures}
        locale={{ emptyText: '尚未登记帮扶措施。帮扶消除需要至少一项措施。' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '类别', dataIndex: 'kind', width: 130 },
          {
            title: '措施',
            render: (_: unknown, m) => (
              <>
                {[m.items.join('、'), m.otherNote].filter(Boolean).join('：') + (m.postHolding ? `（岗位：${m.postHolding}）` : '')}
                {m.loan && (
                  <div>
                    <a onClick={() => navigate(`#/credit/${m.loan!.id}`)}>{loanText(m.loan)}</a>
                  </div>
                )}
              </>
            ),
          },
          { title: '金额（元）', width: 130, align: 'right', render: (_: unknown, m) => (m.amountFen === null ? '—' : formatYuanNumber(m.amountFen)) },
          { title: '责任人', dataIndex: 'responsible', width: 110 },
          { title: '备注', dataIndex: 'note' },
          {
            title: '', width: 60,
            render: (_: unknown, m) =>
              c.steps.elim_review.date ? null : (
                <Can op="monitoring.deleteMeasure" hide>
                  <Button size="small" type="link" danger onClick={() => void remove(m)}>删除</Button>
                </Can>
              ),
          },
        ]}
        summary={() => (c.measures.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{formatYuan(total)}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} colSpan={3} />
          </Table.Summary.Row>
        ) : null)}
      />
      {c.steps.county.date && !c.steps.elim_county.date && canAdd && (
        <Form form={form} layout="inline" size="small" style={{ marginTop: 12, rowGap: 8 }} data-form="measure">
          <Form.Item name="kind" label="类别">
            <Select aria-label="措施类别" style={{ width: 140 }} options={MEASURE_KINDS.map((k) => ({ value: k, label: k }))} onChange={() => form.setFieldValue('items', [])} />
          </Form.Item>
          <Form.Item name="items" label="措施">
            <Select aria-label="措施内容" mode="multiple" style={{ minWidth: 220 }} disabled={!kind} options={(kind ? MEASURE_ITEMS[kind] : []).map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          {kind === '公益岗位帮扶' && (
            <Form.Item name="postHoldingId" label="公益性岗位">
              <Select
                aria-label="关联公益性岗位"
                allowClear
                style={{ width: 240 }}
                placeholder={holdings.data?.length ? '选择本户成员的上岗记录' : '本户成员没有上岗记录'}
                disabled={!holdings.data?.length}
                onChange={(v: number | undefined) => pickHolding(v)}
                options={(holdings.data ?? []).map((h) => ({ value: h.holdingId, label: `${h.name} ${h.postLabel} ${h.startMonth}～${h.endMonth ?? ''}` }))}
              />
            </Form.Item>
          )}
          {items?.includes('其他') && (
            <Form.Item name="otherNote" label="其他说明">
              <Input aria-label="其他措施说明" style={{ width: 160 }} />
            </Form.Item>
          )}
          {credit && (
            <Form.Item name="loanId" label="小额信贷">
              <Select
                aria-label="关联的小额信贷"
                allowClear
                style={{ width: 300 }}
                placeholder={loans.data?.loans.length ? '选择这户的贷款（金额、日期按贷款）' : '这户还没有登记小额信贷'}
                options={(loans.data?.loans ?? []).map((l) => ({ value: l.id, label: `${l.bank} ${l.contractNo ?? ''} ${formatYuan(l.amountFen)} ${l.loanDate}（${l.status}）` }))}
              />
            </Form.Item>
          )}
          {!(credit && loanId) && (
            <>
              <DateItem name="date" label="措施日期" />
              <Form.Item name="amount" label="金额（元）">
                <Input aria-label="金额（元）" style={{ width: 100 }} placeholder="无则不填" />
              </Form.Item>
            </>
          )}
          <Form.Item name="responsible" label="责任人">
            <Input aria-label="责任人" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input aria-label="措施备注" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" loading={saving} onClick={() => void add()}>登记措施</Button>
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon message={`未登记：${error}`} style={{ marginTop: 8 }} />}
    </>
  )
}

function IndicatorsForm(props: { c: CaseView; onChanged(): void }) {
  const { c } = props
  const { message } = App.useApp()
  const [form] = Form.useForm<Record<string, string | undefined>>()
  const [error, setError] = useState<string | null>(null)
  const canSet = useCan('monitoring.setIndicators')
  const editable = Boolean(c.steps.county.date) && !c.steps.elim_county.date && canSet
  const initial = Object.fromEntries(
    INDICATORS.map((i) => {
      const v = c.indicators[i.key]
      return [i.key, v === null ? undefined : typeof v === 'number' ? fenToYuanText(v) : v]
    }),
  )
  const save = async () => {
    const v = form.getFieldsValue(true) as Record<string, string | undefined>
    setError(null)
    try {
      await call('monitoring.setIndicators', {
        caseId: c.id,
        indicators: Object.fromEntries(INDICATORS.map((i) => [i.key, v[i.key]?.trim() || null])) as Record<(typeof INDICATORS)[number]['key'], string | null>,
      })
      message.success('已保存风险消除后指标')
      props.onChanged()
    } catch (err) {
      setError(errorText(err))
    }
  }
  if (!c.steps.county.date) return <Empty description="县级审定纳入监测后填写。" />
  return (
    <Form form={form} initialValues={initial} layout="vertical" size="small" disabled={!editable} data-form="indicators">
      <div className="monitoring-indicators" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', columnGap: 16 }}>
        {INDICATORS.map((i) => (
          <Form.Item key={i.key} name={i.key} label={i.label} style={{ marginBottom: 8 }}>
            {i.kind === 'yesno' ? (
              <Select aria-label={i.label} allowClear options={YES_NO.map((y) => ({ value: y, label: y }))} />
            ) : (
              <Input aria-label={i.label} suffix="元" />
            )}
          </Form.Item>
        ))}
      </div>
      {editable && <Button type="primary" onClick={() => void save()}>保存指标</Button>}
      {error && <Alert type="error" showIcon message={`未保存：${error}`} style={{ marginTop: 8 }} />}
    </Form>
  )
}

interface OpenForm {
  category?: (typeof MONITORING_CATEGORIES)[number]
  risks?: (typeof MONITORING_RISKS)[number][]
  riskNote?: string
  foundBy?: (typeof FOUND_BY)[number]
  reportDate?: string
  reportBy?: string
  sizeAtIdentification?: number
  incomeAtIdentification?: string
  returnedToPoverty?: '是' | '否'
  fellIntoPoverty?: '是' | '否'
}

function OpenCaseDialog(props: { householdId: number; householdType: string | null; size: number; onClose(): void; onOpened(): void }) {
  const [form] = Form.useForm<OpenForm>()
  const risks = Form.useWatch('risks', form)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const submit = async () => {
    const v = form.getFieldsValue(true) as OpenForm
    setError(null)
    if (!v.category || !v.foundBy) return setError('请选择「监测对象类别」和「识别方式」。')
    setSaving(true)
    try {
      await call('monitoring.openCase', {
        householdId: props.householdId, category: v.category, risks: v.risks ?? [], riskNote: v.riskNote ?? null, foundBy: v.foundBy,
        reportDate: v.reportDate ?? '', reportBy: v.reportBy ?? '', sizeAtIdentification: v.sizeAtIdentification ?? 0,
        incomeAtIdentification: v.incomeAtIdentification?.trim() ?? '', returnedToPoverty: v.returnedToPoverty ?? null, fellIntoPoverty: v.fellIntoPoverty ?? null,
      })
      props.onOpened()
      props.onClose()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setSaving(false)
    }
  }
  return (
    <GuardedModal form={form} open title="登记申报或排查（开始识别程序）" okText="登记" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={props.onClose} width={640}>
      <Typography.Paragraph type="secondary">{`户类型：${props.householdType ?? '未填写'}。脱贫户只能纳入为「脱贫不稳定户」，其他户为边缘易致贫户或突发严重困难户。`}</Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 7 }} initialValues={{ sizeAtIdentification: props.size || undefined }}>
        <Form.Item name="category" label="监测对象类别">
          <Select aria-label="监测对象类别" options={MONITORING_CATEGORIES.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="risks" label="致贫返贫风险（1–5 项）">
          <Select aria-label="致贫返贫风险" mode="multiple" maxCount={5} options={MONITORING_RISKS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        {risks?.includes('其他') && (
          <Form.Item name="riskNote" label="风险说明">
            <Input aria-label="风险说明" />
          </Form.Item>
        )}
        <Form.Item name="foundBy" label="识别方式">
          <Select aria-label="识别方式" options={FOUND_BY.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <DateItem name="reportDate" label="申报或排查日期" />
        <Form.Item name="reportBy" label="经办人（信息采集人）">
          <Input aria-label="申报或排查经办人" />
        </Form.Item>
        <Form.Item name="sizeAtIdentification" label="识别时家庭人口数">
          <InputNumber aria-label="识别时家庭人口数" min={1} max={30} />
        </Form.Item>
        <Form.Item name="incomeAtIdentification" label="识别时家庭纯收入（元）">
          <Input aria-label="识别时家庭纯收入（元）" />
        </Form.Item>
        <Form.Item name="returnedToPoverty" label="是否返贫">
          <Select aria-label="是否返贫" allowClear options={YES_NO.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="fellIntoPoverty" label="是否致贫">
          <Select aria-label="是否致贫" allowClear options={YES_NO.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={`未登记：${error}`} />}
    </GuardedModal>
  )
}
