/**
 * 公示: a year's projects (A4 landscape) and a project's beneficiary households (A4 portrait, ID numbers
 * always masked — the core never sends them in full). The notice period is typed on the page; the
 * 监督举报电话 comes from the setting (「设为默认电话」 stores what is typed).
 */
import { App, Button, Input, Space } from 'antd'
import { useEffect, useState } from 'react'
import type { BeneficiaryNotice, NoticeFooter, ProjectNotice } from '../../../shared/api/forms'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { cnDate, dash, localToday, NoticeFooterBlock, PrintShell, XlsxButton, yuan } from './PrintShell'

/** 公示期 at least 10 days from today, by default; the phone from the setting until the clerk types one. */
function useFooter() {
  const state = useState<NoticeFooter>(() => ({ from: localToday(), to: localToday(10), phone: '' }))
  const [, setFooter] = state
  const settings = useCall('forms.settings', {})
  const saved = settings.data?.noticePhone
  useEffect(() => {
    if (saved) setFooter((f) => (f.phone ? f : { ...f, phone: saved }))
  }, [saved, setFooter])
  return state
}

export function FooterEditor({ footer, onChange }: { footer: NoticeFooter; onChange(f: NoticeFooter): void }) {
  const { message } = App.useApp()
  const saveDefault = async () => {
    try {
      await call('forms.saveSettings', { noticePhone: footer.phone })
      message.success(footer.phone ? `已将「${footer.phone}」设为各公示默认的监督举报电话` : '已清除默认的监督举报电话')
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <Space wrap>
      <label className="print-editor-field inline">
        <span>公示期自</span>
        <Input type="date" aria-label="公示期自" value={footer.from} onChange={(e) => onChange({ ...footer, from: e.target.value })} />
      </label>
      <label className="print-editor-field inline">
        <span>至</span>
        <Input type="date" aria-label="公示期至" value={footer.to} onChange={(e) => onChange({ ...footer, to: e.target.value })} />
      </label>
      <label className="print-editor-field inline">
        <span>监督举报电话</span>
        <Input aria-label="监督举报电话" maxLength={40} value={footer.phone} onChange={(e) => onChange({ ...footer, phone: e.target.value })} />
      </label>
      <Can op="forms.saveSettings">
        <Button onClick={() => void saveDefault()}>设为默认电话</Button>
      </Can>
    </Space>
  )
}

const validFooter = (f: NoticeFooter) => /^\d{4}-\d{2}-\d{2}$/.test(f.from) && /^\d{4}-\d{2}-\d{2}$/.test(f.to)

export function ProjectNoticePage({ year }: { year: string }) {
  const { data, error, loading } = useCall('forms.projectNotice', { year })
  const [footer, setFooter] = useFooter()
  return (
    <PrintShell
      landscape
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 横向。公示期和监督举报电话可点「编辑」填写。"
      editor={<FooterEditor footer={footer} onChange={setFooter} />}
      extra={<XlsxButton disabled={!data || !validFooter(footer)} make={() => call('forms.noticeXlsx', { kind: 'projects', year, ...footer })} />}
    >
      {data && <ProjectNoticeForm n={data} footer={footer} />}
    </PrintShell>
  )
}

/** 实施期限 as printed: 「2025年3月1日至2025年10月31日」. */
const period = (from: string | null, to: string | null) => (from || to ? `${from ? cnDate(from) : '—'}至${to ? cnDate(to) : '—'}` : '')

function ProjectNoticeForm({ n, footer }: { n: ProjectNotice; footer: NoticeFooter }) {
  // Widths in percent: fixed columns, then the sources share what is left.
  const fixed = { no: 3, name: 9, place: 7, content: 11, period: 7, goals: 10, link: 10, total: 7, households: 3, implementer: 6, person: 5 }
  const share = (100 - Object.values(fixed).reduce((a, b) => a + b, 0)) / Math.max(1, n.sources.length)
  return (
    <section className="print-card print-form" aria-label="项目公示">
      <h1>{`${n.township}${n.year}年度衔接资金项目公示`}</h1>
      <div className="meta">
        <span>{`共 ${n.rows.length} 个项目`}</span>
        <span>金额单位：元</span>
      </div>
      <table className="dense notice">
        <colgroup>
          <col style={{ width: `${fixed.no}%` }} />
          <col style={{ width: `${fixed.name}%` }} />
          <col style={{ width: `${fixed.place}%` }} />
          <col style={{ width: `${fixed.content}%` }} />
          <col style={{ width: `${fixed.period}%` }} />
          <col style={{ width: `${fixed.goals}%` }} />
          <col style={{ width: `${fixed.link}%` }} />
          {n.sources.map((s) => (
            <col key={s} style={{ width: `${share}%` }} />
          ))}
          <col style={{ width: `${fixed.total}%` }} />
          <col style={{ width: `${fixed.households}%` }} />
          <col style={{ width: `${fixed.implementer}%` }} />
          <col style={{ width: `${fixed.person}%` }} />
        </colgroup>
        <thead>
          <tr>
            <th rowSpan={2}>序号</th>
            <th rowSpan={2}>项目名称</th>
            <th rowSpan={2}>实施地点</th>
            <th rowSpan={2}>建设内容</th>
            <th rowSpan={2}>实施期限</th>
            <th rowSpan={2}>绩效目标</th>
            <th rowSpan={2}>联农带农机制</th>
            <th colSpan={n.sources.length + 1}>资金规模及来源（元）</th>
            <th rowSpan={2}>受益户数</th>
            <th rowSpan={2}>实施单位</th>
            <th rowSpan={2}>责任人</th>
          </tr>
          <tr>
            {n.sources.map((s) => (
              <th key={s}>{s}</th>
            ))}
            <th>合计</th>
          </tr>
        </thead>
        <tbody>
          {n.rows.length === 0 && (
            <tr>
              <td colSpan={n.sources.length + 11}>（该年度没有项目）</td>
            </tr>
          )}
          {n.rows.map((r, i) => (
            <tr key={r.projectId}>
              <td className="c">{i + 1}</td>
              <td>{dash(r.name)}</td>
              <td>{dash(r.place)}</td>
              <td>{dash(r.content)}</td>
              <td className="c">{dash(period(r.plannedStart, r.plannedEnd))}</td>
              <td>{dash(r.goals)}</td>
              <td>{dash(r.farmerLink)}</td>
              {n.sources.map((s) => (
                <td key={s} className="num">
                  {yuan(r.bySource[s] ?? 0)}
                </td>
              ))}
              <td className="num">{yuan(r.totalFen)}</td>
              <td className="c">{r.households}</td>
              <td>{dash(r.implementer)}</td>
              <td className="c">{dash(r.responsiblePerson)}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={7} className="c">
              合计
            </td>
            {n.sources.map((s) => (
              <td key={s} className="num">
                {yuan(n.totals.bySource[s] ?? 0)}
              </td>
            ))}
            <td className="num">{yuan(n.totals.totalFen)}</td>
            <td className="c">{n.totals.households}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
      <NoticeFooterBlock {...footer} township={n.township} />
    </section>
  )
}

export function BeneficiaryNoticePage({ projectId }: { projectId: number }) {
  const { data, error, loading } = useCall('forms.beneficiaryNotice', { projectId })
  const [footer, setFooter] = useFooter()
  return (
    <PrintShell
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 纵向。证件号码一律隐藏中间位数。公示期和监督举报电话可点「编辑」填写。"
      editor={<FooterEditor footer={footer} onChange={setFooter} />}
      extra={<XlsxButton disabled={!data || !validFooter(footer)} make={() => call('forms.noticeXlsx', { kind: 'beneficiaries', projectId, ...footer })} />}
    >
      {data && <BeneficiaryNoticeForm n={data} footer={footer} />}
    </PrintShell>
  )
}

function BeneficiaryNoticeForm({ n, footer }: { n: BeneficiaryNotice; footer: NoticeFooter }) {
  const p = n.project
  return (
    <section className="print-card print-form" aria-label="受益户公示">
      <h1>{`${p.name}受益户公示`}</h1>
      <table className="follow-title">
        <colgroup>
          <col style={{ width: '14%' }} />
          <col style={{ width: '36%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '36%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>项目编号</th>
            <td>{dash(p.projectNo)}</td>
            <th>实施地点</th>
            <td>{dash(p.place)}</td>
          </tr>
          <tr>
            <th>实施单位</th>
            <td>{dash(p.implementer)}</td>
            <th>项目资金</th>
            <td>{`${yuan(p.totalFen)} 元`}</td>
          </tr>
          <tr>
            <th>建设内容</th>
            <td colSpan={3}>{dash(p.content)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{`受益户名单（共 ${n.households} 户 ${n.persons} 人）`}</h2>
      <table>
        <colgroup>
          <col style={{ width: '8%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '28%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '22%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>户主姓名</th>
            <th>证件号码</th>
            <th>行政村</th>
            <th>家庭人数</th>
            <th>类别</th>
          </tr>
        </thead>
        <tbody>
          {n.rows.map((r, i) => (
            <tr key={`${i}-${r.idMasked}`}>
              <td className="c">{i + 1}</td>
              <td className="c">{r.headName}</td>
              <td className="c mono">{r.idMasked}</td>
              <td className="c">{r.village}</td>
              <td className="c">{r.persons}</td>
              <td className="c">{r.kind}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={2} className="c">
              合计
            </td>
            <td className="c">{`${n.households} 户`}</td>
            <td />
            <td className="c">{n.persons}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <NoticeFooterBlock {...footer} township={n.township} />
    </section>
  )
}
