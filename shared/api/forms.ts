/** The printed forms: what each shows, and the operations that produce them. */
import { z } from 'zod'
import type { ProducedFile } from './files'
import { HouseholdFilterInput } from './households'
import type { JobStarted } from './jobs'
import { id, isoDate, op } from './op'
import { UnitContributionInput, type UnitContribution } from './projects'
import { formatYuan } from '../domain/money'
import type { HouseholdAssistance } from '../domain/assistance'
import type { HouseholdDetail } from '../domain/households'
import type { StatusEvent } from '../domain/households-status'
import { MONITORING_FORM_KINDS, type HouseholdPlan, type MonitoringApproval, type MonitoringNotice } from './forms-monitoring'

/** What the printed household card (户卡) shows. */
export interface HouseholdCard {
  household: HouseholdDetail
  statusEvents: StatusEvent[]
  /** Current helpers, and the most recent visits and aid. */
  assistance: HouseholdAssistance
}

export interface HouseholdCards {
  cards: HouseholdCard[]
  /** Full ID numbers and phones (chosen on the print page, recorded in the access log); masked otherwise. */
  fullIds: boolean
  /** The township as printed in the title (from the villages). */
  township: string
  printedOn: string
}

/** 项目公示: the projects of one year as posted in the villages (三公示一公告). */
export interface ProjectNoticeRow {
  projectId: number
  projectNo: string | null
  name: string
  village: string | null
  location: string | null
  /** 实施地点 as printed: township + village + place, the village not repeated. */
  place: string
  content: string | null
  /** 实施期限: planned start and end. */
  plannedStart: string | null
  plannedEnd: string | null
  /** 绩效目标: the 产出 and 效益 indicators with their targets, as printed. */
  goals: string
  /** 联农带农机制. */
  farmerLink: string | null
  /** 责任人 (and the 责任单位 it answers for). */
  responsiblePerson: string | null
  responsibleUnit: string | null
  /** Budget per source in 分, only the sources this notice has columns for. */
  bySource: Record<string, number>
  totalFen: number
  households: number
  persons: number
  implementer: string | null
}

export interface ProjectNotice {
  year: string
  /** 示例县示例镇: the title's place. */
  township: string
  /** The fund sources with money in any of the year's projects, in the county's order. */
  sources: string[]
  rows: ProjectNoticeRow[]
  totals: { bySource: Record<string, number>; totalFen: number; households: number; persons: number }
}

/** 受益户公示 of one project: ID numbers are always masked (4101**********1234). */
export interface BeneficiaryNoticeRow {
  headName: string
  idMasked: string
  village: string
  householdNo: string | null
  persons: number
  /** 脱贫户 / 监测户 / 一般农户. */
  kind: string
}

export interface BeneficiaryNotice {
  township: string
  project: { id: number; projectNo: string | null; name: string; year: string | null; village: string | null; location: string | null; place: string; content: string | null; implementer: string | null; totalFen: number }
  rows: BeneficiaryNoticeRow[]
  households: number
  persons: number
}

/** Settings of the printed forms: the 监督举报电话 every 公示 prints unless changed on the page. */
export interface FormSettings {
  noticePhone: string
}

/** The notice period and phone printed at the foot of a 公示 (the phone defaults to the setting). */
export interface NoticeFooter {
  from: string
  to: string
  phone: string
}

/** The default closing statement of the 帮扶单位交接表 (domain README), when the figures show nothing left over. */
export const DEFAULT_HANDOVER_STATEMENT =
  '经交接三方共同核实，上述资金和项目均已全部落实到村到户，无结余资金，无截留挪用，无遗留未办事项。'

const yuanText = (fen: number) => `${formatYuan(fen)}`

/**
 * The closing statement of the 帮扶单位交接表, built from the figures: the 结余 of the unit's projects,
 * those not yet accepted and the unit's pledges not yet paid. The clerk may edit it before printing.
 */
