import { describe, expect, it } from 'vitest'
import { ROSTER_FIELDS, fieldByKey, matchField } from '../../../shared/import/households-fields'

describe('ROSTER_FIELDS', () => {
  it('has each key once and the DB columns of households and members', () => {
    const keys = ROSTER_FIELDS.map((f) => f.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const k of ['household_no', 'declared_size', 'per_capita_net_income_fen', 'safe_drinking_water',
      'person_no', 'id_number', 'disability_category', 'county', 'group', 'seq'] as const) {
      expect(keys).toContain(k)
    }
    expect(fieldByKey('id_number').level).toBe('member')
    expect(fieldByKey('exit_status').enumValues).toContain('已脱贫(享受政策)')
  })
})

describe('matchField', () => {
  const cases: [string, string][] = [
    ['县', 'county'], ['县(市、区、旗)', 'county'], ['县（市、区、旗）', 'county'],
    ['乡', 'township'], ['乡(镇)', 'township'], ['乡镇', 'township'], ['乡（镇）', 'township'],
    ['村', 'village'], ['行政村', 'village'],
    ['组', 'group'], ['自然村', 'group'], ['村民小组', 'group'],
    ['证件号码', 'id_number'], ['身份证', 'id_number'], ['身份证号', 'id_number'], ['身份证号码', 'id_number'],
    ['公民身份号码', 'id_number'], ['证件号', 'id_number'],
    ['人编号', 'person_no'], ['人口编号', 'person_no'],
    ['致贫原因1', 'main_cause'], ['主要致贫原因', 'main_cause'],
    ['脱贫属性', 'exit_status'], ['脱贫标志', 'exit_status'], ['脱贫状态', 'exit_status'],
    ['危房户', 'dilapidated_house'], ['是否危房户', 'dilapidated_house'],
    ['是否解决安全饮用水', 'safe_drinking_water'], ['饮水是否安全', 'safe_drinking_water'],
    ['人均纯收入', 'per_capita_net_income_fen'], ['人均纯收入(元)', 'per_capita_net_income_fen'],
    ['人均纯收入（元）', 'per_capita_net_income_fen'], ['人均纯收入\n(元/人)', 'per_capita_net_income_fen'],
    ['务工时间（月）', 'work_months'], ['序号', 'seq'], ['户编号', 'household_no'], ['人数', 'declared_size'],
    ['与户主关系', 'relation'], ['户主姓名', 'head_name'], ['*姓名', 'name'], ['姓名姓名', 'name'],
    ['证件号码(身份证号)', 'id_number'], ['身 份 证 号', 'id_number'], ['户联系电话', 'phone'],
    ['首次识别时间', 'first_identified'], ['是否参加大病保险', 'serious_illness_insurance'],
  ]
  it.each(cases)('%s → %s', (header, key) => {
    expect(matchField(header)).toBe(key)
  })
  it('returns null for unknown headers and titles', () => {
    expect(matchField('某某县2024年建档立卡户花名册')).toBeNull()
    expect(matchField('备注')).toBeNull()
    expect(matchField('')).toBeNull()
    expect(matchField('饮水是否困难')).toBeNull()
  })
})
