/**
 * The column dictionary of the project-list importer (项目库 / 衔接资金项目计划表): every field a
 * county project list carries, how its cells are read and the header texts seen for it. Funds come
 * under a merged group such as 「资金来源（万元）」 or 「资金规模及来源（万元）」 with one column per
 * source; children of a group are read in the group's context (a plain 县 under the funds group is
 * 县级 funds, 户数 under 受益对象 is the number of households).
 */
import { FUND_SOURCES, type FundSource, type StandardFundSource } from '../domain/projects'
import { aliasForm } from './households-fields'
import type { HeaderMatcher } from './header-detect'

export type FundKey = `fund:${FundSource}`

export type ProjectFieldKey =
  | 'seq' | 'project_no' | 'name' | 'category' | 'subtype' | 'nature' | 'year' | 'township' | 'village'
  | 'content' | 'planned_start' | 'planned_end' | 'implementer' | 'responsible_unit' | 'responsible_person'
  | 'responsible_phone' | 'assisting_unit' | 'farmer_link' | 'declared_households' | 'declared_persons'
  | 'declared_poor_households' | 'declared_poor_persons' | 'performance' | 'fund_total' | FundKey
  | 'disbursed' | 'disbursed_rate' | 'status'

/**
 * How a cell is read: 'start' / 'end' are dates (a month or year alone is widened to its first or
 * last day; 实施期限 may hold a range); 'money' is 万元 or 元 by the column's header; 'derived' are
 * figures the ledger computes itself (已拨付, 拨付率, 项目状态): recognised so that a list exported
 * from here imports back cleanly, never stored.
 */
export type ProjectFieldKind = 'text' | 'code' | 'start' | 'end' | 'year' | 'int' | 'phone' | 'money' | 'derived'

export interface ProjectFieldDef {
  key: ProjectFieldKey
  /** Chinese label for messages, the preview and the standard export. */
  label: string
  kind: ProjectFieldKind
  /** The projects column it is stored in; absent for seq, village (location + village_id), performance, funds and derived figures. */
  column?: string
  aliases: readonly string[]
}

/**
 * Only names that mean the same source: 「省级财政资金」 is not 「省级衔接资金」 (a file may carry both),
 * so a name not listed here becomes a source of its own (fundSourceOfHeader).
 */
const FUND_ALIASES: Record<StandardFundSource, readonly string[]> = {
  中央衔接资金: ['中央衔接资金', '中央财政衔接资金', '中央财政衔接推进乡村振兴补助资金', '中央衔接推进乡村振兴补助资金', '中央衔接补助资金'],
  省级衔接资金: ['省级衔接资金', '省级财政衔接资金', '省级财政衔接推进乡村振兴补助资金', '省级衔接推进乡村振兴补助资金', '省衔接资金', '省级衔接补助资金'],
  市级: ['市级', '市级资金'],
  县级: ['县级', '县级资金'],
  帮扶单位资金: ['帮扶单位资金', '帮扶单位自筹', '帮扶单位自筹资金', '帮扶单位投入', '帮扶单位筹措资金', '定点帮扶资金'],
  群众自筹: ['群众自筹', '群众自筹资金', '农户自筹', '群众筹资'],
  投工投劳: ['投工投劳', '投工投劳折资', '群众投工投劳'],
  其他: ['其他资金', '其它资金', '其他来源资金', '社会资金', '其他渠道资金'],
}

/** 万元 columns name the source only; the source list is the domain's. */
const fundKey = (source: FundSource): FundKey => `fund:${source}`

