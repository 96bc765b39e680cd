/** What the printed household card (户卡) shows. */
import type { HouseholdAssistance } from '../domain/assistance'
import type { HouseholdDetail } from '../domain/households'
import type { StatusEvent } from '../domain/households-status'

export interface HouseholdCard {
  household: HouseholdDetail
  statusEvents: StatusEvent[]
  /** Current helpers, and the most recent visits and aid. */
  assistance: HouseholdAssistance
}

export interface HouseholdCards {
  cards: HouseholdCard[]
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
  content: string | null
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
  project: { id: number; projectNo: string | null; name: string; year: string | null; village: string | null; location: string | null; content: string | null; implementer: string | null; totalFen: number }
  rows: BeneficiaryNoticeRow[]
  households: number
  persons: number
}

/** The notice period and phone printed at the foot of a 公示 (page-local, not stored). */
export interface NoticeFooter {
  from: string
  to: string
  phone: string
}

/** The default closing statement of the 帮扶单位交接表 (domain README). */
export const DEFAULT_HANDOVER_STATEMENT =
  '经交接三方共同核实，上述资金和项目均已全部落实到村到户，无结余资金，无截留挪用，无遗留未办事项。'
