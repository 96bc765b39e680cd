/**
 * One household: its roster fields, incomes, land and housing, 两不愁三保障, members, status
 * history and 修改记录 — every part editable (pieces in ./household/).
 */
import { App, Button, Input, Result, Select, Skeleton, Space, Tag, Typography } from 'antd'
import { type ReactNode, useCallback, useRef, useState } from 'react'
import type { HouseholdDetail } from '../../../shared/domain/households'
import {
  GUARANTEE_ITEMS, GUARANTEE_STATES, guaranteeColumn, guaranteeNoteColumn,
} from '../../../shared/domain/households-rules'
import { formatYuan } from '../../../shared/domain/money'
import { type HouseholdKey, fieldByKey } from '../../../shared/import/households-fields'
import { call, CallError } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { MaskedId, RevealInput } from '../common/MaskedId'
import { NextHouseholdButton } from './NextHouseholdButton'
import { HouseholdAssistance } from '../assistance'
import { HouseholdChecks } from '../checks'
import { HouseholdCredit } from '../credit'
import { HouseholdMonitoring } from '../monitoring'
import { WorkSpellsCard } from '../national'
import { HouseholdPostsCard, PostWage } from '../posts'
import { navigate } from '../router'
import { ChangesCard } from './ChangesCard'
import { type CardField, EditableCard } from './EditableCard'
import { fieldInput, toFormValue } from './fields'
import { MembersCard } from './MembersCard'
import { MoveHouseholdButton } from './MoveHouseholdButton'
import { StatusCard } from './StatusCard'
import { useEditGuard } from '../common/useEditGuard'
import { confirmDiscard } from '../common/GuardedModal'

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v)

const BASIC: HouseholdKey[] = [
  'household_no', 'declared_size', 'household_type', 'poverty_attribute', 'identification_standard', 'first_identified',
  'main_cause', 'other_causes', 'phone',
]
const INCOME: HouseholdKey[] = ['wage_income_fen', 'business_income_fen', 'property_income_fen', 'transfer_income_fen', 'business_expense_fen']
const LAND: HouseholdKey[] = ['arable_land_area', 'housing_area', 'dilapidated_house', 'safe_drinking_water']

function rosterField(h: HouseholdDetail, key: HouseholdKey): CardField {
  const def = fieldByKey(key)
  const v = h.values[key] ?? null
  if (key === 'phone') {
    // The core sends the phone masked: shown with 「显示」, editable once revealed (both logged).
    const phone = typeof v === 'string' ? v : null
    return {
      key, label: def.label, view: phone ? <MaskedId householdId={h.id} idNumber={phone} /> : '—',
      input: <RevealInput target={{ householdId: h.id }} label={def.label} placeholder="11 位手机号" />, initial: toFormValue(def, v),
    }
  }
  const view = def.kind === 'money' && typeof v === 'number' ? formatYuan(v) : dash(v)
  return { key, label: def.label, view, input: fieldInput(key), initial: toFormValue(def, v) }
}

function readOnly(key: string, label: string, view: ReactNode): CardField {
  return { key, label, view, input: null, initial: undefined }
}

type CardName = 'basic' | 'income' | 'land' | 'guarantees'

