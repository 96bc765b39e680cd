/** 土地: areas in 亩 blank or outside a plausible range (脱贫户 and 监测对象). */
import { blankRule, rangeRule } from '../helpers'
import type { RuleDef } from '../types'

const blankCell = (col: string) => ({ household: { extra: { [col]: '' } } })

export const landRules: RuleDef[] = [
  blankRule({ code: 'land.arable-blank', title: '耕地面积为空', category: 'other:land', covers: ['3_02_004', '5_14_015'], col: '耕地面积（亩）', scope: 'poorOrMonitored', record: 'household', blank: { household: { arable_land_area: null } } }),
  blankRule({ code: 'land.forest-blank', title: '林地面积为空', category: 'other:land', covers: ['5_14_016'], col: '林地面积（亩）', scope: 'poorOrMonitored', record: 'household', blank: blankCell('林地面积（亩）') }),
  blankRule({ code: 'land.returned-blank', title: '退耕还林面积为空', category: 'other:land', covers: ['5_14_017'], col: '退耕还林面积（亩）', scope: 'poorOrMonitored', record: 'household', blank: blankCell('退耕还林面积（亩）') }),
  blankRule({ code: 'land.orchard-blank', title: '林果面积为空', category: 'other:land', covers: ['3_02_005', '5_14_018'], col: '林果面积（亩）', scope: 'poorOrMonitored', record: 'household', blank: blankCell('林果面积（亩）') }),
  blankRule({ code: 'land.pasture-blank', title: '牧草地面积为空', category: 'other:land', covers: ['3_02_006', '5_14_019'], col: '牧草地面积', scope: 'poorOrMonitored', record: 'household', blank: blankCell('牧草地面积') }),
  blankRule({ code: 'land.water-surface-blank', title: '水面面积为空', category: 'other:land', covers: ['5_14_020'], col: '水面面积', scope: 'poorOrMonitored', record: 'household', blank: blankCell('水面面积') }),
  rangeRule({ code: 'land.arable-range', title: '耕地面积超出合理范围', category: 'other:land', covers: ['5_14_001', '5_14_008'], col: '耕地面积（亩）', scope: 'poorOrMonitored', max: 100, unit: ' 亩', fires: { household: { arable_land_area: '150' } } }),
  rangeRule({ code: 'land.forest-range', title: '林地面积超出合理范围', category: 'other:land', covers: ['5_14_002', '5_14_009'], col: '林地面积（亩）', scope: 'poorOrMonitored', max: 200, unit: ' 亩', fires: { household: { extra: { '林地面积（亩）': '-1' } } } }),
  rangeRule({ code: 'land.returned-range', title: '退耕还林面积超出合理范围', category: 'other:land', covers: ['5_14_003', '5_14_010'], col: '退耕还林面积（亩）', scope: 'poorOrMonitored', max: 100, unit: ' 亩', fires: { household: { extra: { '退耕还林面积（亩）': '300' } } } }),
  rangeRule({ code: 'land.orchard-range', title: '林果面积超出合理范围', category: 'other:land', covers: ['5_14_004', '5_14_011'], col: '林果面积（亩）', scope: 'poorOrMonitored', max: 200, unit: ' 亩', fires: { household: { extra: { '林果面积（亩）': '250' } } } }),
  rangeRule({ code: 'land.pasture-range', title: '牧草地面积超出合理范围', category: 'other:land', covers: ['5_14_005', '5_14_012'], col: '牧草地面积', scope: 'poorOrMonitored', max: 100, unit: ' 亩', fires: { household: { extra: { 牧草地面积: '一百' } } } }),
  rangeRule({ code: 'land.water-surface-range', title: '水面面积超出合理范围', category: 'other:land', covers: ['5_14_006', '5_14_013'], col: '水面面积', scope: 'poorOrMonitored', max: 100, unit: ' 亩', fires: { household: { extra: { 水面面积: '101' } } } }),
]