export const PROJECT_FIELDS: readonly ProjectFieldDef[] = [
  { key: 'seq', label: '序号', kind: 'text', aliases: ['序号', '序', '顺序号', 'NO', 'NO.'] },
  { key: 'project_no', label: '项目编号', kind: 'code', column: 'project_no',
    aliases: ['项目编号', '项目编码', '项目代码', '项目库编号', '入库编号', '编号'] },
  { key: 'name', label: '项目名称', kind: 'text', column: 'name', aliases: ['项目名称', '项目名', '名称'] },
  { key: 'category', label: '项目类别', kind: 'text', column: 'category',
    aliases: ['项目类别', '项目类型', '类别', '项目大类', '一级类型', '项目分类', '类型', '项目一级类型'] },
  { key: 'subtype', label: '子类型', kind: 'text', column: 'subtype',
    aliases: ['子类型', '二级类型', '项目子类型', '二级项目类型', '项目子类', '子类', '二级分类', '小类', '项目二级类型'] },
  { key: 'nature', label: '建设性质', kind: 'text', column: 'nature', aliases: ['建设性质', '项目性质'] },
  { key: 'year', label: '年度', kind: 'year', column: 'year', aliases: ['年度', '项目年度', '实施年度', '计划年度', '年份', '所属年度'] },
  { key: 'township', label: '乡镇', kind: 'text', column: 'township',
    aliases: ['乡镇', '乡(镇)', '乡', '镇', '乡镇(街道)', '所属乡镇', '实施乡镇', '乡镇名称'] },
  { key: 'village', label: '实施地点（村）', kind: 'text',
    aliases: ['村', '行政村', '实施地点', '建设地点', '项目地点', '实施村', '所在村', '村(社区)', '行政村(社区)', '项目实施地点', '项目所在地', '项目建设地点'] },
  { key: 'content', label: '建设内容及规模', kind: 'text', column: 'content',
    aliases: ['建设内容及规模', '建设内容', '建设规模', '建设内容和规模', '主要建设内容', '建设任务', '建设内容与规模', '项目建设内容', '项目内容', '建设内容及标准'] },
  { key: 'planned_start', label: '计划开工时间', kind: 'start', column: 'planned_start',
    aliases: ['计划开工时间', '开工时间', '计划开工日期', '开工日期', '计划开始时间', '开始时间', '计划开工年月'] },
  { key: 'planned_end', label: '计划完工时间', kind: 'end', column: 'planned_end',
    aliases: ['计划完工时间', '完工时间', '计划完工日期', '完工日期', '实施期限', '建设期限', '计划完成时间', '完成时间', '实施周期', '建设周期', '起止时间', '实施时间', '计划完工年月', '时间进度'] },
  { key: 'implementer', label: '实施单位', kind: 'text', column: 'implementer',
    aliases: ['实施单位', '项目实施单位', '建设单位', '实施主体', '项目实施主体', '业主单位', '项目业主'] },
  { key: 'responsible_unit', label: '责任单位', kind: 'text', column: 'responsible_unit',
    aliases: ['责任单位', '主管部门', '行业主管部门', '项目主管部门', '主管单位', '责任部门', '监管单位', '行业部门'] },
  { key: 'responsible_person', label: '责任人', kind: 'text', column: 'responsible_person',
    aliases: ['责任人', '项目责任人', '负责人', '项目负责人', '联系人'] },
  { key: 'responsible_phone', label: '联系电话', kind: 'phone', column: 'responsible_phone',
    aliases: ['联系电话', '电话', '联系方式', '责任人电话', '负责人电话', '手机号码', '手机', '责任人联系电话'] },
  { key: 'assisting_unit', label: '帮扶单位', kind: 'text', column: 'assisting_unit',
    aliases: ['帮扶单位', '帮扶单位名称', '对口帮扶单位', '结对帮扶单位'] },
  { key: 'farmer_link', label: '联农带农机制', kind: 'text', column: 'farmer_link',
    aliases: ['联农带农机制', '利益联结机制', '联农带农', '带贫减贫机制', '联农带农富农机制', '利益联结机制及方式', '带农机制', '联农带农方式', '带贫机制', '联农带农富农机制及方式'] },
  { key: 'declared_households', label: '受益户数', kind: 'int', column: 'declared_households',
    aliases: ['受益户数', '受益农户数', '受益总户数', '带动户数', '惠及户数', '受益对象户数'] },
  { key: 'declared_persons', label: '受益人数', kind: 'int', column: 'declared_persons',
    aliases: ['受益人数', '受益人口', '受益人口数', '受益总人数', '带动人数', '惠及人数', '受益对象人数'] },
  { key: 'declared_poor_households', label: '其中脱贫户数', kind: 'int', column: 'declared_poor_households',
    aliases: ['其中脱贫户数', '脱贫户数', '受益脱贫户数', '带动脱贫户数', '其中:脱贫户数', '其中脱贫户', '其中受益脱贫户数'] },
  { key: 'declared_poor_persons', label: '其中脱贫人口数', kind: 'int', column: 'declared_poor_persons',
    aliases: ['其中脱贫人口数', '脱贫人口数', '其中脱贫人数', '脱贫人数', '受益脱贫人口', '受益脱贫人口数', '带动脱贫人口数', '其中脱贫人口', '其中:脱贫人口数'] },
  { key: 'performance', label: '绩效目标', kind: 'text',
    aliases: ['绩效目标', '项目绩效目标', '预期绩效目标', '绩效指标', '预期效益', '绩效目标(产出/效益/满意度)'] },
  { key: 'fund_total', label: '合计', kind: 'money',
    aliases: ['总投资', '项目总投资', '资金规模', '投资规模', '资金合计', '总投资额', '计划总投资', '项目资金', '资金总额', '投资总额'] },
  ...FUND_SOURCES.map((source): ProjectFieldDef => ({ key: fundKey(source), label: source, kind: 'money', aliases: FUND_ALIASES[source] })),
  { key: 'disbursed', label: '已拨付', kind: 'derived', aliases: ['已拨付', '已拨付金额', '已拨付资金', '累计拨付', '累计拨付资金'] },
  { key: 'disbursed_rate', label: '拨付率', kind: 'derived', aliases: ['拨付率', '资金拨付率', '资金使用率'] },
  { key: 'status', label: '项目状态', kind: 'derived', aliases: ['项目状态', '实施状态'] },
]

