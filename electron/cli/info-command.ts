/** `cli info`: what the ledger holds, for scripts (`--json`) or a glance. */
import type { Ledger } from '../core/db/open'
import { localToday } from '../core/households'
import { monitoringCounts } from '../core/monitoring'
import { nationalCounts } from '../core/national'
import { rectificationCounts } from '../core/rectification'

export function ledgerInfo(ledger: Ledger, dbPath: string, today = localToday()) {
  const counts = ledger.sqlite
    .prepare('SELECT (SELECT count(*) FROM villages) AS villages, (SELECT count(*) FROM households) AS households, (SELECT count(*) FROM members) AS members')
    .get() as { villages: number; households: number; members: number }
  const national = nationalCounts(ledger)
  return {
    db: dbPath,
    schemaVersion: ledger.schemaVersion,
    ...counts,
    monitoring: monitoringCounts(ledger),
    workSpells: national.workSpells,
    plannedWork: national.plannedWork,
    villageStatistics: national.villageStatistics,
    rectification: rectificationCounts(ledger, today),
  }
}

export function infoCommand(ledger: Ledger, dbPath: string, options: { json: boolean }): number {
  const info = ledgerInfo(ledger, dbPath)
  if (options.json) console.log(JSON.stringify(info))
  else {
    const r = info.rectification
    console.log(
      `数据库：${dbPath}\n数据结构版本：${info.schemaVersion}\n行政村：${info.villages}  户：${info.households}  人：${info.members}` +
        (r.problems ? `\n整改问题：${r.problems}（未销号 ${r.open}，已逾期 ${r.overdue}，已销号 ${r.closed}）` : ''),
    )
  }
  return 0
}
