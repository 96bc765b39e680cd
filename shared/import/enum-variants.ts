/**
 * Spellings seen in county exports for the canonical enumeration values of
 * ../domain/enums.ts. Keys are compared after cleanCell(…, 'code') (no spaces, half-width).
 */
import { EXIT_STATUS_CODES, POVERTY_ATTRIBUTES, SCHOOL_STATUSES_OLDER } from '../domain/enums'
import type { FieldKey } from './households-fields'

type Variants = Readonly<Record<string, string>>

const SEX: Variants = { 男性: '男', 女性: '女', M: '男', F: '女', '1': '男', '2': '女' }

const RELATION: Variants = {
  本人: '户主', 户主本人: '户主',
  妻: '配偶', 妻子: '配偶', 丈夫: '配偶', 夫: '配偶', 爱人: '配偶', 老伴: '配偶', 夫妻: '配偶',
  子: '之子', 儿子: '之子', 长子: '之子', 次子: '之子', 三子: '之子', 四子: '之子', 养子: '之子', 继子: '之子',
  女: '之女', 女儿: '之女', 长女: '之女', 次女: '之女', 三女: '之女', 四女: '之女', 养女: '之女', 继女: '之女',
  儿媳: '之儿媳', 儿媳妇: '之儿媳', 媳妇: '之儿媳', 女婿: '之女婿',
  孙子: '之孙子', 孙女: '之孙女', 外孙: '之外孙子', 外孙子: '之外孙子', 外孙女: '之外孙女',
  父: '之父', 父亲: '之父', 母: '之母', 母亲: '之母', 岳父: '之岳父', 岳母: '之岳母', 公公: '之公公', 婆婆: '之婆婆',
  祖父: '之祖父', 爷爷: '之祖父', 祖母: '之祖母', 奶奶: '之祖母',
  外祖父: '之外祖父', 外公: '之外祖父', 姥爷: '之外祖父', 外祖母: '之外祖母', 外婆: '之外祖母', 姥姥: '之外祖母',
  兄弟姐妹: '之兄弟姐妹', 兄: '之兄弟姐妹', 弟: '之兄弟姐妹', 姐: '之兄弟姐妹', 妹: '之兄弟姐妹',
  哥哥: '之兄弟姐妹', 弟弟: '之兄弟姐妹', 姐姐: '之兄弟姐妹', 妹妹: '之兄弟姐妹',
  曾孙: '之曾孙子', 曾孙子: '之曾孙子', 曾孙女: '之曾孙女', 侄儿: '之侄儿', 侄子: '之侄儿', 侄女: '之侄女',
  兄弟媳妇: '之兄弟媳妇', 弟媳: '之兄弟媳妇', 嫂子: '之兄弟媳妇', 弟媳妇: '之兄弟媳妇',
  叔伯: '之叔伯', 叔叔: '之叔伯', 伯伯: '之叔伯', 叔父: '之叔伯', 伯父: '之叔伯',
}

const CAUSE: Variants = {
  缺劳动力: '缺劳力', 缺乏劳动力: '缺劳力', 缺资金: '缺资金', 缺乏资金: '缺资金', 缺技术: '缺技术', 缺乏技术: '缺技术',
  缺少土地: '缺土地', 缺乏土地: '缺土地', 缺少水源: '缺水', 因自然灾害: '因灾', 自然灾害: '因灾',
  交通落后: '交通条件落后', 交通条件差: '交通条件落后', 发展动力不足: '自身发展动力不足', 内生动力不足: '自身发展动力不足',
}

const POVERTY_ATTRIBUTE_CODES: Variants = Object.fromEntries(
  POVERTY_ATTRIBUTES.flatMap((v, i) => [[String(i + 1).padStart(2, '0'), v], [String(i + 1), v]]),
)

const EXIT_STATUS: Variants = {
  ...EXIT_STATUS_CODES,
  // Before the 2021 split every exited household still received policy support.
  已脱贫: '已脱贫(享受政策)', 脱贫: '已脱贫(享受政策)', 脱贫户: '已脱贫(享受政策)', 享受政策: '已脱贫(享受政策)',
  脱贫享受政策: '已脱贫(享受政策)', 已脱贫户: '已脱贫(享受政策)',
  不再享受政策: '已脱贫(不再享受政策)', 脱贫不再享受政策: '已脱贫(不再享受政策)',
  未脱贫户: '未脱贫', 贫困户: '未脱贫', 返贫户: '返贫',
}

const IDENTIFICATION_STANDARD: Variants = {
  国标: '国家标准', 国家: '国家标准', 省标: '省定标准', 省标准: '省定标准', 省级标准: '省定标准',
  市标准: '市定标准', 市级标准: '市定标准',
}

