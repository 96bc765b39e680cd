/** 帮扶措施: the measures a risk or a condition calls for, 公益性岗位, policies (低保, 特困, 养老保险), subsidy windows. */
import { DEVELOPMENT_KINDS, MEASURE_KINDS } from '../../../../../shared/domain/monitoring-measures'
import type { HouseholdView, PersonView } from '../../views'
import { between, blankRule, inScope, isAble, noLabour, scoped, shown } from '../helpers'
import { rule, type Example, type RuleDef } from '../types'

const PREMIUM = '城乡居民基本医疗保险个人缴费补贴'
const POST = '公益性岗位'
const POST_MONTHS = '公益性岗位(月数)'
const DIBAO = '享受低保政策情况'
const TEKUN = '享受特困供养政策情况'
const risks = ['致贫/返贫风险1', '致贫/返贫风险2', '致贫/返贫风险3', '致贫/返贫风险4', '致贫/返贫风险5']
const monitored = (ex: Example = {}): Example => ({ ...ex, household: { household_type: '监测户', ...ex.household }, case: ex.case ?? {} })
const ELIM = { elim_county_date: '2025-03-01', elimination_method: '帮扶消除' } as const
const enjoys = (p: PersonView, col: string) => {
  const v = p.get(col)
  return v !== null && !/^(未享受|否|无)$/.test(v)
}
const anyMeasure = (h: HouseholdView) => MEASURE_KINDS.some((k) => h.get(k) !== null)
const development = (h: HouseholdView) => DEVELOPMENT_KINDS.some((k) => h.get(k) !== null)
const ableMember = (h: HouseholdView) => h.members.some((m) => isAble(m) && !m.student)
const posts = (p: PersonView) => (p.get(POST) ?? '').split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean)

/** A monitored household with risk (or condition) X lacking all of the measures that answer it. */
function riskMeasure(code: string, title: string, covers: string[], condition: { risk?: string; when?: (h: HouseholdView) => boolean; label: string; fields: string[] },
  kinds: string[], fires: Example, passes: Example): RuleDef {
  return rule({
    code, title, category: 'assistance', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', ...condition.fields, ...kinds], field: kinds[0]!, covers,
    test: (h) => h.monitored && (condition.risk ? h.hasRisk(condition.risk) : condition.when!(h)) && !h.measured(...kinds),
    message: () => `${condition.label}，却没有${kinds.map((k) => `「${k}」`).join('或')}措施，请登记相应帮扶措施`,
    examples: { fires, passes },
  })
}