export function HouseholdPage({ id, focus }: { id: number; focus?: 'monitoring' }) {
  const { data: h, error, loading, reload } = useCall('households.get', { id })
  const { modal } = App.useApp()
  const [editing, setEditing] = useState<CardName | null>(null)
  const [dirty, setDirty] = useState(false)
  const [version, setVersion] = useState(0)
  const saveRef = useRef<(() => void) | null>(null)
  const [hasSave, setHasSave] = useState(false)
  const registerSave = useCallback((s: (() => void) | null) => {
    saveRef.current = s
    setHasSave(s !== null)
  }, [])
  useEditGuard(dirty, hasSave ? () => saveRef.current?.() : null)

  const changed = useCallback(() => {
    reload()
    setVersion((v) => v + 1)
  }, [reload])

  const back = (
    <Button onClick={() => navigate('#/')} aria-label="返回户列表">
      ← 返回户列表
    </Button>
  )
  if (error && !h) return <Result status="404" title="找不到这一户" subTitle={error.message} extra={back} />
  if (loading && !h) return <Skeleton active className="page" />
  if (!h) return null
  const head = h.members.find((m) => m.relation === '户主' && !m.removedReason)
  const active = h.members.filter((m) => !m.removedReason)

  const cardProps = (name: CardName) => ({
    name,
    editing: editing === name,
    onEditing: (on: boolean) => {
      const open = () => {
        if (on) setDirty(false)
        setEditing(on ? name : null)
      }
      if (on && editing && editing !== name && dirty) {
        confirmDiscard(modal, { title: '另一部分有修改尚未保存，确定放弃这些修改吗？', okText: '放弃修改', cancelText: '继续修改' }, open)
        return
      }
      open()
    },
    onDirty: setDirty,
    registerSave,
    save: async (patch: Record<string, string | null>) => {
      try {
        const r = await call('households.update', { id: h.id, patch })
        changed()
        return r
      } catch (err) {
        // Income parts would replace the county's 人均纯收入: show both figures and ask first.
        if (!(err instanceof CallError) || err.code !== 'confirm_income') throw err
        const replace = await modal.confirm({
          title: '替换花名册的人均纯收入？',
          content: err.message,
          okText: '用算得的数替换',
          cancelText: '不保存，再核对',
        })
        if (!replace) throw new CallError('cancelled', '未保存：花名册的人均纯收入保持不变。可修改收入各项后再保存。')
        const r = await call('households.update', { id: h.id, patch, replaceRosterIncome: true })
        changed()
        return r
      }
    },
  })

  const basic: CardField[] = [
    ...BASIC.map((k) => rosterField(h, k)),
    readOnly('place', '所在地', `${h.county}${h.township}${h.villageName}${h.groupName ?? ''}`),
    readOnly('active', '在户人数', `${active.length} 人`),
    readOnly('exit_status', '脱贫状态', dash(h.exitStatus)),
    readOnly('exit_year', '脱贫年度', dash(h.exitYear)),
    readOnly('monitoring_category', '监测对象类别', dash(h.monitoringCategory)),
  ]
  const net = h.values.net_income_fen
  const perCapita = h.values.per_capita_net_income_fen
  const income: CardField[] = [
    ...INCOME.map((k) => rosterField(h, k)),
    readOnly('net_income_fen', '纯收入（自动计算）', typeof net === 'number' ? formatYuan(net) : '—'),
    // Computed from the parts when any is filled in; otherwise the roster's own figure stands.
    readOnly('post_wage', `其中公益岗位工资（${new Date().getFullYear()} 年发放记录）`, <PostWage key={`post-wage-${version}`} householdId={h.id} />),
    readOnly('per_capita_net_income_fen', typeof net === 'number' ? `人均纯收入（÷ ${active.length} 人）` : '人均纯收入（花名册）', typeof perCapita === 'number' ? formatYuan(perCapita) : '—'),
  ]
  const gaps = GUARANTEE_ITEMS.filter((g) => h.values[guaranteeColumn(g.key)] === '有短板')
  const guarantees: CardField[] = GUARANTEE_ITEMS.flatMap((g): CardField[] => {
    const state = h.values[guaranteeColumn(g.key)] as string | null
    const note = h.values[guaranteeNoteColumn(g.key)] as string | null
    return [
      {
        key: guaranteeColumn(g.key),
        label: g.label,
        view: state === '有短板' ? <Tag color="red">有短板：{note}</Tag> : state === '达标' ? <Tag color="green">达标{note ? `：${note}` : ''}</Tag> : <Tag>未评估</Tag>,
        input: <Select aria-label={g.label} allowClear options={GUARANTEE_STATES.map((s) => ({ value: s, label: s }))} placeholder="未评估" />,
        initial: state ?? undefined,
        danger: state === '有短板',
      },
      {
        key: guaranteeNoteColumn(g.key),
        label: `${g.label}说明`,
        view: null,
        input: <Input aria-label={`${g.label}说明`} placeholder="有短板时写明短板" allowClear />,
        initial: note ?? undefined,
      },
    ]
  })

  return (
    <div className="page">
      <Space style={{ marginBottom: 12 }} align="center" wrap>
        {back}
        <NextHouseholdButton id={id} />
        <Button onClick={() => navigate(`#/print/cards/${id}`)}>打印户卡</Button>
        <MoveHouseholdButton household={h} onMoved={changed} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {head?.name ?? '（无户主）'} 户
        </Typography.Title>
        {h.isDemo && <Tag color="orange">示例</Tag>}
        {h.exitStatus && <Tag color={h.exitStatus === '未脱贫' || h.exitStatus === '返贫' ? 'red' : 'green'}>{h.exitStatus}</Tag>}
        {h.monitoringCategory && <Tag color="orange">监测：{h.monitoringCategory}</Tag>}
        {gaps.length > 0 && <Tag color="red">{`两不愁三保障短板：${gaps.map((g) => g.label).join('、')}`}</Tag>}
        {dirty && <Typography.Text type="warning">有未保存的修改（Ctrl+S 保存）</Typography.Text>}
      </Space>
      <HouseholdChecks key={`checks-${h.id}`} householdId={h.id} version={version} />
      <EditableCard title="户信息" fields={basic} {...cardProps('basic')} />
      <EditableCard title="收入（元/年）" fields={income} {...cardProps('income')} />
      <EditableCard title="土地与住房" fields={LAND.map((k) => rosterField(h, k))} {...cardProps('land')} />
      <EditableCard
        title="两不愁三保障"
        fields={editing === 'guarantees' ? guarantees : guarantees.filter((f) => f.view !== null)}
        {...cardProps('guarantees')}
      />
      <MembersCard household={h} onChanged={changed} />
      <StatusCard key={`status-${version}`} householdId={h.id} onChanged={changed} />
      <HouseholdMonitoring key={`monitoring-${h.id}`} householdId={h.id} onChanged={changed} focus={focus === 'monitoring'} />
      <WorkSpellsCard key={`work-${h.id}`} householdId={h.id} members={h.members.map((m) => ({ id: m.id, name: m.name, removed: Boolean(m.removedReason) }))} />
      <HouseholdPostsCard key={`posts-${h.id}`} householdId={h.id} />
      <HouseholdAssistance key={`assistance-${h.id}`} householdId={h.id} />
      <HouseholdCredit key={`credit-${h.id}`} householdId={h.id} />
      <ChangesCard key={version} householdId={h.id} onChanged={changed} />
    </div>
  )
}