/** Child headers under a merged group cell, by what the group is about. */
const GROUP_CHILDREN: { group: RegExp; children: Record<string, ProjectFieldKey> }[] = [
  {
    group: /资金|投资|万元/,
    children: {
      合计: 'fund_total', 小计: 'fund_total', 总计: 'fund_total', 总额: 'fund_total', 总投资: 'fund_total', 金额: 'fund_total', 资金规模: 'fund_total',
      中央: 'fund:中央衔接资金', 中央衔接: 'fund:中央衔接资金',
      省: 'fund:省级衔接资金', 省级: 'fund:省级衔接资金', 省级衔接: 'fund:省级衔接资金',
      市: 'fund:市级', 市级: 'fund:市级',
      县: 'fund:县级', 县级: 'fund:县级', '县(区)': 'fund:县级', 县区: 'fund:县级', '县(市、区)': 'fund:县级',
      帮扶单位: 'fund:帮扶单位资金', 帮扶: 'fund:帮扶单位资金',
      自筹: 'fund:群众自筹',
      其他: 'fund:其他', 其它: 'fund:其他',
    },
  },
  {
    group: /受益|带动|惠及/,
    children: {
      户数: 'declared_households', 户: 'declared_households', 总户数: 'declared_households',
      人数: 'declared_persons', 人口: 'declared_persons', 人口数: 'declared_persons', 人: 'declared_persons', 总人数: 'declared_persons',
      脱贫户: 'declared_poor_households', 脱贫户数: 'declared_poor_households', 其中脱贫户: 'declared_poor_households', 其中脱贫户数: 'declared_poor_households',
      脱贫人口: 'declared_poor_persons', 脱贫人数: 'declared_poor_persons', 脱贫人口数: 'declared_poor_persons', 其中脱贫人口: 'declared_poor_persons', 其中脱贫人口数: 'declared_poor_persons',
    },
  },
  {
    group: /时间|期限|工期|进度/,
    children: {
      开工: 'planned_start', 开始: 'planned_start', 起: 'planned_start', 开工时间: 'planned_start', 计划开工: 'planned_start',
      完工: 'planned_end', 竣工: 'planned_end', 结束: 'planned_end', 止: 'planned_end', 完成: 'planned_end', 完工时间: 'planned_end', 计划完工: 'planned_end',
    },
  },
  {
    group: /地点|地址|位置/,
    children: { 乡镇: 'township', '乡(镇)': 'township', 乡: 'township', 镇: 'township', 村: 'village', 行政村: 'village', '村(社区)': 'village' },
  },
]

