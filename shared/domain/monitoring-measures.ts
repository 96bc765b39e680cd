/**
 * 帮扶措施 of the monitoring system: the kinds (one column each in the national export) and the
 * items each kind lists (../shared/domain/national-exports.md; where the export shows 「…」 the list is
 * completed with the items county tools use). Every kind also takes 其他, which needs a note.
 */

export const MEASURE_KINDS = [
  '产业帮扶', '就业帮扶', '公益岗位帮扶', '金融帮扶', '社会帮扶', '健康帮扶', '义务教育保障', '住房安全保障',
  '教育帮扶', '饮水安全保障', '综合保障', '搬迁', '生产生活条件改善', '基础设施建设',
] as const
export type MeasureKind = (typeof MEASURE_KINDS)[number]

/** The items of each kind, as the national system spells them. */
export const MEASURE_ITEMS: Record<MeasureKind, readonly string[]> = {
  产业帮扶: ['种植业', '养殖业', '加工业', '休闲农业和乡村旅游', '光伏', '电商', '资产收益', '产业奖补', '技术指导', '其他'],
  就业帮扶: ['技能培训', '劳务输出', '外出务工补贴', '就业创业补贴', '帮扶车间就业', '以工代赈', '其他'],
  公益岗位帮扶: ['乡村公益性岗位', '生态护林员', '护路员', '保洁员', '其他'],
  金融帮扶: ['小额信贷', '产业贷款贴息', '农业保险', '防贫保险', '其他'],
  社会帮扶: ['东西部协作', '定点帮扶', '社会捐赠', '消费帮扶', '其他'],
  健康帮扶: ['城乡居民基本医疗保险个人缴费补贴', '家庭医生签约服务', '医疗救助', '大病集中救治', '慢病签约服务管理', '重病兜底保障', '先诊疗后付费', '其他'],
  义务教育保障: ['控辍保学', '送教上门', '学生资助', '营养改善计划', '其他'],
  住房安全保障: ['农村危房改造', '农房抗震改造', '易地搬迁安置', '住房安全鉴定', '其他'],
  教育帮扶: ['教育资助', '助学贷款', '雨露计划', '学费减免', '其他'],
  饮水安全保障: ['集中供水工程', '分散供水工程', '水质净化', '管网延伸', '其他'],
  综合保障: ['低保', '特困供养', '残疾人补贴', '临时救助', '养老保险代缴', '孤儿救助', '其他'],
  搬迁: ['易地扶贫搬迁', '避险搬迁', '其他'],
  生产生活条件改善: ['改厨', '改厕', '改圈', '入户路', '人居环境整治', '其他'],
  基础设施建设: ['道路', '水利设施', '电网', '通信网络', '其他'],
}

/** Kinds that build the household's own earning capacity (实施开发式帮扶措施). */
export const DEVELOPMENT_KINDS: readonly MeasureKind[] = ['产业帮扶', '就业帮扶', '公益岗位帮扶', '金融帮扶']

export const isMeasureKind = (k: string): k is MeasureKind => (MEASURE_KINDS as readonly string[]).includes(k)

/** 实施开发式帮扶措施情况: 是 when any development-type measure was taken. */
export const developmentMeasureTaken = (kinds: readonly string[]): boolean => kinds.some((k) => (DEVELOPMENT_KINDS as readonly string[]).includes(k))
