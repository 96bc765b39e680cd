/** 生活条件: electricity, toilet, road to the house and its distance to the village's main road. */
import { blankRule, inScope, rangeRule, shown } from '../helpers'
import { rule, type RuleDef } from '../types'

const DIST = '与村主干路距离'

export const livingRules: RuleDef[] = [
  rule({
    code: 'living.electricity', title: '未通生活用电或为空', category: 'other:living', severity: '疑点', record: 'household',
    fields: ['是否通生活用电', '户类型', '监测对象类别'], covers: ['2_02_002', '5_15_002'],
    test: (h) => inScope(h, 'poorOrMonitored') && h.holds('是否通生活用电') && h.get('是否通生活用电') !== '是',
    message: (h) => `「是否通生活用电」为${shown(h.get('是否通生活用电'))}，请核实并填写`,
    examples: { fires: { household: { extra: { 是否通生活用电: '否' } } }, passes: {} },
  }),
  rule({
    code: 'living.toilet', title: '没有卫生厕所', category: 'other:living', severity: '提示', record: 'household',
    fields: ['户类型', '是否有卫生厕所'], field: '是否有卫生厕所', covers: ['3_02_003'],
    test: (h) => h.poor && h.holds('是否有卫生厕所') && h.get('是否有卫生厕所') !== '是',
    message: (h) => `「是否有卫生厕所」为${shown(h.get('是否有卫生厕所'))}，请核实改厕情况`,
    examples: { fires: { household: { extra: { 是否有卫生厕所: '' } } }, passes: {} },
  }),
  blankRule({ code: 'living.road-blank', title: '入户道路是否硬化为空', category: 'other:living', covers: ['3_02_007', '5_19_004'], col: '入户道路是否硬化', scope: 'poorOrMonitored', record: 'household', blank: { household: { extra: { 入户道路是否硬化: '' } } } }),
  blankRule({ code: 'living.distance-blank', title: '与村主干路距离为空', category: 'other:living', covers: ['5_14_021'], col: DIST, scope: 'poorOrMonitored', record: 'household', blank: { household: { extra: { [DIST]: '' } } } }),
  rule({
    code: 'living.distance-not-number', title: '与村主干路距离不是数字', category: 'other:living', severity: '疑点', record: 'household',
    fields: ['户类型', DIST], field: DIST, covers: ['3_02_013'],
    test: (h) => inScope(h, 'poorOrMonitored') && h.get(DIST) !== null && h.num(DIST) === null,
    message: (h) => `「${DIST}」为${shown(h.get(DIST))}，应填公里数（如 0.5），请更正`,
    examples: { fires: { household: { extra: { [DIST]: '很近' } } }, passes: {} },
  }),
  rangeRule({ code: 'living.distance-far', title: '距村主干路超过 5 公里', category: 'other:living', covers: ['5_14_007', '5_14_014'], col: DIST, scope: 'poorOrMonitored', max: 5, unit: ' 公里', fires: { household: { extra: { [DIST]: '6.5' } } } }),
]
