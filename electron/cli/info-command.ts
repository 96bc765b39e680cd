/** `cli info`: what the ledger holds, as issue 15 lists it (the national 行政村信息 records as `villages`). */
import type { Ledger } from '../core/db/open'
import { monitoringCounts, type MonitoringCounts } from '../core/monitoring'
import { nationalCounts } from '../core/national'

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
}

export function ledgerInfo(ledger: Ledger): LedgerInfo {
  const counts = ledger.sqlite
    .prepare('SELECT (SELECT count(*) FROM villages) AS ledgerVillages, (SELECT count(*) FROM households) AS households, (SELECT count(*) FROM members) AS members')
    .get() as { ledgerVillages: number; households: number; members: number }
  const national = nationalCounts(ledger)
  return {
    db: ledger.path,
    schemaVersion: ledger.schemaVersion,
    ...counts,
    monitoring: monitoringCounts(ledger),
    workSpells: national.workSpells,
    plannedWork: national.plannedWork,
    villages: national.villageStatistics,
  }
}

export function infoCommand(ledger: Ledger, json: boolean): number {
  const info = ledgerInfo(ledger)
  if (json) console.log(JSON.stringify(info))
  else {
    console.log(
      `数据库：${info.db}\n数据结构版本：${info.schemaVersion}\n行政村：${info.ledgerVillages}  户：${info.households}  人：${info.members}\n` +
        `监测户：${info.monitoring.households}（未消除 ${info.monitoring.open}，已消除 ${info.monitoring.eliminated}）  务工记录：${info.workSpells}  计划外出务工：${info.plannedWork}  行政村信息：${info.villages}`,
    )
  }
  return 0
}
