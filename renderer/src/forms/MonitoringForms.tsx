/**
 * The monitoring forms (A4 portrait): 防返贫监测对象识别（纳入）审批表 and 风险消除审批表 of a case, the
 * village 公示 of new monitoring objects and of eliminations (ID numbers and phones masked by the core),
 * and the 一户一策 帮扶计划表. Opinion cells keep room for the seal (4.2 cm) above the date line.
 */
import { Input } from 'antd'
import { useState, type ReactNode } from 'react'
import type { HouseholdPlan, MonitoringApproval, MonitoringFormKind, MonitoringNotice } from '../../../shared/api/forms-monitoring'
import type { NoticeFooter } from '../../../shared/api/forms'
import { GUARANTEE_ITEMS, guaranteeColumn } from '../../../shared/domain/households-rules'
import { INDICATORS, addDays, type CaseView, type StepKey } from '../../../shared/domain/monitoring'
import type { PairingView } from '../../../shared/domain/assistance'
import { useCall } from '../common/api/use-call'
import { FooterEditor } from './NoticePages'
import { cnDate, dash, localToday, NoticeFooterBlock, PrintShell, SealBox, yuan } from './PrintShell'

const helperText = (helpers: PairingView[]) =>
  helpers.map((p) => [p.helperName, p.unitName, p.title, p.phone].filter(Boolean).join(' ')).join('；')
const risksText = (c: CaseView) => c.risks.map((r) => (r === '其他' && c.riskNote ? `其他（${c.riskNote}）` : r)).join('、')
const placeText = (h: { villageName: string; groupName: string | null }) => `${h.villageName}${h.groupName ?? ''}`

/** An opinion cell: the opinion, who, and a clear square for the seal above the date. */
function OpinionCell({ text, by, byLabel, date, seal }: { text: ReactNode; by?: string | null; byLabel: string; date: string | null; seal?: string }) {
  return (
    <div className="opinion-cell">
      <div className="opinion-text">{text}</div>
      <div className="opinion-foot">
        <span>{`${byLabel}：${by ?? ''}`}</span>
        {seal && <span className="opinion-seal">{seal}</span>}
        <span>{date ? cnDate(date) : '＿＿＿＿年＿＿月＿＿日'}</span>
      </div>
    </div>
  )
}

export function MonitoringApprovalPage({ caseId, kind }: { caseId: number; kind: MonitoringFormKind }) {
  const { data, error, loading } = useCall('forms.monitoringApproval', { caseId, kind })
  return (
    <PrintShell ready={!!data} error={error} loading={loading} hint="A4 纵向。送县级审定的内部审批表，含完整证件号码；意见栏留有盖章位置。">
      {data && (kind === 'identify' ? <IdentifyForm a={data} /> : <EliminateForm a={data} />)}
    </PrintShell>
  )
}

function HeadRows({ a }: { a: MonitoringApproval }) {
  const h = a.household
  const head = h.members.find((m) => m.relation === '户主' && !m.removedReason)
  return (
    <>
      <tr>
        <th>户主姓名</th>
        <td>{head?.name ?? ''}</td>
        <th>证件号码</th>
        <td className="mono">{dash(head?.idNumber)}</td>
      </tr>
      <tr>
        <th>所在村组</th>
        <td>{placeText(h)}</td>
        <th>联系电话</th>
        <td>{dash(h.phone)}</td>
      </tr>
      <tr>
        <th>户类型</th>
        <td>{dash(h.householdType)}</td>
        <th>监测对象类别</th>
        <td>{a.case.category}</td>
      </tr>
    </>
  )
}

