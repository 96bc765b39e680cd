import { REPORT_TITLES } from '../../../shared/domain/stats'
import type { AreaHandlers } from '../handler-types'
import { helpersStats, householdsOverview, monitoringStats, projectsStats, villageStats, workStats } from './figures'
import { buildReport } from './reports'
import { writeReportXlsx } from './xlsx'

export const statsHandlers: AreaHandlers<'stats'> = {
  'stats.households': ({ asOf }, { ledger }) => householdsOverview(ledger, asOf),
  'stats.monitoring': ({ asOf }, { ledger }) => monitoringStats(ledger, asOf),
  'stats.work': ({ asOf }, { ledger }) => workStats(ledger, asOf),
  'stats.projects': ({ asOf, year }, { ledger }) => projectsStats(ledger, asOf, year),
  'stats.helpers': ({ asOf }, { ledger }) => helpersStats(ledger, asOf),
  'stats.villages': ({ asOf, year }, { ledger }) => villageStats(ledger, asOf, year),
  'stats.report': ({ kind, asOf, year }, { ledger }) => buildReport(ledger, kind, asOf, year),
  'stats.reportXlsx': async ({ kind, asOf, year }, { ledger, files }) => {
    const table = buildReport(ledger, kind, asOf, year)
    const out = files.create(`${kind === 'funds' ? table.title : REPORT_TITLES[kind]}-${asOf}.xlsx`)
    await writeReportXlsx(table, out.path)
    return { fileId: out.id, name: out.name }
  },
}
