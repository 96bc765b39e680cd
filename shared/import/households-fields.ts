/**
 * The one column dictionary of the roster importer: every field the importer understands, the
 * level it belongs to, how its values are read and the header texts seen for it in county
 * exports. Keys of households and members are the column names of the DB (001_roster.ts).
 */
import {
  EDUCATION_LEVELS, EXIT_STATUSES, HEALTH_STATUSES, HOUSEHOLD_TYPES, IDENTIFICATION_STANDARDS,
  LABOUR_SKILLS, MONITORING_CATEGORIES, POLITICAL_STATUSES, POVERTY_ATTRIBUTES, POVERTY_CAUSES,
  RELATIONS, SCHOOL_STATUSES, SEXES,
} from '../domain/enums'
import { normaliseHeaderText } from './text'

export type VillageKey = 'county' | 'township' | 'village' | 'group'

export type HouseholdKey =
  | 'household_no' | 'head_name' | 'head_id_number' | 'declared_size' | 'household_type'
  | 'poverty_attribute' | 'identification_standard' | 'main_cause' | 'other_causes' | 'exit_status'
  | 'exit_year' | 'first_identified' | 'monitoring_category' | 'phone' | 'wage_income_fen'
  | 'business_income_fen' | 'property_income_fen' | 'transfer_income_fen' | 'business_expense_fen'
  | 'net_income_fen' | 'per_capita_net_income_fen' | 'arable_land_area' | 'housing_area'
  | 'dilapidated_house' | 'safe_drinking_water'

export type MemberKey =
  | 'person_no' | 'name' | 'sex' | 'birth_date' | 'id_type' | 'id_number' | 'relation' | 'ethnicity'
  | 'education' | 'school_status' | 'health' | 'labour_skill' | 'work_status' | 'work_months'
  | 'political_status' | 'serious_illness_insurance' | 'medical_insurance' | 'pension_insurance'
  | 'low_income_support' | 'special_support' | 'disability_category'

export type FieldKey = 'seq' | VillageKey | HouseholdKey | MemberKey

/**
 * How a cell is read. 'code' is an identifier made of digits (户编号, 人编号) that must stay text;
 * 'decimal' is a plain number kept as a decimal string (areas in 亩 / 平方米).
 */
export type FieldKind =
  | 'text' | 'code' | 'id' | 'date' | 'int' | 'decimal' | 'money' | 'enum' | 'yesno' | 'phone' | 'year'

export interface FieldDef {
  key: FieldKey
  /** Chinese label for messages and forms. */
  label: string
  level: 'village' | 'household' | 'member'
  kind: FieldKind
  enumValues?: readonly string[]
  /** Several enumeration values in one cell ('长期慢性病,残疾'). */
  multi?: boolean
  /** Not a DB column: seq is dropped; head_name / head_id_number identify the head on household rows. */
  virtual?: boolean
  aliases: readonly string[]
}

const YES_NO = ['是', '否'] as const