function MembersTable({ a }: { a: MonitoringApproval }) {
  const members = a.household.members.filter((m) => !m.removedReason)
  return (
    <table className="follow">
      <colgroup>
        <col style={{ width: '6%' }} />
        <col style={{ width: '12%' }} />
        <col style={{ width: '11%' }} />
        <col style={{ width: '27%' }} />
        <col style={{ width: '14%' }} />
        <col style={{ width: '14%' }} />
        <col style={{ width: '16%' }} />
      </colgroup>
      <thead>
        <tr>
          <th>序号</th>
          <th>姓名</th>
          <th>与户主关系</th>
          <th>证件号码</th>
          <th>健康状况</th>
          <th>劳动技能</th>
          <th>在校生状况</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m, i) => (
          <tr key={m.id}>
            <td className="c">{i + 1}</td>
            <td className="c">{m.name}</td>
            <td className="c">{dash(m.relation)}</td>
            <td className="c mono">{dash(m.idNumber)}</td>
            <td className="c">{dash(m.health)}</td>
            <td className="c">{dash(m.labourSkill)}</td>
            <td className="c">{dash(m.schoolStatus)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const period = (c: CaseView, key: StepKey) => {
  const s = c.steps[key]
  return s.date ? `公示期：${cnDate(s.date)}至${cnDate(s.endDate)}` : '公示期：＿＿＿＿年＿＿月＿＿日至＿＿＿＿年＿＿月＿＿日'
}

function IdentifyForm({ a }: { a: MonitoringApproval }) {
  const c = a.case
  return (
    <section className="print-card print-form" aria-label="防返贫监测对象识别（纳入）审批表">
      <h1>防返贫监测对象识别（纳入）审批表</h1>
      <div className="meta">
        <span>{`${a.township}${placeText(a.household)}`}</span>
        <span>户编号：{dash(a.household.householdNo)}</span>
      </div>
      <table>
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '33%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '33%' }} />
        </colgroup>
        <tbody>
          <HeadRows a={a} />
          <tr>
            <th>致贫返贫风险</th>
            <td>{risksText(c)}</td>
            <th>识别方式</th>
            <td>{c.foundBy}</td>
          </tr>
          <tr>
            <th>识别时家庭人口</th>
            <td>{`${c.sizeAtIdentification} 人`}</td>
            <th>识别时家庭纯收入</th>
            <td>{`${yuan(c.incomeAtIdentificationFen)} 元`}</td>
          </tr>
          <tr>
            <th>识别时人均纯收入</th>
            <td>{`${yuan(c.perCapitaAtIdentificationFen)} 元`}</td>
            <th>{`${a.lineYear}年监测线`}</th>
            <td>{a.lineFen === null ? '（未设置）' : `${yuan(a.lineFen)} 元/人/年`}</td>
          </tr>
          <tr>
            <th>是否返贫</th>
            <td>{dash(c.returnedToPoverty)}</td>
            <th>是否致贫</th>
            <td>{dash(c.fellIntoPoverty)}</td>
          </tr>
          <tr>
            <th>帮扶责任人</th>
            <td colSpan={3}>{dash(helperText(a.helpers))}</td>
          </tr>
        </tbody>
      </table>
      <h2>家庭成员</h2>
      <MembersTable a={a} />
      <h2>识别程序</h2>
      <table>
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '83%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>申报或排查</th>
            <td>
              <OpinionCell text={`${c.foundBy}。`} byLabel="信息采集人" by={c.steps.report.by} date={c.steps.report.date} />
            </td>
          </tr>
          <tr>
            <th>村级民主评议和公示</th>
            <td className="seal-cell">
              <OpinionCell
                text={`${cnDate(c.steps.review.date) || '＿＿＿＿年＿＿月＿＿日'}经村民代表民主评议（组织：${c.steps.review.by ?? '＿＿＿＿'}），☐ 同意  ☐ 不同意 列为拟纳入监测对象。\n${period(c, 'publicity')}，公示结果：☐ 无异议  ☐ 有异议。`}
                byLabel="村委会负责人（签字）"
                by={null}
                date={c.steps.publicity.endDate}
                seal="村民委员会（盖章）"
              />
            </td>
          </tr>
          <tr>
            <th>乡镇审核意见</th>
            <td className="seal-cell">
              <OpinionCell text={dash(c.steps.township.opinion)} byLabel="审核人" by={c.steps.township.by} date={c.steps.township.date} seal="乡镇人民政府（盖章）" />
            </td>
          </tr>
          <tr>
            <th>县级审定意见</th>
            <td className="seal-cell">
              <OpinionCell
                text={`${dash(c.steps.county.opinion)}\n纳入监测审批时间：${c.steps.county.date ? cnDate(c.steps.county.date) : '＿＿＿＿年＿＿月＿＿日'}`}
                byLabel="审定人"
                by={c.steps.county.by}
                date={c.steps.county.date}
                seal="县级乡村振兴部门（盖章）"
              />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  )
}

function EliminateForm({ a }: { a: MonitoringApproval }) {
  const c = a.case
  const total = c.measures.reduce((n, m) => n + (m.amountFen ?? 0), 0)
  const ind = (key: (typeof INDICATORS)[number]['key']) => {
    const v = c.indicators[key]
    return v === null ? '' : typeof v === 'number' ? yuan(v) : v
  }
  const pairs: [(typeof INDICATORS)[number], (typeof INDICATORS)[number] | undefined][] = []
  for (let i = 0; i < INDICATORS.length; i += 2) pairs.push([INDICATORS[i]!, INDICATORS[i + 1]])
  const short = (label: string) => label.replace(/^风险消除后/, '')
  const perCapita = c.indicators.after_per_capita_fen
  return (
    <section className="print-card print-form" aria-label="防返贫监测对象风险消除审批表">
      <h1>防返贫监测对象风险消除审批表</h1>
      <div className="meta">
        <span>{`${a.township}${placeText(a.household)}`}</span>
        <span>户编号：{dash(a.household.householdNo)}</span>
      </div>
      <table>
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '33%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '33%' }} />
        </colgroup>
        <tbody>
          <HeadRows a={a} />
          <tr>
            <th>致贫返贫风险</th>
            <td>{risksText(c)}</td>
            <th>纳入监测时间</th>
            <td>{cnDate(c.steps.county.date)}</td>
          </tr>
          <tr>
            <th>风险消除方式</th>
            <td>{dash(c.eliminationMethod)}</td>
            <th>实施开发式帮扶</th>
            <td>{c.developmentMeasure ? '是' : '否'}</td>
          </tr>
          <tr>
            <th>帮扶责任人</th>
            <td colSpan={3}>{dash(helperText(a.helpers))}</td>
          </tr>
        </tbody>
      </table>
      <h2>一、帮扶措施落实情况（金额单位：元）</h2>
      <table>
        <colgroup>
          <col style={{ width: '6%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '36%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '15%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>日期</th>
            <th>措施类别</th>
            <th>帮扶措施</th>
            <th>金额</th>
            <th>责任人</th>
          </tr>
        </thead>
        <tbody>
          {c.measures.length === 0 && (
            <tr>
              <td colSpan={6} className="c">（未登记帮扶措施）</td>
            </tr>
          )}
          {c.measures.map((m, i) => (
            <tr key={m.id}>
              <td className="c">{i + 1}</td>
              <td className="c">{m.date}</td>
              <td className="c">{m.kind}</td>
              <td>{[m.items.join('、'), m.otherNote].filter(Boolean).join('：')}</td>
              <td className="num">{yuan(m.amountFen)}</td>
              <td className="c">{m.responsible}</td>
            </tr>
          ))}
          {c.measures.length > 0 && (
            <tr className="total">
              <td colSpan={4} className="c">合计</td>
              <td className="num">{yuan(total)}</td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
      <h2>二、风险消除后情况（收入单位：元）</h2>
      <table>
        <colgroup>
          <col style={{ width: '34%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
          <col style={{ width: '16%' }} />
        </colgroup>
        <tbody>
          {pairs.map(([l, r]) => (
            <tr key={l.key}>
              <th>{short(l.label)}</th>
              <td className={l.kind === 'money' ? 'num' : 'c'}>{ind(l.key)}</td>
              <th>{r ? short(r.label) : `${a.lineYear}年监测线`}</th>
              <td className={!r || r.kind === 'money' ? 'num' : 'c'}>{r ? ind(r.key) : a.lineFen === null ? '（未设置）' : yuan(a.lineFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {typeof perCapita === 'number' && a.lineFen !== null && (
        <p className="form-note">{`风险消除后家庭人均纯收入 ${yuan(perCapita)} 元，${perCapita >= a.lineFen ? '高于' : '低于'} ${a.lineYear} 年监测线 ${yuan(a.lineFen)} 元。`}</p>
      )}
      <h2>三、风险消除程序</h2>
      <table>
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '83%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>村级民主评议和公示</th>
            <td className="seal-cell">
              <OpinionCell
                text={`${cnDate(c.steps.elim_review.date) || '＿＿＿＿年＿＿月＿＿日'}经村民代表民主评议（组织：${c.steps.elim_review.by ?? '＿＿＿＿'}），☐ 同意  ☐ 不同意 按「${dash(c.eliminationMethod)}」消除风险。\n${period(c, 'elim_publicity')}，公示结果：☐ 无异议  ☐ 有异议。`}
                byLabel="村委会负责人（签字）"
                by={null}
                date={c.steps.elim_publicity.endDate}
                seal="村民委员会（盖章）"
              />
            </td>
          </tr>
          <tr>
            <th>乡镇审核意见</th>
            <td className="seal-cell">
              <OpinionCell text={dash(c.steps.elim_township.opinion)} byLabel="审核人" by={c.steps.elim_township.by} date={c.steps.elim_township.date} seal="乡镇人民政府（盖章）" />
            </td>
          </tr>
          <tr>
            <th>县级审定意见</th>
            <td className="seal-cell">
              <OpinionCell text={dash(c.steps.elim_county.opinion)} byLabel="审定人" by={c.steps.elim_county.by} date={c.steps.elim_county.date} seal="县级乡村振兴部门（盖章）" />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  )
}

const KIND_TEXT: Record<MonitoringFormKind, { title: string; intro: string; how: string }> = {
  identify: {
    title: '拟纳入防返贫监测对象公示',
    intro: '根据防止返贫动态监测和帮扶工作要求，经农户申报、基层干部排查或部门筛查预警，村级民主评议，拟将以下农户纳入防返贫监测对象，现予公示：',
    how: '识别方式',
  },
  eliminate: {
    title: '拟风险消除防返贫监测对象公示',
    intro: '根据防止返贫动态监测和帮扶工作要求，经入户核实、村级民主评议，以下监测对象拟消除返贫致贫风险，现予公示：',
    how: '消除方式',
  },
}

export function MonitoringNoticePage({ villageId, kind }: { villageId: number; kind: MonitoringFormKind }) {
  const { data, error, loading } = useCall('forms.monitoringNotice', { villageId, kind })
  const [edited, setFooter] = useState<NoticeFooter | null>(null)
  const footer: NoticeFooter = edited ?? {
    from: data?.period?.from ?? localToday(),
    to: data?.period?.to ?? (data ? addDays(localToday(), data.publicityDays - 1) : localToday()),
    phone: '',
  }
  return (
    <PrintShell
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 纵向，张贴于村务公开栏。证件号码和电话一律隐藏中间位数。公示期和监督电话可点「编辑」修改。"
      editor={<FooterEditor footer={footer} onChange={setFooter} />}
    >
      {data && <MonitoringNoticeForm n={data} footer={footer} />}
    </PrintShell>
  )
}

function MonitoringNoticeForm({ n, footer }: { n: MonitoringNotice; footer: NoticeFooter }) {
  const text = KIND_TEXT[n.kind]
  return (
    <section className="print-card print-form" aria-label={text.title}>
      <h1>{`${n.village}${text.title}`}</h1>
      <p className="para statement">{text.intro}</p>
      <table className="dense">
        <colgroup>
          <col style={{ width: '5%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '12%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>村民小组</th>
            <th>户主姓名</th>
            <th>证件号码</th>
            <th>联系电话</th>
            <th>人口</th>
            <th>监测对象类别</th>
            <th>致贫返贫风险</th>
            <th>{text.how}</th>
          </tr>
        </thead>
        <tbody>
          {n.rows.map((r, i) => (
            <tr key={r.caseId}>
              <td className="c">{i + 1}</td>
              <td className="c">{dash(r.group)}</td>
              <td className="c">{r.headName}</td>
              <td className="c mono">{r.idMasked}</td>
              <td className="c mono">{r.phoneMasked}</td>
              <td className="c">{r.size}</td>
              <td className="c">{r.category}</td>
              <td className="c">{r.risks}</td>
              <td className="c">{r.how}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={5} className="c">合计</td>
            <td className="c">{n.rows.reduce((s, r) => s + r.size, 0)}</td>
            <td colSpan={3} className="c">{`共 ${n.rows.length} 户`}</td>
          </tr>
        </tbody>
      </table>
      <NoticeFooterBlock {...footer} township={n.township} sealer={`${n.village}村民委员会`} />
    </section>
  )
}

export function HouseholdPlanPage({ householdId }: { householdId: number }) {
  const { data, error, loading } = useCall('forms.householdPlan', { householdId })
  const [next, setNext] = useState('')
  return (
    <PrintShell
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 纵向。计划措施按风险自动列出尚未落实的类别；「下一步帮扶打算」可点「编辑」填写（只用于本次打印）。"
      editor={
        <label className="print-editor-field">
          <span>下一步帮扶打算</span>
          <Input.TextArea aria-label="下一步帮扶打算" rows={3} maxLength={500} value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
      }
    >
      {data && <HouseholdPlanForm p={data} next={next} />}
    </PrintShell>
  )
}

function HouseholdPlanForm({ p, next }: { p: HouseholdPlan; next: string }) {
  const h = p.household
  const c = p.case
  const head = h.members.find((m) => m.relation === '户主' && !m.removedReason)
  const members = h.members.filter((m) => !m.removedReason)
  const gaps = GUARANTEE_ITEMS.filter((g) => h.values[guaranteeColumn(g.key)] === '有短板').map((g) => g.label)
  // Room to add measures by hand.
  const blanks = Math.max(2, 6 - p.rows.length)
  return (
    <section className="print-card print-form" aria-label="一户一策帮扶计划表">
      <h1>一户一策帮扶计划表</h1>
      <div className="meta">
        <span>{`${p.township}${placeText(h)}`}</span>
        <span>{`${p.year} 年度`}</span>
        <span>户编号：{dash(h.householdNo)}</span>
      </div>
      <table>
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '33%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '33%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>户主姓名</th>
            <td>{head?.name ?? ''}</td>
            <th>证件号码</th>
            <td className="mono">{dash(head?.idNumber)}</td>
          </tr>
          <tr>
            <th>家庭人口</th>
            <td>{`${members.length} 人`}</td>
            <th>户类型</th>
            <td>{dash(h.householdType)}</td>
          </tr>
          <tr>
            <th>监测对象类别</th>
            <td>{c ? c.category : dash(h.monitoringCategory)}</td>
            <th>纳入监测时间</th>
            <td>{c ? cnDate(c.steps.county.date) : ''}</td>
          </tr>
          <tr>
            <th>致贫返贫风险</th>
            <td>{c ? risksText(c) : ''}</td>
            <th>人均纯收入</th>
            <td>{h.perCapitaNetIncomeFen === null ? '' : `${yuan(h.perCapitaNetIncomeFen)} 元`}</td>
          </tr>
          <tr>
            <th>三保障短板</th>
            <td colSpan={3}>{gaps.length ? gaps.join('、') : '无'}</td>
          </tr>
          <tr>
            <th>帮扶责任人</th>
            <td colSpan={3}>{dash(helperText(p.helpers))}</td>
          </tr>
          <tr>
            <th>家庭成员</th>
            <td colSpan={3}>{members.map((m) => [m.name, m.relation, m.health, m.labourSkill].filter(Boolean).join(' ')).join('；')}</td>
          </tr>
        </tbody>
      </table>
      <h2>帮扶计划与落实情况（金额单位：元）</h2>
      <table>
        <colgroup>
          <col style={{ width: '6%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '33%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '10%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>措施类别</th>
            <th>帮扶内容</th>
            <th>落实时间</th>
            <th>金额</th>
            <th>责任人</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r, i) => (
            <tr key={`${r.state}-${i}`}>
              <td className="c">{i + 1}</td>
              <td className="c">{r.kind}</td>
              <td>{r.content}</td>
              <td className="c">{dash(r.date)}</td>
              <td className="num">{yuan(r.amountFen)}</td>
              <td className="c">{dash(r.responsible)}</td>
              <td className="c">{r.state}</td>
            </tr>
          ))}
          {Array.from({ length: blanks }, (_, i) => (
            <tr key={`blank-${i}`} className="blank-row">
              <td className="c">{p.rows.length + i + 1}</td>
              <td />
              <td />
              <td />
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <table className="follow">
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '83%' }} />
        </colgroup>
        <tbody>
          <tr className="tall">
            <th>下一步帮扶打算</th>
            <td>{next}</td>
          </tr>
        </tbody>
      </table>
      <div className="seal-row">
        <SealBox label="户主（签字）" seal={false} />
        <SealBox label="帮扶责任人（签字）" seal={false} />
        <SealBox label="村民委员会（盖章）" />
      </div>
    </section>
  )
}
