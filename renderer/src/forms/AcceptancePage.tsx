/** 项目竣工验收单 (A4 portrait): what was approved against what was built, funds by source, the checks, the conclusion and the signatures. */
import { projectPlace, sourcesWithMoney } from '../../../shared/domain/projects'
import type { ProjectDetail } from '../../../shared/domain/projects'
import { useCall } from '../common/api/use-call'
import { cnDate, dash, keep, plain, PrintShell, SealBox, yuan } from './PrintShell'
import { ProjectTextEditor } from './ProjectTextEditor'

const latest = (p: ProjectDetail, kind: string) => [...p.milestones].reverse().find((m) => m.kind === kind)

export function AcceptancePage({ projectId }: { projectId: number }) {
  const { data, error, loading, reload } = useCall('projects.get', { id: projectId })
  return (
    <PrintShell
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 纵向。验收检查内容、验收意见和整改要求可点「编辑」修改，保存后随项目保存。"
      editor={
        data && (
          <ProjectTextEditor
            key={`${data.id}-${data.acceptanceOpinion ?? ''}-${data.acceptanceChecks ?? ''}-${data.rectification ?? ''}`}
            project={data}
            onSaved={reload}
            fields={[
              { key: 'acceptanceChecks', label: '验收检查内容', placeholder: '如：对照批复核查建设内容和数量；核查资金到位和使用；查阅报账凭证；核查公示公告情况' },
              { key: 'acceptanceOpinion', label: '验收意见' },
              { key: 'rectification', label: '整改要求（验收不合格时填写）' },
            ]}
          />
        )
      }
    >
      {data && <AcceptanceForm p={data} />}
    </PrintShell>
  )
}

function AcceptanceForm({ p }: { p: ProjectDetail }) {
  const acceptance = latest(p, '验收')
  const result = acceptance?.result ?? null
  const sources = sourcesWithMoney(p.totals).filter((s) => (p.totals.bySource[s] ?? 0) > 0)
  const settlement = p.settlementFen
  const rectification = p.rectification ?? (result === '不合格' ? acceptance?.note : null)
  const built = p.indicators.filter((i) => i.level1 === '产出指标')
  return (
    <section className="print-card print-form" aria-label="项目竣工验收单">
      <h1>项目竣工验收单</h1>
      <div className="meta">
        <span>项目编号：{dash(p.projectNo)}</span>
        <span>验收日期：{acceptance ? cnDate(acceptance.date) : '＿＿＿＿年＿＿月＿＿日'}</span>
      </div>
      <table>
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>项目名称</th>
            <td colSpan={3}>{dash(p.projectName)}</td>
          </tr>
          <tr>
            <th>实施地点</th>
            <td>{dash(projectPlace(p.township, p.village, p.location))}</td>
            <th>实施单位</th>
            <td>{dash(p.implementer)}</td>
          </tr>
          <tr>
            <th>项目类别</th>
            <td>{[p.category, p.nature].filter(Boolean).join(' / ')}</td>
            <th>主管部门</th>
            <td>{dash(p.responsibleUnit)}</td>
          </tr>
          <tr>
            <th>开工日期</th>
            <td>{cnDate(latest(p, '开工')?.date)}</td>
            <th>竣工日期</th>
            <td>{cnDate(latest(p, '竣工')?.date)}</td>
          </tr>
          <tr>
            <th>批复建设内容</th>
            <td colSpan={3}>{dash(p.content)}</td>
          </tr>
        </tbody>
      </table>
      <h2>一、批复内容与实际完成情况</h2>
      <table>
        <colgroup>
          <col style={{ width: '8%' }} />
          <col style={{ width: '40%' }} />
          <col style={{ width: '26%' }} />
          <col style={{ width: '26%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>指标</th>
            <th>批复内容</th>
            <th>实际完成内容</th>
          </tr>
        </thead>
        <tbody>
          {built.length === 0 ? (
            <tr>
              <td colSpan={4}>（未填写产出指标）</td>
            </tr>
          ) : (
            built.map((i, n) => (
              <tr key={i.id}>
                <td className="c">{n + 1}</td>
                <td>{i.indicator}</td>
                <td className="c">{keep(`${plain(i.target)}${i.target ? plain(i.unit) : ''}`)}</td>
                <td className="c">{keep(`${plain(i.actual)}${i.actual ? plain(i.unit) : ''}`)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <h2>二、项目资金（单位：元）</h2>
      <table>
        <thead>
          <tr>
            {sources.map((s) => (
              <th key={s}>{s}</th>
            ))}
            <th>总投资</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {sources.map((s) => (
              <td key={s} className="num">
                {yuan(p.totals.bySource[s] ?? 0)}
              </td>
            ))}
            <td className="num">{yuan(p.totals.budgetFen)}</td>
          </tr>
        </tbody>
      </table>
      <table className="follow">
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '18%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>结算金额</th>
            <td className="num">{yuan(settlement)}</td>
            <th>结余金额</th>
            <td className="num">{settlement === null ? '' : yuan(p.totals.budgetFen - settlement)}</td>
            <th>已拨付金额</th>
            <td className="num">{yuan(p.totals.disbursedFen)}</td>
          </tr>
        </tbody>
      </table>
      <h2>三、验收情况</h2>
      <table>
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '84%' }} />
        </colgroup>
        <tbody>
          <tr className="tall">
            <th>验收检查内容</th>
            <td>{dash(p.acceptanceChecks)}</td>
          </tr>
          <tr className="tall">
            <th>验收意见</th>
            <td>{dash(p.acceptanceOpinion)}</td>
          </tr>
          <tr>
            <th>验收结论</th>
            <td>
              <span className="check">{result === '合格' ? '☑' : '☐'} 合格</span>
              <span className="check">{result === '不合格' ? '☑' : '☐'} 不合格</span>
            </td>
          </tr>
          <tr className="tall">
            <th>整改要求</th>
            <td>{result === '合格' ? '无' : dash(rectification)}</td>
          </tr>
        </tbody>
      </table>
      <h2>四、验收签字</h2>
      <table className={p.contractor || p.supervisor ? 'signs dense' : 'signs'}>
        <thead>
          <tr>
            <th>验收组成员（签字）</th>
            <th>村委 / 村监委（签字）</th>
            <th>群众代表（签字）</th>
            {/* 施工单位 and 监理单位 sign where the project has them. */}
            {p.contractor && <th>施工单位（签字）</th>}
            {p.supervisor && <th>监理单位（签字）</th>}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td />
            <td />
            <td />
            {p.contractor && <td className="signer">{dash(p.contractor)}</td>}
            {p.supervisor && <td className="signer">{dash(p.supervisor)}</td>}
          </tr>
        </tbody>
      </table>
      <div className="seal-row follow">
        <SealBox label="乡镇（盖章）" signer="负责人（签字）：" />
        <SealBox label="行业部门（盖章）" signer="负责人（签字）：" />
      </div>
    </section>
  )
}