export const ROSTER_FIELDS: readonly FieldDef[] = [
  { key: 'seq', label: '序号', level: 'member', kind: 'text', virtual: true, aliases: ['序号', '序', '顺序号', 'NO', 'NO.'] },

  { key: 'county', label: '县', level: 'village', kind: 'text',
    aliases: ['县', '县(市、区、旗)', '县(市、区)', '县(市区旗)', '县(区)', '县(市)', '县区', '县市区', '区县', '县名称'] },
  { key: 'township', label: '乡镇', level: 'village', kind: 'text',
    aliases: ['乡', '乡(镇)', '乡镇', '乡(镇、街道)', '乡镇(街道)', '乡(镇、办)', '镇', '乡镇名称'] },
  { key: 'village', label: '行政村', level: 'village', kind: 'text',
    aliases: ['村', '行政村', '村(社区)', '行政村(社区)', '村名称', '村名', '所在村'] },
  { key: 'group', label: '组', level: 'village', kind: 'text',
    aliases: ['组', '自然村', '村民小组', '自然村(组)', '村民组', '小组', '组别', '自然村(村民小组)'] },

  { key: 'household_no', label: '户编号', level: 'household', kind: 'code', aliases: ['户编号', '户码', '家庭编号', '户号'] },
  { key: 'head_name', label: '户主姓名', level: 'household', kind: 'text', virtual: true, aliases: ['户主姓名', '户主'] },
  { key: 'head_id_number', label: '户主证件号码', level: 'household', kind: 'id', virtual: true,
    aliases: ['户主证件号码', '户主身份证号码', '户主身份证号', '户主身份证', '户主公民身份号码'] },
  { key: 'declared_size', label: '人数', level: 'household', kind: 'int',
    aliases: ['人数', '家庭人数', '家庭人口数', '家庭人口', '户人数', '人口数', '户人口数'] },
  { key: 'household_type', label: '户类型', level: 'household', kind: 'enum', enumValues: HOUSEHOLD_TYPES,
    aliases: ['户类型', '农户类型', '户类别'] },
  { key: 'poverty_attribute', label: '贫困户属性', level: 'household', kind: 'enum', enumValues: POVERTY_ATTRIBUTES,
    aliases: ['贫困户属性', '户属性', '贫困属性', '脱贫户属性'] },
  { key: 'identification_standard', label: '识别标准', level: 'household', kind: 'enum', enumValues: IDENTIFICATION_STANDARDS,
    aliases: ['识别标准'] },
  { key: 'main_cause', label: '主要致贫原因', level: 'household', kind: 'enum', enumValues: POVERTY_CAUSES,
    aliases: ['主要致贫原因', '致贫原因1', '致贫原因', '主要致贫原因1'] },
  { key: 'other_causes', label: '其他致贫原因', level: 'household', kind: 'enum', enumValues: POVERTY_CAUSES, multi: true,
    aliases: ['其他致贫原因', '致贫原因2', '次要致贫原因'] },
  { key: 'exit_status', label: '脱贫状态', level: 'household', kind: 'enum', enumValues: EXIT_STATUSES,
    aliases: ['脱贫属性', '脱贫标志', '脱贫状态', '脱贫标识'] },
  { key: 'exit_year', label: '脱贫年度', level: 'household', kind: 'year', aliases: ['脱贫年度', '脱贫年份', '脱贫时间'] },
  { key: 'first_identified', label: '首次识别时间', level: 'household', kind: 'date',
    aliases: ['首次识别时间', '识别时间', '首次识别年度', '识别监测时间', '纳入监测时间', '首次识别日期'] },
  { key: 'monitoring_category', label: '监测对象类别', level: 'household', kind: 'enum', enumValues: MONITORING_CATEGORIES,
    aliases: ['监测对象类别', '监测类别', '监测对象类型', '监测户类型', '监测对象类别(户类型)'] },
  { key: 'phone', label: '联系电话', level: 'household', kind: 'phone',
    aliases: ['户联系电话', '联系电话', '电话', '电话号码', '手机号', '手机号码', '联系方式', '户主联系电话'] },
  { key: 'wage_income_fen', label: '工资性收入', level: 'household', kind: 'money', aliases: ['工资性收入', '工资收入'] },
  { key: 'business_income_fen', label: '生产经营性收入', level: 'household', kind: 'money', aliases: ['生产经营性收入', '经营性收入'] },
  { key: 'property_income_fen', label: '财产性收入', level: 'household', kind: 'money', aliases: ['财产性收入'] },
  { key: 'transfer_income_fen', label: '转移性收入', level: 'household', kind: 'money', aliases: ['转移性收入'] },
  { key: 'business_expense_fen', label: '生产经营性支出', level: 'household', kind: 'money', aliases: ['生产经营性支出', '经营性支出'] },
  { key: 'net_income_fen', label: '纯收入', level: 'household', kind: 'money',
    aliases: ['纯收入', '家庭纯收入', '年纯收入', '家庭年纯收入'] },
  { key: 'per_capita_net_income_fen', label: '人均纯收入', level: 'household', kind: 'money',
    aliases: ['人均纯收入', '家庭人均纯收入', '人均收入', '年人均纯收入'] },
  { key: 'arable_land_area', label: '耕地面积', level: 'household', kind: 'decimal', aliases: ['耕地面积', '耕地面积(亩)'] },
  { key: 'housing_area', label: '住房面积', level: 'household', kind: 'decimal', aliases: ['住房面积', '住房面积(平方米)'] },
  { key: 'dilapidated_house', label: '是否危房户', level: 'household', kind: 'yesno', enumValues: YES_NO,
    aliases: ['危房户', '是否危房户', '是否危房', '危房'] },
  { key: 'safe_drinking_water', label: '饮水是否安全', level: 'household', kind: 'yesno', enumValues: YES_NO,
    aliases: ['是否解决安全饮用水', '饮水是否安全', '是否安全饮水', '安全饮水', '是否解决安全饮水'] },

  { key: 'person_no', label: '人编号', level: 'member', kind: 'code', aliases: ['人编号', '人口编号', '成员编号', '人员编号'] },
  { key: 'name', label: '姓名', level: 'member', kind: 'text', aliases: ['姓名', '成员姓名', '家庭成员姓名', '人员姓名'] },
  { key: 'sex', label: '性别', level: 'member', kind: 'enum', enumValues: SEXES, aliases: ['性别'] },
  { key: 'birth_date', label: '出生日期', level: 'member', kind: 'date', aliases: ['出生日期', '出生年月', '出生年月日', '出生时间'] },
  { key: 'id_type', label: '证件类型', level: 'member', kind: 'text', aliases: ['证件类型', '证件种类'] },
  { key: 'id_number', label: '证件号码', level: 'member', kind: 'id',
    aliases: ['证件号码', '证件号', '身份证', '身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '身份证件号码', '成员证件号码'] },
  { key: 'relation', label: '与户主关系', level: 'member', kind: 'enum', enumValues: RELATIONS,
    aliases: ['与户主关系', '与户主的关系', '家庭关系', '关系'] },
  { key: 'ethnicity', label: '民族', level: 'member', kind: 'text', aliases: ['民族'] },
  { key: 'education', label: '文化程度', level: 'member', kind: 'enum', enumValues: EDUCATION_LEVELS, aliases: ['文化程度', '学历'] },
  { key: 'school_status', label: '在校生状况', level: 'member', kind: 'enum', enumValues: SCHOOL_STATUSES,
    aliases: ['在校生状况', '在校生情况', '在校状况', '在校生'] },
  { key: 'health', label: '健康状况', level: 'member', kind: 'enum', enumValues: HEALTH_STATUSES, multi: true,
    aliases: ['健康状况', '健康状态', '身体状况'] },
  { key: 'labour_skill', label: '劳动技能', level: 'member', kind: 'enum', enumValues: LABOUR_SKILLS, aliases: ['劳动技能', '劳动能力'] },
  { key: 'work_status', label: '务工状况', level: 'member', kind: 'text', aliases: ['务工状况', '务工情况', '就业状况', '务工区域'] },
  { key: 'work_months', label: '务工时间(月)', level: 'member', kind: 'int',
    aliases: ['务工时间(月)', '务工时间', '务工月数', '外出务工时间', '务工时长'] },
  { key: 'political_status', label: '政治面貌', level: 'member', kind: 'enum', enumValues: POLITICAL_STATUSES, aliases: ['政治面貌'] },
  { key: 'serious_illness_insurance', label: '是否参加大病保险', level: 'member', kind: 'yesno', enumValues: YES_NO,
    aliases: ['是否参加大病保险', '大病保险', '是否参加大病医疗保险', '是否参加城乡居民大病保险'] },
  { key: 'medical_insurance', label: '是否参加基本医疗保险', level: 'member', kind: 'yesno', enumValues: YES_NO,
    aliases: ['是否参加城乡居民基本医疗保险', '是否参加基本医疗保险', '是否参加新型农村合作医疗', '是否参加新农合',
      '基本医疗保险', '医疗保险', '城乡居民基本医疗保险'] },
  { key: 'pension_insurance', label: '是否参加基本养老保险', level: 'member', kind: 'yesno', enumValues: YES_NO,
    aliases: ['是否参加城乡居民基本养老保险', '是否参加城乡居民养老保险', '是否参加基本养老保险', '是否参加养老保险',
      '养老保险', '基本养老保险', '城乡居民基本养老保险'] },
  { key: 'low_income_support', label: '是否享受低保', level: 'member', kind: 'yesno', enumValues: YES_NO,
    aliases: ['是否享受低保', '是否享受农村低保', '是否低保', '低保'] },
  { key: 'special_support', label: '是否特困供养', level: 'member', kind: 'yesno', enumValues: YES_NO,
    aliases: ['是否特困供养', '是否享受特困供养', '是否特困', '特困供养', '是否五保'] },
  { key: 'disability_category', label: '残疾类别', level: 'member', kind: 'text', aliases: ['残疾类别', '残疾类型'] },
]

const BY_KEY = new Map<FieldKey, FieldDef>(ROSTER_FIELDS.map((f) => [f.key, f]))

const BY_ALIAS = new Map<string, FieldKey>()
for (const f of ROSTER_FIELDS) {
  for (const a of f.aliases) {
    const n = aliasForm(a)
    const taken = BY_ALIAS.get(n)
    if (taken && taken !== f.key) throw new Error(`alias ${a} of ${f.key} already used by ${taken}`)
    BY_ALIAS.set(n, f.key)
  }
}

/** A header or alias in the form aliases are compared in: normalised, upper-case, no required-field stars. */
export function aliasForm(s: string): string {
  return normaliseHeaderText(s)
    .toUpperCase()
    .replace(/^[*★☆※#]+/, '')
    .replace(/[*★:]+$/, '')
}

export function fieldByKey(key: FieldKey): FieldDef {
  const f = BY_KEY.get(key)
  if (!f) throw new Error(`unknown field ${key}`)
  return f
}

/**
 * The field a header cell names, or null. Matching ignores whitespace, line breaks, full-width
 * forms, bracket kinds, required-field stars and a trailing note or unit in brackets
 * ('人均纯收入（元）', '证件号码(身份证号)').
 */
export function matchField(headerText: string): FieldKey | null {
  let n = aliasForm(headerText)
  if (n === '') return null
  for (;;) {
    const hit = BY_ALIAS.get(n)
    if (hit) return hit
    const stripped = n.replace(/\([^()]*\)$/, '')
    if (stripped === n || stripped === '') return null
    n = stripped
  }
}
