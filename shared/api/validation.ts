/** Turns zod issues into one Chinese message naming the field. */
import type { z } from 'zod'
import { INDICATORS } from '../domain/monitoring'

const FIELD_LABELS: Record<string, string> = {
  search: '搜索内容',
  villageId: '行政村',
  exitStatus: '脱贫状态',
  groupId: '组',
  householdType: '户类型',
  mainCause: '主要致贫原因',
  monitoringCategory: '监测对象类别',
  guaranteeGap: '三保障短板',
  monitoredIn: '监测年度',
  groupName: '组',
  page: '页码',
  pageSize: '每页条数',
  id: '记录编号',
  households: '户数',
  jobId: '任务编号',
  fileId: '文件',
  sheet: '工作表',
  mapping: '列对应关系',
  batchId: '导入批次',
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  role: '角色',
  oldPassword: '原密码',
  idleMinutes: '自动锁定时间（分钟）',
  disabled: '停用',
  visitor: '走访人',
  findings: '了解到的情况',
  actions: '采取的措施',
  description: '内容',
  amount: '金额',
  source: '来源',
  unitName: '帮扶单位',
  helperId: '帮扶责任人',
  startDate: '开始日期',
  endDate: '结束日期',
  pairingId: '结对记录',
  wishId: '心愿',
  resolution: '办理结果',
  content: '心愿内容',
  takenBy: '认领人',
  aidKind: '帮户类别',
  unitKind: '单位类别',
  contact: '联系方式',
  title: '职务',
  phone: '联系电话',
  visitId: '走访记录',
  aidId: '帮户记录',
  layout: '导出格式',
  unmasked: '显示完整证件号码',
  name: '名称',
  dir: '备份文件夹',
  reason: '移出原因',
  date: '日期',
  patch: '修改内容',
  values: '成员信息',
  householdId: '户',
  memberId: '家庭成员',
  newHeadId: '新户主',
  oldHeadRelation: '原户主的与户主关系',
  kind: '事件',
  risks: '致贫返贫风险',
  riskNote: '风险说明',
  eliminationMethod: '消除方式',
  note: '备注',
  eventId: '状态记录',
  asOf: '截至日期',
  periodStart: '起始日期',
  householdIds: '户',
  projectId: '项目',
  projectNo: '项目编号',
  projectName: '项目名称',
  category: '类别',
  subtype: '子类型',
  nature: '建设性质',
  year: '年度',
  township: '乡镇',
  location: '实施地点',
  plannedStart: '计划开工日期',
  plannedEnd: '计划完工日期',
  implementer: '实施单位',
  contractor: '施工单位',
  supervisor: '监理单位',
  responsibleUnit: '责任单位',
  responsiblePerson: '责任人',
  responsiblePhone: '责任人电话',
  assistingUnit: '帮扶单位',
  farmerLink: '联农带农机制',
  declaredHouseholds: '受益户数',
  declaredPersons: '受益人数',
  declaredPoorHouseholds: '其中脱贫户数',
  declaredPoorPersons: '其中脱贫人口数',
  settlement: '结算金额',
  acceptanceOpinion: '验收意见',
  acceptanceChecks: '验收检查内容',
  rectification: '整改要求',
  handoverNote: '交接说明',
  milestone: '项目节点',
  result: '验收结论',
  winner: '中标单位',
  percent: '完成进度',
  invested: '已完成投资',
  lagReason: '滞后原因',
  level1: '一级指标',
  level2: '二级指标',
  indicator: '绩效指标',
  target: '指标值',
  actual: '实际完成值',
  assetNo: '资产编号',
  assetName: '资产名称',
  quantity: '数量',
  unit: '计量单位',
  originalValue: '资产原值',
  builtDate: '建成日期',
  owner: '所有权人',
  operator: '经营权人',
  custodian: '管护主体',
  custodianPerson: '管护责任人',
  incomeDistribution: '收益分配方式',
  docNo: '文件号',
  payee: '收款单位',
  batch: '批次',
  keys: '证件号码或户编号',
  record: '记录',
  fields: '项目信息',
  status: '状态',
  lagging: '滞后',
  today: '当前日期',
  from: '起始日期',
  to: '截止日期',
  // monitoring
  foundBy: '识别方式',
  monitoringRisk: '致贫返贫风险',
  identifiedMonth: '纳入监测月份',
  monitoringState: '监测状态',
  measureKind: '帮扶措施类别',
  reportDate: '申报或排查日期',
  reportBy: '申报或排查经办人',
  sizeAtIdentification: '识别时家庭人口数',
  incomeAtIdentification: '识别时家庭纯收入',
  returnedToPoverty: '是否返贫',
  fellIntoPoverty: '是否致贫',
  caseId: '监测记录',
  step: '程序步骤',
  by: '经办人',
  opinion: '意见',
  items: '帮扶措施内容',
  otherNote: '其他措施说明',
  responsible: '责任人',
  measureId: '帮扶措施',
  line: '监测线',
  publicityDays: '公示天数',
  minMonthsBeforeElimination: '纳入后最短消除月数',
  reminderDaysWithoutMeasure: '无措施提醒天数',
  ...Object.fromEntries(INDICATORS.map((i) => [i.key, i.label])),
}

/** Where one field name means different things in different operations. */
const OP_FIELD_LABELS: Partial<Record<string, Record<string, string>>> = {
  'backups.restore': { name: '备份文件' },
  'assistance.addHelper': { name: '姓名' },
}

export function describeZodError(error: z.ZodError, op?: string): { message: string; field?: string } {
  const issue = error.issues[0]
  if (!issue) return { message: '输入不正确。' }
  const field = issue.path.map(String).join('.')
  const leaf = String(issue.path[issue.path.length - 1] ?? '')
  const label = (op ? OP_FIELD_LABELS[op]?.[leaf] : undefined) ?? FIELD_LABELS[leaf] ?? (field || '输入')
  let what: string
  switch (issue.code) {
    case 'invalid_type':
      what = issue.input === undefined ? '不能为空' : `类型不对（应为${typeName(issue.expected)}）`
      break
    case 'too_small':
      what = issue.origin === 'string' ? `至少需要 ${issue.minimum} 个字符` : `不能小于 ${issue.minimum}`
      break
    case 'too_big':
      what = issue.origin === 'string' ? `最多 ${issue.maximum} 个字符` : `不能大于 ${issue.maximum}`
      break
    case 'invalid_value':
      what = `只能是：${issue.values.map(String).join('、')}`
      break
    case 'unrecognized_keys':
      what = `含有不认识的字段 ${issue.keys.join('、')}`
      break
    default:
      what = issue.message
  }
  return field ? { message: `「${label}」${what}。请修改后重试。`, field } : { message: `${label}${what}。` }
}

function typeName(expected: string): string {
  return ({ string: '文字', number: '数字', boolean: '是/否', object: '对象', array: '列表' } as Record<string, string>)[expected] ?? expected
}
