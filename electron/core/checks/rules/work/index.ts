/**
 * 务工: rules over the person's work spells (已外出务工信息) and planned work (计划外出务工信息), read
 * through PersonView.work (WorkSpellData: start, end, the export's cells). They decide nothing while
 * the ledger holds no work records (LedgerData.workSpells null).
 */
import type { LedgerData, WorkSpellData } from '../../data'
import { makeId } from '../../examples'
import type { HouseholdView, PersonView } from '../../views'
import { inScope, noLabour, shown } from '../helpers'
import { rule, type Example, type RuleDef } from '../types'

const spells = (p: PersonView) => p.work.filter((w) => !w.planned)
const planned = (p: PersonView) => p.work.filter((w) => w.planned)
const latest = (p: PersonView): WorkSpellData | undefined => spells(p).at(-1)
const current = (p: PersonView) => spells(p).filter((w) => w.end === null || w.end >= p.ctx.asOf.slice(0, 7))
const cell = (w: WorkSpellData | undefined, col: string) => {
  const v = w?.cells[col]
  return v === undefined || v.trim() === '' ? null : v.trim()
}
const income = (w: WorkSpellData | undefined) => {
  const v = cell(w, '务工月收入')
  return v === null ? null : /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN
}
const PUBLIC_POST = /公益岗位|公益性岗位|帮扶车间/
const JOB_FIELDS = ['务工月收入', '务工企业名称', '所属行业', '就业渠道', '是否点对点输送']

/** An Example whose first member has these work rows. */
function working(rows: Partial<WorkSpellData>[], ex: Example = {}): Example {
  return {
    ...ex,
    more: (d: LedgerData) => {
      const id = d.households[0]!.members[0]!.id_number!
      d.workSpells = rows.map((r) => ({ id_number: id, planned: false, start: '2024-03', end: null, cells: { ...CLEAN_CELLS }, ...r, ...(r.cells ? { cells: { ...CLEAN_CELLS, ...r.cells } } : {}) }))
      ex.more?.(d)
    },
  }
}
const CLEAN_CELLS: Record<string, string> = {
  是否已务工: '是', 务工所在省: '浙江省', 务工所在市: '宁波市', 务工所在县: '北仑区', 就业渠道: '企业招聘', 务工企业名称: '某电子厂',
  所属行业: '制造业', 务工月收入: '4500', 是否点对点输送: '否', 年度交通费补助: '0', 就业服务需求: '职业介绍',
}

