/**
 * Enumerations of the filed-card roster (../shared/domain/README.md).
 * Values are stored exactly as listed here; anything else read from a file
 * is kept as written and reported as a warning.
 */

export const EXIT_STATUSES = ['未脱贫', '已脱贫(享受政策)', '返贫', '已脱贫(不再享受政策)'] as const
export type ExitStatus = (typeof EXIT_STATUSES)[number]
/** 脱贫标志 codes used by the national system. */
export const EXIT_STATUS_CODES: Record<string, ExitStatus> = {
  '0': '未脱贫',
  '1': '已脱贫(享受政策)',
  '3': '返贫',
  '4': '已脱贫(不再享受政策)',
}

export const HOUSEHOLD_TYPES = ['脱贫户', '监测户', '一般农户'] as const

export const MONITORING_CATEGORIES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const

export const RELATIONS = [
  '户主', '配偶', '之子', '之女', '之儿媳', '之女婿', '之孙子', '之孙女', '之外孙子', '之外孙女',
  '之父', '之母', '之岳父', '之岳母', '之公公', '之婆婆', '之祖父', '之祖母', '之外祖父', '之外祖母',
  '之兄弟姐妹', '之曾孙子', '之曾孙女', '之侄儿', '之侄女', '之兄弟媳妇', '之叔伯', '其他',
] as const

/** Relation words that imply a sex; used to flag 之子 recorded as female. */
export const RELATION_SEX: Partial<Record<string, '男' | '女'>> = {
  之子: '男', 之女婿: '男', 之孙子: '男', 之外孙子: '男', 之父: '男', 之岳父: '男', 之公公: '男',
  之祖父: '男', 之外祖父: '男', 之曾孙子: '男', 之侄儿: '男', 之叔伯: '男',
  之女: '女', 之儿媳: '女', 之孙女: '女', 之外孙女: '女', 之母: '女', 之岳母: '女', 之婆婆: '女',
  之祖母: '女', 之外祖母: '女', 之曾孙女: '女', 之侄女: '女', 之兄弟媳妇: '女',
}

export const POVERTY_CAUSES = [
  '因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '缺资金', '交通条件落后',
  '自身发展动力不足', '因婚', '因丧', '其他',
] as const

export const POVERTY_ATTRIBUTES = [
  '一般贫困户', '低保脱贫户', '特困供养脱贫户', '低保贫困户', '一般脱贫户', '特困供养贫困户',
  '低保特困供养贫困户', '低保特困供养户',
] as const

export const IDENTIFICATION_STANDARDS = ['国家标准', '省定标准', '市定标准'] as const

export const HEALTH_STATUSES = ['健康', '长期慢性病', '患有大病', '残疾'] as const

export const LABOUR_SKILLS = ['普通劳动力', '技能劳动力', '弱劳动力或半劳动力', '丧失劳动力', '无劳动力'] as const

export const EDUCATION_LEVELS = [
  '文盲或半文盲', '小学', '初中', '高中', '中专', '技师', '大专', '高职高专', '本科及以上', '本科及研究生及以上',
] as const

const years = (school: string, n: number): string[] => ['一', '二', '三', '四', '五'].slice(0, n).map((y) => `${school}${y}年级`)

/** 在校生状况: each grade its own value, as the national exports write it. */
export const SCHOOL_STATUSES: readonly string[] = [
  '学龄前儿童', '学前教育', '小学', '七年级', '八年级', '九年级',
  ...years('普通高中', 3), ...years('中职', 3), ...years('高职高专', 3), ...years('技师学院', 4), ...years('本科', 5),
  '硕士研究生及以上',
]

/**
 * Spellings older exports use, kept as written without a warning: grades of 小学 and 初中 by year
 * (2014–2020 exports), and the grade bands this ledger stored before it kept each grade.
 */
export const SCHOOL_STATUSES_OLDER: readonly string[] = [
  ...years('小学', 5), '小学六年级', ...years('初中', 3),
  '普通高中一至三年级', '中职一至三年级', '高职高专一至三年级', '技师学院一至四年级', '本科一至五年级',
]

export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '群众'] as const

export const SEXES = ['男', '女'] as const
