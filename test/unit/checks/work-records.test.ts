/**
 * Work checks read the ledger's own work records (national area): nothing is decided while the
 * ledger holds none; a spell the clerk entered without 所属行业 and 是否点对点输送 is found on that
 * person, and filling them in clears it on the household's re-run.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { cleanHousehold, EXAMPLE_AS_OF, emptyLedger } from '../../../electron/core/checks/examples'
import { seedLedger } from '../../helpers/checks-seed'
import { opCaller, testCore } from '../../helpers/core'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

describe('work checks over the work_spells table', () => {
  it('decide nothing without work records, find a spell with missing fields, and clear once it is complete', async () => {
    const data = emptyLedger()
    for (let i = 1; i <= 4; i++) data.households.push(cleanHousehold(i, i))
    const { core } = testCore()
    cores.push(core)
    const { householdIds, memberIds } = seedLedger(core.ledger, data)
    const { call } = opCaller(core)
    const workFindings = async () => (await call('checks.findings', { status: 'all' })).items.filter((f) => f.rule.startsWith('work.'))

    await call('checks.run', { asOf: EXAMPLE_AS_OF })
    expect(await workFindings()).toEqual([])

    const memberId = memberIds.get(data.households[0]!.members[0]!.id)!
    const spell = { memberId, startMonth: '2024-03', endMonth: null, province: '浙江省', city: '宁波市', countyAt: '北仑区', channel: '企业招聘', employer: '某电子厂', industry: null, monthlyIncome: '4500' }
    const { id } = await call('national.saveWorkSpell', spell)
    await call('checks.run', { asOf: EXAMPLE_AS_OF })
    const found = (await workFindings()).filter((f) => f.rule === 'work.job-fields-missing')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('「所属行业」')
    expect(found[0]!.message).toContain('「是否点对点输送」')
    expect(found[0]!.householdId).toBe(householdIds.get(data.households[0]!.id))

    // The clerk fills in the industry and 是否点对点输送 on the same form.
    await call('national.saveWorkSpell', { ...spell, id, industry: '制造业', pointToPoint: '否' })
    await call('checks.run', { asOf: EXAMPLE_AS_OF })
    expect((await workFindings()).filter((f) => f.rule === 'work.job-fields-missing')).toEqual([])
  })
})