export const workRules: RuleDef[] = [
  rule({
    code: 'work.low-monthly-income', title: '最近务工月收入低于 400 元', category: 'other:work', severity: '疑点', record: 'person',
    fields: ['务工月收入'], covers: ['1111_12'],
    test: (p) => { const n = income(latest(p)); return n !== null && n < 400 },
    message: (p) => `最近一段务工的「务工月收入」为 ${cell(latest(p), '务工月收入')} 元，低于 400 元，请核实（单位：元/月）`,
    examples: { fires: working([{ cells: { 务工月收入: '300' } }]), passes: working([{}]) },
  }),
  rule({
    code: 'work.income-out-of-range', title: '务工月收入不在 100～30000 元', category: 'other:work', severity: '疑点', record: 'person',
    fields: ['务工月收入', '户类型', '监测对象类别'], covers: ['5_16_001', '5_16_002'],
    test: (p) => inScope(p, 'poorOrMonitored') && spells(p).some((w) => { const n = income(w); return n !== null && (Number.isNaN(n) || n < 100 || n > 30_000) }),
    message: (p) => `「务工月收入」为${spells(p).map((w) => shown(cell(w, '务工月收入'))).join('、')}，应在 100～30000 元之间，请核实`,
    examples: { fires: working([{ cells: { 务工月收入: '50000' } }]), passes: working([{}]) },
  }),
  rule({
    code: 'work.start-blank', title: '务工开始时间为空', category: 'other:work', severity: '错误', record: 'person',
    fields: ['开始时间'], covers: ['3_12_001'],
    test: (p) => spells(p).some((w) => w.start === null),
    message: () => '务工信息的「开始时间」为空，请补录（如 2021年08月）',
    examples: { fires: working([{ start: null }]), passes: working([{}]) },
  }),
  rule({
    code: 'work.county-blank', title: '务工所在县为空', category: 'other:work', severity: '疑点', record: 'person',
    fields: ['监测对象类别', '务工所在县', '计划务工所在县'], covers: ['4_12_001', '5_01_005'],
    test: (p) => spells(p).some((w) => cell(w, '务工所在县') === null) || planned(p).some((w) => cell(w, '计划务工所在县') === null),
    message: () => '务工地点未填到县（「务工所在县」或「计划务工所在县」为空），请补录',
    examples: { fires: working([{ cells: { 务工所在县: '' } }]), passes: working([{}]) },
  }),
  rule({
    code: 'work.student-worker', title: '在校生登记为外出务工', category: 'other:work', severity: '错误', record: 'person',
    fields: ['在校生状况', '监测对象类别', '是否已务工', '是否计划务工', '户类型'], field: '在校生状况', covers: ['4_01_006', '4_12_002'],
    test: (p) => p.student && (current(p).length > 0 || planned(p).length > 0),
    message: (p) => `在校生（${p.get('在校生状况')}）却有务工或计划务工记录，请核实在校情况或务工信息`,
    examples: { fires: working([{}], { members: [{ school_status: '高职高专一年级' }] }), passes: working([{}]) },
  }),
  rule({
    code: 'work.no-labour-worker', title: '无劳动力却有务工记录', category: 'other:work', severity: '疑点', record: 'person',
    fields: ['户类型', '监测对象类别', '劳动技能', '是否已务工', '是否计划外出务工'], field: '劳动技能', covers: ['2_01_015', '2_12_004'],
    test: (p) => inScope(p, 'poorOrMonitored') && (noLabour(p) || p.get('劳动技能') === null) && (current(p).length > 0 || planned(p).length > 0),
    message: (p) => `「劳动技能」为${shown(p.get('劳动技能'))}，却在务工或计划务工名单中，请核实劳动技能`,
    examples: { fires: working([{}], { members: [{ labour_skill: '丧失劳动力', health: '患有大病' }] }), passes: working([{}]) },
  }),
  rule({
    code: 'work.overlapping-spells', title: '务工时间段重叠', category: 'other:work', severity: '疑点', record: 'person',
    fields: ['开始时间', '结束时间', '监测对象类别'], field: '开始时间', covers: ['5_12_001'],
    test: (p) => { const s = spells(p); return s.length > 1 && s.slice(1).some((w) => w.start !== null && s[0]!.end !== null && w.start < s[0]!.end) || (s.length > 1 && s[0]!.end === null) },
    message: () => '后一段务工开始时，前一段务工尚未结束，请核实各段的开始和结束时间',
    examples: { fires: working([{ start: '2023-01', end: '2024-06' }, { start: '2024-03' }]), passes: working([{ start: '2023-01', end: '2024-02' }, { start: '2024-03' }]) },
  }),
  rule({
    code: 'work.child-worker', title: '未满 16 岁开始务工', category: 'other:work', severity: '错误', record: 'person',
    fields: ['证件号码', '开始时间', '户类型'], field: '开始时间', covers: ['5_16_010'],
    test: (p) => { const s = spells(p)[0]; return Boolean(s?.start && p.birth && p.age(`${s.start}-28`) !== null && p.age(`${s.start}-28`)! < 16) },
    message: (p) => `第一段务工开始于 ${spells(p)[0]!.start}，当时未满 16 岁，请核实开始时间或证件号码`,
    examples: { fires: working([{ start: '1980-01' }]), passes: working([{}]) },
  }),
  rule({
    code: 'work.gone-since-2020', title: '2020 年开始务工至今未结束', category: 'other:work', severity: '提示', record: 'person',
    fields: ['户类型', '开始时间', '结束时间'], field: '开始时间', covers: ['1111_08'],
    test: (p) => p.poor && latest(p)?.start?.startsWith('2020') === true && latest(p)!.end === null,
    message: (p) => `最近一段务工从 ${latest(p)!.start} 开始，一直没有结束时间，请核实是否仍在务工`,
    examples: { fires: working([{ start: '2020-05' }]), passes: working([{}]) },
  }),
  rule({
    code: 'work.job-fields-missing', title: '务工信息缺少月收入、企业、行业、渠道或输送方式', category: 'other:work', severity: '疑点', record: 'person',
    fields: ['户类型', '监测对象类别', ...JOB_FIELDS], field: '务工月收入', covers: ['5_01_007', '5_12_006'],
    test: (p) => inScope(p, 'poorOrMonitored') && current(p).some((w) => JOB_FIELDS.some((c) => cell(w, c) === null)),
    message: (p) => `务工信息缺少${[...new Set(current(p).flatMap((w) => JOB_FIELDS.filter((c) => cell(w, c) === null)))].map((c) => `「${c}」`).join('、')}，请补录`,
    examples: { fires: working([{ cells: { 所属行业: '' } }]), passes: working([{}]) },
  }),
  rule({
    code: 'work.planned-no-need', title: '计划务工人员未填就业服务需求', category: 'other:work', severity: '提示', record: 'person',
    fields: ['是否计划务工', '就业服务需求', '监测对象类别', '户类型'], field: '就业服务需求', covers: ['5_15_008', '5_15_009'],
    test: (p) => planned(p).some((w) => cell(w, '就业服务需求') === null),
    message: () => '计划外出务工，「就业服务需求」为空，请补录（如职业介绍、技能培训）',
    examples: { fires: working([{ planned: true, cells: { 就业服务需求: '', 计划务工所在县: '北仑区' } }]), passes: working([{ planned: true, cells: { 计划务工所在县: '北仑区' } }]) },
  }),
  rule({
    code: 'work.tekun-working', title: '享受特困供养却在务工', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['户类型', '享受特困供养政策情况', '是否已务工'], field: '享受特困供养政策情况', covers: ['5_01_004', '5_12_003'],
    test: (p) => p.poor && p.m.special_support === '是' && current(p).length > 0,
    message: () => '享受特困供养，却有正在进行的务工记录，请核实',
    examples: { fires: working([{}], { members: [{ special_support: '是' }] }), passes: working([{}]) },
  }),
  rule({
    code: 'work.public-post-age', title: '未满 16 岁或 70 岁以上在公益岗位务工', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['户类型', '监测对象类别', '证件号码', '就业渠道'], field: '就业渠道', covers: ['5_01_006', '5_12_004', '5_12_005'],
    test: (p) => inScope(p, 'poorOrMonitored') && current(p).some((w) => PUBLIC_POST.test(cell(w, '就业渠道') ?? '')) && p.birth !== null && (Number(p.ctx.asOf.slice(0, 4)) - Number(p.birth.slice(0, 4)) < 16 || Number(p.ctx.asOf.slice(0, 4)) - Number(p.birth.slice(0, 4)) >= 70),
    message: (p) => `按出生年份 ${p.birth!.slice(0, 4)} 年，本年 ${Number(p.ctx.asOf.slice(0, 4)) - Number(p.birth!.slice(0, 4))} 岁，不宜在公益岗位务工，请核实`,
    examples: { fires: working([{ cells: { 就业渠道: '公益岗位' } }], { members: [{ birth_date: '1950-01-01', id_number: makeId('19500101', 5) }] }), passes: working([{ cells: { 就业渠道: '公益岗位' } }]) },
  }),
  rule({
    code: 'work.public-post-outside-county', title: '县外务工却为公益岗位或帮扶车间', category: 'other:work', severity: '疑点', record: 'person',
    fields: ['户类型', '务工所在县', '公益性岗位', '就业渠道'], field: '务工所在县', covers: ['5_01_003', '5_12_002'],
    test: (p) => p.poor && p.ctx.homeCounty !== null && current(p).some((w) => PUBLIC_POST.test(cell(w, '就业渠道') ?? '') && cell(w, '务工所在县') !== null && cell(w, '务工所在县') !== p.ctx.homeCounty),
    message: (p) => `就业渠道为公益岗位或帮扶车间，务工所在县却不是本县（${p.ctx.homeCounty}），请核实`,
    examples: { fires: working([{ cells: { 就业渠道: '帮扶车间' } }]), passes: working([{ cells: { 就业渠道: '帮扶车间', 务工所在县: '长顺县' } }]) },
  }),
  rule({
    code: 'work.not-working-open-spell', title: '是否已务工为否却无结束时间', category: 'other:work', severity: '疑点', record: 'person',
    fields: ['结束时间', '监测对象类别', '户类型', '是否已务工'], field: '是否已务工', covers: ['1111_16', '1111_17'],
    test: (p) => inScope(p, 'poorOrMonitored') && latest(p) !== undefined && cell(latest(p), '是否已务工') === '否' && (latest(p)!.end === null || latest(p)!.end! > p.ctx.asOf.slice(0, 7)),
    message: () => '最近一段务工「是否已务工」为否，「结束时间」却为空或在以后，请填写结束时间',
    examples: { fires: working([{ cells: { 是否已务工: '否' } }]), passes: working([{ cells: { 是否已务工: '否' }, end: '2024-12' }]) },
  }),
]

