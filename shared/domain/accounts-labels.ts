/**
 * The one map of Chinese labels for the ledger's tables and fields, used wherever the audit trail
 * is shown (修改记录 of a household or project, the administrators' audit log and its export).
 * A raw name such as 「project_budget_lines」 or 「is_demo」 never reaches the clerk:
 * test/unit/accounts/labels.test.ts fails when a table or column of a fresh ledger has no label here.
 */
import { NATIONAL_FIELDS } from '../import/national-fields'
import { columnLabel } from './households-rules'

export const TABLE_LABELS: Record<string, string> = {
  households: '户', members: '家庭成员', villages: '行政村', village_groups: '组', household_status_events: '状态记录',
  assisting_units: '帮扶单位', helpers: '帮扶责任人', pairings: '结对帮扶', visits: '走访记录', aid: '帮户记录', wishes: '心愿',
  import_batches: '导入批次', import_mappings: '列对应', accounts: '账户', settings: '设置',
  projects: '项目', project_budget_lines: '项目资金预算', project_disbursements: '项目资金拨付', project_beneficiaries: '项目受益户',
  project_milestones: '项目节点', project_progress: '项目进度', project_assets: '项目资产', project_indicators: '绩效指标',
  monitoring_cases: '监测对象', monitoring_measures: '帮扶措施', monitoring_settings: '监测设置',
  work_spells: '务工经历', planned_work: '计划务工', village_statistics: '行政村信息', household_info: '户信息',
  check_runs: '疑点核查记录', check_findings: '疑点', check_waivers: '疑点豁免', unit_obtained_funds: '帮扶单位争取资金',
  rectification_problems: '整改问题', rectification_progress: '整改进展', rectification_attachments: '整改佐证材料',
  credit_ratings: '信用评级', credit_loans: '小额信贷', credit_repayments: '小额信贷还款', credit_subsidies: '小额信贷贴息',
  posts: '公益性岗位', post_holdings: '公益岗位上岗', post_payroll: '公益岗位工资发放',
  access_log: '访问日志', audit_log: '修改记录', schema_migrations: '数据库版本',
}

/** Fields every table may have. */
const COMMON: Record<string, string> = {
  id: '编号', created_at: '登记时间', updated_at: '修改时间', note: '备注', household_id: '所属户', project_id: '所属项目',
  is_demo: '示例数据', extra_json: '其他列', import_batch_id: '导入批次', actor: '经办人', kind: '类别',
}

