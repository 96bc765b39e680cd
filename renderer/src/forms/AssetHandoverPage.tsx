/** 扶贫项目资产移交表 (A4 landscape): the project's assets in the county's columns, the total 原值, and 移交方 / 接收方 / 监交方. */
import { projectPlace, sourcesWithMoney, type AssetView, type ProjectDetail } from '../../../shared/domain/projects'
import { useCall } from '../common/api/use-call'
import { cnDate, dash, keep, plain, PrintShell, SealBox, yuan } from './PrintShell'
import { ProjectTextEditor } from './ProjectTextEditor'

const COLUMNS: [string, number][] = [
  ['序号', 3.5],
  ['资产名称', 9],
  ['资产编号', 7.5],
  ['类别', 4.5],
  ['来源项目', 9],
  ['建成时间', 7],
  ['资产原值（元）', 8],
  ['资金来源', 8],
  ['数量 / 规模', 5.5],
  ['所在位置', 7],
  ['所有权人', 8],
  ['经营权人', 7.5],
  ['管护主体', 7],
  ['管护责任人', 5],
  ['收益分配方式', 11.5],
]

/** 所有权人 of a 到户类 asset names the household. */
const owner = (a: AssetView) => (a.category === '到户类' && a.householdLabel ? keep(`${plain(a.owner)}（${a.householdLabel}）`) : dash(a.owner))

export function AssetHandoverPage({ projectId }: { projectId: number }) {
  const { data, error, loading, reload } = useCall('projects.get', { id: projectId })
  return (
    <PrintShell
      landscape
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 横向。交接说明可点「编辑」修改。"
      editor={data && <ProjectTextEditor key={`${data.id}-${data.handoverNote ?? ''}`} project={data} onSaved={reload} fields={[{ key: 'handoverNote', label: '交接说明' }]} />}
    >
      {data && <HandoverForm p={data} />}
    </PrintShell>
  )
}

function HandoverForm({ p }: { p: ProjectDetail }) {
  const sources = sourcesWithMoney(p.totals).filter((s) => (p.totals.bySource[s] ?? 0) > 0).join('、')
  const handedOver = [...p.milestones].reverse().find((m) => m.kind === '资产移交')
  const total = p.assets.reduce((n, a) => n + (a.originalValueFen ?? 0), 0)
  return (
    <section className="print-card print-form" aria-label="扶贫项目资产移交表">
      <h1>扶贫项目资产移交表</h1>
      <div className="meta">
        <span>来源项目：{p.projectName}</span>
        <span>项目编号：{dash(p.projectNo)}</span>
        <span>实施地点：{dash(projectPlace(p.township, p.village, p.location))}</span>
        <span>移交日期：{handedOver ? cnDate(handedOver.date) : '＿＿＿＿年＿＿月＿＿日'}</span>
      </div>
      <table className="dense">
        <colgroup>
          {COLUMNS.map(([h, w]) => (
            <col key={h} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map(([h]) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.assets.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length}>（该项目尚未登记资产）</td>
            </tr>
          )}
          {p.assets.map((a, i) => (
            <tr key={a.id}>
              <td className="c">{i + 1}</td>
              <td>{a.name}</td>
              <td>{dash(a.assetNo)}</td>
              <td className="c">{a.category}</td>
              <td>{a.projectName}</td>
              <td className="c">{dash(a.builtDate)}</td>
              <td className="num">{yuan(a.originalValueFen)}</td>
              <td>{sources}</td>
              <td className="c">{keep(`${plain(a.quantity)}${plain(a.unit)}`)}</td>
              <td>{dash(a.location)}</td>
              <td>{owner(a)}</td>
              <td>{dash(a.operator)}</td>
              <td>{dash(a.custodian)}</td>
              <td>{dash(a.custodianPerson)}</td>
              <td>{dash(a.incomeDistribution)}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={2} className="c">
              合计
            </td>
            <td colSpan={4} className="c">{`${p.assets.length} 项`}</td>
            <td className="num">{yuan(total)}</td>
            <td colSpan={8} />
          </tr>
        </tbody>
      </table>
      <p className="para">
        <b>交接说明：</b>
        {p.handoverNote || '上述资产经验收合格，账实相符，自移交之日起由接收方负责管理和管护，确保资产保值增值、持续发挥效益。'}
      </p>
      <p className="para">附件：1. 项目竣工验收报告（验收单）；2. 项目决算（结算）资料。</p>
      <div className="seal-row three">
        <SealBox label="移交方（盖章）" signer="经办人（签字）：" />
        <SealBox label="接收方（盖章）" signer="经办人（签字）：" />
        <SealBox label="监交方（盖章）" signer="经办人（签字）：" />
      </div>
    </section>
  )
}