const holdsWork = (p: PersonView | HouseholdView) => p.ctx.data.workSpells !== null
const transport = (w: WorkSpellData) => Number(cell(w, '年度交通费补助') ?? '0') || 0
const GRADUATE = /大专|本科|高职高专/
const monitoredOpen = (ex: Example = {}): Example => ({ ...ex, household: { household_type: '监测户', ...ex.household }, case: ex.case ?? {} })
const MIGRANT_SUBSIDY = /外出务工补贴|外出劳务补贴|劳务输出/

export const workMeasureRules: RuleDef[] = [
  rule({
    code: 'work.subsidy-no-transport', title: '有外出务工补贴但务工记录无交通费补助', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['监测对象类别', '风险是否已消除', '就业帮扶', '年度交通费补助'], field: '年度交通费补助', covers: ['1111_10'],
    test: (p) => p.household.open && p.household.measureHas('就业帮扶', '外出务工补贴') && spells(p).length > 0 && spells(p).every((w) => transport(w) === 0),
    message: () => '「就业帮扶」有外出务工补贴，本人务工记录的「年度交通费补助」却为 0 或空白，请核实补贴发放',
    examples: { fires: working([{}], monitoredOpen({ measures: { 就业帮扶: ['外出务工补贴'] } })), passes: working([{ cells: { 年度交通费补助: '600' } }], monitoredOpen({ measures: { 就业帮扶: ['外出务工补贴'] } })) },
  }),
  rule({
    code: 'work.job-measure-nobody-listed', title: '有就业帮扶或公益性岗位但户内无人在务工名单', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['就业帮扶', '公益性岗位'], field: '就业帮扶', covers: ['1111_3'],
    test: (h) => holdsWork(h) && (h.measured('就业帮扶') || h.members.some((m) => m.get('公益性岗位') !== null)) && h.members.every((m) => m.work.length === 0),
    message: () => '登记了就业帮扶或公益性岗位，户内却没有人在外出务工信息中，请补录务工信息或核实措施',
    examples: { fires: working([], monitoredOpen({ measures: { 就业帮扶: ['技能培训'] } })), passes: working([{}], monitoredOpen({ measures: { 就业帮扶: ['技能培训'] } })) },
  }),
  rule({
    code: 'work.job-measure-nobody-working', title: '有就业或公益岗位帮扶但无人正在务工', category: 'assistance', severity: '疑点', record: 'household',
    fields: ['户类型', '监测对象类别', '公益岗位帮扶', '就业帮扶', '风险是否已消除', '是否已务工'], field: '是否已务工', covers: ['4_11_014'],
    test: (h) => holdsWork(h) && h.poor && h.open && h.measured('就业帮扶', '公益岗位帮扶') && h.members.some((m) => m.work.length > 0) && h.members.every((m) => current(m).length === 0),
    message: () => '风险未消除，已落实就业或公益岗位帮扶，户内却没有正在务工的人，请核实',
    examples: { fires: working([{ start: '2023-01', end: '2024-01' }], { case: {}, measures: { 就业帮扶: ['技能培训'] } }), passes: working([{}], { case: {}, measures: { 就业帮扶: ['技能培训'] } }) },
  }),
  rule({
    code: 'work.migrant-subsidy-home-county', title: '劳务输出或外出务工补贴但在本县或未填务工县', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['监测对象类别', '风险是否已消除', '就业帮扶', '务工所在县'], field: '务工所在县', covers: ['5_17_011'],
    test: (p) => p.household.open && MIGRANT_SUBSIDY.test(p.get('就业帮扶') ?? '') && current(p).some((w) => cell(w, '务工所在县') === null || cell(w, '务工所在县') === p.ctx.homeCounty),
    message: (p) => `「就业帮扶」为${shown(p.get('就业帮扶'))}，务工所在县却是本县或未填，请核实`,
    examples: { fires: working([{ cells: { 务工所在县: '长顺县' } }], monitoredOpen({ measures: { 就业帮扶: ['劳务输出'] } })), passes: working([{}], monitoredOpen({ measures: { 就业帮扶: ['劳务输出'] } })) },
  }),
  rule({
    code: 'work.home-county-transport', title: '本县务工却有年度交通费补助', category: 'assistance', severity: '疑点', record: 'person',
    fields: ['县', '年度交通费补助', '务工所在县', '风险是否已消除'], field: '年度交通费补助', covers: ['5_17_012'],
    test: (p) => p.household.open && latest(p) !== undefined && cell(latest(p), '务工所在县') === p.ctx.homeCounty && transport(latest(p)!) > 0,
    message: (p) => `最近一段务工在本县（${p.ctx.homeCounty}），「年度交通费补助」却为 ${cell(latest(p), '年度交通费补助')} 元，请核实`,
    examples: { fires: working([{ cells: { 务工所在县: '长顺县', 年度交通费补助: '500' } }], monitoredOpen()), passes: working([{ cells: { 务工所在县: '长顺县' } }], monitoredOpen()) },
  }),
  rule({
    code: 'work.identified-after-work', title: '劳务输出措施但识别监测晚于务工开始', category: 'assistance', severity: '提示', record: 'person',
    fields: ['识别监测时间', '开始时间', '监测对象类别', '就业帮扶'], field: '开始时间', covers: ['5_17_013'],
    test: (p) => p.monitored && p.household.measureHas('就业帮扶', '劳务输出') && latest(p)?.start != null && (p.get('识别监测时间') ?? '') > latest(p)!.start!.replace('-', ''),
    message: (p) => `「就业帮扶」有劳务输出，最近一段务工从 ${latest(p)!.start} 开始，早于识别监测时间 ${p.get('识别监测时间')}，劳务输出不是识别后的帮扶，请核实`,
    examples: { fires: working([{ start: '2023-05' }], monitoredOpen({ measures: { 就业帮扶: ['劳务输出'] } })), passes: working([{ start: '2024-06' }], monitoredOpen({ measures: { 就业帮扶: ['劳务输出'] } })) },
  }),
  rule({
    code: 'work.graduate-not-working', title: '大专以上毕业生不在外出务工名单', category: 'other:work', severity: '提示', record: 'person',
    fields: ['监测对象类别', '户类型', '文化程度'], field: '文化程度', covers: ['5_20_028', '5_20_030'],
    test: (p) => holdsWork(p) && inScope(p, 'poorOrMonitored') && GRADUATE.test(p.get('文化程度') ?? '') && !p.student && p.work.length === 0,
    message: (p) => `「文化程度」为${shown(p.get('文化程度'))}，不在外出务工或计划务工名单中，请核实就业情况并登记`,
    examples: { fires: working([], { members: [{}, { education: '大专' }] }), passes: working([{}], { members: [{ education: '大专' }] }) },
  }),
  rule({
    code: 'work.skilled-not-working', title: '技能劳动力不在外出务工名单', category: 'other:work', severity: '提示', record: 'person',
    fields: ['监测对象类别', '户类型', '劳动技能'], field: '劳动技能', covers: ['5_20_029', '5_20_031'],
    test: (p) => holdsWork(p) && inScope(p, 'poorOrMonitored') && p.get('劳动技能') === '技能劳动力' && p.work.length === 0,
    message: () => '「劳动技能」为技能劳动力，不在外出务工或计划务工名单中，请核实就业情况并登记',
    examples: { fires: working([], { members: [{}, { labour_skill: '技能劳动力' }] }), passes: working([{}], { members: [{ labour_skill: '技能劳动力' }] }) },
  }),
]
