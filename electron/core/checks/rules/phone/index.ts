/** 联系电话: the household's and the members' phones (11-digit mobiles), shared phones. */
import type { PersonView } from '../../views'
import { scoped, shown } from '../helpers'
import { rule, type RuleDef } from '../types'

const MEMBER = '家庭成员联系电话'
const PLACE = '务工所在地'
const mobile = (v: string | null) => v !== null && /^1\d{10}$/.test(v.replace(/[\s-]/g, ''))

export const phoneRules: RuleDef[] = [
  rule({
    code: 'phone.migrant-phone', title: '务工人员联系电话不是 11 位手机号', category: 'other:phone', severity: '疑点', record: 'person',
    fields: [MEMBER, '户类型', '就业渠道（易地搬迁后扶使用）', PLACE], field: MEMBER, covers: ['2_01_013', '2_01_014', '2_12_007'],
    test: (p) => (p.get(PLACE) !== null || (p.poor && p.has('就业渠道（易地搬迁后扶使用）', '务工'))) && !mobile(p.get(MEMBER)),
    message: (p) => `务工人员的「${MEMBER}」为${shown(p.get(MEMBER))}，不是 11 位手机号，请补录本人手机号`,
    examples: { fires: { members: [{ extra: { [PLACE]: '浙江省宁波市', [MEMBER]: '0851-1234567' } }] }, passes: { members: [{ extra: { [PLACE]: '浙江省宁波市' } }] } },
  }),
  rule({
    code: 'phone.household-phone', title: '户联系电话为空或不是 11 位', category: 'other:phone', severity: '疑点', record: 'household',
    fields: ['户联系电话'], covers: ['4_02_001'],
    test: (h) => (h.get('户联系电话') ?? '').replace(/[\s-]/g, '').length !== 11,
    message: (h) => `「户联系电话」为${shown(h.get('户联系电话'))}，应为 11 位，请补录或更正`,
    examples: { fires: { household: { phone: '1380000111' } }, passes: {} },
  }),
  rule({
    code: 'phone.member-mobile', title: '家庭成员联系电话为空或不是手机号', category: 'other:phone', severity: '提示', record: 'person',
    fields: [MEMBER, '户类型', '监测对象类别'], covers: ['5_13_003'],
    test: (p) => p.holds(MEMBER) && p.poor && p.monitored && (p.age() ?? 0) >= 16 && !p.student && !mobile(p.get(MEMBER)),
    message: (p) => `「${MEMBER}」为${shown(p.get(MEMBER))}，请补录本人 11 位手机号`,
    examples: { fires: scoped('monitored', { household: { household_type: '脱贫户' }, members: [{ extra: { [MEMBER]: '' } }] }), passes: scoped('monitored', { household: { household_type: '脱贫户' } }) },
  }),
  rule({
    code: 'phone.shared-phone-different-places', title: '同一电话的家庭成员务工地不同', category: 'other:phone', severity: '疑点', record: 'person',
    fields: ['户类型', MEMBER, PLACE], field: MEMBER, covers: ['5_15_021'],
    test: (p) => {
      const phone = p.get(MEMBER)
      if (!p.poor || !phone || p.get(PLACE) === null) return false
      return p.household.members.some((q) => q !== p && q.get(MEMBER) === phone && q.get(PLACE) !== null && q.get(PLACE) !== p.get(PLACE))
    },
    message: (p) => `与户内其他成员共用电话 ${p.get(MEMBER)}，务工所在地却不同（${p.get(PLACE)}），请登记各自的手机号`,
    examples: {
      fires: { members: [{ extra: { [PLACE]: '广东省', [MEMBER]: '13800000001' } }, { extra: { [PLACE]: '浙江省', [MEMBER]: '13800000001' } }] },
      passes: { members: [{ extra: { [PLACE]: '广东省', [MEMBER]: '13800000001' } }, { extra: { [PLACE]: '浙江省', [MEMBER]: '13800000002' } }] },
    },
  }),
  rule({
    code: 'phone.shared-across-households', title: '不同户的成员联系电话相同', category: 'other:phone', severity: '疑点', record: 'person',
    fields: ['户编号', MEMBER], field: MEMBER, covers: ['5_15_022'],
    test: (p) => {
      const phone = p.get(MEMBER)
      if (!phone) return false
      const by = phoneIndex(p)
      return (by.get(phone)?.size ?? 0) > 1
    },
    message: (p) => `「${MEMBER}」${p.get(MEMBER)} 也登记在其他户（${[...phoneIndex(p).get(p.get(MEMBER)!)!].filter((n) => n !== p.household.label).join('、')}），请核实`,
    examples: {
      fires: { more: (d) => { const h = structuredClone(d.households[0]!); h.id = 2; h.household_no = '522729010100002'; h.members.forEach((m, i) => { m.id = 20 + i; m.id_number = null }); d.households.push(h) } },
      passes: {},
    },
  }),
]

function phoneIndex(p: PersonView): Map<string, Set<string>> {
  return p.ctx.index('phones', () => {
    const m = new Map<string, Set<string>>()
    for (const q of p.ctx.persons) {
      const phone = q.get(MEMBER)
      if (phone) m.set(phone, (m.get(phone) ?? new Set()).add(q.household.label))
    }
    return m
  })
}
