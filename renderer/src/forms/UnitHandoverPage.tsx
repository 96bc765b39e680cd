/**
 * 帮扶单位交接表 (A4 portrait): three blocks — 争取的资金 (recorded as obtained by the unit, from whom and
 * for what; never a project's own allocations), 帮村项目, 帮户项目 — each item with its amount and a
 * subtotal, the grand total split into funds obtained and funds the unit raised, the closing statement
 * built from the figures (结余, unfinished projects, unpaid pledges; editable here, not stored) and the
 * seals of unit, township and village. The 「编辑」 panel also records 争取的资金.
 */
import { App, Button, DatePicker, Input, Popconfirm, Select, Space, Table } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { handoverStatement } from '../../../shared/api/forms'
import type { ObtainedFundView, UnitContribution } from '../../../shared/api/projects'
import { formatYuan } from '../../../shared/domain/money'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { cnDate, dash, PrintShell, SealBox, XlsxButton, yuan } from './PrintShell'
import type { UnitHandoverParams } from './routes'

export function UnitHandoverPage({ params }: { params: UnitHandoverParams }) {
  const input = { unitName: params.unit, villageId: params.villageId, from: params.from, to: params.to }
  const { data, error, loading, reload } = useCall('projects.unitContribution', input)
  const villages = useCall('households.villages', {})
  const v = villages.data?.find((x) => x.id === params.villageId)
  const township = v ? `${v.county}${v.township}` : ''
  // Built from the figures once they arrive; what the clerk types then stands until 「按台账重新生成」.
  const built = data ? handoverStatement(data) : ''
  const [statement, setStatement] = useState<string | null>(null)
  const text = statement ?? built
  return (
    <PrintShell
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 纵向。结尾说明按台账的结余、未完成事项和未拨付承诺生成，可点「编辑」修改（只用于本次打印和导出）；争取的资金也在「编辑」中登记。"
      extra={<XlsxButton disabled={!data} make={() => call('forms.unitHandoverXlsx', { ...input, statement: text })} />}
      editor={
        <Space direction="vertical" style={{ width: '100%' }}>
          <label className="print-editor-field">
            <span>结尾说明</span>
            <Input.TextArea aria-label="结尾说明" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} value={text} onChange={(e) => setStatement(e.target.value)} />
          </label>
          <Button onClick={() => setStatement(null)}>按台账重新生成</Button>
          <ObtainedFundsEditor unitName={params.unit} villageId={params.villageId} onChanged={reload} />
        </Space>
      }
    >
      {data && <HandoverTable c={data} township={township} statement={text.trim() || built} />}
    </PrintShell>
  )
}

