/** The printable 疑点核查汇总: the last run and, per rule, open and waived counts; A4 portrait, table header repeated on every page. */
import { Alert, Button, Space, Spin } from 'antd'
import dayjs from 'dayjs'
import { useCall } from '../common/api/use-call'

const CSS = `
@page { size: A4 portrait; margin: 15mm 12mm; }
.checks-print { font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif; max-width: 186mm; margin: 0 auto; padding: 12px; color: #000; }
.checks-print h1 { text-align: center; font-size: 20pt; margin: 8px 0 4px; }
.checks-print .meta { text-align: center; margin-bottom: 10px; }
.checks-print table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
.checks-print th, .checks-print td { border: 1px solid #000; padding: 3px 5px; }
.checks-print thead { display: table-header-group; }
.checks-print td.n { text-align: right; white-space: nowrap; }
.checks-print .sign { margin-top: 28px; display: flex; justify-content: space-between; }
@media print { .print-toolbar { display: none !important; } body { background: #fff; } }
`

export function ChecksSummaryPrint() {
  const { data, error } = useCall('checks.overview', {})
  const rules = (data?.rules ?? []).filter((r) => r.open + r.waived > 0)
  const run = data?.lastRun
  return (
    <div className="checks-print-root">
      <style>{CSS}</style>
      <div className="print-toolbar" style={{ padding: 12 }}>
        <Space>
          <Button onClick={() => history.back()}>← 返回</Button>
          <Button type="primary" disabled={!data} onClick={() => window.print()}>打印</Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error.message} />}
      {!data && !error && <Spin />}
      {data && (
        <div className="checks-print print-sheet">
          <h1>疑点核查汇总表</h1>
          <div className="meta">
            {run ? `核查日期 ${run.asOf}，核查时间 ${dayjs(run.at).format('YYYY-MM-DD HH:mm')}，核查人 ${run.actor}，核查时未处理 ${run.open} 条、已豁免 ${run.waived} 条（下表为当前数）` : '尚未核查'}
          </div>
          <table>
            <thead>
              <tr><th>序号</th><th>规则名称</th><th>县级规则编号</th><th>等级</th><th>未处理</th><th>本次新增</th><th>已豁免</th></tr>
            </thead>
            <tbody>
              {rules.map((r, i) => (
                <tr key={r.code}>
                  <td className="n">{i + 1}</td><td>{r.title}</td><td>{r.covers.join('、') || '台账核对'}</td><td>{r.severity}</td>
                  <td className="n">{r.open}</td><td className="n">{r.new}</td><td className="n">{r.waived}</td>
                </tr>
              ))}
              {rules.length === 0 && <tr><td colSpan={7} style={{ textAlign: 'center' }}>没有疑点</td></tr>}
            </tbody>
          </table>
          <div className="sign"><span>填报人：</span><span>审核人：</span><span>日期：</span></div>
        </div>
      )}
    </div>
  )
}
