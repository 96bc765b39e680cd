/**
 * The column dictionaries of the national exports the ledger keeps as records of their own
 * (national-exports.md §2–5): each known header, the record column it fills and how its cell is
 * read. Every other column of a file is kept as written, so the file can be given back whole.
 */
import type { NationalKind } from './national-kinds'
import { normaliseHeaderText } from './text'

/**
 * 'month' is 「2021年08月」/ 202108 / 2021-08 → 'YYYY-MM'; 'money' is 元 → 分; 'wan' is 万元 → 分;
 * 'id' an ID number; 'code' digits kept as text; 'yesno' 是/否.
 */
export type NationalCellKind = 'text' | 'code' | 'id' | 'name' | 'month' | 'money' | 'wan' | 'int' | 'decimal' | 'yesno' | 'phone' | 'year'

export interface NationalField {
  /** The record's column (DB column name), or a key only used to match (key: true). */
  key: string
  label: string
  kind: NationalCellKind
  aliases: readonly string[]
  /** Used to find the person / household / village, not stored as a record column. */
  match?: boolean
}

const f = (key: string, label: string, kind: NationalCellKind, aliases: string[] = [], match?: boolean): NationalField => ({
  key, label, kind, aliases: [label, ...aliases], ...(match ? { match } : {}),
})

const PLACE = [
  f('county', '县', 'text', ['县(市、区、旗)', '县(市、区)', '县区'], true),
  f('township', '乡', 'text', ['乡(镇)', '乡镇'], true),
  f('village', '行政村', 'text', ['村'], true),
]
const PERSON = [
  f('household_no', '户编号', 'code', ['户码'], true),
  f('person_no', '人编号', 'code', ['人口编号'], true),
  f('name', '姓名', 'name', [], true),
  f('id_number', '证件号码', 'id', ['身份证号码', '身份证号', '公民身份号码'], true),
]

