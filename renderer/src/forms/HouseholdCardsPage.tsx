import { Alert, Button, Checkbox } from 'antd'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { OpInput } from '../../../shared/api/contract'
import type { HouseholdCard, HouseholdCards } from '../../../shared/api/forms'
import { GUARANTEE_ITEMS } from '../../../shared/domain/households-rules'
import { formatYuan } from '../../../shared/domain/money'
import { useCanUnmask } from '../accounts'
import { call, CallError, runJob, type JobProgress as Progress } from '../common/api/client'
import { JobProgress } from '../common/JobProgress'
import { dash, plain, PrintShell } from './PrintShell'

type Filter = NonNullable<OpInput<'forms.householdCards'>['filter']>

/** Cards added to the page per frame, so a village of 300 households does not freeze the window. */
const CHUNK = 40

/**
 * 户卡: one household per A4 page; printed from the browser (or Electron) print dialog. Chosen households
 * are read at once; a filter (a whole village, the list's filter) is read as a job with progress and 取消.
 */
export function HouseholdCardsPage({ householdIds, useListFilter, filter: given }: { householdIds?: number[]; useListFilter?: boolean; filter?: Filter }) {
  const [filter] = useState(() => given ?? (useListFilter ? listFilter() : undefined))
  const [data, setData] = useState<HouseholdCards>()
  const [error, setError] = useState<{ message: string }>()
  const [running, setRunning] = useState<{ progress: Progress; jobId: string | null; startedAt: number } | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [shown, setShown] = useState(0)
  // Masked like the lists; full numbers are a choice made here, recorded in the access log by the core.
  const [fullIds, setFullIds] = useState(false)
  const canUnmask = useCanUnmask()
  const key = JSON.stringify({ householdIds, filter, fullIds })

  useEffect(() => {
    let live = true
    let jobId: string | null = null
    let finished = false
    setData(undefined)
    setError(undefined)
    setShown(0)
    const input = JSON.parse(key) as { householdIds?: number[]; filter?: Filter; fullIds: boolean }
    // A few households are read at once; a larger batch (a village, a broad filter) as a job with progress.
    const count = input.householdIds
      ? Promise.resolve(input.householdIds.length)
      : call('households.list', { ...input.filter, page: 1, pageSize: 1 }).then((r) => r.total)
    const load = count.then((n) => {
      if (n <= CHUNK || !live) return call('forms.householdCards', input)
      setRunning({ progress: { done: 0, total: n, message: '正在准备户卡…' }, jobId: null, startedAt: Date.now() })
      return runJob<HouseholdCards>(
        () => call('forms.householdCardsJob', input),
        (progress) => live && setRunning((r) => r && { ...r, progress }),
        (id) => {
          jobId = id
          if (live) setRunning((r) => r && { ...r, jobId: id })
        },
      )
    })
    load
      .then(
        (cards) => live && setData(cards),
        (err: unknown) => live && setError({ message: err instanceof CallError && err.code === 'cancelled' ? '已取消打印户卡。' : (err as Error).message }),
      )
      .finally(() => {
        finished = true
        if (live) setRunning(null)
      })
    return () => {
      live = false
      // Leaving the page stops the work it started.
      if (jobId && !finished) void call('jobs.cancel', { jobId })
    }
  }, [key, attempt])

  // Adds the cards to the page a chunk per frame.
  useEffect(() => {
    if (!data || shown >= data.cards.length) return
    const frame = requestAnimationFrame(() => setShown((n) => Math.min(data.cards.length, n + CHUNK)))
    return () => cancelAnimationFrame(frame)
  }, [data, shown])

  const complete = !!data && data.cards.length > 0 && shown >= data.cards.length
  return (
    <PrintShell
      ready={complete}
      error={error}
      hint={data ? `共 ${data.cards.length} 户，每户一页（A4 纵向），页码按户计。点「另存为 PDF」保存（浏览器版在打印对话框中选择「另存为 PDF」）。${complete ? '' : ` 正在排版 ${shown} / ${data.cards.length}…`}` : undefined}
      extra={
        <>
          {canUnmask && (
            <Checkbox checked={fullIds} disabled={!!running} onChange={(e) => setFullIds(e.target.checked)}>
              打印完整证件号码和电话（将记入访问日志）
            </Checkbox>
          )}
          {error && <Button onClick={() => setAttempt((n) => n + 1)}>重试</Button>}
        </>
      }
    >
      {/* Page numbers count per household (in each card's foot), not across the batch. */}
      <style>{'@page { @bottom-center { content: none; } }'}</style>
      {running && (
        <div className="print-toolbar print-progress">
          <JobProgress {...running} />
        </div>
      )}
      {data?.cards.slice(0, shown).map((card, i) => (
        <Card key={card.household.id} card={card} township={data.township} printedOn={data.printedOn} index={i + 1} count={data.cards.length} />
      ))}
      {data && data.cards.length === 0 && <Alert type="info" showIcon message="没有符合条件的户。" style={{ margin: 16 }} />}
    </PrintShell>
  )
}

