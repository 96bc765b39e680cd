/** Writes (or removes) the demo township through the audited write path, in one transaction. */
import type { DemoLoadResult } from '../../../shared/api/demo'
import type { Ledger } from '../db/open'
import type { JobContext } from '../jobs/types'
import { DEMO_COUNTY, DEMO_TOWNSHIP, generateDemoTownship } from './generate'


export function loadDemo(ledger: Ledger, households: number, ctx: Pick<JobContext, 'actor' | 'progress' | 'checkCancelled'>): DemoLoadResult {
  const villages = generateDemoTownship({ households })
  const total = villages.reduce((n, v) => n + v.households.length, 0)
  let done = 0
  let members = 0
  ctx.progress(0, total, '正在生成示例乡镇…')
  ledger.write.run({ actor: ctx.actor, batch: 'demo' }, (w) => {
    removeDemoRows(ledger, w)
    for (const v of villages) {
      const villageId = w.insert('villages', {
        county: DEMO_COUNTY,
        township: DEMO_TOWNSHIP,
        name: v.name,
        is_poor_village: v.isPoorVillage,
        is_demo: 1,
      })
      const groupIds = new Map(v.groups.map((g) => [g, w.insert('village_groups', { village_id: villageId, name: g })]))
      for (const h of v.households) {
        const householdId = w.insert('households', { ...h.household, village_id: villageId, group_id: groupIds.get(h.groupName) ?? null })
        for (const m of h.members) w.insert('members', { ...m, household_id: householdId })
        members += h.members.length
        done++
        if (done % 50 === 0) {
          ctx.checkCancelled()
          ctx.progress(done, total, `已写入 ${done} / ${total} 户`)
        }
      }
    }
  })
  ctx.progress(total, total, '示例乡镇已载入')
  return { households: total, members }
}

function removeDemoRows(ledger: Ledger, w: Parameters<Parameters<Ledger['write']['run']>[1]>[0]): number {
  const demoVillages = 'village_id IN (SELECT id FROM villages WHERE is_demo = 1)'
  const households = ledger.sqlite.prepare(`SELECT count(*) AS n FROM households WHERE ${demoVillages}`).get() as { n: number }
  w.deleteWhere('members', `household_id IN (SELECT id FROM households WHERE ${demoVillages})`, [])
  w.deleteWhere('households', demoVillages, [])
  w.deleteWhere('village_groups', demoVillages, [])
  w.deleteWhere('villages', 'is_demo = 1', [])
  return households.n
}

export function removeDemo(ledger: Ledger, actor: string): number {
  return ledger.write.run({ actor, batch: 'demo-remove' }, (w) => removeDemoRows(ledger, w))
}