export function handoverStatement(c: Pick<UnitContribution, 'balances' | 'balanceFen' | 'unfinished' | 'unpaid' | 'unpaidFen'>): string {
  if (c.balances.length === 0 && c.unfinished.length === 0 && c.unpaid.length === 0) return DEFAULT_HANDOVER_STATEMENT
  const parts = ['经交接三方共同核实，上述资金和项目情况属实，无截留挪用。']
  parts.push(
    c.balances.length === 0
      ? '无结余资金。'
      : `项目结余资金共 ${yuanText(c.balanceFen)}（${c.balances.map((b) => `${b.projectName} ${yuanText(b.balanceFen)}`).join('；')}），按规定由乡镇统筹使用。`,
  )
  parts.push(
    c.unfinished.length === 0
      ? '上述项目均已验收。'
      : `尚未完成的事项：${c.unfinished.map((u) => `${u.projectName}（${u.status}）`).join('、')}，由乡镇和村委会继续跟进落实。`,
  )
  if (c.unpaid.length > 0) {
    parts.push(`帮扶单位承诺尚未拨付的资金共 ${yuanText(c.unpaidFen)}（${c.unpaid.map((u) => `${u.projectName} ${yuanText(u.unpaidFen)}`).join('；')}），由帮扶单位按承诺拨付到位。`)
  }
  parts.push('特此交接。')
  return parts.join('')
}

/** The foot of a 公示: notice period and 监督举报电话, as typed on the page. */
const NoticeFooterInput = { from: isoDate, to: isoDate, phone: z.string().trim().max(40).default('') }
const CardsInput = z.object({
  householdIds: z.array(id).min(1).max(2000).optional(),
  filter: HouseholdFilterInput.optional(),
  /** Print full ID numbers and phones; masked like the lists unless chosen (logged in the access log). */
  fullIds: z.boolean().default(false),
})

export const formsOps = {
  /** The forms' settings (监督举报电话). */
  'forms.settings': op<FormSettings>()(z.object({}), 'read'),
  /** Sets the 监督举报电话 printed on every 公示 (audited). */
  'forms.saveSettings': op<FormSettings>()(z.object({ noticePhone: z.string().trim().max(40) })),
  /** 户卡: one household, a list of them, or the list's current filter. */
  'forms.householdCards': op<HouseholdCards>()(CardsInput, 'read'),
  /** 户卡 of many households (a whole village, the list's filter) as a job with progress: a HouseholdCards job. */
  'forms.householdCardsJob': op<JobStarted>()(CardsInput, 'read'),
  /** 项目公示: the projects of a year with their funds by source and beneficiaries. */
  'forms.projectNotice': op<ProjectNotice>()(z.object({ year: z.string().regex(/^\d{4}$/, '年度应为四位数字，如 2024') }), 'read'),
  /** 受益户公示 of a project: head names and masked ID numbers (always masked). */
  'forms.beneficiaryNotice': op<BeneficiaryNotice>()(z.object({ projectId: id }), 'read'),
  /** A 公示 as .xlsx laid out for A4 (print area, repeated title rows, fitted to the width). */
  'forms.noticeXlsx': op<ProducedFile>()(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('projects'), year: z.string().regex(/^\d{4}$/), ...NoticeFooterInput }),
      z.object({ kind: z.literal('beneficiaries'), projectId: id, ...NoticeFooterInput }),
    ]),
    'read',
  ),
  /** 防返贫监测对象识别（纳入）审批表 (identify) or 风险消除审批表 (eliminate) of a case. */
  'forms.monitoringApproval': op<MonitoringApproval>()(z.object({ caseId: id, kind: z.enum(MONITORING_FORM_KINDS) }), 'read'),
  /** The village 公示 of new monitoring objects (identify) or of eliminations: the cases after 民主评议 and before 县级审定. */
  'forms.monitoringNotice': op<MonitoringNotice>()(z.object({ villageId: id, kind: z.enum(MONITORING_FORM_KINDS) }), 'read'),
  /** 一户一策 帮扶计划表 of a household's latest case. */
  'forms.householdPlan': op<HouseholdPlan>()(z.object({ householdId: id }), 'read'),
  /** The 帮扶单位交接表 as .xlsx laid out for A4, with the closing statement as printed. */
  'forms.unitHandoverXlsx': op<ProducedFile>()(UnitContributionInput.extend({ statement: z.string().trim().max(2000).optional() }), 'read'),
}
