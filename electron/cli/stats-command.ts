/** `npm run cli -- stats [--db FILE] [--as-of YYYY-MM-DD] [--json]`: 村级统计 as of a date. */
import type { Ledger } from '../core/db/open'
import { villageStats } from '../core/stats/figures'
import type { HP, VillageStatsRow } from '../../shared/domain/stats'

const pick = (r: VillageStatsRow) => ({
  households: r.households,
  persons: r.persons,
  tuopin: hp(r.tuopin),
  monitored: hp(r.monitored),
  open: hp(r.open),
  openNotDoudi: hp(r.openNotDoudi),
})
const hp = (x: HP): HP => ({ households: x.households, persons: x.persons })

export function statsCommand(ledger: Ledger, asOf: string, json: boolean): number {
  const s = villageStats(ledger, asOf)
  const villages = s.villages.filter((v) => v.households > 0)
  if (json) {
    console.log(JSON.stringify({ asOf, villages: villages.map((v) => ({ village: v.village, ...pick(v) })), total: pick(s.total) }))
    return 0
  }
  const pair = (x: HP) => `${x.households}/${x.persons}`
  console.log(`村级统计（截至 ${asOf}）  户/人`)
  console.log(['行政村', '总户数', '总人数', '脱贫户', '监测对象', '未消除风险', '非兜底未消除风险'].join('\t'))
  for (const v of [...villages, s.total]) {
    console.log([v.village, v.households, v.persons, pair(v.tuopin), pair(v.monitored), pair(v.open), pair(v.openNotDoudi)].join('\t'))
  }
  return 0
}
