/** What the monitoring forms show: the two 审批表, the village 公示 and the 一户一策 plan. */
import type { HouseholdDetail } from '../domain/households'
import type { CaseView } from '../domain/monitoring'
import type { PairingView } from '../domain/assistance'

export const MONITORING_FORM_KINDS = ['identify', 'eliminate'] as const
export type MonitoringFormKind = (typeof MONITORING_FORM_KINDS)[number]

/**
 * 防返贫监测对象识别（纳入）审批表 / 风险消除审批表 of one case. An internal form sent up to the county
 * for approval: it carries the full ID numbers and phone, as the 户卡 does (公示 never do).
 */
export interface MonitoringApproval {
  kind: MonitoringFormKind
  /** 示例县示例镇. */
  township: string
  household: HouseholdDetail
  case: CaseView
  /** The 监测线 of the year the form is about (纳入: 申报 year; 消除: the elimination's year), if entered. */
  lineFen: number | null
  lineYear: number
  /** Current helpers (帮扶责任人). */
  helpers: PairingView[]
}

/** One household on a village 公示: ID number and phone always masked. */
export interface MonitoringNoticeRow {
  caseId: number
  group: string | null
  headName: string
  idMasked: string
  phoneMasked: string
  size: number
  category: string
  risks: string
  /** 纳入: 识别方式; 消除: 风险消除方式. */
  how: string
  /** The 民主评议 date the notice follows. */
  reviewDate: string | null
}

export interface MonitoringNotice {
  kind: MonitoringFormKind
  township: string
  village: string
  rows: MonitoringNoticeRow[]
  /** The 公示 period recorded on the cases, when they share one. */
  period: { from: string; to: string } | null
  /** The year's 公示 days (the default period's length). */
  publicityDays: number
}

/** 一户一策 帮扶计划表: the case's risks, the measures each wants, those taken, and the helpers. */
export interface HouseholdPlanRow {
  kind: string
  /** What is planned or was done. */
  content: string
  /** Done: the measure's date; planned: null. */
  date: string | null
  amountFen: number | null
  responsible: string | null
  /** 已落实 / 计划. */
  state: '已落实' | '计划'
}

export interface HouseholdPlan {
  township: string
  household: HouseholdDetail
  case: CaseView | null
  helpers: PairingView[]
  rows: HouseholdPlanRow[]
  year: number
}
