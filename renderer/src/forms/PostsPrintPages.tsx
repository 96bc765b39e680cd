/** 公益性岗位人员花名册 (A4 landscape, every current holder a row) and the monthly 工资发放表 (A4 landscape, with the 领款人签字 column). */
import type { PostRow } from '../../../shared/api/posts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { cnDate, dash, localToday, PrintShell, SealBox, XlsxButton, yuan } from './PrintShell'

const ROSTER_COLUMNS: [string, number][] = [
  ['序号', 4], ['所在村', 9], ['岗位类型', 11], ['姓名', 7], ['身份证号', 16], ['所在户', 9], ['上岗时间', 7.5], ['聘用结束', 7.5], ['月补贴（元）', 8], ['资金来源', 10], ['备注', 11],
]

export function PostsRosterPrint({ villageId }: { villageId?: number | undefined }) {
  const { data, error, loading } = useCall('posts.roster', { today: localToday(), villageId })
  return (
    <PostsShell ready={!!data} error={error} loading={loading} hint="A4 横向，表头每页重复；身份证号已隐去中间位。">
      {data && <RosterSheet title={data.title} rows={data.rows} />}
    </PostsShell>
  )
}

function PostsShell(props: Parameters<typeof PrintShell>[0]) {
  return <PrintShell landscape extra={<XlsxButton make={() => call('posts.export', { today: localToday() })} label="导出人员名单 Excel" />} {...props} />
}

function RosterSheet({ title, rows }: { title: string; rows: PostRow[] }) {
  const holders = rows.flatMap((p) => p.holders.map((h) => ({ p, h })))
  const vacant = rows.reduce((n, p) => n + Math.max(0, p.capacity - p.holders.length), 0)
  return (
    <section className="print-card print-form" aria-label="公益性岗位人员花名册">
      <h1>{title}</h1>
      <div className="meta">
        <span>
          共 {rows.length} 个岗位，在岗 {holders.length} 人{vacant ? `，空缺 ${vacant} 个` : ''}
        </span>
        <span>截至 {cnDate(localToday())}</span>
      </div>
      <table className="dense">
        <colgroup>
          {ROSTER_COLUMNS.map(([h, w]) => (
            <col key={h} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {ROSTER_COLUMNS.map(([h]) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {holders.length === 0 && (
            <tr>
              <td colSpan={ROSTER_COLUMNS.length}>（当前没有在岗人员）</td>
            </tr>
          )}
          {holders.map(({ p, h }, i) => (
            <tr key={h.holdingId}>
              <td className="c">{i + 1}</td>
              <td>{p.village ?? '乡镇'}</td>
              <td>{p.typeLabel}</td>
              <td>{h.name}</td>
              <td className="c">{dash(h.idNumberMasked)}</td>
              <td>{h.headName ? `${h.headName}户` : ''}</td>
              <td className="c">{h.startMonth}</td>
              <td className="c">{h.endMonth ?? '长期'}</td>
              <td className="r">{yuan(p.payFen)}</td>
              <td>{p.fundingNote ? `${p.funding}（${p.fundingNote}）` : p.funding}</td>
              <td>{dash(h.note)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="seal-row follow">
        <SealBox label="填表人：" seal={false} />
        <SealBox label="审核人：" seal={false} />
        <SealBox label="乡镇人民政府（盖章）" />
      </div>
    </section>
  )
}

const SLIP_COLUMNS: [string, number][] = [
  ['序号', 4.5], ['所在村', 9], ['岗位', 11], ['姓名', 8], ['身份证号', 16], ['出勤天数', 6.5], ['出勤情况', 11], ['发放金额（元）', 10], ['领款人签字', 14], ['备注', 10],
]

export function PostsPayslipPrint({ month, postId, villageId }: { month: string; postId?: number | undefined; villageId?: number | undefined }) {
  const { data, error, loading } = useCall('posts.payslip', { month, postId, villageId })
  return (
    <PostsShell ready={!!data} error={error} loading={loading} hint="A4 横向；领款人签字后交财政所。身份证号已隐去中间位。">
      {data && (
        <section className="print-card print-form" aria-label="工资发放表">
          <h1>{data.title}</h1>
          <div className="meta">
            <span>
              发放月份：{Number(month.slice(0, 4))}年{Number(month.slice(5))}月，共 {data.rows.length} 人
            </span>
            <span>单位：元</span>
          </div>
          <table className="dense">
            <colgroup>
              {SLIP_COLUMNS.map(([h, w]) => (
                <col key={h} style={{ width: `${w}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {SLIP_COLUMNS.map(([h]) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.length === 0 && (
                <tr>
                  <td colSpan={SLIP_COLUMNS.length}>（本月尚未登记工资发放，请先在岗位页面登记本月工资）</td>
                </tr>
              )}
              {data.rows.map((r, i) => (
                <tr key={r.id} style={{ height: '9mm' }}>
                  <td className="c">{i + 1}</td>
                  <td>{dash(r.village)}</td>
                  <td>{r.postLabel}</td>
                  <td>{r.name}</td>
                  <td className="c">{dash(r.idNumberMasked)}</td>
                  <td className="c">{dash(r.days)}</td>
                  <td>{dash(r.attendance)}</td>
                  <td className="r">{yuan(r.amountFen)}</td>
                  <td />
                  <td>{dash(r.note)}</td>
                </tr>
              ))}
              <tr>
                <th colSpan={7}>合计</th>
                <td className="r">{yuan(data.totalFen)}</td>
                <td colSpan={2} />
              </tr>
            </tbody>
          </table>
          <div className="seal-row follow">
            <SealBox label="制表人：" seal={false} />
            <SealBox label="审核人：" seal={false} />
            <SealBox label="乡镇人民政府（盖章）" />
          </div>
        </section>
      )}
    </PostsShell>
  )
}