/** 争取的资金 of this unit for this village: the list and a line to add one (audited through the write path). */
function ObtainedFundsEditor({ unitName, villageId, onChanged }: { unitName: string; villageId: number; onChanged(): void }) {
  const { message } = App.useApp()
  const list = useCall('projects.obtainedFunds', { unitName, villageId })
  const projects = useCall('projects.list', { villageId, pageSize: 200 })
  const empty = { date: null as Dayjs | null, amount: '', grantor: '', purpose: '', projectId: null as number | null }
  const [draft, setDraft] = useState(empty)
  const [busy, setBusy] = useState(false)
  const changed = () => {
    list.reload()
    onChanged()
  }
  const add = async () => {
    setBusy(true)
    try {
      await call('projects.addObtainedFund', {
        unitName,
        villageId,
        date: draft.date?.format('YYYY-MM-DD') ?? '',
        amount: draft.amount.replace(/[,，\s]/g, ''),
        grantor: draft.grantor,
        purpose: draft.purpose,
        projectId: draft.projectId,
      })
      message.success('已登记争取的资金')
      setDraft(empty)
      changed()
    } catch (err) {
      message.error((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const remove = async (id: number) => {
    try {
      await call('projects.deleteObtainedFund', { id })
      message.success('已删除')
      changed()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <div className="print-editor-field">
      <span>争取的资金（帮扶单位为本村争取到的资金，与项目自身的预算分开登记）</span>
      <Table<ObtainedFundView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data ?? []}
        locale={{ emptyText: '尚未登记争取的资金' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '资金来自', dataIndex: 'grantor', width: 160 },
          { title: '用途', dataIndex: 'purpose' },
          { title: '用于项目', dataIndex: 'projectName', width: 180 },
          { title: '金额（元）', dataIndex: 'amountFen', width: 140, align: 'right', render: (f: number) => formatYuan(f).replace(/ 元$/, '') },
          {
            title: '',
            key: 'ops',
            width: 70,
            render: (_: unknown, r) => (
              <Can op="projects.deleteObtainedFund" hide>
                <Popconfirm title="删除这条争取资金记录？" okText="删除" cancelText="取消" onConfirm={() => void remove(r.id)}>
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Can>
            ),
          },
        ]}
      />
      <Can op="projects.addObtainedFund" hide>
      <Space wrap style={{ marginTop: 6 }}>
        <DatePicker aria-label="争取日期" placeholder="争取日期" value={draft.date} onChange={(d) => setDraft({ ...draft, date: d })} />
        <Input aria-label="资金来自" placeholder="资金来自，如 示例市财政局" style={{ width: 200 }} value={draft.grantor} onChange={(e) => setDraft({ ...draft, grantor: e.target.value })} />
        <Input aria-label="用途" placeholder="用途" style={{ width: 240 }} value={draft.purpose} onChange={(e) => setDraft({ ...draft, purpose: e.target.value })} />
        <Select
          aria-label="用于项目"
          placeholder="用于项目（可不选）"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          value={draft.projectId}
          onChange={(v: number | undefined) => setDraft({ ...draft, projectId: v ?? null })}
          options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Input aria-label="争取金额（元）" placeholder="金额" suffix="元" style={{ width: 150 }} value={draft.amount} onChange={(e) => setDraft({ ...draft, amount: e.target.value })} />
        <Button type="primary" loading={busy} onClick={() => void add()}>
          登记争取的资金
        </Button>
      </Space>
      </Can>
    </div>
  )
}

function HandoverTable({ c, township, statement }: { c: UnitContribution; township: string; statement: string }) {
  const period = c.from || c.to ? `${c.from ? cnDate(c.from) : '—'} 至 ${c.to ? cnDate(c.to) : '—'}` : '全部'
  const block = (title: string, items: { key: string; name: string; year: string | null; detail: string; amountFen: number }[], subtotal: number) => [
    <tr key={`${title}-h`} className="block">
      <td colSpan={5}>{title}</td>
    </tr>,
    ...(items.length === 0
      ? [
          <tr key={`${title}-none`}>
            <td />
            <td>（无）</td>
            <td />
            <td />
            <td className="num">{yuan(0)}</td>
          </tr>,
        ]
      : items.map((it, i) => (
          <tr key={it.key}>
            <td className="c">{i + 1}</td>
            <td>{dash(it.name)}</td>
            <td className="c">{it.year ?? ''}</td>
            <td className="c">{it.detail}</td>
            <td className="num">{yuan(it.amountFen)}</td>
          </tr>
        ))),
    <tr key={`${title}-s`} className="total">
      <td />
      <td className="c">小计</td>
      <td />
      <td />
      <td className="num">{yuan(subtotal)}</td>
    </tr>,
  ]
  return (
    <section className="print-card print-form" aria-label="帮扶单位交接表">
      <h1>{`${township}${c.village}帮扶单位交接表`}</h1>
      <div className="meta">
        <span>帮扶单位：{c.unitName}</span>
        <span>帮扶期间：{period}</span>
        <span>金额单位：元</span>
      </div>
      <table>
        <colgroup>
          <col style={{ width: '7%' }} />
          <col style={{ width: '45%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '17%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>项目（事项）</th>
            <th>年度</th>
            <th>资金来源 / 受益户数</th>
            <th>金额（元）</th>
          </tr>
        </thead>
        <tbody>
          {block(
            '一、争取的资金',
            c.obtained.map((o) => ({ key: `o${o.id}`, name: `${o.purpose}${o.projectName ? `（用于${o.projectName}）` : ''}`, year: o.date.slice(0, 4), detail: o.grantor, amountFen: o.amountFen })),
            c.obtainedFen,
          )}
          {block(
            '二、帮村项目（单位自筹资金）',
            c.villageProjects.map((o) => ({ key: `v${o.projectId}`, name: o.projectName, year: o.year, detail: '帮扶单位资金', amountFen: o.amountFen })),
            c.villageProjectsFen,
          )}
          {block(
            '三、帮户项目（单位自筹资金）',
            c.householdAid.map((a) => ({ key: `a${a.date}${a.description}`, name: `${a.date} ${a.description}`, year: a.date.slice(0, 4), detail: `${a.households} 户`, amountFen: a.amountFen })),
            c.householdAidFen,
          )}
          <tr className="total grand">
            <td />
            <td className="c">总计</td>
            <td />
            <td />
            <td className="num">{yuan(c.totalFen)}</td>
          </tr>
          <tr>
            <td />
            <td>其中：争取的资金</td>
            <td />
            <td />
            <td className="num">{yuan(c.obtainedFen)}</td>
          </tr>
          <tr>
            <td />
            <td>其中：自筹资金（帮村项目＋帮户项目）</td>
            <td />
            <td />
            <td className="num">{yuan(c.raisedFen)}</td>
          </tr>
        </tbody>
      </table>
      <p className="para statement">{statement}</p>
      <div className="seal-row three">
        <SealBox label="帮扶单位（盖章）" signer="负责人（签字）：" />
        <SealBox label="乡镇（盖章）" signer="负责人（签字）：" />
        <SealBox label="村委会（盖章）" signer="负责人（签字）：" />
      </div>
    </section>
  )
}
