/** `cli info`: what the ledger holds, as issue 15 lists it (the national 行政村信息 records as `villages`), for scripts (`--json`) or a glance. */
import type { Ledger } from '../core/db/open'
import { localToday } from '../core/households'
import { monitoringCounts, type MonitoringCounts } from '../core/monitoring'
import { nationalCounts } from '../core/national'
import { rectificationCounts } from '../core/rectification'

export interface LedgerInfo {
  db: string
  schemaVersion: number
  /** Villages the ledger's households belong to (the roster's 行政村). */
  ledgerVillages: number
  households: number
  members: number
  monitoring: MonitoringCounts
  workSpells: number
  plannedWork: number
  /** Villages with a record of the national 行政村信息 export. */
  villages: number
  rectification: ReturnType<typeof rectificationCounts>
}

export function ledgerInfo(ledger: Ledger, dbPath = ledger.path, today = localToday()): LedgerInfo {
  const counts = ledger.sqlite
    .prepare('SELECT (SELECT count(*) FROM villages) AS ledgerVillages, (SELECT count(*) FROM households) AS households, (SELECT count(*) FROM members) AS members')
    .get() as { ledgerVillages: number; households: number; members: number }
  const national = nationalCounts(ledger)
  return {
    db: dbPath,
    schemaVersion: ledger.schemaVersion,
    ...counts,
    monitoring: monitoringCounts(ledger),
    workSpells: national.workSpells,
    plannedWork: national.plannedWork,
    villages: national.villageStatistics,
    rectification: rectificationCounts(ledger, today),
  }
}

export function infoCommand(ledger: Ledger, dbPath: string, options: { json: boolean }): number {
  const info = ledgerInfo(ledger, dbPath)
  if (options.json) console.log(JSON.stringify(info))
  else {
    const r = info.rectification
    console.log(
      `数据库：${info.db}\n数据结构版本：${info.schemaVersion}\n行政村：${info.ledgerVillages}  户：${info.households}  人：${info.members}\n` +
        `监测户：${info.monitoring.households}（未消除 ${info.monitoring.open}，已消除 ${info.monitoring.eliminated}）  务工记录：${info.workSpells}  计划外出务工：${info.plannedWork}  行政村信息：${info.villages}` +
        (r.problems ? `\n整改问题：${r.problems}（未销号 ${r.open}，已逾期 ${r.overdue}，已销号 ${r.closed}）` : ''),
    )
  }
  return 0
}
