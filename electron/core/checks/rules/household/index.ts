/** 家庭关系: 户主 (none, several), 与户主关系 against 性别, 户主 and 配偶, 人数 against the members listed. */
import type { HouseholdView, PersonView } from '../../views'
import { blankRule, shown } from '../helpers'
import { rule } from '../types'

const MALE = ['之子', '之孙子', '之外孙子', '之女婿', '之父', '之岳父', '之公公', '之祖父', '之外祖父', '之曾孙子', '之侄儿', '之叔伯']
const FEMALE = ['之女', '之儿媳', '之孙女', '之外孙女', '之母', '之岳母', '之婆婆', '之祖母', '之外祖母', '之曾孙女', '之侄女', '之兄弟媳妇']
const relationSex = (r: string | null): '男' | '女' | null => (r && MALE.includes(r) ? '男' : r && FEMALE.includes(r) ? '女' : null)
const heads = (h: HouseholdView) => h.members.filter((m) => m.get('与户主关系') === '户主')
const spouseOf = (h: HouseholdView): PersonView | undefined => h.members.find((m) => m.get('与户主关系') === '配偶')

export const householdRules = [
  rule({
    code: 'household.relation-sex', title: '与户主关系与性别矛盾', category: 'household', severity: '错误', record: 'person',
    fields: ['与户主关系', '性别', '户类型'], covers: ['2_01_004', '2_12_008'],
    test: (p) => {
      const want = relationSex(p.get('与户主关系'))
      const sex = p.get('性别')
      return want !== null && sex !== null && sex !== want
    },
    message: (p) => `「与户主关系」为${shown(p.get('与户主关系'))}，「性别」却是${shown(p.get('性别'))}，请核实关系或性别`,
    examples: { fires: { members: [{}, {}, { sex: '女' }] }, passes: {} },
  }),
  rule({
    code: 'household.head-spouse-same-sex', title: '户主与配偶性别相同', category: 'household', severity: '错误', record: 'household',
    fields: ['与户主关系', '性别', '户类型', '监测对象类别'], covers: ['2_02_001', '2_11_003'],
    test: (h) => {
      const head = heads(h)[0]
      const spouse = spouseOf(h)
      return Boolean(head && spouse && head.get('性别') && head.get('性别') === spouse.get('性别'))
    },
    message: (h) => `户主 ${heads(h)[0]!.m.name} 与配偶 ${spouseOf(h)!.m.name} 的「性别」都是${shown(heads(h)[0]!.get('性别'))}，请核实`,
    examples: { fires: { members: [{}, { sex: '男' }] }, passes: {} },
  }),
  blankRule({ code: 'household.relation-blank', title: '与户主关系为空', category: 'household', severity: '错误', covers: ['3_01_001'], col: '与户主关系', scope: 'all', blank: { members: [{}, {}, { relation: null }] } }),
  rule({
    code: 'household.several-heads', title: '一户有多个户主', category: 'household', severity: '错误', record: 'household',
    fields: ['证件号码', '与户主关系'], field: '与户主关系', covers: ['3_02_011', '3_11_002'],
    test: (h) => heads(h).length > 1,
    message: (h) => `${heads(h).map((m) => m.m.name).join('、')} 的「与户主关系」都是户主，一户只能有一个户主，请改正其他人的关系`,
    examples: { fires: { members: [{}, { relation: '户主' }] }, passes: {} },
  }),
  rule({
    code: 'household.no-head', title: '户内没有户主', category: 'household', severity: '错误', record: 'household',
    fields: ['与户主关系', '户类型'], covers: ['3_02_012', '3_11_001'],
    test: (h) => h.members.length > 0 && heads(h).length === 0,
    message: () => '户内没有「与户主关系」为户主的成员，请指定户主（户页面「更换户主」）',
    examples: { fires: { members: [{ relation: '之子' }] }, passes: {} },
  }),
  rule({
    code: 'household.several-spouses', title: '一户有多个配偶', category: 'household', severity: '错误', record: 'household',
    fields: ['与户主关系'], covers: [],
    test: (h) => h.members.filter((m) => m.get('与户主关系') === '配偶').length > 1,
    message: (h) => `${h.members.filter((m) => m.get('与户主关系') === '配偶').map((m) => m.m.name).join('、')} 都登记为配偶，请核实关系`,
    examples: { fires: { members: [{}, {}, { relation: '配偶' }] }, passes: {} },
  }),
  rule({
    code: 'household.size-mismatch', title: '人数与成员数不符', category: 'household', severity: '疑点', record: 'household',
    fields: ['人数'], covers: [],
    test: (h) => h.h.declared_size !== null && h.h.declared_size !== h.members.length,
    message: (h) => `「人数」为 ${h.h.declared_size}，户内登记的成员有 ${h.members.length} 人，请核实人数或补录成员`,
    examples: { fires: { household: { declared_size: 4 } }, passes: {} },
  }),
]
