/** 问题整改台账 (A4 landscape, every problem a row) and the per-problem 整改销号表 (A4 portrait, with the seals of 责任单位, 乡镇 and 县级销号). */
import type { ProblemDetail, ProblemRow } from '../../../shared/api/rectification'
import { SCOPE_LABELS } from '../../../shared/domain/rectification'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { cnDate, dash, localToday, PrintShell, SealBox, XlsxButton } from './PrintShell'

const LEDGER_COLUMNS: [string, number][] = [
  ['序号', 3.5], ['问题来源', 6], ['批次或文号', 9], ['发现日期', 6.5], ['问题描述', 17], ['涉及范围', 8], ['责任领导', 5.5],
  ['责任单位', 7], ['责任人', 5], ['整改措施', 13], ['整改时限', 6.5], ['整改进展', 10], ['状态', 4.5],
]

function useTownship(): string {
  const villages = useCall('households.villages', {})
  const v = villages.data?.[0]
  return v ? `${v.county}${v.township}` : ''
}

export function RectificationLedgerPrint() {
  const { data, error, loading } = useCall('rectification.list', { today: localToday() })
  const township = useTownship()
  return (
    <PrintShell
      landscape
      ready={!!data}
      error={error}
      loading={loading}
      hint="A4 横向，表头每页重复。"
      extra={<XlsxButton make={() => call('rectification.export', {})} label="导出 Excel" />}
    >
      {data && <LedgerSheet rows={data} township={township} />}
    </PrintShell>
  )
}

function LedgerSheet({ rows, township }: { rows: ProblemRow[]; township: string }) {
  const open = rows.filter((r) => r.status !== '已销号').length
  return (
    <section className="print-card print-form" aria-label="问题整改台账">
      <h1>{township}问题整改台账</h1>
      <div className="meta">
        <span>共 {rows.length} 个问题，已销号 {rows.length - open} 个，未销号 {open} 个</span>
        <span>截至 {cnDate(localToday())}</span>
      </div>
      <table className="dense">
        <colgroup>
          {LEDGER_COLUMNS.map(([h, w]) => (
            <col key={h} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {LEDGER_COLUMNS.map(([h]) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={LEDGER_COLUMNS.length}>（尚未登记问题）</td>
            </tr>
          )}
          {rows.map((p, i) => (
            <tr key={p.id}>
              <td className="c">{i + 1}</td>
              <td>{p.source}</td>
              <td>{[p.batchNo, p.problemNo].filter(Boolean).join(' ')}</td>
              <td className="c">{p.foundDate}</td>
              <td>{p.description}</td>
              <td>{p.scopeLabel}</td>
              <td>{dash(p.leader)}</td>
              <td>{dash(p.unit)}</td>
              <td>{dash(p.person)}</td>
              <td>{dash(p.measures)}</td>
              <td className="c">
                {dash(p.deadline)}
                {p.deadlineState === 'overdue' ? '（逾期）' : ''}
              </td>
              <td>{dash(p.latestProgress)}</td>
              <td className="c">{p.status === '已销号' ? `已销号 ${p.closedDate ?? ''}` : p.status}</td>
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

export function ProblemClosurePrint({ id }: { id: number }) {
  const { data, error, loading } = useCall('rectification.get', { id, today: localToday() })
  const township = useTownship()
  return (
    <PrintShell ready={!!data} error={error} loading={loading} hint="A4 纵向。销号前请核对整改进展和佐证材料。">
      {data && <ClosureSheet p={data} township={township} />}
    </PrintShell>
  )
}

function ClosureSheet({ p, township }: { p: ProblemDetail; township: string }) {
  return (
    <section className="print-card print-form" aria-label="问题整改销号表">
      <h1>问题整改销号表</h1>
      <div className="meta">
        <span>填报单位：{township}人民政府</span>
        <span>编号：{dash(p.problemNo)}</span>
      </div>
      <table className="closure">
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
        </colgroup>
        <tbody>
          <tr style={{ height: '10mm' }}>
            <th>问题来源</th>
            <td>{p.source}</td>
            <th>批次或文号</th>
            <td>{dash(p.batchNo)}</td>
          </tr>
          <tr>
            <th>发现日期</th>
            <td>{cnDate(p.foundDate)}</td>
            <th>涉及范围</th>
            <td>{p.scope === 'township' ? p.scopeLabel : `${SCOPE_LABELS[p.scope]}：${p.scopeLabel}`}</td>
          </tr>
          <tr>
            <th>问题描述</th>
            <td colSpan={3} style={{ height: '22mm', verticalAlign: 'top' }}>{p.description}</td>
          </tr>
          <tr>
            <th>责任领导</th>
            <td>{dash(p.leader)}</td>
            <th>责任单位 / 责任人</th>
            <td>{[p.unit, p.person].filter(Boolean).join(' / ')}</td>
          </tr>
          <tr>
            <th>整改措施</th>
            <td colSpan={3} style={{ height: '22mm', verticalAlign: 'top' }}>{dash(p.measures)}</td>
          </tr>
          <tr>
            <th>整改时限</th>
            <td>{cnDate(p.deadline)}</td>
            <th>整改完成日期</th>
            <td>{cnDate(p.rectifiedDate)}</td>
          </tr>
          <tr>
            <th>整改情况</th>
            <td colSpan={3} style={{ height: '30mm', verticalAlign: 'top' }}>
              {p.progress.map((g) => (
                <div key={g.id}>
                  {cnDate(g.date)}：{g.note}
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th>佐证材料</th>
            <td colSpan={3}>{p.attachments.length ? p.attachments.map((a) => a.fileName).join('、') : '（无）'}</td>
          </tr>
          <tr>
            <th>举一反三</th>
            <td colSpan={3} style={{ height: '14mm', verticalAlign: 'top' }}>{dash(p.similar)}</td>
          </tr>
          <tr>
            <th>销号意见</th>
            <td colSpan={3}>{p.closedDate ? `同意销号。审批：${p.closedBy ?? ''}，${cnDate(p.closedDate)}` : ''}</td>
          </tr>
        </tbody>
      </table>
      <div className="seal-row">
        <SealBox label="责任单位意见（盖章）" signer={p.person ? `责任人：${p.person}` : undefined} />
        <SealBox label="乡镇审核意见（盖章）" signer={p.leader ? `责任领导：${p.leader}` : undefined} />
        <SealBox label="县级销号意见（盖章）" />
      </div>
    </section>
  )
}
