/**
 * Checks only a ledger can do: across households, against 残疾人证 numbers, project beneficiaries,
 * pairings (county limit, visits within the window) and aid after a household left.
 */
import { makeId } from '../../examples'
import type { HouseholdView, PersonView } from '../../views'
import { rule, type RuleDef } from '../types'

const DISABILITY_CARD = ['残疾人证号', '残疾人证号码', '残疾证号', '残疾证号码']
const cardOf = (p: PersonView) => DISABILITY_CARD.map((c) => p.get(c)).find((v) => v !== null) ?? null
const sameKey = (p: PersonView) => (p.birth ? `${p.m.name}|${p.birth}` : null)
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000

const secondHousehold = (idNumberOf: (id: string | null) => string | null) => (d: Parameters<NonNullable<import('../types').Example['more']>>[0]) => {
  const h = structuredClone(d.households[0]!)
  h.id = 2
  h.household_no = '522729010100099'
  h.phone = '13900009999'
  h.members = h.members.slice(0, 1).map((m) => ({ ...m, id: 99, id_number: idNumberOf(m.id_number), extra: { ...m.extra, 家庭成员联系电话: '13900009999' } }))
  d.households.push(h)
}

export const ledgerRules: RuleDef[] = [
  rule({
    code: 'ledger.same-person-two-households', title: '疑似同一人登记在两户', category: 'ledger', severity: '疑点', record: 'person',
    fields: ['姓名', '出生日期', '证件号码', '户编号'], field: '姓名', covers: [],
    test: (p, ctx) => {
      const k = sameKey(p)
      if (!k) return false
      const by = ctx.index('same-person', () => {
        const m = new Map<string, PersonView[]>()
        for (const q of ctx.persons) {
          const key = sameKey(q)
          if (key) m.set(key, [...(m.get(key) ?? []), q])
        }
        return m
      })
      return (by.get(k) ?? []).some((q) => q.household !== p.household && q.m.id_number !== p.m.id_number)
    },
    message: (p, ctx) => {
      const others = (ctx.index('same-person', () => new Map<string, PersonView[]>()).get(sameKey(p)!) ?? []).filter((q) => q.household !== p.household)
      return `与 ${others.map((q) => q.label).join('、')} 姓名、出生日期相同而证件号码不同，可能是同一人登记在两户，请核实后移出重复的一人`
    },
    examples: { fires: { more: secondHousehold((id) => `${id!.slice(0, 14)}9999`) }, passes: { more: secondHousehold(() => makeId('19800101', 11)) } },
  }),
  rule({
    code: 'ledger.disability-card-mismatch', title: '残疾人证号码前 18 位不是本人证件号码', category: 'ledger', severity: '错误', record: 'person',
    fields: ['残疾人证号', '证件号码'], field: '残疾人证号', covers: [],
    test: (p) => {
      const card = cardOf(p)
      const id = p.get('证件号码')
      return card !== null && id !== null && id.length >= 18 && card.slice(0, 18).toUpperCase() !== id.slice(0, 18).toUpperCase()
    },
    message: (p) => `残疾人证号码 ${cardOf(p)} 的前 18 位与本人证件号码 ${p.get('证件号码')} 不一致，请对照残疾人证更正`,
    examples: { fires: { members: [{ extra: { 残疾人证号: '52272919800101001141' } }] }, passes: { members: [{}, { extra: {} }] } },
  }),
  rule({
    code: 'ledger.beneficiary-not-in-roster', title: '项目受益户不在花名册', category: 'ledger', severity: '错误', record: 'project',
    fields: ['项目名称', '受益户'], field: '受益户', covers: [],
    test: (p, ctx) => p.project.beneficiaries.some((id) => ctx.householdById(id)?.removed_reason != null || !ctx.householdById(id)),
    message: (p, ctx) => {
      const out = p.project.beneficiaries.map((id) => ctx.householdById(id)).filter((h) => h?.removed_reason != null)
      return `项目「${p.project.name}」的受益户 ${out.map((h) => `户编号 ${h!.household_no ?? h!.id}（${h!.removed_reason}）`).join('、')} 已不在花名册，请核实受益户名单`
    },
    examples: {
      fires: { more: (d) => { d.households[0]!.removed_reason = '自然减少'; d.households[0]!.removed_date = '2024-12-01'; d.projects.push({ id: 1, name: '茶园提质', beneficiaries: [1] }) } },
      passes: { more: (d) => d.projects.push({ id: 1, name: '茶园提质', beneficiaries: [1] }) },
    },
  }),
  rule({
    code: 'ledger.helper-over-limit', title: '帮扶责任人结对户数超过县里规定', category: 'ledger', severity: '疑点', record: 'helper',
    fields: ['帮扶责任人', '结对户数'], field: '结对户数', covers: [],
    test: (h, ctx) => h.current.length > ctx.data.settings.maxHouseholdsPerHelper,
    message: (h, ctx) => `帮扶责任人 ${h.label} 当前结对 ${h.current.length} 户，超过县里规定的 ${ctx.data.settings.maxHouseholdsPerHelper} 户，请调整结对`,
    examples: {
      fires: { more: (d) => { d.helpers.push({ id: 1, name: '刘明', unit: '县农业农村局' }); for (let i = 0; i < 6; i++) d.pairings.push({ helper_id: 1, household_id: 1 + i, start_date: '2024-01-01', end_date: null }) } },
      passes: { more: (d) => { d.helpers.push({ id: 1, name: '刘明', unit: '县农业农村局' }); for (let i = 0; i < 6; i++) d.pairings.push({ helper_id: 1, household_id: 1 + i, start_date: '2024-01-01', end_date: i < 2 ? '2024-12-31' : null }) } },
    },
  }),
  rule({
    code: 'ledger.paired-not-visited', title: '结对户超过规定天数未走访', category: 'ledger', severity: '疑点', record: 'household',
    fields: ['帮扶责任人', '最近走访日期'], field: '最近走访日期', covers: [],
    test: (h, ctx) => {
      const pairing = ctx.pairingsOf(h.h.id).find((p) => p.start_date <= ctx.asOf && (p.end_date === null || p.end_date >= ctx.asOf))
      if (!pairing || daysBetween(pairing.start_date, ctx.asOf) <= ctx.data.settings.visitWithinDays) return false
      const last = lastVisit(h)
      return last === null || daysBetween(last, ctx.asOf) > ctx.data.settings.visitWithinDays
    },
    message: (h, ctx) => `已结对帮扶，${lastVisit(h) ? `最近一次走访在 ${lastVisit(h)}` : '没有走访记录'}，超过 ${ctx.data.settings.visitWithinDays} 天，请安排走访并登记`,
    examples: {
      fires: { more: (d) => { d.helpers.push({ id: 1, name: '刘明', unit: null }); d.pairings.push({ helper_id: 1, household_id: 1, start_date: '2024-01-01', end_date: null }); d.visits.push({ household_id: 1, visit_date: '2025-01-10' }) } },
      passes: { more: (d) => { d.helpers.push({ id: 1, name: '刘明', unit: null }); d.pairings.push({ helper_id: 1, household_id: 1, start_date: '2024-01-01', end_date: null }); d.visits.push({ household_id: 1, visit_date: '2025-05-10' }) } },
    },
  }),
  rule({
    code: 'ledger.aid-after-leaving', title: '户已移出仍登记帮扶', category: 'ledger', severity: '错误', record: 'departed',
    fields: ['移出原因', '移出日期', '帮扶日期'], field: '帮扶日期', covers: [],
    test: (h, ctx) => h.h.removed_date !== null && ctx.aidOf(h.h.id).some((a) => a.aid_date > h.h.removed_date!),
    message: (h, ctx) => {
      const late = ctx.aidOf(h.h.id).filter((a) => a.aid_date > h.h.removed_date!)
      return `该户已于 ${h.h.removed_date} 移出（${h.h.removed_reason}），之后仍登记了帮扶：${late.map((a) => `${a.aid_date} ${a.description}`).join('；')}，请核实受助户`
    },
    examples: {
      fires: { more: (d) => { Object.assign(d.households[0]!, { removed_reason: '户籍迁出', removed_date: '2025-01-01' }); d.aid.push({ id: 1, household_id: 1, aid_date: '2025-02-01', description: '春节慰问 300 元', amount_fen: 30_000 }) } },
      passes: { more: (d) => { Object.assign(d.households[0]!, { removed_reason: '户籍迁出', removed_date: '2025-01-01' }); d.aid.push({ id: 1, household_id: 1, aid_date: '2024-12-01', description: '春节慰问 300 元', amount_fen: 30_000 }) } },
    },
  }),
]

function lastVisit(h: HouseholdView): string | null {
  return h.ctx.visitsOf(h.h.id).map((v) => v.visit_date).sort().at(-1) ?? null
}
