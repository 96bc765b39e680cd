/** 三保障 and 饮水: housing, water, medical insurance, compulsory education (ages on the school year's first day). */
import type { HouseholdView, PersonView } from '../../views'
import { between, blankRule, inScope, scoped, shown } from '../helpers'
import { rule, type RuleDef } from '../types'

const RESIDENT = '是否参加城乡居民基本医疗保险'
const STAFF = '是否参加城镇职工基本医疗保险'
const DROPOUT = '是否义务教育阶段适龄儿童少年失学辍学'
const REASON = '义务教育阶段未上学原因'
const schoolAge = (p: PersonView) => p.age(p.ctx.schoolDay)
const outOfSchool = (p: PersonView) => between(schoolAge(p), 6, 16) && !p.student && p.get(REASON) === null
const ins = (p: PersonView, col: string) => p.get(col)
const eliminatedWith = (h: HouseholdView) => h.eliminated
const POST_SECONDARY = ['大专', '高职高专', '本科及以上', '本科及研究生及以上', '技师']

/** A 在校生状况 grade band held at an age outside lo…hi (on the school year's first day). */
function gradeAge(code: string, title: string, covers: string[], grades: RegExp, lo: number, hi: number, fires: Partial<PersonView['m']>): RuleDef {
  return rule({
    code, title, category: '三保障:education', severity: '疑点', record: 'person', fields: ['证件号码', '在校生状况', '户类型', '监测对象类别'],
    field: '在校生状况', covers,
    test: (p) => inScope(p, 'poorOrMonitored') && grades.test(p.get('在校生状况') ?? '') && schoolAge(p) !== null && !between(schoolAge(p), lo, hi),
    message: (p) => `「在校生状况」为${shown(p.get('在校生状况'))}，按证件号码到 ${p.ctx.schoolDay} 为 ${schoolAge(p)} 岁，不在 ${lo}～${hi} 岁之间，请核实年级或证件号码`,
    examples: { fires: { members: [{}, {}, fires] }, passes: {} },
  })
}