export const NATIONAL_FIELDS: Record<NationalKind, readonly NationalField[]> = {
  workSpells: [
    ...PLACE,
    ...PERSON,
    f('working', '是否已务工', 'yesno'),
    f('start_month', '开始时间', 'month', ['务工开始时间']),
    f('end_month', '结束时间', 'month', ['务工结束时间']),
    f('province', '务工所在省', 'text'),
    f('city', '务工所在市', 'text'),
    f('county_at', '务工所在县', 'text'),
    f('channel', '就业渠道', 'text'),
    f('employer', '务工企业名称', 'text', ['务工单位名称', '务工单位']),
    f('industry', '所属行业', 'text', ['务工行业']),
    f('monthly_income_fen', '务工月收入', 'money', ['务工月收入(元)', '月收入']),
    f('point_to_point', '是否点对点输送', 'yesno'),
    f('travel_subsidy_fen', '年度交通费补助', 'money', ['交通费补助', '年度交通费补助(元)']),
    f('job_subsidy', '是否享受稳岗补贴', 'yesno'),
    f('source_updated', '更新时间', 'text'),
  ],
  plannedWork: [
    ...PLACE,
    ...PERSON,
    f('planned', '是否计划务工', 'yesno'),
    f('planned_month', '计划务工时间', 'month'),
    f('province', '计划务工所在省', 'text'),
    f('city', '计划务工所在市', 'text'),
    f('county_at', '计划务工所在县', 'text'),
    f('industry', '计划务工行业', 'text'),
    f('service_need', '就业服务需求', 'text'),
    f('registered', '登记时间', 'text'),
  ],
  villages: [
    f('county', '县', 'text', ['县(市、区、旗)'], true),
    f('township', '乡', 'text', ['乡(镇)', '乡镇'], true),
    f('village', '村', 'text', ['行政村'], true),
    f('admin_code', '行政区划代码', 'code'),
    f('exited', '是否出列', 'yesno'),
    f('exit_year', '出列年度', 'year'),
    f('total_households', '总户数', 'int'),
    f('total_population', '总人口数', 'int'),
    f('exited_households', '脱贫户数', 'int'),
    f('exited_population', '脱贫人口数', 'int'),
    f('monitored_households', '监测户数', 'int'),
    f('monitored_population', '监测人口数', 'int'),
    f('low_income_households', '低保户数', 'int'),
    f('low_income_population', '低保人口数', 'int'),
    f('special_support_population', '特困供养人口数', 'int'),
    f('disabled_population', '残疾人口数', 'int'),
    f('pension_insured', '参加城乡居民基本养老保险人数', 'int'),
    f('collective_income_fen', '村级集体经济收入（万元）', 'wan', ['村级集体经济收入']),
    f('primary_schools', '村小学（个数）', 'int', ['村小学']),
    f('bus_service', '是否通客运班车', 'yesno'),
    f('paved_road', '到乡镇是否通沥青（水泥）路', 'yesno'),
    f('clinics', '行政村卫生室个数', 'int'),
    f('doctors', '行政村执业（助理）医师（人）', 'int'),
    f('public_toilets', '行政村公共卫生厕所个数', 'int'),
    f('garbage_points', '行政村生产生活垃圾集中堆放点个数（个）', 'int'),
    f('libraries', '行政村文化（图书）室个数 （个）', 'int', ['行政村文化（图书）室个数（个）', '行政村文化(图书)室个数']),
    f('unsafe_water_households', '未实现饮水安全户数', 'int'),
    f('dilapidated_households', '危房户数', 'int'),
    f('arable_land_area', '耕地面积（亩）', 'decimal'),
    f('forest_land_area', '林地面积（亩）', 'decimal'),
  ],
  householdInfo: [
    f('county', '县(市、区、旗)', 'text', ['县'], true),
    f('township', '乡(镇)', 'text', ['乡', '乡镇'], true),
    f('village', '行政村', 'text', ['村'], true),
    f('group_name', '自然村（组）', 'text', ['自然村(组)', '自然村', '组'], true),
    f('household_no', '户编号', 'code', [], true),
    f('head_name', '户主姓名', 'name', [], true),
    f('id_number', '证件号码', 'id', ['户主证件号码', '户主身份证号码'], true),
    // These fill the household itself (the roster's fields).
    f('household_type', '户类型', 'text'),
    f('monitoring_category', '监测对象类别', 'text'),
    f('declared_size', '家庭人口数', 'int'),
    f('phone', '联系电话', 'phone', ['户联系电话']),
    f('housing_area', '住房面积（平方米）', 'decimal', ['住房面积']),
    f('dilapidated_house', '是否危房', 'yesno', ['是否危房户']),
    // The 乡村建设 columns, kept with the household.
    f('housing_structure', '住房结构', 'text'),
    f('sanitary_toilet', '是否有卫生厕所', 'yesno'),
    f('toilet_type', '卫生厕所类型', 'text'),
    f('toilet_usable', '卫生厕所是否能正常使用', 'yesno'),
    f('tap_water', '是否通自来水', 'yesno'),
    f('garbage', '生活垃圾处理方式', 'text'),
    f('sewage', '生活污水处理方式', 'text'),
    f('road_type', '入户道路类型', 'text'),
    f('broadband', '是否通宽带', 'yesno'),
    f('energy', '主要生活能源', 'text'),
    f('source_updated', '更新时间', 'text'),
  ],
}

/** Household columns 户信息 writes into the household itself. */
export const HOUSEHOLD_INFO_TO_HOUSEHOLD = ['household_type', 'monitoring_category', 'declared_size', 'phone', 'housing_area', 'dilapidated_house'] as const

export const NATIONAL_KIND_NOUNS: Record<NationalKind, { record: string; unit: string }> = {
  workSpells: { record: '务工经历', unit: '段' },
  plannedWork: { record: '计划务工', unit: '人' },
  villages: { record: '行政村', unit: '个' },
  householdInfo: { record: '户信息', unit: '户' },
}

/** The field a header names in this kind's dictionary, or null (kept as written). */
export function matchNationalField(kind: NationalKind, header: string): NationalField | null {
  const t = normaliseHeaderText(header)
  for (const field of NATIONAL_FIELDS[kind]) if (field.aliases.some((a) => normaliseHeaderText(a) === t)) return field
  return null
}

export function nationalFieldByKey(kind: NationalKind, key: string): NationalField | undefined {
  return NATIONAL_FIELDS[kind].find((x) => x.key === key)
}

/** The record columns of a kind (what is stored, compared and written back). */
export function recordKeys(kind: NationalKind): string[] {
  const own = (k: string) => kind !== 'householdInfo' || !(HOUSEHOLD_INFO_TO_HOUSEHOLD as readonly string[]).includes(k)
  return NATIONAL_FIELDS[kind].filter((x) => !x.match && own(x.key)).map((x) => x.key)
}
