import { Alert, Button, Space, Spin, Typography } from 'antd'
import type { HouseholdCard } from '../../../../shared/api/forms'
import { GUARANTEE_ITEMS } from '../../../../shared/domain/household-rules'
import { formatYuan } from '../../../../shared/domain/money'
import { useCall } from '../../api/use-call'
import './print.css'

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '' : String(v))

/** 户卡: one household per A4 page; printed from the browser (or Electron) print dialog. */
export function HouseholdCardsPage({ householdIds, useListFilter }: { householdIds?: number[]; useListFilter?: boolean }) {
  const filter = useListFilter ? listFilter() : undefined
  const { data, error, loading } = useCall('forms.householdCards', householdIds ? { householdIds } : { filter })
  return (
    <div className="print-root">
      <div className="print-toolbar">
        <Space>
          <Button onClick={() => history.back()}>← 返回</Button>
          <Button type="primary" disabled={!data?.cards.length} onClick={() => window.print()}>
            打印 / 另存为 PDF
          </Button>
          {data && <Typography.Text type="secondary">{`共 ${data.cards.length} 户，每户一页（A4 纵向）。在打印对话框中选择「另存为 PDF」即可保存。`}</Typography.Text>}
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error.message} style={{ margin: 16 }} />}
      {loading && !data && <Spin style={{ display: 'block', margin: 48 }} />}
      <div className="print-sheet">
        {data?.cards.map((card) => <Card key={card.household.id} card={card} township={data.township} printedOn={data.printedOn} />)}
      </div>
    </div>
  )
}

function listFilter() {
  try {
    const { page: _p, pageSize: _s, search, ...rest } = JSON.parse(sessionStorage.getItem('township-ledger.household-filters') ?? '{}') as Record<string, unknown>
    return { ...rest, search: typeof search === 'string' && search ? search : undefined }
  } catch {
    return {}
  }
}

function Card({ card, township, printedOn }: { card: HouseholdCard; township: string; printedOn: string }) {
  const h = card.household
  const members = h.members.filter((m) => !m.removedReason)
  const head = members.find((m) => m.relation === '户主')
  const v = h.values
  const income = h.perCapitaNetIncomeFen === null ? '' : formatYuan(h.perCapitaNetIncomeFen)
  return (
    <section className="print-card" aria-label={`户卡 ${head?.name ?? ''}`}>
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
            const state = dash(v[`guarantee_${g.key}`]) || '未评估'
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
    </section>
  )
}
