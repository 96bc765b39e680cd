/** 监测: risks against the household's members, the elimination procedure and its 13 indicators. */
import { INDICATORS } from '../../../../../shared/domain/monitoring'
import type { HouseholdView } from '../../views'
import { isAble, noLabour, shown } from '../helpers'
import { rule, type Example, type RuleDef } from '../types'

const ELIM = { elim_county_date: '2025-03-01', elimination_method: '帮扶消除' } as const
const FULL_INDICATORS = Object.fromEntries(INDICATORS.map((i) => [i.key, i.kind === 'yesno' ? '否' : 100_000]))
const eliminated: Example = { case: { ...ELIM, indicators: FULL_INDICATORS } }
const monitored = (ex: Example = {}): Example => ({ ...ex, household: { household_type: '监测户', ...ex.household }, case: ex.case ?? {} })
const months = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(4, 6)) - Number(from.slice(4, 6))
const ill = (h: HouseholdView) => h.members.some((m) => /长期慢性病|患有大病/.test(m.get('健康状况') ?? ''))
const allNoLabour = (h: HouseholdView) => h.members.length > 0 && h.members.every(noLabour)
const risksField = ['致贫/返贫风险1', '致贫/返贫风险2', '致贫/返贫风险3', '致贫/返贫风险4', '致贫/返贫风险5']