export const assistanceRules: RuleDef[] = [
  rule({
    code: 'assistance.premium-subsidy-missing', title: '补贴窗口内识别的监测对象缺少医保个人缴费补贴', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['识别监测时间', '健康帮扶', '风险是否已消除', '监测对象类别'], field: '健康帮扶', covers: ['1111_06'],
    test: (h, ctx) => {
      const w = ctx.data.settings.premiumSubsidy
      const at = h.get('识别监测时间') ?? ''
      return h.open && at >= w.from && at <= w.to && !h.measureHas('健康帮扶', PREMIUM)
    },
    message: (h, ctx) => `${h.get('识别监测时间')} 识别（${ctx.data.settings.premiumSubsidy.from}～${ctx.data.settings.premiumSubsidy.to} 之间），「健康帮扶」缺少${PREMIUM}，请补登`,
    examples: {
      fires: monitored({ case: { report_date: '2022-12-01', county_date: '2022-12-20' } }),
      passes: monitored({ case: { report_date: '2022-12-01', county_date: '2022-12-20' }, measures: { 健康帮扶: [PREMIUM] } }),
    },
  }),
  rule({
    code: 'assistance.premium-subsidy-after-window', title: '补贴期后识别的监测对象登记了医保个人缴费补贴', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['识别监测时间', '风险是否已消除', '监测对象类别', '健康帮扶'], field: '健康帮扶', covers: ['1111_09', '1111_13'],
    test: (h, ctx) => h.open && (h.get('识别监测时间') ?? '') >= ctx.data.settings.premiumSubsidy.endsFrom && h.measureHas('健康帮扶', PREMIUM),
    message: (h, ctx) => `${h.get('识别监测时间')} 识别（${ctx.data.settings.premiumSubsidy.endsFrom} 以后不再享受），「健康帮扶」却有${PREMIUM}，请核实`,
    examples: { fires: monitored({ measures: { 健康帮扶: [PREMIUM] } }), passes: monitored({ measures: { 健康帮扶: ['家庭医生签约服务'] } }) },
  }),
  rule({
    code: 'assistance.vocational-no-yulu', title: '中职高职学生教育帮扶不是雨露计划', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['识别监测时间', '在校生状况', '教育帮扶', '监测对象类别'], field: '教育帮扶', covers: ['1111_2'],
    test: (p) => p.monitored && (p.get('识别监测时间') ?? '9') <= '202208' && /^(中职|高职)/.test(p.get('在校生状况') ?? '') && !p.has('教育帮扶', '雨露计划'),
    message: (p) => `${p.get('在校生状况')}学生，「教育帮扶」为${shown(p.get('教育帮扶'))}，应落实雨露计划，请补登`,
    examples: {
      fires: monitored({ case: { report_date: '2022-03-01', county_date: '2022-04-01' }, members: [{}, {}, { school_status: '中职一年级', birth_date: '2008-01-01', id_number: null }] }),
      passes: monitored({ case: { report_date: '2022-03-01', county_date: '2022-04-01' }, measures: { 教育帮扶: ['雨露计划'] }, members: [{}, {}, { school_status: '中职一年级', birth_date: '2008-01-01', id_number: null }] }),
    },
  }),
  rule({
    code: 'assistance.assisted-elimination-no-measure', title: '帮扶消除却没有任何帮扶措施', category: 'assistance', severity: '错误', record: 'household',
    fields: ['风险消除方式', ...MEASURE_KINDS], field: '风险消除方式', covers: ['1_11_009'],
    test: (h) => h.eliminated && h.get('风险消除方式') === '帮扶消除' && !anyMeasure(h),
    message: () => '风险消除方式为帮扶消除，却没有登记任何帮扶措施，请补登措施或改为自然消除',
    examples: { fires: { case: { ...ELIM, measures: [] } }, passes: { case: ELIM } },
  }),
  rule({
    code: 'assistance.no-measure-yet', title: '纳入监测超过规定天数仍无帮扶措施', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['识别监测时间', '监测对象类别', ...MEASURE_KINDS], field: '识别监测时间', covers: ['1_11_010'],
    test: (h, ctx) => {
      const at = h.monitoringCase?.county_date ?? (h.get('识别监测时间') ? `${h.get('识别监测时间')!.slice(0, 4)}-${h.get('识别监测时间')!.slice(4, 6)}-01` : null)
      if (!h.open || !at || anyMeasure(h)) return false
      return (Date.parse(ctx.asOf) - Date.parse(at)) / 86_400_000 > ctx.data.settings.reminderDaysWithoutMeasure
    },
    message: (h, ctx) => `${h.get('识别监测时间')} 纳入监测，超过 ${ctx.data.settings.reminderDaysWithoutMeasure} 天仍没有帮扶措施，请尽快落实并登记`,
    examples: { fires: monitored({ case: { measures: [] } }), passes: monitored() },
  }),
  blankRule({
    code: 'assistance.pension-blank', title: '是否参加城乡居民基本养老保险为空', category: 'assistance', covers: ['2_01_007', '2_15_001', '5_15_001'],
    col: '是否参加城乡居民基本养老保险', scope: 'poorOrMonitored', blank: { members: [{ pension_insurance: null }] },
    when: (p) => (p.age() ?? 0) >= 16 && !p.student, whenNote: '（16 岁以上非在校生）',
  }),
  rule({
    code: 'assistance.pension-either-blank', title: '职工或城乡居民养老保险为空', category: 'assistance', severity: '提示', record: 'person',
    fields: ['户类型', '是否参加城镇职工基本养老保险', '是否参加城乡居民基本养老保险'], field: '是否参加城镇职工基本养老保险', covers: ['5_19_001'],
    test: (p) => p.poor && (p.age() ?? 0) >= 16 && !p.student && p.holds('是否参加城镇职工基本养老保险') && p.get('是否参加城镇职工基本养老保险') === null,
    message: () => '「是否参加城镇职工基本养老保险」为空，请填写是或否',
    examples: { fires: { members: [{ extra: { 是否参加城镇职工基本养老保险: '' } }] }, passes: {} },
  }),
  rule({
    code: 'assistance.post-months-no-post', title: '填了公益性岗位月数却没有岗位', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['户类型', POST_MONTHS, POST], field: POST, covers: ['3_01_005'],
    test: (p) => (p.num(POST_MONTHS) ?? 0) > 0 && p.get(POST) === null,
    message: (p) => `「${POST_MONTHS}」为 ${p.get(POST_MONTHS)}，「${POST}」却为空，请补录岗位或清空月数`,
    examples: { fires: { members: [{ extra: { [POST_MONTHS]: '12' } }] }, passes: { members: [{ extra: { [POST_MONTHS]: '12', [POST]: '保洁员' } }] } },
  }),
  rule({
    code: 'assistance.post-no-months', title: '有公益性岗位却未填月数', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['户类型', POST, POST_MONTHS], field: POST_MONTHS, covers: ['3_01_006', '5_15_003'],
    test: (p) => p.get(POST) !== null && (p.num(POST_MONTHS) ?? 0) === 0,
    message: (p) => `有公益性岗位（${p.get(POST)}），「${POST_MONTHS}」为${shown(p.get(POST_MONTHS))}，请填写在岗月数`,
    examples: { fires: { members: [{ extra: { [POST]: '保洁员' } }] }, passes: { members: [{ extra: { [POST_MONTHS]: '12', [POST]: '保洁员' } }] } },
  }),
  rule({
    code: 'assistance.child-post', title: '未满 16 岁有公益性岗位', category: 'assistance', severity: '错误', record: 'person',
    fields: ['户类型', '出生日期', POST], field: POST, covers: ['3_01_008'],
    test: (p) => p.get(POST) !== null && (p.age() ?? 99) < 16,
    message: (p) => `${p.age()} 岁（未满 16 岁），却登记了公益性岗位（${p.get(POST)}），请核实`,
    examples: { fires: { members: [{}, {}, { extra: { [POST]: '保洁员', [POST_MONTHS]: '6' } }] }, passes: {} },
  }),
  rule({
    code: 'assistance.several-posts', title: '一人有多个公益性岗位', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['户类型', '监测对象类别', POST], field: POST, covers: ['3_01_010', '3_01_011'],
    test: (p) => new Set(posts(p)).size > 1,
    message: (p) => `「${POST}」有 ${new Set(posts(p)).size} 个岗位（${p.get(POST)}），一人只能有一个公益性岗位，请核实`,
    examples: { fires: { members: [{ extra: { [POST]: '保洁员,护路员', [POST_MONTHS]: '12' } }] }, passes: { members: [{ extra: { [POST]: '保洁员', [POST_MONTHS]: '12' } }] } },
  }),
  riskMeasure('assistance.illness-no-health-measure', '因病风险没有健康或社会帮扶', ['3_11_003', '5_18_001'], { risk: '因病', label: '风险为因病', fields: risks }, ['健康帮扶', '社会帮扶', '综合保障'],
    monitored({ case: { risks: ['因病'] }, members: [{ health: '患有大病' }], measures: { 社会帮扶: [] } }), monitored({ case: { risks: ['因病'] }, members: [{ health: '患有大病' }], measures: { 健康帮扶: ['医疗救助'] } })),
  riskMeasure('assistance.school-no-education-measure', '因学风险没有教育帮扶', ['3_11_004', '5_18_002'], { risk: '因学', label: '风险为因学', fields: risks }, ['教育帮扶', '义务教育保障', '社会帮扶'],
    monitored({ case: { risks: ['因学'] }, measures: { 社会帮扶: [] } }), monitored({ case: { risks: ['因学'] }, measures: { 教育帮扶: ['教育资助'] } })),
  riskMeasure('assistance.disability-no-welfare', '因残风险没有综合保障或社会帮扶', ['3_11_005', '5_18_003'], { risk: '因残', label: '风险为因残', fields: risks }, ['综合保障', '社会帮扶'],
    monitored({ case: { risks: ['因残'] }, measures: { 社会帮扶: [] }, members: [{}, {}, { health: '残疾' }] }), monitored({ case: { risks: ['因残'] }, members: [{}, {}, { health: '残疾' }] })),
  riskMeasure('assistance.housing-no-housing-measure', '因安全住房风险没有住房安全保障', ['3_11_006', '5_18_004'], { risk: '住房', label: '风险为因安全住房', fields: risks }, ['住房安全保障', '搬迁'],
    monitored({ case: { risks: ['因安全住房'] } }), monitored({ case: { risks: ['因安全住房'] }, measures: { 住房安全保障: ['农村危房改造'] } })),
  riskMeasure('assistance.dropout-no-compulsory-measure', '有失学辍学没有义务教育保障', ['3_11_007', '5_18_005'],
    { when: (h) => h.get('是否义务教育阶段适龄儿童少年失学辍学') === '是', label: '「是否义务教育阶段适龄儿童少年失学辍学」为是', fields: ['是否义务教育阶段适龄儿童少年失学辍学'] }, ['义务教育保障'],
    monitored({ household: { extra: { 是否义务教育阶段适龄儿童少年失学辍学: '是' } } }), monitored({ household: { extra: { 是否义务教育阶段适龄儿童少年失学辍学: '是' } }, measures: { 义务教育保障: ['控辍保学'] } })),
  riskMeasure('assistance.water-no-water-measure', '饮水问题没有饮水安全保障', ['3_11_008', '5_18_006'],
    { when: (h) => h.hasRisk('饮水') || h.get('是否解决安全饮用水') === '否', label: '有饮水安全问题（风险因安全饮水或饮水未解决）', fields: ['是否解决安全饮用水', ...risks] }, ['饮水安全保障'],
    monitored({ case: { risks: ['因安全饮水'] } }), monitored({ case: { risks: ['因安全饮水'] }, measures: { 饮水安全保障: ['管网延伸'] } })),
  riskMeasure('assistance.uninsured-no-health-measure', '有成员未参加医保没有健康或社会帮扶', ['3_11_009', '5_18_007'],
    { when: (h) => h.get('是否有家庭成员未参加城乡居民（职工）基本医疗保险') === '是', label: '「是否有家庭成员未参加城乡居民（职工）基本医疗保险」为是', fields: ['是否有家庭成员未参加城乡居民（职工）基本医疗保险'] }, ['健康帮扶', '社会帮扶'],
    monitored({ household: { extra: { '是否有家庭成员未参加城乡居民（职工）基本医疗保险': '是' } }, measures: { 社会帮扶: [] } }),
    monitored({ household: { extra: { '是否有家庭成员未参加城乡居民（职工）基本医疗保险': '是' } } })),
  rule({
    code: 'assistance.welfare-measure-no-policy', title: '综合保障有低保或特困但无成员享受', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '综合保障', TEKUN, DIBAO], field: '综合保障', covers: ['4_11_015', '5_16_005'],
    test: (h) => h.monitored && ((h.measureHas('综合保障', '低保') && !h.members.some((m) => enjoys(m, DIBAO))) || (h.measureHas('综合保障', '特困') && !h.members.some((m) => enjoys(m, TEKUN)))),
    message: (h) => `「综合保障」为${shown(h.get('综合保障'))}，户内却没有成员享受低保或特困供养政策，请核实`,
    examples: { fires: monitored({ measures: { 综合保障: ['低保'] } }), passes: monitored({ measures: { 综合保障: ['低保'] }, members: [{ low_income_support: '是' }] }) },
  }),
  rule({
    code: 'assistance.disability-allowance-no-card', title: '有残疾人补贴但无成员持残疾人证', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['户类型', '监测对象类别', '综合保障', '证件类型'], field: '综合保障', covers: ['4_11_016'],
    test: (h) => h.monitored && h.measureHas('综合保障', '残疾人补贴') && !h.members.some((m) => m.has('证件类型', '残疾') || [20, 22].includes((m.get('证件号码') ?? '').length)),
    message: () => '「综合保障」有残疾人补贴，户内却没有持残疾人证的成员，请核实',
    examples: { fires: monitored({ measures: { 综合保障: ['残疾人补贴'] } }), passes: monitored({ measures: { 综合保障: ['残疾人补贴'] }, members: [{ id_type: '残疾人证', health: '残疾' }] }) },
  }),
  rule({
    code: 'assistance.development-not-implemented', title: '有劳动力未实施开发式帮扶', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['产业帮扶', '公益岗位帮扶', '就业帮扶', '金融帮扶', '劳动技能', '监测对象类别', '风险是否已消除', '实施开发式帮扶措施情况'], field: '实施开发式帮扶措施情况', covers: ['5_11_030', '5_12_007'],
    test: (h) => h.open && ableMember(h) && !/^是$/.test(h.get('实施开发式帮扶措施情况') ?? '') && (development(h) || h.holds('实施开发式帮扶措施情况')),
    message: (h) => `户内有劳动力，「实施开发式帮扶措施情况」为${shown(h.get('实施开发式帮扶措施情况'))}，请落实产业、就业、公益岗位或金融等开发式帮扶`,
    examples: { fires: monitored({ measures: { 产业帮扶: [] } }), passes: monitored() },
  }),
  rule({
    code: 'assistance.welfare-only', title: '有劳动力却只有综合保障措施', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '劳动技能', '综合保障', ...MEASURE_KINDS.filter((k) => k !== '综合保障')], field: '综合保障', covers: ['5_11_032'],
    test: (h) => h.open && ableMember(h) && h.get('综合保障') !== null && MEASURE_KINDS.every((k) => k === '综合保障' || h.get(k) === null),
    message: () => '户内有劳动力，帮扶措施却只有综合保障，请落实开发式帮扶',
    examples: { fires: monitored({ case: { measures: [{ kind: '综合保障', items: ['临时救助'], date: '2024-04-10' }] } }), passes: monitored({ measures: { 综合保障: ['临时救助'] } }) },
  }),
  rule({
    code: 'assistance.no-labour-not-flagged', title: '整户无劳动力未标为整户无劳动能力兜底保障户', category: 'assistance', severity: '提示', record: 'household',
    fields: ['劳动技能', '风险是否已消除', '监测对象类别', DIBAO, TEKUN, '整户无劳动能力兜底保障户'], field: '整户无劳动能力兜底保障户', covers: ['5_11_033'],
    test: (h) => h.open && h.holds('整户无劳动能力兜底保障户') && h.members.length > 0 && h.members.every(noLabour) && h.get('整户无劳动能力兜底保障户') !== '是',
    message: () => '整户都是无劳动力或丧失劳动力，「整户无劳动能力兜底保障户」却不是是，请核实',
    examples: {
      fires: monitored({ household: { extra: { 整户无劳动能力兜底保障户: '否' } }, members: [{ labour_skill: '丧失劳动力', health: '患有大病' }, { labour_skill: '无劳动力', health: '残疾' }] }),
      passes: monitored({ household: { extra: { 整户无劳动能力兜底保障户: '否' } } }),
    },
  }),
  rule({
    code: 'assistance.post-without-labour', title: '丧失劳动力却有公益性岗位', category: 'assistance', severity: '疑点', record: 'person',
    fields: [POST, '劳动技能'], field: '劳动技能', covers: ['5_15_006'],
    test: (p) => p.get(POST) !== null && p.get('劳动技能') === '丧失劳动力',
    message: (p) => `有公益性岗位（${p.get(POST)}），「劳动技能」却为丧失劳动力，请核实`,
    examples: { fires: { members: [{ labour_skill: '丧失劳动力', health: '患有大病', extra: { [POST]: '保洁员', [POST_MONTHS]: '12' } }] }, passes: { members: [{ extra: { [POST]: '保洁员', [POST_MONTHS]: '12' } }] } },
  }),
  rule({
    code: 'assistance.job-measure-without-labour', title: '就业帮扶落在丧失劳动力的户', category: 'assistance', severity: '提示', record: 'household',
    fields: ['就业帮扶', '劳动技能'], field: '就业帮扶', covers: ['5_15_007'],
    test: (h) => h.measured('就业帮扶') && !h.members.some((m) => isAble(m) || m.get('劳动技能') === '弱劳动力或半劳动力'),
    message: (h) => `登记了就业帮扶（${h.get('就业帮扶')}），户内却没有劳动力，请核实帮扶对象`,
    examples: {
      fires: monitored({ measures: { 就业帮扶: ['技能培训'] }, members: [{ labour_skill: '丧失劳动力', health: '患有大病' }, { labour_skill: '无劳动力', health: '残疾' }] }),
      passes: monitored({ measures: { 就业帮扶: ['技能培训'] } }),
    },
  }),
  rule({
    code: 'assistance.yulu-not-vocational', title: '雨露计划但户内没有中职高职学生', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['教育帮扶', '在校生状况'], field: '教育帮扶', covers: ['5_15_012'],
    test: (h) => h.measureHas('教育帮扶', '雨露计划') && !h.members.some((m) => /^(中职|高职|技师)/.test(m.get('在校生状况') ?? '')),
    message: () => '「教育帮扶」为雨露计划，户内却没有中职、高职或技师学院学生，请核实',
    examples: { fires: monitored({ measures: { 教育帮扶: ['雨露计划'] } }), passes: monitored({ measures: { 教育帮扶: ['雨露计划'] }, members: [{}, {}, { school_status: '中职一年级', birth_date: '2008-01-01', id_number: null }] }) },
  }),
  rule({
    code: 'assistance.tekun-working-age', title: '18～59 岁健康非在校生享受特困供养', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['户类型', '监测对象类别', TEKUN, '证件号码', '健康状况', '在校生状况'], field: TEKUN, covers: ['5_15_018', '5_15_019'],
    test: (p) => inScope(p, 'poorOrMonitored') && enjoys(p, TEKUN) && between(p.age(p.ctx.schoolDay), 18, 59) && p.healthy && !p.student,
    message: (p) => `${p.age(p.ctx.schoolDay)} 岁、健康、不在校，却享受特困供养，请核实`,
    examples: { fires: { members: [{ special_support: '是' }] }, passes: {} },
  }),
  rule({
    code: 'assistance.dibao-not-in-measures', title: '享受低保但综合保障没有低保', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', DIBAO, '综合保障'], field: '综合保障', covers: ['5_16_003'],
    test: (h) => h.open && h.members.some((m) => enjoys(m, DIBAO)) && !h.measureHas('综合保障', '低保'),
    message: () => '户内有成员享受低保，「综合保障」却没有低保，请补登',
    examples: { fires: monitored({ members: [{ low_income_support: '是' }] }), passes: monitored({ members: [{ low_income_support: '是' }], measures: { 综合保障: ['低保'] } }) },
  }),
  rule({
    code: 'assistance.tekun-not-in-measures', title: '享受特困供养但综合保障没有特困供养', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', TEKUN, '特困人员救助供养金', '综合保障'], field: '综合保障', covers: ['5_16_004', '5_16_006'],
    test: (h) => h.open && (h.members.some((m) => enjoys(m, TEKUN)) || (h.num('特困人员救助供养金') ?? 0) > 0) && !h.measureHas('综合保障', '特困'),
    message: () => '户内有成员享受特困供养（或有特困人员救助供养金），「综合保障」却没有特困供养，请补登',
    examples: { fires: monitored({ members: [{}, {}, { special_support: '是' }] }), passes: monitored({ members: [{}, {}, { special_support: '是' }], measures: { 综合保障: ['特困供养'] } }) },
  }),
  rule({
    code: 'assistance.severe-disability-no-allowance', title: '因残且有一二级残疾人证但无残疾人补贴', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['证件号码', '监测对象类别', '风险是否已消除', '综合保障', ...risks.slice(0, 3)], field: '综合保障', covers: ['5_16_008'],
    test: (h) => h.open && h.hasRisk('因残') && h.members.some((m) => /^\d{17}[\dX]\d[12]/.test(m.get('证件号码') ?? '')) && !h.measureHas('综合保障', '残疾人补贴'),
    message: () => '风险为因残，户内有一二级残疾人证，「综合保障」却没有残疾人补贴，请补登',
    examples: {
      fires: monitored({ case: { risks: ['因残'] }, members: [{ health: '残疾', id_type: '残疾人证', id_number: '52272919750312001341' }] }),
      passes: monitored({ case: { risks: ['因残'] }, members: [{ health: '残疾', id_type: '残疾人证', id_number: '52272919750312001341' }], measures: { 综合保障: ['残疾人补贴'] } }),
    },
  }),
  rule({
    code: 'assistance.nominal-development', title: '实施开发式帮扶但措施只有其他或技能培训', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '实施开发式帮扶措施情况', '产业帮扶', '金融帮扶', '就业帮扶'], field: '实施开发式帮扶措施情况', covers: ['5_12_011'],
    test: (h) => {
      if (!h.monitored || h.get('实施开发式帮扶措施情况') !== '是') return false
      const items = ['产业帮扶', '金融帮扶', '就业帮扶', '公益岗位帮扶'].flatMap((k) => (h.get(k) ?? '').split(/[,，、]/).filter(Boolean))
      return items.length > 0 && items.every((i) => i === '其他' || i === '技能培训')
    },
    message: () => '「实施开发式帮扶措施情况」为是，开发式措施却只有「其他」或技能培训，请登记具体的产业、就业或金融措施',
    examples: {
      fires: monitored({ measures: { 产业帮扶: ['其他'], 就业帮扶: ['技能培训'] } }),
      passes: monitored(),
    },
  }),
  rule({
    code: 'assistance.school-subsidy-no-pupil', title: '义务教育保障有补助但户内没有初中高中学生', category: 'assistance', severity: '提示', record: 'household',
    fields: ['户类型', '义务教育保障', '在校生状况'], field: '义务教育保障', covers: ['5_15_011'],
    test: (h) => h.poor && (h.get('义务教育保障') ?? '').includes('补助') && !h.members.some((m) => /^(七|八|九)年级|^初中|^普通高中|^高中/.test(m.get('在校生状况') ?? '')),
    message: (h) => `「义务教育保障」为${shown(h.get('义务教育保障'))}，户内却没有初中或高中在校生，请核实`,
    examples: {
      fires: { household: { extra: { 义务教育保障: '寄宿生生活补助' } }, members: [{}, {}, { school_status: '小学', birth_date: '2016-01-01', id_number: null }] },
      passes: { household: { extra: { 义务教育保障: '寄宿生生活补助' } } },
    },
  }),
  rule({
    code: 'assistance.no-labour-no-dibao', title: '整户无劳动力且无人享受低保', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['户类型', '监测对象类别', '劳动技能', DIBAO], field: DIBAO, covers: ['5_19_003', '5_19_007'],
    test: (h) => inScope(h, 'poorOrMonitored') && h.members.length > 0 && h.members.every(noLabour) && !h.members.some((m) => enjoys(m, DIBAO) || enjoys(m, TEKUN)),
    message: () => '整户无劳动力，户内却没有人享受低保或特困供养，请核实是否应纳入兜底保障',
    examples: { fires: { members: [{ labour_skill: '丧失劳动力', health: '患有大病' }, { labour_skill: '无劳动力', health: '残疾' }] }, passes: scoped('poor') },
  }),
]
