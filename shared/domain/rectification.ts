/** 问题整改台账: the sources of a problem, its scope, its status and how it may move, and the reminder rules. */

export const PROBLEM_SOURCES = [
  '中央巡视', '省巡视', '市巡视', '县巡视', '专项巡视', '督查巡查', '纪检监察', '审计', '考核', '暗访', '社会监督', '自查',
] as const
export type ProblemSource = (typeof PROBLEM_SOURCES)[number]

export const PROBLEM_SCOPES = ['township', 'village', 'household', 'project'] as const
export type ProblemScope = (typeof PROBLEM_SCOPES)[number]
export const SCOPE_LABELS: Record<ProblemScope, string> = { township: '乡镇', village: '村', household: '户', project: '项目' }

export const PROBLEM_STATUSES = ['未整改', '整改中', '已整改', '已销号'] as const
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number]

/** Days before the deadline from which an open problem is 临期. */
export const NEAR_DEADLINE_DAYS = 7

/** Where a status may go: forward one step at a time, or back one step (a 销号 refused by the county). */
export function statusMoveProblem(from: ProblemStatus, to: ProblemStatus): string | null {
  const a = PROBLEM_STATUSES.indexOf(from)
  const b = PROBLEM_STATUSES.indexOf(to)
  if (a === b) return `问题已是「${to}」。`
  if (Math.abs(a - b) !== 1) return `状态只能逐步改变（未整改 → 整改中 → 已整改 → 已销号），不能从「${from}」直接改为「${to}」。`
  return null
}

const DAY = 86_400_000
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY)

/** 'overdue' past the deadline and not yet 已整改/已销号; 'near' within NEAR_DEADLINE_DAYS of it; null otherwise. */
export function deadlineState(status: ProblemStatus, deadline: string | null, today: string, nearDays = NEAR_DEADLINE_DAYS): 'overdue' | 'near' | null {
  if (!deadline || status === '已整改' || status === '已销号') return null
  const left = dayNumber(deadline) - dayNumber(today)
  if (left < 0) return 'overdue'
  if (left <= nearDays) return 'near'
  return null
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** Evidence files the ledger accepts: photos and scans. */
export const ATTACHMENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf', tif: 'image/tiff', tiff: 'image/tiff',
}
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
