/** The stats area (统计): the dashboard's figures, 村级统计 and the county's report workbooks, as of a chosen date. */
import { z } from 'zod'
import {
  REPORT_KINDS, STATS_FIGURES, type HelpersStats, type HouseholdsOverview, type MonitoringStats, type ProjectsStats, type ReportTable,
  type VillageStats, type WorkStats,
} from '../domain/stats'
import type { ProducedFile } from './files'
import { id, isoDate, op } from './op'

const year = z.string().regex(/^\d{4}$/, '年度应为四位数字，如 2024')
export const AsOfInput = z.object({ asOf: isoDate })
export const AsOfYearInput = z.object({ asOf: isoDate, year: year.optional() })
export const ReportInput = z.object({ kind: z.enum(REPORT_KINDS), asOf: isoDate, year: year.optional() })

/** The households behind a figure (shared/domain/stats.ts): the household list's `stats` filter. */
export const StatsSelectorInput = z.object({
  asOf: isoDate,
  figure: z.enum(STATS_FIGURES),
  value: z.string().max(40).optional(),
  villageId: id.optional(),
})

export const statsOps = {
  /** Households and persons by 户类型 and 脱贫状态, 贫困发生率 per village, 三保障 gaps, income against the 监测线. */
  'stats.households': op<HouseholdsOverview>()(AsOfInput, 'read'),
  /** Monitoring: by category, open and eliminated, by risk, per month, days to elimination. */
  'stats.monitoring': op<MonitoringStats>()(AsOfInput, 'read'),
  /** Persons working away, by province and channel, monthly income. */
  'stats.work': op<WorkStats>()(AsOfInput, 'read'),
  /** The year's projects: planned funds by source, paid out, by status and village, 滞后. */
  'stats.projects': op<ProjectsStats>()(AsOfYearInput, 'read'),
  /** Households per helper, visit coverage in the last 30 / 90 days. */
  'stats.helpers': op<HelpersStats>()(AsOfInput, 'read'),
  /** 村级统计: one row per village and the total. */
  'stats.villages': op<VillageStats>()(AsOfYearInput, 'read'),
  /** A report form (村级统计表, 乡镇监测对象情况统计表, 衔接资金项目拨付进度表, 帮扶责任人结对走访情况表) to print. */
  'stats.report': op<ReportTable>()(ReportInput, 'read'),
  /** The same report as .xlsx laid out for A4 landscape. */
  'stats.reportXlsx': op<ProducedFile>()(ReportInput, 'read'),
}
