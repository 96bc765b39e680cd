/** 劳动力: 劳动技能 against age, health, schooling and disability (ages on the as-of date). */
import type { PersonView } from '../../views'
import { ABLE, between, blankRule, inScope, isAble, NO_LABOUR, scoped, shown, WEAK } from '../helpers'
import { rule, type RuleDef } from '../types'

const skill = (p: PersonView) => p.get('劳动技能')
const workingAge = (p: PersonView) => between(p.age(), 16, 59)
/** 残疾人证 number (20/22 characters): 19th digit the category (4 = 肢体), 20th the level. */
const severeLimb = (p: PersonView) => {
  const id = p.get('证件号码') ?? ''
  return (id.length === 20 || id.length === 22) && id[18] === '4' && (id[19] === '1' || id[19] === '2')
}

export const labourRules: RuleDef[] = [
  rule({
    code: 'labor.student-with-labour', title: '在校生劳动技能不是无劳动力', category: 'other:labor', severity: '疑点', record: 'person',
    fields: ['在校生状况', '劳动技能'], field: '劳动技能', covers: ['1111_07'],
    test: (p) => p.student && skill(p) !== null && skill(p) !== '无劳动力',
    message: (p) => `在校生（${p.get('在校生状况')}）的「劳动技能」为${shown(skill(p))}，在校生应为无劳动力，请更正`,
    examples: { fires: { members: [{}, {}, { labour_skill: '普通劳动力' }] }, passes: {} },
  }),
  rule({
    code: 'labor.working-age-without-labour', title: '16～59 岁健康非在校生登记为弱、无或丧失劳动力', category: 'other:labor', severity: '疑点', record: 'person',
    fields: ['证件号码', '出生日期', '健康状况', '户类型', '监测对象类别', '在校生状况', '劳动技能'], field: '劳动技能',
    covers: ['1111_14', '1111_15', '5_12_008', '2_01_005-16', '2_12_009-16', '2_01_010-16', '2_12_013-16'],
    test: (p) => inScope(p, 'poorOrMonitored') && workingAge(p) && p.healthy && !p.student && [WEAK, ...NO_LABOUR].includes(skill(p) ?? ''),
    message: (p) => `${p.age()} 岁、健康、不在校，「劳动技能」却为${shown(skill(p))}，请核实劳动能力`,
    examples: { fires: { members: [{ labour_skill: '无劳动力' }] }, passes: {} },
  }),
  rule({
    code: 'labor.ill-working-age-able', title: '16～59 岁患大病或残疾却为普通或技能劳动力', category: 'other:labor', severity: '提示', record: 'person',
    fields: ['户类型', '出生日期', '在校生状况', '健康状况', '劳动技能'], field: '劳动技能', covers: ['5_12_009-16', '5_12_010-16'],
    test: (p) => p.poor && workingAge(p) && !p.student && p.has('健康状况', '患有大病') && isAble(p),
    message: (p) => `「健康状况」为${shown(p.get('健康状况'))}，「劳动技能」却为${shown(skill(p))}，请核实劳动能力`,
    examples: { fires: { members: [{ health: '患有大病' }] }, passes: { members: [{ health: '患有大病', labour_skill: WEAK }] } },
  }),
  blankRule({ code: 'labor.skill-blank', title: '劳动技能为空', category: 'other:labor', covers: ['2_01_003', '2_12_001'], col: '劳动技能', scope: 'all', blank: { members: [{ labour_skill: null }] } }),
  rule({
    code: 'labor.child-with-labour', title: '未满 16 岁劳动技能不是无劳动力', category: 'other:labor', severity: '疑点', record: 'person',
    fields: ['证件号码', '出生日期', '户类型', '监测对象类别', '劳动技能'], field: '劳动技能', covers: ['2_01_011', '2_12_014'],
    test: (p) => inScope(p, 'poorOrMonitored') && (p.age() ?? 99) < 16 && skill(p) !== null && skill(p) !== '无劳动力',
    message: (p) => `${p.age()} 岁（未满 16 岁），「劳动技能」却为${shown(skill(p))}，应为无劳动力，请更正`,
    examples: { fires: { members: [{}, {}, { labour_skill: WEAK }] }, passes: {} },
  }),
  rule({
    code: 'labor.elderly-able', title: '60 岁以上登记为普通或技能劳动力', category: 'other:labor', severity: '提示', record: 'person',
    fields: ['证件号码', '户类型', '监测对象类别', '劳动技能'], field: '劳动技能', covers: ['2_12_005', '2_12_017'],
    test: (p) => inScope(p, 'poorOrMonitored') && (p.age() ?? 0) >= 60 && (ABLE as readonly string[]).includes(skill(p) ?? ''),
    message: (p) => `${p.age()} 岁，「劳动技能」为${shown(skill(p))}，请核实是否仍有劳动能力`,
    examples: { fires: { members: [{ birth_date: '1960-01-01', id_number: null }] }, passes: { members: [{ birth_date: '1960-01-01', id_number: null, labour_skill: WEAK }] } },
  }),
  rule({
    code: 'labor.severe-limb-able', title: '一二级肢体残疾为普通劳动力', category: 'other:labor', severity: '疑点', record: 'person',
    fields: ['证件号码', '劳动技能'], field: '劳动技能', covers: ['4_01_007'],
    test: (p) => severeLimb(p) && skill(p) === '普通劳动力',
    message: (p) => `残疾人证号码 ${p.get('证件号码')} 为一二级肢体残疾，「劳动技能」却为普通劳动力，请核实`,
    examples: { fires: { members: [{ id_type: '残疾人证', health: '残疾', id_number: `${'522729197503120013'}41` }] }, passes: { members: [{ id_type: '残疾人证', health: '残疾', id_number: `${'522729197503120013'}41`, labour_skill: WEAK }] } },
  }),
  rule({
    code: 'labor.disabled-ordinary', title: '残疾人登记为普通劳动力', category: 'other:labor', severity: '提示', record: 'person',
    fields: ['户类型', '监测对象类别', '健康状况', '劳动技能'], field: '劳动技能', covers: ['4_01_008'],
    test: (p) => p.poor && p.monitored && p.has('健康状况', '残疾') && skill(p) === '普通劳动力',
    message: () => '「健康状况」为残疾，「劳动技能」为普通劳动力，请核实劳动能力',
    examples: { fires: scoped('monitored', { household: { household_type: '脱贫户' }, members: [{ health: '残疾' }] }), passes: scoped('monitored', { household: { household_type: '脱贫户' } }) },
  }),
]
