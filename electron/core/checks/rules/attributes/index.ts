/** 人员属性: 健康状况. */
import { blankRule } from '../helpers'
import type { RuleDef } from '../types'

export const attributeRules: RuleDef[] = [
  blankRule({ code: 'attributes.health-blank', title: '健康状况为空', category: 'other:attributes', covers: ['2_01_002', '2_12_003'], col: '健康状况', scope: 'all', blank: { members: [{ health: null }] } }),
]