export const monitoringRules: RuleDef[] = [
  rule({
    code: 'monitoring.after-house-damaged', title: '风险消除后住房损毁', category: 'monitoring', severity: '错误', record: 'household',
    fields: ['风险消除后是否住房损毁'], covers: ['1_02_008'],
    test: (h) => h.get('风险消除后是否住房损毁') === '是',
    message: () => '「风险消除后是否住房损毁」为是，住房安全没有保障，请核实并落实住房安全保障',
    examples: { fires: { case: { ...ELIM, indicators: { ...FULL_INDICATORS, after_house_damaged: '是' } } }, passes: eliminated },
  }),
  rule({
    code: 'monitoring.after-water-damaged', title: '风险消除后饮水设施损毁', category: 'monitoring', severity: '错误', record: 'household',
    fields: ['风险消除后是否饮水设施损毁'], covers: ['1_02_009'],
    test: (h) => h.get('风险消除后是否饮水设施损毁') === '是',
    message: () => '「风险消除后是否饮水设施损毁」为是，饮水安全没有保障，请核实并落实饮水安全保障',
    examples: { fires: { case: { ...ELIM, indicators: { ...FULL_INDICATORS, after_water_damaged: '是' } } }, passes: eliminated },
  }),
  rule({
    code: 'monitoring.after-dropout', title: '风险消除后仍有失学辍学', category: 'monitoring', severity: '错误', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '风险消除后是否义务教育阶段适龄儿童少年失学辍学'], field: '风险消除后是否义务教育阶段适龄儿童少年失学辍学', covers: ['1_11_005'],
    test: (h) => h.eliminated && h.get('风险消除后是否义务教育阶段适龄儿童少年失学辍学') === '是',
    message: () => '风险已消除，「风险消除后是否义务教育阶段适龄儿童少年失学辍学」却为是，请落实控辍保学或核实消除是否得当',
    examples: { fires: { case: { ...ELIM, indicators: { ...FULL_INDICATORS, after_dropout: '是' } } }, passes: eliminated },
  }),
  rule({
    code: 'monitoring.risk-blank', title: '监测对象致贫返贫风险为空', category: 'monitoring', severity: '错误', record: 'household',
    fields: ['监测对象类别', '致贫/返贫风险1'], field: '致贫/返贫风险1', covers: ['1_11_001'],
    test: (h) => h.monitored && h.risks.length === 0,
    message: () => '监测对象的「致贫/返贫风险1」为空，请登记风险类型',
    examples: { fires: monitored({ case: { risks: [] } }), passes: monitored() },
  }),
  rule({
    code: 'monitoring.indicators-blank', title: '风险已消除但消除后指标未填全', category: 'monitoring', severity: '错误', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', ...INDICATORS.map((i) => i.label)], field: '风险是否已消除', covers: ['1_11_004'],
    test: (h) => h.eliminated && INDICATORS.some((i) => h.get(i.label) === null),
    message: (h) => `风险已消除，消除后指标未填：${INDICATORS.filter((i) => h.get(i.label) === null).map((i) => `「${i.label}」`).join('、')}，请在户页面「监测」补填`,
    examples: { fires: { case: ELIM }, passes: eliminated },
  }),
  rule({
    code: 'monitoring.collector-blank', title: '风险已消除但信息采集人为空', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '信息采集人', '信息采集人联系电话'], field: '信息采集人', covers: ['1_11_011'],
    test: (h) => h.eliminated && h.holds('信息采集人') && h.get('信息采集人') === null,
    message: () => '风险已消除，「信息采集人」为空，请补录采集人姓名和电话',
    examples: { fires: { ...eliminated, household: { extra: { 信息采集人: '' } } }, passes: { ...eliminated, household: { extra: { 信息采集人: '张三' } } } },
  }),
  rule({
    code: 'monitoring.disability-risk-no-disabled', title: '风险为因残但无残疾成员', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '健康状况', ...risksField], field: '致贫/返贫风险1', covers: ['2_11_001'],
    test: (h) => h.monitored && h.hasRisk('因残') && !h.members.some((m) => m.has('健康状况', '残疾')),
    message: () => '风险为因残，户内却没有「健康状况」为残疾的成员，请核实风险或成员健康状况',
    examples: { fires: monitored({ case: { risks: ['因残'] } }), passes: monitored({ case: { risks: ['因残'] }, members: [{}, {}, { health: '残疾' }] }) },
  }),
  rule({
    code: 'monitoring.eliminated-too-soon', title: '识别到消除不足规定月数', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '消除监测时间', '识别监测时间'], field: '消除监测时间', covers: ['2_11_002'],
    test: (h, ctx) => {
      const from = h.get('识别监测时间')
      const to = h.get('消除监测时间')
      return h.eliminated && from !== null && to !== null && to >= '202204' && months(from, to) < ctx.data.settings.minMonthsBeforeElimination
    },
    message: (h, ctx) => `${h.get('识别监测时间')} 识别、${h.get('消除监测时间')} 消除，不足 ${ctx.data.settings.minMonthsBeforeElimination} 个月，请核实消除时间`,
    examples: { fires: { case: { ...ELIM, elim_county_date: '2024-06-01', indicators: FULL_INDICATORS } }, passes: eliminated },
  }),
  rule({
    code: 'monitoring.other-risk-no-note', title: '风险为其他但未填备注', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['监测对象类别', ...risksField, '致贫/返贫风险其他备注'], field: '致贫/返贫风险其他备注', covers: ['2_11_004'],
    test: (h) => h.monitored && h.risks.includes('其他') && h.get('致贫/返贫风险其他备注') === null,
    message: () => '风险为「其他」，「致贫/返贫风险其他备注」为空，请写明具体风险',
    examples: { fires: monitored({ case: { risks: ['其他'] } }), passes: monitored({ case: { risks: ['其他'], risk_note: '家中失火' } }) },
  }),
  rule({
    code: 'monitoring.disaster-no-subitem', title: '因自然灾害风险未填子项', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['因自然灾害子项', '监测对象类别', ...risksField], field: '因自然灾害子项', covers: ['2_11_005'],
    test: (h) => h.monitored && h.hasRisk('因自然灾害') && h.holds('因自然灾害子项') && h.get('因自然灾害子项') === null,
    message: () => '风险为因自然灾害，「因自然灾害子项」为空，请填写灾害类型',
    examples: { fires: monitored({ case: { risks: ['因自然灾害'] }, household: { household_type: '监测户', extra: { 因自然灾害子项: '' } } }), passes: monitored({ case: { risks: ['因自然灾害'] }, household: { extra: { 因自然灾害子项: '洪涝' } } }) },
  }),
  rule({
    code: 'monitoring.unstable-work-no-labour', title: '因务工就业不稳风险但成员无劳动力', category: 'monitoring', severity: '疑点', record: 'person',
    fields: ['劳动技能', '监测对象类别', '风险是否已消除', ...risksField], field: '劳动技能', covers: ['2_11_006'],
    test: (p) => p.household.open && p.household.hasRisk('因务工就业不稳') && noLabour(p) && !p.student && (p.age() ?? 0) >= 16,
    message: (p) => `风险为因务工就业不稳，该成员「劳动技能」为${shown(p.get('劳动技能'))}，请核实风险类型`,
    examples: { fires: monitored({ case: { risks: ['因务工就业不稳'] }, members: [{ labour_skill: '丧失劳动力' }] }), passes: monitored({ case: { risks: ['因务工就业不稳'] } }) },
  }),
  rule({
    code: 'monitoring.water-problem-no-risk', title: '饮水不安全但风险未含因安全饮水', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['是否解决安全饮用水', '监测对象类别', ...risksField], field: '是否解决安全饮用水', covers: ['4_11_006'],
    test: (h) => h.open && h.get('是否解决安全饮用水') === '否' && !h.hasRisk('饮水'),
    message: () => '「是否解决安全饮用水」为否，风险中却没有因安全饮水，请核实风险',
    examples: { fires: monitored({ household: { safe_drinking_water: '否' } }), passes: monitored({ household: { safe_drinking_water: '否' }, case: { risks: ['因安全饮水'] } }) },
  }),
  rule({
    code: 'monitoring.uninsured-no-illness-risk', title: '有成员未参保但风险未含因病', category: 'monitoring', severity: '提示', record: 'household',
    fields: ['是否参加城乡居民基本医疗保险', '监测对象类别', ...risksField], field: '是否参加城乡居民基本医疗保险', covers: ['4_11_007'],
    test: (h) => h.open && h.members.some((m) => m.get('是否参加城乡居民基本医疗保险') === '否' && m.get('是否参加城镇职工基本医疗保险') !== '是') && !h.hasRisk('因病'),
    message: () => '有成员未参加基本医疗保险，风险中却没有因病，请核实',
    examples: { fires: monitored({ members: [{ medical_insurance: '否' }] }), passes: monitored() },
  }),
  rule({
    code: 'monitoring.lacks-labour-but-able', title: '风险为缺劳动力但劳动力充足', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['风险是否已消除', '监测对象类别', '劳动技能', '户编号', ...risksField], field: '致贫/返贫风险1', covers: ['4_11_009', '5_11_029', '5_18_008'],
    test: (h) => {
      if (!h.open || !h.hasRisk('缺劳动力')) return false
      const able = h.members.filter(isAble).length
      return !h.members.some(noLabour) || able * 4 > h.members.length
    },
    message: (h) => `风险为缺劳动力，户内 ${h.members.length} 人中有 ${h.members.filter(isAble).length} 人为普通或技能劳动力，请核实风险类型`,
    examples: {
      fires: monitored({ case: { risks: ['缺劳动力'] } }),
      passes: monitored({ case: { risks: ['缺劳动力'] }, members: [{ labour_skill: '丧失劳动力', health: '患有大病' }, { labour_skill: '弱劳动力或半劳动力' }, {}, { labour_skill: '无劳动力', birth_date: '1940-01-01' }] }),
    },
  }),
  rule({
    code: 'monitoring.eliminated-no-labour', title: '整户无劳动力却已消除风险', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['户类型', '劳动技能', '监测对象类别', '风险是否已消除'], field: '风险是否已消除', covers: ['4_11_011'],
    test: (h) => h.poor && h.eliminated && allNoLabour(h),
    message: () => '整户无劳动力，风险却已消除，请核实是否已落实兜底保障',
    examples: { fires: { ...eliminated, members: [{ labour_skill: '无劳动力', health: '残疾' }, { labour_skill: '丧失劳动力', health: '患有大病' }] }, passes: eliminated },
  }),
  rule({
    code: 'monitoring.unstable-work-all-no-labour', title: '因务工就业不稳但全户无劳动力', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['劳动技能', '致贫/返贫风险1'], field: '致贫/返贫风险1', covers: ['5_15_013'],
    test: (h) => h.monitored && h.hasRisk('因务工就业不稳') && allNoLabour(h),
    message: () => '风险为因务工就业不稳，全户却都是无劳动力或丧失劳动力，请核实风险类型',
    examples: { fires: monitored({ case: { risks: ['因务工就业不稳'] }, members: [{ labour_skill: '无劳动力', health: '残疾' }, { labour_skill: '丧失劳动力', health: '患有大病' }] }), passes: monitored({ case: { risks: ['因务工就业不稳'] } }) },
  }),
  rule({
    code: 'monitoring.unstable-work-open', title: '因务工就业不稳风险未消除', category: 'monitoring', severity: '提示', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '致贫/返贫风险1'], field: '致贫/返贫风险1', covers: ['5_15_014'],
    test: (h) => h.open && h.get('致贫/返贫风险1') === '因务工就业不稳',
    message: () => '主要风险为因务工就业不稳，风险尚未消除，请跟进就业帮扶并及时评估消除',
    examples: { fires: monitored({ case: { risks: ['因务工就业不稳'] } }), passes: monitored() },
  }),
  rule({
    code: 'monitoring.illness-risk-no-ill', title: '风险为因病但无患病成员', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '健康状况', ...risksField], field: '致贫/返贫风险1', covers: ['5_15_015'],
    test: (h) => h.monitored && h.hasRisk('因病') && !ill(h),
    message: () => '风险为因病，户内却没有「健康状况」为长期慢性病或患有大病的成员，请核实',
    examples: { fires: monitored({ case: { risks: ['因病'] }, measures: { 健康帮扶: ['医疗救助'] } }), passes: monitored({ case: { risks: ['因病'] }, measures: { 健康帮扶: ['医疗救助'] }, members: [{ health: '患有大病' }] }) },
  }),
  rule({
    code: 'monitoring.assisted-elimination-fast', title: '识别后 2 个月内帮扶消除', category: 'monitoring', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '风险消除方式', '识别监测时间', '消除监测时间'], field: '消除监测时间', covers: ['5_18_009'],
    test: (h) => {
      const from = h.get('识别监测时间')
      const to = h.get('消除监测时间')
      return h.eliminated && h.get('风险消除方式') === '帮扶消除' && from !== null && to !== null && months(from, to) <= 2
    },
    message: (h) => `${h.get('识别监测时间')} 识别、${h.get('消除监测时间')} 即帮扶消除，帮扶不足 2 个月，请核实`,
    examples: { fires: { case: { ...ELIM, elim_county_date: '2024-05-20', indicators: FULL_INDICATORS } }, passes: eliminated },
  }),
]
