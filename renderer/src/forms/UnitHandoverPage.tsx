/**
 * 帮扶单位交接表 (A4 portrait): three blocks — 争取的财政资金, 帮村项目, 帮户项目 — each item with its
 * amount and a subtotal, the grand total split into fiscal funds obtained and funds the unit raised, the
 * closing statement (editable here, not stored) and the seals of unit, township and village.
 */
import { Button, Input, Space } from 'antd'
import { useState } from 'react'
import { DEFAULT_HANDOVER_STATEMENT } from '../../../shared/api/forms'
import type { UnitContribution } from '../../../shared/api/projects'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { cnDate, PrintShell, SealBox, XlsxButton, yuan } from './PrintShell'
import type { UnitHandoverParams } from './routes'

export function UnitHandoverPage({ params }: { params: UnitHandoverParams }) {
  const input = { unitName: params.unit, villageId: params.villageId, from: params.from, to: params.to }
  const { data, error, loading } = useCall('projects.unitContribution', input)
  const villages = useCall('households.villages', {})
  const v = villages.data?.find((x) => x.id === params.villageId)
  const township = v ? `${v.county}${v.township}` : ''
  const [statement, setStatement] = useState(DEFAULT_HANDOVER_STATEMENT)
  return (
    <PrintShell
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 纵向。结尾说明可点「编辑」修改（只用于本次打印和导出）。"
      extra={<XlsxButton disabled={!data} make={() => call('forms.unitHandoverXlsx', { ...input, statement })} />}
      editor={
        <Space direction="vertical" style={{ width: '100%' }}>
          <label className="print-editor-field">
            <span>结尾说明</span>
            <Input.TextArea aria-label="结尾说明" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} value={statement} onChange={(e) => setStatement(e.target.value)} />
          </label>
          <Button onClick={() => setStatement(DEFAULT_HANDOVER_STATEMENT)}>恢复默认说明</Button>
        </Space>
      }
    >
      {data && <HandoverTable c={data} township={township} statement={statement.trim() || DEFAULT_HANDOVER_STATEMENT} />}
    </PrintShell>
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
            <td>{it.name}</td>
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
        <span>单位：元</span>
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
            '一、争取的财政资金',
            c.obtained.map((o) => ({ key: `o${o.projectId}`, name: o.projectName, year: o.year, detail: o.sources, amountFen: o.amountFen })),
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
            <td>其中：争取的财政资金</td>
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
