/** 扶贫小额信贷台账 (A4 landscape): every loan a row (ID numbers masked), then the per-village totals; the seal of the township. */
import type { CreditLedger } from '../../../shared/api/credit'
import { formatYuanNumber } from '../../../shared/domain/money'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { cnDate, dash, localToday, PrintShell, SealBox, XlsxButton } from './PrintShell'

const COLUMNS: [string, number][] = [
  ['序号', 3.5], ['行政村', 6], ['借款人', 5], ['身份证号码', 11.5], ['信用等级', 4], ['贷款银行', 9], ['合同编号', 9], ['贷款金额（元）', 7],
  ['放款日期', 6.5], ['期限（月）', 4], ['到期日期', 6.5], ['贷款用途', 6.5], ['使用方式', 7], ['贷款余额（元）', 7], ['贴息（元）', 5.5], ['状态', 5],
]

export function CreditLedgerPrint() {
  const { data, error, loading } = useCall('credit.list', { today: localToday() })
  const villages = useCall('households.villages', {})
  const v = villages.data?.[0]
  const township = v ? `${v.county}${v.township}` : ''
  return (
    <PrintShell
      landscape
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 横向，表头每页重复；身份证号码隐藏中间几位。"
      extra={<XlsxButton make={() => call('credit.export', {})} label="导出 Excel" />}
    >
      {data && <LedgerSheet data={data} township={township} />}
    </PrintShell>
  )
}

function LedgerSheet({ data, township }: { data: CreditLedger; township: string }) {
  const yuan = formatYuanNumber
  return (
    <section className="print-card print-form" aria-label="扶贫小额信贷台账">
      <h1>{township}扶贫小额信贷台账</h1>
      <div className="meta">
        <span>
          共 {data.total.households} 户 {data.total.loans} 笔，贷款 {yuan(data.total.amountFen)} 元，余额 {yuan(data.total.balanceFen)} 元，逾期 {data.total.overdueLoans} 笔
        </span>
        <span>截至 {cnDate(localToday())}</span>
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
          {data.loans.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length}>（尚未登记贷款）</td>
            </tr>
          )}
          {data.loans.map((l, i) => (
            <tr key={l.id}>
              <td className="c">{i + 1}</td>
              <td>{l.village}</td>
              <td>{dash(l.borrower)}</td>
              <td className="c">{dash(l.idNumberMasked)}</td>
              <td className="c">{dash(l.grade)}</td>
              <td>{l.bank}</td>
              <td>{dash(l.contractNo)}</td>
              <td className="num">{yuan(l.amountFen)}</td>
              <td className="c">{l.loanDate}</td>
              <td className="c">{dash(l.termMonths)}</td>
              <td className="c">{l.currentDueDate}</td>
              <td>{dash(l.purpose)}</td>
              <td>{l.use === '户贷企用' ? `户贷企用（${l.enterprise ?? ''}）` : l.use}</td>
              <td className="num">{yuan(l.balanceFen)}</td>
              <td className="num">{l.subsidyFen ? yuan(l.subsidyFen) : '—'}</td>
              <td className="c">{l.status === '逾期' ? `逾期${-(l.daysLeft ?? 0)}天` : l.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style={{ fontSize: '12pt', margin: '10pt 0 4pt' }}>各村汇总</h2>
      <table className="dense">
        <thead>
          <tr>
            {['行政村', '户数', '笔数', '贷款金额（元）', '贷款余额（元）', '逾期笔数', '逾期余额（元）'].map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...data.villages, data.total].map((t) => (
            <tr key={t.village}>
              <td>{t.village}</td>
              <td className="num">{t.households}</td>
              <td className="num">{t.loans}</td>
              <td className="num">{yuan(t.amountFen)}</td>
              <td className="num">{yuan(t.balanceFen)}</td>
              <td className="num">{t.overdueLoans}</td>
              <td className="num">{yuan(t.overdueFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="seal-row follow">
        <SealBox label="填表人：" seal={false} />
        <SealBox label={`${township}人民政府（盖章）`} />
      </div>
    </section>
  )
}