/** Fields by table, where the same column name means something else in another table. */
const FIELDS: Record<string, Record<string, string>> = {
  villages: {
    county: '县', township: '乡镇', name: '村名', is_poor_village: '是否贫困村', exit_year: '出列年度', total_households: '总户数',
    total_population: '总人口',
  },
  village_groups: { village_id: '行政村', name: '组名' },
  members: { name_pinyin: '姓名拼音' },
  accounts: {
    username: '用户名', display_name: '姓名', role: '角色', disabled: '停用', password_hash: '密码', failed_count: '连续输错次数',
    locked_until: '锁定到',
  },
  settings: { key: '设置项', value: '设置值' },
  household_status_events: {
    kind: '状态', event_date: '日期', monitoring_category: '监测对象类别', risks: '风险类型', risk_note: '风险说明',
    elimination_method: '消除方式',
  },
  assisting_units: { name: '单位名称', kind: '单位类别', contact: '联系人及电话' },
  helpers: { name: '姓名', unit_id: '帮扶单位', title: '职务', phone: '联系电话' },
  pairings: { helper_id: '帮扶责任人', start_date: '开始日期', end_date: '结束日期' },
  visits: { visit_date: '走访日期', visitor: '走访人', findings: '了解到的情况', actions: '采取的措施' },
  aid: { aid_date: '日期', kind: '类别', description: '内容', amount_fen: '金额', source: '来源' },
  wishes: { visit_id: '走访记录', raised_date: '提出日期', content: '心愿', taken_by: '认领人', resolved_date: '办结日期', resolution: '办结情况' },
  import_batches: {
    kind: '导入类别', file_name: '文件名', sha256: '文件校验值', sheet: '工作表', mapping_json: '列对应', layout_json: '原表格式',
    counts_json: '数量', undone_at: '撤销时间',
  },
  import_mappings: { kind: '导入类别', signature: '表头', mapping_json: '列对应' },
  projects: {
    contractor: '施工单位', supervisor: '监理单位', project_no: '项目编号', name: '项目名称', category: '项目类别', subtype: '子类型', nature: '建设性质', year: '年度', township: '乡镇',
    village_id: '实施地点（村）', location: '实施地点', content: '建设内容及规模', planned_start: '计划开工时间', planned_end: '计划完工时间',
    implementer: '实施单位', responsible_unit: '责任单位', responsible_person: '责任人', responsible_phone: '联系电话',
    assisting_unit: '帮扶单位', farmer_link: '联农带农机制', declared_households: '受益户数', declared_persons: '受益人数',
    declared_poor_households: '其中脱贫户数', declared_poor_persons: '其中脱贫人口数', settlement_fen: '决算金额',
    acceptance_opinion: '验收意见', acceptance_checks: '验收检查项', rectification: '整改要求', handover_note: '交接说明', extra: '其他列',
    source_layout: '原表格式',
  },
  project_budget_lines: { source: '资金来源', unit_name: '资金单位', amount_fen: '预算金额' },
  project_disbursements: { paid_date: '拨付日期', amount_fen: '拨付金额', source: '资金来源', batch: '拨付批次', doc_no: '文号', payee: '收款单位' },
  project_indicators: { level1: '一级指标', level2: '二级指标', indicator: '三级指标', target: '目标值', unit: '计量单位', actual: '实际完成' },
  project_milestones: { kind: '节点', milestone_date: '日期', result: '结果', winner: '中标单位' },
  project_progress: { report_date: '填报日期', percent: '完成进度（%）', invested_fen: '已完成投资', lag_reason: '滞后原因' },
  project_assets: {
    asset_no: '资产编号', name: '资产名称', category: '资产类别', quantity: '数量', unit: '单位', original_value_fen: '资产原值',
    built_date: '建成时间', location: '所在位置', owner: '所有权人', operator: '经营权人', custodian: '管护主体', custodian_person: '管护责任人',
    income_distribution: '收益分配方式',
  },
  monitoring_cases: {
    category: '监测对象类别', risks: '致贫返贫风险', risk_note: '风险说明', found_by: '识别方式', size_at_identification: '识别时家庭人口',
    income_at_identification_fen: '识别时人均纯收入', returned_to_poverty: '是否返贫', fell_into_poverty: '是否致贫',
    report_date: '申报（排查）日期', report_by: '申报经办人', review_date: '村级民主评议日期', review_by: '评议经办人',
    publicity_date: '村级公示开始', publicity_end: '村级公示结束', publicity_by: '公示经办人', township_date: '乡镇审核日期',
    township_by: '乡镇审核人', township_opinion: '乡镇审核意见', county_date: '县级审定日期', county_by: '县级审定人', county_opinion: '县级审定意见',
    elimination_method: '风险消除方式', elim_review_date: '消除评议日期', elim_review_by: '消除评议经办人', elim_publicity_date: '消除公示开始',
    elim_publicity_end: '消除公示结束', elim_publicity_by: '消除公示经办人', elim_township_date: '消除乡镇审核日期', elim_township_by: '消除乡镇审核人',
    elim_township_opinion: '消除乡镇审核意见', elim_county_date: '消除县级审定日期', elim_county_by: '消除县级审定人', elim_county_opinion: '消除县级审定意见',
    after_dropout: '消除后是否有辍学', after_house_damaged: '消除后住房是否安全', after_uninsured: '消除后是否未参保', after_water_damaged: '消除后饮水是否安全',
    after_wage_fen: '消除后工资性收入', after_property_fen: '消除后财产性收入', after_transfer_fen: '消除后转移性收入', after_business_fen: '消除后生产经营性收入',
    after_business_expense_fen: '消除后生产经营性支出', after_net_fen: '消除后纯收入', after_per_capita_fen: '消除后人均纯收入',
    after_claims_fen: '消除后医疗报销', after_self_paid_fen: '消除后医疗自付',
  },
  monitoring_measures: { case_id: '监测对象', kind: '措施类别', items: '措施内容', other_note: '其他说明', measure_date: '落实日期', amount_fen: '金额', responsible: '责任人', credit_loan_id: '关联小额信贷', post_holding_id: '公益岗位上岗' },
  monitoring_settings: {
    year: '年度', line_fen: '监测线', publicity_days: '公示天数', min_months_before_elimination: '最短消除月数',
    reminder_days_without_measure: '无措施提醒天数', step_deadline_days: '程序每步办理时限（天）',
    identification_deadline_days: '识别程序时限（天）', work_gap_days: '务工结束提醒天数',
    post_end_days: '公益岗位到期提醒天数',
  },
  // The national records: their columns by the national export's own headers (shared/import/national-fields.ts).
  work_spells: { ...nationalLabels('workSpells'), member_id: '家庭成员', cells_json: '原表各列' },
  planned_work: { ...nationalLabels('plannedWork'), member_id: '家庭成员', cells_json: '原表各列' },
  village_statistics: { ...nationalLabels('villages'), village_id: '行政村', cells_json: '原表各列' },
  household_info: { ...nationalLabels('householdInfo'), cells_json: '原表各列' },
  check_runs: {
    scope: '核查范围', as_of: '核查日期', counts_json: '各规则数量', open_count: '待处理', waived_count: '已豁免', new_count: '新发现',
    duration_ms: '用时（毫秒）',
  },
  check_findings: {
    key: '疑点标识', rule: '核查规则', member_id: '家庭成员', person: '姓名', field: '字段', value: '值', message: '问题说明',
    cells_json: '核查读取的各列', first_run_id: '首次发现', last_run_id: '最近发现', village_id: '行政村', village: '行政村',
    household_no: '户编号', id_number: '证件号码',
  },
  check_waivers: { key: '疑点标识', rule: '核查规则', subject: '对象', reason: '豁免理由', waived_by: '豁免人', waived_on: '豁免日期', expires: '有效期至', source: '来源' },
  unit_obtained_funds: { unit_name: '帮扶单位', obtained_date: '争取日期', amount_fen: '金额', grantor: '资金来自', purpose: '用途' },
  rectification_problems: {
    problem_no: '问题编号', source: '问题来源', batch_no: '批次或文号', found_date: '发现日期', description: '问题描述', scope: '涉及范围',
    scope_note: '涉及对象说明', leader: '责任领导', unit: '责任单位', person: '责任人', measures: '整改措施', deadline: '整改时限',
    status: '整改状态', rectified_date: '整改完成日期', closed_date: '销号日期', closed_by: '销号审批人', similar: '举一反三',
    village_id: '行政村',
  },
  rectification_progress: { problem_id: '整改问题', note_date: '日期' },
  rectification_attachments: { problem_id: '整改问题', sha256: '文件校验值', file_name: '文件名', mime: '文件类型', size_bytes: '大小（字节）' },
  credit_ratings: { grade: '信用等级', rated_by: '评级小组', rated_date: '评级日期', credit_limit_fen: '授信额度', credit_date: '授信日期' },
  credit_loans: {
    member_id: '借款人', bank: '贷款银行', contract_no: '合同编号', amount_fen: '贷款金额', loan_date: '放款日期', term_months: '期限（月）',
    due_date: '到期日期', purpose: '贷款用途', use_mode: '使用方式', enterprise: '企业名称', import_batch_id: '导入批次',
  },
  credit_repayments: { loan_id: '小额信贷', kind: '类别', repay_date: '日期', amount_fen: '还款金额', new_due_date: '展期后到期日期' },
  credit_subsidies: { loan_id: '小额信贷', period: '贴息期间', paid_date: '贴息日期', amount_fen: '贴息金额' },
  posts: {
    post_type: '岗位类型', type_note: '岗位说明', name: '岗位名称', village_id: '所在村', pay_fen: '月补贴', funding: '资金来源', funding_note: '资金来源说明',
    capacity: '岗位人数', closed_month: '撤岗月份',
  },
  post_holdings: { post_id: '公益性岗位', member_id: '上岗人员', household_id: '所属户', start_month: '上岗月份', end_month: '聘用结束月份' },
  post_payroll: { holding_id: '公益岗位上岗', month: '月份', days: '出勤天数', attendance: '出勤情况', amount_fen: '发放金额' },
  access_log: { at: '时间', action: '操作', detail: '说明' },
  audit_log: { at: '时间', action: '操作', table_name: '记录类别', record_id: '记录编号', field: '项目', old_value: '原值', new_value: '新值', batch: '批次' },
  schema_migrations: { version: '版本', name: '名称', applied_at: '升级时间' },
}

function nationalLabels(kind: keyof typeof NATIONAL_FIELDS): Record<string, string> {
  return Object.fromEntries(NATIONAL_FIELDS[kind].filter((f) => !f.match).map((f) => [f.key, f.label]))
}

/** Settings rows are audited by key. */
const SETTING_KEYS: Record<string, string> = { 'accounts.idleMinutes': '自动锁定（分钟）', 'backup.dir': '备份文件夹' }

export const tableLabel = (table: string): string => TABLE_LABELS[table] ?? table

/** The Chinese label of `field` in `table`; money columns (…_fen) are kept in 分 and shown in 元. */
export function fieldLabel(table: string, field: string): string {
  const own = FIELDS[table]?.[field] ?? SETTING_KEYS[field]
  if (own) return own
  if (table === 'households' || table === 'members' || !COMMON[field]) {
    const roster = columnLabel(field)
    if (roster !== field) return roster
  }
  return COMMON[field] ?? field
}

/** Whether a label exists for `field` in `table` (for the test that keeps the map complete). */
export const hasFieldLabel = (table: string, field: string): boolean => fieldLabel(table, field) !== field
