import { afterEach, describe, expect, it } from 'vitest'
import type { HouseholdCards } from '../../../shared/api/forms'
import type { CoreContext } from '../../../electron/core/context'
import { dispatch } from '../../../electron/core/dispatch'
import { maskIdNumber, maskPhone } from '../../../shared/domain/id-number'
import { jobEnd, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

describe('户卡 data', () => {
  it('gives one card per household, for chosen households or the list filter, with members and status history', async () => {
    const { core, events } = testCore()
    cores.push(core)
    const started = await dispatch(core, 'demo.load', { households: 30 })
    await jobEnd(events, (started as { value: { jobId: string } }).value.jobId)
    const ids = core.ledger.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 2').pluck().all() as number[]
    await dispatch(core, 'households.recordStatus', { householdId: ids[0], kind: '识别', date: '2015-03-01' })
    const helper = (await dispatch(core, 'assistance.addHelper', { name: '王帮扶', unitName: '县农业农村局' })) as { ok: true; value: { id: number } }
    const pairing = (await dispatch(core, 'assistance.pair', { helperId: helper.value.id, householdId: ids[0], startDate: '2024-01-01' })) as { ok: true; value: { id: number } }
    await dispatch(core, 'assistance.pair', { helperId: helper.value.id, householdId: ids[1], startDate: '2024-01-01' })
    await dispatch(core, 'assistance.endPairing', { pairingId: pairing.value.id, endDate: '2025-01-01' })
    for (let i = 1; i <= 6; i++) await dispatch(core, 'assistance.addVisit', { householdId: ids[0], date: `2026-0${i}-01`, visitor: '王帮扶' })

    const chosen = (await dispatch(core, 'forms.householdCards', { householdIds: ids })) as { ok: true; value: HouseholdCards }
    expect(chosen.value.township).toBe('示例县示例镇')
    expect(chosen.value.cards.map((c) => c.household.id)).toEqual(ids)
    expect(chosen.value.cards[0]!.statusEvents).toEqual([expect.objectContaining({ kind: '识别', date: '2015-03-01' })])
    // Current helpers only, and the four most recent visits.
    expect(chosen.value.cards[0]!.assistance.pairings).toEqual([])
    expect(chosen.value.cards[1]!.assistance.pairings.map((p) => p.helperName)).toEqual(['王帮扶'])
    expect(chosen.value.cards[0]!.assistance.visits.map((v) => v.date)).toEqual(['2026-06-01', '2026-05-01', '2026-04-01', '2026-03-01'])
    const memberCount = core.ledger.sqlite.prepare('SELECT count(*) FROM members WHERE household_id = ?').pluck().get(ids[1]) as number
    expect(chosen.value.cards[1]!.household.members).toHaveLength(memberCount)

    const village = core.ledger.sqlite.prepare("SELECT id FROM villages WHERE name = '石桥村'").pluck().get() as number
    const filtered = (await dispatch(core, 'forms.householdCards', { filter: { villageId: village } })) as { ok: true; value: HouseholdCards }
    expect(filtered.value.cards).toHaveLength(5)
    expect(filtered.value.cards.every((c) => c.household.villageName === '石桥村')).toBe(true)
  })

  it('masks ID numbers and phones like the lists unless full numbers are chosen, which the access log records', async () => {
    const { core, events } = testCore()
    cores.push(core)
    const started = await dispatch(core, 'demo.load', { households: 30 })
    await jobEnd(events, (started as { value: { jobId: string } }).value.jobId)
    const db = core.ledger.sqlite
    const id = db.prepare('SELECT id FROM households WHERE phone IS NOT NULL ORDER BY id LIMIT 1').pluck().get() as number
    const full = db.prepare("SELECT id_number FROM members WHERE household_id = ? AND relation = '户主'").pluck().get(id) as string
    const phone = db.prepare('SELECT phone FROM households WHERE id = ?').pluck().get(id) as string
    const logged = () => db.prepare("SELECT actor, detail FROM access_log WHERE action = 'print_unmasked'").all() as { actor: string; detail: string }[]

    const masked = (await dispatch(core, 'forms.householdCards', { householdIds: [id] })) as { ok: true; value: HouseholdCards }
    const head = masked.value.cards[0]!.household.members.find((m) => m.relation === '户主')!
    expect(masked.value.fullIds).toBe(false)
    expect(head.idNumber).toBe(maskIdNumber(full))
    expect(masked.value.cards[0]!.household.phone).toBe(maskPhone(phone))
    expect(JSON.stringify(masked.value)).not.toContain(full)
    expect(logged()).toEqual([])

    const shown = (await dispatch(core, 'forms.householdCards', { householdIds: [id], fullIds: true })) as { ok: true; value: HouseholdCards }
    expect(shown.value.fullIds).toBe(true)
    expect(shown.value.cards[0]!.household.members.find((m) => m.relation === '户主')!.idNumber).toBe(full)
    expect(shown.value.cards[0]!.household.phone).toBe(phone)
    const village = db.prepare('SELECT village_id FROM households WHERE id = ?').pluck().get(id) as number
    const job = (await dispatch(core, 'forms.householdCardsJob', { filter: { villageId: village }, fullIds: true })) as { ok: true; value: { jobId: string } }
    await jobEnd(events, job.value.jobId)
    const n = db.prepare('SELECT count(*) FROM households WHERE village_id = ?').pluck().get(village) as number
    expect(logged()).toEqual([
      { actor: core.actor, detail: expect.stringMatching(/^户卡（完整证件号码和电话）：1 户（户编号 \d+）$/) },
      { actor: core.actor, detail: `户卡（完整证件号码和电话）：${n} 户` },
    ])
  })
})