const BY_KEY = new Map<ProjectFieldKey, ProjectFieldDef>(PROJECT_FIELDS.map((f) => [f.key, f]))
const BY_ALIAS = new Map<string, ProjectFieldKey>()
for (const f of PROJECT_FIELDS) {
  for (const a of f.aliases) {
    const n = aliasForm(a)
    const taken = BY_ALIAS.get(n)
    if (taken && taken !== f.key) throw new Error(`alias ${a} of ${f.key} already used by ${taken}`)
    BY_ALIAS.set(n, f.key)
  }
}
const GROUPS = GROUP_CHILDREN.map(({ group, children }) => ({
  group,
  children: new Map(Object.entries(children).map(([alias, key]) => [aliasForm(alias), key])),
}))

export function projectFieldByKey(key: ProjectFieldKey): ProjectFieldDef {
  const f = BY_KEY.get(key) ?? (isFundKey(key) ? { key, label: fundSourceOf(key), kind: 'money', aliases: [] } : undefined)
  if (!f) throw new Error(`unknown project field ${key}`)
  return f
}

export const isProjectFieldKey = (key: string): key is ProjectFieldKey => BY_KEY.has(key as ProjectFieldKey)
export const isFundKey = (key: string | null | undefined): key is FundKey => typeof key === 'string' && key.startsWith('fund:')
export const fundSourceOf = (key: FundKey): FundSource => key.slice(5)

/** Looks a header up in a table, dropping trailing notes or units in brackets one at a time ('受益户数（户）'). */
function lookup(table: ReadonlyMap<string, ProjectFieldKey>, text: string): ProjectFieldKey | null {
  let n = aliasForm(text)
  if (n === '') return null
  for (;;) {
    const hit = table.get(n)
    if (hit) return hit
    const stripped = n.replace(/\([^()]*\)$/, '')
    if (stripped === n || stripped === '') return null
    n = stripped
  }
}

/** The project field a header names: a child in its group's context first, then the group and child read together, then the child alone. */
export const matchProjectField: HeaderMatcher<ProjectFieldKey> = (text, group) => {
  if (group) {
    const g = aliasForm(group)
    for (const { group: re, children } of GROUPS) {
      if (!re.test(g)) continue
      const hit = lookup(children, text)
      if (hit) return hit
    }
    const joined = lookup(BY_ALIAS, group + text)
    if (joined) return joined
  }
  return lookup(BY_ALIAS, text)
}

export type MoneyUnit = 'wan' | 'yuan'

/**
 * The unit a header, a group header or a title/note row states: 「（万元）」, 「单位：万元」, 「金额单位：元」;
 * null when it states none. A bare 「万」 in brackets counts; 「万元」 inside a word (「万元以上」) does not.
 */
export function statedUnit(text: string): MoneyUnit | null {
  const t = aliasForm(text)
  if (/单位[:：]?(人民币)?万元|\((人民币)?万元?\)|万元$/.test(t)) return 'wan'
  if (/单位[:：]?(人民币)?元|\((人民币)?元\)|[^万]元$/.test(t)) return 'yuan'
  return null
}

/** A header under the funds group, or one that names a fund, that the dictionary does not know: a source of its own, by its name. */
export function fundSourceOfHeader(header: string, group: string | null): FundSource | null {
  const name = header.replace(/[（(][^（）()]*[)）]\s*$/, '').replace(/\s+/g, '').trim()
  if (!name || /合计|小计|总计|拨付|支出|结余|比例|率|备注|说明/.test(name)) return null
  if (group && /资金|投资/.test(group)) return name
  return /(资金|自筹|投劳|债券|贷款|捐赠|折资)$/.test(name) ? name : null
}