const HOUSEHOLD_TYPE: Variants = {
  脱贫: '脱贫户', 监测对象: '监测户', 防返贫监测户: '监测户', 监测对象户: '监测户',
  一般户: '一般农户', 非贫困户: '一般农户', 农户: '一般农户',
}

const MONITORING_CATEGORY: Variants = {
  脱贫不稳定: '脱贫不稳定户', 不稳定户: '脱贫不稳定户', 边缘易致贫: '边缘易致贫户', 边缘户: '边缘易致贫户',
  突发严重困难: '突发严重困难户', 严重困难户: '突发严重困难户',
}

const HEALTH: Variants = {
  慢性病: '长期慢性病', 长期慢性病患者: '长期慢性病', 患有慢性病: '长期慢性病', 患长期慢性病: '长期慢性病',
  大病: '患有大病', 患大病: '患有大病', 重病: '患有大病', 重大疾病: '患有大病', 患有重大疾病: '患有大病',
  残疾人: '残疾', 残: '残疾', 良好: '健康', 健康良好: '健康',
}

const LABOUR_SKILL: Variants = {
  普通劳力: '普通劳动力', 技能劳力: '技能劳动力', 弱劳动力: '弱劳动力或半劳动力', 半劳动力: '弱劳动力或半劳动力',
  弱劳力: '弱劳动力或半劳动力', 半劳力: '弱劳动力或半劳动力', '弱劳动力/半劳动力': '弱劳动力或半劳动力',
  丧失劳力: '丧失劳动力', 无劳力: '无劳动力',
}

const EDUCATION: Variants = {
  文盲: '文盲或半文盲', 半文盲: '文盲或半文盲', '文盲/半文盲': '文盲或半文盲', 文盲半文盲: '文盲或半文盲',
  小学文化: '小学', 初中文化: '初中', 高中文化: '高中', 专科: '大专', 大学专科: '大专', 高职: '高职高专', 高专: '高职高专',
  本科: '本科及以上', 大学本科: '本科及以上', 大学: '本科及以上', 研究生: '本科及研究生及以上', 硕士: '本科及研究生及以上',
  博士: '本科及研究生及以上',
}

/** Short and older spellings of a grade → the national value; a band without its year stays as written. */
const SCHOOL_STATUS: Variants = {
  学龄前: '学龄前儿童', 幼儿园: '学前教育', 学前: '学前教育',
  一年级: '小学', 二年级: '小学', 三年级: '小学', 四年级: '小学', 五年级: '小学', 六年级: '小学',
  初一: '七年级', 初二: '八年级', 初三: '九年级', 高一: '普通高中一年级', 高二: '普通高中二年级', 高三: '普通高中三年级',
  高中一年级: '普通高中一年级', 高中二年级: '普通高中二年级', 高中三年级: '普通高中三年级',
  中职1年级: '中职一年级', 中职2年级: '中职二年级', 中职3年级: '中职三年级',
  研究生: '硕士研究生及以上', 硕士: '硕士研究生及以上', 博士: '硕士研究生及以上', 硕士研究生: '硕士研究生及以上',
}

const POLITICAL_STATUS: Variants = {
  党员: '中共党员', 共产党员: '中共党员', 中国共产党党员: '中共党员', 预备党员: '中共预备党员',
  团员: '共青团员', 共青团: '共青团员', 普通群众: '群众',
}

export const ENUM_VARIANTS: Partial<Record<FieldKey, Variants>> = {
  sex: SEX, relation: RELATION, main_cause: CAUSE, other_causes: CAUSE,
  poverty_attribute: POVERTY_ATTRIBUTE_CODES, exit_status: EXIT_STATUS,
  identification_standard: IDENTIFICATION_STANDARD, household_type: HOUSEHOLD_TYPE,
  monitoring_category: MONITORING_CATEGORY, health: HEALTH, labour_skill: LABOUR_SKILL,
  education: EDUCATION, school_status: SCHOOL_STATUS, political_status: POLITICAL_STATUS,
}

/** Values kept as written without a warning though not canonical: a blank would say the same. */
export const ENUM_ACCEPTED: Partial<Record<FieldKey, readonly string[]>> = {
  school_status: ['非在校生', ...SCHOOL_STATUSES_OLDER],
}

export const YES_WORDS: ReadonlySet<string> = new Set([
  '是', '√', '✓', '✔', '有', 'Y', 'YES', 'TRUE', '1', '已参加', '参加', '已参保', '参保', '已解决', '解决', '安全', '享受', '已享受',
])
export const NO_WORDS: ReadonlySet<string> = new Set([
  '否', '×', '✗', '✘', 'X', '无', '没有', 'N', 'NO', 'FALSE', '0', '不是', '未参加', '未参保', '未解决', '不安全', '不享受', '未享受',
])
