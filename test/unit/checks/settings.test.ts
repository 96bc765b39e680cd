/** 核查设置: saved per ledger and read back by the overview; months and the subsidy window's order are checked, in Chinese. */
import { describe, expect, it } from 'vitest'
import type { CheckSettingsInput, ChecksOverview } from '../../../shared/api/checks'
import { dispatch } from '../../../electron/core/dispatch'
import { importHarness } from '../../helpers/import'

const { setup } = importHarness()
const GOOD: CheckSettingsInput = {
  maxHouseholdsPerHelper: 8, visitWithinDays: 60, premiumSubsidyFrom: '202301', premiumSubsidyTo: '202312', premiumSubsidyEndsFrom: '202401', homeCounty: ' 示例县 ',
}

describe('checks.saveSettings', () => {
  it('saves the settings the overview then shows (a county name trimmed)', async () => {
    const { call } = setup()
    await call('checks.saveSettings', GOOD)
    const o = (await call('checks.overview', {})) as ChecksOverview
    expect(o.settings).toEqual({ ...GOOD, homeCounty: '示例县' })
  })

  it.each([
    [{ premiumSubsidyFrom: '202313' }, '补贴识别月份自'],
    [{ premiumSubsidyTo: '202212' }, '不能早于'],
    [{ premiumSubsidyEndsFrom: '202312' }, '应晚于'],
    [{ maxHouseholdsPerHelper: 0 }, ''],
  ])('refuses %o with a message naming the field', async (patch, words) => {
    const { core } = setup()
    const r = await dispatch(core, 'checks.saveSettings', { ...GOOD, ...patch })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toMatch(/\p{Script=Han}/u)
      expect(r.error.message).toContain(words)
    }
    const saved = await dispatch(core, 'checks.overview', {})
    expect(saved.ok && (saved.value as ChecksOverview).settings.maxHouseholdsPerHelper).toBe(5)
  })
})
