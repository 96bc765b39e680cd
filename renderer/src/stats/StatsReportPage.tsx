/**
 * A report form of the stats area on the forms print path: A4 landscape, title, 填报单位 / 日期 /
 * 单位, the two-level header repeated on every page, the total row, 负责人 / 填表人 lines; the same
 * table as the .xlsx export.
 */
import { reportCellText, type ReportKind, type ReportTable } from '../../../shared/domain/stats'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { cnDate, PrintShell, XlsxButton } from '../forms'
import './stats.css'

export function StatsReportPage({ kind, asOf, year }: { kind: ReportKind; asOf: string; year?: string | undefined }) {
  const { data, error, loading } = useCall('stats.report', { kind, asOf, year })
  return (
    <PrintShell
      landscape
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 横向，表头每页重复。"
      extra={<XlsxButton disabled={!data} make={() => call('stats.reportXlsx', { kind, asOf, year })} />}
    >
      {data && <Report t={data} />}
    </PrintShell>
  )
}

function Report({ t }: { t: ReportTable }) {
  const total = t.widths.reduce((a, b) => a + b, 0)
  const numeric = (i: number) => t.kinds[i] !== 'text'
  return (
    <section className="print-card print-form stats-report" aria-label={t.title}>
      <h1>{t.title}</h1>
      <div className="report-meta">
        <span>填报单位：{t.unit}</span>
        <span>日期：{cnDate(t.asOf)}</span>
        <span>{t.measure}</span>
      </div>
      <table className="dense">
        <colgroup>
          {t.widths.map((w, i) => (
            <col key={i} style={{ width: `${(w * 100) / total}%` }} />
          ))}
        </colgroup>
        <thead>
          {t.header.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, i) => (
                <th key={i} colSpan={c.colSpan} rowSpan={c.rowSpan}>
                  {c.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {t.rows.length === 0 && (
            <tr>
              <td colSpan={t.kinds.length} className="c">
                （截至该日没有可统计的记录）
              </td>
            </tr>
          )}
          {t.rows.map((row, r) => (
            <tr key={r}>
              {row.map((v, i) => (
                <td key={i} className={numeric(i) && typeof v === 'number' ? 'num' : i === 0 ? 'c' : undefined}>
                  {reportCellText(v, t.kinds[i]!)}
                </td>
              ))}
            </tr>
          ))}
          {t.total && (
            <tr className="total">
              {t.total.map((v, i) => (
                <td key={i} className={numeric(i) && typeof v === 'number' ? 'num' : 'c'}>
                  {reportCellText(v, t.kinds[i]!)}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
      {t.note && <p className="report-note">说明：{t.note}</p>}
      <div className="report-signers">
        <span>负责人：＿＿＿＿＿＿</span>
        <span>填表人：＿＿＿＿＿＿</span>
        <span>联系电话：＿＿＿＿＿＿</span>
        <span>填报日期：{cnDate(t.asOf)}</span>
      </div>
    </section>
  )
}
