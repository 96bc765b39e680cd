/** The columns of a county's problem list (问题整改清单) and how their headers are written, plus the source and status words. */
import type { ProblemSource, ProblemStatus } from '../domain/rectification'
import { aliasForm } from './households-fields'

export type ProblemFieldKey =
  | 'seq' | 'problem_no' | 'source' | 'batch_no' | 'found_date' | 'description' | 'village' | 'household' | 'project'
  | 'leader' | 'unit' | 'person' | 'measures' | 'deadline' | 'progress' | 'status' | 'rectified_date' | 'closed_date' | 'closed_by' | 'similar'

/** The standard header first (the export writes it), then the ways county lists write it. */
export const PROBLEM_FIELDS: readonly { key: ProblemFieldKey; label: string; aliases: readonly string[] }[] = [
  { key: 'seq', label: '序号', aliases: ['序', '编号序号'] },
  { key: 'problem_no', label: '问题编号', aliases: ['编号', '问题序号', '台账编号'] },
  { key: 'source', label: '问题来源', aliases: ['来源', '反馈来源', '发现渠道', '问题类别', '反馈渠道', '发现途径'] },
  { key: 'batch_no', label: '批次或文号', aliases: ['批次', '文号', '批次/文号', '交办文号', '反馈批次', '文件文号', '交办批次'] },
  { key: 'found_date', label: '发现日期', aliases: ['发现时间', '反馈时间', '交办时间', '反馈日期', '交办日期'] },
  { key: 'description', label: '问题描述', aliases: ['存在问题', '问题表现', '具体问题', '问题内容', '问题', '问题清单', '主要问题'] },
  { key: 'village', label: '涉及村', aliases: ['所在村', '村', '行政村', '村名', '涉及行政村', '村别'] },
  { key: 'household', label: '涉及户', aliases: ['户主姓名', '户主', '涉及农户', '涉及户主'] },
  { key: 'project', label: '涉及项目', aliases: ['项目名称', '相关项目'] },
  { key: 'leader', label: '责任领导', aliases: ['分管领导', '包保领导', '牵头领导', '责任领导(分管)'] },
  { key: 'unit', label: '责任单位', aliases: ['牵头单位', '责任部门', '整改责任单位'] },
  { key: 'person', label: '责任人', aliases: ['具体责任人', '直接责任人', '整改责任人'] },
  { key: 'measures', label: '整改措施', aliases: ['整改举措', '整改方案', '措施'] },
  { key: 'deadline', label: '整改时限', aliases: ['完成时限', '整改期限', '时限', '整改时间', '要求完成时间'] },
  { key: 'progress', label: '整改进展', aliases: ['整改情况', '进展情况', '整改进度', '整改落实情况'] },
  { key: 'status', label: '整改状态', aliases: ['状态', '完成情况', '是否整改到位', '整改结果', '是否完成'] },
  { key: 'rectified_date', label: '整改完成日期', aliases: ['完成时间', '整改完成时间', '完成日期'] },
  { key: 'closed_date', label: '销号日期', aliases: ['销号时间'] },
  { key: 'closed_by', label: '销号审批', aliases: ['销号审批人', '审批人', '销号单位', '审批销号'] },
  { key: 'similar', label: '举一反三', aliases: ['举一反三情况', '举一反三排查情况'] },
]

const BY_ALIAS = new Map<string, ProblemFieldKey>()
for (const f of PROBLEM_FIELDS) for (const a of [f.label, ...f.aliases]) BY_ALIAS.set(aliasForm(a), f.key)

const KEYS = new Set<string>(PROBLEM_FIELDS.map((f) => f.key))
export const isProblemFieldKey = (key: string): key is ProblemFieldKey => KEYS.has(key)

export const problemFieldLabel = (key: ProblemFieldKey): string => PROBLEM_FIELDS.find((f) => f.key === key)!.label

/** The field a header names, or null; a trailing note in brackets is ignored (「整改时限（年月日）」). */
export function matchProblemField(text: string): ProblemFieldKey | null {
  let n = aliasForm(text)
  while (n) {
    const hit = BY_ALIAS.get(n)
    if (hit) return hit
    const stripped = n.replace(/\([^()]*\)$/, '')
    if (stripped === n) return null
    n = stripped
  }
  return null
}

/** 「省委巡视反馈」→ 省巡视, 「县委巡察」→ 县巡视, 「国家审计」→ 审计 … ; null when not recognised. */
export function normaliseSource(raw: string): ProblemSource | null {
  const s = raw.replace(/\s+/g, '')
  if (!s) return null
  if (/专项巡[视察]/.test(s)) return '专项巡视'
  if (/巡[视察]/.test(s)) {
    if (/中央/.test(s)) return '中央巡视'
    if (/省/.test(s)) return '省巡视'
    if (/市|州/.test(s)) return '市巡视'
    if (/县|区/.test(s)) return '县巡视'
  }
  if (/纪检|纪委|监察/.test(s)) return '纪检监察'
  if (/审计/.test(s)) return '审计'
  if (/暗访/.test(s)) return '暗访'
  if (/考核|评估/.test(s)) return '考核'
  if (/督查|督导|巡查|检查/.test(s)) return '督查巡查'
  if (/社会|信访|群众|舆情|12317|举报|媒体/.test(s)) return '社会监督'
  if (/自查|排查/.test(s)) return '自查'
  return null
}

/** 「已完成」「整改到位」→ 已整改 …; blank → null (taken as 未整改); unknown → undefined. */
export function normaliseStatus(raw: string): ProblemStatus | null | undefined {
  const s = raw.replace(/\s+/g, '')
  if (!s) return null
  if (/销号/.test(s)) return '已销号'
  if (/^(未整改|未完成|未开始|否|未)$/.test(s)) return '未整改'
  if (/整改中|正在|推进|进行|持续|部分/.test(s)) return '整改中'
  if (/已整改|已完成|完成|到位|^是$/.test(s)) return '已整改'
  return undefined
}