function listFilter(): Filter {
  try {
    const { page: _p, pageSize: _s, search, ...rest } = JSON.parse(sessionStorage.getItem('township-ledger.household-filters') ?? '{}') as Record<string, unknown>
    return { ...rest, search: typeof search === 'string' && search ? search : undefined } as Filter
  } catch {
    return {}
  }
}

/** The printable height of an A4 portrait page (297 mm less the 16 mm and 18 mm margins of print.css), in CSS px. */
const PAGE_PX = ((297 - 16 - 18) * 96) / 25.4

/**
 * Pages one card takes: the sheet is as wide on screen as on paper (182 mm), so its height on screen is
 * its height in print.
 */
function usePages() {
  const ref = useRef<HTMLTableElement>(null)
  const [pages, setPages] = useState(1)
  useLayoutEffect(() => {
    const height = ref.current?.getBoundingClientRect().height ?? 0
    setPages(Math.max(1, Math.ceil((height - 2) / PAGE_PX)))
  })
  return { ref, pages }
}

function Card({ card, township, printedOn, index, count }: { card: HouseholdCard; township: string; printedOn: string; index: number; count: number }) {
  const h = card.household
  const members = h.members.filter((m) => !m.removedReason)
  const head = members.find((m) => m.relation === '户主')
  const v = h.values
  const income = h.perCapitaNetIncomeFen === null ? '' : formatYuan(h.perCapitaNetIncomeFen)
  const { ref, pages } = usePages()
  const named = `${h.villageName}${h.groupName ?? ''} ${head?.name ?? ''}户`
  return (
    <section className="print-card" aria-label={`户卡 ${head?.name ?? ''}`}>
      {/* One frame per card: its foot repeats on every page the card takes and names the household. */}
      <table className="card-frame" ref={ref}>
        <tfoot>
          <tr>
            <td className="card-foot">
              {pages === 1 ? `户卡：${named}\u3000第 1 页 共 1 页` : `户卡：${named}\u3000本户共 ${pages} 页`}
              {count > 1 ? `\u3000（第 ${index} 户，共 ${count} 户）` : ''}
            </td>
          </tr>
        </tfoot>
        <tbody>
          <tr>
            <td className="card-body">
      <h1>{township}建档立卡户户卡</h1>
      <div className="meta">
        <span>{`${h.villageName}${h.groupName ?? ''}`}</span>
        <span>户编号：{dash(h.householdNo)}</span>
        <span>打印日期：{printedOn}</span>
      </div>
      <h2>一、基本情况</h2>
      <table>
        <tbody>
          <tr>
            <th>户主</th>
            <td>{dash(head?.name)}</td>
            <th>家庭人数</th>
            <td>{members.length}</td>
            <th>联系电话</th>
            <td>{dash(h.phone)}</td>
          </tr>
          <tr>
            <th>户类型</th>
            <td>{dash(h.householdType)}</td>
            <th>贫困户属性</th>
            <td>{dash(h.povertyAttribute)}</td>
            <th>识别标准</th>
            <td>{dash(h.identificationStandard)}</td>
          </tr>
          <tr>
            <th>主要致贫原因</th>
            <td>{dash(h.mainCause)}</td>
            <th>其他致贫原因</th>
            <td>{dash(h.otherCauses)}</td>
            <th>首次识别时间</th>
            <td>{dash(h.firstIdentified)}</td>
          </tr>
          <tr>
            <th>脱贫状态</th>
            <td>{dash(h.exitStatus)}</td>
            <th>脱贫年度</th>
            <td>{dash(h.exitYear)}</td>
            <th>监测对象类别</th>
            <td>{dash(h.monitoringCategory)}</td>
          </tr>
          <tr>
            <th>人均纯收入</th>
            <td>{income}</td>
            <th>耕地面积（亩）</th>
            <td>{dash(v.arable_land_area)}</td>
            <th>住房面积（㎡）</th>
            <td>{dash(v.housing_area)}</td>
          </tr>
        </tbody>
      </table>
      <h2>二、家庭成员</h2>
      <table>
        <colgroup>
          <col style={{ width: '6%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '25%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '14%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>姓名</th>
            <th>关系</th>
            <th>性别</th>
            <th>证件号码</th>
            <th>文化/在校</th>
            <th>健康状况</th>
            <th>劳动技能</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m, i) => (
            <tr key={m.id}>
              <td>{i + 1}</td>
              <td>{m.name}</td>
              <td>{dash(m.relation)}</td>
              <td>{dash(m.sex)}</td>
              <td>{dash(m.idNumber)}</td>
              <td>{dash(m.schoolStatus ?? m.education)}</td>
              <td>{dash(m.health)}</td>
              <td>{dash(m.labourSkill)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>三、“两不愁三保障”及饮水安全</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '22%' }}>项目</th>
            <th style={{ width: '14%' }}>情况</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {GUARANTEE_ITEMS.map((g) => {
            const state = plain(v[`guarantee_${g.key}`]) || '未评估'
            return (
              <tr key={g.key}>
                <td>{g.label}</td>
                <td className={state === '有短板' ? 'gap' : undefined}>{state}</td>
                <td>{dash(v[`guarantee_${g.key}_note`])}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <h2>四、状态记录</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '18%' }}>日期</th>
            <th style={{ width: '16%' }}>事项</th>
            <th>内容</th>
          </tr>
        </thead>
        <tbody>
          {card.statusEvents.length === 0 ? (
            <tr>
              <td colSpan={3}>（无）</td>
            </tr>
          ) : (
            card.statusEvents.map((e) => (
              <tr key={e.id}>
                <td>{e.date}</td>
                <td>{e.kind}</td>
                <td>{[e.monitoringCategory, e.risks.join('、'), e.riskNote, e.eliminationMethod, e.note].filter(Boolean).join('；')}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <h2>五、帮扶措施</h2>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>帮扶责任人</th>
            <td>
              {card.assistance.pairings.map((p) => `${p.helperName}（${[p.unitName, p.title, p.phone].filter(Boolean).join('，')}）`).join('；') || '（未结对）'}
            </td>
          </tr>
          <tr>
            <th>近期走访</th>
            <td>{card.assistance.visits.map((v) => `${v.date} ${v.visitor}：${[v.findings, v.actions].filter(Boolean).join('；')}`).join('\n') || '（无）'}</td>
          </tr>
          <tr>
            <th>近期帮户</th>
            <td>{card.assistance.aid.map((a) => `${a.date} ${a.description}${a.amountFen === null ? '' : ` ${formatYuan(a.amountFen)}`}`).join('；') || '（无）'}</td>
          </tr>
          <tr>
            <th>未办结心愿</th>
            <td>{card.assistance.wishes.map((w) => `${w.content}${w.takenBy ? `（${w.takenBy}认领）` : ''}`).join('；') || '（无）'}</td>
          </tr>
        </tbody>
      </table>
      <div className="signatures">
        <span>帮扶责任人（签字）：＿＿＿＿＿＿</span>
        <span>户主（签字）：＿＿＿＿＿＿</span>
        <span>日期：＿＿＿＿年＿＿月＿＿日</span>
      </div>
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  )
}