export const guaranteeRules: RuleDef[] = [
  rule({
    code: 'guarantees.dilapidated-not-monitored', title: '危房户未纳入监测', category: '三保障:housing', severity: '疑点', record: 'household',
    fields: ['是否危房户', '监测对象类别'], covers: ['1_02_001'],
    test: (h) => h.get('是否危房户') === '是' && !h.monitored,
    message: () => '「是否危房户」为是，却未纳入监测，请核实住房情况或按程序纳入监测',
    examples: { fires: { household: { dilapidated_house: '是' } }, passes: {} },
  }),
  rule({
    code: 'guarantees.dilapidated-monitored', title: '监测对象住房为危房', category: '三保障:housing', severity: '疑点', record: 'household',
    fields: ['是否危房户', '监测对象类别', '风险是否已消除'], covers: ['1_11_006', '5_19_006'],
    test: (h) => h.monitored && h.get('是否危房户') === '是',
    message: (h) => `${h.eliminated ? '风险已消除' : '监测对象'}「是否危房户」仍为是，请落实住房安全保障并更新住房情况`,
    examples: { fires: scoped('monitored', { household: { dilapidated_house: '是', household_type: '监测户' } }), passes: scoped('monitored') },
  }),
  blankRule({ code: 'guarantees.dilapidated-blank', title: '是否危房户为空', category: '三保障:housing', covers: ['3_02_009'], col: '是否危房户', scope: 'poorOrMonitored', record: 'household', blank: { household: { dilapidated_house: null } } }),
  blankRule({ code: 'guarantees.housing-area-blank', title: '住房面积为空', category: '三保障:housing', covers: ['3_02_008', '5_19_005'], col: '住房面积', scope: 'poorOrMonitored', record: 'household', blank: { household: { housing_area: null } } }),
  rule({
    code: 'guarantees.unsafe-water-not-monitored', title: '饮水不安全未纳入监测', category: '三保障:water', severity: '疑点', record: 'household',
    fields: ['是否解决安全饮用水', '监测对象类别'], covers: ['1_02_002'],
    test: (h) => h.get('是否解决安全饮用水') === '否' && !h.monitored,
    message: () => '「是否解决安全饮用水」为否，却未纳入监测，请核实饮水情况或按程序纳入监测',
    examples: { fires: { household: { safe_drinking_water: '否' } }, passes: {} },
  }),
  rule({
    code: 'guarantees.unsafe-water-eliminated', title: '风险已消除但饮水不安全', category: '三保障:water', severity: '错误', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '是否解决安全饮用水'], field: '是否解决安全饮用水', covers: ['1_11_007'],
    test: (h) => eliminatedWith(h) && h.get('是否解决安全饮用水') === '否',
    message: () => '风险已消除，「是否解决安全饮用水」却为否，请落实饮水安全保障并更新，或核实消除是否得当',
    examples: { fires: { household: { safe_drinking_water: '否' }, case: { elim_county_date: '2025-03-01', elimination_method: '帮扶消除' } }, passes: { case: { elim_county_date: '2025-03-01', elimination_method: '帮扶消除' } } },
  }),
  rule({
    code: 'guarantees.water-not-yes', title: '安全饮用水未解决或为空', category: '三保障:water', severity: '疑点', record: 'household',
    fields: ['户类型', '是否解决安全饮用水'], field: '是否解决安全饮用水', covers: ['3_02_002', '5_19_002'],
    test: (h) => h.poor && h.get('是否解决安全饮用水') !== '是',
    message: (h) => `脱贫户「是否解决安全饮用水」为${shown(h.get('是否解决安全饮用水'))}，请核实并填写（应为是）`,
    examples: { fires: { household: { safe_drinking_water: null } }, passes: {} },
  }),
  rule({
    code: 'guarantees.serious-illness-not-monitored', title: '未参加大病保险且未纳入监测', category: '三保障:medical', severity: '疑点', record: 'person',
    fields: ['是否参加大病保险', '监测对象类别'], covers: ['1_02_003'],
    test: (p) => !p.monitored && p.get('是否参加大病保险') !== '是' && p.holds('是否参加大病保险'),
    message: (p) => `「是否参加大病保险」为${shown(p.get('是否参加大病保险'))}，未纳入监测，请核实参保情况`,
    examples: { fires: { members: [{ serious_illness_insurance: '否' }] }, passes: {} },
  }),
  rule({
    code: 'guarantees.insurance-both-or-neither', title: '基本医疗保险都未参加或重复参加', category: '三保障:medical', severity: '错误', record: 'person',
    fields: ['户类型', RESIDENT, STAFF, '风险是否已消除', '监测对象类别'], field: RESIDENT,
    covers: ['1_11_008', '2_01_008', '2_01_009', '2_12_012', '2_12_015'],
    test: (p) => {
      if (!inScope(p, 'poorOrMonitored') || !p.holds(STAFF)) return false
      const a = ins(p, RESIDENT)
      const b = ins(p, STAFF)
      return (a === '是' && b === '是') || (a !== '是' && b !== '是')
    },
    message: (p) => ins(p, RESIDENT) === '是'
      ? '城乡居民基本医疗保险和城镇职工基本医疗保险都为是，只能参加一种，请核实'
      : `「${RESIDENT}」为${shown(ins(p, RESIDENT))}、「${STAFF}」为${shown(ins(p, STAFF))}，没有基本医疗保险，请落实参保或更正`,
    examples: { fires: { members: [{ extra: { [STAFF]: '是' } }] }, passes: {} },
  }),
  blankRule({ code: 'guarantees.serious-illness-blank', title: '是否参加大病保险为空', category: '三保障:medical', covers: ['2_01_006', '2_12_010'], col: '是否参加大病保险', scope: 'poorOrMonitored', blank: { members: [{ serious_illness_insurance: null }] } }),
  rule({
    code: 'guarantees.not-insured', title: '大病保险或城乡居民医保为否', category: '三保障:medical', severity: '疑点', record: 'person',
    fields: ['户类型', '是否参加大病保险', RESIDENT, '监测对象类别'], covers: ['2_01_016', '2_12_016'],
    test: (p) => inScope(p, 'poorOrMonitored') && (p.get('是否参加大病保险') === '否' || (p.get(RESIDENT) === '否' && p.get(STAFF) !== '是')),
    message: (p) => `「是否参加大病保险」为${shown(p.get('是否参加大病保险'))}、「${RESIDENT}」为${shown(p.get(RESIDENT))}，请落实参保或核实`,
    examples: { fires: { members: [{ serious_illness_insurance: '否' }] }, passes: {} },
  }),
  rule({
    code: 'guarantees.aid-without-insurance', title: '未参保却接受医疗救助', category: '三保障:medical', severity: '疑点', record: 'person',
    fields: ['户类型', RESIDENT, STAFF, '是否接受医疗救助'], field: '是否接受医疗救助', covers: ['3_01_007'],
    test: (p) => p.poor && p.get(RESIDENT) === '否' && p.get(STAFF) !== '是' && p.get('是否接受医疗救助') === '是',
    message: () => '未参加基本医疗保险，「是否接受医疗救助」却为是，请核实参保情况',
    examples: { fires: { members: [{ medical_insurance: '否', extra: { 是否接受医疗救助: '是' } }] }, passes: { members: [{ extra: { 是否接受医疗救助: '是' } }] } },
  }),
  rule({
    code: 'guarantees.out-of-school-child', title: '义务教育阶段适龄儿童无在校信息', category: '三保障:education', severity: '错误', record: 'person',
    fields: ['证件号码', '在校生状况', REASON, '户类型', '监测对象类别'], field: '在校生状况', covers: ['1_02_005', '5_15_016', '5_15_017'],
    test: (p) => outOfSchool(p),
    message: (p) => `到 ${p.ctx.schoolDay} 为 ${schoolAge(p)} 岁（义务教育阶段），「在校生状况」和「${REASON}」都为空，请补录在校情况或未上学原因`,
    examples: { fires: { members: [{}, {}, { school_status: null }] }, passes: { members: [{}, {}, { school_status: null, extra: { [REASON]: '因病' }, health: '患有大病' }] } },
  }),
  rule({
    code: 'guarantees.three-guarantees-gap', title: '存在三保障或饮水安全问题', category: '三保障:composite', severity: '提示', record: 'household',
    fields: ['证件号码', '是否参加大病保险', '是否危房户', '是否解决安全饮用水', '在校生状况', REASON], field: '是否危房户', covers: ['1_02_007'],
    test: (h) => gaps(h).length > 0,
    message: (h) => `存在三保障或饮水问题：${gaps(h).join('；')}，请落实保障措施`,
    examples: { fires: { household: { dilapidated_house: '是' } }, passes: {} },
  }),
  rule({
    code: 'guarantees.sick-out-of-school-healthy', title: '因病因残未上学但健康状况为健康', category: '三保障:education', severity: '疑点', record: 'person',
    fields: ['户类型', REASON, '健康状况'], field: REASON, covers: ['2_01_012'],
    test: (p) => p.poor && /因病|因残/.test(p.get(REASON) ?? '') && p.healthy,
    message: (p) => `「${REASON}」为${shown(p.get(REASON))}，「健康状况」却是健康，请核实`,
    examples: { fires: { members: [{}, {}, { school_status: null, extra: { [REASON]: '因残' } }] }, passes: { members: [{}, {}, { school_status: null, health: '残疾', extra: { [REASON]: '因残' } }] } },
  }),
  rule({
    code: 'guarantees.education-all-blank', title: '文化程度、在校生状况、未上学原因都为空', category: '三保障:education', severity: '疑点', record: 'person',
    fields: ['文化程度', '在校生状况', REASON, '户类型'], field: '文化程度', covers: ['3_01_002', '3_12_003'],
    test: (p) => p.get('文化程度') === null && !p.student && p.get(REASON) === null && !(schoolAge(p) !== null && schoolAge(p)! < 3),
    message: () => '「文化程度」「在校生状况」「义务教育阶段未上学原因」都为空，请按实际填写其一',
    examples: { fires: { members: [{ education: null }] }, passes: {} },
  }),
  rule({
    code: 'guarantees.education-and-school-blank', title: '脱贫户文化程度和在校生状况都为空', category: '三保障:education', severity: '提示', record: 'person',
    fields: ['户类型', '在校生状况', '文化程度'], field: '文化程度', covers: ['3_01_003'],
    test: (p) => p.poor && p.get('文化程度') === null && !p.student && !(schoolAge(p) !== null && schoolAge(p)! < 6),
    message: () => '「文化程度」和「在校生状况」都为空，请补录',
    examples: { fires: { members: [{ education: null }] }, passes: {} },
  }),
  rule({
    code: 'guarantees.education-and-school-both', title: '在校生同时填了文化程度', category: '三保障:education', severity: '提示', record: 'person',
    fields: ['监测对象类别', '文化程度', '在校生状况'], field: '文化程度', covers: ['3_12_004'],
    test: (p) => p.monitored && p.get('文化程度') !== null && p.student,
    message: (p) => `在校生（${p.get('在校生状况')}）不填「文化程度」，却填了${shown(p.get('文化程度'))}，请清空文化程度`,
    examples: { fires: scoped('monitored', { members: [{}, {}, { education: '小学' }] }), passes: scoped('monitored') },
  }),
  rule({
    code: 'guarantees.dropout', title: '有义务教育阶段适龄儿童少年失学辍学', category: '三保障:education', severity: '错误', record: 'household',
    fields: [DROPOUT], covers: ['4_11_008'],
    test: (h) => h.get(DROPOUT) === '是',
    message: () => `「${DROPOUT}」为是，请落实控辍保学并更新`,
    examples: { fires: { household: { extra: { [DROPOUT]: '是' } } }, passes: { household: { extra: { [DROPOUT]: '否' } } } },
  }),
  rule({
    code: 'guarantees.preschool-age', title: '7 岁以上仍为学龄前儿童或学前教育', category: '三保障:education', severity: '疑点', record: 'person',
    fields: ['证件号码', '监测对象类别', '户类型', '健康状况', '在校生状况'], field: '在校生状况', covers: ['5_12_013', '5_17_001'],
    test: (p) => inScope(p, 'poorOrMonitored') && p.healthy && /学龄前|学前教育/.test(p.get('在校生状况') ?? '') && (schoolAge(p) ?? 0) >= 7,
    message: (p) => `到 ${p.ctx.schoolDay} 已 ${schoolAge(p)} 岁，「在校生状况」仍为${shown(p.get('在校生状况'))}，请核实是否已上小学`,
    examples: { fires: { members: [{}, {}, { school_status: '学前教育' }] }, passes: {} },
  }),
  gradeAge('guarantees.primary-age', '小学生年龄不在 6～14 岁', ['5_12_014', '5_17_002'], /^小学/, 6, 14, { school_status: '小学', birth_date: '2008-05-01', id_number: null }),
  gradeAge('guarantees.junior-age', '初中生年龄不在 12～17 岁', ['5_12_015', '5_17_003'], /^(七|八|九)年级|^初中/, 12, 17, { school_status: '九年级', birth_date: '2016-05-01', id_number: null }),
  gradeAge('guarantees.senior-age', '高中、中职学生年龄不在 15～20 岁', ['5_12_016', '5_17_004'], /^(普通高中|中职|高中)/, 15, 20, { school_status: '普通高中一年级' }),
  rule({
    code: 'guarantees.young-post-secondary', title: '未满 18 岁文化程度为大专以上', category: '三保障:education', severity: '疑点', record: 'person',
    fields: ['证件号码', '监测对象类别', '户类型', '文化程度'], field: '文化程度', covers: ['5_12_017', '5_17_005'],
    test: (p) => inScope(p, 'poorOrMonitored') && POST_SECONDARY.includes(p.get('文化程度') ?? '') && (p.age() ?? 99) < 18,
    message: (p) => `${p.age()} 岁，「文化程度」却为${shown(p.get('文化程度'))}，请核实`,
    examples: { fires: { members: [{}, {}, { school_status: null, education: '大专' }] }, passes: {} },
  }),
  rule({
    code: 'guarantees.young-postgraduate', title: '未满 20 岁为硕士研究生', category: '三保障:education', severity: '疑点', record: 'person',
    fields: ['证件号码', '户类型', '在校生状况'], field: '在校生状况', covers: ['5_12_018', '5_17_006'],
    test: (p) => inScope(p, 'poorOrMonitored') && /硕士|研究生/.test(p.get('在校生状况') ?? '') && (schoolAge(p) ?? 99) < 20,
    message: (p) => `${schoolAge(p)} 岁，「在校生状况」却为${shown(p.get('在校生状况'))}，请核实`,
    examples: { fires: { members: [{}, {}, { school_status: '硕士研究生及以上' }] }, passes: {} },
  }),
  rule({
    code: 'guarantees.youth-low-education', title: '16～22 岁文化程度为小学或文盲', category: '三保障:education', severity: '疑点', record: 'person',
    fields: ['证件号码', '监测对象类别', '户类型', '文化程度'], field: '文化程度', covers: ['5_12_019', '5_17_007'],
    test: (p) => inScope(p, 'poorOrMonitored') && /^(小学|文盲或半文盲)$/.test(p.get('文化程度') ?? '') && between(p.age(), 16, 22),
    message: (p) => `${p.age()} 岁，「文化程度」为${shown(p.get('文化程度'))}，义务教育应已完成，请核实文化程度或是否失学`,
    examples: { fires: { members: [{}, {}, { school_status: null, education: '小学', birth_date: '2005-01-01', id_number: null }] }, passes: {} },
  }),
]

function gaps(h: HouseholdView): string[] {
  const out: string[] = []
  if (h.members.some((m) => m.holds('是否参加大病保险') && m.get('是否参加大病保险') !== '是')) out.push('有成员未参加大病保险')
  if (h.get('是否危房户') === '是') out.push('住房为危房')
  if (h.get('是否解决安全饮用水') === '否') out.push('饮水未解决')
  if (h.members.some(outOfSchool)) out.push('有义务教育阶段适龄儿童未在校')
  return out
}
